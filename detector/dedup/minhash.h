// MinHash signatures and LSH banding over sets of 64-bit shingle hashes.
//
//   unspin::dedup::LshParams lsh{/*bands=*/42, /*rows=*/3};       // 126 permutations
//   unspin::dedup::MinHasher hasher(lsh.permutations(), /*seed=*/1);
//   std::vector<uint32_t> sig = hasher.Signature(shingles);
//   std::vector<uint64_t> keys = unspin::dedup::BandKeys(sig, lsh, /*salt=*/7);
//   double p = lsh.CandidateProbability(0.5);   // chance a pair with Jaccard 0.5 shares a band
//
// Two sets with Jaccard similarity J agree on each permutation's minimum with probability J, so
// they share at least one of b bands of r rows with probability 1 - (1 - J^r)^b: the S-curve.
// Its steepest point, (1/b)^(1/r), is the threshold the parameters "give".
#ifndef UNSPIN_DETECTOR_DEDUP_MINHASH_H_
#define UNSPIN_DETECTOR_DEDUP_MINHASH_H_

#include <cstdint>
#include <vector>

namespace unspin {
namespace dedup {

struct LshParams {
  int bands = 42;  // number of bands; more bands catch lower similarities
  int rows = 3;    // permutations per band; more rows make a band harder to share

  int permutations() const { return bands * rows; }
  // 1 - (1 - J^rows)^bands.
  double CandidateProbability(double jaccard) const;
  // (1/bands)^(1/rows): the similarity where the S-curve is steepest.
  double Threshold() const;
  // The parameters text-dedup and datasketch pick for `threshold` and `permutations`: the (b, r)
  // with b * r <= permutations minimising the equally weighted false positive and false
  // negative areas under the S-curve.
  static LshParams Optimal(double threshold, int permutations);
};

class MinHasher {
 public:
  // Permutation i maps a shingle hash x to the high 32 bits of a_i * x + b_i (a_i odd), a
  // multiply-shift universal family; parameters derive from `seed` and never change.
  MinHasher(int permutations, uint64_t seed);

  int permutations() const { return static_cast<int>(mul_.size()); }

  // Minimum of each permutation over `shingles`; all 0xFFFFFFFF for an empty set.
  std::vector<uint32_t> Signature(const std::vector<uint64_t>& shingles) const;
  void Signature(const std::vector<uint64_t>& shingles, std::vector<uint32_t>* out) const;

 private:
  std::vector<uint64_t> mul_;
  std::vector<uint64_t> add_;
};

// One key per band: a hash of the band's rows, its index and `salt` (which keeps bands of
// different shingle kinds apart in one table). Appends to `out`.
void AppendBandKeys(const std::vector<uint32_t>& signature, const LshParams& params, uint64_t salt,
                    std::vector<uint64_t>* out);

// Fraction of equal positions of two signatures of the same hasher: the MinHash estimate of
// Jaccard similarity.
double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_MINHASH_H_
