#include "detector/lexicon/language_model.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/language_model_builder.h"
#include "detector/lexicon/sphinx_lm_reader.h"
#include "detector/lexicon/sphinx_reference.h"
#include "detector/lexicon/tiny_language_model.h"
#include "detector/util/file_io.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

constexpr char kSphinxModel[] = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

// Over the model of tiny_language_model.h, whose header shows the numbers these cases use.
TEST(LanguageModelTest, KatzBackoffOnEveryPath) {
  absl::StatusOr<LanguageModel> lm = LanguageModel::FromImage(TinyLanguageModelImage());
  ASSERT_TRUE(lm.ok()) << lm.status();
  struct Case {
    const char* query;  // "word | prev2 prev1"; "-" = no word, "zz" = unknown
    double expected;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"b | <s> a", -0.1, "stored trigram"},
      {"c | a b", -0.05, "stored trigram"},
      {"c | <s> b", -0.4, "bigram; context '<s> b' not stored, so no backoff weight"},
      {"b | c a", -0.2, "bigram; context 'c a' not stored"},
      {"c | <s> a", -0.25 - 0.9, "bigram plus backoff of the stored context '<s> a'"},
      {"a | a b", -0.15 - 0.4 - 0.5, "unigram plus backoffs of 'a b' and 'b'"},
      {"a | - b", -0.4 - 0.5, "unigram plus backoff of 'b'"},
      {"a | - -", -0.5, "unigram"},
      {"a | - zz", -0.5, "unknown history cuts the context"},
      {"b | zz a", -0.2, "unknown second history word: bigram only"},
      {"zz | a b", -1.2, "unknown word: rarest unigram"},
      {"</s> | a b", -0.15 - 0.4 - 1.0, "sentence end backs off"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> parts =
        absl::StrSplit(c.query, absl::ByAnyChar(" |"), absl::SkipEmpty());
    ASSERT_EQ(parts.size(), 3u) << c.query;
    auto id = [&lm](const std::string& w) { return w == "-" ? kNoWord : lm->Find(w); };
    EXPECT_NEAR(lm->LogProb(id(parts[0]), id(parts[2]), id(parts[1])), c.expected, 1e-6)
        << c.query << ": " << c.why;
  }
  EXPECT_NEAR(lm->unknown_log_prob(), -1.2, 1e-6);
  EXPECT_EQ(lm->Find("zz"), kUnknownWord);
  EXPECT_EQ(lm->Word(lm->Find("b")), "b");
  EXPECT_EQ(lm->vocab_size(), 5u);
  EXPECT_EQ(lm->bigram_count(), 4u);
  EXPECT_EQ(lm->trigram_count(), 2u);
}

TEST(LanguageModelTest, ScoreSequenceAddsSentenceMarkers) {
  absl::StatusOr<LanguageModel> lm = LanguageModel::FromImage(TinyLanguageModelImage());
  ASSERT_TRUE(lm.ok());
  const uint32_t words[] = {lm->Find("a"), lm->Find("b")};
  // P(a|<s>) + P(b|<s> a) + P(</s>|a b)
  EXPECT_NEAR(lm->ScoreSequence(words, {true, true}), -0.3 - 0.1 + (-0.15 - 0.4 - 1.0), 1e-6);
  // P(a) + P(b|a)
  EXPECT_NEAR(lm->ScoreSequence(words, {false, false}), -0.5 - 0.2, 1e-6);
  EXPECT_EQ(lm->ScoreSequence({}, {false, false}), 0.0);
}

TEST(LanguageModelBuilderTest, RejectsInconsistentModels) {
  struct Case {
    const char* name;
    void (*damage)(NGramModelData*);
  };
  const Case cases[] = {
      {"duplicate word", [](NGramModelData* m) { m->words[4] = "a"; }},
      {"no <s>", [](NGramModelData* m) { m->words[0] = "<start>"; }},
      {"trigram without bigram",
       [](NGramModelData* m) {
         m->trigrams.push_back({0, 4, 2, -1});
       }},
      {"duplicate bigram", [](NGramModelData* m) { m->bigrams.push_back(m->bigrams[0]); }},
      {"duplicate trigram", [](NGramModelData* m) { m->trigrams.push_back(m->trigrams[0]); }},
      {"word id out of range", [](NGramModelData* m) { m->bigrams[0].word = 99; }},
      {"unigram arrays", [](NGramModelData* m) { m->unigram_log_prob.pop_back(); }},
  };
  for (const Case& c : cases) {
    NGramModelData model = TinyNGramModel();
    c.damage(&model);
    EXPECT_EQ(BuildLanguageModelImage(model, {}, nullptr).status().code(),
              absl::StatusCode::kInvalidArgument)
        << c.name;
  }
}

TEST(LanguageModelTest, BadFilesAreClearErrors) {
  const std::string dir = std::getenv("TEST_TMPDIR");
  const std::string image = TinyLanguageModelImage();
  struct Case {
    std::string name;
    std::string contents;
    std::string message_part;
  };
  DataFileWriter other(kThesaurusKind, 1);
  const std::vector<Case> cases = {
      {"truncated.lm", image.substr(0, image.size() / 2), "truncated"},
      {"foreign.lm", "\\data\\\nngram 1=3\n" + std::string(100, ' '), "not an unspin"},
      {"thesaurus.lm", *other.Serialize(), "expected a language model"},
  };
  for (const Case& c : cases) {
    const std::string path = dir + "/" + c.name;
    ASSERT_TRUE(WriteFileAtomically(path, c.contents).ok());
    absl::StatusOr<LanguageModel> lm = LanguageModel::Open(path);
    ASSERT_FALSE(lm.ok()) << c.name;
    EXPECT_NE(lm.status().message().find(c.message_part), std::string::npos) << lm.status();
    EXPECT_NE(lm.status().message().find(path), std::string::npos) << lm.status();
  }
  EXPECT_EQ(LanguageModel::Open(dir + "/missing.lm").status().code(), absl::StatusCode::kNotFound);
}

TEST(LanguageModelTest, DamagedPayloadNeverReadsOutOfBounds) {
  // Open checks only the header, so flip payload bytes and query every word triple: answers may
  // be wrong, but nothing may crash (ASan: bazel test --config=asan). Every byte of the small
  // sections at both ends (parameters, unigrams; slots, vocabulary) is flipped, and a sample of
  // the 600 KB of probability tables between them.
  std::string damaged = TinyLanguageModelImage();
  int opened = 0;
  volatile double sink = 0;  // a flipped float may be any value, NaN included
  for (size_t pos = 64; pos < damaged.size();
       pos += (pos < 1536 || pos + 1536 > damaged.size()) ? 1 : 4099) {
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5A);
    struct Restore {
      std::string* s;
      size_t pos;
      ~Restore() { (*s)[pos] = static_cast<char>((*s)[pos] ^ 0x5A); }
    } restore{&damaged, pos};
    absl::StatusOr<LanguageModel> lm = LanguageModel::FromImage(damaged);
    if (!lm.ok()) continue;
    ++opened;
    for (uint32_t w = 0; w <= lm->vocab_size(); ++w) {
      for (uint32_t p1 = 0; p1 <= lm->vocab_size(); ++p1) {
        for (uint32_t p2 = 0; p2 <= lm->vocab_size(); ++p2) {
          sink = sink + lm->LogProb(w, p1, p2);
        }
      }
      lm->Word(w);
      lm->Find("b");
    }
  }
  EXPECT_GT(opened, 0);
}

// The compiled CMU model against sphinxbase itself.
class CompiledModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::string> dir = FindDataDir();
    ASSERT_TRUE(dir.ok()) << dir.status();
    absl::StatusOr<LanguageModel> lm = LanguageModel::Open(DataFilePath(*dir, kLanguageModelFile));
    ASSERT_TRUE(lm.ok()) << lm.status();
    lm_ = new LanguageModel(std::move(*lm));
    absl::StatusOr<std::unique_ptr<SphinxReference>> sphinx = SphinxReference::Load(kSphinxModel);
    ASSERT_TRUE(sphinx.ok()) << sphinx.status();
    sphinx_ = sphinx->release();
  }
  static void TearDownTestSuite() {
    delete lm_;
    delete sphinx_;
  }
  static LanguageModel* lm_;
  static SphinxReference* sphinx_;
};
LanguageModel* CompiledModelTest::lm_ = nullptr;
SphinxReference* CompiledModelTest::sphinx_ = nullptr;

TEST_F(CompiledModelTest, EqualsSphinxbaseOnEveryBackoffPath) {
  absl::StatusOr<NGramModelData> source = ReadSphinxTrieModel(kSphinxModel);
  ASSERT_TRUE(source.ok()) << source.status();
  const std::vector<LmQuery> queries = SampleLmQueries(*source, 5000, /*seed=*/12345);
  std::map<std::string, int> per_kind;
  double max_diff = 0;
  for (const LmQuery& q : queries) {
    const uint32_t w = lm_->Find(q.word);
    if (w == kUnknownWord) continue;
    const uint32_t p1 = q.prev1.empty() ? kNoWord : lm_->Find(q.prev1);
    const uint32_t p2 = q.prev2.empty() ? kNoWord : lm_->Find(q.prev2);
    const double ours = lm_->LogProb(w, p1, p2);
    const double theirs = sphinx_->LogProb(q.word, q.prev1, q.prev2);
    max_diff = std::max(max_diff, std::fabs(ours - theirs));
    ASSERT_NEAR(ours, theirs, 1e-3)
        << q.kind << ": " << q.word << " | " << q.prev2 << " " << q.prev1;
    ++per_kind[q.kind];
  }
  EXPECT_GE(per_kind.size(), 12u) << "every backoff path was exercised";
  for (const auto& [kind, n] : per_kind) EXPECT_GE(n, 1000) << kind;
  EXPECT_LT(max_diff, 1e-4);
  EXPECT_TRUE(lm_->VerifyPayload().ok());
}

// The trigram filter must pass every trigram the model stores (a false negative would silently
// back off): each one, looked up, gives its own probability.
TEST_F(CompiledModelTest, EveryStoredTrigramIsFound) {
  absl::StatusOr<NGramModelData> source = ReadSphinxTrieModel(kSphinxModel);
  ASSERT_TRUE(source.ok()) << source.status();
  std::vector<uint32_t> id(source->words.size());
  for (size_t i = 0; i < id.size(); ++i) id[i] = lm_->Find(source->words[i]);
  size_t checked = 0, wrong = 0;
  for (const NGramModelData::Trigram& t : source->trigrams) {
    const uint32_t w = id[t.word], h1 = id[t.history1], h2 = id[t.history2];
    if (w == kUnknownWord || h1 == kUnknownWord || h2 == kUnknownWord) continue;
    ++checked;
    if (std::fabs(lm_->LogProb(w, h1, h2) - t.log_prob) > 1e-4) ++wrong;
  }
  EXPECT_GT(checked, 1000000u);
  EXPECT_EQ(wrong, 0u);
}

TEST_F(CompiledModelTest, CanonicalPhrasesOutscoreSpunOnes) {
  // Pairs from ARCHITECTURE.md; each phrase's score must also equal sphinxbase's chain.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"spy balloon", "undercover agent balloon"},
      {"user experience", "consumer revel in"},
      {"computer vision", "laptop imaginative and prescient"},
      {"artificial intelligence", "counterfeit consciousness"},
      {"each other", "each and every different"},
  };
  auto score = [](const std::string& phrase, double* sphinx_score) {
    std::vector<std::string> words = absl::StrSplit(phrase, ' ');
    std::vector<uint32_t> ids;
    *sphinx_score = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      ids.push_back(lm_->Find(words[i]));
      *sphinx_score +=
          sphinx_->LogProb(words[i], i >= 1 ? words[i - 1] : "", i >= 2 ? words[i - 2] : "");
    }
    return lm_->ScoreSequence(ids, {});
  };
  for (const auto& [canonical, spun] : pairs) {
    double sphinx_canonical, sphinx_spun;
    const double c = score(canonical, &sphinx_canonical);
    const double s = score(spun, &sphinx_spun);
    EXPECT_NEAR(c, sphinx_canonical, 1e-3) << canonical;
    EXPECT_NEAR(s, sphinx_spun, 1e-3) << spun;
    EXPECT_GT(c, s + 1.0) << canonical << " vs " << spun;
  }
}

}  // namespace
}  // namespace unspin
