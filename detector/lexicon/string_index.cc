#include "detector/lexicon/string_index.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

inline uint64_t FnvBytes(uint64_t h, absl::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= kFnvPrime;
  }
  return h;
}

// MurmurHash3's 64-bit finalizer: FNV's low bits are weak, and the table uses the low bits.
inline uint64_t Finalize(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Section 2 held each string's full hash before the slots carried its high half (format versions
// of the files that embed an index say which layout they have).
enum SectionOffset : uint32_t { kBlob = 0, kOffsets = 1, kSlots = 3 };

// A slot: the high half of the key's hash, and id + 1 in the low half (0: empty).
constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ULL;

}  // namespace

uint64_t HashString(absl::string_view text) { return Finalize(FnvBytes(kFnvOffset, text)); }

uint64_t HashWords(absl::Span<const absl::string_view> words) {
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) h = FnvBytes(h, " ");
    h = FnvBytes(h, words[i]);
  }
  return Finalize(h);
}

uint32_t StringIndexBuilder::Add(absl::string_view text) {
  auto [it, inserted] = ids_.try_emplace(std::string(text), size());
  if (inserted) strings_.emplace_back(text);
  return it->second;
}

uint32_t StringIndexBuilder::Find(absl::string_view text) const {
  auto it = ids_.find(text);
  return it == ids_.end() ? kNotFound : it->second;
}

void StringIndexBuilder::AddTo(uint32_t section_base, DataFileWriter* writer) const {
  std::string blob;
  std::vector<uint32_t> offsets;
  offsets.reserve(strings_.size() + 1);
  for (const std::string& s : strings_) {
    offsets.push_back(static_cast<uint32_t>(blob.size()));
    blob += s;
  }
  offsets.push_back(static_cast<uint32_t>(blob.size()));
  // Load factor at most 1/2 keeps unsuccessful probes short.
  size_t capacity = 16;
  while (capacity < 2 * strings_.size()) capacity *= 2;
  std::vector<uint64_t> slots(capacity, 0);
  for (uint32_t id = 0; id < strings_.size(); ++id) {
    const uint64_t hash = HashString(strings_[id]);
    size_t i = hash & (capacity - 1);
    while (slots[i] != 0) i = (i + 1) & (capacity - 1);
    slots[i] = (hash & kTagMask) | (id + 1);
  }
  writer->AddSection(section_base + kBlob, std::move(blob));
  writer->AddArray<uint32_t>(section_base + kOffsets, offsets);
  writer->AddArray<uint64_t>(section_base + kSlots, slots);
}

absl::StatusOr<StringIndex> StringIndex::Load(const DataFile& file, uint32_t section_base) {
  StringIndex index;
  absl::StatusOr<absl::string_view> blob = file.Section(section_base + kBlob);
  if (!blob.ok()) return blob.status();
  absl::StatusOr<absl::Span<const uint32_t>> offsets =
      file.Array<uint32_t>(section_base + kOffsets);
  if (!offsets.ok()) return offsets.status();
  absl::StatusOr<absl::Span<const uint64_t>> slots = file.Array<uint64_t>(section_base + kSlots);
  if (!slots.ok()) return slots.status();
  const size_t capacity = slots->size();
  if (offsets->empty() || capacity < offsets->size() - 1 || capacity == 0 ||
      (capacity & (capacity - 1)) != 0 || offsets->back() != blob->size()) {
    return absl::DataLossError(
        absl::StrCat(file.name(), ": corrupt string index at section ", section_base));
  }
  index.blob_ = *blob;
  index.offsets_ = *offsets;
  index.slots_ = *slots;
  return index;
}

absl::string_view StringIndex::Get(uint32_t id) const {
  if (id >= size()) return absl::string_view();
  const uint32_t begin = offsets_[id];
  const uint32_t end = offsets_[id + 1];
  // Offsets come from the file: check them here instead of scanning all of them at load.
  if (begin > end || end > blob_.size()) return absl::string_view();
  return blob_.substr(begin, end - begin);
}

template <typename Equal>
uint32_t StringIndex::Probe(uint64_t hash, const Equal& equal) const {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  const uint64_t tag = hash & kTagMask;
  // Bounded so that a corrupt table (no empty slot) cannot loop forever.
  for (size_t probes = 0; probes <= mask; ++probes, i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    // Other keys' slots are told apart by their hash's high half, without reading their strings:
    // a lookup that misses (most do) touches nothing but the slots.
    if ((slot & kTagMask) != tag) continue;
    const uint32_t id = static_cast<uint32_t>(slot) - 1;
    if (id < size() && equal(Get(id))) return id;
  }
  return kNotFound;
}

uint32_t StringIndex::Find(absl::string_view text) const {
  if (slots_.empty()) return kNotFound;
  return Probe(HashString(text), [text](absl::string_view s) { return s == text; });
}

uint32_t StringIndex::FindWords(absl::Span<const absl::string_view> words) const {
  return FindWords(words, HashWords(words));
}

uint32_t StringIndex::FindWords(absl::Span<const absl::string_view> words, uint64_t hash) const {
  if (slots_.empty()) return kNotFound;
  return Probe(hash, [words](absl::string_view s) {
    size_t pos = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i > 0) {
        if (pos >= s.size() || s[pos] != ' ') return false;
        ++pos;
      }
      if (s.substr(pos, words[i].size()) != words[i]) return false;
      pos += words[i].size();
    }
    return pos == s.size();
  });
}

}  // namespace unspin
