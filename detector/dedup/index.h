// A persistent dedup index: fingerprints of a corpus in one file, memory-mapped for queries, so
// "is this new article a copy of something we have?" needs neither the corpus nor all of its
// signatures in memory.
//
//   std::vector<unspin::dedup::IndexEntry> docs = ...;          // ids + fingerprints
//   absl::Status s = unspin::dedup::WriteIndex("corpus.idx", params, nullptr, docs);
//   absl::StatusOr<std::unique_ptr<unspin::dedup::DedupIndex>> index =
//       unspin::dedup::DedupIndex::Open("corpus.idx", params);
//   if (!index.ok()) ...   // "corpus.idx: not an unspin dedup index" / "checksum mismatch"
//   std::vector<uint32_t> candidates;
//   (*index)->Candidates(fingerprint, &candidates);             // then Decide() on each
//
// File format, version 1 (little-endian; every section 8-byte aligned):
//   header (128 bytes): magic "UNSPIN-DEDUP-IDX", version, header size, file size, checksum,
//     document count, band entry count, fingerprint parameter hash, section offsets
//   documents: one 48-byte record per document (id location, exact hash, shingle counts and
//     offset, spin score)
//   ids: the id strings back to back
//   shingles: each document's plain, canonical and anchor sets (uint32, sorted)
//   bands: (key uint64, document uint32, pad uint32) sorted by key then document
// The checksum covers every byte after the header and the header itself with the checksum
// field zeroed. Open() checks magic, version, sizes, checksum, parameters and every record's
// bounds, so a truncated, corrupted or foreign file is an error, never a crash.
// Adding documents rewrites the file (streaming the old one through) and renames it into place
// atomically: readers see the old or the new index, never a mix.
#ifndef UNSPIN_DETECTOR_DEDUP_INDEX_H_
#define UNSPIN_DETECTOR_DEDUP_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/dedup/fingerprint.h"

namespace unspin {
namespace dedup {

inline constexpr uint32_t kIndexVersion = 1;

struct IndexEntry {
  std::string id;
  Fingerprint fingerprint;
  double spin_score = 0;  // NaN when unknown
};

class DedupIndex {
 public:
  // Maps and validates `path`. `params` must equal the hash the index was built with
  // (FingerprintParamsHash); a mismatch means an index from another version or configuration.
  static absl::StatusOr<std::unique_ptr<DedupIndex>> Open(const std::string& path, uint64_t params);
  ~DedupIndex();
  DedupIndex(const DedupIndex&) = delete;
  DedupIndex& operator=(const DedupIndex&) = delete;

  size_t size() const { return num_docs_; }
  absl::string_view id(size_t doc) const;
  FingerprintView fingerprint(size_t doc) const;
  double spin_score(size_t doc) const;

  // Documents sharing at least one band key (or the exact-text key) with `f`, sorted, unique.
  void Candidates(const Fingerprint& f, std::vector<uint32_t>* out) const;

  // Band entries of all documents in file order (sorted); for rewriting the index.
  struct BandEntry {
    uint64_t key;
    uint32_t doc;
    uint32_t pad;
  };
  const BandEntry* bands() const { return bands_; }
  size_t num_bands() const { return num_bands_; }

  // On-disk document record (defined in index.cc).
  struct DocRecord;

 private:
  DedupIndex() = default;

  const unsigned char* base_ = nullptr;
  size_t size_ = 0;
  const DocRecord* docs_ = nullptr;
  size_t num_docs_ = 0;
  const char* ids_ = nullptr;
  const uint32_t* shingles_ = nullptr;
  const BandEntry* bands_ = nullptr;
  size_t num_bands_ = 0;
};

// Writes an index holding the documents of `base` (may be null) followed by `added`, to a
// temporary file beside `path` that is then renamed over it.
absl::Status WriteIndex(const std::string& path, uint64_t params, const DedupIndex* base,
                        const std::vector<IndexEntry>& added);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_INDEX_H_
