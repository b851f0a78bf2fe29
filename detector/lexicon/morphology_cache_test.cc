#include "detector/lexicon/morphology_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace unspin {
namespace {

// A small Morphology with made-up answers, counting the questions that reach it.
class FakeMorphology : public Morphology {
 public:
  explicit FakeMorphology(int* questions) : questions_(questions) {}
  std::vector<std::string> Inflect(absl::string_view word, Inflection inflection) override {
    ++*questions_;
    if (word == "seek" && inflection == Inflection::kPast) return {"sought"};
    if (word == "go" && inflection == Inflection::kS) return {"goes", "gos"};
    return {};
  }
  bool IsBaseForm(absl::string_view word) override {
    ++*questions_;
    return word == "seek";
  }
  std::vector<std::string> Lemmas(absl::string_view word) override {
    ++*questions_;
    if (word == "sought") return {"seek"};
    return {};
  }
  bool IsWord(absl::string_view word) override {
    ++*questions_;
    return word != "zzxq";
  }

 private:
  int* questions_;
};

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(MorphologyCacheTest, RecordedAnswersComeBackWithoutTheRealMorphology) {
  int questions = 0;
  RecordingMorphology recorder(std::make_unique<FakeMorphology>(&questions));
  EXPECT_EQ(recorder.Inflect("seek", Inflection::kPast), std::vector<std::string>{"sought"});
  EXPECT_EQ(recorder.Inflect("go", Inflection::kS), (std::vector<std::string>{"goes", "gos"}));
  EXPECT_TRUE(recorder.Inflect("go", Inflection::kPast).empty());
  EXPECT_TRUE(recorder.IsBaseForm("seek"));
  EXPECT_FALSE(recorder.IsBaseForm("sought"));
  EXPECT_EQ(recorder.Lemmas("sought"), std::vector<std::string>{"seek"});
  EXPECT_FALSE(recorder.IsWord("zzxq"));
  EXPECT_EQ(questions, 7);
  const std::string answers = recorder.Serialize();

  // Dictionary files that exist but do not load: every miss gets "nothing known".
  MorphologyOptions options;
  options.hunspell_aff = WriteTemp("bad.aff", "not an affix file\n");
  options.hunspell_dic = WriteTemp("bad.dic", "");
  options.wordnet_dir = WriteTemp("no_wordnet", "");
  absl::StatusOr<std::unique_ptr<Morphology>> cached = CreateCachedMorphology(options, answers);
  ASSERT_TRUE(cached.ok()) << cached.status();
  Morphology& m = **cached;
  EXPECT_EQ(m.Inflect("seek", Inflection::kPast), std::vector<std::string>{"sought"});
  EXPECT_EQ(m.Inflect("go", Inflection::kS), (std::vector<std::string>{"goes", "gos"}));
  EXPECT_TRUE(m.Inflect("go", Inflection::kPast).empty());
  EXPECT_TRUE(m.IsBaseForm("seek"));
  EXPECT_FALSE(m.IsBaseForm("sought"));
  EXPECT_EQ(m.Lemmas("sought"), std::vector<std::string>{"seek"});
  EXPECT_FALSE(m.IsWord("zzxq"));
  EXPECT_EQ(questions, 7);  // none reached the fake again
}

TEST(MorphologyCacheTest, MissesGoToTheRealDictionaries) {
  // The real Debian dictionaries (hunspell-en-us), loaded only for the question not recorded.
  absl::StatusOr<std::unique_ptr<Morphology>> cached =
      CreateCachedMorphology(MorphologyOptions{}, "W\thouse\t0\n");
  ASSERT_TRUE(cached.ok()) << cached.status();
  EXPECT_FALSE((*cached)->IsWord("house"));  // the table wins, even when it says otherwise
  EXPECT_TRUE((*cached)->IsWord("garden"));
  const std::vector<std::string> lemmas = (*cached)->Lemmas("sought");
  EXPECT_NE(std::find(lemmas.begin(), lemmas.end(), "seek"), lemmas.end());
}

TEST(MorphologyCacheTest, ErrorsForMissingDictionariesAndMalformedTables) {
  MorphologyOptions missing;
  missing.hunspell_dic = "/nonexistent/en_US.dic";
  EXPECT_FALSE(CreateCachedMorphology(missing, "").ok());
  for (const char* bad : {"X\tword\t1\n", "W word 1\n", "Wx\tword\t1\n"}) {
    EXPECT_FALSE(CreateCachedMorphology(MorphologyOptions{}, bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace unspin
