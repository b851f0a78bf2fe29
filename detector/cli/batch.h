// Batch runs of `unspin check` and `unspin fix` over many inputs: files, directories (walked
// recursively, filtered by include/exclude globs), glob patterns and JSON Lines shards, checked
// on every core with results delivered in input order, a progress line, an end summary, and
// clean stops on SIGINT/SIGTERM.
//
//   unspin::BatchFlags flags;
//   unspin::AddBatchFlags(&parser, &flags, /*for_fix=*/false);
//   ... parser.Parse(args) ...
//   absl::StatusOr<std::vector<unspin::InputFile>> files = unspin::ExpandInputs(paths, flags);
//   unspin::BatchOptions options;             // jobs, input format, progress
//   unspin::BatchSummary summary;
//   unspin::BatchOutcome outcome = unspin::RunBatch(*files, engine->detector(), options,
//       [&](unspin::CheckedFile& file) { ... report file.documents / file.reports ...;
//                                        summary.Add(file); return true; });
//   if (outcome.stopped_by_signal) ...        // "rerun with --resume"
//
// Determinism: files are delivered in the order ExpandInputs returns them (arguments in the
// order given; a directory's or a glob's files sorted by path), each file's documents in input
// order, whatever --jobs is. Findings do not depend on the thread count.
//
// Stopping: the first SIGINT or SIGTERM asks the run to stop. Files already started are finished
// and delivered (their outputs complete); no new file is started. A second signal ends the
// process at once (the default action); atomic writes still leave no half-written output, only
// a stray temporary file that --resume removes.
#ifndef UNSPIN_DETECTOR_CLI_BATCH_H_
#define UNSPIN_DETECTOR_CLI_BATCH_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/cli/args.h"
#include "detector/spin/detector.h"
#include "detector/text/document.h"
#include "detector/text/extraction.h"
#include "detector/text/input.h"

namespace unspin {

// Batch flags shared by check and fix.
struct BatchFlags {
  std::vector<std::string> include;  // --include=GLOB (repeatable): files taken from directories
  std::vector<std::string> exclude;  // --exclude=GLOB (repeatable): files and directories skipped
  int jobs = 0;                      // --jobs: worker threads; 0 means every core
  bool progress = false;             // --progress: draw the progress line even when not a tty
  bool no_progress = false;          // --no-progress: never draw it
  std::string report_file;           // --report=FILE: write the end summary as JSON
  bool summary = false;              // --batch-summary: print the summary even for one file
  // fix only.
  std::string out_dir;        // --out-dir=DIR: write fixed files under DIR, mirroring the inputs
  bool resume = false;        // --resume: skip inputs whose output a previous run completed
  bool unsafe_fixes = false;  // --unsafe-fixes: also apply unsafe fixes (fix_policy.h)
};

// Registers the flags above (the fix-only ones when `for_fix`).
void AddBatchFlags(ArgParser* parser, BatchFlags* flags, bool for_fix);

// Files taken when walking a directory and no --include is given: the extensions of the input
// formats (input.h).
extern const char* const kDefaultIncludes[];

// One input file of a batch.
struct InputFile {
  // The path to open ("-" for standard input).
  std::string path;
  // Its path below the argument that named it (the directory walked, or a glob's fixed leading
  // directories); a file named directly is its file name. --out-dir writes OUT/relative.
  std::string relative;
  // Its size when listed (for progress); 0 for standard input.
  uint64_t size = 0;
  // Named by a directory walk or a glob (so --include applies), not directly.
  bool from_walk = false;
};

// Matches `path` against a glob: `*` any characters but '/', `**` any characters including '/'
// (so "**/" also matches nothing), `?` one character but '/', `[abc]`/`[a-z]`/`[!a]` a class.
// A pattern without '/' is matched against the last component of `path` only.
bool GlobMatch(absl::string_view pattern, absl::string_view path);

// Expands the command line's inputs: a file is taken as is (even when --include would not take
// it), "-" is standard input, a directory is walked recursively (hidden entries, those starting
// with '.', are skipped), and an argument with `*`, `?` or `[` that names no existing file is a
// glob. Walked and globbed files must match an --include pattern (default kDefaultIncludes) and
// no --exclude pattern; --exclude also prunes directories. Patterns match the path below the
// argument. A directory or glob that yields no file is an error, as is a missing file; errors
// name the argument. Duplicates (the same path twice) are dropped, keeping the first.
absl::StatusOr<std::vector<InputFile>> ExpandInputs(const std::vector<std::string>& args,
                                                    const BatchFlags& flags);

// How RunBatch reads and checks.
struct BatchOptions {
  // Worker threads; <= 0 means every core.
  int jobs = 0;
  // How files are read (format, JSON Lines field, ...).
  InputOptions input;
  // Keep each file's bytes in CheckedFile::bytes (fix rewrites them).
  bool keep_bytes = false;
  // Draw a progress line with rate and ETA on stderr.
  bool progress = false;
  // Loaded but not yet delivered input is kept below this many bytes (at least one file is
  // always in flight), so memory stays bounded on any corpus size.
  size_t max_pending_bytes = size_t{256} << 20;
  // Documents of one file are checked in pieces of about this many bytes of text, so one large
  // shard keeps every thread busy.
  size_t piece_bytes = size_t{1} << 20;
};

// One input file, read and checked.
struct CheckedFile {
  size_t index = 0;  // position in the file list
  const InputFile* input = nullptr;
  absl::Status status;  // why it could not be read or parsed; documents empty then
  InputFormat format = InputFormat::kText;  // the format it was read as
  std::string bytes;                        // its bytes, when BatchOptions::keep_bytes
  std::vector<Document> documents;
  std::vector<DocumentReport> reports;  // one per document
  ExtractionStats skipped;              // what HTML/Markdown extraction left out
};

struct BatchOutcome {
  size_t files_delivered = 0;        // files passed to the consumer
  bool stopped_by_signal = false;    // a SIGINT/SIGTERM stopped the run early
  int signal = 0;                    // that signal
  bool stopped_by_consumer = false;  // the consumer returned false
};

// Reads and checks `files` on options.jobs threads and calls `consume` for each, in order, on
// the calling thread. `consume` returns false to stop the run (e.g. stdout closed). Installs the
// SIGINT/SIGTERM handlers for the duration of the run.
BatchOutcome RunBatch(const std::vector<InputFile>& files, const Detector& detector,
                      const BatchOptions& options,
                      const std::function<bool(CheckedFile& file)>& consume);

// The end-of-run summary: documents, findings per rule, documents changed, most spun documents.
class BatchSummary {
 public:
  // How many of the most spun documents are listed.
  static constexpr size_t kTopDocuments = 10;

  // Counts a delivered file. `documents_changed` (fix): how many of its documents a fix changed.
  void AddFile(const CheckedFile& file, size_t documents_changed);
  // Counts a file a resumed run skipped, from its journal entry (FileEntryJson).
  absl::Status AddJournalEntry(absl::string_view json);
  // The contribution of one delivered file as one JSON line, for the --resume journal.
  static std::string FileEntryJson(const CheckedFile& file, size_t documents_changed);

  // Human-readable, for stderr.
  std::string ToText(bool fix) const;
  // The JSON written by --report.
  std::string ToJson(bool fix, const BatchOutcome& outcome, double seconds) const;

  size_t files() const { return files_; }
  size_t documents() const { return documents_; }
  size_t findings() const { return findings_; }
  size_t input_errors() const { return input_errors_; }

 private:
  struct SpunDocument {
    std::string path;
    double score = 0;
    size_t findings = 0;
    size_t order = 0;  // delivery order, to break ties deterministically
  };
  void AddSpun(SpunDocument doc);

  size_t files_ = 0;
  size_t input_errors_ = 0;
  size_t documents_ = 0;
  size_t documents_with_findings_ = 0;
  size_t documents_changed_ = 0;
  size_t findings_ = 0;
  uint64_t bytes_ = 0;
  // Findings per rule id: hashed, since every finding of the run counts here (an ordered map's
  // string comparisons were 3% of a 50 MB `check`); sorted by RuleCounts() for output.
  absl::flat_hash_map<std::string, size_t> findings_per_rule_;
  std::vector<std::pair<absl::string_view, size_t>> RuleCounts() const;  // by rule id
  std::vector<SpunDocument> top_;  // most spun first, at most kTopDocuments
  size_t order_ = 0;
};

// The --resume journal of `fix --out-dir`: OUT/.unspin-journal.jsonl holds one line per input
// whose output was completely written (appended after the rename, flushed), with the file's
// summary contribution, so a resumed run skips it and still reports the same summary.
class ResumeJournal {
 public:
  static constexpr const char* kFileName = ".unspin-journal.jsonl";

  // Opens the journal in `out_dir`. With `resume`, reads the entries of the previous run (and
  // removes stray temporary files a killed run left in `out_dir`); without, starts a new one.
  static absl::StatusOr<std::unique_ptr<ResumeJournal>> Open(const std::string& out_dir,
                                                             bool resume);
  ~ResumeJournal();

  // The journal line of a completed input, or null when it must be (re)done. An entry counts
  // only while the output file still exists.
  const std::string* Completed(const InputFile& file) const;
  // Records that `file`'s output is complete.
  absl::Status Record(const InputFile& file, absl::string_view entry_json);

 private:
  ResumeJournal() = default;
  std::string out_dir_;
  int fd_ = -1;
  absl::flat_hash_map<std::string, std::string> entries_;  // relative path -> summary JSON
};

// One batch command run: ties RunBatch to the summary, the --report file and the closing
// messages, so check and fix end the same way.
class BatchRun {
 public:
  // `command` names the subcommand in messages ("check"); `fix` selects the fix summary.
  BatchRun(std::string command, const BatchFlags& flags, const std::vector<InputFile>& files,
           bool fix);

  BatchSummary& summary() { return summary_; }
  const BatchOutcome& outcome() const { return outcome_; }

  // Runs RunBatch over `files` with the flags' --jobs and progress setting.
  void Run(const Detector& detector, const InputOptions& input, bool keep_bytes,
           const std::function<bool(CheckedFile& file)>& consume);
  // The same over a subset of the files (a resumed run's remaining ones).
  void Run(const std::vector<InputFile>& files, const Detector& detector, const InputOptions& input,
           bool keep_bytes, const std::function<bool(CheckedFile& file)>& consume);

  // Prints the summary to stderr (when the run had several files, a directory or a glob, or
  // --batch-summary), writes --report, and after a signal says how to finish. Returns 128 plus
  // the signal number after a signal, 2 when the report cannot be written, else 0.
  int Finish();

 private:
  std::string command_;
  const BatchFlags& flags_;
  const std::vector<InputFile>& files_;
  bool fix_;
  BatchSummary summary_;
  BatchOutcome outcome_;
  std::chrono::steady_clock::time_point start_;
};

// The output path of `file` under `out_dir` (out_dir/relative).
std::string OutputPath(const std::string& out_dir, const InputFile& file);

// Creates the directories of `path` below it (mkdir -p of its parent).
absl::Status MakeParentDirectories(const std::string& path);

// Resolved thread count for `jobs` (<= 0: every core).
int ResolveJobCount(int jobs);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_BATCH_H_
