#include "detector/lexicon/thesaurus.h"

#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/thesaurus_builder.h"
#include "detector/lexicon/thesaurus_format.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

void AddSample(ThesaurusBuilder* b) {
  b->Add("Spy", "undercover agent", kFromMyThes | kSynonym | kNoun);
  b->Add("spy", "undercover agent", kFromWordNet | kSynonym | kNoun);
  b->Add("spy", "secret agent", kFromMyThes | kGeneric | kNoun);
  b->Add("feature-rich", "characteristic-wealthy", kFromAiksaurus | kSynonym);
  b->Add("Mata Hari", "spy", kFromMyThes | kSynonym | kNoun);
  b->Add("vision", "Vision", kFromMyThes | kSynonym);  // same key: dropped
  b->Add("", "spy", kFromMyThes | kSynonym);           // no key: dropped
}

const std::map<std::string, double> kFrequency = {
    {"spy", -3},       {"undercover agent", -6}, {"secret agent", -5},
    {"mata hari", -7}, {"feature - rich", -6},   {"characteristic - wealthy", -8},
};

Thesaurus BuildSample(const ThesaurusBuildOptions& options) {
  ThesaurusBuilder builder;
  AddSample(&builder);
  absl::StatusOr<std::string> image = builder.Build(options, nullptr);
  EXPECT_TRUE(image.ok()) << image.status();
  absl::StatusOr<Thesaurus> th = Thesaurus::FromImage(*image);
  EXPECT_TRUE(th.ok()) << th.status();
  return std::move(*th);
}

ThesaurusBuildOptions FrequencyOptions() {
  ThesaurusBuildOptions options;
  options.log_frequency = [](absl::string_view key) {
    auto it = kFrequency.find(std::string(key));
    return it == kFrequency.end() ? -20.0 : it->second;
  };
  return options;
}

TEST(ThesaurusTest, ForwardAndInvertedListsWithMergedFlags) {
  const Thesaurus th = BuildSample(FrequencyOptions());
  const uint32_t spy = th.Find("spy");
  const uint32_t agent = th.Find("undercover agent");
  const uint32_t secret = th.Find("secret agent");
  ASSERT_NE(spy, kNotFound);
  ASSERT_NE(agent, kNotFound);
  ASSERT_NE(secret, kNotFound);
  EXPECT_EQ(th.Find("vision"), kNotFound) << "a pair of one key with itself adds nothing";

  const auto forward = th.Synonyms(spy);
  ASSERT_EQ(forward.size(), 2u);
  const SynonymEntry* to_agent = th.FindSynonym(spy, agent);
  ASSERT_NE(to_agent, nullptr);
  EXPECT_EQ(to_agent->flags(), kFromMyThes | kFromWordNet | kSynonym | kNoun);
  EXPECT_EQ(th.FindSynonym(spy, secret)->flags(), kFromMyThes | kGeneric | kNoun);
  EXPECT_EQ(th.FindSynonym(agent, spy), nullptr) << "MyThes pairs are one-way";

  // Inverted: "undercover agent" can stand for "spy".
  const auto inverted = th.CanStandFor(agent);
  ASSERT_EQ(inverted.size(), 1u);
  EXPECT_EQ(inverted[0].phrase(), spy);
  EXPECT_EQ(inverted[0].flags(), to_agent->flags());
  // "spy" can stand for "mata hari", which lists it.
  ASSERT_EQ(th.CanStandFor(spy).size(), 1u);
  EXPECT_EQ(th.Phrase(th.CanStandFor(spy)[0].phrase()), "mata hari");
}

TEST(ThesaurusTest, KeysAreNormalizedLikeText) {
  const Thesaurus th = BuildSample(FrequencyOptions());
  const absl::string_view spun[] = {"characteristic", "-", "wealthy"};
  const uint32_t id = th.FindWords(spun);
  ASSERT_NE(id, kNotFound);
  EXPECT_EQ(th.Phrase(id), "characteristic - wealthy");
  EXPECT_EQ(th.Phrase(th.CanStandFor(id)[0].phrase()), "feature - rich");
  EXPECT_EQ(th.max_phrase_words(), 3);
  EXPECT_TRUE(th.PhraseFlags(id) & kMultiword);
  EXPECT_TRUE(th.PhraseFlags(th.Find("mata hari")) & kProperName);
  EXPECT_FALSE(th.PhraseFlags(th.Find("spy")) & kProperName) << "also spelled in lower case";
}

TEST(ThesaurusTest, KnowsWhichWindowsStartALongerPhrase) {
  const Thesaurus th = BuildSample(FrequencyOptions());
  struct Case {
    std::vector<absl::string_view> window;
    bool starts_longer;
  };
  const Case cases[] = {
      {{"undercover"}, true},
      {{"characteristic", "-"}, true},
      {{"characteristic"}, true},
      {{"undercover", "agent"}, false},  // a whole phrase, and none longer
      {{"spy"}, false},
      {{"agent"}, false},  // inside a phrase, not at its start
      {{"mata", "hari", "x"}, false},
      {{"characteristic", "-", "wealthy"}, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(th.StartsLongerPhrase(c.window), c.starts_longer) << absl::StrJoin(c.window, " ");
  }
}

TEST(ThesaurusTest, SynonymClassesClimbToFrequentStrongNeighbours) {
  struct Case {
    bool spy_is_function_word;
    std::map<std::string, std::string> expected;  // phrase -> class representative
  };
  const std::vector<Case> cases = {
      {false,
       {{"spy", "spy"},
        {"undercover agent", "spy"},
        {"mata hari", "spy"},
        {"secret agent", "secret agent"},  // generic term: not a strong relation
        {"characteristic - wealthy", "feature - rich"},
        {"feature - rich", "feature - rich"}}},
      {true,
       {{"spy", "spy"},
        {"undercover agent", "undercover agent"},
        {"mata hari", "mata hari"},  // its only strong neighbour, "spy", absorbs nobody
        {"characteristic - wealthy", "feature - rich"}}},
  };
  for (const Case& c : cases) {
    ThesaurusBuildOptions options = FrequencyOptions();
    if (c.spy_is_function_word) {
      options.is_function_word = [](absl::string_view key) { return key == "spy"; };
    }
    const Thesaurus th = BuildSample(options);
    for (const auto& [phrase, representative] : c.expected) {
      EXPECT_EQ(th.Phrase(th.SynonymClass(th.Find(phrase))), representative)
          << phrase << " (spy is a function word: " << c.spy_is_function_word << ")";
    }
  }
}

TEST(ThesaurusTest, ForeignImagesAreRejected) {
  DataFileWriter lm(kLanguageModelKind, 1);
  absl::StatusOr<Thesaurus> th = Thesaurus::FromImage(*lm.Serialize());
  ASSERT_FALSE(th.ok());
  EXPECT_NE(th.status().message().find("expected a thesaurus"), std::string::npos);
  // The right kind and version, but none of the sections.
  DataFileWriter empty(kThesaurusKind, thesaurus_format::kVersion);
  EXPECT_EQ(Thesaurus::FromImage(*empty.Serialize()).status().code(), absl::StatusCode::kDataLoss);
}

TEST(ThesaurusTest, DamagedPayloadNeverReadsOutOfBounds) {
  ThesaurusBuilder builder;
  AddSample(&builder);
  const std::string image = *builder.Build(FrequencyOptions(), nullptr);
  int opened = 0;
  for (size_t pos = 64; pos < image.size(); ++pos) {
    std::string damaged = image;
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5A);
    absl::StatusOr<Thesaurus> th = Thesaurus::FromImage(damaged);
    if (!th.ok()) continue;
    ++opened;
    for (uint32_t id = 0; id <= th->size(); ++id) {
      for (const SynonymEntry e : th->Synonyms(id)) th->Phrase(e.phrase());
      for (const SynonymEntry e : th->CanStandFor(id)) th->FindSynonym(e.phrase(), id);
      th->Phrase(th->SynonymClass(id));
      th->Find(th->Phrase(id));
      const absl::string_view key[] = {th->Phrase(id)};
      th->StartsLongerPhrase(key);
    }
  }
  EXPECT_GT(opened, 0);
}

// The compiled thesaurus: structural properties over the whole file.
class CompiledThesaurusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::string> dir = FindDataDir();
    ASSERT_TRUE(dir.ok()) << dir.status();
    absl::StatusOr<Thesaurus> th = Thesaurus::Open(DataFilePath(*dir, kThesaurusFile));
    ASSERT_TRUE(th.ok()) << th.status();
    th_ = new Thesaurus(std::move(*th));
  }
  static void TearDownTestSuite() { delete th_; }
  static Thesaurus* th_;
};
Thesaurus* CompiledThesaurusTest::th_ = nullptr;

TEST_F(CompiledThesaurusTest, HoldsAllThreeSources) {
  EXPECT_GT(th_->size(), 100000u);
  std::map<uint16_t, int> by_source;
  for (uint32_t id = 0; id < th_->size(); id += 7) {
    for (const SynonymEntry e : th_->Synonyms(id)) {
      for (uint16_t source : {kFromMyThes, kFromWordNet, kFromAiksaurus}) {
        by_source[source] += e.has(source);
      }
    }
  }
  for (const auto& [source, n] : by_source) EXPECT_GT(n, 10000) << source;
  EXPECT_TRUE(th_->VerifyPayload().ok());
}

TEST_F(CompiledThesaurusTest, InvertedIsTheTransposeOfForward) {
  std::mt19937 rng(5);
  for (int i = 0; i < 20000; ++i) {
    const uint32_t head = rng() % th_->size();
    const auto forward = th_->Synonyms(head);
    for (size_t k = 1; k < forward.size(); ++k) {
      ASSERT_LT(forward[k - 1].phrase(), forward[k].phrase()) << "sorted, no duplicates";
    }
    for (const SynonymEntry e : forward) {
      const auto back = th_->CanStandFor(e.phrase());
      auto it = std::find_if(back.begin(), back.end(),
                             [head](SynonymEntry b) { return b.phrase() == head; });
      ASSERT_NE(it, back.end()) << th_->Phrase(head) << " -> " << th_->Phrase(e.phrase());
      EXPECT_EQ(it->flags(), e.flags());
      // WordNet synsets and Aiksaurus groups are symmetric.
      if (e.has(kFromWordNet | kFromAiksaurus)) {
        const SynonymEntry* reverse = th_->FindSynonym(e.phrase(), head);
        ASSERT_NE(reverse, nullptr) << th_->Phrase(e.phrase()) << " -> " << th_->Phrase(head);
      }
    }
  }
}

TEST_F(CompiledThesaurusTest, EveryKeyIsFoundAndClassesAreFixpoints) {
  for (uint32_t id = 0; id < th_->size(); ++id) {
    const absl::string_view key = th_->Phrase(id);
    ASSERT_EQ(th_->Find(key), id) << key;
    ASSERT_EQ(key, absl::AsciiStrToLower(key)) << "keys are lower case";
    const uint32_t representative = th_->SynonymClass(id);
    ASSERT_LT(representative, th_->size());
    ASSERT_EQ(th_->SynonymClass(representative), representative) << key;
  }
}

TEST_F(CompiledThesaurusTest, MultiwordEntriesAreFoundFromTokens) {
  int checked = 0;
  for (uint32_t id = 0; id < th_->size() && checked < 5000; id += 3) {
    if (!(th_->PhraseFlags(id) & kMultiword)) continue;
    const std::string key(th_->Phrase(id));
    const std::vector<absl::string_view> words = absl::StrSplit(key, ' ');
    ASSERT_LE(static_cast<int>(words.size()), th_->max_phrase_words());
    ASSERT_EQ(th_->FindWords(words), id) << key;
    for (size_t k = 1; k < words.size(); ++k) {
      ASSERT_TRUE(th_->StartsLongerPhrase(absl::MakeConstSpan(words).first(k))) << key;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 5000);
}

}  // namespace
}  // namespace unspin
