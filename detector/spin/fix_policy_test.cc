#include "detector/spin/fix_policy.h"

#include <gtest/gtest.h>

namespace unspin {
namespace {

// `curated` matters only to lexicon findings.
Finding MakeFinding(const char* rule_id, double confidence, bool curated = false) {
  Finding f;
  f.rule_id = rule_id;
  f.confidence = confidence;
  f.curated_restoration = curated;
  return f;
}

TEST(FixPolicyTest, RuleConfidenceAndLexiconDecide) {
  const struct {
    const char* rule_id;
    double confidence;
    bool curated;
    Applicability expected;
  } cases[] = {
      {"spin.news.vision", 0.97, false, Applicability::kSafe},
      {"spin.news.said", kSafeFixMinConfidence, false, Applicability::kSafe},
      {"spin.news.leadership", 0.6, false, Applicability::kUnsafe},
      {"lexicon.swap", 0.99, false, Applicability::kUnsafe},
      {"lexicon.thesaurus", 0.75, false, Applicability::kUnsafe},
      // A curated restoration (a rule pack's phrase through a table swap) is safe when sure.
      {"lexicon.swap", kSafeLexiconFixMinConfidence, true, Applicability::kSafe},
      {"lexicon.swap", 0.85, true, Applicability::kUnsafe},
      // Only the prefix marks lexicon findings, not the word anywhere in the id.
      {"spin.web.lexicon", 0.75, false, Applicability::kSafe},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FixApplicability(MakeFinding(c.rule_id, c.confidence, c.curated)), c.expected)
        << c.rule_id << " " << c.confidence;
  }
  EXPECT_EQ(ApplicabilityName(Applicability::kSafe), "safe");
  EXPECT_EQ(ApplicabilityName(Applicability::kUnsafe), "unsafe");
}

TEST(FixPolicyTest, ApplicableFixesKeepsOrderAndHonoursUnsafeFixes) {
  const std::vector<Finding> findings = {MakeFinding("spin.a", 0.9),
                                         MakeFinding("lexicon.swap", 0.95, false),
                                         MakeFinding("spin.b", 0.5), MakeFinding("spin.c", 0.8)};
  std::vector<Finding> safe = ApplicableFixes(findings, false);
  ASSERT_EQ(safe.size(), 2u);
  EXPECT_EQ(safe[0].rule_id, "spin.a");
  EXPECT_EQ(safe[1].rule_id, "spin.c");
  std::vector<Finding> all = ApplicableFixes(findings, true);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].rule_id, "lexicon.swap");
}

}  // namespace
}  // namespace unspin
