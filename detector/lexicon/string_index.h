// A compiled string -> id map stored in a DataFile: the vocabulary of the language model, the
// phrases of the thesaurus and of the phrase lexicon. Lookups hash the key once (64-bit hash)
// and probe an open-addressing table whose slots carry the high half of their key's hash, so
// bytes are compared only for a key that almost surely matches; no allocation, also for a
// multiword key given as separate words ("imaginative", "and", "prescient").
//
//   StringIndexBuilder builder;
//   uint32_t id = builder.Add("vision");        // ids are dense, in insertion order
//   builder.AddTo(/*section_base=*/100, &writer);
//   ...
//   UNSPIN_ASSIGN_OR_RETURN(StringIndex index, StringIndex::Load(file, 100));
//   index.Find("vision");                        // == id
//   index.FindWords({"imaginative", "and", "prescient"});  // same as Find("imaginative and ...")
//   index.Get(id);                               // "vision"
#ifndef UNSPIN_DETECTOR_LEXICON_STRING_INDEX_H_
#define UNSPIN_DETECTOR_LEXICON_STRING_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"

namespace unspin {

// Returned by lookups that find nothing.
inline constexpr uint32_t kNotFound = 0xFFFFFFFFu;

// The 64-bit key hash (FNV-1a over the bytes, then a finalizer that spreads the bits).
uint64_t HashString(absl::string_view text);
// Equals HashString(absl::StrJoin(words, " ")) without building the string.
uint64_t HashWords(absl::Span<const absl::string_view> words);

class StringIndexBuilder {
 public:
  // Adds `text` if new; returns its id either way.
  uint32_t Add(absl::string_view text);
  // Id of `text`, or kNotFound.
  uint32_t Find(absl::string_view text) const;
  absl::string_view Get(uint32_t id) const { return strings_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(strings_.size()); }

  // Writes four sections, ids section_base .. section_base + 3.
  void AddTo(uint32_t section_base, DataFileWriter* writer) const;

 private:
  std::vector<std::string> strings_;
  absl::flat_hash_map<std::string, uint32_t> ids_;
};

// Read-only view over sections of a DataFile; the DataFile must outlive it. Thread-safe.
class StringIndex {
 public:
  StringIndex() = default;
  static absl::StatusOr<StringIndex> Load(const DataFile& file, uint32_t section_base);

  uint32_t Find(absl::string_view text) const;
  uint32_t FindWords(absl::Span<const absl::string_view> words) const;
  // FindWords in two steps, so that a caller with several keys starts every key's cache miss
  // before it waits for the first: Prefetch(hash) for each, then FindWords(words, hash), where
  // hash is HashWords(words).
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  uint32_t FindWords(absl::Span<const absl::string_view> words, uint64_t hash) const;
  // The string with id `id` (empty for ids out of range).
  absl::string_view Get(uint32_t id) const;
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()) - 1; }

 private:
  template <typename Equal>
  uint32_t Probe(uint64_t hash, const Equal& equal) const;

  absl::string_view blob_;
  absl::Span<const uint32_t> offsets_ = absl::Span<const uint32_t>(kNoOffsets);  // size()+1
  // Power-of-two table: the high 32 bits of the key's hash | (id + 1); 0 = empty.
  absl::Span<const uint64_t> slots_;
  static constexpr uint32_t kNoOffsets[1] = {0};
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_STRING_INDEX_H_
