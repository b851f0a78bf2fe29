// A memo of LanguageModel::LogProb for one thread. Text repeats its trigrams ("of the", a site's
// boilerplate, the decoder asking the same context for every candidate), and a hit here costs a
// few nanoseconds where the model's tables cost one to three cache misses.
//
//   unspin::LogProbCache cache(&lm);
//   double lp = cache.LogProb(year, last, unspin::kNoWord);  // == lm.LogProb(year, last, kNoWord)
//
// Direct-mapped: a colliding trigram evicts the one before it, so memory is bounded. It starts
// small and grows to its full size once it has missed four times its size: a short text (a
// 2 KB file checked once) touches few pages, and the start-up of `unspin check` stays small.
// Not thread-safe; give each thread its own.
#ifndef UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
#define UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_

#include <cstdint>
#include <vector>

#include "detector/lexicon/language_model.h"

namespace unspin {

class LogProbCache {
 public:
  // `lm` must outlive the cache. It holds at most 2^log2_entries trigrams (24 bytes each),
  // 2^initial_log2_entries at first (both 1..32).
  explicit LogProbCache(const LanguageModel* lm, int log2_entries = 16,
                        int initial_log2_entries = 12);

  // Exactly lm.LogProb(word, prev1, prev2).
  double LogProb(uint32_t word, uint32_t prev1, uint32_t prev2) {
    uint64_t hash = ((uint64_t{word} << 32 | prev1) * 0x9E3779B97F4A7C15u) ^
                    (uint64_t{prev2} * 0xC2B2AE3D27D4EB4Fu);
    hash ^= hash >> 29;
    Entry& e = entries_[hash >> shift_];  // the high bits: the best mixed
    if (e.word != word || e.prev1 != prev1 || e.prev2 != prev2) return Miss(e, word, prev1, prev2);
    return e.log_prob;
  }

  // Lookups that went to the model (for tests and tuning).
  uint64_t misses() const { return misses_; }

 private:
  struct Entry {
    uint32_t word;
    uint32_t prev1;
    uint32_t prev2;
    double log_prob;
  };

  // Asks the model, stores the answer in `e` (or grows the cache, dropping its entries).
  double Miss(Entry& e, uint32_t word, uint32_t prev1, uint32_t prev2);
  void Allocate(int log2_entries);

  const LanguageModel* lm_;
  int log2_entries_;         // the full size
  int shift_ = 0;            // 64 - log2 of the current size
  uint64_t grow_after_ = 0;  // misses after which the cache takes its full size
  std::vector<Entry> entries_;
  uint64_t misses_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
