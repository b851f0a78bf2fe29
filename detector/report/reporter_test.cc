#include "detector/report/reporter.h"

#include <gtest/gtest.h>

#include <string>

#include "detector/util/json.h"

namespace unspin {
namespace {

// A report with one finding on "caf\u00e9 yr" (multi-byte text before it, so the column counts
// characters and the offsets count bytes).
struct Fixture {
  Document document{"dir/a.txt", "line one\ncaf\u00e9 \"closing yr\" end\n"};
  DocumentReport report;
  Fixture() {
    Finding f;
    f.source_begin = document.source().find("closing");
    f.source_end = f.source_begin + 10;
    f.text_begin = f.source_begin;
    f.text_end = f.source_end;
    f.rule_id = "spin.news.yr";
    f.message = "\"closing yr\" looks like a spun \"last year\"";
    f.replacement = "last year";
    f.confidence = 0.95;
    f.severity = Severity::kError;
    report.findings.push_back(f);
    report.word_count = 6;
    report.spin_score = 0.5;
  }
};

TEST(ReporterTest, TextFormat) {
  Fixture fx;
  auto reporter = MakeReporter("text", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->AddDocument(fx.document, fx.report, &out);
  (*reporter)->Finish(&out);
  EXPECT_EQ(out,
            "dir/a.txt:2:7: error: \"closing yr\" looks like a spun \"last year\" "
            "(restore: \"last year\") [spin.news.yr]\n"
            "dir/a.txt: spin score 0.50: 1 finding in 6 words\n");
}

TEST(ReporterTest, JsonlFormatFollowsTheContract) {
  Fixture fx;
  auto reporter = MakeReporter("jsonl", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->AddDocument(fx.document, fx.report, &out);
  EXPECT_EQ(out,
            "{\"path\": \"dir/a.txt\", \"line\": 2, \"column\": 7, \"start\": 16, \"end\": 26, "
            "\"text\": \"closing yr\", \"rule\": \"spin.news.yr\", \"severity\": \"error\", "
            "\"message\": \"\\\"closing yr\\\" looks like a spun \\\"last year\\\"\", "
            "\"replacement\": \"last year\", \"confidence\": 0.95}\n");
}

TEST(ReporterTest, JsonlSummaryIsOptIn) {
  Fixture fx;
  ReporterOptions options;
  options.jsonl_summary = true;
  auto reporter = MakeReporter("jsonl", options);
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->AddDocument(fx.document, fx.report, &out);
  EXPECT_NE(out.find("{\"path\": \"dir/a.txt\", \"summary\": {\"findings\": 1, \"words\": 6, "
                     "\"spin_score\": 0.5, \"quoted_matches\": 0}}\n"),
            std::string::npos);
}

TEST(ReporterTest, OnlySarifAsksForTheRuleCatalog) {
  for (const char* format : {"text", "jsonl", "json", "sarif", "github"}) {
    auto reporter = MakeReporter(format, {});
    ASSERT_TRUE(reporter.ok()) << format;
    EXPECT_EQ((*reporter)->UsesRuleCatalog(), std::string(format) == "sarif") << format;
  }
}

TEST(ReporterTest, UnknownFormat) {
  auto reporter = MakeReporter("xml", {});
  ASSERT_FALSE(reporter.ok());
  EXPECT_EQ(reporter.status().message(),
            "unknown format 'xml' (known: text, jsonl, json, sarif, github)");
}

TEST(ReporterTest, GithubFormatEscapesAndMapsSeverities) {
  Fixture fx;
  fx.report.findings[0].message = "50% of \"closing yr\"\nline two";
  Finding info = fx.report.findings[0];
  info.severity = Severity::kInfo;
  info.replacement.clear();
  fx.report.findings.push_back(info);
  auto reporter = MakeReporter("github", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  const Document document("dir/a,b:c.txt", fx.document.source());
  (*reporter)->BeginFile(document.path(), InputFormat::kText);
  (*reporter)->AddDocument(document, fx.report, &out);
  (*reporter)->Finish(&out);
  EXPECT_EQ(out,
            "::error file=dir/a%2Cb%3Ac.txt,line=2,col=7,endLine=2,endColumn=17,"
            "title=spin.news.yr::50%25 of \"closing yr\"%0Aline two (restore: \"last year\")\n"
            "::notice file=dir/a%2Cb%3Ac.txt,line=2,col=7,endLine=2,endColumn=17,"
            "title=spin.news.yr::50%25 of \"closing yr\"%0Aline two\n");
}

TEST(ReporterTest, GithubFormatNamesJsonlRecords) {
  Fixture fx;
  Document record("rec-7", fx.document.source());
  record.set_origin(100, 5);
  auto reporter = MakeReporter("github", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->BeginFile("corpus.jsonl", InputFormat::kJsonl);
  (*reporter)->AddDocument(record, fx.report, &out);
  EXPECT_EQ(out.rfind("::error file=corpus.jsonl,line=6,col=7,", 0), 0u) << out;
  EXPECT_NE(out.find("::record rec-7: "), std::string::npos) << out;
}

TEST(ReporterTest, JsonFormatIsOneDocument) {
  Fixture fx;
  auto reporter = MakeReporter("json", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->AddDocument(fx.document, fx.report, &out);
  (*reporter)->AddDocument(Document("empty.txt", "nothing\n"), DocumentReport{}, &out);
  (*reporter)->Finish(&out);
  absl::StatusOr<std::vector<JsonMember>> top = ParseJsonObject(out);
  ASSERT_TRUE(top.ok()) << top.status() << "\n" << out;
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[0].key, "documents");
  EXPECT_EQ((*top)[1].key, "summary");
  EXPECT_EQ((*top)[1].raw,
            "{\"documents\": 2, \"findings\": 1, \"error\": 1, \"warning\": 0, \"info\": 0}");
  EXPECT_NE(out.find("{\"line\": 2, \"column\": 7, \"end_line\": 2, \"end_column\": 17, "
                     "\"start\": 16, \"end\": 26, \"text\": \"closing yr\", \"rule\": "
                     "\"spin.news.yr\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"fix\": \"safe\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("{\"path\": \"empty.txt\", \"file\": \"empty.txt\", \"words\": 0, "
                     "\"spin_score\": 0, \"quoted_matches\": 0, \"findings\": []}"),
            std::string::npos)
      << out;
}

TEST(ReporterTest, JsonFormatWithNoDocumentsIsValid) {
  auto reporter = MakeReporter("json", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->Finish(&out);
  EXPECT_TRUE(ParseJsonObject(out).ok()) << out;
}

TEST(ReporterTest, SarifFormatIsValidJsonWithFixesEscapedForTheSource) {
  Fixture fx;
  fx.report.findings[0].replacement = "R&D <last>";
  auto reporter = MakeReporter("sarif", {});
  ASSERT_TRUE(reporter.ok());
  std::string out;
  (*reporter)->BeginFile("dir/my page.html", InputFormat::kHtml);
  (*reporter)->AddDocument(fx.document, fx.report, &out);
  Finding other = fx.report.findings[0];
  other.rule_id = "spin.custom.x";
  DocumentReport second;
  second.findings.push_back(other);
  (*reporter)->AddDocument(fx.document, second, &out);
  (*reporter)->Finish(&out);
  absl::StatusOr<std::vector<JsonMember>> top = ParseJsonObject(out);
  ASSERT_TRUE(top.ok()) << top.status() << "\n" << out;
  EXPECT_NE(out.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(out.find("{\"uri\": \"dir/my%20page.html\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("\"insertedContent\": {\"text\": \"R&amp;D &lt;last&gt;\"}"),
            std::string::npos)
      << out;
  // The default catalog lists the three rules no pack defines (indices 0..2); an unknown rule
  // follows them.
  EXPECT_NE(out.find("\"ruleId\": \"spin.news.yr\", \"ruleIndex\": 3"), std::string::npos) << out;
  EXPECT_NE(out.find("\"ruleId\": \"spin.custom.x\", \"ruleIndex\": 4"), std::string::npos) << out;
  EXPECT_NE(out.find("{\"id\": \"spin.custom.x\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("\"region\": {\"startLine\": 2, \"startColumn\": 7, \"endLine\": 2, "
                     "\"endColumn\": 17, \"byteOffset\": 16, \"byteLength\": 10, "
                     "\"snippet\": {\"text\": \"closing yr\"}}"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace unspin
