// A Document is the prose unspin analyses plus a map back to the bytes of the input it came
// from, so every finding can name the line, column and byte range of the file the user wrote
// (for HTML, the HTML source; for plain text, the text itself).
//
//   absl::StatusOr<unspin::Document> doc = unspin::DocumentFromPlainText("a.txt", bytes);
//   if (!doc.ok()) return doc.status();           // binary data, invalid UTF-8, ...
//   unspin::SourceRange r = doc->ToSource(begin, end);
//   unspin::LineColumn lc = doc->LineColumnOf(r.begin);
#ifndef UNSPIN_DETECTOR_TEXT_DOCUMENT_H_
#define UNSPIN_DETECTOR_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace unspin {

// A byte range in the input as given.
struct SourceRange {
  size_t begin = 0;
  size_t end = 0;
};

// 1-based line and column; the column counts characters (code points), not bytes.
struct LineColumn {
  size_t line = 1;
  size_t column = 1;
};

// One stretch of Document::text and the stretch of source it came from. When the lengths are
// equal the bytes are copied verbatim and offsets map one to one; otherwise (an HTML entity, a
// decoded escape) offsets inside the stretch map to its start or end.
struct SourceSegment {
  size_t text_begin = 0;
  size_t text_length = 0;
  size_t source_begin = 0;
  size_t source_length = 0;
};

class Document {
 public:
  Document() = default;

  // Builds a document whose text is `source` itself (plain text).
  Document(std::string path, std::string source);

  // Builds a document whose text was extracted from `source`; `segments` must be sorted by
  // text_begin and cover every byte of `text` they describe (gaps map to the nearest segment).
  Document(std::string path, std::string source, std::string text,
           std::vector<SourceSegment> segments);

  // The name findings report: the path as given, or a record id for corpus input.
  const std::string& path() const { return path_; }
  // The input bytes as given.
  const std::string& source() const { return source_; }
  // The prose to analyse, valid UTF-8.
  const std::string& text() const { return text_; }
  // True when text() is source() byte for byte (plain text input).
  bool is_identity() const { return identity_; }

  // Maps a byte range of text() to the byte range of source() it came from. A range across
  // text that the source holds in another order (HTML foster parenting) maps to the empty
  // range at its start.
  SourceRange ToSource(size_t text_begin, size_t text_end) const;

  // Line and column of a byte offset into source(). Lines count from origin_line(), so they
  // are lines of the input file even when source() is one record of it.
  LineColumn LineColumnOf(size_t source_offset) const;

  // For a record cut from a larger input (a line of a JSON Lines corpus): the byte offset and
  // 1-based line where source() begins in that input. Reports add origin_offset() to offsets
  // into source() to name the input's bytes. 0 and 1 for whole-file documents.
  void set_origin(size_t byte_offset, size_t line) {
    origin_offset_ = byte_offset;
    origin_line_ = line;
  }
  size_t origin_offset() const { return origin_offset_; }
  size_t origin_line() const { return origin_line_; }

 private:
  size_t MapOffset(size_t text_offset, bool is_end) const;
  void IndexLines();

  std::string path_;
  std::string source_;
  std::string text_;
  bool identity_ = true;
  std::vector<SourceSegment> segments_;
  std::vector<size_t> line_starts_;  // byte offsets in source_ where each line begins
  size_t origin_offset_ = 0;
  size_t origin_line_ = 1;
};

// Checks that `bytes` is text unspin can analyse and wraps it as a plain-text document.
// Errors: binary data (a NUL or other control byte, with its offset) and invalid UTF-8 (with its
// line and offset). Empty input is valid and yields an empty document. A UTF-8 byte order mark
// is kept in the source but left out of the text.
absl::StatusOr<Document> DocumentFromPlainText(std::string path, std::string bytes);

// The checks DocumentFromPlainText makes, for input formats that parse bytes themselves.
absl::Status CheckTextBytes(absl::string_view bytes);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_DOCUMENT_H_
