#include "detector/lexicon/data_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "detector/util/file_io.h"

namespace unspin {
namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "data files are little-endian and used in place");

constexpr char kMagic[8] = {'U', 'N', 'S', 'P', 'I', 'N', 'D', 'F'};
constexpr size_t kAlignment = 64;
// A sanity bound: real files have a handful of sections.
constexpr uint32_t kMaxSections = 4096;

struct Header {
  char magic[8];
  uint32_t kind;
  uint32_t version;
  uint64_t file_size;
  uint32_t section_count;
  uint32_t reserved;
  uint64_t table_checksum;  // over this header (with this field zero) and the section table
  uint8_t padding[24];
};
static_assert(sizeof(Header) == 64, "header layout");

struct SectionEntry {
  uint32_t id;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
  uint64_t checksum;
};
static_assert(sizeof(SectionEntry) == 32, "section entry layout");

constexpr uint64_t kPrime1 = 11400714785074694791ULL;
constexpr uint64_t kPrime2 = 14029467366897019727ULL;
constexpr uint64_t kPrime3 = 1609587929392839161ULL;
constexpr uint64_t kPrime4 = 9650029242287828579ULL;
constexpr uint64_t kPrime5 = 2870177450012600261ULL;

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint64_t Round(uint64_t acc, uint64_t input) {
  acc += input * kPrime2;
  return Rotl(acc, 31) * kPrime1;
}
inline uint64_t MergeRound(uint64_t acc, uint64_t val) {
  acc ^= Round(0, val);
  return acc * kPrime1 + kPrime4;
}

size_t AlignUp(size_t n) { return (n + kAlignment - 1) / kAlignment * kAlignment; }

uint64_t TableChecksum(Header header, absl::string_view table) {
  header.table_checksum = 0;
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof(header));
  if (!table.empty()) bytes.append(table.data(), table.size());
  return Checksum64(bytes);
}

}  // namespace

std::string DataKindName(uint32_t kind) {
  switch (kind) {
    case kLanguageModelKind:
      return "language model";
    case kThesaurusKind:
      return "thesaurus";
    case kPhraseLexiconKind:
      return "phrase lexicon";
    case kTermIndexKind:
      return "term index";
    case kSwapIndexKind:
      return "swap index";
  }
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((kind >> (8 * i)) & 0xFF);
    name += (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  return absl::StrCat("unknown kind '", name, "'");
}

uint64_t Checksum64(absl::string_view bytes) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  uint64_t h;
  if (bytes.size() >= 32) {
    uint64_t v1 = kPrime1 + kPrime2, v2 = kPrime2, v3 = 0, v4 = 0 - kPrime1;
    const char* const limit = end - 32;
    do {
      v1 = Round(v1, Load64(p));
      v2 = Round(v2, Load64(p + 8));
      v3 = Round(v3, Load64(p + 16));
      v4 = Round(v4, Load64(p + 24));
      p += 32;
    } while (p <= limit);
    h = Rotl(v1, 1) + Rotl(v2, 7) + Rotl(v3, 12) + Rotl(v4, 18);
    h = MergeRound(h, v1);
    h = MergeRound(h, v2);
    h = MergeRound(h, v3);
    h = MergeRound(h, v4);
  } else {
    h = kPrime5;
  }
  h += static_cast<uint64_t>(bytes.size());
  while (p + 8 <= end) {
    h ^= Round(0, Load64(p));
    h = Rotl(h, 27) * kPrime1 + kPrime4;
    p += 8;
  }
  if (p + 4 <= end) {
    h ^= static_cast<uint64_t>(Load32(p)) * kPrime1;
    h = Rotl(h, 23) * kPrime2 + kPrime3;
    p += 4;
  }
  while (p < end) {
    h ^= static_cast<uint64_t>(static_cast<uint8_t>(*p)) * kPrime5;
    h = Rotl(h, 11) * kPrime1;
    ++p;
  }
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

DataFileWriter::DataFileWriter(uint32_t kind, uint32_t version) : kind_(kind), version_(version) {}

void DataFileWriter::AddSection(uint32_t id, std::string payload) {
  sections_[id] = std::move(payload);
}

absl::StatusOr<std::string> DataFileWriter::Serialize() const {
  if (sections_.size() > kMaxSections) {
    return absl::InvalidArgumentError(absl::StrCat("too many sections: ", sections_.size()));
  }
  Header header;
  std::memset(&header, 0, sizeof(header));
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.kind = kind_;
  header.version = version_;
  header.section_count = static_cast<uint32_t>(sections_.size());

  std::vector<SectionEntry> entries;
  size_t offset = AlignUp(sizeof(Header) + sections_.size() * sizeof(SectionEntry));
  for (const auto& [id, payload] : sections_) {
    SectionEntry e;
    std::memset(&e, 0, sizeof(e));
    e.id = id;
    e.offset = offset;
    e.size = payload.size();
    e.checksum = Checksum64(payload);
    entries.push_back(e);
    offset = AlignUp(offset + payload.size());
  }
  header.file_size = offset;
  const absl::string_view table(reinterpret_cast<const char*>(entries.data()),
                                entries.size() * sizeof(SectionEntry));
  header.table_checksum = TableChecksum(header, table);

  std::string image(offset, '\0');
  std::memcpy(&image[0], &header, sizeof(header));
  if (!table.empty()) std::memcpy(&image[sizeof(header)], table.data(), table.size());
  size_t i = 0;
  for (const auto& entry : sections_) {
    if (!entry.second.empty()) {
      std::memcpy(&image[entries[i].offset], entry.second.data(), entry.second.size());
    }
    ++i;
  }
  return image;
}

absl::Status DataFileWriter::WriteTo(const std::string& path) const {
  absl::StatusOr<std::string> image = Serialize();
  if (!image.ok()) return image.status();
  return WriteFileAtomically(path, *image);
}

absl::StatusOr<DataFile> DataFile::Open(const std::string& path, uint32_t kind, uint32_t version) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string message = absl::StrCat(path, ": ", std::strerror(err));
    return err == ENOENT ? absl::NotFoundError(message) : absl::UnavailableError(message);
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(err)));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a regular file"));
  }
  if (st.st_size < static_cast<off_t>(sizeof(Header))) {
    close(fd);
    return absl::DataLossError(absl::StrCat(path, ": not an unspin ", DataKindName(kind), " file (",
                                            st.st_size, " bytes, too short)"));
  }
  void* map = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  const int err = errno;
  close(fd);
  if (map == MAP_FAILED) {
    return absl::UnavailableError(absl::StrCat(path, ": mmap: ", std::strerror(err)));
  }
  DataFile file;
  file.name_ = path;
  file.data_ = static_cast<const char*>(map);
  file.size_ = static_cast<size_t>(st.st_size);
  file.mapped_ = true;
  absl::Status status = file.Parse(kind, version);
  if (!status.ok()) return status;
  return file;
}

absl::StatusOr<DataFile> DataFile::FromBuffer(absl::string_view image, uint32_t kind,
                                              uint32_t version, std::string name) {
  DataFile file;
  file.name_ = std::move(name);
  const size_t words = (image.size() + 7) / 8;
  file.owned_.reset(new uint64_t[words > 0 ? words : 1]);
  if (!image.empty()) std::memcpy(file.owned_.get(), image.data(), image.size());
  file.data_ = reinterpret_cast<const char*>(file.owned_.get());
  file.size_ = image.size();
  if (file.size_ < sizeof(Header)) {
    return absl::DataLossError(absl::StrCat(file.name_, ": not an unspin ", DataKindName(kind),
                                            " file (", file.size_, " bytes, too short)"));
  }
  absl::Status status = file.Parse(kind, version);
  if (!status.ok()) return status;
  return file;
}

absl::Status DataFile::Parse(uint32_t kind, uint32_t version) {
  Header header;
  std::memcpy(&header, data_, sizeof(header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    return absl::DataLossError(
        absl::StrCat(name_, ": not an unspin ", DataKindName(kind), " file (bad magic)"));
  }
  if (header.kind != kind) {
    return absl::InvalidArgumentError(absl::StrCat(name_, ": is an unspin ",
                                                   DataKindName(header.kind), " file, expected a ",
                                                   DataKindName(kind)));
  }
  if (header.version != version) {
    return absl::FailedPreconditionError(
        absl::StrCat(name_, ": ", DataKindName(kind), " format version ", header.version,
                     ", this build reads version ", version, "; rebuild the data files"));
  }
  if (header.file_size != size_) {
    return absl::DataLossError(absl::StrCat(name_, ": truncated or padded: header says ",
                                            header.file_size, " bytes, file has ", size_));
  }
  if (header.section_count > kMaxSections ||
      sizeof(Header) + header.section_count * sizeof(SectionEntry) > size_) {
    return absl::DataLossError(absl::StrCat(name_, ": corrupt section table"));
  }
  const absl::string_view table(data_ + sizeof(Header),
                                header.section_count * sizeof(SectionEntry));
  if (TableChecksum(header, table) != header.table_checksum) {
    return absl::DataLossError(absl::StrCat(name_, ": corrupt (header checksum mismatch)"));
  }
  for (uint32_t i = 0; i < header.section_count; ++i) {
    SectionEntry e;
    std::memcpy(&e, table.data() + i * sizeof(SectionEntry), sizeof(e));
    if (e.offset % kAlignment != 0 || e.offset > size_ || e.size > size_ - e.offset) {
      return absl::DataLossError(
          absl::StrCat(name_, ": corrupt (section ", e.id, " lies outside the file)"));
    }
    if (!sections_
             .emplace(e.id, SectionView{absl::string_view(data_ + e.offset, e.size), e.checksum})
             .second) {
      return absl::DataLossError(absl::StrCat(name_, ": corrupt (section ", e.id, " twice)"));
    }
  }
  return absl::OkStatus();
}

DataFile::DataFile(DataFile&& other) noexcept { *this = std::move(other); }

DataFile& DataFile::operator=(DataFile&& other) noexcept {
  if (this != &other) {
    Release();
    name_ = std::move(other.name_);
    data_ = other.data_;
    size_ = other.size_;
    mapped_ = other.mapped_;
    owned_ = std::move(other.owned_);
    sections_ = std::move(other.sections_);
    other.data_ = nullptr;
    other.size_ = 0;
    other.mapped_ = false;
    other.sections_.clear();
  }
  return *this;
}

DataFile::~DataFile() { Release(); }

void DataFile::Release() {
  if (mapped_ && data_ != nullptr) munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
  mapped_ = false;
  owned_.reset();
  sections_.clear();
}

absl::StatusOr<absl::string_view> DataFile::Section(uint32_t id) const {
  auto it = sections_.find(id);
  if (it == sections_.end()) {
    return absl::DataLossError(absl::StrCat(name_, ": corrupt (section ", id, " missing)"));
  }
  return it->second.bytes;
}

absl::Status DataFile::VerifyPayload() const {
  for (const auto& [id, view] : sections_) {
    if (Checksum64(view.bytes) != view.checksum) {
      return absl::DataLossError(
          absl::StrCat(name_, ": corrupt (checksum mismatch in section ", id, ")"));
    }
  }
  return absl::OkStatus();
}

}  // namespace unspin
