#include "detector/spin/lexicon_detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/phrase_key.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/spin/curated_terms.h"
#include "detector/spin/engine.h"
#include "detector/spin/fix_policy.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

// The engine with the built-in swap tables and the compiled data (//detector/data).
class LexiconDetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions options;
    options.builtin_packs = false;  // the lexicon alone
    auto engine = Engine::Create(options);
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = engine->release();
  }

  // "window=>replacement" for each proposed swap.
  static std::vector<std::string> Swaps(const std::string& text, const LexiconDetector& lexicon) {
    const TokenizedText tokens = Tokenize(text);
    std::vector<LexiconCandidate> out;
    lexicon.Propose(tokens, &out);
    std::vector<std::string> swaps;
    for (const LexiconCandidate& c : out) {
      const size_t b = tokens.tokens[c.first_token].begin;
      const size_t e = tokens.tokens[c.end_token - 1].end;
      swaps.push_back(text.substr(b, e - b) + "=>" + c.replacement);
    }
    return swaps;
  }
  static std::vector<std::string> Swaps(const std::string& text) {
    return Swaps(text, *engine_->lexicon());
  }
  // No rule packs, and thesaurus candidates wherever both edges of a window are mildly surprising
  // (the strong gate relaxed to the mild one).
  static EngineOptions MildSurpriseSuffices() {
    EngineOptions options;
    options.builtin_packs = false;
    options.lexicon_options.thesaurus_strong_surprise_gate =
        options.lexicon_options.thesaurus_surprise_gate;
    return options;
  }
  static bool Has(const std::vector<std::string>& swaps, const std::string& swap) {
    return std::find(swaps.begin(), swaps.end(), swap) != swaps.end();
  }

  static Engine* engine_;
};
Engine* LexiconDetectorTest::engine_ = nullptr;

TEST_F(LexiconDetectorTest, RestoresTableSwapsAndComposesThem) {
  const struct {
    std::string text;
    std::string swap;
  } cases[] = {
      {"We share an imaginative and prescient for the city.",
       "an imaginative and prescient=>a vision"},
      {"In this paper, the resistant framework is examined in detail.",
       "resistant framework=>immune system"},
      {"We improve the user revel in on mobile phones.", "revel in=>experience"},
  };
  for (const auto& c : cases) {
    const std::vector<std::string> swaps = Swaps(c.text);
    EXPECT_TRUE(Has(swaps, c.swap)) << c.text << ": " << ::testing::PrintToString(swaps);
  }
}

TEST_F(LexiconDetectorTest, EvidenceFavoursTheRestoration) {
  const TokenizedText tokens = Tokenize("In this paper, the resistant framework is examined.");
  std::vector<LexiconCandidate> out;
  engine_->lexicon()->Propose(tokens, &out);
  ASSERT_FALSE(out.empty());
  const LexiconCandidate& c = out.front();
  EXPECT_GT(c.association_gain, 2.0);
  EXPECT_GT(c.raw_gain, 2.0);
  EXPECT_TRUE(c.repairs_phrase);  // "immune system" is a WordNet phrase
  EXPECT_EQ(c.window_words, 2);
}

TEST_F(LexiconDetectorTest, NamesQuotesAndNumbersAreNeverSwapped) {
  for (const std::string text :
       {"Imaginative And Prescient Ltd announced results.",
        "He said \u201cwe share an imaginative and prescient\u201d and left.",
        "The 2 sides met."}) {
    for (const std::string& swap : Swaps(text)) {
      EXPECT_EQ(swap.find("prescient=>"), std::string::npos) << text;
      EXPECT_NE(swap.rfind("2=>", 0), 0u) << text;
    }
  }
}

TEST_F(LexiconDetectorTest, CorpusLexiconMakesItsPhrasesCanonical) {
  PhraseLexiconBuilder builder;
  PhraseInfo info;
  info.sources = kFromCorpus;
  info.corpus_count = 50;
  builder.Add("resistant framework", info);
  auto corpus = builder.BuildLexicon();
  ASSERT_TRUE(corpus.ok());
  EngineOptions options;
  options.builtin_packs = false;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  // The same detector, with the corpus lexicon saying the wording is at home there.
  LexiconDetector with_corpus(*(*engine)->lexicon());
  const std::string text = "In this paper, the resistant framework is examined in detail.";
  EXPECT_TRUE(Has(Swaps(text, with_corpus), "resistant framework=>immune system"));
  with_corpus.AddCorpusLexicon(&*corpus);
  EXPECT_FALSE(Has(Swaps(text, with_corpus), "resistant framework=>immune system"));
}

TEST_F(LexiconDetectorTest, ATextWithoutFullStopsStaysLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "our customers revel in a fast checkout and ";
  const std::vector<std::string> swaps = Swaps(text);
  EXPECT_GT(swaps.size(), 1000u);  // every repetition is decoded, piece by piece
}

TEST_F(LexiconDetectorTest, CleanNewsStaysQuietInTheDetector) {
  const std::string clean =
      "Israeli airstrikes across the Gaza Strip kill at least 26 people. The African Union "
      "mission replaces the earlier one as the bloc's peacekeeping force in Somalia. Officials "
      "said the talks would continue next week in Doha, Qatar.";
  const DocumentReport report = engine_->detector().Check(Document("clean", clean));
  EXPECT_TRUE(report.findings.empty()) << report.findings.front().message;
}

// Spun curated terms: a table swap next to a word of the term is evidence on its own and its fix
// is safe; a thesaurus swap alone is a normal word choice as often as not, so it is reported
// only where the text around it is spun too.
TEST_F(LexiconDetectorTest, SpunTermsNeedTableSwapsOrSpinAround) {
  auto terms_in = [](const DocumentReport& report) {
    std::vector<std::string> out;
    for (const Finding& f : report.findings) {
      if (f.rule_id != "lexicon.term") continue;
      out.push_back(f.replacement +
                    (FixApplicability(f) == Applicability::kSafe ? " (safe)" : " (unsafe)"));
    }
    return out;
  };
  const Detector& detector = engine_->detector();
  EXPECT_EQ(terms_in(detector.Check(Document("t", "The random woodland classifier was accurate."))),
            std::vector<std::string>{"random forest classifier (safe)"});
  EXPECT_TRUE(
      terms_in(detector.Check(Document("t", "We trained it with unattended learning last year.")))
          .empty());
  EXPECT_EQ(terms_in(detector.Check(Document(
                "t", "The random woodland classifier beat unattended learning on every task."))),
            (std::vector<std::string>{"random forest classifier (safe)",
                                      "unsupervised learning (safe)"}));
}

// Thesaurus candidates need one strong break at an edge of the window: "optimistic impact"
// after "the" is only mildly surprising, so the default options leave it alone, and relaxing the
// strong gate to the mild one restores it ("positive impact").
TEST_F(LexiconDetectorTest, MildSurpriseAloneGetsNoThesaurusCandidates) {
  const std::string text = "In this paper, the optimistic impact is examined in detail.";
  EXPECT_FALSE(Has(Swaps(text), "optimistic=>positive"));
  auto relaxed = Engine::Create(MildSurpriseSuffices());
  ASSERT_TRUE(relaxed.ok()) << relaxed.status();
  EXPECT_TRUE(Has(Swaps(text, *(*relaxed)->lexicon()), "optimistic=>positive"));
}

// The detector keeps per-thread caches (prepared candidates, model lookups). They must change
// nothing: a worker thread finds what the main thread finds, and a detector never reads another
// detector's entries, even one with other options used before it on the same thread.
TEST_F(LexiconDetectorTest, CachesChangeNothing) {
  const std::vector<std::string> texts = {
      "In this paper, the optimistic impact is examined in detail.",  // a thesaurus swap
      "We share an imaginative and prescient for the city.",          // a table swap
      "Officials said the talks would continue next week."};
  // Mild surprise is enough here, so that "optimistic impact" gets thesaurus candidates.
  EngineOptions options = MildSurpriseSuffices();
  auto full = Engine::Create(options);
  ASSERT_TRUE(full.ok()) << full.status();
  options.lexicon_options.max_thesaurus_candidates = 1;  // only the most frequent candidate
  auto narrow = Engine::Create(options);
  ASSERT_TRUE(narrow.ok()) << narrow.status();
  auto run_all = [&texts](const LexiconDetector& lexicon) {
    std::vector<std::vector<std::string>> out;
    for (const std::string& text : texts) out.push_back(Swaps(text, lexicon));
    return out;
  };
  // References, each computed on a fresh thread (empty caches).
  std::vector<std::vector<std::string>> full_reference, narrow_reference;
  std::thread([&] { full_reference = run_all(*(*full)->lexicon()); }).join();
  std::thread([&] { narrow_reference = run_all(*(*narrow)->lexicon()); }).join();
  EXPECT_TRUE(Has(full_reference[0], "optimistic=>positive"))
      << ::testing::PrintToString(full_reference[0]);
  EXPECT_FALSE(Has(narrow_reference[0], "optimistic=>positive"));  // "positive" ranks lower
  // On this thread, alternating detectors, twice (the second time from warm caches).
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(run_all(*(*full)->lexicon()), full_reference) << "pass " << pass;
    EXPECT_EQ(run_all(*(*narrow)->lexicon()), narrow_reference) << "pass " << pass;
  }
}

// The data files that replace a dictionary at run time hold exactly what the dictionary says.
// The built-in terms are compiled into terms.idx; a pack given as a file adds its restorations
// as terms at start-up (the index is rebuilt with them).
TEST(UserTermsTest, APacksRestorationsBecomeTerms) {
  const std::string pack = ::testing::TempDir() + "/mine.rules";
  ASSERT_TRUE(
      WriteFileAtomically(pack,
                          "pack mine\nseverity warning\nconfidence 0.9\n\n"
                          "rule mine.zorblax: zorblax flux gizmo => zorblax flux capacitor\n"
                          "  example: The zorblax flux gizmo hummed. => The zorblax flux "
                          "capacitor hummed.\n")
          .ok());
  const std::string text = "The random woodland classifier beat the zorblax flux condenser.";
  auto restorations = [&](const EngineOptions& options) {
    auto engine = Engine::Create(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    std::vector<std::string> out;
    if (!engine.ok()) return out;
    for (const Finding& f : (*engine)->detector().Check(Document("t", text)).findings) {
      out.push_back(f.replacement);
    }
    return out;
  };
  EngineOptions options;
  options.builtin_packs = false;
  EXPECT_EQ(restorations(options), std::vector<std::string>{"random forest classifier"});
  options.rule_files.push_back(pack);
  EXPECT_EQ(restorations(options),
            (std::vector<std::string>{"random forest classifier", "zorblax flux capacitor"}));
}

TEST(CuratedTermsTest, TermListsAndRestorationsNormalizedOnceEach) {
  std::vector<RulePack> packs(1);
  for (const char* replacement :
       {"Feature-Rich learning", "Feature-Rich learning", "random forest", "device"}) {
    Rule rule;
    rule.replacement = replacement;
    packs[0].rules.push_back(std::move(rule));
  }
  absl::StatusOr<std::vector<std::string>> terms = CuratedTerms(packs);
  ASSERT_TRUE(terms.ok()) << terms.status();
  auto count = [&](const std::string& key) {
    return std::count(terms->begin(), terms->end(), key);
  };
  EXPECT_EQ(count("feature - rich learning"), 1) << "a rule restoration, as a key, once";
  EXPECT_EQ(count("random forest"), 1) << "in the term list and a rule: listed once";
  EXPECT_EQ(count("device"), 0) << "one-word restorations are no terms";
  EXPECT_GT(terms->size(), 10000u) << "the built-in term list";
}

TEST(InflectionsDataTest, RecordedAnswersAreTheDictionarysAnswers) {
  absl::StatusOr<std::string> dir = FindDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  absl::StatusOr<Thesaurus> thesaurus = Thesaurus::Open(DataFilePath(*dir, kThesaurusFile));
  ASSERT_TRUE(thesaurus.ok()) << thesaurus.status();
  absl::StatusOr<Thesaurus> inflections = Thesaurus::Open(DataFilePath(*dir, kInflectionsFile));
  ASSERT_TRUE(inflections.ok()) << inflections.status();
  absl::StatusOr<PhraseLexicon> words =
      PhraseLexicon::Open(DataFilePath(*dir, kDictionaryWordsFile));
  ASSERT_TRUE(words.ok()) << words.status();
  absl::StatusOr<std::unique_ptr<Morphology>> morphology = Morphology::Create(MorphologyOptions());
  ASSERT_TRUE(morphology.ok()) << morphology.status();

  for (const char* word : {"studying", "learns", "challenges", "sought", "visions", "managed",
                           "leadership", "quickly"}) {
    std::vector<std::string> expected;
    for (const std::string& c :
         LexiconDetector::InflectedCandidates(*thesaurus, **morphology, word)) {
      expected.push_back(NormalizePhrase(c));
    }
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    std::vector<std::string> recorded;
    const uint32_t id = inflections->Find(word);
    if (id != kNotFound) {
      for (const SynonymEntry& e : inflections->CanStandFor(id)) {
        recorded.emplace_back(inflections->Phrase(e.phrase()));
      }
    }
    std::sort(recorded.begin(), recorded.end());
    EXPECT_EQ(recorded, expected) << word;
    if (std::string(word) == "studying") {
      EXPECT_NE(std::find(recorded.begin(), recorded.end(), "learning"), recorded.end());
    }
  }
  for (const char* word : {"vision", "the", "sought", "alternate"}) {
    EXPECT_NE(words->Lookup(absl::string_view(word)), nullptr) << word;
    EXPECT_TRUE((*morphology)->IsWord(word)) << word;
  }
  for (const char* name : {"russia", "reuters", "putin"}) {
    EXPECT_EQ(words->Lookup(absl::string_view(name)), nullptr) << name;
    EXPECT_FALSE((*morphology)->IsWord(name)) << name;
  }
}

}  // namespace
}  // namespace unspin
