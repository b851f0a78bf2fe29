// The Engine loads everything detection needs — the built-in rule packs, extra packs, the
// morphology that inflects rules — and owns the Detector built on them. It is what the CLI,
// dedup and tests create once per process.
//
//   unspin::EngineOptions options;
//   options.rule_files.push_back("my.rules");
//   absl::StatusOr<std::unique_ptr<unspin::Engine>> engine = unspin::Engine::Create(options);
//   if (!engine.ok()) ...  // "my.rules:3: unknown key 'afterr' ..."
//   unspin::DocumentReport report = (*engine)->detector().Check(doc);
#ifndef UNSPIN_DETECTOR_SPIN_ENGINE_H_
#define UNSPIN_DETECTOR_SPIN_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/rules/matcher.h"
#include "detector/spin/detector.h"
#include "detector/spin/lexicon_detector.h"
#include "detector/spin/term_index.h"
#include "detector/spin/term_matcher.h"

namespace unspin {

struct EngineOptions {
  // Load the packs compiled into the binary (rules/*.rules). Their restorations stay curated
  // terms for the lexicon detectors either way (compiled into curated.bin and terms.idx).
  bool builtin_packs = true;
  // Further pack files to load, in order.
  std::vector<std::string> rule_files;
  // Where the dictionaries for rule inflection are.
  MorphologyOptions morphology;
  // Load the language model, thesaurus and swap tables and run the lexicon detector. Needs the
  // compiled data directory (//detector/data).
  bool lexicon = true;
  // The data directory; empty: search as detector/lexicon/data_paths.h describes.
  std::string data_dir;
  // Phrase lexicons learned from the user's corpus (`unspin lexicon build`).
  std::vector<std::string> corpus_lexicons;
  // How the lexicon detector proposes swaps.
  LexiconOptions lexicon_options;
  // How spun curated terms are found.
  TermMatcherOptions term_options;
  // How the detector reports.
  DetectorOptions detector;
};

// The steps of Engine::Create that read what is compiled into the binary, callable on their own
// so that bench:hot_paths_benchmark times exactly what start-up does.
// Parses the built-in rule packs (rules/*.rules) and appends them to *packs.
absl::Status ParseBuiltinPacks(std::vector<RulePack>* packs);

class Engine {
 public:
  static absl::StatusOr<std::unique_ptr<Engine>> Create(const EngineOptions& options);

  const Detector& detector() const { return *detector_; }
  const RuleSet& rules() const { return *rules_; }
  // Null when options.lexicon was false.
  const LexiconDetector* lexicon() const { return lexicon_.get(); }

 private:
  Engine() = default;
  // Maps the compiled data (the swap index included) and the corpus lexicons.
  absl::Status LoadLexiconData(const EngineOptions& options);
  std::vector<const PhraseLexicon*> CorpusLexicons() const;
  // Builds the lexicon detector and the term matcher on the loaded data and user_terms_.
  absl::Status CreateLexiconDetectors(const EngineOptions& options);

  std::unique_ptr<Morphology> morphology_;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<LanguageModel> language_model_;
  std::unique_ptr<Thesaurus> thesaurus_;
  std::unique_ptr<PhraseLexicon> phrases_;
  std::unique_ptr<Thesaurus> inflections_;           // inflected thesaurus candidates
  std::unique_ptr<PhraseLexicon> dictionary_words_;  // lower-case dictionary words
  // The built-in curated terms (curated_terms.h, compiled into curated.bin).
  std::unique_ptr<PhraseLexicon> curated_phrases_;
  // The multiword restorations of the packs given as files, as keys and as a phrase lexicon
  // (null when there are none).
  std::vector<std::string> user_terms_;
  std::unique_ptr<PhraseLexicon> user_phrases_;
  // The built-in curated terms as a term index (terms.idx); the term matcher takes it over.
  std::unique_ptr<TermIndex> builtin_term_index_;
  std::vector<std::unique_ptr<PhraseLexicon>> corpus_lexicons_;
  std::unique_ptr<SwapIndex> swaps_;
  std::unique_ptr<LexiconDetector> lexicon_;
  std::unique_ptr<TermMatcher> terms_;
  std::unique_ptr<Detector> detector_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_ENGINE_H_
