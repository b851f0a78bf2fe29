#include "detector/dedup/canonicalizer.h"

#include "gtest/gtest.h"

namespace unspin {
namespace dedup {
namespace {

TEST(CanonicalizerTest, StemsInflectionsTogether) {
  const char* groups[][3] = {
      {"study", "studies", "studied"}, {"stop", "stopped", "stopping"}, {"make", "makes", "making"},
      {"match", "matches", "matched"}, {"quick", "quickly", "quick"},
  };
  for (const auto& g : groups) {
    EXPECT_EQ(StemWord(g[0]), StemWord(g[1])) << g[0] << " " << g[1];
    EXPECT_EQ(StemWord(g[0]), StemWord(g[2])) << g[0] << " " << g[2];
  }
  EXPECT_NE(StemWord("bus"), StemWord("bu"));
  EXPECT_EQ(StemWord("is"), "is");
}

TEST(CanonicalizerTest, VocabularyKnowsThesaurusWordsAndTheirInflections) {
  for (const char* w : {"vision", "prescient", "studying", "stakeholders", "balloons", "sought"}) {
    EXPECT_TRUE(InThesaurusVocabulary(w)) << w;
  }
  for (const char* w : {"zelenskyy", "cryptocurrencies", "qwertyuiop"}) {
    EXPECT_FALSE(InThesaurusVocabulary(w)) << w;
  }
}

TEST(CanonicalizerTest, RolesFollowDSpin) {
  auto c = NewBasicCanonicalizer();
  struct Case {
    const char* word;
    bool capitalized, sentence_start;
    WordRole role;
  };
  const Case cases[] = {
      {"the", false, false, WordRole::kStop},
      {"via", false, false, WordRole::kStop},
      {"vision", false, false, WordRole::kMutable},
      {"imaginative", false, false, WordRole::kMutable},
      {"paris", true, false, WordRole::kImmutable},     // a name mid-sentence
      {"however", true, true, WordRole::kMutable},      // capital only from the sentence start
      {"zelenskyy", true, true, WordRole::kImmutable},  // unknown word at a sentence start
      {"qwertyuiop", false, false, WordRole::kImmutable},
  };
  for (const Case& k : cases) {
    EXPECT_EQ(c->Classify(k.word, k.capitalized, k.sentence_start).role, k.role) << k.word;
  }
  EXPECT_EQ(c->Classify("studies", false, false).class_id,
            c->Classify("studying", false, false).class_id);
  EXPECT_NE(c->Classify("vision", false, false).class_id,
            c->Classify("sight", false, false).class_id);
}

TEST(CanonicalizerTest, SynonymClassesJoinWords) {
  BasicCanonicalizerOptions options;
  options.synonym_class = [](absl::string_view word) -> uint64_t {
    return word == "vision" || word == "sight" || word == "study" ? 17 : 0;
  };
  options.synonym_source = "test";
  auto c = NewBasicCanonicalizer(options);
  EXPECT_EQ(c->Classify("vision", false, false).class_id,
            c->Classify("sight", false, false).class_id);
  EXPECT_NE(c->Classify("vision", false, false).class_id,
            c->Classify("balloon", false, false).class_id);
  // "studies" is not in the table; its stem is.
  EXPECT_EQ(c->Classify("studies", false, false).class_id,
            c->Classify("sight", false, false).class_id);
  EXPECT_NE(c->Version(), NewBasicCanonicalizer()->Version());
}

}  // namespace
}  // namespace dedup
}  // namespace unspin
