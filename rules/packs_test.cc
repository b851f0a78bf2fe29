// Checks every built-in rule: each example must produce a finding of that rule whose
// restoration turns the spun sentence into the restored one, and each counterexample must stay
// quiet for that rule. Findings of other rules are ignored, so examples stay independent.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detector/spin/engine.h"
#include "detector/spin/restorer.h"
#include "rules/builtin_packs.h"

namespace unspin {
namespace {

class PacksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions options;
    options.detector.report_quoted = true;  // examples may quote; quotes are tested elsewhere
    options.lexicon = false;                // each rule's examples test that rule alone
    auto engine = Engine::Create(options);
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = engine->release();
  }
  static Engine* engine_;
};
Engine* PacksTest::engine_ = nullptr;

std::vector<Finding> FindingsOf(const DocumentReport& report, const std::string& rule_id) {
  std::vector<Finding> out;
  for (const Finding& f : report.findings) {
    if (f.rule_id == rule_id) out.push_back(f);
  }
  return out;
}

TEST_F(PacksTest, EveryPackIsBuiltIn) {
  EXPECT_FALSE(BuiltinPacks().empty());
  EXPECT_EQ(engine_->rules().packs().size(), BuiltinPacks().size());
}

// Start-up leaves the built-in packs' context patterns to their first use; here each compiles.
TEST_F(PacksTest, EveryContextPatternCompiles) {
  size_t checked = 0;
  for (const RulePack& pack : engine_->rules().packs()) {
    for (const Rule& rule : pack.rules) {
      for (const auto& pattern : {rule.context, rule.not_context}) {
        if (pattern == nullptr) continue;
        EXPECT_TRUE(pattern->ok()) << rule.file << ":" << rule.line << " " << pattern->error();
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0u);
}

TEST_F(PacksTest, ExamplesFireAndRestore) {
  size_t checked = 0;
  for (const RulePack& pack : engine_->rules().packs()) {
    for (const Rule& rule : pack.rules) {
      for (const RuleExample& example : rule.examples) {
        const std::string where = rule.file + ":" + std::to_string(example.line) + " " + rule.id;
        const DocumentReport report = engine_->detector().Check(Document("example", example.spun));
        const std::vector<Finding> findings = FindingsOf(report, rule.id);
        EXPECT_FALSE(findings.empty()) << where << ": no finding in: " << example.spun;
        EXPECT_EQ(ApplyRestorations(example.spun, findings), example.restored) << where;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0u);
}

TEST_F(PacksTest, CounterexamplesStayQuiet) {
  for (const RulePack& pack : engine_->rules().packs()) {
    for (const Rule& rule : pack.rules) {
      for (const std::string& counter : rule.counterexamples) {
        const DocumentReport report = engine_->detector().Check(Document("counter", counter));
        EXPECT_TRUE(FindingsOf(report, rule.id).empty())
            << rule.file << ":" << rule.line << " " << rule.id << " fires on: " << counter;
      }
    }
  }
}

}  // namespace
}  // namespace unspin
