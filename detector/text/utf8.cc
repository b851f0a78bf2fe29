#include "detector/text/utf8.h"

#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

// Length of the sequence that starts with `lead`, or 0 when `lead` cannot start one.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Marks malformed sequences inside this file; outside it they decode to kInvalidCodePoint.
constexpr char32_t kMalformed = 0xFFFFFFFF;

// Decodes a sequence of `len` bytes at `p` (len from SequenceLength), or returns kMalformed
// when a continuation byte, an overlong form or a surrogate is wrong.
char32_t DecodeSequence(const unsigned char* p, int len) {
  switch (len) {
    case 1:
      return p[0];
    case 2:
      if ((p[1] & 0xC0) != 0x80) return kMalformed;
      return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: {
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return kMalformed;
      const char32_t c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kMalformed;
      return c;
    }
    case 4: {
      if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
        return kMalformed;
      }
      const char32_t c =
          ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      if (c < 0x10000 || c > 0x10FFFF) return kMalformed;
      return c;
    }
    default:
      return kMalformed;
  }
}

}  // namespace

absl::Status ValidateUtf8(absl::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t line = 1;
  size_t i = 0;
  while (i < bytes.size()) {
    if (p[i] < 0x80) {
      if (p[i] == '\n') ++line;
      ++i;
      continue;
    }
    const int len = SequenceLength(p[i]);
    bool ok = len > 0 && i + len <= bytes.size();
    if (ok) {
      ok = DecodeSequence(p + i, len) != kMalformed;
    }
    if (!ok) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid UTF-8 at line ", line, ", byte offset ", i));
    }
    i += len;
  }
  return absl::OkStatus();
}

size_t FindBinaryByte(absl::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c <= 0x08 || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F)) return i;
  }
  return absl::string_view::npos;
}

char32_t DecodeUtf8(absl::string_view text, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + *pos;
  const int len = SequenceLength(*p);
  if (len == 1) {
    ++*pos;
    return *p;
  }
  if (len == 0 || *pos + len > text.size()) {
    ++*pos;
    return kInvalidCodePoint;
  }
  const char32_t c = DecodeSequence(p, len);
  if (c == kMalformed) {
    ++*pos;
    return kInvalidCodePoint;
  }
  *pos += len;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t CountCodePoints(absl::string_view text) {
  size_t count = 0;
  for (const char ch : text) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;      // multiplication and division signs
  if (c <= 0x24F) return true;                   // Latin-1 letters and Latin Extended A/B
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE6F) return false;  // compatibility punctuation
  if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width punctuation and digits
  if (c >= 0x1F000) return false;                // emoji and pictographs
  if (c == kInvalidCodePoint || c == 0xFEFF) return false;
  return true;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return ToLower(c) != c;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if (c >= 0x149 && c <= 0x177) return (c % 2 == 0) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek capitals
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic capitals
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

char32_t FoldPunctuation(char32_t c) {
  switch (c) {
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark
    case 0x201B:  // single high-reversed-9 quotation mark
    case 0x02BC:  // modifier letter apostrophe
    case 0x2032:  // prime
    case 0xFF07:  // full-width apostrophe
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0xFF02:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x00AD:
      return '-';
    default:
      return c;
  }
}

}  // namespace unspin
