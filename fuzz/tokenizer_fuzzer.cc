// Fuzzes the tokenizer: any bytes (valid UTF-8 or not) must tokenize without a crash, and the
// tokens must describe the text consistently.
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "detector/text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  const unspin::TokenizedText t = unspin::Tokenize(text);
  uint32_t previous_end = 0;
  for (const unspin::Token& tok : t.tokens) {
    // Tokens are in order, inside the text, and their normalized forms inside `norm`.
    if (tok.begin < previous_end || tok.end <= tok.begin || tok.end > size) std::abort();
    if (size_t{tok.norm_begin} + tok.norm_length > t.norm.size()) std::abort();
    if (tok.sentence >= t.sentences.size()) std::abort();
    previous_end = tok.end;
  }
  for (const unspin::Sentence& s : t.sentences) {
    if (s.first_token > s.end_token || s.end_token > t.tokens.size()) std::abort();
  }
  std::string norm;
  unspin::NormalizeInto(text.substr(0, 64), &norm);
  return 0;
}
