#include "detector/dedup/corpus.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "detector/text/document.h"
#include "detector/util/file_io.h"
#include "detector/util/json.h"
#include "detector/util/status_macros.h"

namespace unspin {
namespace dedup {
namespace {

absl::Status ErrnoError(const std::string& path) {
  return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
}

// Reads one line (without "\n") into `line`; false at end of file. getline keeps NUL bytes,
// so binary data reaches the checks instead of being cut off silently.
bool ReadLine(FILE* f, std::string* line) {
  char* buf = nullptr;
  size_t cap = 0;
  const ssize_t n = getline(&buf, &cap, f);
  if (n < 0) {
    std::free(buf);
    line->clear();
    return false;
  }
  line->assign(buf, static_cast<size_t>(n));
  std::free(buf);
  if (!line->empty() && line->back() == '\n') line->pop_back();
  return true;
}

}  // namespace

bool IsJsonLinesPath(absl::string_view path) {
  return absl::EndsWith(path, ".jsonl") || absl::EndsWith(path, ".ndjson");
}

CorpusReader::CorpusReader(std::vector<std::string> paths, CorpusOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {
  for (const std::string& p : paths_) {
    struct stat st;
    if (stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total_bytes_ += st.st_size;
  }
}

CorpusReader::~CorpusReader() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::Status CorpusReader::ParseLine(absl::string_view line, InputDocument* doc) {
  const std::string& path = paths_[current_];
  const auto where = [&] { return absl::StrCat(path, ":", line_, ": "); };
  absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
  if (!members.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where(), "invalid JSON: ", members.status().message()));
  }
  const JsonMember* text = nullptr;
  const JsonMember* id = nullptr;
  for (const JsonMember& m : *members) {
    if (text == nullptr && m.key == options_.field) text = &m;
    if (id == nullptr && m.key == options_.id_field) id = &m;
  }
  if (text == nullptr || text->type != JsonType::kString) {
    return absl::InvalidArgumentError(
        absl::StrCat(where(), text == nullptr ? "no \"" : "\"", options_.field,
                     text == nullptr ? "\" field" : "\" is not a string",
                     " (choose the text field with --field)"));
  }
  doc->text.clear();
  DecodeJsonString(text->raw, &doc->text);
  if (size_t bad = doc->text.find('\0'); bad != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(where(), "text holds a NUL character"));
  }
  doc->id.clear();
  if (id != nullptr && id->type == JsonType::kString) {
    DecodeJsonString(id->raw, &doc->id);
  } else if (id != nullptr && id->type == JsonType::kNumber) {
    doc->id.assign(id->raw.data(), id->raw.size());
  } else {
    doc->id = paths_.size() > 1 ? absl::StrCat(path, ":", line_) : absl::StrCat(line_);
  }
  doc->input = current_;
  doc->line = line_;
  return absl::OkStatus();
}

absl::Status CorpusReader::OpenNext() {
  current_ = next_path_++;
  line_ = 0;
  const std::string& path = paths_[current_];
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) return ErrnoError(path);
  struct stat st;
  if (fstat(fileno(file_), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fclose(file_);
    file_ = nullptr;
    return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
  }
  return absl::OkStatus();
}

absl::Status CorpusReader::ReadBatch(std::vector<InputDocument>* batch) {
  batch->clear();
  size_t bytes = 0;
  while (bytes < options_.batch_bytes) {
    if (file_ == nullptr) {
      if (next_path_ >= paths_.size()) break;
      const std::string& path = paths_[next_path_];
      if (!IsJsonLinesPath(path)) {
        current_ = next_path_++;
        UNSPIN_ASSIGN_OR_RETURN(std::string bytes_in, ReadFileToString(path));
        bytes_read_ += bytes_in.size();
        absl::StatusOr<Document> doc = DocumentFromPlainText(path, std::move(bytes_in));
        if (!doc.ok()) {
          return absl::InvalidArgumentError(absl::StrCat(path, ": ", doc.status().message()));
        }
        InputDocument in;
        in.id = path;
        in.text = doc->text();
        in.input = current_;
        bytes += in.text.size();
        batch->push_back(std::move(in));
        continue;
      }
      UNSPIN_RETURN_IF_ERROR(OpenNext());
    }
    if (!ReadLine(file_, &line_buffer_)) {
      const bool failed = std::ferror(file_);
      std::fclose(file_);
      file_ = nullptr;
      if (failed) return ErrnoError(paths_[current_]);
      continue;
    }
    ++line_;
    bytes_read_ += line_buffer_.size() + 1;
    absl::string_view line = line_buffer_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == absl::string_view::npos) continue;
    InputDocument doc;
    UNSPIN_RETURN_IF_ERROR(ParseLine(line, &doc));
    bytes += doc.text.size() + 64;
    batch->push_back(std::move(doc));
  }
  return absl::OkStatus();
}

absl::Status ForEachLineImpl(const std::string& path,
                             const std::function<absl::Status(size_t, absl::string_view)>& fn) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return ErrnoError(path);
  std::string line;
  size_t number = 0;
  absl::Status status;
  while (status.ok() && ReadLine(f, &line)) status = fn(++number, line);
  std::fclose(f);
  return status;
}

}  // namespace dedup
}  // namespace unspin
