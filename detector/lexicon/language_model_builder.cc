#include "detector/lexicon/language_model_builder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/language_model_format.h"
#include "detector/lexicon/string_index.h"

namespace unspin {
namespace {

using lm_format::HomeSlot;
using lm_format::kEmptySlot;
using lm_format::LowMask;

uint32_t BitWidth(uint64_t n) {
  uint32_t bits = 0;
  while (n != 0) {
    ++bits;
    n >>= 1;
  }
  return bits;
}

// Maps values to at most 2^bits representatives, minimizing the largest error: exact when there
// are few enough distinct values, otherwise the smallest radius r for which a greedy cover of
// the sorted values by intervals of width 2r needs no more than 2^bits intervals.
struct Quantizer {
  std::vector<float> table;        // exactly 2^bits entries
  std::vector<float> group_start;  // sorted lower ends of the groups
  double max_error = 0;

  Quantizer(std::vector<float> values, uint32_t bits) {
    const size_t limit = size_t{1} << bits;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.empty()) values.push_back(0.0f);
    if (values.size() <= limit) {
      group_start = values;
      table = values;
    } else {
      double lo = 0, hi = values.back() - values.front();
      for (int iter = 0; iter < 60; ++iter) {
        const double mid = (lo + hi) / 2;
        (Cover(values, mid, nullptr, nullptr) <= limit ? hi : lo) = mid;
      }
      Cover(values, hi, &group_start, &table);
      max_error = hi;
    }
    table.resize(limit, table.back());
  }

  static size_t Cover(const std::vector<float>& values, double radius, std::vector<float>* starts,
                      std::vector<float>* centers) {
    size_t groups = 0;
    for (size_t i = 0; i < values.size();) {
      size_t j = i;
      while (j + 1 < values.size() && values[j + 1] - values[i] <= 2 * radius) ++j;
      if (starts != nullptr) {
        starts->push_back(values[i]);
        centers->push_back(static_cast<float>((double{values[i]} + values[j]) / 2));
      }
      ++groups;
      i = j + 1;
    }
    return groups;
  }

  uint32_t Index(float value) const {
    auto it = std::upper_bound(group_start.begin(), group_start.end(), value);
    return static_cast<uint32_t>(it - group_start.begin()) - 1;
  }
};

// Places keys in ordered-linear-probing order; returns the slot array (payloads or'ed in by the
// caller through `slot_of`, the slot index of each key in input order).
std::vector<uint64_t> PlaceKeys(const std::vector<uint64_t>& keys, uint64_t capacity,
                                std::vector<uint64_t>* slot_of, double* mean_probes) {
  std::vector<std::pair<uint64_t, uint32_t>> order;  // (home, input index)
  order.reserve(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) order.emplace_back(HomeSlot(keys[i], capacity), i);
  std::sort(order.begin(), order.end(), [&keys](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : keys[a.second] < keys[b.second];
  });
  slot_of->assign(keys.size(), 0);
  uint64_t next = 0;
  double probes = 0;
  for (const auto& [home, index] : order) {
    const uint64_t pos = std::max(home, next);
    (*slot_of)[index] = pos;
    probes += static_cast<double>(pos - home + 1);
    next = pos + 1;
  }
  *mean_probes = keys.empty() ? 0 : probes / static_cast<double>(keys.size());
  // One empty slot after the last key ends every scan inside the table.
  std::vector<uint64_t> slots(std::max(capacity, next + 1), kEmptySlot);
  for (uint32_t i = 0; i < keys.size(); ++i) slots[(*slot_of)[i]] = keys[i];
  return slots;
}

}  // namespace

absl::StatusOr<std::string> BuildLanguageModelImage(const NGramModelData& data,
                                                    const LanguageModelBuildOptions& options,
                                                    LanguageModelBuildStats* stats) {
  const size_t vocab_size = data.words.size();
  if (vocab_size == 0 || data.unigram_log_prob.size() != vocab_size ||
      data.unigram_log_backoff.size() != vocab_size) {
    return absl::InvalidArgumentError("language model: unigram arrays do not match the words");
  }
  if (!(options.load_factor > 0.05 && options.load_factor <= 0.98)) {
    return absl::InvalidArgumentError("language model: load factor must be in (0.05, 0.98]");
  }
  lm_format::Params params;
  std::memset(&params, 0, sizeof(params));
  params.vocab_size = static_cast<uint32_t>(vocab_size);
  params.vocab_bits = BitWidth(vocab_size);  // vocab_size < 2^bits: all-ones is no word id
  const uint32_t vb = params.vocab_bits;
  if (vb > 24) return absl::InvalidArgumentError("language model: vocabulary too large");

  StringIndexBuilder vocab;
  for (const std::string& w : data.words) {
    if (vocab.Add(w) != vocab.size() - 1) {
      return absl::InvalidArgumentError(absl::StrCat("language model: duplicate word '", w, "'"));
    }
  }
  params.bos = vocab.Find("<s>");
  params.eos = vocab.Find("</s>");
  if (params.bos == kNotFound || params.eos == kNotFound) {
    return absl::InvalidArgumentError("language model: <s> or </s> missing from the vocabulary");
  }
  float rarest = 0;
  for (const float p : data.unigram_log_prob) {
    if (p > -98.0f) rarest = std::min(rarest, p);  // <s> has the ARPA placeholder -99
  }
  params.unknown_log_prob = rarest;

  // Quantize. Probabilities of this model are already 16-bit quantized, so they stay exact.
  const uint32_t backoff_bits = 64 - 2 * vb - lm_format::kProbBits;
  if (backoff_bits < 8) return absl::InvalidArgumentError("language model: vocabulary too large");
  params.backoff_bits = std::min<uint32_t>(backoff_bits, 16);
  std::vector<float> values;
  values.reserve(data.bigrams.size());
  for (const auto& b : data.bigrams) values.push_back(b.log_prob);
  const Quantizer bigram_prob(values, lm_format::kProbBits);
  values.clear();
  for (const auto& b : data.bigrams) values.push_back(b.log_backoff);
  const Quantizer bigram_backoff(values, params.backoff_bits);
  values.clear();
  for (const auto& t : data.trigrams) values.push_back(t.log_prob);
  const Quantizer trigram_prob(values, lm_format::kProbBits);
  values = {};

  // Bigram table.
  std::vector<uint64_t> keys;
  keys.reserve(data.bigrams.size());
  for (const auto& b : data.bigrams) {
    if (b.history >= vocab_size || b.word >= vocab_size) {
      return absl::InvalidArgumentError("language model: bigram word id out of range");
    }
    keys.push_back((uint64_t{b.history} << vb) | b.word);
  }
  params.bigram_count = keys.size();
  params.bigram_capacity = std::max<uint64_t>(
      1, static_cast<uint64_t>(std::ceil(static_cast<double>(keys.size()) / options.load_factor)));
  std::vector<uint64_t> bigram_slot_of;
  double mean_probes = 0;
  std::vector<uint64_t> bigram_slots =
      PlaceKeys(keys, params.bigram_capacity, &bigram_slot_of, &mean_probes);
  absl::flat_hash_map<uint64_t, uint64_t> slot_by_key;
  slot_by_key.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!slot_by_key.emplace(keys[i], bigram_slot_of[i]).second) {
      return absl::InvalidArgumentError(absl::StrCat("language model: duplicate bigram '",
                                                     data.words[data.bigrams[i].history], " ",
                                                     data.words[data.bigrams[i].word], "'"));
    }
    const uint64_t payload = bigram_prob.Index(data.bigrams[i].log_prob) |
                             uint64_t{bigram_backoff.Index(data.bigrams[i].log_backoff)}
                                 << lm_format::kProbBits;
    bigram_slots[bigram_slot_of[i]] = keys[i] | payload << (2 * vb);
  }
  params.slot_bits = BitWidth(bigram_slots.size());
  if (params.slot_bits + vb + lm_format::kProbBits > 64) {
    return absl::InvalidArgumentError("language model: too many bigrams for the trigram keys");
  }

  // Trigram table: keys name their bigram by slot.
  keys.clear();
  keys.reserve(data.trigrams.size());
  for (const auto& t : data.trigrams) {
    if (t.history2 >= vocab_size || t.history1 >= vocab_size || t.word >= vocab_size) {
      return absl::InvalidArgumentError("language model: trigram word id out of range");
    }
    auto it = slot_by_key.find((uint64_t{t.history1} << vb) | t.word);
    if (it == slot_by_key.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("language model: trigram '", data.words[t.history2], " ",
                       data.words[t.history1], " ", data.words[t.word], "' has no bigram"));
    }
    keys.push_back((it->second << vb) | t.history2);
  }
  params.trigram_count = keys.size();
  params.trigram_capacity = std::max<uint64_t>(
      1, static_cast<uint64_t>(std::ceil(static_cast<double>(keys.size()) / options.load_factor)));
  std::vector<uint64_t> trigram_slot_of;
  double trigram_probes = 0;
  std::vector<uint64_t> trigram_slots =
      PlaceKeys(keys, params.trigram_capacity, &trigram_slot_of, &trigram_probes);
  for (size_t i = 0; i < keys.size(); ++i) {
    const uint64_t prob = trigram_prob.Index(data.trigrams[i].log_prob);
    trigram_slots[trigram_slot_of[i]] = keys[i] | prob << (params.slot_bits + vb);
  }
  {
    // Duplicate trigram keys would have been placed in distinct slots; detect them here.
    std::vector<uint64_t> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      return absl::InvalidArgumentError("language model: duplicate trigram");
    }
  }

  // Trigram filter (language_model_format.h).
  const uint64_t filter_blocks =
      std::max<uint64_t>(1, (keys.size() * lm_format::kFilterBitsPerKey + 511) / 512);
  std::vector<uint64_t> filter(filter_blocks * lm_format::kFilterBlockWords, 0);
  for (const uint64_t key : keys) {
    const uint64_t hash = lm_format::FilterHash(key);
    uint64_t* block =
        &filter[lm_format::FilterBlock(hash, filter_blocks) * lm_format::kFilterBlockWords];
    for (uint32_t probe = 0; probe < lm_format::kFilterProbes; ++probe) {
      const uint32_t bit = lm_format::FilterBit(hash, probe);
      block[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }

  params.max_quantization_error = static_cast<float>(
      std::max({bigram_prob.max_error, bigram_backoff.max_error, trigram_prob.max_error}));
  if (stats != nullptr) {
    stats->bigram_slots = bigram_slots.size();
    stats->trigram_slots = trigram_slots.size();
    stats->backoff_bits = params.backoff_bits;
    stats->max_quantization_error = params.max_quantization_error;
    stats->mean_bigram_probes = mean_probes;
  }

  DataFileWriter writer(kLanguageModelKind, lm_format::kVersion);
  writer.AddSection(lm_format::kParams,
                    std::string(reinterpret_cast<const char*>(&params), sizeof(params)));
  writer.AddArray<float>(lm_format::kUnigramProb, data.unigram_log_prob);
  writer.AddArray<float>(lm_format::kUnigramBackoff, data.unigram_log_backoff);
  writer.AddArray<float>(lm_format::kBigramProbTable, bigram_prob.table);
  writer.AddArray<float>(lm_format::kBigramBackoffTable, bigram_backoff.table);
  writer.AddArray<float>(lm_format::kTrigramProbTable, trigram_prob.table);
  writer.AddArray<uint64_t>(lm_format::kBigramSlots, bigram_slots);
  writer.AddArray<uint64_t>(lm_format::kTrigramSlots, trigram_slots);
  writer.AddArray<uint64_t>(lm_format::kTrigramFilter, filter);
  writer.AddSection(lm_format::kMetadata, data.description);
  vocab.AddTo(lm_format::kVocabBase, &writer);
  return writer.Serialize();
}

}  // namespace unspin
