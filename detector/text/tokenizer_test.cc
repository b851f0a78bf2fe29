#include "detector/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace unspin {
namespace {

std::vector<std::string> Norms(const TokenizedText& t) {
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) out.emplace_back(t.Norm(tok));
  return out;
}

std::vector<std::string> Surfaces(absl::string_view text, const TokenizedText& t) {
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) out.emplace_back(text.substr(tok.begin, tok.end - tok.begin));
  return out;
}

struct SplitCase {
  std::string text;
  std::vector<std::string> norms;
};

TEST(TokenizeTest, SplitsAndNormalizes) {
  const SplitCase cases[] = {
      {"Imaginative and Prescient", {"imaginative", "and", "prescient"}},
      {"China\u2019s chief", {"china", "'s", "chief"}},
      {"don't stop", {"don't", "stop"}},
      {"countries' leaders", {"countries", "'", "leaders"}},
      {"U.S.-led order", {"u", ".", "s", ".", "-", "led", "order"}},
      {"98 billion, 1,000.5 and 21st", {"98", "billion", ",", "1,000.5", "and", "21st"}},
      {"\u201Cballast stone\u201D", {"\"", "ballast", "stone", "\""}},
      {"multi\u2011polar \u2014 world", {"multi", "-", "polar", "\u2014", "world"}},
      {"CAF\u00C9 Na\u00EFve", {"caf\u00E9", "na\u00EFve"}},
      {"", {}},
  };
  for (const SplitCase& c : cases) {
    EXPECT_EQ(Norms(Tokenize(c.text)), c.norms) << c.text;
  }
}

TEST(NormalizedTokensTest, SameAsTokenizingThePhrase) {
  const struct {
    std::string phrase;
    std::vector<std::string> tokens;
  } cases[] = {
      {"imaginative and prescient", {"imaginative", "and", "prescient"}},
      {"  each  and every ", {"each", "and", "every"}},
      {"", {}},
      {"Imaginative", {"imaginative"}},
      {"U.S. army", {"u", ".", "s", ".", "army"}},
      {"china’s purpose-constructed", {"china", "'s", "purpose", "-", "constructed"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NormalizedTokens(c.phrase), c.tokens) << c.phrase;
    EXPECT_EQ(NormalizedTokens(c.phrase), Norms(Tokenize(c.phrase))) << c.phrase;
  }
}

TEST(TokenizeTest, OffsetsSliceTheOriginalMultiByteText) {
  const std::string text = "Xi\u2019s caf\u00E9 \u201Cna\u00EFve\u201D \U0001F600 end";
  const TokenizedText t = Tokenize(text);
  EXPECT_EQ(Surfaces(text, t),
            (std::vector<std::string>{"Xi", "\u2019s", "caf\u00E9", "\u201C", "na\u00EFve",
                                      "\u201D", "\U0001F600", "end"}));
}

TEST(TokenizeTest, FlagsCapitalizationAndSpace) {
  const TokenizedText t = Tokenize("NATO and Putin met");
  ASSERT_EQ(t.tokens.size(), 4u);
  EXPECT_TRUE(t.tokens[0].flags & kAllCaps);
  EXPECT_TRUE(t.tokens[0].capitalized());
  EXPECT_FALSE(t.tokens[1].capitalized());
  EXPECT_TRUE(t.tokens[2].capitalized());
  EXPECT_FALSE(t.tokens[2].flags & kAllCaps);
  EXPECT_FALSE(t.tokens[0].flags & kSpaceBefore);
  EXPECT_TRUE(t.tokens[1].flags & kSpaceBefore);
}

TEST(TokenizeTest, QuoteRegions) {
  const std::string text = "He said \u201Cwe are fair\u201D and left. She said \"so it goes\" too.";
  const TokenizedText t = Tokenize(text);
  std::vector<std::string> quoted;
  for (const Token& tok : t.tokens) {
    if (tok.in_quote()) quoted.emplace_back(t.Norm(tok));
  }
  EXPECT_EQ(quoted, (std::vector<std::string>{"we", "are", "fair", "so", "it", "goes"}));
}

TEST(TokenizeTest, UnclosedQuoteEndsAtParagraphBreak) {
  const TokenizedText t = Tokenize("\u201CAn open quote runs on.\n\nNext paragraph.");
  for (const Token& tok : t.tokens) {
    if (t.Norm(tok) == "runs") {
      EXPECT_TRUE(tok.in_quote());
    }
    if (t.Norm(tok) == "next") {
      EXPECT_FALSE(tok.in_quote());
    }
  }
}

TEST(TokenizeTest, SingleNewlineAfterFullStopEndsParagraph) {
  // One document per line, as in corpora: an unbalanced quote must not leak into the next line.
  const TokenizedText t = Tokenize("\"Unbalanced quote ends here.\nNext line is free.");
  for (const Token& tok : t.tokens) {
    if (t.Norm(tok) == "free") {
      EXPECT_FALSE(tok.in_quote());
    }
  }
}

TEST(TokenizeTest, SentencesAndSentenceStarts) {
  const std::string text =
      "Mr. Smith met the U.S. envoy. \u201CIt went well,\u201D he said! Then 3 left.";
  const TokenizedText t = Tokenize(text);
  ASSERT_EQ(t.sentences.size(), 3u);
  std::vector<std::string> starts;
  for (const Token& tok : t.tokens) {
    if (tok.sentence_start()) starts.emplace_back(t.Norm(tok));
  }
  // "It" follows an opening quote: its capital is no evidence of a name either.
  EXPECT_EQ(starts, (std::vector<std::string>{"mr", "it", "then"}));
  EXPECT_EQ(t.Norm(t.tokens[t.sentences[1].first_token]), "\"");
}

TEST(NormalizeIntoTest, MatchesTokenizerFolding) {
  std::string out;
  NormalizeInto("Each\u2019s", &out);
  EXPECT_EQ(out, "each's");
}

TEST(WordTypesTest, SameFormSameTypeAcrossTextsOfAThread) {
  TokenizedText first = Tokenize("The cat, the CAT and 42 cats.");
  TokenizedText second = Tokenize("A cat saw 42.");
  AssignWordTypes(&first);
  AssignWordTypes(&second);
  ASSERT_EQ(first.word_types.size(), first.tokens.size());
  const uint64_t space = CurrentWordTypeSpace();
  EXPECT_NE(space, 0u);
  EXPECT_EQ(first.word_type_space, space);
  // The, cat, ",", the, CAT, and, 42, cats, "."
  auto type = [&](const TokenizedText& t, size_t i) { return t.WordTypeFor(i, space); };
  EXPECT_EQ(type(first, 0), type(first, 3));              // "The", "the"
  EXPECT_EQ(type(first, 1), type(first, 4));              // "cat", "CAT"
  EXPECT_NE(type(first, 1), type(first, 7));              // "cat", "cats"
  EXPECT_EQ(type(first, 2), TokenizedText::kNoWordType);  // punctuation
  EXPECT_NE(type(first, 6), TokenizedText::kNoWordType);  // a number has a type
  EXPECT_EQ(type(second, 1), type(first, 1));             // "cat" in another text
  EXPECT_EQ(type(second, 3), type(first, 6));             // "42"
}

TEST(WordTypesTest, AnotherThreadsTypesAreNotUsed) {
  TokenizedText tokens = Tokenize("spun words");
  EXPECT_EQ(tokens.WordTypeFor(0, CurrentWordTypeSpace()), TokenizedText::kNoWordType);
  uint64_t other_space = 0;
  std::thread([&] {
    AssignWordTypes(&tokens);
    other_space = CurrentWordTypeSpace();
  }).join();
  EXPECT_NE(other_space, CurrentWordTypeSpace());
  EXPECT_EQ(tokens.WordTypeFor(0, CurrentWordTypeSpace()), TokenizedText::kNoWordType);
  EXPECT_NE(tokens.WordTypeFor(0, other_space), TokenizedText::kNoWordType);
}

}  // namespace
}  // namespace unspin
