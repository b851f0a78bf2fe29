#include "detector/cli/finding_policy.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/rules/pack_parser.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

std::string Temp(const std::string& name) {
  return absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
}

std::unique_ptr<RuleSet> TestRules() {
  std::vector<RulePack> packs;
  for (const char* text : {"pack e2e\nseverity error\n"
                           "rule spin.e2e.yr: closing yr => last year\n"
                           "  example: sales rose closing yr => sales rose last year\n"
                           "rule spin.e2e.said: mentioned => said\n"
                           "  example: it was mentioned => it was said\n",
                           "pack other\nseverity warning\n"
                           "rule spin.other.vision: imaginative and prescient => vision\n"
                           "  example: a imaginative and prescient => a vision\n"}) {
    absl::StatusOr<RulePack> pack = ParseRulePack(text, "test.rules");
    EXPECT_TRUE(pack.ok()) << pack.status();
    packs.push_back(std::move(*pack));
  }
  absl::StatusOr<std::unique_ptr<RuleSet>> rules = RuleSet::Build(std::move(packs), nullptr);
  EXPECT_TRUE(rules.ok()) << rules.status();
  return std::move(*rules);
}

// A checked file whose one document has a finding of rule R at each "R@phrase".
struct FileUnderTest {
  InputFile input;
  CheckedFile file;
  FileUnderTest(const std::string& path, InputFormat format, const std::string& source,
                const std::vector<std::pair<std::string, std::string>>& findings,
                double confidence = 0.9) {
    input = InputFile{path, path, source.size(), false};
    file.input = &input;
    file.format = format;
    file.documents.emplace_back(path, source);
    DocumentReport report;
    report.word_count = 100;
    size_t from = 0;
    for (const auto& [rule, phrase] : findings) {
      const size_t pos = source.find(phrase, from);
      EXPECT_NE(pos, std::string::npos) << phrase;
      Finding f;
      f.source_begin = f.text_begin = pos;
      f.source_end = f.text_end = pos + phrase.size();
      f.rule_id = rule;
      f.confidence = confidence;
      f.severity = Severity::kError;
      f.replacement = "x";
      report.findings.push_back(f);
      from = pos + 1;
    }
    report.spin_score = 0.99;
    file.reports.push_back(report);
  }
  std::vector<std::string> Rules() const {
    std::vector<std::string> out;
    for (const Finding& f : file.reports[0].findings) {
      out.push_back(absl::StrCat(f.rule_id, ":", SeverityName(f.severity)));
    }
    return out;
  }
};

using Strings = std::vector<std::string>;

std::unique_ptr<FindingPolicy> MakePolicy(const PolicyFlags& flags,
                                          const CommandLineOverrides& overrides,
                                          std::vector<InputFile>* files, const RuleSet& rules) {
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy =
      FindingPolicy::Create(flags, overrides, files);
  EXPECT_TRUE(policy.ok()) << policy.status();
  if (!policy.ok()) return nullptr;
  EXPECT_TRUE((*policy)->Validate(rules).ok());
  return std::move(*policy);
}

TEST(FindingPolicyTest, ConfigurationShapesFindings) {
  const std::unique_ptr<RuleSet> rules = TestRules();
  const struct {
    std::string name;
    std::string config;
    CommandLineOverrides overrides;
    double confidence;
    Strings expected;
  } cases[] = {
      {"defaults",
       "",
       {},
       0.9,
       {"spin.e2e.yr:error", "spin.e2e.said:error", "spin.other.vision:error",
        "lexicon.swap:error"}},
      {"rule off and severity",
       "[rules]\n\"spin.e2e.said\" = \"off\"\n\"spin.*\" = \"info\"\n",
       {},
       0.9,
       {"spin.e2e.yr:info", "spin.other.vision:info", "lexicon.swap:error"}},
      {"pack off",
       "[packs]\nother = false\n",
       {},
       0.9,
       {"spin.e2e.yr:error", "spin.e2e.said:error", "lexicon.swap:error"}},
      {"detectors", "detectors = [\"lexicon\"]\n", {}, 0.9, {"lexicon.swap:error"}},
      {"detectors given on the command line win",
       "detectors = [\"lexicon\"]\n",
       CommandLineOverrides{std::nullopt, std::nullopt, true},
       0.9,
       {"spin.e2e.yr:error", "spin.e2e.said:error", "spin.other.vision:error",
        "lexicon.swap:error"}},
      {"min-confidence", "min-confidence = 0.95\n", {}, 0.9, {}},
      {"min-confidence given on the command line wins",
       "min-confidence = 0.95\n",
       CommandLineOverrides{std::nullopt, 0.5, false},
       0.9,
       {"spin.e2e.yr:error", "spin.e2e.said:error", "spin.other.vision:error",
        "lexicon.swap:error"}},
  };
  for (const auto& c : cases) {
    const std::string config_path = Temp("shape.toml");
    ASSERT_TRUE(WriteFileAtomically(config_path, c.config).ok());
    FileUnderTest t("a.txt", InputFormat::kText,
                    "closing yr, mentioned; imaginative and prescient countries\n",
                    {{"spin.e2e.yr", "closing yr"},
                     {"spin.e2e.said", "mentioned"},
                     {"spin.other.vision", "imaginative and prescient"},
                     {"lexicon.swap", "countries"}},
                    c.confidence);
    std::vector<InputFile> files = {t.input};
    PolicyFlags flags;
    flags.config = config_path;
    std::unique_ptr<FindingPolicy> policy = MakePolicy(flags, c.overrides, &files, *rules);
    ASSERT_NE(policy, nullptr);
    policy->Apply(&t.file, /*for_check=*/true);
    EXPECT_EQ(t.Rules(), c.expected) << c.name;
    if (c.expected.size() < 4) {
      EXPECT_LT(t.file.reports[0].spin_score, 0.99) << c.name;  // recomputed
    } else {
      EXPECT_EQ(t.file.reports[0].spin_score, 0.99) << c.name;  // untouched
    }
  }
}

TEST(FindingPolicyTest, EngineLoadsWhatConfigurationsNeed) {
  const std::string config_path = Temp("rules_only.toml");
  ASSERT_TRUE(WriteFileAtomically(config_path, "detectors = [\"rules\"]\n").ok());
  std::vector<InputFile> files = {InputFile{"a.txt", "a.txt", 0, false}};
  PolicyFlags flags;
  flags.config = config_path;
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy = FindingPolicy::Create(flags, {}, &files);
  ASSERT_TRUE(policy.ok()) << policy.status();
  EngineOptions options;
  (*policy)->AdjustEngineOptions(&options);
  EXPECT_TRUE(options.detector.use_rules);
  EXPECT_FALSE(options.lexicon);
  // --detectors wins: the engine keeps what the flag asked for.
  absl::StatusOr<std::unique_ptr<FindingPolicy>> flagged =
      FindingPolicy::Create(flags, CommandLineOverrides{std::nullopt, std::nullopt, true}, &files);
  ASSERT_TRUE(flagged.ok());
  EngineOptions kept;
  (*flagged)->AdjustEngineOptions(&kept);
  EXPECT_TRUE(kept.lexicon);
}

TEST(FindingPolicyTest, ExcludedFilesAreDroppedAndFailOnComesFromTheirConfig) {
  const std::string dir = Temp("excluding");
  mkdir(dir.c_str(), 0755);
  mkdir((dir + "/vendor").c_str(), 0755);
  ASSERT_TRUE(
      WriteFileAtomically(dir + "/.unspin.toml", "exclude = [\"vendor/**\"]\nfail-on = \"error\"\n")
          .ok());
  std::vector<InputFile> files = {InputFile{dir + "/a.md", "a.md", 0, false},
                                  InputFile{dir + "/vendor/b.md", "b.md", 0, false},
                                  InputFile{"-", "-", 0, false}};
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy =
      FindingPolicy::Create(PolicyFlags{}, {}, &files);
  ASSERT_TRUE(policy.ok()) << policy.status();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, dir + "/a.md");
  EXPECT_EQ(files[1].path, "-");
  CheckedFile checked;
  checked.input = &files[0];
  EXPECT_EQ((*policy)->FailOn(checked), Severity::kError);
  absl::StatusOr<std::unique_ptr<FindingPolicy>> overridden = FindingPolicy::Create(
      PolicyFlags{}, CommandLineOverrides{Severity::kInfo, std::nullopt, false}, &files);
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ((*overridden)->FailOn(checked), Severity::kInfo);
}

TEST(FindingPolicyTest, BadConfigurationAndBaselineFilesAreErrors) {
  const std::string bad = Temp("bad.toml");
  ASSERT_TRUE(WriteFileAtomically(bad, "[rules]\n\"spin.e2e.yr\" = \"loud\"\n").ok());
  std::vector<InputFile> files = {InputFile{"a.txt", "a.txt", 0, false}};
  PolicyFlags flags;
  flags.config = bad;
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy = FindingPolicy::Create(flags, {}, &files);
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.status().message(),
            bad + ":2: rules.\"spin.e2e.yr\" must be \"off\", \"error\", \"warning\" or \"info\"");

  const std::string typo = Temp("typo.toml");
  ASSERT_TRUE(WriteFileAtomically(typo, "[rules]\n\"spin.e2e.year\" = \"off\"\n").ok());
  flags.config = typo;
  policy = FindingPolicy::Create(flags, {}, &files);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ((*policy)->Validate(*TestRules()).message(),
            typo + ":2: rules: \"spin.e2e.year\" names no loaded rule");

  PolicyFlags both;
  both.config = typo;
  both.no_config = true;
  EXPECT_FALSE(FindingPolicy::Create(both, {}, &files).ok());

  PolicyFlags baseline;
  baseline.no_config = true;
  baseline.baseline = Temp("no-such-baseline.jsonl");
  policy = FindingPolicy::Create(baseline, {}, &files);
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(std::string(policy.status().message()).rfind("--baseline: ", 0), 0u);
}

TEST(FindingPolicyTest, SuppressionsApplyToFixButUnusedOnesAreReportedOnlyByCheck) {
  const std::unique_ptr<RuleSet> rules = TestRules();
  const std::string source =
      "<!-- unspin-disable-next-line spin.e2e.yr -->\nclosing yr\n"
      "<!-- unspin-disable-next-line spin.e2e.said -->\nclosing yr\n";
  for (bool for_check : {true, false}) {
    FileUnderTest t("a.md", InputFormat::kMarkdown, source,
                    {{"spin.e2e.yr", "closing yr"}, {"spin.e2e.yr", "closing yr"}});
    std::vector<InputFile> files = {t.input};
    PolicyFlags flags;
    flags.no_config = true;
    std::unique_ptr<FindingPolicy> policy = MakePolicy(flags, {}, &files, *rules);
    policy->Apply(&t.file, for_check);
    if (for_check) {
      EXPECT_EQ(t.Rules(), (Strings{"unspin.unused-suppression:warning", "spin.e2e.yr:error"}));
      EXPECT_EQ(t.file.reports[0].findings[0].source_begin,
                source.find("<!-- unspin-disable-next-line spin.e2e.said"));
    } else {
      EXPECT_EQ(t.Rules(), (Strings{"spin.e2e.yr:error"}));
    }
  }
  // The unused-suppression rule is configurable like any other.
  const std::string config_path = Temp("unused_off.toml");
  ASSERT_TRUE(
      WriteFileAtomically(config_path, "[rules]\n\"unspin.unused-suppression\" = \"off\"\n").ok());
  FileUnderTest t("a.md", InputFormat::kMarkdown, source,
                  {{"spin.e2e.yr", "closing yr"}, {"spin.e2e.yr", "closing yr"}});
  std::vector<InputFile> files = {t.input};
  PolicyFlags flags;
  flags.config = config_path;
  std::unique_ptr<FindingPolicy> policy = MakePolicy(flags, {}, &files, *rules);
  policy->Apply(&t.file, true);
  EXPECT_EQ(t.Rules(), (Strings{"spin.e2e.yr:error"}));
}

TEST(FindingPolicyTest, BaselineAfterLinesWereInsertedReportsOnlyNewFindings) {
  const std::unique_ptr<RuleSet> rules = TestRules();
  const std::string baseline_path = Temp("policy_baseline.jsonl");
  {
    FileUnderTest t("a.txt", InputFormat::kText, "Sales fell closing yr.\nIt was mentioned.\n",
                    {{"spin.e2e.yr", "closing yr"}, {"spin.e2e.said", "mentioned"}});
    std::vector<InputFile> files = {t.input};
    PolicyFlags flags;
    flags.no_config = true;
    flags.write_baseline = baseline_path;
    std::unique_ptr<FindingPolicy> policy = MakePolicy(flags, {}, &files, *rules);
    policy->Apply(&t.file, true);
    EXPECT_EQ(t.file.reports[0].findings.size(), 2u);  // writing a baseline still reports
    ASSERT_TRUE(policy->WriteBaseline().ok());
  }
  FileUnderTest t("a.txt", InputFormat::kText,
                  "A new first line.\n\nCosts rose closing yr.\nSales fell closing yr.\n"
                  "It was mentioned.\n",
                  {{"spin.e2e.yr", "closing yr"},
                   {"spin.e2e.yr", "closing yr"},
                   {"spin.e2e.said", "mentioned"}});
  std::vector<InputFile> files = {t.input};
  PolicyFlags flags;
  flags.no_config = true;
  flags.baseline = baseline_path;
  std::unique_ptr<FindingPolicy> policy = MakePolicy(flags, {}, &files, *rules);
  policy->Apply(&t.file, true);
  ASSERT_EQ(t.file.reports[0].findings.size(), 1u);
  const Finding& f = t.file.reports[0].findings[0];
  EXPECT_EQ(t.file.documents[0].LineColumnOf(f.source_begin).line, 3u);  // "Costs rose ..."
}

}  // namespace
}  // namespace unspin
