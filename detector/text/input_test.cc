#include "detector/text/input.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "detector/text/tokenizer.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

TEST(InputFormatTest, DetectsByExtension) {
  const std::pair<const char*, InputFormat> cases[] = {
      {"a.html", InputFormat::kHtml},         {"dir.v2/Page.HTM", InputFormat::kHtml},
      {"a.xhtml", InputFormat::kHtml},        {"notes.md", InputFormat::kMarkdown},
      {"x.markdown", InputFormat::kMarkdown}, {"corpus.jsonl", InputFormat::kJsonl},
      {"c.NDJSON", InputFormat::kJsonl},      {"a.txt", InputFormat::kText},
      {"README", InputFormat::kText},         {".md", InputFormat::kText},
      {"md.d/file", InputFormat::kText},      {"-", InputFormat::kText},
  };
  for (const auto& [path, format] : cases) {
    EXPECT_EQ(FormatFromPath(path), format) << path;
  }
}

TEST(InputFormatTest, ParsesNamesAndRejectsOthers) {
  const std::pair<const char*, InputFormat> cases[] = {
      {"auto", InputFormat::kAuto},    {"text", InputFormat::kText},
      {"HTML", InputFormat::kHtml},    {"markdown", InputFormat::kMarkdown},
      {"md", InputFormat::kMarkdown},  {"jsonl", InputFormat::kJsonl},
      {"ndjson", InputFormat::kJsonl},
  };
  for (const auto& [name, format] : cases) {
    absl::StatusOr<InputFormat> parsed = ParseInputFormat(name);
    ASSERT_TRUE(parsed.ok()) << name;
    EXPECT_EQ(*parsed, format) << name;
  }
  EXPECT_EQ(InputFormatName(InputFormat::kMarkdown), "markdown");
  absl::StatusOr<InputFormat> bad = ParseInputFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "unknown input format 'pdf' (expected auto, text, html, markdown or jsonl)");
}

TEST(LoadDocumentsTest, ChoosesTheFormatByExtensionOrOption) {
  const std::string page = "<p>a <b>b</b></p>";
  auto by_extension = LoadDocuments("p.html", page, InputOptions());
  ASSERT_TRUE(by_extension.ok());
  EXPECT_EQ((*by_extension)[0].text(), "a b");
  InputOptions as_text;
  as_text.format = InputFormat::kText;
  auto forced = LoadDocuments("p.html", page, as_text);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ((*forced)[0].text(), page);
  EXPECT_TRUE((*forced)[0].is_identity());
  InputOptions as_markdown;
  as_markdown.format = InputFormat::kMarkdown;
  auto md = LoadDocuments("-", "# *Hi*", as_markdown);
  ASSERT_TRUE(md.ok());
  EXPECT_EQ((*md)[0].text(), "Hi");
}

TEST(LoadDocumentsTest, BadInputIsAnErrorInEveryFormat) {
  for (const char* path : {"a.txt", "a.html", "a.md", "a.jsonl"}) {
    auto empty = LoadDocuments(path, "", InputOptions());
    ASSERT_FALSE(empty.ok()) << path;
    EXPECT_EQ(empty.status().message(), absl::StrCat(path, ": empty input"));
    auto binary = LoadDocuments(path, std::string("{\"text\": \"\0\"}", 13), InputOptions());
    ASSERT_FALSE(binary.ok()) << path;
    EXPECT_EQ(binary.status().message(),
              absl::StrCat(path, ": binary data, not text (control byte 0x00 at byte offset 10)"));
    auto invalid = LoadDocuments(path, "{\"text\": \"\xC3(\"}", InputOptions());
    ASSERT_FALSE(invalid.ok()) << path;
    EXPECT_EQ(invalid.status().message(),
              absl::StrCat(path, ": invalid UTF-8 at line 1, byte offset 10"));
  }
}

TEST(JsonLinesTest, EachRecordIsADocumentNamedByIdOrFile) {
  const std::string corpus =
      "{\"id\": \"a1\", \"text\": \"The closing yr.\"}\n"
      "\n"
      "{\"text\": \"No id here.\", \"id\": 17}\r\n"
      "{\"title\": \"x\", \"text\": \"Nor here.\"}\n";
  auto docs = LoadDocuments("c.jsonl", corpus, InputOptions());
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 3u);
  const std::vector<std::string> paths = {"a1", "17", "c.jsonl"};
  const std::vector<std::string> texts = {"The closing yr.", "No id here.", "Nor here."};
  const std::vector<size_t> lines = {1, 3, 4};
  for (size_t i = 0; i < docs->size(); ++i) {
    const Document& doc = (*docs)[i];
    EXPECT_EQ(doc.path(), paths[i]);
    EXPECT_EQ(doc.text(), texts[i]);
    EXPECT_EQ(doc.origin_line(), lines[i]);
    // Every word maps to the same bytes of the corpus file, on the record's line.
    const TokenizedText tokens = Tokenize(doc.text());
    for (const Token& t : tokens.tokens) {
      const SourceRange r = doc.ToSource(t.begin, t.end);
      EXPECT_EQ(corpus.substr(doc.origin_offset() + r.begin, r.end - r.begin),
                doc.text().substr(t.begin, t.end - t.begin));
      EXPECT_EQ(doc.LineColumnOf(r.begin).line, lines[i]);
    }
  }
  InputOptions no_ids;
  no_ids.id_field = "";
  auto unnamed = LoadDocuments("c.jsonl", corpus, no_ids);
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ((*unnamed)[0].path(), "c.jsonl");
}

TEST(JsonLinesTest, EscapesMapToTheirWholeSpan) {
  const std::string line =
      "{\"body\": \"Caf\\u00e9 \\\"closing yr\\\"\\nNext \\ud83d\\ude00 end\\/\", \"id\": \"x\"}";
  InputOptions options;
  options.field = "body";
  auto docs = LoadDocuments("e.ndjson", line, options);
  ASSERT_TRUE(docs.ok()) << docs.status();
  const Document& doc = (*docs)[0];
  ASSERT_EQ(doc.text(), "Caf\u00E9 \"closing yr\"\nNext \U0001F600 end/");
  auto source_of = [&](absl::string_view needle) {
    const size_t b = doc.text().find(std::string(needle));
    const SourceRange r = doc.ToSource(b, b + needle.size());
    return line.substr(r.begin, r.end - r.begin);
  };
  EXPECT_EQ(source_of("Caf\u00E9"), "Caf\\u00e9");
  EXPECT_EQ(source_of("\"closing yr\""), "\\\"closing yr\\\"");
  EXPECT_EQ(source_of("closing yr"), "closing yr");
  EXPECT_EQ(source_of("\n"), "\\n");
  EXPECT_EQ(source_of("\U0001F600"), "\\ud83d\\ude00");
  EXPECT_EQ(source_of("end/"), "end\\/");
}

TEST(JsonLinesTest, RecordErrorsNameFileAndLine) {
  struct Case {
    std::string corpus;
    std::string message;
  };
  const Case cases[] = {
      {"{\"text\": \"ok\"}\n{\"text\": \"a\",}\n",
       "c.jsonl:2: invalid JSON: column 14: expected a string"},
      {"{\"body\": \"a\"}\n", "c.jsonl:1: no \"text\" field (choose the text field with --field)"},
      {"{\"text\": 3}\n",
       "c.jsonl:1: \"text\" is not a string (choose the text field with --field)"},
      {"{\"text\": \"a\\u0000b\"}\n", "c.jsonl:1: text holds a NUL character"},
      {"\n  \n", "c.jsonl: no records, only blank lines"},
      {"\xEF\xBB\xBF{\"text\": \"a\"}\n",
       "c.jsonl:1: byte order mark: JSON Lines must be plain UTF-8"},
  };
  for (const Case& c : cases) {
    auto docs = LoadDocuments("c.jsonl", c.corpus, InputOptions());
    ASSERT_FALSE(docs.ok()) << c.corpus;
    EXPECT_EQ(docs.status().message(), c.message);
  }
}

// --- The same article as text, Markdown and HTML -------------------------------------------

std::string ReadSample(const std::string& name) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  const std::string path = absl::StrCat(
      srcdir ? srcdir : ".", "/", workspace ? workspace : "unspin", "/samples/formats/", name);
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : "";
}

// A token as the detectors see it: its text and the flags that steer them.
struct TokenView {
  std::string text;
  TokenKind kind;
  uint16_t flags;
  uint32_t sentence;
  bool operator==(const TokenView& o) const {
    return text == o.text && kind == o.kind && flags == o.flags && sentence == o.sentence;
  }
};

std::ostream& operator<<(std::ostream& os, const TokenView& t) {
  return os << "'" << t.text << "' flags=" << t.flags << " sentence=" << t.sentence;
}

std::vector<TokenView> Tokens(const Document& doc) {
  // Whitespace of any kind (a no-break space from &nbsp;) is whitespace to the tokenizer, so
  // the space flag is part of the comparison.
  const TokenizedText t = Tokenize(doc.text());
  std::vector<TokenView> out;
  for (const Token& tok : t.tokens) {
    out.push_back(
        {doc.text().substr(tok.begin, tok.end - tok.begin), tok.kind, tok.flags, tok.sentence});
  }
  return out;
}

// The source range of the first run of tokens that reads `phrase` (words separated by single
// spaces), whatever whitespace separates them in the text.
SourceRange FindPhrase(const Document& doc, const std::string& phrase) {
  const TokenizedText t = Tokenize(doc.text());
  const TokenizedText want = Tokenize(phrase);
  auto surface = [](absl::string_view text, const Token& tok) {
    return text.substr(tok.begin, tok.end - tok.begin);
  };
  for (size_t i = 0; i + want.tokens.size() <= t.tokens.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < want.tokens.size() && match; ++j) {
      match = surface(doc.text(), t.tokens[i + j]) == surface(phrase, want.tokens[j]);
    }
    if (match) {
      return doc.ToSource(t.tokens[i].begin, t.tokens[i + want.tokens.size() - 1].end);
    }
  }
  ADD_FAILURE() << "'" << phrase << "' not found in " << doc.path();
  return SourceRange();
}

TEST(SampleArticleTest, AllFormatsGiveTheTokensOfThePlainText) {
  auto load = [](const std::string& name, ExtractionStats* stats) {
    auto docs = LoadDocuments(name, ReadSample(name), InputOptions(), stats);
    EXPECT_TRUE(docs.ok()) << docs.status();
    EXPECT_EQ(docs.ok() ? docs->size() : 0, 1u);
    return docs.ok() ? (*docs)[0] : Document();
  };
  ExtractionStats md_stats;
  ExtractionStats html_stats;
  const Document txt = load("article.txt", nullptr);
  const Document md = load("article.md", &md_stats);
  const Document html = load("article.html", &html_stats);
  const std::vector<TokenView> expected = Tokens(txt);
  ASSERT_GT(expected.size(), 150u);
  EXPECT_EQ(Tokens(md), expected) << md.text();
  EXPECT_EQ(Tokens(html), expected) << html.text();

  // What was left out, and why.
  for (const char* reason : {"front matter", "code block", "boilerplate text"}) {
    EXPECT_EQ(md_stats.skipped[reason].blocks, 1u) << reason << ": " << md_stats.Summary();
  }
  // The page header holds the nav; the head (with its style) is metadata, not counted.
  for (const char* reason :
       {"header", "script", "aside", "footer", "code", "boilerplate text", "ad or share widget"}) {
    EXPECT_GE(html_stats.skipped[reason].blocks, 1u) << reason << ": " << html_stats.Summary();
  }

  // Spun phrases point at the right bytes of each source: the words themselves, with the
  // markup and line breaks between them but not the markup around them.
  const std::pair<std::string, std::vector<std::string>> phrases[] = {
      {"undercover agent balloon",
       {"undercover agent balloon", "undercover agent balloon", "undercover agent balloon"}},
      {"closing yr", {"closing yr", "closing yr", "closing yr"}},
      {"by the use of", {"by the use of", "by the use of", "by the <em>use of"}},
      {"synthetic intelligence",
       {"synthetic intelligence", "synthetic\nintelligence", "synthetic intelligence"}},
      {"imaginative and prescient",
       {"imaginative and prescient", "imaginative and\n> prescient",
        "imaginative</em> and prescient"}},
      {"each and every different",
       {"each and every different", "each and every different",
        "each and every\n        different"}},
      {"chair\u2019s office",
       {"chair\u2019s office", "chair&rsquo;s office", "chair&#8217;s office"}},
  };
  const Document* docs[] = {&txt, &md, &html};
  for (const auto& [phrase, sources] : phrases) {
    for (int i = 0; i < 3; ++i) {
      const Document& doc = *docs[i];
      const SourceRange r = FindPhrase(doc, phrase);
      EXPECT_EQ(doc.source().substr(r.begin, r.end - r.begin), sources[i]) << doc.path();
    }
  }
}

}  // namespace
}  // namespace unspin
