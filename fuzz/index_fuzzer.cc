// Fuzzes the dedup index reader. Most random files fail the magic or checksum test, which says
// nothing about the parser behind it, so the fuzzer writes a header that passes those checks
// (detector/dedup/index_format.h: magic, version, sizes, checksum, parameters) with counts
// and section offsets taken from the input, and the rest of the input as the body. Open() must
// then reject or accept it without crashing, and an accepted index must answer queries.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "detector/dedup/hash.h"
#include "detector/dedup/index.h"
#include "detector/dedup/index_format.h"

namespace {

constexpr uint64_t kParams = 0x5eed;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The input: 7 little-endian uint16 values (counts and offsets in 8-byte units), then the body.
  if (size < 14) return 0;
  uint16_t v[7];
  std::memcpy(v, data, sizeof(v));
  const size_t body_size = size - 14;
  unspin::dedup::IndexFileHeader h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, unspin::dedup::kIndexMagic, sizeof(h.magic));
  h.version = unspin::dedup::kIndexVersion;
  h.header_size = sizeof(h);
  h.file_size = sizeof(h) + body_size;
  h.num_docs = v[0] % 64;
  h.num_bands = v[1] % 1024;
  h.params = kParams;
  h.docs_offset = sizeof(h) + 8 * (v[2] % 64);
  h.ids_offset = sizeof(h) + 8 * (v[3] % 512);
  h.shingles_offset = sizeof(h) + 8 * (v[4] % 512);
  h.bands_offset = sizeof(h) + 8 * (v[5] % 512);
  h.ids_size = v[6] & 1023;
  h.shingles_size = v[6] >> 10;
  unspin::dedup::Checksum64 body;
  body.Update(data + 14, body_size);
  h.checksum = unspin::dedup::IndexHeaderChecksum(h, body.Finish());

  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/unspin_index_fuzzer." +
           std::to_string(getpid());
  }();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(&h, sizeof(h), 1, f);
  std::fwrite(data + 14, 1, body_size, f);
  std::fclose(f);
  absl::StatusOr<std::unique_ptr<unspin::dedup::DedupIndex>> index =
      unspin::dedup::DedupIndex::Open(path, kParams);
  if (index.ok()) {
    for (size_t d = 0; d < (*index)->size(); ++d) {
      (*index)->id(d);
      (*index)->spin_score(d);
      (*index)->fingerprint(d);
    }
    unspin::dedup::Fingerprint query;
    for (size_t i = 0; i + 8 <= body_size && i < 64; i += 8) {
      uint64_t key;
      std::memcpy(&key, data + 14 + i, 8);
      query.band_keys.push_back(key);
    }
    std::vector<uint32_t> candidates;
    (*index)->Candidates(query, &candidates);
  }
  unlink(path.c_str());
  return 0;
}
