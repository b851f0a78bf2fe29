#include "detector/text/markdown.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "absl/strings/match.h"
#include "detector/text/html.h"
#include "detector/text/tokenizer.h"
#include "detector/text/utf8.h"

namespace unspin {
namespace {

// What a stretch of Markdown source reads as, for a word: tags and emphasis markers removed,
// escapes and entities decoded.
std::string Rendered(absl::string_view md) {
  CharacterReferenceDecoder decoder;
  std::string out;
  size_t i = 0;
  while (i < md.size()) {
    const char c = md[i];
    if (c == '<') {
      const size_t close = md.find('>', i);
      i = close == absl::string_view::npos ? md.size() : close + 1;
    } else if (c == '\\' && i + 1 < md.size()) {
      out.push_back(md[i + 1]);
      i += 2;
    } else if (c == '&' && decoder.Decode(md.substr(i)).length > 0) {
      const CharacterReference& ref = decoder.Decode(md.substr(i));
      out += ref.decoded;
      i += ref.length;
    } else {
      if (c != '*' && c != '_' && c != '~') out.push_back(c == '\n' ? ' ' : c);
      ++i;
    }
  }
  return out;
}

void ExpectWordsPointAtSource(const Document& doc) {
  const TokenizedText tokens = Tokenize(doc.text());
  for (const Token& t : tokens.tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    const std::string word = doc.text().substr(t.begin, t.end - t.begin);
    const SourceRange r = doc.ToSource(t.begin, t.end);
    ASSERT_LE(r.begin, r.end) << word;
    ASSERT_LE(r.end, doc.source().size()) << word;
    EXPECT_EQ(Rendered(absl::string_view(doc.source()).substr(r.begin, r.end - r.begin)), word)
        << "source bytes [" << r.begin << ", " << r.end << ") for '" << word << "'";
  }
}

Document Extract(const std::string& md, const MarkdownOptions& options = MarkdownOptions(),
                 ExtractionStats* stats = nullptr) {
  absl::StatusOr<Document> doc = DocumentFromMarkdown("t.md", md, options, stats);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *std::move(doc) : Document();
}

std::string SourceOf(const Document& doc, absl::string_view needle) {
  const size_t b = doc.text().find(std::string(needle));
  EXPECT_NE(b, std::string::npos) << needle;
  const SourceRange r = doc.ToSource(b, b + needle.size());
  return doc.source().substr(r.begin, r.end - r.begin);
}

struct ExtractCase {
  const char* name;
  std::string markdown;
  std::string text;
};

TEST(DocumentFromMarkdownTest, ExtractsProse) {
  const ExtractCase cases[] = {
      {"headings and paragraphs", "# The Title\n\nSome *closing* __yr__ ~~gone~~.\n",
       "The Title\n\nSome closing yr gone."},
      {"a word split by emphasis stays one word", "imag*inative* and\n", "imaginative and"},
      {"code is skipped",
       "Run `make all` now.\n\n```sh\nfenced code\n```\n\n    indented code\n\nAfter.\n",
       "Run  now.\n\nAfter."},
      {"skipped inline content separates words", "foo`bar`baz ![x](y.png)z\n", "foo baz z"},
      {"link text is prose, addresses are not",
       "See [the report](http://a.b/r \"Title\") or <http://x.y/z>, www.example.com and "
       "me@example.com.\n",
       "See the report or ,  and ."},
      {"escapes and entities decode", "\\*not emphasis\\* Tom &amp; Jerry &copy; &bogus;\n",
       "*not emphasis* Tom & Jerry \u00A9 &bogus;"},
      {"soft and hard line breaks", "line one\nline two  \nline three\\\nfour\n",
       "line one line two\nline three\nfour"},
      {"quotes, lists and tables",
       "> quoted\n> more\n\n- one\n- two\n\n1. three\n\n| a | b |\n|---|---|\n| c | d |\n",
       "quoted more\n\none\n\ntwo\n\nthree\n\na\n\nb\n\nc\n\nd"},
      {"image alt text is skipped", "![a chart of rates](c.png) Rates rose.\n", "Rates rose."},
      {"inline html tags are skipped, their text kept", "a <b>bold</b> word<br>\n", "a bold word"},
      {"html blocks go through the html extractor",
       "<div class=\"note\">\nHTML *kept* &amp; here.\n</div>\n\n<script>\nvar x;\n</script>\n\n"
       "<!-- a comment -->\n\nNext.\n",
       "HTML *kept* & here.\n\nNext."},
      {"yaml front matter", "---\ntitle: Spun\ntags: [a]\n---\n# Head\n", "Head"},
      {"toml front matter", "+++\ntitle = \"x\"\n+++\nBody.\n", "Body."},
      {"an unclosed fence is no front matter", "---\nText.\n", "Text."},
      {"boilerplate paragraphs", "First.\n\n- Advertisement -\n\nADVERTISEMENT\n\nSecond.\n",
       "First.\n\nSecond."},
      {"byte order mark", "\xEF\xBB\xBFHello.\n", "Hello."},
      {"empty", "", ""},
  };
  for (const ExtractCase& c : cases) {
    const Document doc = Extract(c.markdown);
    EXPECT_EQ(doc.text(), c.text) << c.name;
    ExpectWordsPointAtSource(doc);
  }
}

TEST(DocumentFromMarkdownTest, EscapesEntitiesAndLineBreaksMapToTheirSourceSpans) {
  const Document doc =
      Extract("> a \\*star\\* &ldquo;closing\n> yr&rdquo; end\n\n<p>caf&eacute;\nau lait</p>\n");
  ASSERT_EQ(doc.text(), "a *star* \u201Cclosing yr\u201D end\n\ncaf\u00E9 au lait");
  EXPECT_EQ(SourceOf(doc, "*"), "\\*");
  EXPECT_EQ(SourceOf(doc, "*star*"), "\\*star\\*");
  EXPECT_EQ(SourceOf(doc, "\u201C"), "&ldquo;");
  EXPECT_EQ(SourceOf(doc, "closing yr"), "closing\n> yr");
  EXPECT_EQ(SourceOf(doc, "caf\u00E9"), "caf&eacute;");
  EXPECT_EQ(SourceOf(doc, "caf\u00E9 au"), "caf&eacute;\nau");
}

TEST(DocumentFromMarkdownTest, HtmlInsideAQuoteMapsAroundTheMarkers) {
  const Document doc = Extract("> <div>\n> quoted html\n> prose</div>\n");
  ASSERT_EQ(doc.text(), "quoted html prose");
  EXPECT_EQ(SourceOf(doc, "quoted html"), "quoted html");
  EXPECT_EQ(SourceOf(doc, "prose"), "prose");
  ExpectWordsPointAtSource(doc);
}

TEST(DocumentFromMarkdownTest, HtmlBlocksCanBeSkipped) {
  MarkdownOptions options;
  options.include_html_blocks = false;
  ExtractionStats stats;
  EXPECT_EQ(Extract("<div>\nHTML prose\n</div>\n\nText.\n", options, &stats).text(), "Text.");
  EXPECT_EQ(stats.skipped["html block"].blocks, 1u);
}

TEST(DocumentFromMarkdownTest, AbsurdlyNestedHtmlBlocksAreSkipped) {
  std::string md = "Before.\n\n";
  for (size_t i = 0; i <= kMaxHtmlNestingDepth; ++i) md += "<div>";
  md += "\n\nAfter.\n";
  ExtractionStats stats;
  EXPECT_EQ(Extract(md, MarkdownOptions(), &stats).text(), "Before.\n\nAfter.");
  EXPECT_EQ(stats.skipped["html block nested too deeply"].blocks, 1u);
}

TEST(DocumentFromMarkdownTest, ReportsWhatWasSkipped) {
  ExtractionStats stats;
  const std::string md =
      "---\na: b\n---\nText `x` and `yz`.\n\n```\ncode\n```\n\nSee "
      "<http://a.b>.\n\nAdvertisement\n";
  EXPECT_EQ(Extract(md, MarkdownOptions(), &stats).text(), "Text  and .\n\nSee .");
  EXPECT_EQ(stats.skipped["front matter"].blocks, 1u);
  EXPECT_EQ(stats.skipped["front matter"].bytes, 13u);
  EXPECT_EQ(stats.skipped["inline code"].blocks, 2u);
  EXPECT_EQ(stats.skipped["inline code"].bytes, 3u);
  EXPECT_EQ(stats.skipped["code block"].blocks, 1u);
  EXPECT_EQ(stats.skipped["url"].blocks, 1u);
  EXPECT_EQ(stats.skipped["url"].bytes, 10u);  // "http://a.b"
  EXPECT_EQ(stats.skipped["boilerplate text"].blocks, 1u);
}

TEST(DocumentFromMarkdownTest, LineAndColumnPointIntoTheMarkdown) {
  const Document doc = Extract("---\nx: 1\n---\n\n## Head\n\nA *closing* yr.\n");
  const size_t b = doc.text().find("closing");
  const LineColumn lc = doc.LineColumnOf(doc.ToSource(b, b + 7).begin);
  EXPECT_EQ(lc.line, 7u);
  EXPECT_EQ(lc.column, 4u);
}

TEST(DocumentFromMarkdownTest, RejectsBytesThatAreNotText) {
  const auto binary =
      DocumentFromMarkdown("a.md", std::string("x\0y", 3), MarkdownOptions(), nullptr);
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(),
            "a.md: binary data, not text (control byte 0x00 at byte offset 1)");
  const auto invalid = DocumentFromMarkdown("b.md", "ok \xC3(", MarkdownOptions(), nullptr);
  ASSERT_FALSE(invalid.ok());
  EXPECT_TRUE(absl::StartsWith(invalid.status().message(), "b.md: invalid UTF-8"))
      << invalid.status();
}

// Random documents built from awkward pieces (escapes, entities, emphasis, code, links,
// quotes, lists, HTML blocks and inline tags, CRLF): every word still maps back.
TEST(DocumentFromMarkdownTest, RandomMarkupKeepsEveryWordMapped) {
  const char* pieces[] = {
      "word",
      " ",
      "\n",
      "\n\n",
      "\r\n",
      "*em*",
      "__strong__",
      "\\*",
      "\\\\",
      "&amp;",
      "&bogus;",
      "&#8217;",
      "`code`",
      " [link](u) ",
      " <http://a.b> ",
      "> ",
      "- ",
      "1. ",
      "# ",
      "```\nfence\n```\n",
      "    indented\n",
      "<b>",
      "</b>",
      "\n<div>\nblock &amp; html\n</div>\n\n",
      "caf\xC3\xA9",
      "![alt](i.png)",
      "  \n",
      "\\\n",
      "~~del~~",
      "| a | b |\n|---|---|\n",
  };
  std::mt19937 rng(20240602);
  for (int round = 0; round < 300; ++round) {
    std::string md;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) md += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    SCOPED_TRACE(md);
    const Document doc = Extract(md);
    EXPECT_TRUE(ValidateUtf8(doc.text()).ok());
    ExpectWordsPointAtSource(doc);
  }
}

TEST(FrontMatterLengthTest, FindsTheClosingDelimiter) {
  EXPECT_EQ(FrontMatterLength("---\na: 1\n---\nText"), 13u);
  EXPECT_EQ(FrontMatterLength("---\r\na: 1\r\n...\r\nText"), 16u);
  EXPECT_EQ(FrontMatterLength("+++\na = 1\n+++"), 13u);
  EXPECT_EQ(FrontMatterLength("--- \na\n"), 0u);
  EXPECT_EQ(FrontMatterLength("Text\n---\n"), 0u);
  EXPECT_EQ(FrontMatterLength(""), 0u);
}

}  // namespace
}  // namespace unspin
