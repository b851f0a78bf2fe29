// Fuzzes Markdown extraction (with embedded HTML blocks): every input is an error or a document
// whose text maps back into the Markdown source.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "detector/text/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  unspin::MarkdownOptions options;
  options.include_html_blocks = !(size > 0 && (data[0] & 1));
  absl::StatusOr<unspin::Document> doc =
      unspin::DocumentFromMarkdown("fuzz.md", std::move(bytes), options, nullptr);
  if (!doc.ok()) return 0;
  const size_t n = doc->text().size();
  for (size_t i = 0; i <= n; i += 1 + n / 64) {
    const unspin::SourceRange r = doc->ToSource(i, n);
    if (r.begin > r.end || r.end > doc->source().size()) std::abort();
  }
  unspin::FrontMatterLength(doc->source());
  return 0;
}
