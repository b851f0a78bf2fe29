#include "detector/cli/batch.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/rules/pack_parser.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

TEST(GlobMatchTest, Patterns) {
  const struct {
    const char* pattern;
    const char* path;
    bool matches;
  } cases[] = {
      {"*.txt", "a.txt", true},
      {"*.txt", "dir/sub/a.txt", true},  // no '/': the name only
      {"*.txt", "a.txt.bak", false},
      {"dir/*.txt", "dir/a.txt", true},
      {"dir/*.txt", "dir/sub/a.txt", false},  // '*' stops at '/'
      {"dir/**/*.txt", "dir/a.txt", true},    // "**/" may match nothing
      {"dir/**/*.txt", "dir/x/y/a.txt", true},
      {"**", "any/thing", true},
      {"shard-??.jsonl", "shard-07.jsonl", true},
      {"shard-??.jsonl", "shard-7.jsonl", false},
      {"[ab]*.md", "beta.md", true},
      {"[!ab]*.md", "beta.md", false},
      {"[a-c]x", "bx", true},
      {"[a-c]x", "dx", false},
      {"a[", "a[", true},  // an unclosed class is a literal
      {"drafts", "notes/drafts", true},
      {"*", "", true},
      {"?", "", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(GlobMatch(c.pattern, c.path), c.matches) << c.pattern << " vs " << c.path;
  }
}

std::string TempDir(const std::string& name) {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
  mkdir(dir.c_str(), 0755);
  return dir;
}

void Write(const std::string& path, const std::string& text) {
  ASSERT_TRUE(MakeParentDirectories(path).ok());
  ASSERT_TRUE(WriteFileAtomically(path, text).ok()) << path;
}

std::vector<std::string> Relatives(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& f : files) out.push_back(f.relative);
  return out;
}

TEST(ExpandInputsTest, WalksSortedWithIncludesAndExcludes) {
  const std::string root = TempDir("walk");
  Write(root + "/b.txt", "b");
  Write(root + "/a.md", "a");
  Write(root + "/image.png", "png");
  Write(root + "/sub/c.jsonl", "{}");
  Write(root + "/sub/drafts/d.txt", "d");
  Write(root + "/.git/e.txt", "hidden");
  Write(root + "/f.txt.unspin-tmp-abc123", "stray");

  BatchFlags flags;
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({root}, flags);
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_EQ(Relatives(*files),
            (std::vector<std::string>{"a.md", "b.txt", "sub/c.jsonl", "sub/drafts/d.txt"}));
  EXPECT_EQ((*files)[0].path, root + "/a.md");
  EXPECT_TRUE((*files)[0].from_walk);

  flags.exclude = {"drafts"};
  flags.include = {"*.txt", "*.jsonl"};
  files = ExpandInputs({root}, flags);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Relatives(*files), (std::vector<std::string>{"b.txt", "sub/c.jsonl"}));

  // A glob: relative to its fixed leading directories; '*' does not cross directories.
  files = ExpandInputs({root + "/sub/*.jsonl"}, BatchFlags{});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_EQ(Relatives(*files), (std::vector<std::string>{"c.jsonl"}));
  files = ExpandInputs({root + "/**/*.txt"}, BatchFlags{});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_EQ(Relatives(*files), (std::vector<std::string>{"b.txt", "sub/drafts/d.txt"}));

  // Files named directly are taken as they are, once, in argument order.
  files = ExpandInputs({root + "/image.png", root + "/b.txt", root + "/image.png"}, BatchFlags{});
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Relatives(*files), (std::vector<std::string>{"image.png", "b.txt"}));
  EXPECT_FALSE((*files)[0].from_walk);
}

TEST(ExpandInputsTest, EmptyDirectoryAndUnmatchedGlobAreErrors) {
  const std::string empty = TempDir("empty_dir");
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({empty}, BatchFlags{});
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.status().message().find("no input files"), std::string::npos);
  files = ExpandInputs({empty + "/*.txt"}, BatchFlags{});
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.status().message().find("no files match"), std::string::npos);
}

TEST(ExpandInputsTest, OutputDirectoryIsNotWalked) {
  const std::string root = TempDir("walk_out");
  Write(root + "/a.txt", "a");
  Write(root + "/clean/a.txt", "a");
  BatchFlags flags;
  flags.out_dir = root + "/clean";
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({root}, flags);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Relatives(*files), (std::vector<std::string>{"a.txt"}));
}

constexpr char kPack[] =
    "pack t\n"
    "severity error\n"
    "confidence 0.9\n"
    "rule spin.t.yr: closing yr => last year\n"
    "  example: sales rose closing yr => sales rose last year\n"
    "rule spin.t.vision: imaginative and prescient => vision\n"
    "  confidence: 0.95\n"
    "  example: a shared imaginative and prescient => a shared vision\n";

class RunBatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<RulePack> pack = ParseRulePack(kPack, "t.rules");
    ASSERT_TRUE(pack.ok()) << pack.status();
    std::vector<RulePack> packs;
    packs.push_back(std::move(*pack));
    absl::StatusOr<std::unique_ptr<RuleSet>> rules = RuleSet::Build(std::move(packs), nullptr);
    ASSERT_TRUE(rules.ok()) << rules.status();
    rules_ = std::move(*rules);
    detector_ = std::make_unique<Detector>(rules_.get(), DetectorOptions{});
  }

  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<Detector> detector_;
};

// Files of different sizes and formats, one of them broken, one a JSON Lines shard with many
// records: whatever the thread count and piece size, files arrive in order with the same
// findings.
TEST_F(RunBatchTest, DeliversInInputOrderWithSameResultsForAnyJobs) {
  const std::string root = TempDir("order");
  std::string shard;
  for (int i = 0; i < 300; ++i) {
    absl::StrAppend(&shard, "{\"id\": \"r", i, "\", \"text\": \"",
                    i % 3 == 0 ? "sales rose closing yr" : "nothing here", "\"}\n");
  }
  Write(root + "/a/shard.jsonl", shard);
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int k = 0; k < i * 50; ++k) text += "a shared imaginative and prescient. ";
    Write(absl::StrCat(root, "/b/", 100 + i, ".txt"), text + "the end closing yr\n");
  }
  Write(root + "/c/broken.txt", std::string("bad\0bytes", 9));
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({root}, BatchFlags{});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 42u);

  auto run = [&](int jobs, size_t piece_bytes) {
    BatchOptions options;
    options.jobs = jobs;
    options.piece_bytes = piece_bytes;
    options.max_pending_bytes = 4096;  // forces the bounded look-ahead to matter
    std::vector<std::string> log;
    const BatchOutcome outcome = RunBatch(*files, *detector_, options, [&](CheckedFile& f) {
      std::string line = absl::StrCat(f.index, " ", f.input->relative, " ", f.status.ok());
      for (const DocumentReport& r : f.reports) absl::StrAppend(&line, " ", r.findings.size());
      log.push_back(line);
      return true;
    });
    EXPECT_EQ(outcome.files_delivered, files->size());
    EXPECT_FALSE(outcome.stopped_by_signal);
    return log;
  };
  const std::vector<std::string> one = run(1, size_t{1} << 20);
  ASSERT_EQ(one.size(), 42u);
  EXPECT_EQ(one[0].substr(0, 14), "0 a/shard.json");
  EXPECT_EQ(one[41], "41 c/broken.txt 0");
  EXPECT_EQ(run(2, 64), one);
  EXPECT_EQ(run(4, 1), one);
}

TEST_F(RunBatchTest, ConsumerCanStopTheRun) {
  const std::string root = TempDir("stop");
  for (int i = 0; i < 20; ++i) Write(absl::StrCat(root, "/", 10 + i, ".txt"), "closing yr\n");
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({root}, BatchFlags{});
  ASSERT_TRUE(files.ok());
  size_t seen = 0;
  BatchOptions options;
  options.jobs = 2;
  const BatchOutcome outcome =
      RunBatch(*files, *detector_, options, [&](CheckedFile&) { return ++seen < 3; });
  EXPECT_TRUE(outcome.stopped_by_consumer);
  EXPECT_EQ(seen, 3u);
  EXPECT_EQ(outcome.files_delivered, 3u);
}

TEST_F(RunBatchTest, JournalEntriesRebuildTheSameSummary) {
  const std::string root = TempDir("summary");
  Write(root + "/a.txt", "a shared imaginative and prescient closing yr\n");
  Write(root + "/b.jsonl",
        "{\"id\": \"x\", \"text\": \"closing yr\"}\n{\"id\": \"y\", \"text\": \"fine\"}\n");
  Write(root + "/c.txt", "nothing\n");
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs({root}, BatchFlags{});
  ASSERT_TRUE(files.ok());
  BatchSummary direct, rebuilt;
  BatchOptions options;
  RunBatch(*files, *detector_, options, [&](CheckedFile& f) {
    direct.AddFile(f, f.index);
    // Half the files as a resumed run sees them: through their journal lines.
    if (f.index % 2 == 0) {
      EXPECT_TRUE(rebuilt.AddJournalEntry(BatchSummary::FileEntryJson(f, f.index)).ok());
    } else {
      rebuilt.AddFile(f, f.index);
    }
    return true;
  });
  EXPECT_EQ(direct.documents(), 4u);
  EXPECT_EQ(direct.findings(), 3u);
  const BatchOutcome outcome;
  EXPECT_EQ(rebuilt.ToText(true), direct.ToText(true));
  EXPECT_EQ(rebuilt.ToJson(true, outcome, 1.0), direct.ToJson(true, outcome, 1.0));
  EXPECT_NE(direct.ToText(true).find("spin.t.yr"), std::string::npos) << direct.ToText(true);
}

TEST(ResumeJournalTest, CompletedOnlyWhileOutputExists) {
  const std::string out = TempDir("journal");
  InputFile done{"in/a.txt", "a.txt", 1, true};
  InputFile gone{"in/b.txt", "sub/b.txt", 1, true};
  {
    absl::StatusOr<std::unique_ptr<ResumeJournal>> j = ResumeJournal::Open(out, false);
    ASSERT_TRUE(j.ok()) << j.status();
    Write(out + "/a.txt", "fixed");
    ASSERT_TRUE((*j)->Record(done, "{\"file\": \"a.txt\", \"documents\": 1}").ok());
    ASSERT_TRUE((*j)->Record(gone, "{\"file\": \"sub/b.txt\", \"documents\": 1}").ok());
  }
  Write(out + "/c.txt.unspin-tmp-XYZ123", "partial");
  // A line cut short by a kill.
  absl::StatusOr<std::string> text = ReadFileToString(out + "/" + ResumeJournal::kFileName);
  ASSERT_TRUE(text.ok());
  ASSERT_TRUE(
      WriteFileAtomically(out + "/" + ResumeJournal::kFileName, *text + "{\"file\": \"c.t").ok());

  absl::StatusOr<std::unique_ptr<ResumeJournal>> j = ResumeJournal::Open(out, true);
  ASSERT_TRUE(j.ok());
  ASSERT_NE((*j)->Completed(done), nullptr);
  EXPECT_EQ(*(*j)->Completed(done), "{\"file\": \"a.txt\", \"documents\": 1}");
  EXPECT_EQ((*j)->Completed(gone), nullptr);  // its output is missing
  struct stat st;
  EXPECT_NE(stat((out + "/c.txt.unspin-tmp-XYZ123").c_str(), &st), 0);  // stray temp removed

  // Without --resume the journal starts over.
  j = ResumeJournal::Open(out, false);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)->Completed(done), nullptr);
}

}  // namespace
}  // namespace unspin
