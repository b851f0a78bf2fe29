// Groups fingerprinted documents into clusters of duplicates: exact groups first, then LSH
// candidates from shared band keys, each candidate pair verified (Decide), then union-find.
//
//   std::vector<unspin::dedup::Fingerprint> fps = ...;        // one per document, input order
//   std::vector<double> spin_scores(fps.size(), NAN);         // NaN: no score known
//   unspin::dedup::ClusterOptions options;
//   std::vector<unspin::dedup::Cluster> clusters =
//       unspin::dedup::FindClusters(fps, spin_scores, options);
//
// Output is deterministic: clusters are ordered by their first document, members by document
// index, whatever the thread count.
#ifndef UNSPIN_DETECTOR_DEDUP_CLUSTER_H_
#define UNSPIN_DETECTOR_DEDUP_CLUSTER_H_

#include <cstddef>
#include <vector>

#include "detector/dedup/fingerprint.h"

namespace unspin {
namespace dedup {

struct ClusterOptions {
  // A pair is a duplicate when its deciding similarity (see Decide) reaches this.
  double threshold = 0.5;
  // Fingerprint parameters the fingerprints were computed with.
  FingerprintOptions fingerprint;
  // Threads for verification; <= 0 means every core.
  int jobs = 0;
  // An LSH bucket larger than this compares each member with its first `max_bucket` members
  // only, instead of all pairs: bounds the work on degenerate inputs (thousands of near-empty
  // documents) while keeping every member connected to the bucket's cluster.
  size_t max_bucket = 64;
};

struct ClusterMember {
  size_t doc = 0;                     // index into the input
  MatchKind kind = MatchKind::kNone;  // how it matches the representative
  double similarity = 0;              // its similarity to the representative
};

struct Cluster {
  size_t representative = 0;  // lowest spin score; ties (and no scores): first seen
  // The other documents, in input order. A member joined through a chain of matches may match
  // the representative with a similarity below the threshold; its kind is then that of the
  // closer of the two similarities (near or spun).
  std::vector<ClusterMember> members;
};

// Verified candidate pairs (i < j) and their matches; exposed for tests and benchmarks.
struct VerifiedPair {
  size_t a = 0;
  size_t b = 0;
  Match match;
};
std::vector<VerifiedPair> FindDuplicatePairs(const std::vector<Fingerprint>& fingerprints,
                                             const ClusterOptions& options);

std::vector<Cluster> FindClusters(const std::vector<Fingerprint>& fingerprints,
                                  const std::vector<double>& spin_scores,
                                  const ClusterOptions& options);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_CLUSTER_H_
