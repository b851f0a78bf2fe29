#include "detector/text/document.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/text/utf8.h"

namespace unspin {

Document::Document(std::string path, std::string source)
    : path_(std::move(path)), source_(std::move(source)), text_(source_), identity_(true) {
  IndexLines();
}

Document::Document(std::string path, std::string source, std::string text,
                   std::vector<SourceSegment> segments)
    : path_(std::move(path)),
      source_(std::move(source)),
      text_(std::move(text)),
      identity_(false),
      segments_(std::move(segments)) {
  IndexLines();
}

void Document::IndexLines() {
  line_starts_.clear();
  line_starts_.push_back(0);
  for (size_t i = 0; i < source_.size(); ++i) {
    if (source_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

size_t Document::MapOffset(size_t text_offset, bool is_end) const {
  if (identity_) return text_offset;
  if (segments_.empty()) return 0;
  // The last segment that starts at or before the offset (for an end offset, strictly before,
  // so an end at a segment boundary maps into the segment it closes).
  auto it = std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                             [is_end](size_t offset, const SourceSegment& s) {
                               return is_end ? offset <= s.text_begin : offset < s.text_begin;
                             });
  if (it == segments_.begin()) return segments_.front().source_begin;
  const SourceSegment& s = *(it - 1);
  const size_t into = text_offset - s.text_begin;
  if (into >= s.text_length) return s.source_begin + s.source_length;
  if (s.text_length == s.source_length) return s.source_begin + into;
  return is_end ? s.source_begin + s.source_length : s.source_begin;
}

SourceRange Document::ToSource(size_t text_begin, size_t text_end) const {
  SourceRange range{MapOffset(text_begin, /*is_end=*/false), MapOffset(text_end, /*is_end=*/true)};
  // Text an HTML parser moved (foster parenting) precedes text that comes before it in the
  // source; a range across that jump has no source bytes of its own.
  if (range.end < range.begin) range.end = range.begin;
  return range;
}

LineColumn Document::LineColumnOf(size_t source_offset) const {
  source_offset = std::min(source_offset, source_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), source_offset);
  const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  const size_t line_start = line_starts_[line_index];
  LineColumn lc;
  lc.line = line_index + origin_line_;
  lc.column =
      CountCodePoints(absl::string_view(source_).substr(line_start, source_offset - line_start)) +
      1;
  return lc;
}

absl::Status CheckTextBytes(absl::string_view bytes) {
  const size_t binary = FindBinaryByte(bytes);
  if (binary != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("binary data, not text (control byte 0x",
                     absl::Hex(static_cast<unsigned char>(bytes[binary]), absl::kZeroPad2),
                     " at byte offset ", binary, ")"));
  }
  return ValidateUtf8(bytes);
}

absl::StatusOr<Document> DocumentFromPlainText(std::string path, std::string bytes) {
  if (absl::Status s = CheckTextBytes(bytes); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
  }
  constexpr absl::string_view kBom = "\xEF\xBB\xBF";
  if (absl::string_view(bytes).substr(0, 3) == kBom) {
    std::string text = bytes.substr(3);
    std::vector<SourceSegment> segments = {{0, text.size(), 3, text.size()}};
    return Document(std::move(path), std::move(bytes), std::move(text), std::move(segments));
  }
  return Document(std::move(path), std::move(bytes));
}

}  // namespace unspin
