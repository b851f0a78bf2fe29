// Private to language_model.cc and language_model_builder.cc: the section ids and bit layout of
// the compiled language model file (a DataFile of kind kLanguageModelKind).
//
// Word ids are dense, 0..vocab_size-1. `vocab_bits` = bit width of vocab_size, so the all-ones
// value of that width is never a word id and marks empty slots.
//
// N-gram tables are open-addressing tables of uint64 slots, placed in "ordered linear probing"
// order at build time: keys sorted by home slot, each at max(home, previous + 1). A lookup scans
// from the home slot and stops at an empty slot or at a key whose home lies after its own, so a
// miss costs about as much as a hit. home(key) = (Mix(key) * capacity) >> 64.
//
//   bigram slot  = key | payload << (2 * vocab_bits)
//                  key     = history << vocab_bits | word        ("last year": history "last")
//                  payload = prob_index (16 bits) | backoff_index << 16
//   trigram slot = key | prob_index << (slot_bits + vocab_bits)
//                  key     = bigram_slot_of(history1 word) << vocab_bits | history2
//
// A trigram (h2 h1 w) exists only where the bigram (h1 w) exists (the source is a backoff trie),
// so a trigram key names its bigram by slot index: 39 bits instead of 51 for this model.
//
// The trigram filter is a blocked Bloom filter over the trigram keys: one 512-bit block (a cache
// line) per key, kFilterProbes bits set in it. The detector asks mostly for trigrams the model
// does not store (97% of its trigram lookups on the bench corpus), and the filter answers most of
// them from a few MB instead of a cache miss in the 27 MB table; it has no false negatives, so
// answers do not change.
// Probabilities are indices into tables of exactly 2^bits floats (log10), so any index read from
// the file is in bounds.
#ifndef UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_FORMAT_H_
#define UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_FORMAT_H_

#include <cstdint>

namespace unspin {
namespace lm_format {

inline constexpr uint32_t kVersion = 3;  // 2: trigram filter; 3: string index hash tags

enum Section : uint32_t {
  kParams = 1,
  kUnigramProb = 2,         // float[vocab_size], log10
  kUnigramBackoff = 3,      // float[vocab_size], log10
  kBigramProbTable = 4,     // float[1 << kProbBits]
  kBigramBackoffTable = 5,  // float[1 << backoff_bits]
  kTrigramProbTable = 6,    // float[1 << kProbBits]
  kBigramSlots = 7,         // uint64[bigram_slots]
  kTrigramSlots = 8,        // uint64[trigram_slots]
  kMetadata = 9,            // text: where the model came from
  kTrigramFilter = 10,      // uint64[kFilterBlockWords * blocks], blocks >= 1
  kVocabBase = 100,         // StringIndex sections 100..103
};

inline constexpr uint32_t kProbBits = 16;
inline constexpr uint64_t kEmptySlot = ~uint64_t{0};

struct Params {
  uint32_t vocab_size;
  uint32_t vocab_bits;
  uint32_t bos;  // id of <s>
  uint32_t eos;  // id of </s>
  uint64_t bigram_count;
  uint64_t bigram_capacity;  // home slots; the table may run past it (overflow tail)
  uint64_t trigram_count;
  uint64_t trigram_capacity;
  uint32_t backoff_bits;         // width of the bigram backoff index
  uint32_t slot_bits;            // width of a bigram slot index inside trigram keys
  float unknown_log_prob;        // log10 probability given to words outside the vocabulary
  float max_quantization_error;  // largest |stored - source| over all values, log10
};
static_assert(sizeof(Params) == 64, "params layout");

// Spreads the key bits (MurmurHash3 finalizer) before range reduction.
inline uint64_t MixKey(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ULL;
  key ^= key >> 33;
  return key;
}

inline uint64_t HomeSlot(uint64_t key, uint64_t capacity) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(MixKey(key)) * capacity) >> 64);
}

inline constexpr uint32_t kFilterBitsPerKey = 12;
inline constexpr uint32_t kFilterProbes = 6;
inline constexpr uint64_t kFilterBlockWords = 8;  // 512 bits

// The filter block of a trigram key (of `blocks`) and, in FilterBit, its bits inside the block.
inline uint64_t FilterHash(uint64_t key) { return MixKey(key ^ 0x9E3779B97F4A7C15ULL); }
inline uint64_t FilterBlock(uint64_t hash, uint64_t blocks) {
  return static_cast<uint64_t>((static_cast<unsigned __int128>(hash) * blocks) >> 64);
}
inline uint32_t FilterBit(uint64_t hash, uint32_t probe) {
  return static_cast<uint32_t>(hash >> (9 * probe)) & 511;  // the low 54 bits, 9 per probe
}

inline uint64_t LowMask(uint32_t bits) {
  return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
}

}  // namespace lm_format
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_LANGUAGE_MODEL_FORMAT_H_
