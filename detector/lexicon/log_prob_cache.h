// A memo of LanguageModel::LogProb for one thread. Text repeats its trigrams ("of the", a site's
// boilerplate, the decoder asking the same context for every candidate), and a hit here costs a
// few nanoseconds where the model's tables cost one to three cache misses.
//
//   unspin::LogProbCache cache(&lm);
//   double lp = cache.LogProb(year, last, unspin::kNoWord);  // == lm.LogProb(year, last, kNoWord)
//
// Direct-mapped: a colliding trigram evicts the one before it, so memory is fixed. Not
// thread-safe; give each thread its own.
#ifndef UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
#define UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_

#include <cstdint>
#include <vector>

#include "detector/lexicon/language_model.h"

namespace unspin {

class LogProbCache {
 public:
  // `lm` must outlive the cache. The cache holds 2^log2_entries (0..32) trigrams, 24 bytes each.
  explicit LogProbCache(const LanguageModel* lm, int log2_entries = 16);

  // Exactly lm.LogProb(word, prev1, prev2).
  double LogProb(uint32_t word, uint32_t prev1, uint32_t prev2) {
    const uint32_t hash = word * 0x9E3779B1u ^ prev1 * 0x85EBCA77u ^ prev2 * 0xC2B2AE3Du;
    Entry& e = entries_[uint64_t{hash} >> shift_];  // the high bits: the best mixed
    if (e.word != word || e.prev1 != prev1 || e.prev2 != prev2) {
      e = Entry{word, prev1, prev2, lm_->LogProb(word, prev1, prev2)};
      ++misses_;
    }
    return e.log_prob;
  }

  const LanguageModel& model() const { return *lm_; }
  // Lookups that went to the model (for tests and tuning).
  uint64_t misses() const { return misses_; }

 private:
  struct Entry {
    uint32_t word;
    uint32_t prev1;
    uint32_t prev2;
    double log_prob;
  };

  const LanguageModel* lm_;
  int shift_;
  std::vector<Entry> entries_;
  uint64_t misses_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
