#include "detector/rules/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "detector/rules/pack_parser.h"

namespace unspin {
namespace {

constexpr char kPack[] = R"(pack t
rule t.vision: imaginative and prescient => vision
  example: x => y
rule t.visit: seek advice from => visit
  example: x => y
rule t.challenges: demanding situations => challenges
  example: x => y
rule t.said: mentioned => said
  after: @name | on | in
  not-before: as | previously
  example: x => y
rule t.yr: closing yr => last year
  before: the | @start
  example: x => y
rule t.via: by the use of => via
  before: @name
  after: @name
  example: x => y
rule t.ctx: web sure => net positive
  not-context: /(?i)spider/
  example: x => y
rule t.each: each and every different => each other
  inflect: none
  example: x => y
rule t.count: occasions upper => times higher
  before: @number
  example: x => y
)";

class MatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto morphology = Morphology::Create({});
    ASSERT_TRUE(morphology.ok());
    morphology_ = morphology->release();
    auto pack = ParseRulePack(kPack, "t.rules");
    ASSERT_TRUE(pack.ok()) << pack.status();
    std::vector<RulePack> packs;
    packs.push_back(std::move(*pack));
    auto rules = RuleSet::Build(std::move(packs), morphology_);
    ASSERT_TRUE(rules.ok()) << rules.status();
    rules_ = rules->release();
  }

  // "rule-id:matched text=>replacement" for each match.
  static std::vector<std::string> Matches(const std::string& text) {
    const TokenizedText tokens = Tokenize(text);
    std::vector<RuleMatch> matches;
    rules_->Match(tokens, text, &matches);
    std::vector<std::string> out;
    for (const RuleMatch& m : matches) {
      const size_t b = tokens.tokens[m.first_token].begin;
      const size_t e = tokens.tokens[m.end_token - 1].end;
      out.push_back(m.rule->id + ":" + text.substr(b, e - b) + "=>" + *m.replacement);
    }
    return out;
  }

  static Morphology* morphology_;
  static RuleSet* rules_;
};
Morphology* MatcherTest::morphology_ = nullptr;
RuleSet* MatcherTest::rules_ = nullptr;

using Strings = std::vector<std::string>;

TEST_F(MatcherTest, MultiwordPhrasesCaseAndApostrophesFolded) {
  EXPECT_EQ(Matches("an Imaginative and Prescient for all"),
            Strings{"t.vision:Imaginative and Prescient=>vision"});
  EXPECT_EQ(Matches("they are each and every different\u2019s friends"),
            Strings{"t.each:each and every different=>each other"});
  EXPECT_EQ(Matches("imaginative and bold"), Strings{});
}

TEST_F(MatcherTest, InflectedVariants) {
  const struct {
    std::string text;
    Strings expected;
  } cases[] = {
      {"to seek advice from Moscow", {"t.visit:seek advice from=>visit"}},
      {"she seeks advice from Moscow", {"t.visit:seeks advice from=>visits"}},
      {"he sought advice from Moscow", {"t.visit:sought advice from=>visited"}},
      {"seeking advice from Moscow", {"t.visit:seeking advice from=>visiting"}},
      {"economic demanding situations", {"t.challenges:demanding situations=>challenges"}},
      {"a demanding situation", {"t.challenges:demanding situation=>challenge"}},
      // "each" rule has inflect: none.
      {"each and every differents", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Matches(c.text), c.expected) << c.text;
  EXPECT_GT(rules_->variant_count(), rules_->rule_count());
}

TEST_F(MatcherTest, Guards) {
  const struct {
    std::string text;
    Strings expected;
  } cases[] = {
      {"mentioned Butler, the professor.", {"t.said:mentioned=>said"}},
      {"Burakovsky mentioned on Wednesday.", {"t.said:mentioned=>said"}},
      {"As mentioned in the report.", {}},                       // not-before: as
      {"It was previously mentioned on the list.", {}},          // not-before: previously
      {"He mentioned the plan.", {}},                            // after guard fails
      {"Mentioned. Butler left.", {}},                           // guards stay inside the sentence
      {"Closing yr was hard.", {"t.yr:Closing yr=>last year"}},  // @start
      {"in the closing yr of the war", {"t.yr:closing yr=>last year"}},
      {"a closing yr sale", {}},
      {"AFP/Sputnik by the use of Reuters", {"t.via:by the use of=>via"}},
      {"Sputnik by the use of Reuters", {}},  // a sentence-initial capital is no name
      {"by the use of force", {}},
      {"a web sure bet", {"t.ctx:web sure=>net positive"}},
      {"the spider web sure held", {}},  // not-context
      {"six occasions upper than", {"t.count:occasions upper=>times higher"}},
      {"98 occasions upper than", {"t.count:occasions upper=>times higher"}},
      {"many occasions upper than", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Matches(c.text), c.expected) << c.text;
}

TEST(RuleSetBuildTest, DuplicateIdsAcrossPacksAreAnError) {
  std::vector<RulePack> packs;
  for (const char* file : {"a.rules", "b.rules"}) {
    auto pack = ParseRulePack("pack t\nrule t.x: a => b\n  example: a => b\n", file);
    ASSERT_TRUE(pack.ok());
    packs.push_back(std::move(*pack));
  }
  auto rules = RuleSet::Build(std::move(packs), nullptr);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(), "b.rules:2: duplicate rule id 't.x' (also at a.rules:2)");
}

TEST(RuleSetBuildTest, EachRuleHasEachPhraseOnce) {
  // The past of "cut" is "cut": that variant would repeat the rule's own phrase. Another rule
  // with the same phrase keeps its own variants.
  auto morphology = Morphology::Create({});
  ASSERT_TRUE(morphology.ok());
  auto pack = ParseRulePack(
      "pack t\n"
      "rule t.trim: cut back => trim\n  inflect: verb\n  example: a => b\n"
      "rule t.reduce: cut back => reduce\n  inflect: verb\n  example: a => b\n",
      "t.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  auto rules = RuleSet::Build(std::move(packs), morphology->get());
  ASSERT_TRUE(rules.ok()) << rules.status();
  std::vector<std::string> phrases = (*rules)->VariantPhrases();
  std::sort(phrases.begin(), phrases.end());
  EXPECT_EQ(phrases, (std::vector<std::string>{"cut back", "cut back", "cuts back", "cuts back",
                                                "cutting back", "cutting back"}));
  EXPECT_EQ((*rules)->variant_count(), 6u);
  // The phrase as written keeps the restoration as written, not the past tense's.
  const std::string text = "they cut back spending";
  std::vector<RuleMatch> matches;
  (*rules)->Match(Tokenize(text), text, &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(*matches[0].replacement, "trim");
  EXPECT_EQ(*matches[1].replacement, "reduce");
}

}  // namespace
}  // namespace unspin
