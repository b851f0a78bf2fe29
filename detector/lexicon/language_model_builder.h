// Build-time half of LanguageModel: turns a trigram backoff model (words, log10 probabilities and
// backoff weights) into the compiled file that LanguageModel::Open maps.
//
//   unspin::NGramModelData data;            // filled by a reader (sphinx_lm_reader.h) or a test
//   unspin::LanguageModelBuildStats stats;
//   UNSPIN_ASSIGN_OR_RETURN(std::string image,
//                           unspin::BuildLanguageModelImage(data, {}, &stats));
#ifndef UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_BUILDER_H_
#define UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace unspin {

// A trigram backoff model in plain form. Every trigram (h2 h1 w) needs its bigram (h1 w), as in
// any ARPA/trie model.
struct NGramModelData {
  struct Bigram {
    uint32_t history;  // the word before
    uint32_t word;
    float log_prob;     // log10 P(word | history)
    float log_backoff;  // log10 backoff weight of the context "history word"
  };
  struct Trigram {
    uint32_t history2;  // two words before
    uint32_t history1;  // the word before
    uint32_t word;
    float log_prob;  // log10 P(word | history2 history1)
  };
  std::vector<std::string> words;  // word id = index; must contain "<s>" and "</s>"
  std::vector<float> unigram_log_prob;
  std::vector<float> unigram_log_backoff;
  std::vector<Bigram> bigrams;
  std::vector<Trigram> trigrams;
  std::string description;  // stored as metadata (source file, counts)
};

struct LanguageModelBuildOptions {
  // Fraction of home slots filled in the n-gram hash tables. Higher is smaller and slower: the
  // lexicon detector's queries miss the memo 1.5 times per word and go to these tables, mostly
  // for n-grams the model lacks. At 0.5 (63 MB of tables for CMU's model, 41 MB at 0.8) a query
  // on a cold working set of 1M trigrams took 170 instead of 250 ns (lexicon_benchmark,
  // BM_LogProbWorkingSetModel), before the trigram filter; 0.35 (89 MB) gained nothing more.
  // The trigram filter adds 2.5 MB whatever the load factor.
  double load_factor = 0.5;
};

struct LanguageModelBuildStats {
  uint64_t bigram_slots = 0;
  uint64_t trigram_slots = 0;
  uint32_t backoff_bits = 0;
  double max_quantization_error = 0;  // log10, over all probabilities and backoffs
  double mean_bigram_probes = 0;      // average slots scanned by a successful bigram lookup
};

// The complete file image. InvalidArgument when the model is inconsistent (ids out of range,
// duplicate n-grams, a trigram without its bigram, missing sentence markers).
absl::StatusOr<std::string> BuildLanguageModelImage(const NGramModelData& data,
                                                    const LanguageModelBuildOptions& options,
                                                    LanguageModelBuildStats* stats);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_BUILDER_H_
