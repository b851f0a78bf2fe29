#include "detector/report/unified_diff.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace unspin {
namespace {

std::vector<std::string> Lines(absl::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == absl::string_view::npos ? text.size() : nl + 1;
    out.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// Applies a unified diff to `old_text` as patch(1) would, checking every context and deleted
// line against the old text. Returns the new text, or "<error: ...>".
std::string ApplyPatch(absl::string_view old_text, absl::string_view diff) {
  if (diff.empty()) return std::string(old_text);
  const std::vector<std::string> old_lines = Lines(old_text);
  std::vector<std::string> d = Lines(diff);
  if (d.size() < 2 || d[0].rfind("--- ", 0) != 0 || d[1].rfind("+++ ", 0) != 0) {
    return "<error: header>";
  }
  std::string out;
  size_t next_old = 0;  // index of the next old line not yet copied
  size_t i = 2;
  while (i < d.size()) {
    int a_start = 0, a_count = 1;
    const std::string& h = d[i];
    if (h.rfind("@@ -", 0) != 0) return "<error: hunk header " + h + ">";
    std::vector<std::string> parts = absl::StrSplit(h.substr(4), ' ');
    std::vector<std::string> a = absl::StrSplit(parts[0], ',');
    if (!absl::SimpleAtoi(a[0], &a_start)) return "<error: range>";
    if (a.size() > 1 && !absl::SimpleAtoi(a[1], &a_count)) return "<error: range>";
    // An empty old side names the line before the hunk.
    const size_t first = a_count == 0 ? a_start : a_start - 1;
    if (first < next_old) return "<error: overlapping hunks>";
    for (; next_old < first; ++next_old) out += old_lines[next_old];
    ++i;
    while (i < d.size() && d[i].rfind("@@", 0) != 0) {
      std::string line = d[i].substr(1);
      const char op = d[i][0];
      ++i;
      if (i < d.size() && d[i] == "\\ No newline at end of file\n") {
        line.pop_back();
        ++i;
      }
      if (op == ' ' || op == '-') {
        if (next_old >= old_lines.size() || old_lines[next_old] != line) {
          return "<error: mismatch at old line " + std::to_string(next_old + 1) + ">";
        }
        ++next_old;
        if (op == ' ') out += line;
      } else if (op == '+') {
        out += line;
      } else {
        return "<error: line op>";
      }
    }
  }
  for (; next_old < old_lines.size(); ++next_old) out += old_lines[next_old];
  return out;
}

TEST(UnifiedDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "f"), "");
  EXPECT_EQ(UnifiedDiff("", "", "f"), "");
}

TEST(UnifiedDiffTest, OneChangedLineWithContext) {
  const std::string old_text = "1\n2\n3\n4\nsales fell closing yr\n6\n7\n8\n9\n";
  const std::string new_text = "1\n2\n3\n4\nsales fell last year\n6\n7\n8\n9\n";
  EXPECT_EQ(UnifiedDiff(old_text, new_text, "docs/a.txt"),
            "--- docs/a.txt\n+++ docs/a.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n"
            "-sales fell closing yr\n+sales fell last year\n 6\n 7\n 8\n");
}

TEST(UnifiedDiffTest, NearbyChangesShareAHunkDistantOnesDoNot) {
  std::string old_text, near_text, far_text;
  for (int i = 1; i <= 30; ++i) {
    old_text += absl::StrCat(i, "\n");
    near_text += (i == 5 || i == 11) ? absl::StrCat(i, "x\n") : absl::StrCat(i, "\n");
    far_text += (i == 5 || i == 12) ? absl::StrCat(i, "x\n") : absl::StrCat(i, "\n");
  }
  // 5 equal lines (6..10) between: at most 2 * 3, one hunk.
  const std::string near = UnifiedDiff(old_text, near_text, "f");
  EXPECT_EQ(std::count(near.begin(), near.end(), '@'), 4) << near;
  EXPECT_NE(near.find("@@ -2,13 +2,13 @@"), std::string::npos) << near;
  // 6 equal lines between (6..11): still one hunk; 7 (6..12) split it in two.
  const std::string far = UnifiedDiff(old_text, far_text, "f");
  EXPECT_EQ(std::count(far.begin(), far.end(), '@'), 4) << far;
  EXPECT_EQ(ApplyPatch(old_text, far), far_text);
  std::string split_text;
  for (int i = 1; i <= 30; ++i) {
    split_text += (i == 5 || i == 13) ? absl::StrCat(i, "x\n") : absl::StrCat(i, "\n");
  }
  const std::string split = UnifiedDiff(old_text, split_text, "f");
  EXPECT_EQ(std::count(split.begin(), split.end(), '@'), 8) << split;
  EXPECT_EQ(ApplyPatch(old_text, split), split_text);
}

TEST(UnifiedDiffTest, MissingFinalNewlineIsMarked) {
  const std::string diff = UnifiedDiff("a\nclosing yr", "a\nlast year", "f");
  EXPECT_EQ(diff,
            "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-closing yr\n\\ No newline at end of file\n"
            "+last year\n\\ No newline at end of file\n");
  EXPECT_EQ(ApplyPatch("a\nclosing yr", diff), "a\nlast year");
  // Adding a final newline changes the last line.
  EXPECT_EQ(ApplyPatch("a\nb", UnifiedDiff("a\nb", "a\nb\n", "f")), "a\nb\n");
}

TEST(UnifiedDiffTest, LineBreaksJoinedAndCrLfKept) {
  // A restoration across a line break removes a line; CRLF lines stay CRLF.
  const std::string old_text = "one\r\nimaginative and\r\nprescient here\r\ntwo\r\n";
  const std::string new_text = "one\r\nvision here\r\ntwo\r\n";
  const std::string diff = UnifiedDiff(old_text, new_text, "f");
  EXPECT_NE(diff.find("@@ -1,4 +1,3 @@\n one\r\n-imaginative and\r\n-prescient here\r\n"
                      "+vision here\r\n two\r\n"),
            std::string::npos)
      << diff;
  EXPECT_EQ(ApplyPatch(old_text, diff), new_text);
}

TEST(UnifiedDiffTest, InsertionsAndDeletionsAtTheEnds) {
  const struct {
    std::string old_text, new_text;
  } cases[] = {
      {"", "a\nb\n"}, {"a\nb\n", ""}, {"b\n", "a\nb\n"}, {"a\n", "a\nb\n"}, {"a\nb\nc\n", "a\nc\n"},
  };
  for (const auto& c : cases) {
    const std::string diff = UnifiedDiff(c.old_text, c.new_text, "f");
    EXPECT_EQ(ApplyPatch(c.old_text, diff), c.new_text) << diff;
  }
  EXPECT_EQ(UnifiedDiff("", "a\n", "f"), "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n");
}

// Random edits: the diff applies and, under the search limit, is minimal in changed lines.
TEST(UnifiedDiffTest, RandomEditsRoundTrip) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> lines;
    const int n = rng() % 40;
    for (int i = 0; i < n; ++i) lines.push_back(absl::StrCat("l", rng() % 8, "\n"));
    std::vector<std::string> changed = lines;
    const int edits = rng() % 6;
    for (int e = 0; e < edits; ++e) {
      const int kind = rng() % 3;
      const size_t at = changed.empty() ? 0 : rng() % changed.size();
      if (kind == 0 || changed.empty()) {
        changed.insert(changed.begin() + at, absl::StrCat("new", rng() % 3, "\n"));
      } else if (kind == 1) {
        changed.erase(changed.begin() + at);
      } else {
        changed[at] = absl::StrCat("chg", rng() % 3, "\n");
      }
    }
    std::string old_text, new_text;
    for (const std::string& l : lines) old_text += l;
    for (const std::string& l : changed) new_text += l;
    for (int limit : {2000, 1}) {
      DiffOptions options;
      options.max_edit_lines = limit;
      options.context_lines = round % 4;
      const std::string diff = UnifiedDiff(old_text, new_text, "f", options);
      EXPECT_EQ(ApplyPatch(old_text, diff), new_text) << "limit " << limit << "\n" << diff;
    }
  }
}

TEST(UnifiedDiffTest, LargeInputWithFewChangesIsFast) {
  std::string old_text, new_text;
  for (int i = 0; i < 200000; ++i) {
    old_text += absl::StrCat("line ", i, "\n");
    new_text += i % 20000 == 7 ? absl::StrCat("changed ", i, "\n") : absl::StrCat("line ", i, "\n");
  }
  const std::string diff = UnifiedDiff(old_text, new_text, "f");
  EXPECT_EQ(ApplyPatch(old_text, diff), new_text);
  EXPECT_EQ(std::count(diff.begin(), diff.end(), '@'), 40);
}

}  // namespace
}  // namespace unspin
