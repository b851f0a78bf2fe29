#include "detector/lexicon/wordnet_sources.h"

#include <string>
#include <tuple>
#include <vector>

#include "detector/lexicon/phrase_lexicon.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

using Row = std::tuple<std::string, uint8_t, int>;

TEST(ParseWordNetIndexTest, ReadsLemmaPartOfSpeechAndSynsetCount) {
  const std::string text =
      "  1 This software and database is being provided to you, the LICENSEE, by\n"
      "break_down v 8 6 @ ~ > $ + ; 8 5 01103854 00643491 01784313 00434374 02041895 01370144 "
      "00209174 00030647  \n"
      "tall a 4 3 ! & = 4 1 02385102 02386612 01213603 02341266  \n";
  std::vector<Row> rows;
  ASSERT_TRUE(ParseWordNetIndex(text, "index.x", [&](absl::string_view lemma, uint8_t pos, int n) {
                rows.emplace_back(std::string(lemma), pos, n);
              }).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"break_down", kPosVerb, 8}, {"tall", kPosAdjective, 4}}));
}

TEST(ParseCntListTest, ReadsLemmaAndTagCountFromSenseKeys) {
  const std::string text =
      "long%3:00:02:: 1 282\n"
      "take_part%2:41:00:: 1 42\n"
      "tall%5:00:00:long:02 2 3\n";
  std::vector<Row> rows;
  ASSERT_TRUE(ParseCntList(text, "cntlist.rev", [&](absl::string_view lemma, uint8_t pos, int n) {
                rows.emplace_back(std::string(lemma), pos, n);
              }).ok());
  EXPECT_EQ(rows, (std::vector<Row>{{"long", kPosAdjective, 282},
                                    {"take_part", kPosVerb, 42},
                                    {"tall", kPosAdjective, 3}}));
}

TEST(WordNetSourcesTest, MalformedLinesNameFileAndLine) {
  const auto ignore_lemma = [](absl::string_view, uint8_t, int) {};
  struct Case {
    bool index;
    std::string text;
  };
  const std::vector<Case> cases = {
      {true, "tall q 4 3\n"}, {true, "tall a x 3\n"},          {true, "tall\n"},
      {false, "tall 1 3\n"},  {false, "tall%9:00:00:: 1 3\n"}, {false, "tall%3:00:00:: 1 many\n"},
  };
  for (const Case& c : cases) {
    const absl::Status s = c.index ? ParseWordNetIndex(c.text, "f", ignore_lemma)
                                   : ParseCntList(c.text, "f", ignore_lemma);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(s.message().find("f:1:"), std::string::npos) << s;
  }
}

}  // namespace
}  // namespace unspin
