#include "detector/report/rule_catalog.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "detector/rules/pack_parser.h"

namespace unspin {
namespace {

TEST(RuleCatalogTest, BuiltInRulesWithoutPacks) {
  const RuleCatalog catalog;
  std::vector<std::string> ids;
  for (const RuleInfo& r : catalog.rules()) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"lexicon.swap", "lexicon.thesaurus",
                                           "unspin.unused-suppression"}));
  ASSERT_NE(catalog.Find("unspin.unused-suppression"), nullptr);
  EXPECT_EQ(catalog.IndexOf("lexicon.thesaurus"), 1);
  EXPECT_EQ(catalog.IndexOf("spin.news.x"), -1);
  EXPECT_EQ(catalog.Find("spin.news.x"), nullptr);
}

TEST(RuleCatalogTest, PackRulesCarryTheirMetadataInIdOrder) {
  absl::StatusOr<RulePack> pack = ParseRulePack(
      "pack e2e\n"
      "severity error\n"
      "confidence 0.95\n"
      "\n"
      "rule spin.e2e.yr: closing yr => last year\n"
      "  example: sales rose closing yr => sales rose last year\n"
      "\n"
      "rule spin.e2e.said: mentioned => said\n"
      "  severity: info\n"
      "  confidence: 0.7\n"
      "  example: the plan stands, mentioned Butler => the plan stands, said Butler\n",
      "packs/e2e.rules");
  ASSERT_TRUE(pack.ok()) << pack.status();
  std::vector<RulePack> packs;
  packs.push_back(std::move(*pack));
  absl::StatusOr<std::unique_ptr<RuleSet>> rules = RuleSet::Build(std::move(packs), nullptr);
  ASSERT_TRUE(rules.ok()) << rules.status();
  RuleCatalog catalog;
  catalog.AddRuleSet(**rules);
  std::vector<std::string> ids;
  for (const RuleInfo& r : catalog.rules()) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"lexicon.swap", "lexicon.thesaurus", "spin.e2e.said",
                                           "spin.e2e.yr", "unspin.unused-suppression"}));
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(catalog.IndexOf(ids[i]), static_cast<int>(i));
  const RuleInfo* yr = catalog.Find("spin.e2e.yr");
  ASSERT_NE(yr, nullptr);
  EXPECT_EQ(yr->summary, "Spun \"last year\": \"closing yr\"");
  EXPECT_EQ(yr->description, "\"closing yr\" looks like a spun \"last year\"");
  EXPECT_EQ(yr->help,
            "Restore \"last year\". Example: \"sales rose closing yr\" becomes \"sales rose last "
            "year\".");
  EXPECT_EQ(yr->default_severity, Severity::kError);
  EXPECT_DOUBLE_EQ(yr->default_confidence, 0.95);
  EXPECT_EQ(yr->pack, "e2e");
  EXPECT_EQ(yr->source, "packs/e2e.rules:5");
  const RuleInfo* said = catalog.Find("spin.e2e.said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->default_severity, Severity::kInfo);
  EXPECT_DOUBLE_EQ(said->default_confidence, 0.7);
}

}  // namespace
}  // namespace unspin
