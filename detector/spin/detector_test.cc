#include "detector/spin/detector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detector/rules/pack_parser.h"
#include "detector/spin/restorer.h"

namespace unspin {
namespace {

constexpr char kPack[] = R"(pack t
severity error
rule t.vision: imaginative and prescient => vision
  example: x => y
rule t.prescient: prescient => forward-looking
  confidence: 0.5
  severity: info
  example: x => y
rule t.via: by the use of => via
  example: x => y
rule t.low: closing => last
  confidence: 0.3
  example: x => y
)";

std::unique_ptr<RuleSet> Rules() {
  auto pack = ParseRulePack(kPack, "t.rules");
  EXPECT_TRUE(pack.ok()) << pack.status();
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  return std::move(RuleSet::Build(std::move(packs), nullptr)).value();
}

TEST(DetectorTest, FindingsCarryOffsetsCasedReplacementsAndRuleData) {
  auto rules = Rules();
  Detector detector(rules.get(), DetectorOptions{});
  const std::string text = "An Imaginative and prescient, by the use of Reuters.";
  const DocumentReport report = detector.Check(Document("a.txt", text));
  ASSERT_EQ(report.findings.size(), 2u);
  const Finding& vision = report.findings[0];
  EXPECT_EQ(text.substr(vision.source_begin, vision.source_end - vision.source_begin),
            "Imaginative and prescient");
  EXPECT_EQ(vision.replacement, "Vision");
  EXPECT_EQ(vision.rule_id, "t.vision");  // the longer match wins over t.prescient
  EXPECT_EQ(vision.severity, Severity::kError);
  EXPECT_EQ(report.findings[1].replacement, "via");
  EXPECT_EQ(report.word_count, 9u);
  EXPECT_GT(report.spin_score, 0.5);
  EXPECT_EQ(ApplyRestorations(text, report.findings), "An Vision, via Reuters.");
}

TEST(DetectorTest, QuotedSpeechIsSuppressedUnlessAsked) {
  auto rules = Rules();
  const std::string text =
      "He said \u201cby the use of force\u201d and by the use of Reuters we know.";
  const DocumentReport quiet = Detector(rules.get(), DetectorOptions{}).Check(Document("q", text));
  ASSERT_EQ(quiet.findings.size(), 1u);
  EXPECT_GT(quiet.findings[0].source_begin, text.find("\u201d"));
  EXPECT_EQ(quiet.quoted_matches, 1u);

  DetectorOptions options;
  options.report_quoted = true;
  const DocumentReport all = Detector(rules.get(), options).Check(Document("q", text));
  ASSERT_EQ(all.findings.size(), 2u);
  EXPECT_TRUE(all.findings[0].in_quote);
  EXPECT_FALSE(all.findings[1].in_quote);
}

TEST(DetectorTest, MinConfidenceAndDisabledRules) {
  auto rules = Rules();
  const Document doc("c", "the closing yr");
  EXPECT_EQ(Detector(rules.get(), DetectorOptions{}).Check(doc).findings.size(), 1u);
  DetectorOptions strict;
  strict.min_confidence = 0.5;
  EXPECT_TRUE(Detector(rules.get(), strict).Check(doc).findings.empty());
  DetectorOptions off;
  off.use_rules = false;
  EXPECT_TRUE(Detector(rules.get(), off).Check(doc).findings.empty());
}

TEST(DetectorTest, EmptyDocument) {
  auto rules = Rules();
  const DocumentReport report = Detector(rules.get(), DetectorOptions{}).Check(Document("e", ""));
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.word_count, 0u);
  EXPECT_EQ(report.spin_score, 0.0);
}

TEST(SpinScoreTest, GrowsWithDensity) {
  EXPECT_EQ(SpinScore(0, 100), 0.0);
  EXPECT_NEAR(SpinScore(1.0, 100), 0.5, 1e-9);
  EXPECT_LT(SpinScore(1.0, 1000), SpinScore(1.0, 100));
  EXPECT_LT(SpinScore(10.0, 100), 1.0);
}

}  // namespace
}  // namespace unspin
