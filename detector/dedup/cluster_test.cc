#include "detector/dedup/cluster.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace dedup {
namespace {

const char* const kDocs[] = {
    // 0: original
    "Officials in Brussels said on Tuesday that the European Commission will review the 2024 "
    "budget after Finland and Estonia asked for 3.5 billion euros to protect the eastern border. "
    "The request follows months of talks between Helsinki and Tallinn.",
    // 1: unrelated
    "A storm brought heavy rain to the coast of Portugal on Sunday, flooding streets in Porto and "
    "Lisbon, and the national railway cancelled 120 trains while engineers inspected the lines.",
    // 2: spun copy of 0
    "Authorities in Brussels stated on Tuesday that the European Commission shall examine the 2024 "
    "finances once Finland and Estonia requested 3.5 billion euros to safeguard the easterly "
    "frontier. The appeal comes after months of discussions between Helsinki and Tallinn.",
    // 3: exact copy of 1 (case and spacing differ)
    "a storm brought heavy rain to the coast of Portugal on Sunday, flooding streets in Porto and "
    "Lisbon,  and the national railway cancelled 120 trains while engineers inspected the lines.",
    // 4: near copy of 0
    "Officials in Brussels said on Tuesday that the European Commission will review the 2024 "
    "budget after Finland and Estonia asked for 3.5 billion euros to protect the eastern border. "
    "The request follows weeks of talks between Helsinki and Tallinn.",
    // 5: unrelated
    "The museum in Kyoto reopened its garden after a two-year restoration that replanted 300 "
    "maple trees and rebuilt the wooden bridge over the pond.",
};

std::vector<Fingerprint> Fingerprints() {
  static auto* canonicalizer = NewBasicCanonicalizer().release();
  Fingerprinter fp(canonicalizer, {});
  std::vector<Fingerprint> out;
  for (const char* d : kDocs) out.push_back(fp.Compute(d));
  return out;
}

TEST(ClusterTest, GroupsExactNearAndSpunCopies) {
  const std::vector<Fingerprint> fps = Fingerprints();
  const std::vector<Cluster> clusters =
      FindClusters(fps, std::vector<double>(fps.size(), NAN), ClusterOptions());
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].representative, 0u);
  ASSERT_EQ(clusters[0].members.size(), 2u);
  EXPECT_EQ(clusters[0].members[0].doc, 2u);
  EXPECT_EQ(clusters[0].members[0].kind, MatchKind::kSpun);
  EXPECT_EQ(clusters[0].members[1].doc, 4u);
  EXPECT_EQ(clusters[0].members[1].kind, MatchKind::kNear);
  EXPECT_EQ(clusters[1].representative, 1u);
  ASSERT_EQ(clusters[1].members.size(), 1u);
  EXPECT_EQ(clusters[1].members[0].doc, 3u);
  EXPECT_EQ(clusters[1].members[0].kind, MatchKind::kExact);
  EXPECT_EQ(clusters[1].members[0].similarity, 1.0);
}

TEST(ClusterTest, RepresentativeHasTheLowestSpinScore) {
  const std::vector<Fingerprint> fps = Fingerprints();
  std::vector<double> scores(fps.size(), NAN);
  scores[0] = 0.4;
  scores[2] = 0.9;
  scores[4] = 0.1;
  const std::vector<Cluster> clusters = FindClusters(fps, scores, ClusterOptions());
  ASSERT_FALSE(clusters.empty());
  EXPECT_EQ(clusters[0].representative, 4u);
  EXPECT_EQ(clusters[0].members[0].doc, 0u);
}

TEST(ClusterTest, SameResultForEveryThreadCount) {
  const std::vector<Fingerprint> fps = Fingerprints();
  ClusterOptions one, many;
  one.jobs = 1;
  many.jobs = 4;
  const auto a = FindDuplicatePairs(fps, one), b = FindDuplicatePairs(fps, many);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].a, b[i].a);
    EXPECT_EQ(a[i].b, b[i].b);
    EXPECT_EQ(a[i].match.similarity, b[i].match.similarity);
  }
}

TEST(ClusterTest, HighThresholdKeepsOnlyExactAndNear) {
  const std::vector<Fingerprint> fps = Fingerprints();
  ClusterOptions options;
  options.threshold = 0.99;
  const std::vector<Cluster> clusters =
      FindClusters(fps, std::vector<double>(fps.size(), NAN), options);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].representative, 1u);
}

}  // namespace
}  // namespace dedup
}  // namespace unspin
