#include "detector/spin/engine.h"

#include <thread>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/notification.h"
#include "detector/lexicon/data/builtin_swaps.h"
#include "detector/lexicon/data/builtin_terms.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/precomputed/startup_morphology.h"
#include "detector/rules/pack_parser.h"
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
  for (const EmbeddedFile& embedded : BuiltinPacks()) {
    UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(embedded.text, embedded.path));
    packs->push_back(std::move(pack));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> CuratedTerms(const std::vector<RulePack>& packs) {
  std::vector<std::string> terms;
  for (const EmbeddedFile& list : BuiltinTermLists()) {
    int line_number = 0;
    for (absl::string_view line : absl::StrSplit(list.text, '\n')) {
      ++line_number;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      if (line.find(' ') == absl::string_view::npos && line.find('-') == absl::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d: a term has two or more words, got \"%s\"", list.path, line_number, line));
      }
      terms.emplace_back(line);
    }
  }
  for (const RulePack& pack : packs) {
    for (const Rule& rule : pack.rules) {
      if (rule.replacement.find(' ') != std::string::npos) terms.push_back(rule.replacement);
    }
  }
  return terms;
}

absl::Status AddBuiltinSwapTables(Morphology* morphology, SwapIndex* swaps) {
  for (const EmbeddedFile& table : BuiltinSwapTables()) {
    UNSPIN_RETURN_IF_ERROR(
        swaps->AddTable(table.text, table.path, morphology, kSwapFromSpinnerTable));
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
  swaps_ = std::make_unique<SwapIndex>();
  UNSPIN_RETURN_IF_ERROR(AddBuiltinSwapTables(morphology_.get(), swaps_.get()));
  for (const std::string& path : options.corpus_lexicons) {
    UNSPIN_ASSIGN_OR_RETURN(PhraseLexicon lexicon, PhraseLexicon::Open(path));
    corpus_lexicons_.push_back(std::make_unique<PhraseLexicon>(std::move(lexicon)));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  // Start-up is most of the time `check` takes on a small file, and it has two independent
  // halves: a second thread creates the morphology (answers recorded at build time; Hunspell
  // loads only when asked something else, detector/lexicon/morphology_cache.h) and then loads
  // the lexicon's data, while this one parses the rule packs. Compiling the rules needs the
  // morphology. The halves write disjoint members; the morphology is thread-safe.
  absl::Status morphology_status;
  absl::Notification morphology_ready;
  absl::Status lexicon_status;
  std::thread loader([&] {
    absl::StatusOr<std::unique_ptr<Morphology>> morphology =
        CreateStartupMorphology(options.morphology);
    if (morphology.ok()) {
      engine->morphology_ = std::move(*morphology);
    } else {
      morphology_status = morphology.status();
    }
    morphology_ready.Notify();
    if (morphology_status.ok() && options.lexicon) {
      lexicon_status = engine->LoadLexiconData(options);
    }
  });
  absl::Cleanup join = [&loader] { loader.join(); };
  std::vector<RulePack> packs;
  if (options.builtin_packs) UNSPIN_RETURN_IF_ERROR(ParseBuiltinPacks(&packs));
  for (const std::string& file : options.rule_files) {
    UNSPIN_ASSIGN_OR_RETURN(std::string text, ReadFileToString(file));
    UNSPIN_ASSIGN_OR_RETURN(RulePack pack, ParseRulePack(text, file));
    packs.push_back(std::move(pack));
  }
  morphology_ready.WaitForNotification();
  UNSPIN_RETURN_IF_ERROR(morphology_status);
  UNSPIN_ASSIGN_OR_RETURN(engine->rules_,
                          RuleSet::Build(std::move(packs), engine->morphology_.get()));
  std::move(join).Invoke();
  UNSPIN_RETURN_IF_ERROR(lexicon_status);
  if (options.lexicon) {
    std::vector<const PhraseLexicon*> corpus_lexicons;
    for (const auto& lexicon : engine->corpus_lexicons_) corpus_lexicons.push_back(lexicon.get());
    // Every curated term (a rule pack's multiword restoration, the term list) is a phrase
    // somebody checked.
    UNSPIN_ASSIGN_OR_RETURN(const std::vector<std::string> terms,
                            CuratedTerms(engine->rules_->packs()));
    PhraseLexiconBuilder rule_phrases;
    PhraseInfo curated;
    curated.sources = kFromCurated;
    for (const std::string& term : terms) rule_phrases.Add(term, curated);
    UNSPIN_ASSIGN_OR_RETURN(PhraseLexicon rule_lexicon, rule_phrases.BuildLexicon());
    engine->rule_phrases_ = std::make_unique<PhraseLexicon>(std::move(rule_lexicon));
    engine->lexicon_ = std::make_unique<LexiconDetector>(
        engine->language_model_.get(), engine->swaps_.get(), engine->thesaurus_.get(),
        std::vector<const PhraseLexicon*>{engine->phrases_.get()}, engine->rule_phrases_.get(),
        corpus_lexicons, engine->inflections_.get(), engine->dictionary_words_.get(),
        options.lexicon_options);
    std::vector<const PhraseLexicon*> known_phrases{engine->phrases_.get()};
    known_phrases.insert(known_phrases.end(), corpus_lexicons.begin(), corpus_lexicons.end());
    engine->terms_ = std::make_unique<TermMatcher>(
        terms, engine->language_model_.get(), engine->swaps_.get(), engine->thesaurus_.get(),
        engine->inflections_.get(), std::move(known_phrases), options.term_options);
  }
  engine->detector_ = std::make_unique<Detector>(engine->rules_.get(), engine->lexicon_.get(),
                                                 engine->terms_.get(), options.detector);
  return engine;
}

}  // namespace unspin
