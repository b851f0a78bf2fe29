#include "detector/util/json.h"

#include <cmath>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "detector/util/fixed.h"

namespace unspin {
namespace {

constexpr int kMaxDepth = 256;

class Parser {
 public:
  explicit Parser(absl::string_view text) : text_(text) {}

  absl::StatusOr<std::vector<JsonMember>> ParseTopObject() {
    SkipSpace();
    if (!Consume('{')) return Error("expected a JSON object ('{')");
    std::vector<JsonMember> members;
    SkipSpace();
    if (Consume('}')) return Finish(std::move(members));
    while (true) {
      SkipSpace();
      JsonMember m;
      const size_t key_start = pos_;
      bool has_escape = false;
      if (!ParseString(&has_escape)) return status_;
      const absl::string_view raw_key = text_.substr(key_start, pos_ - key_start);
      if (has_escape) {
        DecodeJsonString(raw_key, &m.decoded_key);
      } else {
        m.key = raw_key.substr(1, raw_key.size() - 2);
      }
      SkipSpace();
      if (!Consume(':')) return Error("expected ':' after object key");
      SkipSpace();
      const size_t value_start = pos_;
      if (!ParseValue(1, &m.type)) return status_;
      m.raw = text_.substr(value_start, pos_ - value_start);
      members.push_back(std::move(m));
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return Error("expected ',' or '}' in object");
    }
    // Keys that needed decoding point at their own storage, which moved with the vector.
    for (JsonMember& m : members) {
      if (!m.decoded_key.empty() || m.key.data() == nullptr) m.key = m.decoded_key;
    }
    return Finish(std::move(members));
  }

 private:
  absl::StatusOr<std::vector<JsonMember>> Finish(std::vector<JsonMember> members) {
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected data after the JSON object");
    return members;
  }

  absl::Status Error(absl::string_view what) {
    status_ = absl::InvalidArgumentError(absl::StrCat("column ", pos_ + 1, ": ", what));
    return status_;
  }

  bool Fail(absl::string_view what) {
    status_ = absl::InvalidArgumentError(absl::StrCat("column ", pos_ + 1, ": ", what));
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool Consume(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool ConsumeWord(absl::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool ParseValue(int depth, JsonType* type) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    if (pos_ >= text_.size()) return Fail("unexpected end of input, expected a value");
    const char c = text_[pos_];
    switch (c) {
      case '"': {
        bool escape = false;
        *type = JsonType::kString;
        return ParseString(&escape);
      }
      case '{':
        *type = JsonType::kObject;
        return ParseObject(depth);
      case '[':
        *type = JsonType::kArray;
        return ParseArray(depth);
      case 't':
        *type = JsonType::kBool;
        return ConsumeWord("true") || Fail("invalid literal");
      case 'f':
        *type = JsonType::kBool;
        return ConsumeWord("false") || Fail("invalid literal");
      case 'n':
        *type = JsonType::kNull;
        return ConsumeWord("null") || Fail("invalid literal");
      default:
        *type = JsonType::kNumber;
        return ParseNumber();
    }
  }

  bool ParseObject(int depth) {
    ++pos_;  // '{'
    SkipSpace();
    if (Consume('}')) return true;
    while (true) {
      SkipSpace();
      bool escape = false;
      if (!ParseString(&escape)) return false;
      SkipSpace();
      if (!Consume(':')) return Fail("expected ':' after object key");
      SkipSpace();
      JsonType type;
      if (!ParseValue(depth + 1, &type)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) return true;
      return Fail("expected ',' or '}' in object");
    }
  }

  bool ParseArray(int depth) {
    ++pos_;  // '['
    SkipSpace();
    if (Consume(']')) return true;
    while (true) {
      SkipSpace();
      JsonType type;
      if (!ParseValue(depth + 1, &type)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume(']')) return true;
      return Fail("expected ',' or ']' in array");
    }
  }

  bool ParseDigits() {
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool ParseNumber() {
    Consume('-');
    if (pos_ >= text_.size()) return Fail("unexpected end of input in number");
    if (text_[pos_] == '0') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        return Fail("leading zero in number");
      }
    } else if (!ParseDigits()) {
      return Fail("expected a value");
    }
    if (Consume('.') && !ParseDigits()) return Fail("expected digits after '.'");
    if (Consume('e') || Consume('E')) {
      if (!Consume('+')) Consume('-');
      if (!ParseDigits()) return Fail("expected digits in exponent");
    }
    return true;
  }

  int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Reads 4 hex digits after "\u"; -1 when malformed.
  int ReadHex4() {
    if (pos_ + 4 > text_.size()) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = HexDigit(text_[pos_ + i]);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos_ += 4;
    return v;
  }

  // Length of the well-formed UTF-8 sequence at pos_ (lead byte >= 0x80), or 0.
  size_t Utf8SequenceLength() {
    const auto byte = [&](size_t i) -> unsigned {
      return pos_ + i < text_.size() ? static_cast<unsigned char>(text_[pos_ + i]) : 0u;
    };
    const auto cont = [&](size_t i) { return (byte(i) & 0xC0) == 0x80; };
    const unsigned b0 = byte(0);
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      const unsigned b1 = byte(1);
      if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
      if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
      return cont(1) && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      const unsigned b1 = byte(1);
      if (b0 == 0xF0 && b1 < 0x90) return 0;
      if (b0 == 0xF4 && b1 >= 0x90) return 0;
      return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
  }

  bool ParseString(bool* has_escape) {
    if (!Consume('"')) return Fail("expected a string");
    while (true) {
      if (pos_ >= text_.size()) return Fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("unescaped control character in string");
      if (c == '\\') {
        *has_escape = true;
        ++pos_;
        if (pos_ >= text_.size()) return Fail("unterminated string");
        const char e = text_[pos_++];
        switch (e) {
          case '"':
          case '\\':
          case '/':
          case 'b':
          case 'f':
          case 'n':
          case 'r':
          case 't':
            break;
          case 'u': {
            const int u = ReadHex4();
            if (u < 0) return Fail("invalid \\u escape");
            if (u >= 0xD800 && u <= 0xDBFF) {
              if (!ConsumeWord("\\u")) return Fail("unpaired surrogate in \\u escape");
              const int low = ReadHex4();
              if (low < 0xDC00 || low > 0xDFFF) return Fail("unpaired surrogate in \\u escape");
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
              return Fail("unpaired surrogate in \\u escape");
            }
            break;
          }
          default:
            --pos_;
            return Fail("invalid escape in string");
        }
        continue;
      }
      if (c < 0x80) {
        ++pos_;
        continue;
      }
      const size_t n = Utf8SequenceLength();
      if (n == 0) return Fail("invalid UTF-8 in string");
      pos_ += n;
    }
  }

  absl::string_view text_;
  size_t pos_ = 0;
  absl::Status status_;
};

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void AppendCodePoint(uint32_t c, std::string* out) {
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

}  // namespace

absl::StatusOr<std::vector<JsonMember>> ParseJsonObject(absl::string_view text) {
  return Parser(text).ParseTopObject();
}

void DecodeJsonString(absl::string_view raw, std::string* out) {
  if (raw.size() < 2) return;
  const absl::string_view body = raw.substr(1, raw.size() - 2);
  out->reserve(out->size() + body.size());
  size_t i = 0;
  while (i < body.size()) {
    // Copy the run up to the next backslash in one go.
    size_t next = body.find('\\', i);
    if (next == absl::string_view::npos) next = body.size();
    out->append(body.data() + i, next - i);
    i = next;
    if (i >= body.size()) break;
    const char e = body[i + 1];
    i += 2;
    switch (e) {
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        uint32_t u = 0;
        for (int k = 0; k < 4; ++k) u = u * 16 + Hex(body[i + k]);
        i += 4;
        if (u >= 0xD800 && u <= 0xDBFF && i + 6 <= body.size()) {
          uint32_t low = 0;
          for (int k = 0; k < 4; ++k) low = low * 16 + Hex(body[i + 2 + k]);
          i += 6;
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendCodePoint(u, out);
        break;
      }
      default:
        out->push_back(e);
        break;  // '"', '\\', '/'
    }
  }
}

namespace {

// Whether any of the eight bytes at `p` is a control byte (< 0x20), '"' or '\\' (SWAR: a byte
// that is zero after XOR with the wanted byte, or below 0x20, sets its high bit in the mask;
// bytes of 0x80 and above never do).
bool NeedsEscapeIn8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (v - kOnes * 0x20) & ~v & kHigh;
  return (below_space | zero_byte(v ^ (kOnes * '"')) | zero_byte(v ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  // Bytes that need no escape are copied in runs: reports write hundreds of thousands of
  // findings, and almost none of their text needs escaping.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // Eight bytes at a time while none of them needs an escape.
    while (i + 8 <= text.size() && !NeedsEscapeIn8(text.data() + i)) i += 8;
    if (i >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

void AppendJsonNumber(double value, int precision, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  const size_t begin = out->size();
  AppendFixed(value, precision, out);
  if (out->find('.', begin) != std::string::npos) {
    while (out->back() == '0') out->pop_back();
    if (out->back() == '.') out->pop_back();
  }
  if (absl::string_view(*out).substr(begin) == "-0") out->erase(begin, 1);
}

}  // namespace unspin
