// The container format of unspin's compiled data files (language model, thesaurus, phrase
// lexicon): a fixed header, a table of typed sections, and 64-byte aligned section payloads that
// are used in place from a read-only memory mapping.
//
//   // Build time:
//   unspin::DataFileWriter writer(unspin::kLanguageModelKind, /*version=*/1);
//   writer.AddSection(kVocabSection, bytes);
//   UNSPIN_RETURN_IF_ERROR(writer.WriteTo("en-us.lm"));
//
//   // Run time:
//   UNSPIN_ASSIGN_OR_RETURN(unspin::DataFile file,
//                           unspin::DataFile::Open("en-us.lm", unspin::kLanguageModelKind, 1));
//   UNSPIN_ASSIGN_OR_RETURN(absl::Span<const float> probs, file.Array<float>(kProbSection));
//
// Layout (all integers little-endian):
//   header   64 bytes: magic "UNSPINDF", kind (FourCC), version, file size, section count,
//            checksum of header + section table
//   sections section_count x 32 bytes: id, offset, size, checksum of the payload
//   payloads each starting at a multiple of 64 bytes
//
// Open() checks magic, kind, version, file size (truncation), the header checksum and that every
// section lies inside the file: O(number of sections), so opening a 40 MB file costs one mmap.
// Payload checksums are checked by VerifyPayload() (the compilers and tests call it; the CLI can
// on request), because hashing every byte at open would page in the whole file. Readers of
// payloads must bounds-check indices they read from the file, so a corrupt payload yields wrong
// answers at worst, never an out-of-bounds read.
#ifndef UNSPIN_DETECTOR_LEXICON_DATA_FILE_H_
#define UNSPIN_DETECTOR_LEXICON_DATA_FILE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace unspin {

// FourCC kinds of the data files, so that a thesaurus given where a language model is expected
// is reported as such.
constexpr uint32_t MakeFourCc(char a, char b, char c, char d) {
  return static_cast<uint32_t>(static_cast<uint8_t>(a)) |
         static_cast<uint32_t>(static_cast<uint8_t>(b)) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(c)) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(d)) << 24;
}
inline constexpr uint32_t kLanguageModelKind = MakeFourCc('L', 'M', '3', 'G');
inline constexpr uint32_t kThesaurusKind = MakeFourCc('T', 'H', 'E', 'S');
inline constexpr uint32_t kPhraseLexiconKind = MakeFourCc('P', 'H', 'R', 'L');
inline constexpr uint32_t kTermIndexKind = MakeFourCc('T', 'E', 'R', 'M');
inline constexpr uint32_t kSwapIndexKind = MakeFourCc('S', 'W', 'A', 'P');

// Human-readable name of a kind ("language model"), for error messages.
std::string DataKindName(uint32_t kind);

// 64-bit checksum of `bytes` (the XXH64 algorithm, seed 0).
uint64_t Checksum64(absl::string_view bytes);

class DataFileWriter {
 public:
  DataFileWriter(uint32_t kind, uint32_t version);

  // Adds a section. Ids must be unique within a file.
  void AddSection(uint32_t id, std::string payload);

  // Adds a section holding the raw bytes of `values` (trivially copyable elements).
  template <typename T>
  void AddArray(uint32_t id, absl::Span<const T> values) {
    static_assert(std::is_trivially_copyable<T>::value, "sections hold plain data");
    AddSection(
        id, std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)));
  }

  // The complete file image.
  absl::StatusOr<std::string> Serialize() const;

  // Serializes and writes the file atomically (temporary file + rename).
  absl::Status WriteTo(const std::string& path) const;

 private:
  uint32_t kind_;
  uint32_t version_;
  std::map<uint32_t, std::string> sections_;
};

// A read-only data file: memory-mapped, or held in memory (FromBuffer, for tests and for data
// built at run time). Movable, not copyable; section views stay valid while the DataFile lives.
// Thread-safe: nothing mutates after Open.
class DataFile {
 public:
  // Maps `path` and validates header and section table. `kind` and `version` are what the
  // caller reads; anything else is an error that names the file and says what it is.
  static absl::StatusOr<DataFile> Open(const std::string& path, uint32_t kind, uint32_t version);

  // Same checks on an in-memory image (copied into an aligned buffer).
  static absl::StatusOr<DataFile> FromBuffer(absl::string_view image, uint32_t kind,
                                             uint32_t version, std::string name = "<memory>");

  DataFile(DataFile&& other) noexcept;
  DataFile& operator=(DataFile&& other) noexcept;
  DataFile(const DataFile&) = delete;
  DataFile& operator=(const DataFile&) = delete;
  ~DataFile();

  bool HasSection(uint32_t id) const { return sections_.count(id) != 0; }

  // Payload of section `id`; a DataLoss error naming the file when it is absent.
  absl::StatusOr<absl::string_view> Section(uint32_t id) const;

  // Payload of section `id` viewed as an array of T. The size must be a multiple of sizeof(T).
  template <typename T>
  absl::StatusOr<absl::Span<const T>> Array(uint32_t id) const {
    static_assert(std::is_trivially_copyable<T>::value, "sections hold plain data");
    absl::StatusOr<absl::string_view> bytes = Section(id);
    if (!bytes.ok()) return bytes.status();
    if (bytes->size() % sizeof(T) != 0) {
      return absl::DataLossError(absl::StrCat(name_, ": section ", id, " has ", bytes->size(),
                                              " bytes, not a multiple of ", sizeof(T)));
    }
    return absl::Span<const T>(reinterpret_cast<const T*>(bytes->data()),
                               bytes->size() / sizeof(T));
  }

  // Recomputes every payload checksum. DataLoss naming the first bad section.
  absl::Status VerifyPayload() const;

  const std::string& name() const { return name_; }
  size_t size() const { return size_; }

 private:
  struct SectionView {
    absl::string_view bytes;
    uint64_t checksum = 0;
  };

  DataFile() = default;
  absl::Status Parse(uint32_t kind, uint32_t version);
  void Release();

  std::string name_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;                // data_ is an mmap region of size_ bytes
  std::unique_ptr<uint64_t[]> owned_;  // aligned copy for FromBuffer
  std::map<uint32_t, SectionView> sections_;
};

// What every reader of a compiled data file does with the file it opened (Open) or was given
// (FromImage): a failed open passes through; otherwise T takes the file and T::Init validates
// what its lookups will trust. T's constructor from a DataFile and Init are private, so T
// befriends this: `friend absl::StatusOr<T> LoadDataFile<T>(absl::StatusOr<DataFile>);`.
template <typename T>
absl::StatusOr<T> LoadDataFile(absl::StatusOr<DataFile> file) {
  if (!file.ok()) return file.status();
  T loaded(std::move(*file));
  if (absl::Status status = loaded.Init(); !status.ok()) return status;
  return loaded;
}

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_DATA_FILE_H_
