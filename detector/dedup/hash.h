// Stable 64-bit hashing for shingles, MinHash and the on-disk index. Unlike absl::Hash, these
// values never change between runs or builds, so they may be stored in files.
//
//   uint64_t h = unspin::dedup::HashBytes("word");
//   uint64_t pair = unspin::dedup::HashCombine(h, other);
//   unspin::dedup::Checksum64 sum;  sum.Update(data, size);  uint64_t c = sum.Finish();
#ifndef UNSPIN_DETECTOR_DEDUP_HASH_H_
#define UNSPIN_DETECTOR_DEDUP_HASH_H_

#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"

namespace unspin {
namespace dedup {

// The splitmix64 finalizer: a bijection that spreads every input bit over the output.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of a byte string; reads 8 bytes at a time (little-endian machines only, as is x86-64).
inline uint64_t HashBytes(absl::string_view s, uint64_t seed = 0x2545F4914F6CDD1DULL) {
  uint64_t h = seed ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = Mix64(h ^ w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return Mix64(h ^ tail ^ (static_cast<uint64_t>(s.size() - i) << 56));
}

// Order-dependent combination of two hashes (for n-gram shingles).
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  return Mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

// Incremental checksum over a byte stream; the result does not depend on how the stream is cut
// into Update calls.
class Checksum64 {
 public:
  void Update(const void* data, size_t size) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    total_ += size;
    while (size > 0 && buffered_ > 0) {
      buffer_[buffered_++] = *p++;
      --size;
      if (buffered_ == 8) Absorb(buffer_), buffered_ = 0;
    }
    if (size == 0) return;
    for (; size >= 8; p += 8, size -= 8) Absorb(p);
    std::memcpy(buffer_, p, size);  // buffer_ is empty here and size < 8
    buffered_ = size;
  }

  uint64_t Finish() const {
    unsigned char last[8] = {0};
    std::memcpy(last, buffer_, buffered_);
    uint64_t w;
    std::memcpy(&w, last, 8);
    return Mix64(state_ ^ Mix64(w ^ total_));
  }

 private:
  void Absorb(const unsigned char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    state_ = (state_ ^ Mix64(w)) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  }

  uint64_t state_ = 0x6A09E667F3BCC908ULL;
  uint64_t total_ = 0;
  unsigned char buffer_[8] = {0};
  size_t buffered_ = 0;
};

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_HASH_H_
