#include "detector/spin/restorer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unspin {
namespace {

TEST(MatchCaseTest, Table) {
  const struct {
    std::string original, replacement, expected;
  } cases[] = {
      {"imaginative and prescient", "vision", "vision"},
      {"Imaginative and prescient", "vision", "Vision"},
      {"By the use of", "via", "Via"},
      {"BY THE USE OF", "via", "VIA"},
      {"undercover agent", "spy", "spy"},
      {"mentioned", "said", "said"},
      {"closing yr", "last year", "last year"},
      {"Closing yr", "last year", "Last year"},
      {"\u00e9tat", "state", "state"},
      {"\u00c9tat", "state", "State"},
      {"the us", "the U.S.", "the U.S."},  // the rule's own capitals survive
      {"A", "an", "An"},                   // one letter is not "all caps"
  };
  for (const auto& c : cases) {
    EXPECT_EQ(MatchCase(c.original, c.replacement), c.expected) << c.original;
  }
}

Finding At(size_t begin, size_t end, std::string replacement) {
  Finding f;
  f.source_begin = begin;
  f.source_end = end;
  f.replacement = std::move(replacement);
  return f;
}

TEST(ApplyRestorationsTest, ReplacesRangesAndKeepsEverythingElse) {
  const std::string source = "an alternate imaginative and prescient\r\nfor closing yr.";
  const size_t yr = source.find("closing yr");
  const size_t vision = source.find("imaginative");
  std::vector<Finding> findings = {At(yr, yr + 10, "last year"), At(vision, vision + 25, "vision")};
  EXPECT_EQ(ApplyRestorations(source, findings), "an alternate vision\r\nfor last year.");
}

TEST(ApplyRestorationsTest, SkipsOverlapsEmptyAndOutOfRange) {
  const std::string source = "abcdef";
  std::vector<Finding> findings = {At(0, 3, "X"), At(2, 4, "Y"), At(4, 5, ""), At(5, 99, "Z")};
  EXPECT_EQ(ApplyRestorations(source, findings), "Xdef");
  EXPECT_EQ(ApplyRestorations(source, {}), source);
}

}  // namespace
}  // namespace unspin
