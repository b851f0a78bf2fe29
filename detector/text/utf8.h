// UTF-8 helpers: validation with a useful error position, code point decoding, and the
// character classes the tokenizer needs.
//
//   if (absl::Status s = unspin::ValidateUtf8(bytes); !s.ok()) ...  // "invalid UTF-8 at byte 17"
//   size_t pos = 0;
//   char32_t c = unspin::DecodeUtf8(text, &pos);   // advances pos past the code point
#ifndef UNSPIN_DETECTOR_TEXT_UTF8_H_
#define UNSPIN_DETECTOR_TEXT_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace unspin {

// Replacement result for malformed sequences in DecodeUtf8.
inline constexpr char32_t kInvalidCodePoint = 0xFFFD;

// OK when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF);
// otherwise InvalidArgument naming the line and byte offset of the first bad sequence.
absl::Status ValidateUtf8(absl::string_view bytes);

// Byte offset of the first NUL or other control byte that never appears in text (0x00-0x08,
// 0x0E-0x1A, 0x1C-0x1F), or npos. Such bytes mean the input is binary, not prose.
size_t FindBinaryByte(absl::string_view bytes);

// Decodes the code point at `*pos` and advances `*pos` past it. Malformed input yields
// kInvalidCodePoint and advances one byte, so loops always terminate.
char32_t DecodeUtf8(absl::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

// Number of code points in `text` (used for 1-based columns counted in characters).
size_t CountCodePoints(absl::string_view text);

// Character classes. They cover Latin, Greek and Cyrillic letters well and treat other scripts'
// letters as letters too; punctuation and symbols in the general blocks are not letters.
bool IsLetter(char32_t c);
bool IsDigit(char32_t c);
bool IsSpace(char32_t c);
bool IsUpper(char32_t c);

// Simple lower-casing (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic basics).
char32_t ToLower(char32_t c);

// Folds typographic variants to their ASCII forms: curly apostrophes to ', curly double quotes to
// ", and the Unicode hyphens to -. Other code points are returned unchanged.
char32_t FoldPunctuation(char32_t c);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_UTF8_H_
