#include "detector/lexicon/thesaurus_sources.h"

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "detector/lexicon/thesaurus.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

using Triple = std::tuple<std::string, std::string, uint16_t>;

struct Collector {
  std::set<Triple> pairs;
  SynonymPairSink sink() {
    return [this](absl::string_view head, absl::string_view synonym, uint16_t flags) {
      pairs.emplace(std::string(head), std::string(synonym), flags);
    };
  }
};

TEST(ParseMyThesTest, ReadsSensesRelationsAndPartsOfSpeech) {
  const std::string text =
      "UTF-8\n"
      "spy|2\n"
      "(noun)|undercover agent|secret agent (generic term)\n"
      "(verb)|snoop|watch (related term)|ignore (antonym)\n"
      "tall|1\n"
      "(adj)|high (similar term)\n";
  Collector c;
  ASSERT_TRUE(ParseMyThes(text, "th.dat", c.sink()).ok());
  const std::set<Triple> expected = {
      {"spy", "undercover agent", kFromMyThes | kSynonym | kNoun},
      {"spy", "secret agent", kFromMyThes | kGeneric | kNoun},
      {"spy", "snoop", kFromMyThes | kSynonym | kVerb},
      {"spy", "watch", kFromMyThes | kRelated | kVerb},
      {"tall", "high", kFromMyThes | kSimilar | kAdjective},
  };
  EXPECT_EQ(c.pairs, expected);
}

TEST(ParseMyThesTest, MalformedFilesNameTheLine) {
  struct Case {
    std::string text;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"UTF-8\nspy\n(noun)|agent\n", "th.dat:2:"},
      {"UTF-8\nspy|x\n", "th.dat:2:"},
      {"UTF-8\nspy|2\n(noun)|agent\n", "ends inside an entry"},
      {"UTF-8\nspy|1\nnoun|agent\n", "th.dat:3:"},
      {"KOI8-R\n", "encoding"},
  };
  for (const Case& c : cases) {
    Collector col;
    const absl::Status s = ParseMyThes(c.text, "th.dat", col.sink());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s;
  }
}

TEST(ParseWordNetDataTest, PairsEverySynsetMemberBothWays) {
  const std::string text =
      "  1 This software and database is being provided to you, the LICENSEE, by\n"
      "00001740 29 v 02 breathe 0 take_a_breath 0 001 @ 00001740 v 0000 | draw air\n"
      "00002000 00 s 02 tall(a) 0 big 1 000 | of great height\n"
      "00003000 00 n 01 lonely 0 000 | alone\n";
  Collector c;
  ASSERT_TRUE(ParseWordNetData(text, "data.verb", c.sink()).ok());
  const uint16_t verb = kFromWordNet | kSynonym | kVerb;
  const uint16_t adj = kFromWordNet | kSynonym | kAdjective;
  const std::set<Triple> expected = {
      {"breathe", "take_a_breath", verb},
      {"take_a_breath", "breathe", verb},
      {"tall", "big", adj},
      {"big", "tall", adj},
  };
  EXPECT_EQ(c.pairs, expected);
}

TEST(ParseWordNetDataTest, MalformedLinesAreErrors) {
  for (const std::string text : {"00001740 29 v zz breathe 0\n", "00001740 29 v 03 breathe 0\n",
                                 "00001740 29 q 01 breathe 0\n"}) {
    Collector c;
    const absl::Status s = ParseWordNetData(text, "data.verb", c.sink());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_NE(s.message().find("data.verb:1:"), std::string::npos) << s;
  }
}

// Aiksaurus files for three words in one meaning and one word alone.
std::string U16(uint16_t v) {
  return std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)};
}

TEST(ParseAiksaurusTest, PairsTheMembersOfEachMeaning) {
  using std::string;
  const string words = string("a:cappella") + '\0' + U16(0) + U16(0xFFFF) +  //
                       string("Advent") + '\0' + U16(0) + U16(0xFFFF) +      //
                       string("coming") + '\0' + U16(0) + U16(0xFFFF) +      //
                       string("zoo") + '\0' + U16(1) + U16(0xFFFF);
  const string meanings = U16(1) + U16(2) + U16(0) + U16(1) + U16(2) + U16(0xFFFF) +  //
                          U16(3) + U16(3) + U16(3) + U16(0xFFFF);
  Collector c;
  ASSERT_TRUE(ParseAiksaurus(words, meanings, c.sink()).ok());
  const uint16_t f = kFromAiksaurus | kSynonym;
  const std::set<Triple> expected = {
      {"a cappella", "Advent", f}, {"a cappella", "coming", f}, {"Advent", "a cappella", f},
      {"Advent", "coming", f},     {"coming", "a cappella", f}, {"coming", "Advent", f},
  };
  EXPECT_EQ(c.pairs, expected);
}

TEST(ParseAiksaurusTest, TruncatedOrInconsistentFilesAreErrors) {
  using std::string;
  const string words = string("zoo") + '\0' + U16(0) + U16(0xFFFF);
  struct Case {
    string words;
    string meanings;
    string message_part;
  };
  const std::vector<Case> cases = {
      {"zoo", "", "has no NUL"},
      {string("zoo") + '\0' + U16(0), "", "truncated"},
      {words, U16(0) + U16(0) + U16(0), "truncated"},
      {words, U16(0) + U16(0) + U16(7) + U16(0xFFFF), "names word 7"},
  };
  for (const Case& c : cases) {
    Collector col;
    const absl::Status s = ParseAiksaurus(c.words, c.meanings, col.sink());
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.message_part;
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s;
  }
}

}  // namespace
}  // namespace unspin
