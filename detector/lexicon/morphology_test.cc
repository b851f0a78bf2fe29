#include "detector/lexicon/morphology.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unspin {
namespace {

using Forms = std::vector<std::string>;

TEST(InflectionCandidatesTest, SpellingRules) {
  struct Case {
    std::string word;
    Inflection inflection;
    Forms expected;
  };
  const Case cases[] = {
      {"visit", Inflection::kS, {"visits"}},
      {"reach", Inflection::kS, {"reaches"}},
      {"try", Inflection::kS, {"tries"}},
      {"stay", Inflection::kS, {"stays"}},
      {"hope", Inflection::kPast, {"hoped"}},
      {"stop", Inflection::kPast, {"stopped", "stoped"}},
      {"carry", Inflection::kPast, {"carried"}},
      {"make", Inflection::kGerund, {"making"}},
      {"die", Inflection::kGerund, {"dying"}},
      {"see", Inflection::kGerund, {"seeing"}},
      {"run", Inflection::kGerund, {"running", "runing"}},
      {"challenges", Inflection::kSingular, {"challeng", "challenge"}},
      {"policies", Inflection::kSingular, {"policy", "polici", "policie"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(InflectionCandidates(c.word, c.inflection), c.expected) << c.word;
  }
}

class MorphologyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = Morphology::Create({});
    ASSERT_TRUE(m.ok()) << m.status();
    morphology_ = m->release();
  }
  static Morphology* morphology_;
};
Morphology* MorphologyTest::morphology_ = nullptr;

TEST_F(MorphologyTest, InflectsRegularAndIrregularVerbsAndNouns) {
  struct Case {
    std::string word;
    Inflection inflection;
    Forms expected;
  };
  const Case cases[] = {
      {"seek", Inflection::kS, {"seeks"}},
      {"seek", Inflection::kPast, {"sought"}},
      {"seek", Inflection::kGerund, {"seeking"}},
      {"visit", Inflection::kPast, {"visited"}},
      {"stop", Inflection::kPast, {"stopped"}},
      {"stop", Inflection::kGerund, {"stopping"}},
      {"get", Inflection::kPast, {"got", "gotten"}},
      {"child", Inflection::kS, {"children"}},
      {"challenges", Inflection::kSingular, {"challenge"}},
      {"situations", Inflection::kSingular, {"situation"}},
      {"policies", Inflection::kSingular, {"policy"}},
      {"toe", Inflection::kGerund, {"toeing"}},
      {"position", Inflection::kPast, {"positioned"}},
      {"revel", Inflection::kPast, {"revelled", "reveled"}},
      {"imaginative", Inflection::kS, {}},
      {"prescient", Inflection::kPast, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(morphology_->Inflect(c.word, c.inflection), c.expected)
        << c.word << " " << static_cast<int>(c.inflection);
  }
}

TEST_F(MorphologyTest, BaseFormsAndLemmas) {
  EXPECT_TRUE(morphology_->IsBaseForm("seek"));
  EXPECT_FALSE(morphology_->IsBaseForm("sought"));
  EXPECT_FALSE(morphology_->IsBaseForm("mentioned"));
  EXPECT_FALSE(morphology_->IsBaseForm("closing"));
  EXPECT_TRUE(morphology_->IsBaseForm("visit"));
  EXPECT_TRUE(morphology_->IsBaseForm("give"));  // Hunspell also stems it to "g"
  EXPECT_TRUE(morphology_->IsBaseForm("toe"));
  EXPECT_EQ(morphology_->Lemmas("sought"), (Forms{"seek", "sought"}));
  EXPECT_EQ(morphology_->Lemmas("endured"), Forms{"endure"});
  EXPECT_TRUE(morphology_->IsWord("yr"));
  EXPECT_FALSE(morphology_->IsWord("seeked"));
}

TEST_F(MorphologyTest, PhrasePairsPairPastWithPastAndParticipleWithParticiple) {
  auto restored_for = [](const std::vector<PhraseVariant>& variants, const std::string& spun) {
    for (const PhraseVariant& v : variants) {
      if (v.spun.front() == spun) return v.restored.front();
    }
    return std::string("<none>");
  };
  const std::vector<PhraseVariant> same = InflectPhrasePair(
      *morphology_, {{"fall", "in", "need", "of"}, {"fall", "short", "of"}}, PairInflection::kVerb);
  EXPECT_EQ(restored_for(same, "fell"), "fell");
  EXPECT_EQ(restored_for(same, "fallen"), "fallen");
  const std::vector<PhraseVariant> other =
      InflectPhrasePair(*morphology_, {{"undertake"}, {"take", "on"}}, PairInflection::kVerb);
  EXPECT_EQ(restored_for(other, "undertook"), "took");
  EXPECT_EQ(restored_for(other, "undertaken"), "taken");
  EXPECT_EQ(restored_for(other, "undertakes"), "takes");
  const std::vector<PhraseVariant> nouns = InflectPhrasePair(
      *morphology_, {{"demanding", "situations"}, {"challenges"}}, PairInflection::kAuto);
  EXPECT_EQ(nouns.size(), 1u);
  EXPECT_EQ(nouns[0].spun.back(), "situation");
  EXPECT_EQ(nouns[0].restored.back(), "challenge");
}

TEST(TakesAnArticleTest, VowelSoundsWithExceptions) {
  for (const char* w : {"apple", "idea", "hour", "honest", "unprecedented", "old", "x-ray"}) {
    EXPECT_TRUE(TakesAnArticle(w)) << w;
  }
  for (const char* w : {"vision", "spy", "union", "user", "one", "european", ""}) {
    EXPECT_FALSE(TakesAnArticle(w)) << w;
  }
}

TEST(MorphologyCreateTest, MissingDictionaryIsAClearError) {
  MorphologyOptions options;
  options.hunspell_dic = "/nonexistent/en_US.dic";
  auto m = Morphology::Create(options);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("/nonexistent/en_US.dic: not found"), std::string::npos);
}

}  // namespace
}  // namespace unspin
