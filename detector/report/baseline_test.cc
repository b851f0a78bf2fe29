#include "detector/report/baseline.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

// Findings of `rule` at every occurrence of `phrase` in a plain-text document.
std::vector<Finding> FindAll(const Document& doc, const std::string& phrase,
                             const std::string& rule = "spin.e2e.yr") {
  std::vector<Finding> out;
  for (size_t pos = doc.source().find(phrase); pos != std::string::npos;
       pos = doc.source().find(phrase, pos + 1)) {
    Finding f;
    f.source_begin = f.text_begin = pos;
    f.source_end = f.text_end = pos + phrase.size();
    f.rule_id = rule;
    out.push_back(f);
  }
  return out;
}

Baseline BaselineOf(const Document& doc, const std::vector<Finding>& findings) {
  Baseline b;
  for (const Finding& f : findings) b.Add(BaselineKeyOf(doc, f));
  return b;
}

TEST(BaselineTest, NormalizeFoldsCaseQuotesAndSpace) {
  EXPECT_EQ(NormalizeForBaseline("  Closing\n  YR\u2019s \u201cx\u201d "), "closing yr's \"x\"");
  EXPECT_EQ(NormalizeForBaseline(""), "");
}

TEST(BaselineTest, KeyTakesWordsAroundTheFindingOnItsLine) {
  const Document doc("a.txt",
                     "First line here.\nSales fell sharply closing yr, said the firm today.\n");
  const std::vector<Finding> f = FindAll(doc, "closing yr");
  ASSERT_EQ(f.size(), 1u);
  const BaselineKey key = BaselineKeyOf(doc, f[0]);
  EXPECT_EQ(key.path, "a.txt");
  EXPECT_EQ(key.rule, "spin.e2e.yr");
  EXPECT_EQ(key.text, "closing yr");
  EXPECT_EQ(key.before, "sales fell sharply");  // not "here." from the line above
  EXPECT_EQ(key.after, ", said the");
}

TEST(BaselineTest, FindingsSurviveInsertedAndDeletedLines) {
  const std::string original = "Intro.\nSales fell closing yr.\n\nCosts rose closing yr.\nEnd.\n";
  const Document before("a.txt", original);
  Baseline baseline = BaselineOf(before, FindAll(before, "closing yr"));
  EXPECT_EQ(baseline.size(), 2u);

  // Lines inserted above both findings (and one line removed): nothing is new.
  const Document after("a.txt",
                       "New heading\n\nA new paragraph of clean prose.\n"
                       "Sales fell closing yr.\n\nCosts rose closing yr.\n");
  std::vector<Finding> findings = FindAll(after, "closing yr");
  EXPECT_EQ(baseline.RemoveKnown(after, &findings), 2u);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(baseline.size(), 0u);
}

TEST(BaselineTest, OnlyExtraOccurrencesAreNew) {
  const Document before("a.txt", "Sales fell closing yr.\n");
  Baseline baseline = BaselineOf(before, FindAll(before, "closing yr"));
  const Document after("a.txt", "Sales fell closing yr.\nProfits rose closing yr.\n");
  std::vector<Finding> findings = FindAll(after, "closing yr");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(baseline.RemoveKnown(after, &findings), 1u);
  ASSERT_EQ(findings.size(), 1u);
  // The exact key matched the old line, so the new line is the one reported.
  EXPECT_EQ(after.source().substr(findings[0].source_begin - 13, 12), "Profits rose");
}

TEST(BaselineTest, EditedContextStillMatchesByText) {
  const Document before("a.txt", "Sales fell closing yr.\n");
  Baseline baseline = BaselineOf(before, FindAll(before, "closing yr"));
  const Document after("a.txt", "Revenue dropped sharply closing yr.\n");
  std::vector<Finding> findings = FindAll(after, "closing yr");
  EXPECT_EQ(baseline.RemoveKnown(after, &findings), 1u);
  EXPECT_TRUE(findings.empty());
}

TEST(BaselineTest, OtherPathOrRuleIsNew) {
  const Document before("a.txt", "Sales fell closing yr.\n");
  const std::vector<Finding> f = FindAll(before, "closing yr");
  {
    Baseline baseline = BaselineOf(before, f);
    const Document other("b.txt", "Sales fell closing yr.\n");
    std::vector<Finding> findings = FindAll(other, "closing yr");
    EXPECT_EQ(baseline.RemoveKnown(other, &findings), 0u);
    EXPECT_EQ(findings.size(), 1u);
  }
  {
    Baseline baseline = BaselineOf(before, f);
    std::vector<Finding> findings = FindAll(before, "closing yr", "spin.other.yr");
    EXPECT_EQ(baseline.RemoveKnown(before, &findings), 0u);
  }
}

TEST(BaselineTest, SerializeParseRoundTripAndSortedOutput) {
  const Document doc("a \"quoted\" path.txt",
                     "b closing yr \xe2\x80\x9cq\xe2\x80\x9d\na closing yr\na closing yr\n");
  const Baseline baseline = BaselineOf(doc, FindAll(doc, "closing yr"));
  const std::string text = baseline.Serialize();
  EXPECT_EQ(text.rfind("{\"unspin_baseline\": 1, \"findings\": 3}\n", 0), 0u) << text;
  // Entries sorted: the two identical "a closing yr" lines first, as two lines.
  EXPECT_NE(text.find("\"before\": \"a\", \"after\": \"\"}\n{\"path\""), std::string::npos) << text;
  absl::StatusOr<Baseline> parsed = Baseline::Parse(text, "b.jsonl");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->size(), 3u);
  EXPECT_EQ(parsed->Serialize(), text);
}

TEST(BaselineTest, BadFilesAreErrorsWithFileAndLine) {
  const struct {
    std::string contents;
    std::string error;
  } cases[] = {
      {"", "b.jsonl: not an unspin baseline (empty file)"},
      {"{\"path\": \"a\"}\n", "b.jsonl: not an unspin baseline"},
      {"[1, 2]\n", "b.jsonl:1: invalid JSON"},
      {"{\"unspin_baseline\": 1}\n{\"path\": \"a\", \"rule\": \"r\"}\n",
       "b.jsonl:2: entry lacks 'text'"},
      {"{\"unspin_baseline\": 1}\n\n{\"path\": 1, \"rule\": \"r\", \"text\": \"t\", "
       "\"before\": \"\", \"after\": \"\"}\n",
       "b.jsonl:3: 'path' must be a string"},
      {"{\"unspin_baseline\": 1}\n{\"path\": \"a\",\n", "b.jsonl:2: invalid JSON"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<Baseline> b = Baseline::Parse(c.contents, "b.jsonl");
    ASSERT_FALSE(b.ok()) << c.contents;
    EXPECT_EQ(std::string(b.status().message()).rfind(c.error, 0), 0u) << c.contents << "\n"
                                                                       << b.status();
  }
  EXPECT_FALSE(Baseline::Load(absl::StrCat(std::getenv("TEST_TMPDIR"), "/missing")).ok());
}

TEST(BaselineTest, WriteIsReadBack) {
  const Document doc("a.txt", "Sales fell closing yr.\n");
  const Baseline baseline = BaselineOf(doc, FindAll(doc, "closing yr"));
  const std::string path = absl::StrCat(std::getenv("TEST_TMPDIR"), "/baseline.jsonl");
  ASSERT_TRUE(baseline.Write(path).ok());
  absl::StatusOr<Baseline> loaded = Baseline::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->Serialize(), baseline.Serialize());
}

// A corpus file with one phrase many times (JSON Lines records without ids share the file's
// path): matching stays linear, exact contexts first.
TEST(BaselineTest, ManyOccurrencesOfOnePhrase) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += absl::StrCat("line ", i, " closing yr\n");
  const Document before("corpus.jsonl", text);
  Baseline baseline = BaselineOf(before, FindAll(before, "closing yr"));
  const Document after("corpus.jsonl", "new line closing yr\n" + text);
  std::vector<Finding> findings = FindAll(after, "closing yr");
  EXPECT_EQ(baseline.RemoveKnown(after, &findings), 50000u);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].source_begin, 9u);  // the new line's, matched by no exact key
}

TEST(BaselineTest, FingerprintIsStableAndSeparatesFields) {
  BaselineKey a{"p", "r", "ab", "c", ""};
  BaselineKey b{"p", "r", "a", "bc", ""};
  EXPECT_NE(BaselineFingerprint(a), BaselineFingerprint(b));
  EXPECT_EQ(BaselineFingerprint(a), BaselineFingerprint(a));
  EXPECT_EQ(BaselineFingerprint(a).size(), 16u);
  EXPECT_EQ(BaselineFingerprint(a).find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace unspin
