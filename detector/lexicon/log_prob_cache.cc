#include "detector/lexicon/log_prob_cache.h"

#include <algorithm>

namespace unspin {

LogProbCache::LogProbCache(const LanguageModel* lm, int log2_entries, int initial_log2_entries)
    : lm_(lm),
      vocab_size_(lm->vocab_size()),
      packable_(vocab_size_ < (uint32_t{1} << kIdBits)),
      log2_entries_(log2_entries) {
  const int initial = std::min(initial_log2_entries, log2_entries);
  Allocate(initial);
  grow_after_ = initial < log2_entries ? uint64_t{4} << initial : ~uint64_t{0};
}

void LogProbCache::Allocate(int log2_entries) {
  shift_ = 64 - log2_entries;
  entries_.assign(size_t{1} << log2_entries, Entry{~uint64_t{0}, 0.0});
  pairs_.assign(size_t{1} << log2_entries, PairEntry{~uint32_t{0}, 0, {}});
}

double LogProbCache::Miss(Entry& e, uint64_t key, uint32_t word, uint32_t prev1, uint32_t prev2) {
  const double log_prob = lm_->LogProbWith(
      word, prev1, prev2, [this](uint32_t prev, uint32_t w) { return FindPair(prev, w); });
  if (++misses_ == grow_after_) {
    Allocate(log2_entries_);  // `e` is gone with the old entries
  } else {
    e = Entry{key, log_prob};
  }
  return log_prob;
}

}  // namespace unspin
