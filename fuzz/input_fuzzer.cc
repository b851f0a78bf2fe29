// Fuzzes input loading in every format, JSON Lines above all: the first byte picks the format,
// the rest is the file. Documents must map into the bytes given (records: into the whole file).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "detector/text/input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const unspin::InputFormat kFormats[] = {
      unspin::InputFormat::kJsonl, unspin::InputFormat::kJsonl, unspin::InputFormat::kText,
      unspin::InputFormat::kHtml, unspin::InputFormat::kMarkdown};
  unspin::InputOptions options;
  options.format = kFormats[data[0] % 5];
  options.id_field = (data[0] & 0x80) ? "" : "id";
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t total = bytes.size();
  absl::StatusOr<std::vector<unspin::Document>> docs =
      unspin::LoadDocuments("fuzz.in", std::move(bytes), options, nullptr);
  if (!docs.ok()) return 0;
  size_t previous_end = 0;
  for (const unspin::Document& doc : *docs) {
    if (doc.origin_offset() < previous_end) std::abort();
    if (doc.origin_offset() + doc.source().size() > total) std::abort();
    previous_end = doc.origin_offset() + doc.source().size();
    const unspin::SourceRange r = doc.ToSource(0, doc.text().size());
    if (r.begin > r.end || r.end > doc.source().size()) std::abort();
  }
  return 0;
}
