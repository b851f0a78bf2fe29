// The on-disk layout of a dedup index's header (docs/dedup.md, "Index file"), shared by the
// reader/writer in index.cc and by fuzz/index_fuzzer.cc, which forges headers that pass the
// magic and checksum tests to reach the parser behind them.
//
//   unspin::dedup::IndexFileHeader h{};
//   std::memcpy(h.magic, unspin::dedup::kIndexMagic, sizeof(h.magic));
//   h.checksum = unspin::dedup::IndexHeaderChecksum(h, body_checksum);
#ifndef UNSPIN_DETECTOR_DEDUP_INDEX_FORMAT_H_
#define UNSPIN_DETECTOR_DEDUP_INDEX_FORMAT_H_

#include <cstdint>

#include "detector/dedup/hash.h"

namespace unspin {
namespace dedup {

inline constexpr char kIndexMagic[16] = {'U', 'N', 'S', 'P', 'I', 'N', '-', 'D',
                                         'E', 'D', 'U', 'P', '-', 'I', 'D', 'X'};

// 128 bytes, little-endian, at the start of the file.
struct IndexFileHeader {
  char magic[16];
  uint32_t version;
  uint32_t header_size;
  uint64_t file_size;
  uint64_t checksum;
  uint64_t num_docs;
  uint64_t num_bands;
  uint64_t params;
  uint64_t docs_offset;
  uint64_t ids_offset;
  uint64_t shingles_offset;
  uint64_t bands_offset;
  uint64_t ids_size;       // bytes of id strings
  uint64_t shingles_size;  // number of uint32 shingles
  uint64_t reserved[2];
};
static_assert(sizeof(IndexFileHeader) == 128, "header layout");

// The checksum stored in the header: of the header with its checksum field zeroed, combined
// with the checksum of everything after the header.
inline uint64_t IndexHeaderChecksum(IndexFileHeader header, uint64_t body_checksum) {
  header.checksum = 0;
  Checksum64 sum;
  sum.Update(&header, sizeof(header));
  return HashCombine(sum.Finish(), body_checksum);
}

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_INDEX_FORMAT_H_
