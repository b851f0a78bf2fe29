// End-to-end tests of batch runs of the `unspin` binary: directories and globs, --jobs
// determinism, the summary and --report, fix --out-dir mirroring (JSON Lines records rewritten
// in place, every other byte kept), the safe/unsafe fix policy, and an interrupted run that
// leaves only complete outputs and finishes with --resume to the same result.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/cli_runner.h"

namespace unspin {
namespace {

// Rules only, from the test pack plus a low-confidence rule (an unsafe fix).
std::string Pack() {
  static const std::string pack = [] {
    const std::string path = TempPath("batch.rules");
    WriteAll(path, ReadAll(Runfile("tests/testdata/test.rules")) +
                       "\nrule spin.e2e.leadership: management => leadership\n"
                       "  confidence: 0.6\n"
                       "  example: global management => global leadership\n");
    return "--detectors=rules --no-builtin-rules --rules=" + path;
  }();
  return pack;
}

// Every file below `dir` (relative path -> contents), sorted.
std::vector<std::pair<std::string, std::string>> Tree(const std::string& dir) {
  const std::string list = TempPath("tree.txt");
  std::system(("cd '" + dir + "' && find . -type f | sort > '" + list + "'").c_str());
  std::vector<std::pair<std::string, std::string>> out;
  for (absl::string_view line : absl::StrSplit(ReadAll(list), '\n', absl::SkipEmpty())) {
    const std::string rel(line.substr(2));
    if (rel == ".unspin-journal.jsonl") continue;  // bookkeeping, not output
    out.emplace_back(rel, ReadAll(dir + "/" + rel));
  }
  return out;
}

// A corpus: plain text in nested folders, a JSON Lines shard, a Markdown file, and files the
// default includes leave out.
std::string MakeCorpus(const std::string& name) {
  const std::string root = TempPath(name);
  WriteAll(root + "/news/a.txt", "Sales fell closing yr, the board said.\n");
  WriteAll(root + "/news/deep/b.txt",
           "A shared imaginative and prescient for global management.\n");
  WriteAll(root + "/news/clean.txt", "Nothing to see here.\n");
  WriteAll(root + "/shard.jsonl",
           "{\"id\": \"r1\", \"text\": \"sales rose closing yr\", \"url\": \"http://x/1\", "
           "\"n\": 1.50}\n"
           "\n"
           "{\"text\": \"an imaginative and prescient\\u2019s \\\"end\\\"\", \"id\": \"r2\"}\r\n"
           "{\"id\": \"r3\", \"text\": \"plain\", \"extra\": {\"k\": [1, 2]}}\n");
  WriteAll(root + "/notes.md", "# Title\n\nThey met closing yr.\n");
  WriteAll(root + "/image.png", "\x89PNG not text");
  WriteAll(root + "/.hidden/c.txt", "closing yr\n");
  return root;
}

TEST(BatchTest, CheckDirectoryIsOrderedAndIndependentOfJobs) {
  const std::string root = MakeCorpus("check_corpus");
  const CliResult one =
      RunUnspin(absl::StrCat("check --format=jsonl --jobs=1 ", Pack(), " ", root));
  const CliResult two =
      RunUnspin(absl::StrCat("check --format=jsonl --jobs=2 ", Pack(), " ", root));
  EXPECT_EQ(one.exit_code, 1) << one.err;
  EXPECT_EQ(two.exit_code, 1) << two.err;
  EXPECT_EQ(one.out, two.out);
  // Files in sorted order below the directory; hidden folders and non-text files skipped.
  const size_t a = one.out.find("news/a.txt"), b = one.out.find("news/deep/b.txt"),
               md = one.out.find("notes.md"), r1 = one.out.find("\"r1\"");
  ASSERT_NE(a, std::string::npos) << one.out;
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(md, std::string::npos);
  ASSERT_NE(r1, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, md);
  EXPECT_LT(md, r1);
  EXPECT_EQ(one.out.find(".hidden"), std::string::npos);
  EXPECT_EQ(one.out.find("image.png"), std::string::npos);
  // The summary goes to stderr, never into the findings.
  EXPECT_NE(one.err.find("unspin: 5 files, 7 documents"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("spin.e2e.yr"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("most spun documents:"), std::string::npos) << one.err;
}

TEST(BatchTest, GlobsIncludesExcludesAndReport) {
  const std::string root = MakeCorpus("glob_corpus");
  const std::string report = TempPath("report.json");
  CliResult r = RunUnspin(absl::StrCat("check --format=jsonl ", Pack(), " '", root,
                                       "/news/**/*.txt' --exclude=deep --report=", report));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("news/a.txt"), std::string::npos);
  EXPECT_EQ(r.out.find("deep/b.txt"), std::string::npos) << r.out;
  const std::string json = ReadAll(report);
  EXPECT_NE(json.find("\"files\": 2,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"findings_per_rule\": {\"spin.e2e.yr\": 1}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"top_spun_documents\": [{\"path\": "), std::string::npos) << json;

  r = RunUnspin(absl::StrCat("check ", Pack(), " --include='*.md' ", root));
  EXPECT_NE(r.out.find("notes.md:3:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("a.txt"), std::string::npos) << r.out;

  r = RunUnspin(absl::StrCat("check ", Pack(), " '", root, "/nothing/*.txt'"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no files match"), std::string::npos) << r.err;
}

TEST(BatchTest, FixOutDirMirrorsTreeKeepsJsonlBytesAndAppliesOnlySafeFixes) {
  const std::string root = MakeCorpus("fix_corpus");
  const std::string out = TempPath("fix_out");
  const CliResult r = RunUnspin(absl::StrCat("fix ", Pack(), " --out-dir=", out, " ", root));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("1 unsafe fixes not applied"), std::string::npos) << r.err;
  EXPECT_EQ(ReadAll(out + "/news/a.txt"), "Sales fell last year, the board said.\n");
  // "management" (confidence 0.6) is an unsafe fix: left alone.
  EXPECT_EQ(ReadAll(out + "/news/deep/b.txt"), "A shared vision for global management.\n");
  EXPECT_EQ(ReadAll(out + "/news/clean.txt"), "Nothing to see here.\n");  // copied unchanged
  EXPECT_EQ(ReadAll(out + "/shard.jsonl"),
            "{\"id\": \"r1\", \"text\": \"sales rose last year\", \"url\": \"http://x/1\", "
            "\"n\": 1.50}\n"
            "\n"
            "{\"text\": \"an vision\\u2019s \\\"end\\\"\", \"id\": \"r2\"}\r\n"
            "{\"id\": \"r3\", \"text\": \"plain\", \"extra\": {\"k\": [1, 2]}}\n");
  EXPECT_EQ(ReadAll(out + "/notes.md"), "# Title\n\nThey met last year.\n");
  struct stat st;
  EXPECT_NE(stat((out + "/image.png").c_str(), &st), 0);
  // The inputs are untouched.
  EXPECT_EQ(ReadAll(root + "/news/a.txt"), "Sales fell closing yr, the board said.\n");

  const std::string out2 = TempPath("fix_out_unsafe");
  ASSERT_EQ(RunUnspin(absl::StrCat("fix ", Pack(), " --unsafe-fixes --out-dir=", out2, " ", root))
                .exit_code,
            0);
  EXPECT_EQ(ReadAll(out2 + "/news/deep/b.txt"), "A shared vision for global leadership.\n");

  // Usage errors.
  EXPECT_NE(RunUnspin(absl::StrCat("fix --in-place --out-dir=", out, " ", root))
                .err.find("exclude each other"),
            std::string::npos);
  EXPECT_NE(RunUnspin(absl::StrCat("fix --resume ", root)).err.find("--resume needs --out-dir"),
            std::string::npos);
}

// A corpus big enough that a run is still going when the signal arrives.
std::string MakeLargeCorpus(const std::string& name, int files) {
  const std::string root = TempPath(name);
  std::string body;
  for (int i = 0; i < 1500; ++i) {
    body += i % 7 == 0 ? "Prices rose closing yr in the capital. "
                       : "The council said the plan was delayed again. ";
    if (i % 40 == 39) body += "\n\n";
  }
  for (int i = 0; i < files; ++i) {
    WriteAll(absl::StrCat(root, "/d", i % 4, "/f", 1000 + i, ".txt"), absl::StrCat(i, " ", body));
  }
  return root;
}

// Removes the run time from a --report so two runs compare equal.
std::string WithoutSeconds(std::string json) {
  const size_t at = json.find("\"seconds\": ");
  if (at == std::string::npos) return json;
  const size_t end = json.find(',', at);
  json.erase(at, end - at);
  return json;
}

TEST(BatchTest, InterruptedRunLeavesCompleteFilesAndResumeFinishesIdentically) {
  const std::string root = MakeLargeCorpus("big_corpus", 400);
  // Reference: one uninterrupted run.
  const std::string reference = TempPath("big_reference");
  const std::string reference_report = TempPath("big_reference.json");
  ASSERT_EQ(RunUnspin(absl::StrCat("fix ", Pack(), " --jobs=2 --out-dir=", reference,
                                   " --report=", reference_report, " ", root))
                .exit_code,
            0);

  const std::string out = TempPath("big_out");
  const std::string journal = out + "/.unspin-journal.jsonl";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string bin = Runfile("detector/cli/unspin");
    const std::string rules = Pack().substr(Pack().find("--rules="));
    const std::string out_flag = "--out-dir=" + out;
    freopen("/dev/null", "w", stderr);
    execl(bin.c_str(), bin.c_str(), "fix", "--detectors=rules", "--no-builtin-rules", rules.c_str(),
          "--jobs=1", out_flag.c_str(), root.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some files are done, then ask it to stop.
  struct stat st;
  for (int i = 0; i < 2000; ++i) {
    if (stat(journal.c_str(), &st) == 0 && st.st_size > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM) << "the run ended before the signal";

  // Every output is complete (equal to the reference) or absent; no temporary file is left.
  const auto partial = Tree(out);
  const auto expected = Tree(reference);
  size_t outputs = 0;
  for (const auto& [rel, contents] : partial) {
    ASSERT_FALSE(absl::StrContains(rel, ".unspin-tmp-")) << rel;
    ++outputs;
    bool found = false;
    for (const auto& [erel, econtents] : expected) {
      if (erel == rel) {
        EXPECT_EQ(contents, econtents) << rel;
        found = true;
      }
    }
    EXPECT_TRUE(found) << rel;
  }
  EXPECT_GT(outputs, 0u);
  EXPECT_LT(outputs, 400u) << "nothing was left to resume";

  // --resume does the rest: the same files, the same summary.
  const std::string report = TempPath("big_resumed.json");
  const CliResult resumed = RunUnspin(absl::StrCat(
      "fix ", Pack(), " --jobs=2 --resume --out-dir=", out, " --report=", report, " ", root));
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(Tree(out), Tree(reference));
  EXPECT_EQ(WithoutSeconds(ReadAll(report)), WithoutSeconds(ReadAll(reference_report)));
}

}  // namespace
}  // namespace unspin
