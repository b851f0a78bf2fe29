#include "detector/dedup/fingerprint.h"

#include <string>

#include "gtest/gtest.h"

namespace unspin {
namespace dedup {
namespace {

constexpr char kOriginal[] =
    "Officials in Brussels said on Tuesday that the European Commission will review the 2024 "
    "budget after Finland and Estonia asked for 3.5 billion euros to protect the eastern "
    "border. The request follows months of talks between Helsinki and Tallinn, and Ursula von "
    "der Leyen told reporters the vision for the region would be ready by March.";

// The same story run through a spinner: most content words swapped, names and numbers kept.
constexpr char kSpun[] =
    "Authorities in Brussels stated on Tuesday that the European Commission shall examine the "
    "2024 finances once Finland and Estonia requested 3.5 billion euros to safeguard the "
    "easterly frontier. The appeal comes after months of discussions between Helsinki and "
    "Tallinn, and Ursula von der Leyen instructed journalists the imaginative and prescient "
    "for the area could be prepared by March.";

constexpr char kOther[] =
    "A storm brought heavy rain to the coast of Portugal on Sunday, flooding streets in Porto "
    "and Lisbon. Weather services warned that 40 millimetres more could fall before Wednesday, "
    "and the national railway cancelled 120 trains while engineers inspected the lines.";

class FingerprintTest : public ::testing::Test {
 protected:
  FingerprintTest() : canonicalizer_(NewBasicCanonicalizer()), fp_(canonicalizer_.get(), {}) {}
  Match Run(const char* a, const char* b, double threshold = 0.5) {
    const Fingerprint fa = fp_.Compute(a), fb = fp_.Compute(b);
    return Decide(View(fa), View(fb), threshold, FingerprintOptions());
  }
  std::unique_ptr<Canonicalizer> canonicalizer_;
  Fingerprinter fp_;
};

TEST_F(FingerprintTest, ExactIgnoresCaseSpacingAndQuoteStyle) {
  const Match m =
      Run("He said \"Yes\" to  the plan.", "he said \xe2\x80\x9cyes\xe2\x80\x9d to the\nplan.");
  EXPECT_EQ(m.kind, MatchKind::kExact);
  EXPECT_EQ(Run("He said yes.", "He said no.").kind, MatchKind::kNone);
}

TEST_F(FingerprintTest, NearCopyWithAnEdit) {
  std::string edited = kOriginal;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  const Match m = Run(kOriginal, edited.c_str());
  EXPECT_EQ(m.kind, MatchKind::kNear);
  EXPECT_GT(m.similarity, 0.7);
  EXPECT_LT(m.similarity, 1.0);
}

TEST_F(FingerprintTest, SpunCopyMatchesThroughAnchors) {
  const Fingerprint a = fp_.Compute(kOriginal), b = fp_.Compute(kSpun);
  const Similarity s = Compare(View(a), View(b), FingerprintOptions());
  EXPECT_LT(s.plain, 0.3);
  EXPECT_GT(s.anchors, 0.8);
  const Match m = Run(kOriginal, kSpun);
  EXPECT_EQ(m.kind, MatchKind::kSpun);
  EXPECT_DOUBLE_EQ(m.similarity, s.spin);
}

TEST_F(FingerprintTest, UnrelatedArticlesDoNotMatch) {
  EXPECT_EQ(Run(kOriginal, kOther, 0.2).kind, MatchKind::kNone);
  EXPECT_EQ(Run(kSpun, kOther, 0.2).kind, MatchKind::kNone);
}

TEST_F(FingerprintTest, BandKeysAreSharedByTheSpunCopy) {
  const Fingerprint a = fp_.Compute(kOriginal), b = fp_.Compute(kSpun), c = fp_.Compute(kOther);
  const FingerprintOptions o;
  ASSERT_EQ(a.band_keys.size(), 1u + 2 * o.lsh.bands);
  const auto shared = [](const Fingerprint& x, const Fingerprint& y) {
    int n = 0;
    for (uint64_t k : x.band_keys)
      for (uint64_t l : y.band_keys) n += k == l;
    return n;
  };
  EXPECT_GT(shared(a, b), 5);
  EXPECT_EQ(shared(a, c), 0);
}

TEST_F(FingerprintTest, DeterministicAcrossInstances) {
  Fingerprinter other(canonicalizer_.get(), {});
  const Fingerprint a = fp_.Compute(kOriginal), b = other.Compute(kOriginal);
  EXPECT_EQ(a.plain, b.plain);
  EXPECT_EQ(a.anchors, b.anchors);
  EXPECT_EQ(a.band_keys, b.band_keys);
}

TEST(JaccardTest, Basics) {
  const uint32_t a[] = {1, 2, 3, 4}, b[] = {3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(Jaccard({a, 4}, {b, 4}), 2.0 / 6);
  EXPECT_DOUBLE_EQ(Jaccard({a, 4}, {a, 4}), 1.0);
  EXPECT_DOUBLE_EQ(Jaccard({a, 0}, {b, 0}), 0.0);
}

}  // namespace
}  // namespace dedup
}  // namespace unspin
