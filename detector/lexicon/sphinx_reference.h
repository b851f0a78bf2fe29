// The reference our compiled language model is checked against: sphinxbase loading the original
// model, plus a sampler of queries that exercise every backoff path. Build time and tests only
// (the runtime never links sphinxbase).
//
//   UNSPIN_ASSIGN_OR_RETURN(auto sphinx, unspin::SphinxReference::Load(lm_bin_path));
//   double lp = sphinx->LogProb("year", "last", "");   // log10, via ngram_prob()
#ifndef UNSPIN_DETECTOR_LEXICON_SPHINX_REFERENCE_H_
#define UNSPIN_DETECTOR_LEXICON_SPHINX_REFERENCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/language_model_builder.h"

namespace unspin {

class SphinxReference {
 public:
  // Loads with ngram_model_read (logmath base 1.0001, as pocketsphinx uses).
  static absl::StatusOr<std::unique_ptr<SphinxReference>> Load(const std::string& path);
  ~SphinxReference();

  // log10 P(word | prev2 prev1) from ngram_prob(); empty strings mean "no history word".
  // Unknown words give sphinxbase's log-zero (about -23315).
  double LogProb(absl::string_view word, absl::string_view prev1, absl::string_view prev2) const;

  // Id-based form for the benchmark: ngram_ng_prob() with sphinxbase word ids (-1 = none).
  int32_t Wid(absl::string_view word) const;
  double LogProbIds(int32_t word, int32_t prev1, int32_t prev2) const;

 private:
  SphinxReference() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A query (word, prev1, prev2); empty strings mean "no history word".
struct LmQuery {
  std::string kind;  // which backoff path it targets, for reporting
  std::string word;
  std::string prev1;
  std::string prev2;
};

// About `per_kind` queries of each kind: stored trigrams; stored bigrams after a random or a
// backoff-carrying context; random pairs and triples (unigram backoff); unigrams; sentence
// markers; unknown words in each position. Deterministic for a seed.
std::vector<LmQuery> SampleLmQueries(const NGramModelData& model, int per_kind, uint64_t seed);

struct LmComparison {
  int queries = 0;
  double max_difference = 0;  // log10
  LmQuery worst;
  double ours_at_worst = 0;
  double sphinx_at_worst = 0;
};

// Scores every query with both models. Unknown words are skipped in the comparison where
// sphinxbase returns log-zero and we return LanguageModel::unknown_log_prob() by design.
LmComparison CompareWithSphinx(const LanguageModel& lm, const SphinxReference& sphinx,
                               const std::vector<LmQuery>& queries);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_SPHINX_REFERENCE_H_
