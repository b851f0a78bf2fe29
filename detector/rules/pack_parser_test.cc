#include "detector/rules/pack_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace unspin {
namespace {

constexpr char kPack[] = R"(# a comment
pack news
severity error
confidence 0.95

rule spin.news.vision: imaginative and prescient => vision
  example: an imaginative and prescient for all => a vision for all

rule spin.news.said: mentioned => said
  confidence: 0.8
  severity: warning
  message: spun "said"
  after: @name | on | as previously
  not-before: as
  not-after: above
  context: /[A-Z]/
  inflect: none
  example: Butler mentioned on Monday => Butler said on Monday
  counterexample: as mentioned above
)";

TEST(ParseRulePackTest, ParsesRulesDefaultsAndGuards) {
  auto pack = ParseRulePack(kPack, "news.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->name, "news");
  ASSERT_EQ(pack->rules.size(), 2u);

  const Rule& vision = pack->rules[0];
  EXPECT_EQ(vision.id, "spin.news.vision");
  EXPECT_EQ(vision.spun, "imaginative and prescient");
  EXPECT_EQ(vision.replacement, "vision");
  EXPECT_EQ(vision.severity, Severity::kError);
  EXPECT_DOUBLE_EQ(vision.confidence, 0.95);
  EXPECT_EQ(vision.line, 6);
  EXPECT_EQ(vision.message, "\"imaginative and prescient\" looks like a spun \"vision\"");
  ASSERT_EQ(vision.examples.size(), 1u);
  EXPECT_EQ(vision.examples[0].spun, "an imaginative and prescient for all");
  EXPECT_EQ(vision.examples[0].restored, "a vision for all");
  EXPECT_EQ(vision.examples[0].line, 7);

  const Rule& said = pack->rules[1];
  EXPECT_DOUBLE_EQ(said.confidence, 0.8);
  EXPECT_EQ(said.severity, Severity::kWarning);
  EXPECT_EQ(said.message, "spun \"said\"");
  EXPECT_EQ(said.inflect, InflectMode::kNone);
  ASSERT_EQ(said.after.alternatives.size(), 3u);
  EXPECT_EQ(said.after.alternatives[0][0].token_class, TokenClass::kName);
  EXPECT_EQ(said.after.alternatives[1][0].literal, "on");
  ASSERT_EQ(said.after.alternatives[2].size(), 2u);
  EXPECT_EQ(said.after.alternatives[2][1].literal, "previously");
  EXPECT_EQ(said.not_before.alternatives.size(), 1u);
  ASSERT_NE(said.context, nullptr);
  EXPECT_EQ(said.counterexamples, std::vector<std::string>{"as mentioned above"});
}

TEST(ParseRulePackTest, BrokenFilesNameFileAndLine) {
  struct Case {
    std::string text;
    std::string error;
  };
  const Case cases[] = {
      {"rule x.a: a => b\n  example: a => b\n", "f.rules:1: `pack NAME` must come before"},
      {"pack p\nrule p.a a => b\n", "f.rules:2: expected `rule ID: SPUN => RESTORED`"},
      {"pack p\nrule p.a: a =>\n", "f.rules:2: expected `rule ID: SPUN => RESTORED` with both"},
      {"pack p\nrule other.a: a => b\n  example: a => b\n", "f.rules:2: rule id 'other.a' must"},
      {"pack p\nrule p.a: a => b\n  example: a => b\nrule p.a: c => d\n",
       "f.rules:4: duplicate rule id 'p.a'"},
      {"pack p\nrule p.a: a => b\n", "f.rules:2: rule p.a has no example"},
      {"pack p\nrule p.a: a => b\n  afterr: x\n", "f.rules:3: unknown key 'afterr'"},
      {"pack p\nrule p.a: a => b\n  confidence: 1.5\n", "f.rules:3: confidence must be"},
      {"pack p\nrule p.a: a => b\n  severity: fatal\n", "f.rules:3: unknown severity 'fatal'"},
      {"pack p\nrule p.a: a => b\n  after: @nmae\n", "f.rules:3: unknown word class '@nmae'"},
      {"pack p\nrule p.a: a => b\n  after: x | | y\n", "f.rules:3: empty guard alternative"},
      {"pack p\nrule p.a: a => b\n  context: /(/\n", "f.rules:3: bad context pattern"},
      {"pack p\nrule p.a: a => b\n  context: (x)\n", "f.rules:3: context expects a /RE2"},
      {"pack p\nrule p.a: a => b\n  example: no arrow\n", "f.rules:3: example expects"},
      {"pack p\nrule p.a: a => b\n  inflect: maybe\n", "f.rules:3: unknown inflect mode"},
      {"pack p\nrule p.a: a => b\n  just words\n", "f.rules:3: expected `key: value`"},
      {"pack p\nbogus 1\n", "f.rules:2: unknown pack setting 'bogus'"},
      {"pack p\npack q\n", "f.rules:2: `pack` given twice"},
      {"# nothing\n", "f.rules:1: missing `pack NAME` line"},
      {"pack p\nrule p.a: a => b\n  after: @start x\n", "f.rules:3: @start and @end must stand"},
  };
  for (const Case& c : cases) {
    auto pack = ParseRulePack(c.text, "f.rules");
    ASSERT_FALSE(pack.ok()) << c.text;
    EXPECT_EQ(pack.status().message().substr(0, c.error.size()), c.error)
        << "got: " << pack.status().message();
  }
}

// Without check_patterns (the built-in packs) a context pattern compiles at its first use; one
// that does not compile is not an error then, and never matches.
TEST(ParseRulePackTest, UncheckedPatternsCompileAtFirstUse) {
  ParseOptions options;
  options.check_patterns = false;
  auto pack = ParseRulePack(
      "pack p\nrule p.a: a => b\n  context: /(/\n  not-context: /(?i)\\bqubits?\\b/\n"
      "  example: a => b\n",
      "f.rules", options);
  ASSERT_TRUE(pack.ok()) << pack.status();
  const Rule& rule = pack->rules.at(0);
  ASSERT_NE(rule.context, nullptr);
  EXPECT_FALSE(rule.context->ok());
  EXPECT_FALSE(rule.context->PartialMatch("("));
  ASSERT_NE(rule.not_context, nullptr);
  EXPECT_TRUE(rule.not_context->PartialMatch("Two Qubits here"));
  EXPECT_FALSE(rule.not_context->PartialMatch("qubitsx"));
}

TEST(ParseGuardTest, LiteralsAreNormalizedAndSplitLikeText) {
  auto guard = ParseGuard("U.S. | Don\u2019t | @number");
  ASSERT_TRUE(guard.ok());
  ASSERT_EQ(guard->alternatives.size(), 3u);
  EXPECT_EQ(guard->alternatives[0].size(), 4u);  // u . s .
  EXPECT_EQ(guard->alternatives[1][0].literal, "don't");
  EXPECT_EQ(guard->alternatives[2][0].token_class, TokenClass::kNumber);
}

TEST(ParseGuardTest, PossessiveAloneIsOneToken) {
  for (const char* value : {"'s", "\u2019s"}) {
    auto guard = ParseGuard(value);
    ASSERT_TRUE(guard.ok()) << value;
    ASSERT_EQ(guard->alternatives.size(), 1u);
    ASSERT_EQ(guard->alternatives[0].size(), 1u) << value;
    EXPECT_EQ(guard->alternatives[0][0].literal, "'s");
  }
}

}  // namespace
}  // namespace unspin
