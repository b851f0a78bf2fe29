#include "detector/text/extraction.h"

#include <gtest/gtest.h>

#include <string>

namespace unspin {
namespace {

std::string SourceOf(const Document& doc, absl::string_view needle) {
  const size_t b = doc.text().find(std::string(needle));
  EXPECT_NE(b, std::string::npos) << needle;
  const SourceRange r = doc.ToSource(b, b + needle.size());
  return doc.source().substr(r.begin, r.end - r.begin);
}

TEST(TextBuilderTest, KeepsBytesVerbatimAndSeparatesBlocks) {
  const std::string source = "<p>  one\ntwo </p><p>A &amp; B</p>";
  TextBuilder b(source, nullptr);
  b.AppendVerbatim(3, 10);  // "  one\ntwo "
  b.BreakBlock();
  b.AppendVerbatim(20, 2);  // "A "
  b.AppendDecoded("&", 22, 5);
  b.AppendVerbatim(27, 2);  // " B"
  b.BreakBlock();
  const Document doc = b.Finish("x.html", source);
  EXPECT_EQ(doc.text(), "one two\n\nA & B");
  EXPECT_EQ(SourceOf(doc, "one two"), "one\ntwo");
  EXPECT_EQ(SourceOf(doc, "&"), "&amp;");
  EXPECT_EQ(SourceOf(doc, "A & B"), "A &amp; B");
}

TEST(TextBuilderTest, SeparatorsAndBreaksAtBlockStartAreIgnored) {
  const std::string source = "abc def";
  TextBuilder b(source, nullptr);
  b.BreakBlock();
  b.AppendSeparator(" ");
  b.AppendDecoded("\u00A0", 0, 0);
  b.AppendVerbatim(0, 3);
  b.AppendSeparator("\n");
  b.AppendVerbatim(4, 3);
  b.BreakBlock();
  b.BreakBlock();
  const Document doc = b.Finish("x", source);
  EXPECT_EQ(doc.text(), "abc\ndef");
  EXPECT_EQ(SourceOf(doc, "abc\ndef"), "abc def");
}

TEST(TextBuilderTest, DropsBoilerplateBlocksAndCountsThem) {
  const std::string source = "Real text.|- Advertisement -|More.";
  ExtractionStats stats;
  TextBuilder b(source, &stats);
  b.AppendVerbatim(0, 10);
  b.BreakBlock();
  b.AppendVerbatim(11, 17);
  b.BreakBlock();
  b.AppendVerbatim(29, 5);
  const Document doc = b.Finish("x", source);
  EXPECT_EQ(doc.text(), "Real text.\n\nMore.");
  EXPECT_EQ(SourceOf(doc, "More."), "More.");
  EXPECT_EQ(stats.skipped["boilerplate text"].blocks, 1u);
  EXPECT_EQ(stats.skipped["boilerplate text"].bytes, 17u);

  TextBuilder keep(source, nullptr, /*drop_boilerplate_blocks=*/false);
  keep.AppendVerbatim(11, 17);
  EXPECT_EQ(keep.Finish("x", source).text(), "- Advertisement -");
}

TEST(TextBuilderTest, RestoreUndoesTextIncludingMergedSegments) {
  const std::string source = "see http://x.y now";
  TextBuilder b(source, nullptr);
  b.AppendVerbatim(0, 4);
  const TextBuilder::Checkpoint c = b.Save();
  b.AppendVerbatim(4, 10);  // merges into the first segment
  EXPECT_EQ(b.SourceBytesSince(c), 10u);
  b.Restore(c);
  b.AppendVerbatim(14, 4);
  const Document doc = b.Finish("x", source);
  EXPECT_EQ(doc.text(), "see  now");
  EXPECT_EQ(SourceOf(doc, "now"), "now");
  EXPECT_EQ(SourceOf(doc, "see"), "see");
}

TEST(IsBoilerplateFragmentTest, MatchesWholeFragmentsOnly) {
  struct Case {
    std::string text;
    bool boilerplate;
  };
  const Case cases[] = {
      {"- Advertisement -", true},
      {"ADVERTISEMENT", true},
      {"Story continues below advertisement", true},
      {"Share this article:", true},
      {"Read more \u00BB", false},  // a non-ASCII character: not one of the phrases
      {"The advertisement ran for weeks.", false},
      {"Advertisement revenue fell", false},
      {"", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsBoilerplateFragment(c.text), c.boilerplate) << c.text;
  }
}

TEST(ExtractionStatsTest, MergesAndSummarizes) {
  ExtractionStats a;
  EXPECT_EQ(a.Summary(), "");
  a.Skip("script", 100);
  ExtractionStats b;
  b.Skip("script", 20);
  b.Skip("nav", 5);
  a.Merge(b);
  EXPECT_EQ(a.Total().blocks, 3u);
  EXPECT_EQ(a.Total().bytes, 125u);
  EXPECT_EQ(a.Summary(), "skipped 3 blocks (125 bytes): nav 1 (5 bytes), script 2 (120 bytes)");
}

}  // namespace
}  // namespace unspin
