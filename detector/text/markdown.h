// Prose from Markdown (CommonMark with GitHub's tables, strikethrough, task lists and bare-URL
// autolinks), with every byte of the extracted text mapped back to the Markdown source.
//
//   unspin::ExtractionStats stats;
//   absl::StatusOr<unspin::Document> doc = unspin::DocumentFromMarkdown(
//       "post.md", std::move(bytes), unspin::MarkdownOptions(), &stats);
//   if (!doc.ok()) return doc.status();   // binary data, invalid UTF-8
//   unspin::SourceRange r = doc->ToSource(b, e);   // bytes of the Markdown source
//
// What counts as prose (md4c parses):
// - Paragraphs, headings, list items, block quotes and table cells, each its own paragraph
//   ("\n\n" between them). Emphasis, links and strikethrough are transparent: the link text is
//   prose, its destination and title are not.
// - Skipped: YAML ("---") and TOML ("+++") front matter, fenced and indented code blocks,
//   inline code, autolinks and bare URLs (a link whose text is its own destination), image alt
//   text, inline HTML tags (the text between them is kept) and, with
//   MarkdownOptions::include_html_blocks off, HTML blocks.
// - HTML blocks are by default run through the HTML extractor (same rules as .html files), so
//   a <div> of prose is checked and an embed or comment is not.
// - Paragraphs that are only boilerplate ("Advertisement") are dropped, as for HTML.
//
// Offsets: text keeps source bytes verbatim. A soft line break becomes ' ' and a hard one '\n',
// both mapping to no bytes (a range across them spans the source line break, with any "> "
// quote markers). A backslash escape ("\*") and an entity ("&amp;") map to their whole span.
#ifndef UNSPIN_DETECTOR_TEXT_MARKDOWN_H_
#define UNSPIN_DETECTOR_TEXT_MARKDOWN_H_

#include <string>

#include "absl/status/statusor.h"
#include "detector/text/document.h"
#include "detector/text/extraction.h"

namespace unspin {

struct MarkdownOptions {
  // Drop paragraphs that are only boilerplate fragments, and skip page furniture inside HTML
  // blocks (see HtmlOptions::skip_boilerplate).
  bool skip_boilerplate = true;
  // Extract prose from raw HTML blocks with the HTML extractor; off skips them as markup.
  bool include_html_blocks = true;
};

// Parses `bytes` as Markdown and extracts its prose. Fails only on bytes that are not text
// (binary data, invalid UTF-8); every byte sequence is some Markdown document.
// `stats` (may be null) receives what was skipped.
absl::StatusOr<Document> DocumentFromMarkdown(std::string path, std::string bytes,
                                              const MarkdownOptions& options,
                                              ExtractionStats* stats);

// Length of the YAML or TOML front matter block at the start of `markdown` (its closing
// delimiter line included), or 0 when there is none.
size_t FrontMatterLength(absl::string_view markdown);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_MARKDOWN_H_
