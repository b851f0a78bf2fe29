#include "detector/lexicon/language_model.h"

#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/lexicon/language_model_format.h"

namespace unspin {
namespace {

using lm_format::HomeSlot;
using lm_format::kEmptySlot;
using lm_format::LowMask;

// Scans an ordered-linear-probing table (see language_model_format.h) for `key`.
inline int64_t FindKey(absl::Span<const uint64_t> slots, uint64_t capacity, uint32_t key_bits,
                       uint64_t key) {
  const uint64_t key_mask = LowMask(key_bits);
  const uint64_t home = HomeSlot(key, capacity);
  for (uint64_t i = home; i < slots.size(); ++i) {
    const uint64_t slot = slots[i];
    if (slot == kEmptySlot) return -1;
    const uint64_t k = slot & key_mask;
    if (k == key) return static_cast<int64_t>(i);
    if (HomeSlot(k, capacity) > home) return -1;
  }
  return -1;
}

}  // namespace

absl::StatusOr<LanguageModel> LanguageModel::Open(const std::string& path) {
  return LoadDataFile<LanguageModel>(DataFile::Open(path, kLanguageModelKind, lm_format::kVersion));
}

absl::StatusOr<LanguageModel> LanguageModel::FromImage(absl::string_view image) {
  return LoadDataFile<LanguageModel>(
      DataFile::FromBuffer(image, kLanguageModelKind, lm_format::kVersion));
}

absl::Status LanguageModel::Init() {
  const std::string& name = file_.name();
  auto corrupt = [&name](absl::string_view what) {
    return absl::DataLossError(absl::StrCat(name, ": corrupt language model (", what, ")"));
  };
  absl::StatusOr<absl::string_view> params_bytes = file_.Section(lm_format::kParams);
  if (!params_bytes.ok()) return params_bytes.status();
  if (params_bytes->size() != sizeof(lm_format::Params)) return corrupt("parameters");
  lm_format::Params params;
  std::memcpy(&params, params_bytes->data(), sizeof(params));

  absl::StatusOr<StringIndex> vocab = StringIndex::Load(file_, lm_format::kVocabBase);
  if (!vocab.ok()) return vocab.status();
  vocab_ = *vocab;

#define UNSPIN_LM_ARRAY(field, type, section)                              \
  {                                                                        \
    absl::StatusOr<absl::Span<const type>> a = file_.Array<type>(section); \
    if (!a.ok()) return a.status();                                        \
    field = *a;                                                            \
  }
  UNSPIN_LM_ARRAY(unigram_prob_, float, lm_format::kUnigramProb);
  UNSPIN_LM_ARRAY(unigram_backoff_, float, lm_format::kUnigramBackoff);
  UNSPIN_LM_ARRAY(bigram_prob_table_, float, lm_format::kBigramProbTable);
  UNSPIN_LM_ARRAY(bigram_backoff_table_, float, lm_format::kBigramBackoffTable);
  UNSPIN_LM_ARRAY(trigram_prob_table_, float, lm_format::kTrigramProbTable);
  UNSPIN_LM_ARRAY(bigram_slots_, uint64_t, lm_format::kBigramSlots);
  UNSPIN_LM_ARRAY(trigram_slots_, uint64_t, lm_format::kTrigramSlots);
  UNSPIN_LM_ARRAY(trigram_filter_, uint64_t, lm_format::kTrigramFilter);
#undef UNSPIN_LM_ARRAY

  // Widths are checked before they are used as shift counts.
  if (params.vocab_bits == 0 || params.vocab_bits > 24 ||
      params.vocab_size >= (uint64_t{1} << params.vocab_bits) ||
      vocab_.size() != params.vocab_size || unigram_prob_.size() != params.vocab_size ||
      unigram_backoff_.size() != params.vocab_size) {
    return corrupt("vocabulary");
  }
  if (params.backoff_bits == 0 || params.backoff_bits > 16 ||
      2 * params.vocab_bits + lm_format::kProbBits + params.backoff_bits > 64 ||
      bigram_prob_table_.size() != (size_t{1} << lm_format::kProbBits) ||
      trigram_prob_table_.size() != (size_t{1} << lm_format::kProbBits) ||
      bigram_backoff_table_.size() != (size_t{1} << params.backoff_bits)) {
    return corrupt("probability tables");
  }
  if (params.bigram_capacity == 0 || bigram_slots_.size() < params.bigram_capacity ||
      params.trigram_capacity == 0 || trigram_slots_.size() < params.trigram_capacity ||
      params.slot_bits == 0 || params.slot_bits + params.vocab_bits + lm_format::kProbBits > 64 ||
      bigram_slots_.size() >= (uint64_t{1} << params.slot_bits) ||
      bigram_slots_.size() > uint64_t{INT32_MAX}) {  // Pair::slot
    return corrupt("n-gram tables");
  }
  if (trigram_filter_.empty() || trigram_filter_.size() % lm_format::kFilterBlockWords != 0) {
    return corrupt("trigram filter");
  }
  if (params.bos >= params.vocab_size || params.eos >= params.vocab_size) {
    return corrupt("sentence markers");
  }
  vocab_size_ = params.vocab_size;
  vocab_bits_ = params.vocab_bits;
  backoff_bits_ = params.backoff_bits;
  slot_bits_ = params.slot_bits;
  bos_ = params.bos;
  eos_ = params.eos;
  bigram_count_ = params.bigram_count;
  trigram_count_ = params.trigram_count;
  bigram_capacity_ = params.bigram_capacity;
  trigram_capacity_ = params.trigram_capacity;
  unknown_log_prob_ = params.unknown_log_prob;
  return absl::OkStatus();
}

uint32_t LanguageModel::Find(absl::string_view lowercase_word) const {
  const uint32_t id = vocab_.Find(lowercase_word);
  return id == kNotFound ? kUnknownWord : id;
}

absl::string_view LanguageModel::Word(uint32_t word) const { return vocab_.Get(word); }

inline uint64_t LanguageModel::BigramKey(uint32_t history, uint32_t word) const {
  return (uint64_t{history} << vocab_bits_) | word;
}

inline uint64_t LanguageModel::TrigramKey(uint64_t bigram_slot, uint32_t history2) const {
  return (bigram_slot << vocab_bits_) | history2;
}

inline const uint64_t* LanguageModel::FilterBlockOf(uint64_t hash) const {
  const uint64_t blocks = trigram_filter_.size() / lm_format::kFilterBlockWords;
  return &trigram_filter_[lm_format::FilterBlock(hash, blocks) * lm_format::kFilterBlockWords];
}

int64_t LanguageModel::FindBigram(uint32_t history, uint32_t word) const {
  return FindKey(bigram_slots_, bigram_capacity_, 2 * vocab_bits_, BigramKey(history, word));
}

void LanguageModel::PrefetchPair(uint32_t prev, uint32_t word) const {
  __builtin_prefetch(&bigram_slots_[HomeSlot(BigramKey(prev, word), bigram_capacity_)]);
}

void LanguageModel::PrefetchTrigramFilter(int32_t pair_slot, uint32_t prev2) const {
  __builtin_prefetch(
      FilterBlockOf(lm_format::FilterHash(TrigramKey(static_cast<uint64_t>(pair_slot), prev2))));
}

bool LanguageModel::MayHaveTrigram(uint64_t key) const {
  const uint64_t hash = lm_format::FilterHash(key);
  const uint64_t* block = FilterBlockOf(hash);
  for (uint32_t probe = 0; probe < lm_format::kFilterProbes; ++probe) {
    const uint32_t bit = lm_format::FilterBit(hash, probe);
    if (!((block[bit / 64] >> (bit % 64)) & 1)) return false;  // certainly not stored
  }
  return true;
}

void LanguageModel::PrefetchTrigram(int32_t pair_slot, uint32_t prev2) const {
  const uint64_t key = TrigramKey(static_cast<uint64_t>(pair_slot), prev2);
  if (MayHaveTrigram(key)) {
    __builtin_prefetch(&trigram_slots_[HomeSlot(key, trigram_capacity_)]);
  }
}

int64_t LanguageModel::FindTrigram(uint64_t bigram_slot, uint32_t history2) const {
  const uint64_t key = TrigramKey(bigram_slot, history2);
  if (!MayHaveTrigram(key)) return -1;
  return FindKey(trigram_slots_, trigram_capacity_, slot_bits_ + vocab_bits_, key);
}

LanguageModel::Pair LanguageModel::FindPair(uint32_t prev, uint32_t word) const {
  Pair pair;
  const int64_t slot = FindBigram(prev, word);
  if (slot < 0) return pair;
  const uint64_t payload = bigram_slots_[slot] >> (2 * vocab_bits_);
  pair.slot = static_cast<int32_t>(slot);
  pair.log_prob = bigram_prob_table_[payload & LowMask(lm_format::kProbBits)];
  pair.backoff = bigram_backoff_table_[(payload >> lm_format::kProbBits) & LowMask(backoff_bits_)];
  return pair;
}

double LanguageModel::TrigramLogProb(int64_t trigram) const {
  const uint64_t prob_index =
      (trigram_slots_[trigram] >> (slot_bits_ + vocab_bits_)) & LowMask(lm_format::kProbBits);
  return trigram_prob_table_[prob_index];
}

double LanguageModel::LogProb(uint32_t word, uint32_t prev1, uint32_t prev2) const {
  // The context pair "prev2 prev1" is needed on most paths (its backoff weight); start its
  // cache miss now so that it overlaps the lookup of "prev1 word".
  if (prev2 < vocab_size_ && prev1 < vocab_size_) PrefetchPair(prev2, prev1);
  return LogProbWith(word, prev1, prev2,
                     [this](uint32_t prev, uint32_t w) { return FindPair(prev, w); });
}

double LanguageModel::Unigram(uint32_t word) const {
  return word < vocab_size_ ? unigram_prob_[word] : unknown_log_prob_;
}

double LanguageModel::ScoreSequence(absl::Span<const uint32_t> words,
                                    SequenceContext context) const {
  uint32_t prev2 = kNoWord;
  uint32_t prev1 = context.sentence_start ? bos_ : kNoWord;
  double total = 0.0;
  for (const uint32_t w : words) {
    total += LogProb(w, prev1, prev2);
    prev2 = prev1;
    prev1 = w;
  }
  if (context.sentence_end) total += LogProb(eos_, prev1, prev2);
  return total;
}

}  // namespace unspin
