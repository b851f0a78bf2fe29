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

void LogProbCache::LogProbs(absl::Span<const Query> queries, double* out) {
  if (!packable_) {
    for (size_t i = 0; i < queries.size(); ++i) {
      out[i] = lm_->LogProb(queries[i].word, queries[i].prev1, queries[i].prev2);
    }
    return;
  }
  // Enough queries in flight to keep the memory system busy, few enough that what a stage
  // loads is still in the processor's cache when the next stage reads it.
  constexpr size_t kChunk = 32;
  uint64_t keys[kChunk];
  uint32_t pending[kChunk];  // chunk positions of the queries that missed the memo
  for (size_t begin = 0; begin < queries.size(); begin += kChunk) {
    const size_t count = std::min(kChunk, queries.size() - begin);
    const Query* q = queries.data() + begin;
    // Whether the model is asked about the pair "prev1 word" (and the context "prev2 prev1").
    auto has_pair = [&](const Query& x) { return x.word < vocab_size_ && x.prev1 < vocab_size_; };
    auto has_context = [&](const Query& x) { return has_pair(x) && x.prev2 < vocab_size_; };
    for (size_t i = 0; i < count; ++i) {
      keys[i] = Key(q[i].word, q[i].prev1, q[i].prev2);
      __builtin_prefetch(&EntryFor(keys[i]));
      if (has_pair(q[i])) __builtin_prefetch(&PairEntryFor(q[i].prev1, q[i].word));
      if (has_context(q[i])) __builtin_prefetch(&PairEntryFor(q[i].prev2, q[i].prev1));
    }
    size_t misses = 0;
    for (size_t i = 0; i < count; ++i) {
      const Entry& e = EntryFor(keys[i]);
      if (e.key == keys[i]) {
        out[begin + i] = e.log_prob;
        continue;
      }
      pending[misses++] = static_cast<uint32_t>(i);
      const Query& x = q[i];
      if (!has_pair(x)) continue;
      const PairEntry& pair = PairEntryFor(x.prev1, x.word);
      if (pair.prev != x.prev1 || pair.word != x.word) lm_->PrefetchPair(x.prev1, x.word);
      if (has_context(x)) {
        const PairEntry& context = PairEntryFor(x.prev2, x.prev1);
        if (context.prev != x.prev2 || context.word != x.prev1) {
          lm_->PrefetchPair(x.prev2, x.prev1);
        }
      }
    }
    for (size_t m = 0; m < misses; ++m) {
      const Query& x = q[pending[m]];
      if (!has_context(x)) continue;
      FindPair(x.prev2, x.prev1);
      const LanguageModel::Pair& pair = FindPair(x.prev1, x.word);
      if (pair.slot >= 0) lm_->PrefetchTrigramFilter(pair.slot, x.prev2);
    }
    for (size_t m = 0; m < misses; ++m) {
      const Query& x = q[pending[m]];
      if (!has_context(x)) continue;
      // The pair memo may have lost the pair to a later query of the chunk.
      const PairEntry& pair = PairEntryFor(x.prev1, x.word);
      if (pair.prev == x.prev1 && pair.word == x.word && pair.pair.slot >= 0) {
        lm_->PrefetchTrigram(pair.pair.slot, x.prev2);
      }
    }
    for (size_t m = 0; m < misses; ++m) {
      const size_t i = pending[m];
      // Looked up again: a miss before it may have grown the memo.
      out[begin + i] = Miss(EntryFor(keys[i]), keys[i], q[i].word, q[i].prev1, q[i].prev2);
    }
  }
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
