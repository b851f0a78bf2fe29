#include "detector/lexicon/data_file.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "detector/util/file_io.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

constexpr uint32_t kKind = kThesaurusKind;
constexpr uint32_t kVersion = 3;

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::string FlipBit(std::string s, size_t pos, char mask) {
  if (pos < s.size()) s[pos] = static_cast<char>(s[pos] ^ mask);
  return s;
}

std::string SampleImage() {
  DataFileWriter writer(kKind, kVersion);
  writer.AddSection(7, "hello, sections");
  const uint32_t numbers[] = {1, 2, 3, 0xFFFFFFFF};
  writer.AddArray<uint32_t>(9, numbers);
  writer.AddSection(11, "");
  absl::StatusOr<std::string> image = writer.Serialize();
  EXPECT_TRUE(image.ok()) << image.status();
  return *image;
}

TEST(Checksum64Test, MatchesPublishedXxh64Vectors) {
  EXPECT_EQ(Checksum64(""), 0xEF46DB3751D8E999ULL);
  EXPECT_EQ(Checksum64("a"), 0xD24EC4F1A98C6E5BULL);
  EXPECT_EQ(Checksum64("abc"), 0x44BC2CF5AD770999ULL);
}

TEST(Checksum64Test, EveryByteCounts) {
  std::string text(1000, 'x');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = static_cast<char>(i);
  const uint64_t base = Checksum64(text);
  for (size_t pos : {0, 31, 32, 500, 999}) {
    std::string changed = text;
    changed[pos] ^= 1;
    EXPECT_NE(Checksum64(changed), base) << pos;
  }
}

TEST(DataFileTest, RoundTripThroughFile) {
  const std::string path = TempPath("roundtrip.bin");
  ASSERT_TRUE(WriteFileAtomically(path, SampleImage()).ok());
  absl::StatusOr<DataFile> file = DataFile::Open(path, kKind, kVersion);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(*file->Section(7), "hello, sections");
  absl::StatusOr<absl::Span<const uint32_t>> numbers = file->Array<uint32_t>(9);
  ASSERT_TRUE(numbers.ok());
  EXPECT_EQ(std::vector<uint32_t>(numbers->begin(), numbers->end()),
            (std::vector<uint32_t>{1, 2, 3, 0xFFFFFFFF}));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(numbers->data()) % 64, 0u) << "sections are aligned";
  EXPECT_TRUE(file->Section(11)->empty());
  EXPECT_TRUE(file->VerifyPayload().ok());
  EXPECT_FALSE(file->HasSection(8));
  EXPECT_EQ(file->Section(8).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_FALSE(file->Array<uint64_t>(7).ok()) << "15 bytes are not uint64s";

  // Moving keeps the views valid.
  DataFile moved = std::move(*file);
  EXPECT_EQ(*moved.Section(7), "hello, sections");
}

struct BadImageCase {
  std::string name;
  std::function<std::string(std::string)> damage;
  uint32_t kind;
  uint32_t version;
  absl::StatusCode code;
  std::string message_part;
};

TEST(DataFileTest, RejectsBadImagesWithClearErrors) {
  const std::vector<BadImageCase> cases = {
      {"empty", [](std::string) { return std::string(); }, kKind, kVersion,
       absl::StatusCode::kDataLoss, "too short"},
      {"text file", [](std::string) { return std::string(100, 'x'); }, kKind, kVersion,
       absl::StatusCode::kDataLoss, "bad magic"},
      {"other kind", [](std::string s) { return s; }, kLanguageModelKind, kVersion,
       absl::StatusCode::kInvalidArgument,
       "is an unspin thesaurus file, expected a language model"},
      {"other version", [](std::string s) { return s; }, kKind, kVersion + 1,
       absl::StatusCode::kFailedPrecondition, "rebuild"},
      {"truncated", [](std::string s) { return s.substr(0, s.size() - 10); }, kKind, kVersion,
       absl::StatusCode::kDataLoss, "truncated"},
      {"appended", [](std::string s) { return s + "junk"; }, kKind, kVersion,
       absl::StatusCode::kDataLoss, "truncated or padded"},
      // Byte 44 is header padding: only the checksum notices.
      {"header byte flipped", [](std::string s) { return FlipBit(std::move(s), 44, 0x40); }, kKind,
       kVersion, absl::StatusCode::kDataLoss, "header checksum"},
      // Byte 72 is the first section's offset.
      {"section table byte flipped", [](std::string s) { return FlipBit(std::move(s), 72, 1); },
       kKind, kVersion, absl::StatusCode::kDataLoss, "header checksum"},
  };
  for (const BadImageCase& c : cases) {
    const std::string image = c.damage(SampleImage());
    absl::StatusOr<DataFile> file = DataFile::FromBuffer(image, c.kind, c.version, "x.bin");
    ASSERT_FALSE(file.ok()) << c.name;
    EXPECT_EQ(file.status().code(), c.code) << c.name << ": " << file.status();
    EXPECT_NE(file.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << file.status();
    EXPECT_NE(file.status().message().find("x.bin"), std::string::npos) << c.name;
  }
}

TEST(DataFileTest, PayloadDamageIsFoundByVerifyPayload) {
  std::string image = SampleImage();
  const size_t pos = image.find("hello, sections");
  ASSERT_NE(pos, std::string::npos);
  image[pos] = 'j';
  absl::StatusOr<DataFile> file = DataFile::FromBuffer(image, kKind, kVersion, "x.bin");
  ASSERT_TRUE(file.ok()) << "open checks only the header";
  const absl::Status verify = file->VerifyPayload();
  EXPECT_EQ(verify.code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(verify.message().find("section 7"), std::string::npos) << verify;
}

TEST(DataFileTest, OpenReportsMissingFilesAndDirectories) {
  absl::StatusOr<DataFile> missing = DataFile::Open(TempPath("no-such-file"), kKind, kVersion);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("no-such-file"), std::string::npos);
  const char* dir = std::getenv("TEST_TMPDIR");
  absl::StatusOr<DataFile> directory =
      DataFile::Open(dir != nullptr ? dir : "/tmp", kKind, kVersion);
  EXPECT_EQ(directory.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace unspin
