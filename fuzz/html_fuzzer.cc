// Fuzzes HTML extraction: every input is an error or a document whose text maps back into the
// HTML source.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "detector/text/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  unspin::HtmlOptions options;
  options.include_title = size > 0 && (data[0] & 1);
  unspin::ExtractionStats stats;
  absl::StatusOr<unspin::Document> doc =
      unspin::DocumentFromHtml("fuzz.html", std::move(bytes), options, &stats);
  if (!doc.ok()) return 0;
  const size_t n = doc->text().size();
  for (size_t i = 0; i <= n; i += 1 + n / 64) {
    const unspin::SourceRange r = doc->ToSource(i, n);
    if (r.begin > r.end || r.end > doc->source().size()) std::abort();
    doc->LineColumnOf(r.begin);
  }
  return 0;
}
