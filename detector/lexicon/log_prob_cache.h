// A memo of LanguageModel::LogProb for one thread. Text repeats its trigrams ("of the", a site's
// boilerplate, the decoder asking the same context for every candidate), and a hit here costs a
// few nanoseconds where the model's tables cost one to three cache misses.
//
//   unspin::LogProbCache cache(&lm);
//   double lp = cache.LogProb(year, last, unspin::kNoWord);  // == lm.LogProb(year, last, kNoWord)
//
// A trigram that misses still reads its word pairs ("prev1 word" and the history "prev2 prev1")
// through a second memo: texts and the decoder's candidates bring new triples of known pairs, and
// a pair costs the model a cache miss of its own. On the bench corpus both pairs of 87% of the
// trigram misses had been asked for before.
//
// Direct-mapped: a colliding trigram evicts the one before it, so memory is bounded. It starts
// small and grows to its full size once it has missed four times its size: a short text (a
// 2 KB file checked once) touches few pages, and the start-up of `unspin check` stays small.
// Not thread-safe; give each thread its own.
#ifndef UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
#define UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "detector/lexicon/language_model.h"

namespace unspin {

class LogProbCache {
 public:
  // `lm` must outlive the cache. It holds at most 2^log2_entries trigrams (16 bytes each) and as
  // many word pairs (20 bytes each), 2^initial_log2_entries at first (both 1..32).
  explicit LogProbCache(const LanguageModel* lm, int log2_entries = 16,
                        int initial_log2_entries = 12);

  // Exactly lm.LogProb(word, prev1, prev2).
  double LogProb(uint32_t word, uint32_t prev1, uint32_t prev2) {
    if (!packable_) return lm_->LogProb(word, prev1, prev2);
    const uint64_t key = Key(word, prev1, prev2);
    Entry& e = EntryFor(key);
    if (e.key != key) return Miss(e, key, word, prev1, prev2);
    return e.log_prob;
  }

  // A LogProb question.
  struct Query {
    uint32_t word;
    uint32_t prev1;
    uint32_t prev2;
  };
  // out[i] = LogProb(queries[i]...) for every i. Answers that miss the memo are found in stages
  // over a few dozen queries at a time: each stage starts the cache misses of the next one for
  // all of them (the memo, the model's word pairs, its trigram filter, its trigram table), so
  // that the misses overlap instead of following one another; a lone LogProb waits for each.
  void LogProbs(absl::Span<const Query> queries, double* out);

  // Exactly lm.HasBigram(prev1, word), through the memo of word pairs.
  bool HasBigram(uint32_t prev1, uint32_t word) {
    if (!packable_ || word >= vocab_size_ || prev1 >= vocab_size_) {
      return lm_->HasBigram(prev1, word);
    }
    return FindPair(prev1, word).slot >= 0;
  }

  // Lookups that went to the model (for tests and tuning).
  uint64_t misses() const { return misses_; }

 private:
  // Ids at or above the vocabulary size all mean "no such word" to the model, so they share one
  // code, and three codes fit one 64-bit key: a 16-byte entry, four to a cache line.
  static constexpr int kIdBits = 21;
  uint32_t Clamp(uint32_t id) const { return id < vocab_size_ ? id : vocab_size_; }
  uint64_t Key(uint32_t word, uint32_t prev1, uint32_t prev2) const {
    return (uint64_t{Clamp(word)} << (2 * kIdBits)) | (uint64_t{Clamp(prev1)} << kIdBits) |
           Clamp(prev2);
  }

  struct Entry {
    uint64_t key;  // the three clamped ids; all ones (no key has bit 63) when empty
    double log_prob;
  };
  // Where a key lives in a table of the current size (both tables have it).
  size_t Slot(uint64_t key) const {
    uint64_t hash = key * 0x9E3779B97F4A7C15u;
    hash ^= hash >> 29;
    return hash >> shift_;  // the high bits: the best mixed
  }
  Entry& EntryFor(uint64_t key) { return entries_[Slot(key)]; }

  struct PairEntry {
    uint32_t prev;  // the pair's ids (below the vocabulary size); prev is ~0 when empty
    uint32_t word;
    LanguageModel::Pair pair;
  };
  // The model's facts about the pair "prev word" (both ids below the vocabulary size).
  PairEntry& PairEntryFor(uint32_t prev, uint32_t word) {
    return pairs_[Slot((uint64_t{prev} << kIdBits) | word)];
  }
  const LanguageModel::Pair& FindPair(uint32_t prev, uint32_t word) {
    PairEntry& e = PairEntryFor(prev, word);
    if (e.prev != prev || e.word != word) e = PairEntry{prev, word, lm_->FindPair(prev, word)};
    return e.pair;
  }

  // Asks the model, stores the answer in `e` (or grows the cache, dropping its entries).
  double Miss(Entry& e, uint64_t key, uint32_t word, uint32_t prev1, uint32_t prev2);
  void Allocate(int log2_entries);

  const LanguageModel* lm_;
  uint32_t vocab_size_;
  // The vocabulary is small enough to pack (always, for the models we build); otherwise every
  // lookup goes to the model.
  bool packable_;
  int log2_entries_;         // the full size
  int shift_ = 0;            // 64 - log2 of the current size
  uint64_t grow_after_ = 0;  // misses after which the cache takes its full size
  std::vector<Entry> entries_;
  std::vector<PairEntry> pairs_;  // as many as entries_
  uint64_t misses_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LOG_PROB_CACHE_H_
