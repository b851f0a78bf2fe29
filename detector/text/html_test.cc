#include "detector/text/html.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "detector/text/tokenizer.h"
#include "detector/text/utf8.h"

namespace unspin {
namespace {

// What a stretch of HTML source reads as: tags removed, character references decoded. A word
// of the extracted text must read the same as the source bytes its offsets point at.
std::string Rendered(absl::string_view html) {
  CharacterReferenceDecoder decoder;
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      i = close == absl::string_view::npos ? html.size() : close + 1;
    } else if (html[i] == '&' && decoder.Decode(html.substr(i)).length > 0) {
      const CharacterReference& ref = decoder.Decode(html.substr(i));
      out += ref.decoded;
      i += ref.length;
    } else {
      out.push_back(html[i] == '\n' || html[i] == '\t' || html[i] == '\r' ? ' ' : html[i]);
      ++i;
    }
  }
  return out;
}

// Checks every word and number of `doc` against the source bytes it maps to.
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

Document Extract(const std::string& html, const HtmlOptions& options = HtmlOptions(),
                 ExtractionStats* stats = nullptr) {
  absl::StatusOr<Document> doc = DocumentFromHtml("t.html", html, options, stats);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *std::move(doc) : Document();
}

struct ExtractCase {
  const char* name;
  std::string html;
  std::string text;
};

TEST(DocumentFromHtmlTest, ExtractsProse) {
  const ExtractCase cases[] = {
      {"inline elements are transparent",
       "<p>The <em>closing</em> <a href='/y'>yr</a> was <strong>hard</strong>.</p>",
       "The closing yr was hard."},
      {"a word split by inline markup stays one word", "<p>imag<b>inative</b> and</p>",
       "imaginative and"},
      {"blocks become paragraphs",
       "<h1>Title</h1><p>One.</p><ul><li>Two</li><li>Three</li></ul><blockquote>Four</blockquote>",
       "Title\n\nOne.\n\nTwo\n\nThree\n\nFour"},
      {"br and table cells break", "<p>a<br>b</p><table><tr><td>c</td><td>d</td></tr></table>",
       "a\n\nb\n\nc\n\nd"},
      {"whitespace inside a paragraph is kept byte for byte", "<p>\n  one\ttwo\n  three\n</p>",
       "one two   three"},
      {"entities decode", "<p>Tom &amp; Jerry&rsquo;s &copy 2020 &#8220;hi&#x201D; &nbsp;x</p>",
       "Tom & Jerry\u2019s \u00A9 2020 \u201Chi\u201D \u00A0x"},
      {"not an entity stays literal", "<p>R&D &bogus; a & b</p>", "R&D &bogus; a & b"},
      {"scripts, styles and code are skipped",
       "<p>Before <code>x = 1</code> after.</p><script>var s = 'spin';</script>"
       "<style>p {}</style><pre>code block</pre><noscript>enable js</noscript>",
       "Before  after."},
      {"skipped inline content separates words", "<p>a<code>x</code>b c<button>y</button>d</p>",
       "a b c d"},
      {"page furniture is skipped",
       "<header><a>Home</a></header><nav>Menu items</nav><main><article><header><h1>Head</h1>"
       "</header><p>Body.</p><aside>Related</aside><footer>Tags</footer></article></main>"
       "<footer>Copyright</footer>",
       "Head\n\nBody."},
      {"boilerplate fragments are dropped",
       "<p>First.</p><p>- Advertisement -</p><div>ADVERTISEMENT</div><p>Story continues below "
       "advertisement</p><p>Second.</p>",
       "First.\n\nSecond."},
      {"hidden elements and widgets are skipped",
       "<p>Shown.</p><div hidden>h1</div><div aria-hidden='true'>h2</div>"
       "<div style='display: none'>h3</div><div class='ad-slot'>h4</div>"
       "<div class='has-share-bar'>Kept.</div><div role='navigation'>h5</div>",
       "Shown.\n\nKept."},
      {"figure captions are prose, alt text is not",
       "<figure><img alt='a photo'><figcaption>A caption.</figcaption></figure>", "A caption."},
      {"a stray end tag inside text is dropped", "<p>one </span>two</p>", "one two"},
      {"the title is left out by default",
       "<html><head><title>Page title</title><meta name='description' content='d'></head>"
       "<body><p>Body.</p></body></html>",
       "Body."},
      {"form controls are skipped but a form is walked",
       "<form><p>Inside form.</p><label>Email</label><button>Go</button></form>", "Inside form."},
      {"empty page", "", ""},
  };
  for (const ExtractCase& c : cases) {
    const Document doc = Extract(c.html);
    EXPECT_EQ(doc.text(), c.text) << c.name;
    ExpectWordsPointAtSource(doc);
  }
}

TEST(DocumentFromHtmlTest, OptionsChangeWhatIsKept) {
  const std::string html =
      "<html><head><title>The Title</title></head><body><nav>Site menu</nav>"
      "<p>Text.</p><p>Advertisement</p></body></html>";
  HtmlOptions with_title;
  with_title.include_title = true;
  EXPECT_EQ(Extract(html, with_title).text(), "The Title\n\nText.");
  HtmlOptions keep_all;
  keep_all.skip_boilerplate = false;
  EXPECT_EQ(Extract(html, keep_all).text(), "Site menu\n\nText.\n\nAdvertisement");
}

TEST(DocumentFromHtmlTest, ReportsWhatWasSkipped) {
  const std::string nav = "<nav><a href='/'>Home</a></nav>";
  const std::string script = "<script>x()</script>";
  const std::string ad = "<p>- Advertisement -</p>";
  ExtractionStats stats;
  const Document doc =
      Extract(absl::StrCat(nav, "<p>Prose.</p>", script, ad, script), HtmlOptions(), &stats);
  EXPECT_EQ(doc.text(), "Prose.");
  ASSERT_EQ(stats.skipped.size(), 3u) << stats.Summary();
  EXPECT_EQ(stats.skipped["nav"].blocks, 1u);
  EXPECT_EQ(stats.skipped["nav"].bytes, nav.size());
  EXPECT_EQ(stats.skipped["script"].blocks, 2u);
  EXPECT_EQ(stats.skipped["script"].bytes, 2 * script.size());
  EXPECT_EQ(stats.skipped["boilerplate text"].blocks, 1u);
  EXPECT_EQ(stats.skipped["boilerplate text"].bytes, std::string("- Advertisement -").size());
}

TEST(DocumentFromHtmlTest, EntitiesMapToTheirWholeSpan) {
  const std::string html = "<p>caf&eacute; &ldquo;closing yr&rdquo;</p>";
  const Document doc = Extract(html);
  ASSERT_EQ(doc.text(), "caf\u00E9 \u201Cclosing yr\u201D");
  auto source_of = [&](absl::string_view needle) {
    const size_t b = doc.text().find(std::string(needle));
    const SourceRange r = doc.ToSource(b, b + needle.size());
    return html.substr(r.begin, r.end - r.begin);
  };
  EXPECT_EQ(source_of("caf\u00E9"), "caf&eacute;");
  EXPECT_EQ(source_of("\u201C"), "&ldquo;");
  EXPECT_EQ(source_of("closing yr"), "closing yr");
  EXPECT_EQ(source_of("\u201Cclosing yr\u201D"), "&ldquo;closing yr&rdquo;");
}

TEST(DocumentFromHtmlTest, TextMovedByTheParserIsNotJoinedToItsNeighbours) {
  // "loose" sits in the table in the source but the parser moves it before the table.
  const Document doc = Extract("<table>loose<tr><td>cell</td></tr></table>");
  EXPECT_EQ(doc.text(), "loose\n\ncell");
  ExpectWordsPointAtSource(doc);
}

TEST(DocumentFromHtmlTest, RangesAcrossMovedTextAreNeverReversed) {
  // "moved" follows "cell" in the source and precedes it in the text (found by
  // fuzz/html_fuzzer): a text range across both has no source range of its own.
  const Document doc = Extract("<table><tr><td>cell</td></tr>moved</table>");
  ASSERT_EQ(doc.text(), "moved\n\ncell");
  const size_t n = doc.text().size();
  for (size_t begin = 0; begin <= n; ++begin) {
    for (size_t end = begin; end <= n; ++end) {
      const SourceRange r = doc.ToSource(begin, end);
      EXPECT_LE(r.begin, r.end) << begin << ".." << end;
      EXPECT_LE(r.end, doc.source().size());
    }
  }
  const SourceRange across = doc.ToSource(0, n);
  EXPECT_EQ(across.begin, across.end);
  ExpectWordsPointAtSource(doc);
}

TEST(DocumentFromHtmlTest, LineAndColumnPointIntoTheHtml) {
  const std::string html = "<html>\n<body>\n  <p>first\n  <em>second</em> word</p>\n";
  const Document doc = Extract(html);
  const size_t b = doc.text().find("second");
  const LineColumn lc = doc.LineColumnOf(doc.ToSource(b, b + 6).begin);
  EXPECT_EQ(lc.line, 4u);
  EXPECT_EQ(lc.column, 7u);
}

TEST(DocumentFromHtmlTest, RejectsBytesThatAreNotText) {
  const auto binary =
      DocumentFromHtml("a.html", std::string("<p>\0</p>", 8), HtmlOptions(), nullptr);
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(),
            "a.html: binary data, not text (control byte 0x00 at byte offset 3)");
  const auto invalid = DocumentFromHtml("b.html", "<p>\xFF</p>", HtmlOptions(), nullptr);
  ASSERT_FALSE(invalid.ok());
  EXPECT_TRUE(absl::StartsWith(invalid.status().message(), "b.html: invalid UTF-8"))
      << invalid.status();
}

TEST(DocumentFromHtmlTest, DeepNestingIsParsedUpToALimit) {
  std::string html;
  for (int i = 0; i < 2000; ++i) html += "<div>";
  EXPECT_EQ(Extract(html + "deep").text(), "deep");
  // Thousands of unclosed formatting elements: fast, because parse errors are not recorded.
  std::string bold;
  for (int i = 0; i < 20000; ++i) bold += "<b>";
  EXPECT_EQ(Extract(bold + "bold").text(), "bold");

  std::string too_deep;
  for (size_t i = 0; i <= kMaxHtmlNestingDepth; ++i) too_deep += "<div>";
  const auto refused = DocumentFromHtml("d.html", too_deep + "x", HtmlOptions(), nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            absl::StrCat("d.html: HTML nested ", kMaxHtmlNestingDepth + 1,
                         " elements deep (more than ", kMaxHtmlNestingDepth, "); not parsed"));
}

TEST(EstimateNestingDepthTest, CountsOnlyElementsThatNest) {
  const std::pair<const char*, size_t> cases[] = {
      {"<div><div>x</div></div><div></div>", 2},
      {"<b><i><span><em>x", 1},                 // phrasing elements count a quarter
      {"<p>a<p>b<li>c<br><img src=x><td>", 0},  // optional or no end tags
      {"<div></span></span><div>", 2},          // stray end tags close nothing
      {"<SECTION><section></Section>", 2},
      {"<script>'<div><div>'</script><!-- <div> -->", 1},
      {"<SCRIPT>'<div>'</Script><div>", 1},
      {"<x-card/><svg:path/>", 0},
      {"a < b && c > d", 0},
  };
  for (const auto& [html, depth] : cases) {
    EXPECT_EQ(EstimateNestingDepth(html), depth) << html;
  }
}

// Random pages built from awkward pieces (entities valid and not, stray and unclosed tags,
// skipped elements glued to words, tables, comments, CRLF): every word still maps back.
TEST(DocumentFromHtmlTest, RandomMarkupKeepsEveryWordMapped) {
  const char* pieces[] = {
      "word",
      "Caf&eacute;",
      " ",
      "\n",
      "\r\n",
      "<p>",
      "</p>",
      "<em>",
      "</em>",
      "<b>",
      "</b>",
      "<div>",
      "</div>",
      "</span>",
      "&amp;",
      "&notit;",
      "&#8217;",
      "&bogus;",
      "& ",
      "a < b",
      "<br>",
      "<table>",
      "<td>",
      "</table>",
      "<!-- c -->",
      "<script>x y</script>",
      "<code>k</code>",
      "<a href='u'>",
      "</a>",
      "&#x1F600;",
      "na\xC3\xAFve",
      "<li>",
      "<h2>",
      "</h2>",
      "<nav>n</nav>",
      "&nbsp;",
      "<p>- Advertisement -</p>",
      "<template>t</template>",
      "<pre>",
  };
  std::mt19937 rng(20240601);
  for (int round = 0; round < 300; ++round) {
    std::string html;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) html += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    SCOPED_TRACE(html);
    const Document doc = Extract(html);
    EXPECT_TRUE(ValidateUtf8(doc.text()).ok());
    ExpectWordsPointAtSource(doc);
  }
}

struct ReferenceCase {
  std::string input;
  size_t length;
  std::string decoded;
};

TEST(CharacterReferenceDecoderTest, DecodesLikeTheParser) {
  const ReferenceCase cases[] = {
      {"&amp;", 5, "&"},        {"&amp;amp;", 5, "&"},    {"&rsquo;s", 7, "\u2019"},
      {"&amp", 4, "&"},          // legacy reference without ';'
      {"&ampx", 4, "&"},         // ... followed by a letter
      {"&notit;", 4, "\u00AC"},  // "&not" is legacy; "&notit;" is no entity
      {"&notin;", 7, "\u2209"}, {"&#8217;", 7, "\u2019"}, {"&#x1F600;", 9, "\U0001F600"},
      {"&#X41", 5, "A"},        {"&#128;", 6, "\u20AC"},  // Windows-1252 fix-up
      {"&#32;", 5, " "},        {"&bogus;", 0, ""},       {"&", 0, ""},
      {"& b", 0, ""},           {"&#;", 0, ""},
  };
  CharacterReferenceDecoder decoder;
  for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
    for (const ReferenceCase& c : cases) {
      const CharacterReference& ref = decoder.Decode(c.input);
      EXPECT_EQ(ref.length, c.length) << c.input;
      EXPECT_EQ(ref.decoded, c.decoded) << c.input;
    }
  }
}

}  // namespace
}  // namespace unspin
