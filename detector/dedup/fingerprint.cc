#include "detector/dedup/fingerprint.h"

#include <algorithm>

#include "detector/dedup/hash.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace dedup {
namespace {

constexpr uint64_t kExactSalt = 0xE7AC7;
constexpr uint64_t kCanonicalSalt = 0xCA70;
constexpr uint64_t kAnchorSalt = 0xA4C8;

// Hashes each window of `n` consecutive tokens (or the whole sequence when shorter, so short
// documents still compare) into 32-bit shingles, sorted and unique.
void Shingle(const std::vector<uint64_t>& tokens, int n, std::vector<uint32_t>* out) {
  out->clear();
  if (tokens.empty()) return;
  const size_t width = std::min<size_t>(n, tokens.size());
  out->reserve(tokens.size() - width + 1);
  for (size_t i = 0; i + width <= tokens.size(); ++i) {
    uint64_t h = width;
    for (size_t k = 0; k < width; ++k) h = HashCombine(h, tokens[i + k]);
    out->push_back(static_cast<uint32_t>(h ^ (h >> 32)));
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace

uint64_t FingerprintParamsHash(const FingerprintOptions& o, const Canonicalizer& c) {
  uint64_t h = HashBytes("unspin-dedup-fingerprint-v1");
  for (uint64_t v : {static_cast<uint64_t>(o.plain_ngram), static_cast<uint64_t>(o.canonical_ngram),
                     static_cast<uint64_t>(o.anchor_ngram), static_cast<uint64_t>(o.lsh.bands),
                     static_cast<uint64_t>(o.lsh.rows), o.seed, c.Version()}) {
    h = HashCombine(h, v);
  }
  return h;
}

FingerprintView View(const Fingerprint& f) {
  return FingerprintView{f.exact_hash,
                         {f.plain.data(), f.plain.size()},
                         {f.canonical.data(), f.canonical.size()},
                         {f.anchors.data(), f.anchors.size()}};
}

Fingerprinter::Fingerprinter(const Canonicalizer* canonicalizer, const FingerprintOptions& options)
    : canonicalizer_(canonicalizer),
      options_(options),
      hasher_(options.lsh.permutations(), options.seed) {}

const WordInfo& Fingerprinter::Classify(absl::string_view norm, bool capitalized,
                                        bool sentence_start) {
  key_.assign(norm.data(), norm.size());
  key_.push_back(static_cast<char>('0' + capitalized * 2 + sentence_start));
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    it = cache_.emplace(key_, canonicalizer_->Classify(norm, capitalized, sentence_start)).first;
  }
  return it->second;
}

Fingerprint Fingerprinter::Compute(absl::string_view text) {
  if (cache_.size() > (1u << 20)) cache_.clear();  // bound memory on huge vocabularies
  const TokenizedText t = Tokenize(text);
  Fingerprint f;
  plain_tokens_.clear();
  canonical_tokens_.clear();
  anchor_tokens_.clear();
  uint64_t exact = 0x9AE16A3B2F90404FULL;
  for (const Token& tok : t.tokens) {
    const absl::string_view norm = t.Norm(tok);
    const uint64_t h = HashBytes(norm);
    exact = HashCombine(exact, h);
    if (tok.kind == TokenKind::kPunct) continue;
    plain_tokens_.push_back(h);
    const bool capitalized = (tok.flags & (kCapitalized | kAllCaps)) != 0;
    const WordInfo info = tok.kind == TokenKind::kNumber
                              ? WordInfo{WordRole::kImmutable, h}
                              : Classify(norm, capitalized, tok.sentence_start());
    if (info.role == WordRole::kStop) continue;
    canonical_tokens_.push_back(info.class_id);
    if (info.role == WordRole::kImmutable) anchor_tokens_.push_back(info.class_id);
  }
  f.exact_hash = exact;
  Shingle(plain_tokens_, options_.plain_ngram, &f.plain);
  Shingle(canonical_tokens_, options_.canonical_ngram, &f.canonical);
  Shingle(anchor_tokens_, options_.anchor_ngram, &f.anchors);

  f.band_keys.reserve(1 + 2 * options_.lsh.bands);
  f.band_keys.push_back(HashCombine(kExactSalt, exact));
  const auto add_bands = [&](const std::vector<uint32_t>& set, uint64_t salt) {
    shingles_.clear();
    for (uint32_t s : set) shingles_.push_back(Mix64(s));
    hasher_.Signature(shingles_, &signature_);
    AppendBandKeys(signature_, options_.lsh, salt, &f.band_keys);
  };
  if (!f.canonical.empty()) add_bands(f.canonical, kCanonicalSalt);
  if (f.anchors.size() >= static_cast<size_t>(options_.min_anchor_shingles)) {
    add_bands(f.anchors, kAnchorSalt);
  }
  return f;
}

const char* MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kNear:
      return "near";
    case MatchKind::kSpun:
      return "spun";
    case MatchKind::kNone:
      break;
  }
  return "none";
}

double Jaccard(ShingleSpan a, ShingleSpan b) {
  if (a.size == 0 && b.size == 0) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size && j < b.size) {
    if (a.data[i] < b.data[j]) {
      ++i;
    } else if (a.data[i] > b.data[j]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size + b.size - common);
}

Similarity Compare(const FingerprintView& a, const FingerprintView& b,
                   const FingerprintOptions& options) {
  Similarity s;
  s.plain = Jaccard(a.plain, b.plain);
  s.canonical = Jaccard(a.canonical, b.canonical);
  const size_t min_anchors = static_cast<size_t>(options.min_anchor_shingles);
  if (a.anchors.size >= min_anchors && b.anchors.size >= min_anchors) {
    s.anchors = Jaccard(a.anchors, b.anchors);
  }
  // Anchors alone say "same names and numbers in the same order"; averaging with the canonical
  // similarity keeps a page that merely lists the same names from scoring as a copy, and makes
  // the number fall with the share of words actually changed.
  s.spin = std::max(s.canonical, 0.5 * (s.anchors + s.canonical));
  return s;
}

Match Decide(const FingerprintView& a, const FingerprintView& b, double threshold,
             const FingerprintOptions& options) {
  if (a.exact_hash == b.exact_hash) return Match{MatchKind::kExact, 1.0};
  const Similarity s = Compare(a, b, options);
  if (s.plain >= threshold) return Match{MatchKind::kNear, s.plain};
  if (s.spin >= threshold) return Match{MatchKind::kSpun, s.spin};
  return Match{MatchKind::kNone, std::max(s.plain, s.spin)};
}

}  // namespace dedup
}  // namespace unspin
