// Reads documents for dedup from plain-text files and JSON Lines corpora, in batches, so a
// corpus larger than memory streams through.
//
//   unspin::dedup::CorpusOptions options;         // text field "text", id field "id"
//   unspin::dedup::CorpusReader reader({"a.txt", "corpus.jsonl"}, options);
//   std::vector<unspin::dedup::InputDocument> batch;
//   while (true) {
//     absl::Status s = reader.ReadBatch(&batch);  // "corpus.jsonl:17: invalid JSON: column 9: ..."
//     if (!s.ok()) ...
//     if (batch.empty()) break;
//   }
//
// A path ending in .jsonl or .ndjson holds one document per line: a JSON object whose `field`
// member (a string) is the text and whose `id` member (string or number) names it; without an
// id the line number does (prefixed with "PATH:" when several inputs are given). Blank lines are
// skipped. Any other path is one plain-text document named by its path. Invalid JSON, a missing
// or non-string text field, binary data and invalid UTF-8 are errors naming file and line.
#ifndef UNSPIN_DETECTOR_DEDUP_CORPUS_H_
#define UNSPIN_DETECTOR_DEDUP_CORPUS_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace unspin {
namespace dedup {

struct CorpusOptions {
  // JSONL member holding the text.
  std::string field = "text";
  // JSONL member naming the document.
  std::string id_field = "id";
  // A batch ends after this many bytes of text (or at the end of the input).
  size_t batch_bytes = 32 << 20;
};

struct InputDocument {
  std::string id;
  std::string text;
  size_t input = 0;  // index of the path it came from
  size_t line = 0;   // 1-based line for JSONL input, 0 for whole files
};

// True when `path` names a JSON Lines corpus (by extension).
bool IsJsonLinesPath(absl::string_view path);

class CorpusReader {
 public:
  CorpusReader(std::vector<std::string> paths, CorpusOptions options);
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  // Replaces `batch` with the next documents; empty at the end of all inputs.
  absl::Status ReadBatch(std::vector<InputDocument>* batch);

  // Bytes read so far and the total size of all inputs (for progress; 0 when unknown).
  size_t bytes_read() const { return bytes_read_; }
  size_t total_bytes() const { return total_bytes_; }

 private:
  absl::Status OpenNext();
  absl::Status ParseLine(absl::string_view line, InputDocument* doc);

  std::vector<std::string> paths_;
  CorpusOptions options_;
  size_t next_path_ = 0;
  size_t current_ = 0;
  FILE* file_ = nullptr;  // open JSONL corpus, if any
  size_t line_ = 0;
  std::string line_buffer_;
  size_t bytes_read_ = 0;
  size_t total_bytes_ = 0;
};

// Calls fn(line_number, line_bytes) for every line of a JSON Lines file, without its "\n".
// Streams; used to write a filtered corpus that keeps each kept line byte for byte.
template <typename Fn>
absl::Status ForEachLine(const std::string& path, Fn&& fn);

// Implementation detail of ForEachLine.
absl::Status ForEachLineImpl(const std::string& path,
                             const std::function<absl::Status(size_t, absl::string_view)>& fn);

template <typename Fn>
absl::Status ForEachLine(const std::string& path, Fn&& fn) {
  return ForEachLineImpl(path, std::forward<Fn>(fn));
}

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_CORPUS_H_
