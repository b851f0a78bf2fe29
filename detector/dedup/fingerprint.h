// Turns a document's text into what dedup compares: an exact-text hash, three shingle sets and
// the LSH band keys that find candidate pairs.
//
//   auto canonicalizer = unspin::dedup::NewBasicCanonicalizer();
//   unspin::dedup::Fingerprinter fp(canonicalizer.get(), unspin::dedup::FingerprintOptions());
//   unspin::dedup::Fingerprint a = fp.Compute(text_a), b = fp.Compute(text_b);
//   unspin::dedup::Match m = unspin::dedup::Decide(View(a), View(b), /*threshold=*/0.5);
//   // m.kind: kExact, kNear, kSpun or kNone; m.similarity in [0, 1]
//
// The three sets (32-bit shingle hashes, sorted, unique):
//   plain      word n-grams as written (case folded): "near" similarity;
//   canonical  n-grams of canonical classes with stop words dropped (stems, synonym classes);
//   anchors    n-grams of the immutable words only (names, numbers, words no thesaurus lists),
//              which a spinner leaves in place however many words it swaps (DSpin).
// A Fingerprinter caches word classifications by word type; use one per thread.
#ifndef UNSPIN_DETECTOR_DEDUP_FINGERPRINT_H_
#define UNSPIN_DETECTOR_DEDUP_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "detector/dedup/canonicalizer.h"
#include "detector/dedup/minhash.h"

namespace unspin {
namespace dedup {

struct FingerprintOptions {
  // Words per plain shingle. 3 tolerates light edits better than text-dedup's 5.
  int plain_ngram = 3;
  // Canonical classes per canonical shingle (stop words are skipped before counting).
  int canonical_ngram = 2;
  // Immutable words per anchor shingle.
  int anchor_ngram = 2;
  // Bands and rows for each of the canonical and anchor sets: 42 x 3 = 126 permutations per
  // set; S-curve threshold (1/42)^(1/3) = 0.29, P(candidate) = 0.94 at J = 0.4, 0.996 at 0.5,
  // 0.04 at 0.1. Candidates are verified, so a low LSH threshold costs time, not precision.
  LshParams lsh;
  // Seed of the MinHash permutations. Part of an index's identity.
  uint64_t seed = 0x756E7370696EULL;  // "unspin"
  // Minimum number of anchor shingles on both sides before anchor similarity counts; fewer are
  // too easily shared by unrelated articles that name the same people.
  int min_anchor_shingles = 6;
};

// Identifies options plus canonicalizer in an index file.
uint64_t FingerprintParamsHash(const FingerprintOptions& options, const Canonicalizer& c);

struct Fingerprint {
  uint64_t exact_hash = 0;  // hash of the normalized token sequence (case, quotes, spaces folded)
  std::vector<uint32_t> plain;
  std::vector<uint32_t> canonical;
  std::vector<uint32_t> anchors;
  // LSH keys: one exact key, then the canonical set's bands, then the anchor set's bands (sets
  // too small to matter get none).
  std::vector<uint64_t> band_keys;
};

// A sorted shingle set somewhere in memory (a Fingerprint or a mapped index file).
struct ShingleSpan {
  const uint32_t* data = nullptr;
  size_t size = 0;
};

struct FingerprintView {
  uint64_t exact_hash = 0;
  ShingleSpan plain;
  ShingleSpan canonical;
  ShingleSpan anchors;
};

FingerprintView View(const Fingerprint& f);

class Fingerprinter {
 public:
  // `canonicalizer` must outlive this object.
  Fingerprinter(const Canonicalizer* canonicalizer, const FingerprintOptions& options);

  Fingerprint Compute(absl::string_view text);

 private:
  const WordInfo& Classify(absl::string_view norm, bool capitalized, bool sentence_start);

  const Canonicalizer* canonicalizer_;
  FingerprintOptions options_;
  MinHasher hasher_;
  // Keyed by word type plus two flag bits; values are stable (node-free map keeps them by value,
  // so we copy out before the next insert).
  absl::flat_hash_map<std::string, WordInfo> cache_;
  std::string key_;
  // Scratch buffers reused across documents.
  std::vector<uint64_t> plain_tokens_, canonical_tokens_, anchor_tokens_, shingles_;
  std::vector<uint32_t> signature_;
};

enum class MatchKind { kNone, kExact, kNear, kSpun };

// "exact", "near", "spun" ("none" for kNone).
const char* MatchKindName(MatchKind kind);

struct Similarity {
  double plain = 0;      // Jaccard of plain shingles
  double canonical = 0;  // Jaccard of canonical shingles
  double anchors = 0;    // Jaccard of anchor shingles (0 when either side has too few)
  double spin = 0;       // max(canonical, (anchors + canonical) / 2): after undoing swaps
};

Similarity Compare(const FingerprintView& a, const FingerprintView& b,
                   const FingerprintOptions& options);

struct Match {
  MatchKind kind = MatchKind::kNone;
  double similarity = 0;
};

// exact: same normalized text; near: plain similarity >= threshold; spun: spin similarity >=
// threshold while the plain one is not. The similarity reported is the one that decided.
Match Decide(const FingerprintView& a, const FingerprintView& b, double threshold,
             const FingerprintOptions& options);

// Jaccard similarity of two sorted unique sets.
double Jaccard(ShingleSpan a, ShingleSpan b);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_FINGERPRINT_H_
