// Shared machinery of the input formats that extract prose from markup (HTML, Markdown, JSONL):
// a builder that assembles Document::text together with its source map, and the statistics of
// what was left out and why, which the CLI can print.
//
//   unspin::ExtractionStats stats;
//   unspin::TextBuilder b(source, &stats);
//   b.AppendVerbatim(3, 5);               // source[3, 8) copied, offsets map one to one
//   b.AppendDecoded("&", 8, 5);           // "&amp;" at source[8, 13) becomes "&"
//   b.BreakBlock();                       // next text starts a new paragraph ("\n\n")
//   stats.Skip("script", 120);            // a skipped <script> of 120 bytes
//   unspin::Document doc = b.Finish("page.html", std::move(source));
//
// The builder keeps source bytes verbatim wherever it can (whitespace becomes ' ' byte for
// byte, so offsets stay exact) and inserts only separators between blocks, which map to no
// source bytes. Blocks whose whole text is page furniture ("- Advertisement -", "Share this
// article") are dropped at the block's end and counted as "boilerplate text".
#ifndef UNSPIN_DETECTOR_TEXT_EXTRACTION_H_
#define UNSPIN_DETECTOR_TEXT_EXTRACTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/strings/string_view.h"
#include "detector/text/document.h"

namespace unspin {

// How much of one kind of content was skipped.
struct SkipCount {
  size_t blocks = 0;  // elements, code blocks, fragments...
  size_t bytes = 0;   // source bytes they covered (markup included)
};

// What an extractor left out of Document::text, by reason ("script", "nav", "code block",
// "boilerplate text", ...). Reasons are short lower-case phrases meant for people.
struct ExtractionStats {
  absl::btree_map<std::string, SkipCount> skipped;

  void Skip(absl::string_view reason, size_t bytes);
  void Merge(const ExtractionStats& other);
  SkipCount Total() const;
  // One line for people: "skipped 3 blocks, 1.2 kB: script 2 (1.0 kB), nav 1 (200 B)"; empty
  // when nothing was skipped.
  std::string Summary() const;
};

// True when `block_text` (one paragraph) is nothing but a boilerplate fragment: an
// advertisement label, a share/subscribe prompt, "Story continues below", ... Matching ignores
// case, punctuation and dashes. Long blocks are never boilerplate.
bool IsBoilerplateFragment(absl::string_view block_text);

class TextBuilder {
 public:
  // `source` must outlive the builder; `stats` (may be null) receives dropped fragments.
  // With `drop_boilerplate_blocks` false, no block is dropped for its wording.
  TextBuilder(absl::string_view source, ExtractionStats* stats,
              bool drop_boilerplate_blocks = true);

  // Appends source[begin, begin + length) verbatim. ASCII whitespace (newlines, tabs) becomes
  // ' ' one byte for one byte so a line break inside an HTML paragraph is no paragraph break;
  // whitespace at the start of a block is dropped.
  void AppendVerbatim(size_t source_begin, size_t length);

  // Appends `decoded`, which stands for source[begin, begin + length) as a whole (an entity,
  // an escape). Offsets inside it map to the start or end of that span.
  void AppendDecoded(absl::string_view decoded, size_t source_begin, size_t source_length);

  // Appends text that stands for no source bytes (" " for a Markdown soft line break, "\n" for
  // a hard one). Ignored at the start of a block; a " " is ignored after whitespace.
  void AppendSeparator(absl::string_view separator);

  // Ends the current block; the next text starts a new paragraph. Trailing spaces of the block
  // are trimmed. Several breaks in a row make one paragraph break.
  void BreakBlock();

  // The builder's state, to undo text appended since (a link that turned out to be a URL).
  struct Checkpoint {
    size_t text_size = 0;
    size_t segment_count = 0;
    SourceSegment last_segment;  // the last segment then, which later text may have extended
    size_t block_begin = 0;
    size_t block_content_begin = 0;
    size_t block_segment_begin = 0;
    bool block_has_content = false;
    bool pending_break = false;
  };
  Checkpoint Save() const;
  void Restore(const Checkpoint& checkpoint);

  // Text and segments built so far (for composing extractors).
  const std::string& text() const { return text_; }
  const std::vector<SourceSegment>& segments() const { return segments_; }
  // Source bytes covered by segments appended since `checkpoint` (0 when none).
  size_t SourceBytesSince(const Checkpoint& checkpoint) const;

  // Ends the last block and returns the document; the builder is spent.
  Document Finish(std::string path, std::string source);

 private:
  void StartContent();
  void AddSegment(size_t text_length, size_t source_begin, size_t source_length);
  void TrimTrailingSpaces();
  void EndBlock();

  absl::string_view source_;
  ExtractionStats* stats_;
  bool drop_boilerplate_blocks_;
  std::string text_;
  std::vector<SourceSegment> segments_;
  size_t block_begin_ = 0;          // text offset where the block (with its separator) begins
  size_t block_content_begin_ = 0;  // text offset where the block's own text begins
  size_t block_segment_begin_ = 0;  // index of the block's first segment
  bool block_has_content_ = false;
  bool pending_break_ = false;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_EXTRACTION_H_
