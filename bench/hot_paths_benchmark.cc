// Google Benchmark for the hot paths of `unspin check`: tokenizing, rule matching, the lexicon
// detector (reported per word) and the whole detector, on generated news-style text with spun
// phrases from the built-in packs. Run:
//   bazel run -c opt //bench:hot_paths_benchmark
// The lexicon benchmarks need the compiled data (//detector/data, found through the runfiles or
// $UNSPIN_DATA_DIR); without it they are skipped.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/precomputed/startup_morphology.h"
#include "detector/spin/curated_terms.h"
#include "detector/spin/engine.h"
#include "detector/spin/term_index.h"
#include "detector/text/document.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace {

// About `bytes` of prose: sentences from a small grammar, every eighth with a spun phrase.
std::string MakeText(size_t bytes) {
  static const char* const kSubjects[] = {"The minister", "Officials",   "The company", "Analysts",
                                          "Residents",    "The council", "Investors",   "Critics"};
  static const char* const kVerbs[] = {"said", "warned", "reported", "argued", "expected", "noted"};
  static const char* const kObjects[] = {"the new policy", "prices",    "the budget", "the plan",
                                         "the agreement",  "the talks", "growth",     "exports"};
  static const char* const kTails[] = {"on Monday",  "last week",          "in the capital",
                                       "this month", "according to Smith", "after the meeting"};
  static const char* const kSpun[] = {"imaginative and prescient",
                                      "closing yr",
                                      "by the use of",
                                      "undercover agent balloon",
                                      "each and every different",
                                      "synthetic intelligence",
                                      "consumer revel in"};
  std::mt19937 rng(7);
  std::string text;
  int sentence = 0;
  while (text.size() < bytes) {
    text += kSubjects[rng() % 8];
    text += ' ';
    text += kVerbs[rng() % 6];
    text += ' ';
    if (++sentence % 8 == 0) {
      text += kSpun[rng() % 7];
      text += ' ';
    }
    text += kObjects[rng() % 8];
    text += ' ';
    text += kTails[rng() % 6];
    text += sentence % 5 == 0 ? ".\n\n" : ". ";
  }
  return text;
}

size_t CountWords(const TokenizedText& t) {
  size_t n = 0;
  for (const Token& tok : t.tokens) n += tok.kind != TokenKind::kPunct;
  return n;
}

const Engine* GetEngine(bool lexicon) {
  static std::unique_ptr<Engine> engines[2];
  static bool tried[2] = {false, false};
  if (!tried[lexicon]) {
    tried[lexicon] = true;
    EngineOptions options;
    options.lexicon = lexicon;
    absl::StatusOr<std::unique_ptr<Engine>> e = Engine::Create(options);
    if (e.ok()) engines[lexicon] = std::move(*e);
  }
  return engines[lexicon].get();
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = MakeText(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(Tokenize(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Tokenize)->Arg(2 << 10)->Arg(1 << 20);

void BM_RuleMatch(benchmark::State& state) {
  const Engine* engine = GetEngine(false);
  if (engine == nullptr) return state.SkipWithError("cannot create the engine");
  const std::string text = MakeText(1 << 20);
  const TokenizedText tokens = Tokenize(text);
  std::vector<RuleMatch> matches;
  for (auto _ : state) {
    matches.clear();
    engine->rules().Match(tokens, text, &matches);
    benchmark::DoNotOptimize(matches.data());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["variants"] = engine->rules().variant_count();
  state.counters["matches"] = matches.size();
}
BENCHMARK(BM_RuleMatch);

// The lexicon detector alone, per word.
void BM_LexiconPropose(benchmark::State& state) {
  const Engine* engine = GetEngine(true);
  if (engine == nullptr || engine->lexicon() == nullptr) {
    return state.SkipWithError("no lexicon data (build //detector/data or set UNSPIN_DATA_DIR)");
  }
  const std::string text = MakeText(64 << 10);
  const TokenizedText tokens = Tokenize(text);
  const size_t words = CountWords(tokens);
  std::vector<LexiconCandidate> candidates;
  for (auto _ : state) {
    candidates.clear();
    engine->lexicon()->Propose(tokens, &candidates);
    benchmark::DoNotOptimize(candidates.data());
  }
  state.SetItemsProcessed(state.iterations() * words);  // items = words
  state.counters["ns_per_word"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}
BENCHMARK(BM_LexiconPropose)->Unit(benchmark::kMillisecond);

// The whole detector (tokenize, rules, lexicon, overlap resolution, findings) on 64 KB.
void BM_DetectorCheck(benchmark::State& state) {
  const bool lexicon = state.range(0) != 0;
  const Engine* engine = GetEngine(lexicon);
  if (engine == nullptr) return state.SkipWithError("cannot create the engine (lexicon data?)");
  const Document doc("bench.txt", MakeText(64 << 10));
  for (auto _ : state) benchmark::DoNotOptimize(engine->detector().Check(doc));
  state.SetBytesProcessed(state.iterations() * doc.text().size());
}
BENCHMARK(BM_DetectorCheck)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Engine creation: what every `unspin check` pays before reading its input.
void BM_EngineCreate(benchmark::State& state) {
  const bool lexicon = state.range(0) != 0;
  for (auto _ : state) {
    EngineOptions options;
    options.lexicon = lexicon;
    absl::StatusOr<std::unique_ptr<Engine>> e = Engine::Create(options);
    if (!e.ok()) return state.SkipWithError("cannot create the engine");
    benchmark::DoNotOptimize(e->get());
  }
}
BENCHMARK(BM_EngineCreate)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);

// The pieces of Engine::Create, each on its own (engine.h): one start-up thread parses the packs
// and then builds the rule set, the other creates the morphology and maps the data files.
std::vector<RulePack> BuiltinPacksOrEmpty() {
  std::vector<RulePack> packs;
  if (!ParseBuiltinPacks(&packs).ok()) packs.clear();
  return packs;
}

// The morphology start-up uses (recorded answers); null, with the benchmark failed, without one.
std::unique_ptr<Morphology> StartupMorphologyOrSkip(benchmark::State& state) {
  absl::StatusOr<std::unique_ptr<Morphology>> m = CreateStartupMorphology(MorphologyOptions{});
  if (!m.ok()) {
    state.SkipWithError("no morphology");
    return nullptr;
  }
  return std::move(*m);
}

void BM_ParseBuiltinPacks(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(BuiltinPacksOrEmpty());
}
BENCHMARK(BM_ParseBuiltinPacks)->Unit(benchmark::kMillisecond);

void BM_BuildRuleSet(benchmark::State& state) {
  const std::unique_ptr<Morphology> morphology = StartupMorphologyOrSkip(state);
  if (morphology == nullptr) return;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<RulePack> packs = BuiltinPacksOrEmpty();
    state.ResumeTiming();
    absl::StatusOr<std::unique_ptr<RuleSet>> rules =
        RuleSet::Build(std::move(packs), morphology.get());
    if (!rules.ok()) return state.SkipWithError("cannot build the rules");
    benchmark::DoNotOptimize(rules->get());
  }
}
BENCHMARK(BM_BuildRuleSet)->Unit(benchmark::kMillisecond);

void BM_CuratedTerms(benchmark::State& state) {
  const std::vector<RulePack> packs = BuiltinPacksOrEmpty();
  for (auto _ : state) {
    absl::StatusOr<std::vector<std::string>> terms = CuratedTerms(packs);
    if (!terms.ok()) return state.SkipWithError("cannot read the term lists");
    benchmark::DoNotOptimize(terms->data());
  }
}
BENCHMARK(BM_CuratedTerms)->Unit(benchmark::kMillisecond);

// The term matcher's index over the curated terms, as start-up builds it when the user's own
// packs add terms (the built-in index is compiled at build time, terms.idx).
void BM_BuildTermIndex(benchmark::State& state) {
  const absl::StatusOr<std::vector<std::string>> terms = CuratedTerms(BuiltinPacksOrEmpty());
  if (!terms.ok()) return state.SkipWithError("cannot read the term lists");
  const std::vector<absl::string_view> keys(terms->begin(), terms->end());
  for (auto _ : state) {
    absl::StatusOr<TermIndex> index = TermIndex::Build(keys);
    if (!index.ok()) return state.SkipWithError("cannot build the index");
    benchmark::DoNotOptimize(index->term_count());
  }
}
BENCHMARK(BM_BuildTermIndex)->Unit(benchmark::kMillisecond);

void BM_StartupMorphology(benchmark::State& state) {
  for (auto _ : state) {
    const std::unique_ptr<Morphology> m = StartupMorphologyOrSkip(state);
    if (m == nullptr) return;
    benchmark::DoNotOptimize(m.get());
  }
}
BENCHMARK(BM_StartupMorphology)->Unit(benchmark::kMillisecond);

// Mapping the swap index compiled at build time (swaps.idx): start-up used to build it from the
// tables, about 110 million instructions of a 270 million start-up (callgrind).
void BM_OpenSwapIndex(benchmark::State& state) {
  const absl::StatusOr<std::string> dir = FindDataDir(DataDirOptions{});
  if (!dir.ok()) return state.SkipWithError("no data directory");
  for (auto _ : state) {
    absl::StatusOr<SwapIndex> swaps = SwapIndex::Open(DataFilePath(*dir, kSwapIndexFile));
    if (!swaps.ok()) return state.SkipWithError("cannot open swaps.idx");
    benchmark::DoNotOptimize(swaps->size());
  }
}
BENCHMARK(BM_OpenSwapIndex)->Unit(benchmark::kMillisecond);

// Loading Hunspell and WordNet's exception lists, part of every Engine::Create.
void BM_MorphologyCreate(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<Morphology>> m = Morphology::Create(MorphologyOptions{});
    if (!m.ok()) return state.SkipWithError("no dictionaries");
    benchmark::DoNotOptimize(m->get());
  }
}
BENCHMARK(BM_MorphologyCreate)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace unspin

BENCHMARK_MAIN();
