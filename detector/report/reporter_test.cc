#include "detector/report/reporter.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(ReporterTest, UnknownFormat) {
  auto reporter = MakeReporter("xml", {});
  ASSERT_FALSE(reporter.ok());
  EXPECT_EQ(reporter.status().message(), "unknown format 'xml' (known: text, jsonl)");
}

}  // namespace
}  // namespace unspin
