// End-to-end tests of the `unspin` binary: exit codes, output formats, restoration and every
// bad-input case, run as a user would run them.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "detector/util/json.h"
#include "tests/cli_runner.h"

namespace unspin {
namespace {

// Rules only, from the test pack: the lexicon detector has tests of its own, and these
// expectations must not move when the built-in packs or the lexicon data change.
const std::string kPack =
    "--detectors=rules --no-builtin-rules --rules=" + Runfile("tests/testdata/test.rules");

const char kSpun[] =
    "Xi and Putin shared an imaginative and prescient for trade closing yr.\n"
    "\n"
    "\u201cWe have an imaginative and prescient,\u201d mentioned Butler, a professor.\n"
    "Photo: Sputnik/AFP by the use of Getty Images\n";

TEST(CliTest, CheckReportsFindingsAndExitsOne) {
  WriteAll(TempPath("spun.txt"), kSpun);
  const CliResult r = RunUnspin(absl::StrCat("check ", kPack, " ", TempPath("spun.txt")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::vector<std::string> lines = absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 5u) << r.out;  // 4 findings + the summary line
  EXPECT_EQ(lines[0], absl::StrCat(TempPath("spun.txt"),
                                   ":1:24: error: \"imaginative and prescient\" looks like a spun "
                                   "\"vision\" (restore: \"vision\") [spin.e2e.vision]"));
  EXPECT_NE(lines[1].find(":1:60: error:"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find(":3:41: warning:"), std::string::npos) << lines[2];  // after the quote
  EXPECT_NE(lines[3].find(":4:20: error:"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("spin score"), std::string::npos);
}

TEST(CliTest, JsonlOffsetsSliceTheInputAndFixAppliesExactlyTheReplacements) {
  WriteAll(TempPath("spun.txt"), kSpun);
  const CliResult check =
      RunUnspin(absl::StrCat("check --format=jsonl ", kPack, " ", TempPath("spun.txt")));
  EXPECT_EQ(check.exit_code, 1);
  std::string expected_fix;
  size_t copied = 0;
  int findings = 0;
  for (absl::string_view line : absl::StrSplit(check.out, '\n', absl::SkipEmpty())) {
    auto members = ParseJsonObject(line);
    ASSERT_TRUE(members.ok()) << line;
    std::vector<std::string> keys;
    size_t start = 0, end = 0;
    std::string text, replacement;
    for (const JsonMember& m : *members) {
      keys.emplace_back(m.key);
      if (m.key == "start") start = std::stoul(std::string(m.raw));
      if (m.key == "end") end = std::stoul(std::string(m.raw));
      if (m.key == "text") DecodeJsonString(m.raw, &text);
      if (m.key == "replacement") DecodeJsonString(m.raw, &replacement);
    }
    EXPECT_EQ(keys,
              (std::vector<std::string>{"path", "line", "column", "start", "end", "text", "rule",
                                        "severity", "message", "replacement", "confidence"}));
    EXPECT_EQ(std::string(kSpun).substr(start, end - start), text);
    expected_fix += std::string(kSpun).substr(copied, start - copied) + replacement;
    copied = end;
    ++findings;
  }
  expected_fix += std::string(kSpun).substr(copied);
  EXPECT_EQ(findings, 4);
  const CliResult fix = RunUnspin(absl::StrCat("fix ", kPack, " ", TempPath("spun.txt")));
  EXPECT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_EQ(fix.out, expected_fix);
  EXPECT_NE(fix.out.find("an vision for trade last year"), std::string::npos);
  // Quoted speech is left alone.
  EXPECT_NE(fix.out.find("\u201cWe have an imaginative and prescient,\u201d said Butler"),
            std::string::npos);
}

TEST(CliTest, QuotedFindingsOnRequest) {
  WriteAll(TempPath("spun.txt"), kSpun);
  const CliResult r = RunUnspin(
      absl::StrCat("check --show-quoted --format=jsonl ", kPack, " ", TempPath("spun.txt")));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5);
}

TEST(CliTest, FailOnLevelsAndCleanInput) {
  WriteAll(TempPath("warn.txt"), "The plan stands, mentioned Butler.\n");
  WriteAll(TempPath("clean.txt"), "As mentioned on Monday, the plan stands.\n");
  const struct {
    std::string args;
    int exit_code;
  } cases[] = {
      {"warn.txt", 1},
      {"--fail-on=warning warn.txt", 1},
      {"--fail-on=error warn.txt", 0},
      {"--fail-on=info warn.txt", 1},
      {"clean.txt", 0},
  };
  for (const auto& c : cases) {
    std::string args = c.args;
    const size_t file = args.rfind(' ') == std::string::npos ? 0 : args.rfind(' ') + 1;
    args.insert(file, std::getenv("TEST_TMPDIR") + std::string("/"));
    const CliResult r = RunUnspin(absl::StrCat("check ", kPack, " ", args));
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << "\n" << r.out << r.err;
  }
  EXPECT_TRUE(RunUnspin(absl::StrCat("check ", kPack, " ", TempPath("clean.txt"))).out.empty());
}

TEST(CliTest, StandardInput) {
  WriteAll(TempPath("stdin.txt"), "sales fell closing yr\n");
  const CliResult r =
      RunUnspin(absl::StrCat("check --format=jsonl ", kPack, " - < ", TempPath("stdin.txt")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\"path\": \"<stdin>\""), std::string::npos) << r.out;
  const CliResult fix = RunUnspin(absl::StrCat("fix ", kPack, " - < ", TempPath("stdin.txt")));
  EXPECT_EQ(fix.out, "sales fell last year\n");
}

TEST(CliTest, CrlfLineEndingsKeepPositionsAndBytes) {
  std::string crlf;
  for (char c : std::string(kSpun)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  WriteAll(TempPath("crlf.txt"), crlf);
  const CliResult r = RunUnspin(absl::StrCat("check ", kPack, " ", TempPath("crlf.txt")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("crlf.txt:3:41: warning:"), std::string::npos) << r.out;
  const CliResult fix = RunUnspin(absl::StrCat("fix ", kPack, " ", TempPath("crlf.txt")));
  EXPECT_NE(fix.out.find("last year.\r\n\r\n"), std::string::npos);
}

TEST(CliTest, FixInPlaceRewritesAtomically) {
  const std::string dir = TempPath("inplace");
  mkdir(dir.c_str(), 0755);
  WriteAll(dir + "/a.txt", "sales fell closing yr\n");
  WriteAll(dir + "/b.txt", "nothing to change\n");
  const CliResult r =
      RunUnspin(absl::StrCat("fix --in-place ", kPack, " ", dir, "/a.txt ", dir, "/b.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(ReadAll(dir + "/a.txt"), "sales fell last year\n");
  EXPECT_EQ(ReadAll(dir + "/b.txt"), "nothing to change\n");
  EXPECT_EQ(std::system(("test $(ls -A " + dir + " | wc -l) -eq 2").c_str()), 0);
}

TEST(CliTest, BadInputGetsAClearMessageAndExitTwo) {
  WriteAll(TempPath("binary.bin"), std::string("\x7f"
                                               "ELF\x02\x01\x01\0\0\0",
                                               10));
  WriteAll(TempPath("latin1.txt"), "caf\xe9 au lait\n");
  WriteAll(TempPath("empty.txt"), "");
  const std::string dir = TempPath("a_directory");
  mkdir(dir.c_str(), 0755);
  const struct {
    std::string args;
    std::string error;
  } cases[] = {
      {"check " + TempPath("missing.txt"), "missing.txt: No such file or directory"},
      {"check " + dir, "a_directory: no input files in this directory"},
      {"check " + TempPath("binary.bin"), "binary data, not text (control byte 0x02"},
      {"check " + TempPath("latin1.txt"), "latin1.txt: invalid UTF-8 at line 1, byte offset 3"},
      {"check " + TempPath("empty.txt"), "empty.txt: empty input"},
      {"check", "no input"},
      {"check --format=xml x", "unknown format 'xml' (known: text, jsonl, json, sarif, github)"},
      {"check --fail-on=fatal x", "--fail-on expects error, warning or info"},
      {"check --min-confidence=high x", "--min-confidence expects a number"},
      {"check --frobnicate x", "unknown option '--frobnicate'"},
      {"check --rules=" + Runfile("tests/testdata/broken.rules") + " x",
       "tests/testdata/broken.rules:4: unknown key 'afterr'"},
      {"fix a b", "several inputs need --in-place or --out-dir"},
      {"fix --in-place -", "--in-place cannot rewrite standard input"},
      {"frobnicate", "unknown command 'frobnicate'"},
  };
  for (const auto& c : cases) {
    const CliResult r = RunUnspin(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_NE(r.err.find(c.error), std::string::npos) << c.args << "\nstderr: " << r.err;
    EXPECT_TRUE(r.out.empty()) << c.args;
  }
}

TEST(CliTest, OneBadFileDoesNotStopTheOthers) {
  WriteAll(TempPath("good.txt"), "sales fell closing yr\n");
  const CliResult r = RunUnspin(
      absl::StrCat("check ", kPack, " ", TempPath("missing.txt"), " ", TempPath("good.txt")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("good.txt:1:12: error:"), std::string::npos) << r.out;
}

TEST(CliTest, HugeSingleLine) {
  // 50 MB on one line, with a spun phrase at its very end.
  std::string line;
  line.reserve(50 << 20);
  while (line.size() < (50u << 20)) line += "the quick brown fox jumps over a lazy dog ";
  line += "closing yr\n";
  WriteAll(TempPath("huge.txt"), line);
  // All detectors: the lexicon decoder must stay linear on a text without full stops.
  const CliResult r = RunUnspin(absl::StrCat(
      "check --format=jsonl --no-builtin-rules --rules=", Runfile("tests/testdata/test.rules"), " ",
      TempPath("huge.txt")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find(absl::StrCat("\"start\": ", line.size() - 11)), std::string::npos) << r.out;
}

TEST(CliTest, HelpForEveryCommand) {
  for (const char* command : {"--help", "check --help", "fix --help"}) {
    const CliResult r = RunUnspin(command);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_EQ(r.out.rfind("usage: unspin", 0), 0u) << command;
  }
  EXPECT_EQ(RunUnspin("").exit_code, 2);
}

}  // namespace
}  // namespace unspin
