#include "detector/lexicon/log_prob_cache.h"

#include <algorithm>

namespace unspin {

LogProbCache::LogProbCache(const LanguageModel* lm, int log2_entries, int initial_log2_entries)
    : lm_(lm), log2_entries_(log2_entries) {
  const int initial = std::min(initial_log2_entries, log2_entries);
  Allocate(initial);
  grow_after_ = initial < log2_entries ? uint64_t{4} << initial : ~uint64_t{0};
}

// Empty slots hold a trigram no query asks through the cache with a model lookup: an unknown
// word after an unknown history, whose value the model returns without reading its tables.
void LogProbCache::Allocate(int log2_entries) {
  shift_ = 64 - log2_entries;
  entries_.assign(size_t{1} << log2_entries,
                  Entry{kUnknownWord, kUnknownWord, kUnknownWord,
                        lm_->LogProb(kUnknownWord, kUnknownWord, kUnknownWord)});
}

double LogProbCache::Miss(Entry& e, uint32_t word, uint32_t prev1, uint32_t prev2) {
  const double log_prob = lm_->LogProb(word, prev1, prev2);
  if (++misses_ == grow_after_) {
    Allocate(log2_entries_);  // `e` is gone with the old entries
  } else {
    e = Entry{word, prev1, prev2, log_prob};
  }
  return log_prob;
}

}  // namespace unspin
