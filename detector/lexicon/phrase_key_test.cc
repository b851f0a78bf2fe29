#include "detector/lexicon/phrase_key.h"

#include <string>
#include <vector>

#include "detector/text/tokenizer.h"
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

// Keys of plain lower-case words (most curated terms) come out exactly as tokenized text does.
TEST(NormalizePhraseTest, PlainKeysAreTheirOwnKeys) {
  auto tokenized = [](const std::string& raw) {
    const TokenizedText tokens = Tokenize(raw);
    std::string key;
    for (size_t i = 0; i < tokens.tokens.size(); ++i) {
      if (i > 0) key += ' ';
      key += std::string(tokens.Norm(i));
    }
    return key;
  };
  for (const std::string raw :
       {"deep learning", "type 2 diabetes", "signal to noise ratio", "3d printing", "b2b",
        "deep  learning", " deep learning", "deep learning ", "k-means", "x"}) {
    EXPECT_EQ(NormalizePhrase(raw), tokenized(raw)) << raw;
  }
}

TEST(KeyWordCountTest, CountsSpaceSeparatedWords) {
  EXPECT_EQ(KeyWordCount(""), 0);
  EXPECT_EQ(KeyWordCount("spy"), 1);
  EXPECT_EQ(KeyWordCount("feature - rich"), 3);
}

}  // namespace
}  // namespace unspin
