// The same article as plain text, Markdown and HTML (samples/formats) gives the same findings
// with the built-in packs and every detector, and each finding's position points at the right
// bytes of the file the user wrote: the reported start/end slice the source to the reported
// text, line/column are those bytes' position, and the slice, with its markup taken out, reads
// as the plain-text finding.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "detector/util/json.h"
#include "re2/re2.h"
#include "tests/cli_runner.h"

namespace unspin {
namespace {

struct Reported {
  size_t line = 0, column = 0, start = 0, end = 0;
  std::string text, rule, replacement;
};

std::vector<Reported> Check(const std::string& sample) {
  const CliResult r = RunUnspinIn(
      Runfile(""), absl::StrCat("check --format=jsonl --no-config samples/formats/", sample));
  EXPECT_EQ(r.exit_code, 1) << sample;
  std::vector<Reported> findings;
  for (absl::string_view line : absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
    EXPECT_TRUE(members.ok()) << line;
    if (!members.ok()) continue;
    Reported r;
    for (const JsonMember& m : *members) {
      if (m.key == "line") {
        EXPECT_TRUE(absl::SimpleAtoi(m.raw, &r.line));
      }
      if (m.key == "column") {
        EXPECT_TRUE(absl::SimpleAtoi(m.raw, &r.column));
      }
      if (m.key == "start") {
        EXPECT_TRUE(absl::SimpleAtoi(m.raw, &r.start));
      }
      if (m.key == "end") {
        EXPECT_TRUE(absl::SimpleAtoi(m.raw, &r.end));
      }
      if (m.key == "text") DecodeJsonString(m.raw, &r.text);
      if (m.key == "rule") DecodeJsonString(m.raw, &r.rule);
      if (m.key == "replacement") DecodeJsonString(m.raw, &r.replacement);
    }
    findings.push_back(r);
  }
  return findings;
}

// The words a stretch of source reads as: tags and Markdown emphasis and quote markers out,
// the entities the sample uses decoded, typographic apostrophes folded, whitespace collapsed,
// lower case.
std::string Prose(std::string s) {
  RE2::GlobalReplace(&s, "<[^>]*>", "");
  RE2::GlobalReplace(&s, "\n>", "\n");
  s = absl::StrReplaceAll(s, {{"&rsquo;", "'"},
                              {"&#8217;", "'"},
                              {"\u2019", "'"},
                              {"&amp;", "&"},
                              {"&nbsp;", " "},
                              {"*", ""},
                              {"_", ""}});
  std::string out;
  for (absl::string_view word : absl::StrSplit(s, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty())) {
    if (!out.empty()) out += ' ';
    absl::StrAppend(&out, word);
  }
  return absl::AsciiStrToLower(out);
}

TEST(FormatsCliTest, TextMarkdownAndHtmlGiveTheSameFindingsAtTheRightBytes) {
  const std::vector<Reported> text = Check("article.txt");
  ASSERT_GE(text.size(), 5u);  // spy balloon (twice), last year, AI, each other, ...
  for (const char* sample : {"article.txt", "article.md", "article.html"}) {
    const std::string source = ReadAll(Runfile("") + "/samples/formats/" + sample);
    const std::vector<Reported> found = Check(sample);
    ASSERT_EQ(found.size(), text.size()) << sample;
    for (size_t i = 0; i < found.size(); ++i) {
      const Reported& f = found[i];
      ASSERT_LE(f.start, f.end) << sample;
      ASSERT_LE(f.end, source.size()) << sample;
      const std::string slice = source.substr(f.start, f.end - f.start);
      EXPECT_EQ(slice, f.text) << sample << " finding " << i;
      EXPECT_EQ(LineColumnOfByte(source, f.start), std::make_pair(f.line, f.column))
          << sample << " " << i;
      EXPECT_EQ(Prose(slice), Prose(text[i].text)) << sample << ": " << slice;
      EXPECT_EQ(f.rule, text[i].rule) << sample << " finding " << i;
      EXPECT_EQ(f.replacement, text[i].replacement) << sample << " finding " << i;
    }
  }
}

}  // namespace
}  // namespace unspin
