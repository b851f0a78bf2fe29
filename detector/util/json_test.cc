#include "detector/util/json.h"

#include <string>

#include "gtest/gtest.h"

namespace unspin {
namespace {

std::string StringField(absl::string_view line, absl::string_view key) {
  absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
  EXPECT_TRUE(members.ok()) << members.status();
  if (!members.ok()) return "<error>";
  for (const JsonMember& m : *members) {
    if (m.key == key) {
      EXPECT_EQ(m.type, JsonType::kString);
      std::string out;
      DecodeJsonString(m.raw, &out);
      return out;
    }
  }
  return "<missing>";
}

TEST(JsonTest, ReturnsTopLevelMembersInOrderWithRawValues) {
  absl::StatusOr<std::vector<JsonMember>> m =
      ParseJsonObject(R"( {"id": 7, "text": "a b", "tags": ["x", {"y": null}], "ok": true} )");
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_EQ(m->size(), 4u);
  EXPECT_EQ((*m)[0].key, "id");
  EXPECT_EQ((*m)[0].type, JsonType::kNumber);
  EXPECT_EQ((*m)[0].raw, "7");
  EXPECT_EQ((*m)[1].raw, "\"a b\"");
  EXPECT_EQ((*m)[2].type, JsonType::kArray);
  EXPECT_EQ((*m)[2].raw, R"(["x", {"y": null}])");
  EXPECT_EQ((*m)[3].type, JsonType::kBool);
}

TEST(JsonTest, DecodesEscapes) {
  struct Case {
    const char* line;
    std::string want;
  };
  const Case cases[] = {
      {R"({"t": "a\"b\\c\/d"})", "a\"b\\c/d"},
      {R"({"t": "line\nnext\ttab"})", "line\nnext\ttab"},
      {R"({"t": "caf\u00e9"})", "caf\xc3\xa9"},
      {R"({"t": "\ud83d\ude00"})", "\xf0\x9f\x98\x80"},
      {R"({"t": "plain \u201cquoted\u201d"})", "plain \xe2\x80\x9cquoted\xe2\x80\x9d"},
  };
  for (const Case& c : cases) EXPECT_EQ(StringField(c.line, "t"), c.want) << c.line;
}

TEST(JsonTest, DecodesEscapedKeys) {
  EXPECT_EQ(StringField(R"({"a": "1", "te\u0078t": "found"})", "text"), "found");
}

TEST(JsonTest, RejectsMalformedInputWithColumn) {
  struct Case {
    const char* line;
    const char* error_part;
  };
  const Case cases[] = {
      {"", "expected a JSON object"},         {"[1]", "expected a JSON object"},
      {R"({"a": 1,})", "expected a string"},  {R"({"a" 1})", "column 6: expected ':'"},
      {R"({"a": 01})", "leading zero"},       {R"({"a": NaN})", "expected a value"},
      {R"({"a": "x)", "unterminated string"}, {"{\"a\": \"x\ty\"}", "unescaped control character"},
      {R"({"a": "\x"})", "invalid escape"},   {R"({"a": "\ud800"})", "unpaired surrogate"},
      {"{\"a\": \"\xff\"}", "invalid UTF-8"}, {R"({"a": 1} {"b": 2})", "unexpected data after"},
      {R"({"a": tru})", "invalid literal"},   {R"({"a": [1, 2})", "expected ',' or ']'"},
      {R"({"a": 1.})", "digits after '.'"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<JsonMember>> m = ParseJsonObject(c.line);
    ASSERT_FALSE(m.ok()) << c.line;
    EXPECT_NE(m.status().message().find(c.error_part), absl::string_view::npos)
        << c.line << " -> " << m.status();
  }
}

TEST(JsonTest, RejectsDeepNesting) {
  std::string deep = "{\"a\": " + std::string(300, '[') + std::string(300, ']') + "}";
  absl::StatusOr<std::vector<JsonMember>> m = ParseJsonObject(deep);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("nesting too deep"), absl::string_view::npos);
}

TEST(JsonTest, StringRoundTrip) {
  const std::string inputs[] = {
      "", "plain", "q\"b\\s", "ctl\x01\x1f", "new\nline", "caf\xc3\xa9 \xf0\x9f\x98\x80"};
  for (const std::string& s : inputs) {
    std::string line = "{\"t\": ";
    AppendJsonString(s, &line);
    line += "}";
    EXPECT_EQ(StringField(line, "t"), s) << line;
  }
}

TEST(JsonTest, EscapesOnlyWhatJsonRequires) {
  const struct {
    std::string text;
    std::string want;
  } cases[] = {
      {"", R"("")"},
      {"plain text", R"("plain text")"},
      {"\"quoted\" back\\slash", R"("\"quoted\" back\\slash")"},
      {"tab\tnew\nret\r", R"("tab\tnew\nret\r")"},
      {std::string("nul\0bell\x07", 9), R"("nul\u0000bell\u0007")"},
      {"\b\f\x1f", R"("\b\f\u001f")"},
      {"caf\xc3\xa9 stays UTF-8", "\"caf\xc3\xa9 stays UTF-8\""},
      {"\x01"
       "at both ends\x02",
       R"("\u0001at both ends\u0002")"},
  };
  for (const auto& c : cases) {
    std::string out = "x";  // appends, never replaces
    AppendJsonString(c.text, &out);
    EXPECT_EQ(out, "x" + c.want);
  }
}

// Byte by byte, as JSON defines it: the reference for the writer's eight-bytes-at-a-time scan.
std::string ReferenceJsonString(absl::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

TEST(JsonTest, EscapesAnyByteAtAnyPosition) {
  const char bytes[] = {'\0',   '\x01', '\x1f', ' ',    '!',    '"',    '#', '\\', ']',
                        '\x7f', '\x80', '\x9f', '\xa0', '\xc3', '\xff', 'a', '\n', '\t'};
  for (size_t length : {1, 7, 8, 9, 15, 16, 17, 24, 31}) {
    for (size_t position = 0; position < length; ++position) {
      for (const char b : bytes) {
        std::string text(length, 'x');
        text[position] = b;
        // A second special byte later on, so runs are cut more than once.
        if (position + 9 < length) text[position + 9] = '"';
        std::string out;
        AppendJsonString(text, &out);
        EXPECT_EQ(out, ReferenceJsonString(text))
            << "length " << length << ", byte " << int(static_cast<unsigned char>(b)) << " at "
            << position;
      }
    }
  }
}

TEST(JsonTest, NumbersTrimTrailingZeros) {
  struct Case {
    double value;
    const char* want;
  };
  const Case cases[] = {{0.5, "0.5"}, {1.0, "1"}, {0.83333, "0.833"}, {-0.0001, "0"}, {12, "12"}};
  for (const Case& c : cases) {
    std::string out;
    AppendJsonNumber(c.value, 3, &out);
    EXPECT_EQ(out, c.want);
  }
}

}  // namespace
}  // namespace unspin
