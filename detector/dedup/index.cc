#include "detector/dedup/index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "detector/dedup/hash.h"
#include "detector/dedup/index_format.h"

namespace unspin {
namespace dedup {

namespace {

uint64_t Align8(uint64_t x) { return (x + 7) & ~uint64_t{7}; }

absl::Status Corrupt(const std::string& path, absl::string_view what) {
  return absl::DataLossError(absl::StrCat(path, ": corrupt dedup index (", what,
                                          "); rebuild it with `unspin index build`"));
}

// Sequential writer that checksums everything it writes after the header.
class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) {}
  bool Write(const void* data, size_t size) {
    sum_.Update(data, size);
    written_ += size;
    return std::fwrite(data, 1, size, f_) == size;
  }
  bool Pad() {
    static const char kZero[8] = {0};
    return Write(kZero, Align8(written_) - written_);
  }
  uint64_t checksum() const { return sum_.Finish(); }

 private:
  FILE* f_;
  Checksum64 sum_;
  uint64_t written_ = sizeof(IndexFileHeader);
};

}  // namespace

struct DedupIndex::DocRecord {
  uint64_t id_offset;
  uint32_t id_size;
  uint32_t plain_size;
  uint64_t exact_hash;
  uint64_t shingles_offset;  // in uint32 units from the shingle section
  uint32_t canonical_size;
  uint32_t anchor_size;
  double spin_score;
};
static_assert(sizeof(DedupIndex::DocRecord) == 48, "record layout");

DedupIndex::~DedupIndex() {
  if (base_ != nullptr) munmap(const_cast<unsigned char*>(base_), size_);
}

absl::StatusOr<std::unique_ptr<DedupIndex>> DedupIndex::Open(const std::string& path,
                                                             uint64_t params) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": ", std::strerror(errno)));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a regular file"));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(IndexFileHeader)) {
    // Too short for a header: tell a truncated index from a foreign file by the magic.
    char head[16] = {0};
    const bool has_magic =
        size >= 16 && pread(fd, head, 16, 0) == 16 && std::memcmp(head, kIndexMagic, 16) == 0;
    close(fd);
    if (has_magic) return Corrupt(path, "truncated");
    return absl::InvalidArgumentError(absl::StrCat(path, ": not an unspin dedup index"));
  }
  void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    return absl::InternalError(absl::StrCat(path, ": cannot map: ", std::strerror(errno)));
  }
  std::unique_ptr<DedupIndex> index(new DedupIndex());
  index->base_ = static_cast<const unsigned char*>(map);
  index->size_ = size;

  IndexFileHeader h;
  std::memcpy(&h, index->base_, sizeof(h));
  if (std::memcmp(h.magic, kIndexMagic, sizeof(kIndexMagic)) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": not an unspin dedup index"));
  }
  if (h.version != kIndexVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": dedup index format version ", h.version, ", this unspin reads version ",
        kIndexVersion, "; rebuild it with `unspin index build`"));
  }
  if (h.header_size != sizeof(IndexFileHeader)) return Corrupt(path, "bad header size");
  if (h.file_size != size) {
    return Corrupt(path, absl::StrCat("file is ", size, " bytes, header says ", h.file_size));
  }
  madvise(map, size, MADV_SEQUENTIAL);
  Checksum64 body;
  body.Update(index->base_ + sizeof(IndexFileHeader), size - sizeof(IndexFileHeader));
  if (IndexHeaderChecksum(h, body.Finish()) != h.checksum)
    return Corrupt(path, "checksum mismatch");
  madvise(map, size, MADV_RANDOM);
  if (h.params != params) {
    return absl::FailedPreconditionError(
        absl::StrCat(path,
                     ": index was built with different fingerprint parameters or vocabulary; "
                     "rebuild it with `unspin index build`"));
  }
  // Section bounds (a valid checksum on a crafted file must still not crash us).
  const auto fits = [&](uint64_t offset, uint64_t count, uint64_t unit) {
    return offset % 8 == 0 && offset <= size && count <= (size - offset) / unit;
  };
  if (!fits(h.docs_offset, h.num_docs, sizeof(DocRecord)) || !fits(h.ids_offset, h.ids_size, 1) ||
      !fits(h.shingles_offset, h.shingles_size, 4) ||
      !fits(h.bands_offset, h.num_bands, sizeof(BandEntry))) {
    return Corrupt(path, "section out of bounds");
  }
  index->docs_ = reinterpret_cast<const DocRecord*>(index->base_ + h.docs_offset);
  index->num_docs_ = h.num_docs;
  index->ids_ = reinterpret_cast<const char*>(index->base_ + h.ids_offset);
  index->shingles_ = reinterpret_cast<const uint32_t*>(index->base_ + h.shingles_offset);
  index->bands_ = reinterpret_cast<const BandEntry*>(index->base_ + h.bands_offset);
  index->num_bands_ = h.num_bands;
  for (size_t i = 0; i < index->num_docs_; ++i) {
    const DocRecord& r = index->docs_[i];
    const uint64_t n = uint64_t{r.plain_size} + r.canonical_size + r.anchor_size;
    if (r.id_offset > h.ids_size || r.id_size > h.ids_size - r.id_offset ||
        r.shingles_offset > h.shingles_size || n > h.shingles_size - r.shingles_offset) {
      return Corrupt(path, absl::StrCat("document ", i, " out of bounds"));
    }
  }
  for (size_t i = 0; i < index->num_bands_; ++i) {
    if (index->bands_[i].doc >= index->num_docs_ ||
        (i > 0 && index->bands_[i].key < index->bands_[i - 1].key)) {
      return Corrupt(path, "band table out of order");
    }
  }
  return index;
}

absl::string_view DedupIndex::id(size_t doc) const {
  return absl::string_view(ids_ + docs_[doc].id_offset, docs_[doc].id_size);
}

FingerprintView DedupIndex::fingerprint(size_t doc) const {
  const DocRecord& r = docs_[doc];
  const uint32_t* p = shingles_ + r.shingles_offset;
  FingerprintView v;
  v.exact_hash = r.exact_hash;
  v.plain = {p, r.plain_size};
  v.canonical = {p + r.plain_size, r.canonical_size};
  v.anchors = {p + r.plain_size + r.canonical_size, r.anchor_size};
  return v;
}

double DedupIndex::spin_score(size_t doc) const { return docs_[doc].spin_score; }

void DedupIndex::Candidates(const Fingerprint& f, std::vector<uint32_t>* out) const {
  out->clear();
  const BandEntry* end = bands_ + num_bands_;
  for (uint64_t key : f.band_keys) {
    const BandEntry* it = std::lower_bound(
        bands_, end, key, [](const BandEntry& e, uint64_t k) { return e.key < k; });
    for (; it != end && it->key == key; ++it) out->push_back(it->doc);
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

absl::Status WriteIndex(const std::string& path, uint64_t params, const DedupIndex* base,
                        const std::vector<IndexEntry>& added) {
  const size_t base_docs = base == nullptr ? 0 : base->size();
  IndexFileHeader h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, kIndexMagic, sizeof(kIndexMagic));
  h.version = kIndexVersion;
  h.header_size = sizeof(IndexFileHeader);
  h.params = params;
  h.num_docs = base_docs + added.size();
  for (size_t i = 0; i < base_docs; ++i) {
    const FingerprintView v = base->fingerprint(i);
    h.ids_size += base->id(i).size();
    h.shingles_size += v.plain.size + v.canonical.size + v.anchors.size;
  }
  std::vector<DedupIndex::BandEntry> new_bands;
  for (size_t i = 0; i < added.size(); ++i) {
    const Fingerprint& f = added[i].fingerprint;
    h.ids_size += added[i].id.size();
    h.shingles_size += f.plain.size() + f.canonical.size() + f.anchors.size();
    for (uint64_t k : f.band_keys) {
      new_bands.push_back({k, static_cast<uint32_t>(base_docs + i), 0});
    }
  }
  if (h.num_docs > UINT32_MAX) return absl::OutOfRangeError("too many documents for one index");
  std::sort(new_bands.begin(), new_bands.end(),
            [](const DedupIndex::BandEntry& a, const DedupIndex::BandEntry& b) {
              return a.key != b.key ? a.key < b.key : a.doc < b.doc;
            });
  new_bands.erase(std::unique(new_bands.begin(), new_bands.end(),
                              [](const DedupIndex::BandEntry& a, const DedupIndex::BandEntry& b) {
                                return a.key == b.key && a.doc == b.doc;
                              }),
                  new_bands.end());
  h.num_bands = (base == nullptr ? 0 : base->num_bands()) + new_bands.size();
  h.docs_offset = sizeof(IndexFileHeader);
  h.ids_offset = h.docs_offset + h.num_docs * sizeof(DedupIndex::DocRecord);
  h.shingles_offset = Align8(h.ids_offset + h.ids_size);
  h.bands_offset = Align8(h.shingles_offset + h.shingles_size * 4);
  h.file_size = h.bands_offset + h.num_bands * sizeof(DedupIndex::BandEntry);

  const std::string tmp = absl::StrCat(path, ".tmp.", getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    return absl::PermissionDeniedError(absl::StrCat(tmp, ": ", std::strerror(errno)));
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
  bool ok = std::fwrite(&h, sizeof(h), 1, f) == 1;  // placeholder, rewritten with the checksum
  Writer w(f);
  // Documents.
  uint64_t id_offset = 0, shingle_offset = 0;
  const auto record = [&](absl::string_view id, const FingerprintView& v, double spin) {
    DedupIndex::DocRecord r;
    std::memset(&r, 0, sizeof(r));
    r.id_offset = id_offset;
    r.id_size = static_cast<uint32_t>(id.size());
    r.exact_hash = v.exact_hash;
    r.shingles_offset = shingle_offset;
    r.plain_size = static_cast<uint32_t>(v.plain.size);
    r.canonical_size = static_cast<uint32_t>(v.canonical.size);
    r.anchor_size = static_cast<uint32_t>(v.anchors.size);
    r.spin_score = spin;
    id_offset += id.size();
    shingle_offset += v.plain.size + v.canonical.size + v.anchors.size;
    return w.Write(&r, sizeof(r));
  };
  for (size_t i = 0; ok && i < base_docs; ++i) {
    ok = record(base->id(i), base->fingerprint(i), base->spin_score(i));
  }
  for (size_t i = 0; ok && i < added.size(); ++i) {
    ok = record(added[i].id, View(added[i].fingerprint), added[i].spin_score);
  }
  // Ids.
  for (size_t i = 0; ok && i < base_docs; ++i) ok = w.Write(base->id(i).data(), base->id(i).size());
  for (size_t i = 0; ok && i < added.size(); ++i)
    ok = w.Write(added[i].id.data(), added[i].id.size());
  ok = ok && w.Pad();
  // Shingles.
  const auto shingles = [&](const FingerprintView& v) {
    return w.Write(v.plain.data, v.plain.size * 4) &&
           w.Write(v.canonical.data, v.canonical.size * 4) &&
           w.Write(v.anchors.data, v.anchors.size * 4);
  };
  for (size_t i = 0; ok && i < base_docs; ++i) ok = shingles(base->fingerprint(i));
  for (size_t i = 0; ok && i < added.size(); ++i) ok = shingles(View(added[i].fingerprint));
  ok = ok && w.Pad();
  // Bands: merge the old sorted table with the new one; new documents have higher indices, so
  // on equal keys old entries come first.
  const DedupIndex::BandEntry* old_it = base == nullptr ? nullptr : base->bands();
  const DedupIndex::BandEntry* old_end = base == nullptr ? nullptr : old_it + base->num_bands();
  auto new_it = new_bands.begin();
  while (ok && (old_it != old_end || new_it != new_bands.end())) {
    const bool take_old =
        new_it == new_bands.end() || (old_it != old_end && old_it->key <= new_it->key);
    ok = w.Write(take_old ? old_it++ : &*new_it++, sizeof(DedupIndex::BandEntry));
  }
  h.checksum = IndexHeaderChecksum(h, w.checksum());
  ok = ok && std::fflush(f) == 0 && std::fseek(f, 0, SEEK_SET) == 0 &&
       std::fwrite(&h, sizeof(h), 1, f) == 1 && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  const int saved_errno = errno;
  if (std::fclose(f) != 0) ok = false;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = ok ? errno : saved_errno;
    std::remove(tmp.c_str());
    return absl::InternalError(absl::StrCat(path, ": cannot write index: ", std::strerror(e)));
  }
  return absl::OkStatus();
}

}  // namespace dedup
}  // namespace unspin
