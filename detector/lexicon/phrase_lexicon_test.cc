#include "detector/lexicon/phrase_lexicon.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "detector/lexicon/data_paths.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

PhraseInfo Info(uint32_t tags, uint32_t corpus, uint16_t senses, uint8_t pos, uint8_t sources) {
  PhraseInfo info;
  info.tag_count = tags;
  info.corpus_count = corpus;
  info.senses = senses;
  info.parts_of_speech = pos;
  info.sources = sources;
  return info;
}

TEST(PhraseLexiconBuilderTest, MergesEntriesUnderNormalizedKeys) {
  PhraseLexiconBuilder builder;
  builder.Add("take_part", Info(10, 0, 2, kPosVerb, kFromWordNetLemma));
  builder.Add("Take part", Info(5, 3, 1, kPosNoun, kFromCorpus));
  builder.Add("spy balloon", Info(0, 12, 0, 0, kFromCorpus));
  builder.Add("deep", Info(7, 0, 3, kPosAdjective, kFromWordNetLemma));
  builder.Add("   ", Info(1, 1, 1, 1, 1));  // no key: ignored
  EXPECT_EQ(builder.size(), 3u);
  absl::StatusOr<PhraseLexicon> lex = builder.BuildLexicon();
  ASSERT_TRUE(lex.ok()) << lex.status();
  const PhraseInfo* take_part = lex->Lookup("take part");
  ASSERT_NE(take_part, nullptr);
  EXPECT_EQ(take_part->tag_count, 15u);
  EXPECT_EQ(take_part->corpus_count, 3u);
  EXPECT_EQ(take_part->senses, 2u);
  EXPECT_EQ(take_part->parts_of_speech, kPosVerb | kPosNoun);
  EXPECT_EQ(take_part->sources, kFromWordNetLemma | kFromCorpus);
  EXPECT_EQ(lex->max_phrase_words(), 2);
}

TEST(PhraseLexiconTest, CanonicalPhrasesAreMultiwordEntries) {
  PhraseLexiconBuilder builder;
  builder.Add("spy balloon", Info(0, 12, 0, 0, kFromCorpus));
  builder.Add("deep", Info(7, 0, 3, kPosAdjective, kFromWordNetLemma));
  absl::StatusOr<PhraseLexicon> lex = builder.BuildLexicon();
  ASSERT_TRUE(lex.ok());
  struct Case {
    std::string words;  // space separated
    bool canonical;
    bool known;
  };
  const std::vector<Case> cases = {
      {"spy balloon", true, true},
      {"deep", false, true},  // known, but one word
      {"undercover agent balloon", false, false},
      {"spy", false, false},
      {"spy balloon episode", false, false},
  };
  for (const Case& c : cases) {
    const std::vector<absl::string_view> words = absl::StrSplit(c.words, ' ');
    EXPECT_EQ(lex->IsCanonicalPhrase(words), c.canonical) << c.words;
    EXPECT_EQ(lex->Lookup(words) != nullptr, c.known) << c.words;
  }
}

TEST(PhraseLexiconTest, WritesAndReopensFiles) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/user.lexicon";
  PhraseLexiconBuilder builder;
  builder.Add("spy balloon", Info(0, 12, 0, 0, kFromCorpus));
  ASSERT_TRUE(builder.WriteTo(path, "test corpus").ok());
  absl::StatusOr<PhraseLexicon> lex = PhraseLexicon::Open(path);
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_EQ(lex->Lookup("spy balloon")->corpus_count, 12u);
  EXPECT_TRUE(lex->VerifyPayload().ok());
  EXPECT_EQ(PhraseLexicon::Open(path + ".missing").status().code(), absl::StatusCode::kNotFound);
}

TEST(CompiledPhraseLexiconTest, HoldsWordNetLemmasWithCounts) {
  absl::StatusOr<std::string> dir = FindDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  absl::StatusOr<PhraseLexicon> lex = PhraseLexicon::Open(DataFilePath(*dir, kPhraseLexiconFile));
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_TRUE(lex->VerifyPayload().ok());
  int multiword = 0, tagged = 0;
  for (uint32_t id = 0; id < lex->size(); ++id) {
    const std::vector<absl::string_view> words = absl::StrSplit(lex->Key(id), ' ');
    ASSERT_EQ(lex->Lookup(words), &lex->Info(id)) << lex->Key(id);
    multiword += words.size() > 1;
    tagged += lex->Info(id).tag_count > 0;
    ASSERT_TRUE(lex->Info(id).sources & kFromWordNetLemma);
  }
  EXPECT_GT(multiword, 60000);  // WordNet 3.0 has ~64k multiword lemmas
  EXPECT_GT(tagged, 20000);
  // A frequent word carries far more SemCor tags than a rare one.
  ASSERT_NE(lex->Lookup("make"), nullptr);
  ASSERT_NE(lex->Lookup("aardvark"), nullptr);
  EXPECT_GT(lex->Lookup("make")->tag_count, 100 * std::max(1u, lex->Lookup("aardvark")->tag_count));
  EXPECT_GT(lex->Lookup("make")->senses, 40);
}

}  // namespace
}  // namespace unspin
