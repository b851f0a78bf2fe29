// End-to-end tests of what decides which findings `unspin check` and `unspin fix` report and
// restore: .unspin.toml configuration (found upward, --config, --no-config, bad files), inline
// suppressions and unused-suppression reports, baselines (--write-baseline, --baseline, lines
// inserted above a finding), and `fix --diff`.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/cli_runner.h"

namespace unspin {
namespace {

// A fresh folder per test, below TEST_TMPDIR.
std::string Dir(const std::string& name) {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
  std::system(absl::StrCat("rm -rf ", dir, " && mkdir -p ", dir).c_str());
  return dir;
}

// The e2e pack only, no lexicon: expectations that do not move with the built-in packs. Rules:
// spin.e2e.vision, spin.e2e.via, spin.e2e.yr (errors), spin.e2e.said (warning).
const std::string kRules =
    "--detectors=rules --no-builtin-rules --rules=" + Runfile("tests/testdata/test.rules");

size_t Lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// ---------------------------------------------------------------------------------------------
// Configuration.

TEST(PolicyCliTest, ConfigurationIsFoundUpwardAndFlagsWin) {
  const std::string dir = Dir("upward");
  mkdir((dir + "/docs").c_str(), 0755);
  mkdir((dir + "/docs/deep").c_str(), 0755);
  WriteAll(dir + "/.unspin.toml",
           "fail-on = \"error\"\n[rules]\n\"spin.e2e.vision\" = \"off\"\n"
           "\"spin.e2e.yr\" = \"warning\"\n");
  WriteAll(dir + "/docs/deep/a.txt",
           "A shared imaginative and prescient. Sales fell closing yr.\n");
  // vision off; yr is now a warning, below fail-on = error: reported, exit 0.
  CliResult r = RunUnspinIn(dir + "/docs", "check " + kRules + " deep/a.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "deep/a.txt:1:48: warning: \"closing yr\" looks like a spun \"last year\" (restore: "
            "\"last year\") [spin.e2e.yr]\ndeep/a.txt: spin score 1.00: 1 finding in 9 words\n");
  // --fail-on on the command line wins over the file's fail-on.
  EXPECT_EQ(RunUnspinIn(dir, "check --fail-on=warning " + kRules + " docs/deep/a.txt").exit_code,
            1);
  // --no-config: both findings, errors.
  r = RunUnspinIn(dir, "check --no-config " + kRules + " docs/deep/a.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.out), 3u) << r.out;
  // A nearer file wins; --config names one for every input.
  WriteAll(dir + "/docs/.unspin.toml", "[rules]\n\"spin.e2e.yr\" = \"off\"\n");
  r = RunUnspinIn(dir, "check --format=jsonl " + kRules + " docs/deep/a.txt");
  EXPECT_TRUE(absl::StrContains(r.out, "spin.e2e.vision")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "spin.e2e.yr")) << r.out;
  r = RunUnspinIn(dir, "check --format=jsonl --config=.unspin.toml " + kRules + " docs/deep/a.txt");
  EXPECT_FALSE(absl::StrContains(r.out, "spin.e2e.vision")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\"severity\": \"warning\"")) << r.out;
  // Standard input takes the configuration of the current folder.
  r = RunUnspinIn(dir + "/docs", "check --format=jsonl " + kRules + " - < deep/a.txt");
  EXPECT_FALSE(absl::StrContains(r.out, "spin.e2e.yr")) << r.out;
}

TEST(PolicyCliTest, ConfigurationMinConfidenceDetectorsAndPacks) {
  const std::string dir = Dir("settings");
  WriteAll(dir + "/a.txt", "The plan stands, mentioned Butler, closing yr.\n");
  const struct {
    std::string config;
    std::string extra_flags;
    size_t rule_findings;  // findings of the e2e pack (the lexicon may add its own)
    int exit_code;         // -1: not checked (lexicon findings decide it)
  } cases[] = {
      {"", "", 2, 1},
      {"min-confidence = 0.8\n", "", 1, 1},                      // said (0.7) dropped
      {"min-confidence = 0.8\n", "--min-confidence=0.5", 2, 1},  // the flag wins
      {"detectors = [\"lexicon\"]\n", "", 0, -1},                // no rule findings
      {"detectors = [\"lexicon\"]\n", "--detectors=rules", 2, 1},
      {"[packs]\ne2e = false\n", "", 0, 0},
      {"[rules]\n\"spin.e2e.*\" = \"off\"\n\"spin.e2e.yr\" = \"info\"\n", "", 1,
       0},  // info < warning
  };
  for (const auto& c : cases) {
    WriteAll(dir + "/.unspin.toml", c.config);
    // --detectors=rules is given only when no case setting is about detectors, so the
    // configuration decides.
    const bool about_detectors =
        absl::StrContains(c.extra_flags, "--detectors") || absl::StrContains(c.config, "detectors");
    const std::string flags =
        c.extra_flags + " --no-builtin-rules --rules=" + Runfile("tests/testdata/test.rules") +
        (about_detectors ? "" : " --detectors=rules");
    const CliResult r = RunUnspinIn(dir, "check --format=jsonl " + flags + " a.txt");
    size_t rule_findings = 0;
    for (size_t pos = r.out.find("\"rule\": \"spin.e2e."); pos != std::string::npos;
         pos = r.out.find("\"rule\": \"spin.e2e.", pos + 1)) {
      ++rule_findings;
    }
    EXPECT_EQ(rule_findings, c.rule_findings) << c.config << c.extra_flags << "\n"
                                              << r.out << r.err;
    if (c.exit_code >= 0) {
      EXPECT_EQ(r.exit_code, c.exit_code) << c.config << c.extra_flags << r.err;
    }
  }
}

TEST(PolicyCliTest, BadConfigurationFilesAreErrorsWithFileAndLine) {
  const std::string dir = Dir("bad_config");
  WriteAll(dir + "/a.txt", "Sales fell closing yr.\n");
  const struct {
    std::string config;
    std::string error;
  } cases[] = {
      {"fail-on = \"error\"\nfailon = \"error\"\n", "/.unspin.toml:2: unknown key 'failon'"},
      {"[rules]\n\"spin.e2e.yr\" = \"loud\"\n",
       "/.unspin.toml:2: rules.\"spin.e2e.yr\" must be \"off\", \"error\", \"warning\" or "
       "\"info\""},
      {"min-confidence = 2\n", "/.unspin.toml:1: min-confidence must be a number from 0 to 1"},
      {"detectors = [\"rules\", \"magic\"]\n", "/.unspin.toml:1: detectors: unknown detector"},
      {"include = \"*.md\"\n", "/.unspin.toml:1: include must be an array of strings"},
      {"[packs]\ne2e = \"no\"\n", "/.unspin.toml:2: packs.e2e must be true (on) or false (off)"},
      {"fail-on = \"error\n", "/.unspin.toml:1:"},  // TOML syntax
      {"\n[rules]\n\"spin.e2e.year\" = \"off\"\n",
       "/.unspin.toml:3: rules: \"spin.e2e.year\" names no loaded rule"},
      {"[packs]\nnews = false\n", "/.unspin.toml:2: packs: unknown pack 'news' (loaded: e2e)"},
  };
  for (const auto& c : cases) {
    WriteAll(dir + "/.unspin.toml", c.config);
    for (const char* command : {"check", "fix", "config --show"}) {
      const std::string args = absl::StrCat(
          command, " --no-builtin-rules --rules=", Runfile("tests/testdata/test.rules"),
          absl::string_view(command) == "config --show" ? "" : " --detectors=rules a.txt");
      const CliResult r = RunUnspinIn(dir, args);
      EXPECT_EQ(r.exit_code, 2) << command << ": " << c.config;
      EXPECT_TRUE(absl::StrContains(r.err, dir + c.error))
          << command << ": " << c.config << "\nstderr: " << r.err;
      EXPECT_TRUE(r.out.empty()) << command << ": " << c.config;
    }
  }
  // A missing --config file, and --config with --no-config.
  CliResult r = RunUnspinIn(dir, "check --config=nope.toml " + kRules + " a.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "nope.toml: No such file or directory")) << r.err;
  r = RunUnspinIn(dir, "check --config=nope.toml --no-config " + kRules + " a.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--config and --no-config exclude each other")) << r.err;
}

TEST(PolicyCliTest, IncludeAndExcludeChooseTheFiles) {
  const std::string dir = Dir("globs");
  mkdir((dir + "/vendor").c_str(), 0755);
  mkdir((dir + "/docs").c_str(), 0755);
  for (const char* f : {"vendor/a.md", "docs/b.md", "docs/c.txt", "notes.md"}) {
    WriteAll(dir + "/" + f, "Sales fell closing yr.\n");
  }
  WriteAll(dir + "/.unspin.toml", "include = [\"docs/**\", \"*.md\"]\nexclude = [\"vendor/**\"]\n");
  // Walking the folder and naming the files directly (as pre-commit does) give the same files.
  for (const char* inputs : {".", "vendor/a.md docs/b.md docs/c.txt notes.md"}) {
    const CliResult r =
        RunUnspinIn(dir, absl::StrCat("check --format=jsonl ", kRules, " ", inputs));
    EXPECT_EQ(r.exit_code, 1) << inputs << r.err;
    EXPECT_EQ(Lines(r.out), 3u) << inputs << "\n" << r.out;
    EXPECT_FALSE(absl::StrContains(r.out, "vendor")) << inputs << r.out;
  }
  // Everything excluded: nothing checked, nothing found.
  WriteAll(dir + "/.unspin.toml", "exclude = [\"**\"]\n");
  const CliResult r = RunUnspinIn(dir, "check " + kRules + " notes.md");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(PolicyCliTest, ConfigShowPrintsTheEffectiveConfiguration) {
  const std::string dir = Dir("show");
  mkdir((dir + "/docs").c_str(), 0755);
  WriteAll(dir + "/.unspin.toml", "fail-on = \"info\"\n[packs]\nweb = false\n");
  CliResult r = RunUnspinIn(dir + "/docs", "config --show");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "# from: " + dir + "/.unspin.toml\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "fail-on = \"info\"\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\nnews = true\n")) << r.out;  // built-in packs listed
  EXPECT_TRUE(absl::StrContains(r.out, "\nweb = false\n")) << r.out;
  r = RunUnspinIn(dir, "config --show --no-config docs");
  EXPECT_TRUE(absl::StrContains(r.out, "# from: built-in defaults (--no-config)\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "fail-on = \"warning\"\n")) << r.out;
  EXPECT_EQ(RunUnspinIn(dir, "config").exit_code, 2);
}

// ---------------------------------------------------------------------------------------------
// Suppressions.

TEST(PolicyCliTest, SuppressionsSilenceCheckAndFixAndUnusedOnesAreReported) {
  const std::string dir = Dir("suppress");
  WriteAll(dir + "/a.html",
           "<p>A shared imaginative and prescient.</p>\n"
           "<!-- unspin-disable-next-line spin.e2e.yr -->\n"
           "<p>Sales fell closing yr.</p>\n"
           "<!-- unspin-disable-next-line spin.e2e.vision -->\n"
           "<p>Nothing here.</p>\n");
  CliResult r = RunUnspinIn(dir, "check --no-config " + kRules + " a.html");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "a.html:1:13: error: \"imaginative and prescient\" looks like a spun \"vision\" "
            "(restore: \"vision\") [spin.e2e.vision]\n"
            "a.html:4:1: warning: unused suppression: unspin-disable-next-line silences no "
            "\"spin.e2e.vision\" finding on the next line [unspin.unused-suppression]\n"
            "a.html: spin score 1.00: 2 findings in 11 words\n");
  r = RunUnspinIn(dir, "fix --no-config " + kRules + " a.html");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "A shared vision.")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "Sales fell closing yr.")) << r.out;  // suppressed
  EXPECT_TRUE(absl::StrContains(r.out, "<!-- unspin-disable-next-line spin.e2e.vision -->"));

  // Plain text markers; an unused suppression alone makes the exit status 1 (a warning).
  WriteAll(dir + "/b.txt",
           "Sales fell closing yr. unspin: ignore spin.e2e.yr\nAll clean. unspin: ignore\n");
  r = RunUnspinIn(dir, "check --format=jsonl --no-config " + kRules + " b.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.out), 1u) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\"line\": 2, \"column\": 12,")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\"rule\": \"unspin.unused-suppression\"")) << r.out;
  EXPECT_EQ(RunUnspinIn(dir, "check --fail-on=error --no-config " + kRules + " b.txt").exit_code,
            0);
}

// ---------------------------------------------------------------------------------------------
// Baselines.

TEST(PolicyCliTest, BaselineSurvivesInsertedLinesAndReportsOnlyNewFindings) {
  const std::string dir = Dir("baseline");
  WriteAll(dir + "/a.md",
           "# News\n\nSales fell closing yr.\n\nA shared imaginative and prescient.\n");
  // Writing a baseline reports as usual but exits 0: today's findings are accepted.
  CliResult r =
      RunUnspinIn(dir, "check --no-config --write-baseline=base.jsonl " + kRules + " a.md");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 3u) << r.out;
  const std::string baseline = ReadAll(dir + "/base.jsonl");
  EXPECT_EQ(baseline.rfind("{\"unspin_baseline\": 1, \"findings\": 2}\n", 0), 0u) << baseline;
  EXPECT_EQ(Lines(baseline), 3u);
  EXPECT_EQ(std::system(("test $(ls -A " + dir + " | wc -l) -eq 2").c_str()), 0)
      << "a temporary file was left behind";

  // Lines inserted above both findings (and the heading changed): nothing is new.
  WriteAll(dir + "/a.md",
           "# World news\n\nA new paragraph above.\n\nAnother one.\n\nSales fell closing yr.\n\n"
           "A shared imaginative and prescient.\n");
  r = RunUnspinIn(dir, "check --no-config --baseline=base.jsonl " + kRules + " a.md");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;

  // A new occurrence is reported, and only it.
  WriteAll(dir + "/a.md",
           "# World news\n\nProfits rose closing yr.\n\nSales fell closing yr.\n\n"
           "A shared imaginative and prescient.\n");
  r = RunUnspinIn(dir,
                  "check --format=jsonl --no-config --baseline=base.jsonl " + kRules + " a.md");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.out), 1u) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\"line\": 3, \"column\": 14,")) << r.out;

  // The baseline can be refreshed from a run that reads it.
  r = RunUnspinIn(dir, "check --no-config --baseline=base.jsonl --write-baseline=base.jsonl " +
                           kRules + " a.md");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(ReadAll(dir + "/base.jsonl").rfind("{\"unspin_baseline\": 1, \"findings\": 3}\n", 0),
            0u);
  EXPECT_EQ(
      RunUnspinIn(dir, "check --no-config --baseline=base.jsonl " + kRules + " a.md").exit_code, 0);
}

TEST(PolicyCliTest, BaselineErrors) {
  const std::string dir = Dir("baseline_errors");
  WriteAll(dir + "/a.txt", "Sales fell closing yr.\n");
  WriteAll(dir + "/not_a_baseline.jsonl", "{\"path\": \"a.txt\"}\n");
  const struct {
    std::string args;
    std::string error;
  } cases[] = {
      {"--baseline=missing.jsonl a.txt", "--baseline: missing.jsonl: No such file or directory"},
      {"--baseline=not_a_baseline.jsonl a.txt",
       "--baseline: not_a_baseline.jsonl: not an unspin "
       "baseline"},
      // An unreadable input would drop its findings from the baseline: nothing is written.
      {"--write-baseline=new.jsonl a.txt missing.txt", "baseline not written"},
  };
  for (const auto& c : cases) {
    const CliResult r = RunUnspinIn(dir, "check --no-config " + kRules + " " + c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_TRUE(absl::StrContains(r.err, c.error)) << c.args << "\nstderr: " << r.err;
  }
  EXPECT_TRUE(ReadAll(dir + "/new.jsonl").empty());
  EXPECT_NE(std::system(("test -e " + dir + "/new.jsonl").c_str()), 0);
}

// ---------------------------------------------------------------------------------------------
// fix --diff.

TEST(PolicyCliTest, FixDiffPrintsAPatchThatApplies) {
  const std::string dir = Dir("diff");
  const std::string original =
      "line one\nA shared imaginative and prescient.\nline three\nSales fell closing yr.\n";
  WriteAll(dir + "/a.txt", original);
  WriteAll(dir + "/clean.txt", "Nothing to restore.\n");
  CliResult r = RunUnspinIn(dir, "fix --diff --no-config " + kRules + " a.txt clean.txt");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out,
            "--- a.txt\n+++ a.txt\n@@ -1,4 +1,4 @@\n line one\n-A shared imaginative and "
            "prescient.\n+A shared vision.\n line three\n-Sales fell closing yr.\n+Sales fell "
            "last year.\n");
  EXPECT_EQ(ReadAll(dir + "/a.txt"), original);  // --diff changes nothing
  // The patch applies with patch(1) and gives what `fix` prints.
  WriteAll(dir + "/a.diff", r.out);
  ASSERT_EQ(std::system(("cd " + dir + " && patch -s -p0 < a.diff").c_str()), 0);
  WriteAll(dir + "/b.txt", original);
  EXPECT_EQ(ReadAll(dir + "/a.txt"), RunUnspinIn(dir, "fix --no-config " + kRules + " b.txt").out);
  // Nothing to change: no output, exit 0. --diff and --in-place exclude each other.
  r = RunUnspinIn(dir, "fix --diff --no-config " + kRules + " clean.txt");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty());
  r = RunUnspinIn(dir, "fix --diff --in-place --no-config " + kRules + " clean.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--diff prints; it excludes --in-place")) << r.err;
}

}  // namespace
}  // namespace unspin
