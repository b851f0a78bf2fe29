#include "detector/text/document.h"

#include <gtest/gtest.h>

#include <string>

namespace unspin {
namespace {

TEST(DocumentFromPlainTextTest, RejectsBinaryAndInvalidUtf8WithPath) {
  auto binary = DocumentFromPlainText("a.bin", std::string("PK\x03\x04\0\0", 6));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(),
            "a.bin: binary data, not text (control byte 0x03 at byte offset 2)");

  auto invalid = DocumentFromPlainText("b.txt", "ok\nbad \xC3(");
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.status().message(), "b.txt: invalid UTF-8 at line 2, byte offset 7");
}

TEST(DocumentFromPlainTextTest, EmptyInputIsAnEmptyDocument) {
  auto doc = DocumentFromPlainText("empty.txt", "");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->text().empty());
}

TEST(DocumentFromPlainTextTest, ByteOrderMarkIsSkippedButOffsetsPointIntoTheSource) {
  auto doc = DocumentFromPlainText("bom.txt", "\xEF\xBB\xBFhello world");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text(), "hello world");
  const SourceRange r = doc->ToSource(6, 11);
  EXPECT_EQ(doc->source().substr(r.begin, r.end - r.begin), "world");
}

TEST(DocumentTest, LineColumnCountsCharactersAndHandlesCrlf) {
  const std::string source = "first line\r\ncaf\xC3\xA9 na\xC3\xAFve word\r\n\r\nlast";
  Document doc("crlf.txt", source);
  struct Case {
    std::string needle;
    size_t line;
    size_t column;
  };
  const Case cases[] = {{"first", 1, 1},        {"line", 1, 7},  {"caf", 2, 1},
                        {"na\xC3\xAFve", 2, 6}, {"word", 2, 12}, {"last", 4, 1}};
  for (const Case& c : cases) {
    const size_t offset = source.find(c.needle);
    const LineColumn lc = doc.LineColumnOf(offset);
    EXPECT_EQ(lc.line, c.line) << c.needle;
    EXPECT_EQ(lc.column, c.column) << c.needle;
  }
}

TEST(DocumentTest, SegmentsMapExtractedTextBackToSource) {
  // Source "<p>A &amp; B</p>" extracted as "A & B".
  const std::string source = "<p>A &amp; B</p>";
  std::vector<SourceSegment> segments = {
      {0, 2, 3, 2},   // "A " verbatim
      {2, 1, 5, 5},   // "&" from "&amp;"
      {3, 2, 10, 2},  // " B" verbatim
  };
  Document doc("x.html", source, "A & B", segments);
  EXPECT_FALSE(doc.is_identity());
  auto slice = [&](size_t b, size_t e) {
    const SourceRange r = doc.ToSource(b, e);
    return source.substr(r.begin, r.end - r.begin);
  };
  EXPECT_EQ(slice(0, 1), "A");
  EXPECT_EQ(slice(2, 3), "&amp;");
  EXPECT_EQ(slice(4, 5), "B");
  EXPECT_EQ(slice(0, 5), "A &amp; B");
}

TEST(DocumentTest, OriginShiftsLinesToTheEnclosingInput) {
  Document doc("corpus.jsonl", "{\"text\": \"a b\"}");
  EXPECT_EQ(doc.origin_offset(), 0u);
  EXPECT_EQ(doc.LineColumnOf(11).line, 1u);
  doc.set_origin(120, 7);
  EXPECT_EQ(doc.origin_offset(), 120u);
  const LineColumn lc = doc.LineColumnOf(11);
  EXPECT_EQ(lc.line, 7u);
  EXPECT_EQ(lc.column, 12u);
}

}  // namespace
}  // namespace unspin
