#include "detector/lexicon/sphinx_lm_reader.h"

#include <cmath>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

constexpr char kTrieHeader[] = "Trie Language Model";
constexpr int kQuant16 = 1;
constexpr size_t kQuantTable = 65536;

uint32_t RequiredBits(uint64_t max_value) {
  uint32_t bits = 0;
  while (max_value != 0) {
    ++bits;
    max_value >>= 1;
  }
  return bits == 0 ? 1 : bits;
}

class Cursor {
 public:
  Cursor(const std::string& path, const std::string& data) : path_(path), data_(data) {}

  template <typename T>
  absl::Status Read(T* out) {
    if (pos_ + sizeof(T) > data_.size()) return Truncated();
    std::memcpy(out, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return absl::OkStatus();
  }
  absl::Status Skip(size_t n) {
    if (pos_ + n > data_.size()) return Truncated();
    pos_ += n;
    return absl::OkStatus();
  }
  absl::Status Truncated() const {
    return absl::DataLossError(absl::StrCat(path_, ": truncated sphinx trie model"));
  }
  size_t pos() const { return pos_; }
  const char* at(size_t pos) const { return data_.data() + pos; }

 private:
  const std::string& path_;
  const std::string& data_;
  size_t pos_ = 0;
};

// Bit-packed field reader: `base` has 8 bytes of padding after the last record.
inline uint64_t ReadBits(const char* base, uint64_t bit, uint32_t width) {
  uint64_t v;
  std::memcpy(&v, base + (bit >> 3), 8);
  return (v >> (bit & 7)) & ((uint64_t{1} << width) - 1);
}

}  // namespace

absl::StatusOr<NGramModelData> ReadSphinxTrieModel(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileToString(path);
  if (!contents.ok()) return contents.status();
  const std::string& data = *contents;
  Cursor in(path, data);
  const size_t header_len = std::strlen(kTrieHeader);
  if (data.compare(0, header_len, kTrieHeader) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a sphinx trie language model"));
  }
  absl::Status s = in.Skip(header_len);
  if (!s.ok()) return s;
  uint8_t order = 0;
  if (!(s = in.Read(&order)).ok()) return s;
  if (order != 3) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": order ", int{order}, " model; only trigram models are supported"));
  }
  uint32_t counts[3];
  for (uint32_t& c : counts) {
    if (!(s = in.Read(&c)).ok()) return s;
  }
  int32_t quant_type = 0;
  if (!(s = in.Read(&quant_type)).ok()) return s;
  if (quant_type != kQuant16) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": quantization type ", quant_type, " is not supported (only 16-bit)"));
  }
  const double to_log10 = std::log10(1.0001);
  std::vector<float> tables[3];  // bigram prob, bigram backoff, trigram prob
  for (auto& table : tables) {
    table.resize(kQuantTable);
    for (float& v : table) {
      float raw;
      if (!(s = in.Read(&raw)).ok()) return s;
      v = static_cast<float>(raw * to_log10);
    }
  }

  NGramModelData model;
  std::vector<uint32_t> unigram_next(counts[0] + 1);
  model.unigram_log_prob.resize(counts[0]);
  model.unigram_log_backoff.resize(counts[0]);
  for (uint32_t i = 0; i <= counts[0]; ++i) {
    float prob, backoff;
    if (!(s = in.Read(&prob)).ok() || !(s = in.Read(&backoff)).ok() ||
        !(s = in.Read(&unigram_next[i])).ok()) {
      return s;
    }
    if (i < counts[0]) {
      model.unigram_log_prob[i] = static_cast<float>(prob * to_log10);
      model.unigram_log_backoff[i] = static_cast<float>(backoff * to_log10);
    }
  }

  const uint32_t word_bits = RequiredBits(counts[0]);
  const uint32_t next_bits = RequiredBits(counts[2]);
  const uint32_t middle_bits = word_bits + 16 + 16 + next_bits;
  const uint32_t longest_bits = word_bits + 16;
  const size_t middle_size = ((uint64_t{counts[1]} + 1) * middle_bits + 7) / 8 + 8;
  const size_t longest_size = ((uint64_t{counts[2]} + 1) * longest_bits + 7) / 8 + 8;
  const size_t middle_pos = in.pos();
  if (!(s = in.Skip(middle_size)).ok()) return s;
  const size_t longest_pos = in.pos();
  if (!(s = in.Skip(longest_size)).ok()) return s;
  uint32_t words_length = 0;
  if (!(s = in.Read(&words_length)).ok()) return s;
  if (in.pos() + words_length != data.size()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": file size ", data.size(),
                                                   " does not match the trie layout (",
                                                   in.pos() + words_length, " expected)"));
  }
  const char* const middle = in.at(middle_pos);
  const char* const longest = in.at(longest_pos);

  model.words.reserve(counts[0]);
  size_t pos = in.pos();
  for (uint32_t i = 0; i < counts[0]; ++i) {
    const void* nul = std::memchr(data.data() + pos, '\0', data.size() - pos);
    if (nul == nullptr) return in.Truncated();
    const size_t end = static_cast<const char*>(nul) - data.data();
    model.words.emplace_back(data, pos, end - pos);
    pos = end + 1;
  }

  model.bigrams.reserve(counts[1]);
  model.trigrams.reserve(counts[2]);
  for (uint32_t w = 0; w < counts[0]; ++w) {
    if (unigram_next[w] > unigram_next[w + 1] || unigram_next[w + 1] > counts[1]) {
      return absl::DataLossError(absl::StrCat(path, ": corrupt unigram links"));
    }
    for (uint32_t b = unigram_next[w]; b < unigram_next[w + 1]; ++b) {
      const uint64_t bit = uint64_t{b} * middle_bits;
      const uint32_t history = static_cast<uint32_t>(ReadBits(middle, bit, word_bits));
      const uint32_t backoff_index = static_cast<uint32_t>(ReadBits(middle, bit + word_bits, 16));
      const uint32_t prob_index = static_cast<uint32_t>(ReadBits(middle, bit + word_bits + 16, 16));
      const uint64_t first = ReadBits(middle, bit + word_bits + 32, next_bits);
      const uint64_t last =
          ReadBits(middle, bit + middle_bits + word_bits + 32, next_bits);  // next record
      if (history >= counts[0] || first > last || last > counts[2]) {
        return absl::DataLossError(absl::StrCat(path, ": corrupt bigram record ", b));
      }
      model.bigrams.push_back({history, w, tables[0][prob_index], tables[1][backoff_index]});
      for (uint64_t t = first; t < last; ++t) {
        const uint64_t tbit = t * longest_bits;
        const uint32_t history2 = static_cast<uint32_t>(ReadBits(longest, tbit, word_bits));
        const uint32_t tprob = static_cast<uint32_t>(ReadBits(longest, tbit + word_bits, 16));
        if (history2 >= counts[0]) {
          return absl::DataLossError(absl::StrCat(path, ": corrupt trigram record ", t));
        }
        model.trigrams.push_back({history2, history, w, tables[2][tprob]});
      }
    }
  }
  // The header's counts size the arrays; the links say how many records were filled. In
  // en-us.lm.bin 6 of the 2,051,547 bigram records are unused (this is why sphinxbase's own
  // ARPA writer asserts on it).
  const uint64_t trigram_end =
      ReadBits(middle, uint64_t{unigram_next[counts[0]]} * middle_bits + word_bits + 32, next_bits);
  if (model.bigrams.size() != unigram_next[counts[0]] || model.trigrams.size() != trigram_end) {
    return absl::DataLossError(absl::StrCat(path, ": n-gram links are inconsistent"));
  }
  model.description = absl::StrCat("source: ", path, "\nformat: sphinx trie, 16-bit quantized\n",
                                   "unigrams: ", counts[0], "\nbigrams: ", model.bigrams.size(),
                                   " (header: ", counts[1], ")\ntrigrams: ", model.trigrams.size(),
                                   " (header: ", counts[2], ")\n");
  return model;
}

}  // namespace unspin
