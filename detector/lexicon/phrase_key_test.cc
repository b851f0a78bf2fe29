#include "detector/lexicon/phrase_key.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace {

TEST(NormalizePhraseTest, KeysMatchTokenizedText) {
  struct Case {
    std::string raw;
    std::string key;
  };
  const std::vector<Case> cases = {
      {"vision", "vision"},
      {"Mata Hari", "mata hari"},
      {"  imaginative   and\tprescient ", "imaginative and prescient"},
      {"take_a_breath", "take a breath"},
      {"feature-rich", "feature - rich"},
      {"China's", "china 's"},
      {"don\xE2\x80\x99t", "don't"},  // curly apostrophe folded
      {"", ""},
      {"   ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizePhrase(c.raw), c.key) << c.raw;
}

TEST(KeyWordCountTest, CountsSpaceSeparatedWords) {
  EXPECT_EQ(KeyWordCount(""), 0);
  EXPECT_EQ(KeyWordCount("spy"), 1);
  EXPECT_EQ(KeyWordCount("feature - rich"), 3);
}

}  // namespace
}  // namespace unspin
