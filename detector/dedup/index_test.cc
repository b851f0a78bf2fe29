#include "detector/dedup/index.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace dedup {
namespace {

const char* const kTexts[] = {
    "Officials in Brussels said on Tuesday that the European Commission will review the 2024 "
    "budget after Finland and Estonia asked for 3.5 billion euros to protect the eastern border.",
    "A storm brought heavy rain to the coast of Portugal on Sunday, flooding streets in Porto and "
    "Lisbon, and the national railway cancelled 120 trains while engineers inspected the lines.",
    "The museum in Kyoto reopened its garden after a two-year restoration that replanted 300 "
    "maple trees and rebuilt the wooden bridge over the pond.",
};
constexpr char kSpunFirst[] =
    "Authorities in Brussels stated on Tuesday that the European Commission shall examine the "
    "2024 finances once Finland and Estonia requested 3.5 billion euros to safeguard the "
    "easterly frontier.";

class IndexTest : public ::testing::Test {
 protected:
  IndexTest()
      : canonicalizer_(NewBasicCanonicalizer()),
        fingerprinter_(canonicalizer_.get(), options_),
        params_(FingerprintParamsHash(options_, *canonicalizer_)),
        path_(::testing::TempDir() + "/index_test_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".idx") {}

  IndexEntry Entry(const std::string& id, const char* text, double spin = NAN) {
    return IndexEntry{id, fingerprinter_.Compute(text), spin};
  }

  std::string ReadFile() {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void WriteFile(const std::string& bytes) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << bytes;
  }

  FingerprintOptions options_;
  std::unique_ptr<Canonicalizer> canonicalizer_;
  Fingerprinter fingerprinter_;
  uint64_t params_;
  std::string path_;
};

TEST_F(IndexTest, RoundTrip) {
  std::vector<IndexEntry> entries;
  for (int i = 0; i < 3; ++i)
    entries.push_back(Entry("doc" + std::to_string(i), kTexts[i], i * 0.25));
  ASSERT_TRUE(WriteIndex(path_, params_, nullptr, entries).ok());
  absl::StatusOr<std::unique_ptr<DedupIndex>> index = DedupIndex::Open(path_, params_);
  ASSERT_TRUE(index.ok()) << index.status();
  ASSERT_EQ((*index)->size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*index)->id(i), entries[i].id);
    EXPECT_EQ((*index)->spin_score(i), entries[i].spin_score);
    const FingerprintView v = (*index)->fingerprint(i);
    const Fingerprint& f = entries[i].fingerprint;
    EXPECT_EQ(v.exact_hash, f.exact_hash);
    EXPECT_EQ(std::vector<uint32_t>(v.plain.data, v.plain.data + v.plain.size), f.plain);
    EXPECT_EQ(std::vector<uint32_t>(v.canonical.data, v.canonical.data + v.canonical.size),
              f.canonical);
    EXPECT_EQ(std::vector<uint32_t>(v.anchors.data, v.anchors.data + v.anchors.size), f.anchors);
  }
  // A spun copy of document 0 finds it, and only it verifies.
  const Fingerprint spun = fingerprinter_.Compute(kSpunFirst);
  std::vector<uint32_t> candidates;
  (*index)->Candidates(spun, &candidates);
  ASSERT_FALSE(candidates.empty());
  EXPECT_EQ(candidates[0], 0u);
  for (uint32_t c : candidates) {
    const Match m = Decide((*index)->fingerprint(c), View(spun), 0.5, options_);
    EXPECT_EQ(m.kind, c == 0 ? MatchKind::kSpun : MatchKind::kNone) << c;
  }
}

TEST_F(IndexTest, IncrementalAddKeepsOldDocumentsAndFindsNewOnes) {
  ASSERT_TRUE(
      WriteIndex(path_, params_, nullptr, {Entry("a", kTexts[0]), Entry("b", kTexts[1])}).ok());
  {
    absl::StatusOr<std::unique_ptr<DedupIndex>> old = DedupIndex::Open(path_, params_);
    ASSERT_TRUE(old.ok()) << old.status();
    ASSERT_TRUE(WriteIndex(path_, params_, old->get(), {Entry("c", kTexts[2])}).ok());
  }
  absl::StatusOr<std::unique_ptr<DedupIndex>> index = DedupIndex::Open(path_, params_);
  ASSERT_TRUE(index.ok()) << index.status();
  ASSERT_EQ((*index)->size(), 3u);
  EXPECT_EQ((*index)->id(0), "a");
  EXPECT_EQ((*index)->id(2), "c");
  for (size_t i = 0; i < 3; ++i) {
    std::vector<uint32_t> candidates;
    const Fingerprint f = fingerprinter_.Compute(kTexts[i]);
    (*index)->Candidates(f, &candidates);
    ASSERT_FALSE(candidates.empty()) << i;
    EXPECT_EQ(Decide((*index)->fingerprint(i), View(f), 0.5, options_).kind, MatchKind::kExact);
  }
  // Same bytes as building in one go.
  const std::string incremental = ReadFile();
  ASSERT_TRUE(WriteIndex(path_, params_, nullptr,
                         {Entry("a", kTexts[0]), Entry("b", kTexts[1]), Entry("c", kTexts[2])})
                  .ok());
  EXPECT_EQ(ReadFile(), incremental);
}

TEST_F(IndexTest, CorruptionIsAClearError) {
  ASSERT_TRUE(
      WriteIndex(path_, params_, nullptr, {Entry("a", kTexts[0]), Entry("b", kTexts[1])}).ok());
  const std::string good = ReadFile();
  struct Case {
    std::string name;
    std::string bytes;
    std::string error_part;
  };
  std::vector<Case> cases;
  for (size_t offset : {size_t{40}, size_t{130}, good.size() / 2, good.size() - 3}) {
    std::string b = good;
    b[offset] ^= 0x5A;
    cases.push_back({"flip@" + std::to_string(offset), b, "corrupt dedup index"});
  }
  cases.push_back({"truncated", good.substr(0, good.size() - 10), "corrupt dedup index"});
  cases.push_back({"truncated header", good.substr(0, 60), "corrupt dedup index"});
  cases.push_back({"foreign", "{\"text\": \"hello\"}\n", "not an unspin dedup index"});
  cases.push_back({"empty", "", "not an unspin dedup index"});
  std::string newer = good;
  newer[16] = 9;  // version field
  cases.push_back({"version", newer, "format version 9"});
  for (const Case& c : cases) {
    WriteFile(c.bytes);
    absl::StatusOr<std::unique_ptr<DedupIndex>> index = DedupIndex::Open(path_, params_);
    ASSERT_FALSE(index.ok()) << c.name;
    EXPECT_NE(index.status().message().find(c.error_part), absl::string_view::npos)
        << c.name << ": " << index.status();
  }
}

TEST_F(IndexTest, OtherParametersAreRejected) {
  ASSERT_TRUE(WriteIndex(path_, params_, nullptr, {Entry("a", kTexts[0])}).ok());
  absl::StatusOr<std::unique_ptr<DedupIndex>> index = DedupIndex::Open(path_, params_ + 1);
  ASSERT_FALSE(index.ok());
  EXPECT_NE(index.status().message().find("different fingerprint parameters"),
            absl::string_view::npos);
  EXPECT_FALSE(DedupIndex::Open(path_ + ".missing", params_).ok());
}

}  // namespace
}  // namespace dedup
}  // namespace unspin
