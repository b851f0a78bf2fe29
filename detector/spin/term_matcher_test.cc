#include "detector/spin/term_matcher.h"

#include <string>
#include <vector>

#include "detector/lexicon/language_model_builder.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/thesaurus_builder.h"
#include "detector/text/tokenizer.h"
#include "detector/util/file_io.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

// A language model that knows a few word pairs of normal English ("general health", "the
// woodland"), a thesaurus and a spinner table over the same words.
class TermMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NGramModelData data;
    data.words = {"<s>",          "</s>",       "the",      "general", "health",
                  "public",       "unattended", "learning", "random",  "arbitrary",
                  "forest",       "woodland",   "profound", "deep",    "machine",
                  "funding",      "support",    "for",      "study",   "of",
                  "unsupervised", "stowed",     "away",     "layer",   "hidden"};
    for (size_t i = 0; i < data.words.size(); ++i) {
      data.unigram_log_prob.push_back(-2.0f);
      data.unigram_log_backoff.push_back(-0.5f);
    }
    auto id = [&](const char* w) {
      return static_cast<uint32_t>(std::find(data.words.begin(), data.words.end(), w) -
                                   data.words.begin());
    };
    for (auto [a, b] : std::vector<std::pair<const char*, const char*>>{{"general", "health"},
                                                                        {"the", "woodland"},
                                                                        {"funding", "for"},
                                                                        {"study", "of"},
                                                                        {"stowed", "away"}}) {
      data.bigrams.push_back({id(a), id(b), -1.0f, 0.0f});
    }
    absl::StatusOr<std::string> lm_image = BuildLanguageModelImage(data, {}, nullptr);
    ASSERT_TRUE(lm_image.ok()) << lm_image.status();
    lm_image_ = *lm_image;
    absl::StatusOr<LanguageModel> lm = LanguageModel::FromImage(lm_image_);
    ASSERT_TRUE(lm.ok()) << lm.status();
    lm_ = std::make_unique<LanguageModel>(std::move(*lm));

    // Add(head, synonym): the synonym can stand for the head.
    ThesaurusBuilder builder;
    const uint16_t synonym = kFromMyThes | kSynonym;
    builder.Add("unsupervised", "unattended", synonym);
    builder.Add("public", "general", synonym);
    builder.Add("random", "arbitrary", synonym);
    builder.Add("deep", "profound", synonym);
    builder.Add("machine", "profound", synonym);
    builder.Add("support", "funding", synonym);
    builder.Add("learning", "erudition", synonym);
    absl::StatusOr<std::string> th_image = builder.Build({}, nullptr);
    ASSERT_TRUE(th_image.ok()) << th_image.status();
    thesaurus_image_ = *th_image;
    absl::StatusOr<Thesaurus> th = Thesaurus::FromImage(thesaurus_image_);
    ASSERT_TRUE(th.ok()) << th.status();
    thesaurus_ = std::make_unique<Thesaurus>(std::move(*th));

    SwapIndexBuilder swaps;
    ASSERT_TRUE(swaps
                    .AddTable("forest: woodland\nhidden: stowed away\n", "table.txt", nullptr,
                              kSwapFromSpinnerTable)
                    .ok());
    absl::StatusOr<SwapIndex> built = swaps.Build();
    ASSERT_TRUE(built.ok()) << built.status();
    swaps_ = std::make_unique<SwapIndex>(std::move(*built));
    PhraseLexiconBuilder known;
    known.Add("profound study", PhraseInfo{});
    absl::StatusOr<PhraseLexicon> lexicon = known.BuildLexicon();
    ASSERT_TRUE(lexicon.ok()) << lexicon.status();
    known_ = std::make_unique<PhraseLexicon>(std::move(*lexicon));
  }

  static TermIndex Index(const std::vector<std::string>& terms) {
    const std::vector<absl::string_view> keys(terms.begin(), terms.end());
    absl::StatusOr<TermIndex> index = TermIndex::Build(keys);
    EXPECT_TRUE(index.ok()) << index.status();
    return std::move(*index);
  }

  TermMatcher Matcher(const std::vector<std::string>& terms) {
    return TermMatcher(Index(terms), lm_.get(), swaps_.get(), thesaurus_.get(), nullptr,
                       {known_.get()}, TermMatcherOptions{});
  }

  // The matches in `text` as "window => term" strings, then "?" when other terms fit too,
  // "anchored" when a term word stands as written, "table" when every swap is a table swap.
  std::vector<std::string> Matches(const std::vector<std::string>& terms, const std::string& text) {
    return Matches(Matcher(terms), text);
  }
  static std::vector<std::string> Matches(const TermMatcher& matcher, const std::string& text) {
    const TokenizedText tokens = Tokenize(text);
    std::vector<TermMatch> matches;
    matcher.Match(tokens, &matches);
    std::vector<std::string> out;
    for (const TermMatch& m : matches) {
      const std::string window(
          text.substr(tokens.tokens[m.first_token].begin,
                      tokens.tokens[m.end_token - 1].end - tokens.tokens[m.first_token].begin));
      out.push_back(window + " => " + m.term + (m.readings > 1 ? " ?" : "") +
                    (m.anchored ? " anchored" : "") + (m.table_swaps_only ? " table" : ""));
    }
    return out;
  }

  std::string lm_image_, thesaurus_image_;
  std::unique_ptr<LanguageModel> lm_;
  std::unique_ptr<Thesaurus> thesaurus_;
  std::unique_ptr<SwapIndex> swaps_;
  std::unique_ptr<PhraseLexicon> known_;
};

TEST_F(TermMatcherTest, FindsSpunTermsAndLeavesNormalEnglish) {
  struct Case {
    const char* why;
    std::vector<std::string> terms;
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"a thesaurus swap next to a word of the term, breaking a pair the model lacks",
       {"unsupervised learning"},
       "We use unattended learning here.",
       {"unattended learning => unsupervised learning anchored"}},
      {"the restoration keeps the text's hyphen-free form and is found mid-sentence",
       {"unsupervised learning", "random forest"},
       "Both unattended learning and a random woodland work.",
       {"unattended learning => unsupervised learning anchored",
        "random woodland => random forest anchored table"}},
      {"a pair the model knows is normal English, not a spun term",
       {"public health"},
       "His general health improved.",
       {}},
      {"every word swapped, one of them only by the thesaurus: found, with nothing to anchor it",
       {"random forest"},
       "An arbitrary woodland grew.",
       {"arbitrary woodland => random forest"}},
      {"a plural word ends a term through its singular, and the restoration keeps the number",
       {"random forest", "unsupervised learning"},
       "Two random woodlands and unattended learnings.",
       {"random woodlands => random forests anchored table",
        "unattended learnings => unsupervised learnings anchored"}},
      {"a spun form of several words stands for one term word",
       {"hidden layer"},
       "Each stowed away layer learns.",
       {"stowed away layer => hidden layer anchored table"}},
      {"the term as written is not spun",
       {"unsupervised learning"},
       "We use unsupervised learning here.",
       {}},
      {"quoted speech is left alone",
       {"unsupervised learning"},
       "She said \"unattended learning\" twice.",
       {}},
      {"a window that is itself a known phrase is left alone",
       {"deep study"},
       "A profound study followed.",
       {}},
      {"terms with a function word at an edge are not indexed",
       {"support for"},
       "There was funding for it.",
       {}},
      {"two terms fit the window equally well",
       {"deep learning", "machine learning"},
       "They apply profound learning.",
       {"profound learning => deep learning ? anchored"}},
      {"a title-case window with a swap in it is a name, not a spun term",
       {"unsupervised learning"},
       "The Unattended Learning Trust met.",
       {}},
      {"one capitalized word inside a sentence may still be a swap",
       {"unsupervised learning"},
       "We use Unattended learning here.",
       {"Unattended learning => unsupervised learning anchored"}},
      {"swaps alone may tie a window to one term",
       {"deep learning"},
       "They apply profound erudition.",
       {"profound erudition => deep learning"}},
      {"swaps alone that tie a window to several terms say nothing about which",
       {"deep learning", "machine learning"},
       "They apply profound erudition.",
       {}},
      {"a window does not cross sentences",
       {"unsupervised learning"},
       "It ran unattended. Learning came later.",
       {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Matches(c.terms, c.text), c.want) << c.why << ": " << c.text;
  }
}

// The matcher remembers the first step of its search by word pair; what it finds must not
// depend on where or how often a pair was met before.
TEST_F(TermMatcherTest, RepeatedWordPairsMatchAsTheFirstTime) {
  const TermMatcher matcher = Matcher({"unsupervised learning", "random forest", "hidden layer"});
  const std::string text =
      "She said \"unattended learning\" twice. We use unattended learning here. The Unattended "
      "Learning Trust met. Each stowed away layer and stowed away layers learn. An arbitrary "
      "woodland and arbitrary woodlands grew.";
  const std::vector<std::string> want = {"unattended learning => unsupervised learning anchored",
                                         "stowed away layer => hidden layer anchored table",
                                         "stowed away layers => hidden layers anchored table",
                                         "arbitrary woodland => random forest",
                                         "arbitrary woodlands => random forests"};
  EXPECT_EQ(Matches(matcher, text), want);
  EXPECT_EQ(Matches(matcher, text), want) << "the second pass reads the cached steps";
}

TEST_F(TermMatcherTest, IndexesTermsOfTwoOrMoreWordsOnce) {
  const TermIndex index = Index({"random forest", "analysis", "support for", "random forest"});
  EXPECT_EQ(index.term_count(), 1u)
      << "one word is no term, nor one ending in a function word; a term listed twice is one";
  const int32_t random = index.Child(0, index.FindWord("random"));
  ASSERT_GE(random, 0);
  const int32_t forest = index.Child(random, index.FindWord("forest"));
  ASSERT_GE(forest, 0);
  EXPECT_EQ(index.Term(index.TermAt(forest)), "random forest");
  EXPECT_EQ(index.TermAt(random), -1);
  EXPECT_EQ(index.FindWord("woodland"), kNotFound);
}

// The built-in index is compiled to a file and mapped; it must read back as built.
TEST_F(TermMatcherTest, IndexImageReadsBackFromAFile) {
  const std::vector<absl::string_view> keys = {"random forest", "random walk", "deep learning"};
  absl::StatusOr<std::string> image = TermIndex::BuildImage(keys);
  ASSERT_TRUE(image.ok()) << image.status();
  const std::string path = ::testing::TempDir() + "/terms.idx";
  ASSERT_TRUE(WriteFileAtomically(path, *image).ok());
  absl::StatusOr<TermIndex> index = TermIndex::Open(path);
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ(index->term_count(), 3u);
  const int32_t random = index->Child(0, index->FindWord("random"));
  ASSERT_GE(random, 0);
  EXPECT_EQ(index->Children(random).size(), 2u) << "forest, walk";
  ASSERT_TRUE(WriteFileAtomically(path, image->substr(0, image->size() / 2)).ok());
  EXPECT_FALSE(TermIndex::Open(path).ok()) << "a truncated index is an error, not a crash";
}

}  // namespace
}  // namespace unspin
