#include "detector/spin/engine.h"

#include <thread>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/synchronization/notification.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/precomputed/startup_morphology.h"
#include "detector/rules/pack_parser.h"
#include "detector/spin/curated_terms.h"
#include "detector/util/file_io.h"
#include "detector/util/status_macros.h"
#include "rules/builtin_packs.h"

namespace unspin {
namespace {

// Opens `dir`/`file` with T::Open (a memory-mapped data file) into *out.
template <typename T>
absl::Status OpenDataFile(absl::string_view dir, absl::string_view file, std::unique_ptr<T>* out) {
  UNSPIN_ASSIGN_OR_RETURN(T data, T::Open(DataFilePath(dir, file)));
  *out = std::make_unique<T>(std::move(data));
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseBuiltinPacks(std::vector<RulePack>* packs) {
  // Their context patterns compile at first use: rules/packs_test.cc compiles every one.
  ParseOptions options;
  options.check_patterns = false;
  for (const EmbeddedFile& embedded : BuiltinPacks()) {
    UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(embedded.text, embedded.path, options));
    packs->push_back(std::move(pack));
  }
  return absl::OkStatus();
}

absl::Status Engine::LoadLexiconData(const EngineOptions& options) {
  DataDirOptions data_options;
  data_options.explicit_dir = options.data_dir;
  UNSPIN_ASSIGN_OR_RETURN(const std::string data_dir, FindDataDir(data_options));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kLanguageModelFile, &language_model_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kThesaurusFile, &thesaurus_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kPhraseLexiconFile, &phrases_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kInflectionsFile, &inflections_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kDictionaryWordsFile, &dictionary_words_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kCuratedTermsFile, &curated_phrases_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kTermIndexFile, &builtin_term_index_));
  UNSPIN_RETURN_IF_ERROR(OpenDataFile(data_dir, kSwapIndexFile, &swaps_));
  for (const std::string& path : options.corpus_lexicons) {
    UNSPIN_ASSIGN_OR_RETURN(PhraseLexicon lexicon, PhraseLexicon::Open(path));
    corpus_lexicons_.push_back(std::make_unique<PhraseLexicon>(std::move(lexicon)));
  }
  return absl::OkStatus();
}

std::vector<const PhraseLexicon*> Engine::CorpusLexicons() const {
  std::vector<const PhraseLexicon*> lexicons;
  for (const auto& lexicon : corpus_lexicons_) lexicons.push_back(lexicon.get());
  return lexicons;
}

absl::Status Engine::CreateLexiconDetectors(const EngineOptions& options) {
  // Every curated term is a phrase somebody checked: the built-in ones (curated.bin), and the
  // restorations of the user's own packs.
  std::vector<const PhraseLexicon*> canonical_lexicons{phrases_.get()};
  if (!user_terms_.empty()) {
    UNSPIN_ASSIGN_OR_RETURN(PhraseLexicon user_lexicon, CuratedPhrases(user_terms_).BuildLexicon());
    user_phrases_ = std::make_unique<PhraseLexicon>(std::move(user_lexicon));
    canonical_lexicons.push_back(user_phrases_.get());
  }
  lexicon_ = std::make_unique<LexiconDetector>(
      language_model_.get(), swaps_.get(), thesaurus_.get(), canonical_lexicons,
      curated_phrases_.get(), CorpusLexicons(), inflections_.get(), dictionary_words_.get(),
      options.lexicon_options);

  std::unique_ptr<TermIndex> index = std::move(builtin_term_index_);
  if (!user_terms_.empty()) {
    // The user's packs add terms: index them with the built-in ones (at run time, as build
    // time does for the built-in ones alone).
    std::vector<absl::string_view> terms;
    terms.reserve(curated_phrases_->size() + user_terms_.size());
    for (uint32_t id = 0; id < curated_phrases_->size(); ++id) {
      terms.push_back(curated_phrases_->Key(id));
    }
    terms.insert(terms.end(), user_terms_.begin(), user_terms_.end());
    UNSPIN_ASSIGN_OR_RETURN(TermIndex built, TermIndex::Build(terms));
    index = std::make_unique<TermIndex>(std::move(built));
  }
  std::vector<const PhraseLexicon*> known_phrases{phrases_.get()};
  for (const PhraseLexicon* lexicon : CorpusLexicons()) known_phrases.push_back(lexicon);
  terms_ = std::make_unique<TermMatcher>(std::move(*index), language_model_.get(), swaps_.get(),
                                         thesaurus_.get(), inflections_.get(),
                                         std::move(known_phrases), options.term_options);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  // Start-up is most of the time `check` takes on a small file, and it has two independent
  // halves: a second thread creates the morphology (answers recorded at build time; Hunspell
  // loads only when asked something else, detector/lexicon/morphology_cache.h) and maps the
  // lexicon's data (the swap index and the built-in terms' index included, compiled at build
  // time), while this one parses the rule packs. Compiling the rules needs the morphology;
  // the lexicon detectors need the terms of the user's packs, which this thread hands over
  // before compiling the rules. The halves write disjoint members; the morphology is
  // thread-safe.
  absl::Status morphology_status;
  absl::Notification morphology_ready;
  absl::Status lexicon_status;
  // The user's packs' multiword restorations (engine->user_terms_), written by this thread.
  absl::Notification terms_ready;
  std::thread loader([&] {
    absl::StatusOr<std::unique_ptr<Morphology>> morphology =
        CreateStartupMorphology(options.morphology);
    if (morphology.ok()) {
      engine->morphology_ = std::move(*morphology);
    } else {
      morphology_status = morphology.status();
    }
    morphology_ready.Notify();
    if (!morphology_status.ok() || !options.lexicon) return;
    lexicon_status = engine->LoadLexiconData(options);
    if (!lexicon_status.ok()) return;
    terms_ready.WaitForNotification();
    lexicon_status = engine->CreateLexiconDetectors(options);
  });
  absl::Cleanup join = [&loader] { loader.join(); };
  // Declared after `join`, so it runs first: the loader is never left waiting for the terms
  // when this thread returns early.
  absl::Cleanup release_loader = [&terms_ready] {
    if (!terms_ready.HasBeenNotified()) terms_ready.Notify();
  };
  std::vector<RulePack> packs;
  if (options.builtin_packs) UNSPIN_RETURN_IF_ERROR(ParseBuiltinPacks(&packs));
  for (const std::string& file : options.rule_files) {
    UNSPIN_ASSIGN_OR_RETURN(std::string text, ReadFileToString(file));
    UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(text, file));
    packs.push_back(std::move(pack));
  }
  if (options.lexicon) {
    // The built-in packs' terms are compiled into curated.bin.
    engine->user_terms_ = RestorationTerms(packs, packs.size() - options.rule_files.size());
  }
  terms_ready.Notify();
  morphology_ready.WaitForNotification();
  UNSPIN_RETURN_IF_ERROR(morphology_status);
  UNSPIN_ASSIGN_OR_RETURN(engine->rules_,
                          RuleSet::Build(std::move(packs), engine->morphology_.get()));
  std::move(join).Invoke();
  UNSPIN_RETURN_IF_ERROR(lexicon_status);
  engine->detector_ = std::make_unique<Detector>(engine->rules_.get(), engine->lexicon_.get(),
                                                 engine->terms_.get(), options.detector);
  return engine;
}

}  // namespace unspin
