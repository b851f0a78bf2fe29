#include "detector/text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace unspin {
namespace {

struct ValidityCase {
  std::string bytes;
  bool valid;
  std::string error_fragment;
};

TEST(ValidateUtf8Test, AcceptsWellFormedAndRejectsMalformed) {
  const ValidityCase cases[] = {
      {"", true, ""},
      {"plain ascii\n", true, ""},
      {"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80", true, ""},
      {"\xEF\xBF\xBD replacement char is valid", true, ""},
      {"bad \xC3 lead", false, "byte offset 4"},
      {"line one\nline \xFF two", false, "line 2, byte offset 14"},
      {"overlong \xC0\xAF", false, "byte offset 9"},
      {"surrogate \xED\xA0\x80", false, "byte offset 10"},
      {"truncated \xE2\x80", false, "byte offset 10"},
      {"too big \xF4\x90\x80\x80", false, "byte offset 8"},
  };
  for (const ValidityCase& c : cases) {
    const absl::Status s = ValidateUtf8(c.bytes);
    EXPECT_EQ(s.ok(), c.valid) << c.bytes;
    if (!c.valid) {
      EXPECT_NE(s.message().find(c.error_fragment), std::string::npos) << s.message();
    }
  }
}

TEST(FindBinaryByteTest, FindsControlBytesButNotWhitespace) {
  EXPECT_EQ(FindBinaryByte("tabs\tand\r\nnewlines\f"), absl::string_view::npos);
  EXPECT_EQ(FindBinaryByte(std::string("ab\0cd", 5)), 2u);
  EXPECT_EQ(FindBinaryByte("x\x01"), 1u);
}

TEST(DecodeUtf8Test, DecodesAndAdvances) {
  const std::string text = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80\xFFz";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, &pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(text, &pos), U'\u00e9');
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(DecodeUtf8(text, &pos), U'\u2019');
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(DecodeUtf8(text, &pos), U'\U0001F600');
  EXPECT_EQ(pos, 10u);
  EXPECT_EQ(DecodeUtf8(text, &pos), kInvalidCodePoint);
  EXPECT_EQ(pos, 11u);
  EXPECT_EQ(DecodeUtf8(text, &pos), U'z');
}

TEST(AppendUtf8Test, RoundTrips) {
  for (char32_t c : {U'a', U'\u00e9', U'\u2019', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(c, &s);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos), c);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(CharacterClassTest, Table) {
  EXPECT_TRUE(IsLetter(U'a'));
  EXPECT_TRUE(IsLetter(U'\u00e9'));
  EXPECT_TRUE(IsLetter(U'\u0416'));  // Cyrillic
  EXPECT_FALSE(IsLetter(U'\u2019'));
  EXPECT_FALSE(IsLetter(U'\u2014'));
  EXPECT_FALSE(IsLetter(U'\u00d7'));
  EXPECT_TRUE(IsUpper(U'\u00c9'));
  EXPECT_FALSE(IsUpper(U'\u00e9'));
  EXPECT_EQ(ToLower(U'\u00c9'), U'\u00e9');
  EXPECT_EQ(ToLower(U'\u0141'), U'\u0142');
  EXPECT_EQ(ToLower(U'\u0416'), U'\u0436');
  EXPECT_TRUE(IsSpace(U'\u00a0'));
  EXPECT_EQ(FoldPunctuation(U'\u2019'), U'\'');
  EXPECT_EQ(FoldPunctuation(U'\u201c'), U'"');
  EXPECT_EQ(FoldPunctuation(U'\u2011'), U'-');
  EXPECT_EQ(FoldPunctuation(U'x'), U'x');
}

TEST(CountCodePointsTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("caf\xC3\xA9"), 4u);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80!"), 2u);
}

}  // namespace
}  // namespace unspin
