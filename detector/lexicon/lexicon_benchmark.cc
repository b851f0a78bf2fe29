// Startup and lookup costs of the compiled lexicon data, and the same work done by sphinxbase on
// the original model in the same process.
//
//   bazel run -c opt //detector/lexicon:lexicon_benchmark -- \
//       --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Queries are the word trigrams of WordNet's noun glosses (real English sentences that are on
// the machine), so the mix of stored trigrams, bigrams and backoffs is that of running text.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "benchmark/benchmark.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/log_prob_cache.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/sphinx_reference.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/text/tokenizer.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

constexpr char kSphinxModel[] = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
constexpr char kGlossSource[] = "/usr/share/wordnet/data.noun";
constexpr size_t kMaxWords = 200000;

std::string DataPath(const char* file) {
  absl::StatusOr<std::string> dir = FindDataDir();
  if (!dir.ok()) {
    fprintf(stderr, "%s\n", std::string(dir.status().message()).c_str());
    std::abort();
  }
  return DataFilePath(*dir, file);
}

// Lower-case word tokens of the glosses, sentence by sentence ("" separates sentences).
const std::vector<std::string>& GlossWords() {
  static const std::vector<std::string>* words = [] {
    auto* out = new std::vector<std::string>();
    absl::StatusOr<std::string> text = ReadFileToString(kGlossSource);
    if (!text.ok()) std::abort();
    size_t pos = 0;
    while (out->size() < kMaxWords) {
      const size_t bar = text->find(" | ", pos);
      if (bar == std::string::npos) break;
      const size_t end = text->find('\n', bar);
      const TokenizedText tokens = Tokenize(text->substr(bar + 3, end - bar - 3));
      for (size_t i = 0; i < tokens.tokens.size(); ++i) {
        if (tokens.tokens[i].is_word()) out->emplace_back(tokens.Norm(i));
      }
      out->emplace_back();
      pos = end;
    }
    return out;
  }();
  return *words;
}

const LanguageModel& Lm() {
  static const LanguageModel* lm =
      new LanguageModel(*LanguageModel::Open(DataPath(kLanguageModelFile)));
  return *lm;
}

const SphinxReference& Sphinx() {
  static const SphinxReference* sphinx = SphinxReference::Load(kSphinxModel)->release();
  return *sphinx;
}

struct Triple {
  uint32_t word, prev1, prev2;
};

// The same queries as ids of both models.
void MakeQueries(std::vector<Triple>* ours, std::vector<std::array<int32_t, 3>>* theirs) {
  const std::vector<std::string>& words = GlossWords();
  const LanguageModel& lm = Lm();
  const SphinxReference& sphinx = Sphinx();
  for (size_t i = 2; i < words.size(); ++i) {
    if (words[i].empty() || words[i - 1].empty() || words[i - 2].empty()) continue;
    const uint32_t w = lm.Find(words[i]);
    if (w == kUnknownWord) continue;
    ours->push_back({w, lm.Find(words[i - 1]), lm.Find(words[i - 2])});
    theirs->push_back({sphinx.Wid(words[i]), sphinx.Wid(words[i - 1]), sphinx.Wid(words[i - 2])});
  }
}

void BM_OpenLanguageModel(benchmark::State& state) {
  const std::string path = DataPath(kLanguageModelFile);
  const std::string probe = "year";
  for (auto _ : state) {
    absl::StatusOr<LanguageModel> lm = LanguageModel::Open(path);
    // First query included: it pays the first page faults.
    benchmark::DoNotOptimize(lm->LogProb(lm->Find(probe), lm->Find("last"), kNoWord));
  }
}
BENCHMARK(BM_OpenLanguageModel)->Unit(benchmark::kMicrosecond);

// Map and validate only: what Open itself costs, without the first page faults.
void BM_OpenLanguageModelNoQuery(benchmark::State& state) {
  const std::string path = DataPath(kLanguageModelFile);
  for (auto _ : state) {
    absl::StatusOr<LanguageModel> lm = LanguageModel::Open(path);
    benchmark::DoNotOptimize(lm->vocab_size());
  }
}
BENCHMARK(BM_OpenLanguageModelNoQuery)->Unit(benchmark::kMicrosecond);

void BM_OpenThesaurus(benchmark::State& state) {
  const std::string path = DataPath(kThesaurusFile);
  for (auto _ : state) {
    absl::StatusOr<Thesaurus> th = Thesaurus::Open(path);
    benchmark::DoNotOptimize(th->Synonyms(th->Find("vision")).size());
  }
}
BENCHMARK(BM_OpenThesaurus)->Unit(benchmark::kMicrosecond);

void BM_OpenPhraseLexicon(benchmark::State& state) {
  const std::string path = DataPath(kPhraseLexiconFile);
  for (auto _ : state) {
    absl::StatusOr<PhraseLexicon> lex = PhraseLexicon::Open(path);
    benchmark::DoNotOptimize(lex->Lookup("take part"));
  }
}
BENCHMARK(BM_OpenPhraseLexicon)->Unit(benchmark::kMicrosecond);

void BM_SphinxLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto sphinx = SphinxReference::Load(kSphinxModel);
    benchmark::DoNotOptimize(sphinx->get());
  }
}
BENCHMARK(BM_SphinxLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_LmFindWord(benchmark::State& state) {
  const std::vector<std::string>& words = GlossWords();
  const LanguageModel& lm = Lm();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(lm.Find(words[i]));
    if (++i == words.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LmFindWord);

void BM_SphinxFindWord(benchmark::State& state) {
  const std::vector<std::string>& words = GlossWords();
  const SphinxReference& sphinx = Sphinx();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sphinx.Wid(words[i]));
    if (++i == words.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SphinxFindWord);

void BM_LmLogProb(benchmark::State& state) {
  std::vector<Triple> ours;
  std::vector<std::array<int32_t, 3>> theirs;
  MakeQueries(&ours, &theirs);
  const LanguageModel& lm = Lm();
  size_t i = 0;
  for (auto _ : state) {
    const Triple& q = ours[i];
    benchmark::DoNotOptimize(lm.LogProb(q.word, q.prev1, q.prev2));
    if (++i == ours.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LmLogProb);

// The first range(0) of the same queries, cycled, through the detector's LogProbCache (2^16
// entries) and straight to the model: text repeats its trigrams, and a working set that fits
// the cache costs a hash and a compare per query; one that does not (all 146k queries) pays the
// model's lookup plus the cache's bookkeeping.
void LogProbWorkingSet(benchmark::State& state, bool cached) {
  std::vector<Triple> ours;
  std::vector<std::array<int32_t, 3>> theirs;
  MakeQueries(&ours, &theirs);
  ours.resize(std::min<size_t>(ours.size(), state.range(0)));
  LogProbCache cache(&Lm());
  size_t i = 0;
  for (auto _ : state) {
    const Triple& q = ours[i];
    benchmark::DoNotOptimize(cached ? cache.LogProb(q.word, q.prev1, q.prev2)
                                    : Lm().LogProb(q.word, q.prev1, q.prev2));
    if (++i == ours.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
void BM_LogProbWorkingSetModel(benchmark::State& state) { LogProbWorkingSet(state, false); }
void BM_LogProbWorkingSetCache(benchmark::State& state) { LogProbWorkingSet(state, true); }
BENCHMARK(BM_LogProbWorkingSetModel)->Arg(4096)->Arg(1 << 20);
BENCHMARK(BM_LogProbWorkingSetCache)->Arg(4096)->Arg(1 << 20);

void BM_SphinxLogProb(benchmark::State& state) {
  std::vector<Triple> ours;
  std::vector<std::array<int32_t, 3>> theirs;
  MakeQueries(&ours, &theirs);
  const SphinxReference& sphinx = Sphinx();
  size_t i = 0;
  for (auto _ : state) {
    const auto& q = theirs[i];
    benchmark::DoNotOptimize(sphinx.LogProbIds(q[0], q[1], q[2]));
    if (++i == theirs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SphinxLogProb);

void BM_ThesaurusCanStandFor(benchmark::State& state) {
  static const Thesaurus* th = new Thesaurus(*Thesaurus::Open(DataPath(kThesaurusFile)));
  const std::vector<std::string>& words = GlossWords();
  size_t i = 0;
  for (auto _ : state) {
    const uint32_t id = th->Find(words[i]);
    size_t n = 0;
    if (id != kNotFound) {
      for (const SynonymEntry e : th->CanStandFor(id)) n += e.has(kStrongRelations);
    }
    benchmark::DoNotOptimize(n);
    if (++i == words.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ThesaurusCanStandFor);

void BM_PhraseLexiconBigram(benchmark::State& state) {
  static const PhraseLexicon* lex =
      new PhraseLexicon(*PhraseLexicon::Open(DataPath(kPhraseLexiconFile)));
  const std::vector<std::string>& words = GlossWords();
  size_t i = 1;
  for (auto _ : state) {
    const absl::string_view pair[] = {words[i - 1], words[i]};
    benchmark::DoNotOptimize(lex->IsCanonicalPhrase(pair));
    if (++i == words.size()) i = 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhraseLexiconBigram);

}  // namespace
}  // namespace unspin

BENCHMARK_MAIN();
