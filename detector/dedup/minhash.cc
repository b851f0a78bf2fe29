#include "detector/dedup/minhash.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "detector/dedup/hash.h"

namespace unspin {
namespace dedup {
namespace {

// Trapezoid integration, as datasketch's _integration does.
template <typename F>
double Integrate(F f, double a, double b) {
  constexpr int kSteps = 1000;
  const double step = (b - a) / kSteps;
  double area = 0;
  for (int i = 0; i < kSteps; ++i) {
    const double x = a + (i + 0.5) * step;
    area += f(x) * step;
  }
  return area;
}

}  // namespace

double LshParams::CandidateProbability(double jaccard) const {
  return 1.0 - std::pow(1.0 - std::pow(jaccard, rows), bands);
}

double LshParams::Threshold() const { return std::pow(1.0 / bands, 1.0 / rows); }

LshParams LshParams::Optimal(double threshold, int permutations) {
  LshParams best{1, permutations};
  double best_error = std::numeric_limits<double>::infinity();
  for (int b = 1; b <= permutations; ++b) {
    for (int r = 1; r <= permutations / b; ++r) {
      const LshParams p{b, r};
      const double false_positive =
          Integrate([&](double s) { return p.CandidateProbability(s); }, 0.0, threshold);
      const double false_negative =
          Integrate([&](double s) { return 1.0 - p.CandidateProbability(s); }, threshold, 1.0);
      const double error = 0.5 * false_positive + 0.5 * false_negative;
      if (error < best_error) {
        best_error = error;
        best = p;
      }
    }
  }
  return best;
}

MinHasher::MinHasher(int permutations, uint64_t seed) {
  mul_.resize(permutations);
  add_.resize(permutations);
  uint64_t state = Mix64(seed ^ 0x5851F42D4C957F2DULL);
  for (int i = 0; i < permutations; ++i) {
    state = Mix64(state + 0x9E3779B97F4A7C15ULL);
    mul_[i] = state | 1;
    state = Mix64(state + 0x9E3779B97F4A7C15ULL);
    add_[i] = state;
  }
}

std::vector<uint32_t> MinHasher::Signature(const std::vector<uint64_t>& shingles) const {
  std::vector<uint32_t> out;
  Signature(shingles, &out);
  return out;
}

void MinHasher::Signature(const std::vector<uint64_t>& shingles, std::vector<uint32_t>* out) const {
  const size_t n = mul_.size();
  out->assign(n, std::numeric_limits<uint32_t>::max());
  uint32_t* mins = out->data();
  const uint64_t* mul = mul_.data();
  const uint64_t* add = add_.data();
  // Shingle-outer, permutation-inner: the inner loop is branch-free and vectorizes.
  for (const uint64_t x : shingles) {
    for (size_t i = 0; i < n; ++i) {
      const uint32_t v = static_cast<uint32_t>((mul[i] * x + add[i]) >> 32);
      mins[i] = v < mins[i] ? v : mins[i];
    }
  }
}

void AppendBandKeys(const std::vector<uint32_t>& signature, const LshParams& params, uint64_t salt,
                    std::vector<uint64_t>* out) {
  for (int b = 0; b < params.bands; ++b) {
    uint64_t h = HashCombine(salt, static_cast<uint64_t>(b));
    for (int r = 0; r < params.rows; ++r) {
      h = HashCombine(h, signature[static_cast<size_t>(b) * params.rows + r]);
    }
    out->push_back(h);
  }
}

double EstimateJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  const size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / n;
}

}  // namespace dedup
}  // namespace unspin
