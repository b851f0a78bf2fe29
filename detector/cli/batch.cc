#include "detector/cli/batch.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "detector/util/file_io.h"
#include "detector/util/json.h"

namespace unspin {

const char* const kDefaultIncludes[] = {"*.txt",   "*.text",  "*.md",     "*.markdown",
                                        "*.mdown", "*.mkd",   "*.html",   "*.htm",
                                        "*.xhtml", "*.jsonl", "*.ndjson", nullptr};

namespace {

// ---------------------------------------------------------------------------------------------
// Signals. The handler only records the signal; the batch loop polls it. SA_RESETHAND restores
// the default action, so a second Ctrl-C ends the process at once.

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void HandleStopSignal(int signo) { g_stop_signal = signo; }

class StopSignalScope {
 public:
  StopSignalScope() {
    g_stop_signal = 0;
    struct sigaction action;
    std::memset(&action, 0, sizeof(action));
    action.sa_handler = HandleStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignalScope() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_;
  struct sigaction old_term_;
};

// ---------------------------------------------------------------------------------------------
// Globs.

bool HasGlobMagic(absl::string_view s) { return s.find_first_of("*?[") != absl::string_view::npos; }

// Matches a bracket class at pattern[p] ('[' ... ']') against c. Sets *next past the class;
// false in *valid when the class is not closed (then '[' is a literal).
bool MatchClass(absl::string_view pattern, size_t p, char c, size_t* next, bool* valid) {
  size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char lo = pattern[i], hi = pattern[i];
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      hi = pattern[i + 2];
      i += 3;
    } else {
      ++i;
    }
    if (lo <= c && c <= hi) matched = true;
  }
  if (i >= pattern.size()) {
    *valid = false;
    return false;
  }
  *valid = true;
  *next = i + 1;
  return matched != negate;
}

// Iterative matcher with backtracking for `*` (one level) and recursion for `**`.
bool GlobMatchFrom(absl::string_view pattern, size_t p, absl::string_view path, size_t s) {
  size_t star_p = absl::string_view::npos, star_s = 0;
  while (s < path.size() || p < pattern.size()) {
    if (p < pattern.size()) {
      const char pc = pattern[p];
      if (pc == '*' && p + 1 < pattern.size() && pattern[p + 1] == '*') {
        // `**`: any run of characters, '/' included. "**/" may also match nothing.
        size_t after = p + 2;
        if (after < pattern.size() && pattern[after] == '/') {
          if (GlobMatchFrom(pattern, after + 1, path, s)) return true;
        }
        for (size_t k = s; k <= path.size(); ++k) {
          if (GlobMatchFrom(pattern, after, path, k)) return true;
        }
        return false;
      }
      if (pc == '*') {
        star_p = p++;
        star_s = s;
        continue;
      }
      if (s < path.size()) {
        if (pc == '?' && path[s] != '/') {
          ++p;
          ++s;
          continue;
        }
        if (pc == '[') {
          size_t next = 0;
          bool valid = false;
          const bool m = MatchClass(pattern, p, path[s], &next, &valid);
          if (valid && m && path[s] != '/') {
            p = next;
            ++s;
            continue;
          }
          if (!valid && path[s] == '[') {
            ++p;
            ++s;
            continue;
          }
        } else if (pc != '?' && pc == path[s]) {
          ++p;
          ++s;
          continue;
        }
      }
    }
    // Mismatch: let the last `*` take one more character (never a '/').
    if (star_p != absl::string_view::npos && star_s < path.size() && path[star_s] != '/') {
      p = star_p + 1;
      s = ++star_s;
      continue;
    }
    return false;
  }
  return true;
}

// Joins a directory and a name without doubling the slash.
std::string JoinPath(absl::string_view dir, absl::string_view name) {
  if (dir.empty() || dir == ".") return std::string(name);
  if (dir.back() == '/') return absl::StrCat(dir, name);
  return absl::StrCat(dir, "/", name);
}

bool IsTemporaryOutput(absl::string_view name) {
  return absl::StrContains(name, ".unspin-tmp-") || name == ResumeJournal::kFileName;
}

bool MatchesAny(const std::vector<std::string>& patterns, absl::string_view relative) {
  for (const std::string& p : patterns) {
    if (GlobMatch(p, relative)) return true;
  }
  return false;
}

struct WalkContext {
  const std::vector<std::string>* include;
  const std::vector<std::string>* exclude;
  std::string skip_dir;  // real path of the output directory, never walked
  std::vector<InputFile>* out;
};

// Walks `dir` (whose path below the root is `relative`), appending matching files sorted by
// name. `pattern` (may be empty) is a glob the relative path must match as well.
absl::Status Walk(const std::string& dir, const std::string& relative, const WalkContext& ctx,
                  absl::string_view pattern) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return absl::NotFoundError(absl::StrCat(dir, ": ", std::strerror(errno)));
  std::vector<std::string> names;
  while (struct dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;  // hidden, "." and ".."
    names.emplace_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = JoinPath(dir, name);
    const std::string rel = relative.empty() ? name : absl::StrCat(relative, "/", name);
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;  // a dangling link
    if (MatchesAny(*ctx.exclude, rel)) continue;
    if (S_ISDIR(st.st_mode)) {
      // A glob without "**" cannot match deeper than it has components.
      if (!pattern.empty() && !absl::StrContains(pattern, "**") &&
          std::count(rel.begin(), rel.end(), '/') + 1 >=
              std::count(pattern.begin(), pattern.end(), '/') + 1) {
        continue;
      }
      if (!ctx.skip_dir.empty()) {
        char real[PATH_MAX];
        if (realpath(path.c_str(), real) != nullptr && ctx.skip_dir == real) continue;
      }
      absl::Status s = Walk(path, rel, ctx, pattern);
      if (!s.ok()) return s;
      continue;
    }
    if (!S_ISREG(st.st_mode) || IsTemporaryOutput(name)) continue;
    if (!pattern.empty() && !GlobMatchFrom(pattern, 0, rel, 0)) continue;
    bool included = false;
    if (ctx.include->empty()) {
      for (const char* const* p = kDefaultIncludes; *p != nullptr; ++p) {
        if (GlobMatch(*p, rel)) included = true;
      }
    } else {
      included = MatchesAny(*ctx.include, rel);
    }
    if (!included) continue;
    ctx.out->push_back(InputFile{path, rel, static_cast<uint64_t>(st.st_size), true});
  }
  return absl::OkStatus();
}

std::string Basename(absl::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == absl::string_view::npos ? path : path.substr(slash + 1));
}

// ---------------------------------------------------------------------------------------------
// Progress line.

std::string HumanBytes(double bytes) {
  if (bytes >= 1e9) return absl::StrFormat("%.2f GB", bytes / 1e9);
  if (bytes >= 1e6) return absl::StrFormat("%.1f MB", bytes / 1e6);
  if (bytes >= 1e3) return absl::StrFormat("%.1f KB", bytes / 1e3);
  return absl::StrFormat("%.0f B", bytes);
}

std::string HumanDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return absl::StrFormat("%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return absl::StrFormat("%ld:%02ld", s / 60, s % 60);
}

class Progress {
 public:
  Progress(bool enabled, size_t files, uint64_t total_bytes)
      : enabled_(enabled),
        files_(files),
        total_bytes_(total_bytes),
        start_(std::chrono::steady_clock::now()) {}

  void Update(size_t files_done, uint64_t bytes_done, size_t documents, bool force) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_draw_ < std::chrono::milliseconds(200)) return;
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? bytes_done / elapsed : 0;
    std::string line = absl::StrFormat("\r%zu/%zu files  %zu docs  %s", files_done, files_,
                                       documents, HumanBytes(bytes_done));
    if (total_bytes_ > 0) {
      const int percent = static_cast<int>(100.0 * bytes_done / total_bytes_);
      absl::StrAppend(&line, " of ", HumanBytes(total_bytes_), " (", std::min(percent, 100), "%)");
    }
    absl::StrAppend(&line, "  ", HumanBytes(rate), "/s");
    if (rate > 0 && total_bytes_ > bytes_done) {
      absl::StrAppend(&line, "  ETA ", HumanDuration((total_bytes_ - bytes_done) / rate));
    }
    absl::StrAppend(&line, "\033[K");
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  // Clears the line so what follows starts at column 1.
  void Finish() {
    if (enabled_ && drawn_) {
      std::fputs("\r\033[K", stderr);
      std::fflush(stderr);
    }
  }

 private:
  bool enabled_;
  size_t files_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

// ---------------------------------------------------------------------------------------------
// The scheduler: workers load files and check pieces of their documents; the calling thread
// delivers finished files in order.

struct Slot {
  CheckedFile file;
  size_t pieces_left = 0;
  bool ready = false;    // every piece checked (or the load failed)
  uint64_t charged = 0;  // bytes counted against max_pending_bytes
};

struct Piece {
  size_t slot;
  size_t begin;  // document range
  size_t end;
};

class Scheduler {
 public:
  Scheduler(const std::vector<InputFile>& files, const Detector& detector,
            const BatchOptions& options)
      : files_(files), detector_(detector), options_(options), slots_(files.size()) {}

  void Worker() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      if (!pieces_.empty()) {
        const Piece piece = pieces_.front();
        pieces_.pop_front();
        Slot* slot = slots_[piece.slot].get();
        lock.unlock();
        for (size_t d = piece.begin; d < piece.end; ++d) {
          slot->file.reports[d] = detector_.Check(slot->file.documents[d]);
        }
        lock.lock();
        if (--slot->pieces_left == 0) {
          slot->ready = true;
          delivered_cv_.notify_all();
        }
        continue;
      }
      if (CanLoad()) {
        const size_t index = next_load_++;
        ++loading_;
        const uint64_t charge = std::max<uint64_t>(files_[index].size, 1);
        pending_bytes_ += charge;
        lock.unlock();
        auto slot = std::make_unique<Slot>();
        slot->charged = charge;
        Load(index, &slot->file);
        lock.lock();
        --loading_;
        const size_t documents = slot->file.documents.size();
        if (documents == 0) {
          slot->ready = true;
        } else {
          // Pieces of about piece_bytes of text each, in document order.
          size_t begin = 0, bytes = 0;
          for (size_t d = 0; d < documents; ++d) {
            bytes += slot->file.documents[d].text().size();
            if (bytes >= options_.piece_bytes || d + 1 == documents) {
              pieces_.push_back(Piece{index, begin, d + 1});
              ++slot->pieces_left;
              begin = d + 1;
              bytes = 0;
            }
          }
        }
        slots_[index] = std::move(slot);
        work_cv_.notify_all();
        delivered_cv_.notify_all();
        continue;
      }
      if (Exhausted()) {
        delivered_cv_.notify_all();
        return;
      }
      work_cv_.wait(lock);
    }
  }

  // Runs on the calling thread until every loaded file is delivered.
  BatchOutcome Deliver(const std::function<bool(CheckedFile& file)>& consume) {
    BatchOutcome outcome;
    uint64_t total_bytes = 0;
    for (const InputFile& f : files_) total_bytes += f.size;
    const bool progress_enabled = options_.progress;
    Progress progress(progress_enabled, files_.size(), total_bytes);
    uint64_t bytes_done = 0;
    size_t documents_done = 0;
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      if (g_stop_signal != 0 && !stop_) {
        stop_ = true;
        outcome.stopped_by_signal = true;
        outcome.signal = g_stop_signal;
        work_cv_.notify_all();
      }
      if (next_deliver_ < slots_.size() && slots_[next_deliver_] != nullptr &&
          slots_[next_deliver_]->ready) {
        std::unique_ptr<Slot> slot = std::move(slots_[next_deliver_]);
        ++next_deliver_;
        lock.unlock();
        const bool keep_going = consume(slot->file);
        ++outcome.files_delivered;
        bytes_done += files_[slot->file.index].size;
        documents_done += slot->file.documents.size();
        progress.Update(outcome.files_delivered, bytes_done, documents_done, false);
        const uint64_t charged = slot->charged;
        slot.reset();
        lock.lock();
        pending_bytes_ -= charged;
        work_cv_.notify_all();
        if (!keep_going) {
          outcome.stopped_by_consumer = true;
          break;  // the consumer wants nothing more, not even files already checked
        }
        continue;
      }
      if (next_deliver_ == next_load_ && loading_ == 0 && (stop_ || next_load_ == slots_.size())) {
        break;
      }
      delivered_cv_.wait_for(lock, std::chrono::milliseconds(100));
      lock.unlock();
      progress.Update(outcome.files_delivered, bytes_done, documents_done, false);
      lock.lock();
    }
    stop_ = true;  // let the workers go
    work_cv_.notify_all();
    lock.unlock();
    progress.Finish();
    return outcome;
  }

 private:
  bool CanLoad() const {
    if (stop_ || next_load_ >= slots_.size()) return false;
    if (next_load_ == next_deliver_) return true;  // nothing in flight: always make progress
    // Bounded look-ahead: by bytes, and by files (many tiny files cost memory per slot too).
    const size_t in_flight = next_load_ - next_deliver_;
    return pending_bytes_ + files_[next_load_].size <= options_.max_pending_bytes &&
           in_flight < 256;
  }

  bool Exhausted() const {
    return pieces_.empty() && loading_ == 0 && (stop_ || next_load_ >= slots_.size());
  }

  void Load(size_t index, CheckedFile* file) {
    file->index = index;
    file->input = &files_[index];
    const std::string& path = files_[index].path;
    const std::string name = path == "-" ? "<stdin>" : path;
    file->format =
        options_.input.format == InputFormat::kAuto ? FormatFromPath(name) : options_.input.format;
    absl::StatusOr<std::string> bytes = ReadFileToString(path);
    if (!bytes.ok()) {
      file->status = bytes.status();
      return;
    }
    if (options_.keep_bytes) file->bytes = *bytes;
    absl::StatusOr<std::vector<Document>> documents =
        LoadDocuments(name, std::move(*bytes), options_.input, &file->skipped);
    if (!documents.ok()) {
      file->status = documents.status();
      file->bytes.clear();
      return;
    }
    file->documents = std::move(*documents);
    file->reports.resize(file->documents.size());
  }

  const std::vector<InputFile>& files_;
  const Detector& detector_;
  const BatchOptions& options_;

  std::mutex mu_;
  std::condition_variable work_cv_;       // workers: pieces queued, room to load, stop
  std::condition_variable delivered_cv_;  // the deliverer: a file became ready
  std::vector<std::unique_ptr<Slot>> slots_;
  std::deque<Piece> pieces_;
  size_t next_load_ = 0;
  size_t next_deliver_ = 0;
  size_t loading_ = 0;
  uint64_t pending_bytes_ = 0;
  bool stop_ = false;
};

// Reads an unsigned member of a parsed object; 0 when absent.
size_t MemberCount(const std::vector<JsonMember>& members, absl::string_view key) {
  for (const JsonMember& m : members) {
    size_t v = 0;
    if (m.key == key && m.type == JsonType::kNumber && absl::SimpleAtoi(m.raw, &v)) return v;
  }
  return 0;
}

const JsonMember* FindMember(const std::vector<JsonMember>& members, absl::string_view key) {
  for (const JsonMember& m : members) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

std::string DecodeString(const JsonMember& m) {
  std::string out;
  if (m.type == JsonType::kString) DecodeJsonString(m.raw, &out);
  return out;
}

// Most spun first; ties by path and position so the order never depends on delivery.
bool MoreSpun(double score_a, const std::string& path_a, size_t order_a, double score_b,
              const std::string& path_b, size_t order_b) {
  if (score_a != score_b) return score_a > score_b;
  if (path_a != path_b) return path_a < path_b;
  return order_a < order_b;
}

}  // namespace

void AddBatchFlags(ArgParser* parser, BatchFlags* flags, bool for_fix) {
  parser->AddRepeated("include", "GLOB",
                      "files to take from directories (repeatable; default: *.txt *.md "
                      "*.markdown *.html *.htm *.jsonl *.ndjson and kin)",
                      &flags->include);
  parser->AddRepeated("exclude", "GLOB",
                      "files and directories to skip when walking (repeatable; a pattern "
                      "without '/' matches the name, '**' crosses directories)",
                      &flags->exclude);
  parser->AddInt("jobs", "N", "worker threads (default: every core)", &flags->jobs);
  parser->AddBool("progress", "draw the progress line on stderr even when it is not a terminal",
                  &flags->progress);
  parser->AddBool("no-progress", "never draw the progress line", &flags->no_progress);
  parser->AddString("report", "FILE", "write the end-of-run summary as JSON to FILE",
                    &flags->report_file);
  parser->AddBool("batch-summary",
                  "print the end-of-run summary to stderr even for a single input file",
                  &flags->summary);
  if (!for_fix) return;
  parser->AddString("out-dir", "DIR",
                    "write every fixed file under DIR, mirroring the input tree (unchanged "
                    "files are copied)",
                    &flags->out_dir);
  parser->AddBool("resume", "with --out-dir: skip inputs a previous (interrupted) run completed",
                  &flags->resume);
  parser->AddBool("unsafe-fixes",
                  "also apply unsafe fixes (lexicon findings, rules below confidence 0.7)",
                  &flags->unsafe_fixes);
}

int ResolveJobCount(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

bool GlobMatch(absl::string_view pattern, absl::string_view path) {
  if (pattern.find('/') == absl::string_view::npos) {
    const size_t slash = path.rfind('/');
    if (slash != absl::string_view::npos) path = path.substr(slash + 1);
  }
  return GlobMatchFrom(pattern, 0, path, 0);
}

absl::StatusOr<std::vector<InputFile>> ExpandInputs(const std::vector<std::string>& args,
                                                    const BatchFlags& flags) {
  std::vector<InputFile> out;
  WalkContext ctx{&flags.include, &flags.exclude, "", &out};
  if (!flags.out_dir.empty()) {
    char real[PATH_MAX];
    if (realpath(flags.out_dir.c_str(), real) != nullptr) ctx.skip_dir = real;
  }
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back(InputFile{"-", "stdin", 0, false});
      continue;
    }
    struct stat st;
    const bool exists = stat(arg.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      const size_t before = out.size();
      std::string dir = arg;
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      absl::Status s = Walk(dir, "", ctx, "");
      if (!s.ok()) return s;
      if (out.size() == before) {
        return absl::NotFoundError(
            absl::StrCat(arg,
                         ": no input files in this directory (it is empty, or --include/--exclude "
                         "left nothing)"));
      }
      continue;
    }
    if (!exists && HasGlobMagic(arg)) {
      // The fixed leading directories are walked; the rest of the pattern filters.
      const std::vector<absl::string_view> parts = absl::StrSplit(arg, '/');
      std::string root;
      size_t first_magic = 0;
      while (first_magic < parts.size() && !HasGlobMagic(parts[first_magic])) ++first_magic;
      for (size_t i = 0; i < first_magic; ++i) {
        root = i == 0 ? std::string(parts[i]) : absl::StrCat(root, "/", parts[i]);
      }
      if (first_magic > 0 && root.empty()) root = "/";  // an absolute pattern
      std::vector<absl::string_view> rest(parts.begin() + first_magic, parts.end());
      const std::string pattern = absl::StrJoin(rest, "/");
      const size_t before = out.size();
      // A glob names its files itself: only --exclude filters them.
      static const std::vector<std::string>* const kAll = new std::vector<std::string>{"**"};
      WalkContext glob_ctx = ctx;
      glob_ctx.include = flags.include.empty() ? kAll : &flags.include;
      absl::Status s = Walk(root.empty() ? "." : root, "", glob_ctx, pattern);
      if (!s.ok()) return absl::NotFoundError(absl::StrCat(arg, ": no files match this pattern"));
      if (out.size() == before) {
        return absl::NotFoundError(absl::StrCat(arg, ": no files match this pattern"));
      }
      continue;
    }
    // A file named directly (errors such as a missing file are reported when it is read).
    out.push_back(
        InputFile{arg, Basename(arg), exists ? static_cast<uint64_t>(st.st_size) : 0, false});
  }
  absl::flat_hash_set<std::string> seen;
  std::vector<InputFile> unique;
  unique.reserve(out.size());
  for (InputFile& f : out) {
    if (f.path != "-" && !seen.insert(f.path).second) continue;
    unique.push_back(std::move(f));
  }
  return unique;
}

BatchOutcome RunBatch(const std::vector<InputFile>& files, const Detector& detector,
                      const BatchOptions& options,
                      const std::function<bool(CheckedFile& file)>& consume) {
  StopSignalScope signals;
  Scheduler scheduler(files, detector, options);
  const int jobs =
      std::max<int>(1, std::min<int>(ResolveJobCount(options.jobs),
                                     static_cast<int>(std::max<size_t>(files.size(), 1)) * 64));
  std::vector<std::thread> workers;
  workers.reserve(jobs);
  for (int i = 0; i < jobs; ++i) workers.emplace_back([&scheduler] { scheduler.Worker(); });
  BatchOutcome outcome = scheduler.Deliver(consume);
  for (std::thread& t : workers) t.join();
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Summary.

void BatchSummary::AddSpun(SpunDocument doc) {
  auto it = std::find_if(top_.begin(), top_.end(), [&](const SpunDocument& t) {
    return MoreSpun(doc.score, doc.path, doc.order, t.score, t.path, t.order);
  });
  top_.insert(it, std::move(doc));
  if (top_.size() > kTopDocuments) top_.pop_back();
}

std::vector<std::pair<absl::string_view, size_t>> BatchSummary::RuleCounts() const {
  std::vector<std::pair<absl::string_view, size_t>> counts(findings_per_rule_.begin(),
                                                           findings_per_rule_.end());
  std::sort(counts.begin(), counts.end());
  return counts;
}

void BatchSummary::AddFile(const CheckedFile& file, size_t documents_changed) {
  ++files_;
  bytes_ += file.input != nullptr ? file.input->size : 0;
  if (!file.status.ok()) {
    ++input_errors_;
    return;
  }
  documents_ += file.documents.size();
  documents_changed_ += documents_changed;
  for (size_t d = 0; d < file.documents.size(); ++d) {
    const DocumentReport& report = file.reports[d];
    if (report.findings.empty()) continue;
    ++documents_with_findings_;
    findings_ += report.findings.size();
    for (const Finding& f : report.findings) ++findings_per_rule_[f.rule_id];
    // Position in the whole run: file order, then document order.
    const size_t order = (file.index << 24) + d;
    AddSpun(
        SpunDocument{file.documents[d].path(), report.spin_score, report.findings.size(), order});
  }
}

std::string BatchSummary::FileEntryJson(const CheckedFile& file, size_t documents_changed) {
  BatchSummary one;
  one.AddFile(file, documents_changed);
  std::string out = "{\"file\": ";
  AppendJsonString(file.input != nullptr ? file.input->relative : "", &out);
  absl::StrAppend(&out, ", \"bytes\": ", one.bytes_, ", \"error\": ", one.input_errors_,
                  ", \"documents\": ", one.documents_,
                  ", \"with_findings\": ", one.documents_with_findings_,
                  ", \"changed\": ", one.documents_changed_, ", \"rules\": {");
  bool first = true;
  for (const auto& [rule, count] : one.RuleCounts()) {
    if (!first) out += ", ";
    first = false;
    AppendJsonString(rule, &out);
    absl::StrAppend(&out, ": ", count);
  }
  out += "}, \"spun\": {";
  for (size_t i = 0; i < one.top_.size(); ++i) {
    if (i > 0) out += ", ";
    absl::StrAppend(&out, "\"", i, "\": {\"path\": ");
    AppendJsonString(one.top_[i].path, &out);
    // %.17g: the score must come back bit for bit so a resumed run ranks the same.
    absl::StrAppend(&out, ", \"score\": ", absl::StrFormat("%.17g", one.top_[i].score),
                    ", \"findings\": ", one.top_[i].findings, ", \"order\": ", one.top_[i].order,
                    "}");
  }
  out += "}}";
  return out;
}

absl::Status BatchSummary::AddJournalEntry(absl::string_view json) {
  absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(json);
  if (!members.ok()) return members.status();
  ++files_;
  bytes_ += MemberCount(*members, "bytes");
  input_errors_ += MemberCount(*members, "error");
  documents_ += MemberCount(*members, "documents");
  documents_with_findings_ += MemberCount(*members, "with_findings");
  documents_changed_ += MemberCount(*members, "changed");
  if (const JsonMember* rules = FindMember(*members, "rules")) {
    absl::StatusOr<std::vector<JsonMember>> counts = ParseJsonObject(rules->raw);
    if (!counts.ok()) return counts.status();
    for (const JsonMember& m : *counts) {
      size_t n = 0;
      if (absl::SimpleAtoi(m.raw, &n)) {
        findings_per_rule_[std::string(m.key)] += n;
        findings_ += n;
      }
    }
  }
  if (const JsonMember* spun = FindMember(*members, "spun")) {
    absl::StatusOr<std::vector<JsonMember>> docs = ParseJsonObject(spun->raw);
    if (!docs.ok()) return docs.status();
    for (const JsonMember& m : *docs) {
      absl::StatusOr<std::vector<JsonMember>> doc = ParseJsonObject(m.raw);
      if (!doc.ok()) return doc.status();
      SpunDocument d;
      if (const JsonMember* p = FindMember(*doc, "path")) d.path = DecodeString(*p);
      if (const JsonMember* s = FindMember(*doc, "score")) absl::SimpleAtod(s->raw, &d.score);
      d.findings = MemberCount(*doc, "findings");
      d.order = MemberCount(*doc, "order");
      AddSpun(std::move(d));
    }
  }
  return absl::OkStatus();
}

std::string BatchSummary::ToText(bool fix) const {
  std::string out =
      absl::StrFormat("unspin: %zu files, %zu documents, %zu findings in %zu documents", files_,
                      documents_, findings_, documents_with_findings_);
  if (fix) absl::StrAppend(&out, ", ", documents_changed_, " documents changed");
  if (input_errors_ > 0) absl::StrAppend(&out, ", ", input_errors_, " files with input errors");
  out += "\n";
  if (!findings_per_rule_.empty()) {
    out += "findings per rule:\n";
    std::vector<std::pair<size_t, std::string>> rules;
    for (const auto& [rule, count] : RuleCounts()) rules.emplace_back(count, rule);
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    // The text lists the most frequent rules; --report has them all.
    constexpr size_t kTopRules = 15;
    for (size_t i = 0; i < rules.size() && i < kTopRules; ++i) {
      absl::StrAppendFormat(&out, "  %8zu  %s\n", rules[i].first, rules[i].second);
    }
    if (rules.size() > kTopRules) {
      absl::StrAppendFormat(&out, "  (%zu more rules; --report=FILE lists all)\n",
                            rules.size() - kTopRules);
    }
  }
  if (!top_.empty()) {
    out += "most spun documents:\n";
    for (const SpunDocument& d : top_) {
      absl::StrAppendFormat(&out, "  %.3f  %s (%zu findings)\n", d.score, d.path, d.findings);
    }
  }
  return out;
}

std::string BatchSummary::ToJson(bool fix, const BatchOutcome& outcome, double seconds) const {
  std::string out = "{";
  absl::StrAppend(&out, "\"command\": \"", fix ? "fix" : "check", "\", \"files\": ", files_,
                  ", \"bytes\": ", bytes_, ", \"input_errors\": ", input_errors_,
                  ", \"documents\": ", documents_,
                  ", \"documents_with_findings\": ", documents_with_findings_);
  if (fix) absl::StrAppend(&out, ", \"documents_changed\": ", documents_changed_);
  absl::StrAppend(&out, ", \"findings\": ", findings_,
                  ", \"interrupted\": ", outcome.stopped_by_signal ? "true" : "false",
                  ", \"seconds\": ");
  AppendJsonNumber(seconds, 3, &out);
  out += ", \"findings_per_rule\": {";
  bool first = true;
  for (const auto& [rule, count] : RuleCounts()) {
    if (!first) out += ", ";
    first = false;
    AppendJsonString(rule, &out);
    absl::StrAppend(&out, ": ", count);
  }
  out += "}, \"top_spun_documents\": [";
  for (size_t i = 0; i < top_.size(); ++i) {
    if (i > 0) out += ", ";
    out += "{\"path\": ";
    AppendJsonString(top_[i].path, &out);
    out += ", \"spin_score\": ";
    AppendJsonNumber(top_[i].score, 4, &out);
    absl::StrAppend(&out, ", \"findings\": ", top_[i].findings, "}");
  }
  out += "]}\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// BatchRun.

BatchRun::BatchRun(std::string command, const BatchFlags& flags,
                   const std::vector<InputFile>& files, bool fix)
    : command_(std::move(command)),
      flags_(flags),
      files_(files),
      fix_(fix),
      start_(std::chrono::steady_clock::now()) {}

void BatchRun::Run(const Detector& detector, const InputOptions& input, bool keep_bytes,
                   const std::function<bool(CheckedFile& file)>& consume) {
  Run(files_, detector, input, keep_bytes, consume);
}

void BatchRun::Run(const std::vector<InputFile>& files, const Detector& detector,
                   const InputOptions& input, bool keep_bytes,
                   const std::function<bool(CheckedFile& file)>& consume) {
  BatchOptions options;
  options.jobs = flags_.jobs;
  options.input = input;
  options.keep_bytes = keep_bytes;
  options.progress = !flags_.no_progress && (flags_.progress || isatty(STDERR_FILENO));
  outcome_ = RunBatch(files, detector, options, consume);
}

int BatchRun::Finish() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  bool batch = flags_.summary || files_.size() > 1;
  for (const InputFile& f : files_) batch |= f.from_walk;
  if (batch) std::fputs(summary_.ToText(fix_).c_str(), stderr);
  int code = 0;
  if (!flags_.report_file.empty()) {
    absl::Status s =
        WriteFileAtomically(flags_.report_file, summary_.ToJson(fix_, outcome_, seconds));
    if (!s.ok()) {
      std::fprintf(stderr, "unspin %s: --report: %s\n", command_.c_str(),
                   std::string(s.message()).c_str());
      code = 2;
    }
  }
  if (outcome_.stopped_by_signal) {
    std::fprintf(stderr,
                 "unspin %s: stopped by signal %d after %zu of %zu files; every output written "
                 "is complete%s\n",
                 command_.c_str(), outcome_.signal, summary_.files(), files_.size(),
                 fix_ && !flags_.out_dir.empty() ? "; rerun with --resume to finish" : "");
    code = 128 + outcome_.signal;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------
// Output paths and the resume journal.

std::string OutputPath(const std::string& out_dir, const InputFile& file) {
  return JoinPath(out_dir, file.relative);
}

absl::Status MakeParentDirectories(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return absl::OkStatus();
  std::string dir = path.substr(0, slash);
  for (size_t i = 1; i <= dir.size(); ++i) {
    if (i < dir.size() && dir[i] != '/') continue;
    const std::string prefix = dir.substr(0, i);
    if (mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST) {
      return absl::PermissionDeniedError(absl::StrCat(prefix, ": ", std::strerror(errno)));
    }
  }
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(dir, ": not a directory"));
  }
  return absl::OkStatus();
}

namespace {

// Removes temporary files a killed run left below `dir`.
void RemoveStrayTemporaries(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::string> names;
  while (struct dirent* e = readdir(d)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
      names.emplace_back(e->d_name);
    }
  }
  closedir(d);
  for (const std::string& name : names) {
    const std::string path = JoinPath(dir, name);
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      RemoveStrayTemporaries(path);
    } else if (absl::StrContains(name, ".unspin-tmp-")) {
      unlink(path.c_str());
    }
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<ResumeJournal>> ResumeJournal::Open(const std::string& out_dir,
                                                                   bool resume) {
  std::unique_ptr<ResumeJournal> journal(new ResumeJournal());
  journal->out_dir_ = out_dir;
  const std::string path = JoinPath(out_dir, kFileName);
  absl::Status dirs = MakeParentDirectories(path);
  if (!dirs.ok()) return dirs;
  if (resume) {
    RemoveStrayTemporaries(out_dir);
    absl::StatusOr<std::string> text = ReadFileToString(path);
    if (text.ok()) {
      for (absl::string_view line : absl::StrSplit(*text, '\n', absl::SkipEmpty())) {
        // A line cut short by a killed run does not parse and is redone.
        absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
        if (!members.ok()) continue;
        const JsonMember* file = FindMember(*members, "file");
        if (file == nullptr || file->type != JsonType::kString) continue;
        journal->entries_[DecodeString(*file)] = std::string(line);
      }
    }
  }
  journal->fd_ =
      open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (resume ? 0 : O_TRUNC), 0666);
  if (journal->fd_ < 0) {
    return absl::PermissionDeniedError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  return journal;
}

ResumeJournal::~ResumeJournal() {
  if (fd_ >= 0) close(fd_);
}

const std::string* ResumeJournal::Completed(const InputFile& file) const {
  auto it = entries_.find(file.relative);
  if (it == entries_.end()) return nullptr;
  struct stat st;
  if (stat(OutputPath(out_dir_, file).c_str(), &st) != 0) return nullptr;
  return &it->second;
}

absl::Status ResumeJournal::Record(const InputFile& file, absl::string_view entry_json) {
  (void)file;
  std::string line(entry_json);
  line += '\n';
  // One write of a whole line: O_APPEND keeps it in one piece.
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = write(fd_, line.data() + written, line.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(
          absl::StrCat(JoinPath(out_dir_, kFileName), ": ", std::strerror(errno)));
    }
    written += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

}  // namespace unspin
