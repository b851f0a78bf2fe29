// A read-only trigram language model (Katz backoff, log10 probabilities), memory-mapped from the
// file that //detector/lexicon:compile_lm builds from CMU's US English model. Opening it costs a
// map and a few header checks, not a parse: no sphinxbase at run time.
//
//   UNSPIN_ASSIGN_OR_RETURN(unspin::LanguageModel lm,
//                           unspin::LanguageModel::Open(data_dir + "/en-us.lm"));
//   uint32_t last = lm.Find("last"), year = lm.Find("year");
//   double lp = lm.LogProb(year, last, unspin::kNoWord);   // log10 P(year | last) = -0.80
//   uint32_t words[] = {lm.Find("spy"), lm.Find("balloon")};
//   double phrase = lm.ScoreSequence(words, {});           // -10.8: spy balloon
//
// Numbers equal sphinxbase's ngram_prob() on the source model to within 1e-4 (tested on every
// kind of backoff path). Lookups hash 64-bit keys into open-addressing tables: no allocation, no
// locks; a LanguageModel is safe to share between threads.
#ifndef UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_H_
#define UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

// A word outside the vocabulary; as a history word it means "no history" (the context is cut
// there, as sphinxbase does).
inline constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;
// No history word (same value: a missing history and an unknown one are treated alike).
inline constexpr uint32_t kNoWord = kUnknownWord;

class LanguageModel {
 public:
  // Where a scored word sequence sits in its sentence.
  struct SequenceContext {
    bool sentence_start = false;  // prepend <s>: the first word is scored as sentence-initial
    bool sentence_end = false;    // append </s>: also score the end of the sentence
  };

  // Maps and validates a compiled model; errors name the file (missing, not a model, wrong
  // version, truncated, corrupt header).
  static absl::StatusOr<LanguageModel> Open(const std::string& path);
  // The same from an in-memory file image (tests, tools).
  static absl::StatusOr<LanguageModel> FromImage(absl::string_view image);

  // Id of `lowercase_word`, or kUnknownWord. The vocabulary is lower case ASCII with
  // apostrophes ("don't", "'s", "a.'s"); it has no digits.
  uint32_t Find(absl::string_view lowercase_word) const;
  // The word with id `word` (empty for kUnknownWord).
  absl::string_view Word(uint32_t word) const;

  // log10 P(word | prev2 prev1), Katz backoff over the stored trigrams, bigrams and unigrams.
  // prev1 is the word right before `word`. kNoWord/kUnknownWord histories cut the context.
  // An unknown `word` gets unknown_log_prob().
  double LogProb(uint32_t word, uint32_t prev1, uint32_t prev2) const;

  // What LogProb reads about one stored word pair: a pair costs a cache miss in the model's
  // tables, and a text repeats its pairs far more than its triples, so LogProbCache memoizes
  // these.
  struct Pair {
    int32_t slot = -1;   // where the model stores "prev word" (-1: it does not)
    float log_prob = 0;  // log10 P(word | prev) when stored
    float backoff = 0;   // the pair's backoff weight as a history (0 when not stored)
  };
  // The pair "prev word"; both ids must be below vocab_size().
  Pair FindPair(uint32_t prev, uint32_t word) const;
  // Exactly LogProb(word, prev1, prev2), reading word pairs through `find_pair` (called like
  // FindPair, at most twice).
  template <typename FindPairFn>
  double LogProbWith(uint32_t word, uint32_t prev1, uint32_t prev2, FindPairFn&& find_pair) const;

  // Starts loading what FindPair(prev, word) reads (both ids below vocab_size()), so that its
  // cache miss overlaps other work.
  void PrefetchPair(uint32_t prev, uint32_t word) const;
  // The same for the trigram filter block that LogProb reads for "prev2 prev1 word" once it has
  // the pair "prev1 word" (stored in `pair_slot`).
  void PrefetchTrigramFilter(int32_t pair_slot, uint32_t prev2) const;
  // After PrefetchTrigramFilter: reads the filter block and, when the trigram may be stored,
  // starts loading the table slot where FindTrigram would begin its scan.
  void PrefetchTrigram(int32_t pair_slot, uint32_t prev2) const;

  // Whether the model stores the bigram "prev1 word" itself (rather than reaching it by backoff):
  // an attested word pair. Spun text is full of pairs no corpus attests ("gadget studying").
  bool HasBigram(uint32_t prev1, uint32_t word) const {
    return word < vocab_size_ && prev1 < vocab_size_ && FindBigram(prev1, word) >= 0;
  }

  // log10 P(word), or unknown_log_prob() for kUnknownWord.
  double Unigram(uint32_t word) const;

  // Sum of LogProb over `words`, each conditioned on the (up to) two words before it inside the
  // sequence, with <s> before the first when context.sentence_start, and P(</s> | last two)
  // added when context.sentence_end.
  double ScoreSequence(absl::Span<const uint32_t> words, SequenceContext context) const;

  // Log10 probability used for out-of-vocabulary words: the rarest word's unigram log
  // probability, so an unknown word is as unlikely as the least likely known one.
  double unknown_log_prob() const { return unknown_log_prob_; }
  uint32_t vocab_size() const { return vocab_size_; }
  uint32_t sentence_start_id() const { return bos_; }
  uint32_t sentence_end_id() const { return eos_; }
  uint64_t bigram_count() const { return bigram_count_; }
  uint64_t trigram_count() const { return trigram_count_; }

  // Checks every section checksum (reads the whole file): for tools and tests.
  absl::Status VerifyPayload() const { return file_.VerifyPayload(); }

 private:
  friend absl::StatusOr<LanguageModel> LoadDataFile<LanguageModel>(absl::StatusOr<DataFile>);
  explicit LanguageModel(DataFile file) : file_(std::move(file)) {}
  absl::Status Init();
  // Table keys (language_model_format.h).
  uint64_t BigramKey(uint32_t history, uint32_t word) const;
  uint64_t TrigramKey(uint64_t bigram_slot, uint32_t history2) const;
  // The trigram filter's block for a key's FilterHash.
  const uint64_t* FilterBlockOf(uint64_t hash) const;
  // Slot index of the bigram (history word), or -1.
  int64_t FindBigram(uint32_t history, uint32_t word) const;
  int64_t FindTrigram(uint64_t bigram_slot, uint32_t history2) const;
  // Whether the trigram filter lets the trigram key through (false: certainly not stored).
  bool MayHaveTrigram(uint64_t key) const;
  // log10 probability of the trigram in slot `trigram` (a FindTrigram result).
  double TrigramLogProb(int64_t trigram) const;

  DataFile file_;
  StringIndex vocab_;
  absl::Span<const float> unigram_prob_;
  absl::Span<const float> unigram_backoff_;
  absl::Span<const float> bigram_prob_table_;
  absl::Span<const float> bigram_backoff_table_;
  absl::Span<const float> trigram_prob_table_;
  absl::Span<const uint64_t> bigram_slots_;
  absl::Span<const uint64_t> trigram_slots_;
  absl::Span<const uint64_t> trigram_filter_;  // see language_model_format.h
  uint32_t vocab_size_ = 0;
  uint32_t vocab_bits_ = 0;
  uint32_t backoff_bits_ = 0;
  uint32_t slot_bits_ = 0;
  uint32_t bos_ = kUnknownWord;
  uint32_t eos_ = kUnknownWord;
  uint64_t bigram_count_ = 0;
  uint64_t trigram_count_ = 0;
  uint64_t bigram_capacity_ = 0;
  uint64_t trigram_capacity_ = 0;
  double unknown_log_prob_ = -99.0;
};

template <typename FindPairFn>
double LanguageModel::LogProbWith(uint32_t word, uint32_t prev1, uint32_t prev2,
                                  FindPairFn&& find_pair) const {
  if (word >= vocab_size_) return unknown_log_prob_;
  if (prev1 >= vocab_size_) return unigram_prob_[word];
  auto context_backoff = [&]() -> double {
    return prev2 < vocab_size_ ? find_pair(prev2, prev1).backoff : 0.0;
  };
  const Pair pair = find_pair(prev1, word);
  if (pair.slot < 0) {
    // P(w | h2 h1) = bo(h2 h1) + bo(h1) + P(w): no trigram can exist without its bigram.
    return context_backoff() + unigram_backoff_[prev1] + unigram_prob_[word];
  }
  const double bigram_prob = pair.log_prob;
  if (prev2 >= vocab_size_) return bigram_prob;
  const int64_t trigram = FindTrigram(static_cast<uint64_t>(pair.slot), prev2);
  if (trigram < 0) return context_backoff() + bigram_prob;
  return TrigramLogProb(trigram);
}

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_H_
