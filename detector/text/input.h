// Turns the bytes of an input file into the documents unspin checks, choosing the format by
// file extension or by an explicit --input=FORMAT.
//
//   unspin::InputOptions options;                      // kAuto: by extension
//   options.format = unspin::InputFormat::kJsonl;      // or ParseInputFormat("jsonl")
//   unspin::ExtractionStats stats;
//   absl::StatusOr<std::vector<unspin::Document>> docs =
//       unspin::LoadDocuments("corpus.jsonl", std::move(bytes), options, &stats);
//   if (!docs.ok()) ...          // "corpus.jsonl:3: invalid JSON: column 9: ..."
//
// Formats: plain text (the bytes are the text), HTML (html.h), Markdown (markdown.h) and JSON
// Lines corpora. Every document's offsets point into the bytes given here, so findings name
// the bytes and lines of the file the user wrote.
//
// JSON Lines: every non-blank line is an object; its `field` member (a string) is the text of
// one document. The document's source() is that line and its origin (Document::origin_offset,
// origin_line) places the line in the file, so reported line/column/start/end point into the
// JSONL file; an escape ("\u2019", "\"", "\n") maps to its whole escape span. The document's
// path() is the record's `id_field` member (a string, or a number as written) when the record
// has one, else the file's path (the finding's line then names the record). Invalid JSON, a
// missing or non-string text field and a NUL character in the text are errors naming
// "FILE:LINE".
#ifndef UNSPIN_DETECTOR_TEXT_INPUT_H_
#define UNSPIN_DETECTOR_TEXT_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/text/document.h"
#include "detector/text/extraction.h"
#include "detector/text/html.h"
#include "detector/text/markdown.h"

namespace unspin {

enum class InputFormat { kAuto, kText, kHtml, kMarkdown, kJsonl };

// "auto", "text", "html", "markdown" (or "md"), "jsonl" (or "ndjson"); anything else is an
// InvalidArgument error listing the names.
absl::StatusOr<InputFormat> ParseInputFormat(absl::string_view name);

// The canonical name of a format ("markdown").
absl::string_view InputFormatName(InputFormat format);

// The format a path's extension implies (case-insensitive): .html/.htm/.xhtml HTML,
// .md/.markdown/.mdown/.mkd Markdown, .jsonl/.ndjson JSON Lines, anything else text.
InputFormat FormatFromPath(absl::string_view path);

struct InputOptions {
  // The format of the input; kAuto picks it with FormatFromPath.
  InputFormat format = InputFormat::kAuto;
  // JSON Lines: the member of each record that holds its text.
  std::string field = "text";
  // JSON Lines: the member that names each record (string or number); records without it are
  // named by the file's path and reported at their line. Empty: always the file's path.
  std::string id_field = "id";
  // How HTML pages are read.
  HtmlOptions html;
  // How Markdown files are read.
  MarkdownOptions markdown;
};

// Reads `bytes` (the contents of `path`; the path is also the name errors and documents use)
// as the format `options` selects. Plain text, HTML and Markdown give one document; JSON Lines
// one per record. Errors: empty input, binary data, invalid UTF-8, and the format's own (see
// above), each prefixed with the path (and line, for JSON Lines). `stats` (may be null)
// accumulates what extraction skipped.
absl::StatusOr<std::vector<Document>> LoadDocuments(const std::string& path, std::string bytes,
                                                    const InputOptions& options,
                                                    ExtractionStats* stats = nullptr);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_INPUT_H_
