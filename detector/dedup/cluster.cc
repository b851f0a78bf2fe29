#include "detector/dedup/cluster.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>

#include "detector/dedup/parallel.h"

namespace unspin {
namespace dedup {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }

  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // The smaller index becomes the root, so roots are each cluster's first document.
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (a < b) std::swap(a, b);
    parent_[a] = b;
  }

 private:
  std::vector<size_t> parent_;
};

struct BandEntry {
  uint64_t key;
  uint32_t doc;
  bool operator<(const BandEntry& o) const { return key != o.key ? key < o.key : doc < o.doc; }
};

}  // namespace

std::vector<VerifiedPair> FindDuplicatePairs(const std::vector<Fingerprint>& fps,
                                             const ClusterOptions& options) {
  const int jobs = ResolveJobs(options.jobs);
  // Exact duplicates need no LSH: group by exact hash, and let only the first of each group
  // take part in candidate search (its copies join through it).
  std::vector<std::pair<uint64_t, uint32_t>> by_exact(fps.size());
  for (size_t i = 0; i < fps.size(); ++i) by_exact[i] = {fps[i].exact_hash, i};
  std::sort(by_exact.begin(), by_exact.end());
  std::vector<VerifiedPair> pairs;
  std::vector<bool> is_copy(fps.size(), false);
  for (size_t first = 0, i = 1; i < by_exact.size(); ++i) {
    if (by_exact[i].first != by_exact[first].first) {
      first = i;
      continue;
    }
    pairs.push_back({by_exact[first].second, by_exact[i].second, {MatchKind::kExact, 1.0}});
    is_copy[by_exact[i].second] = true;
  }

  std::vector<BandEntry> entries;
  size_t total = 0;
  for (size_t i = 0; i < fps.size(); ++i) total += is_copy[i] ? 0 : fps[i].band_keys.size();
  entries.reserve(total);
  for (size_t i = 0; i < fps.size(); ++i) {
    if (is_copy[i]) continue;
    // Skip the exact key (index 0): exact groups were handled above.
    for (size_t k = 1; k < fps[i].band_keys.size(); ++k) {
      entries.push_back({fps[i].band_keys[k], static_cast<uint32_t>(i)});
    }
  }
  std::sort(entries.begin(), entries.end());

  std::vector<std::pair<uint32_t, uint32_t>> candidates;
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin + 1;
    while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
    for (size_t i = begin + 1; i < end; ++i) {
      const size_t limit = std::min(i, begin + options.max_bucket);
      for (size_t j = begin; j < limit; ++j) {
        if (entries[j].doc != entries[i].doc) {
          candidates.emplace_back(entries[j].doc, entries[i].doc);
        }
      }
    }
    begin = end;
  }
  std::vector<BandEntry>().swap(entries);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::vector<Match> matches(candidates.size());
  ParallelFor(candidates.size(), jobs, [&](size_t i, int) {
    matches[i] = Decide(View(fps[candidates[i].first]), View(fps[candidates[i].second]),
                        options.threshold, options.fingerprint);
  });
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (matches[i].kind != MatchKind::kNone) {
      pairs.push_back({candidates[i].first, candidates[i].second, matches[i]});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const VerifiedPair& x, const VerifiedPair& y) {
    return std::make_pair(x.a, x.b) < std::make_pair(y.a, y.b);
  });
  return pairs;
}

std::vector<Cluster> FindClusters(const std::vector<Fingerprint>& fps,
                                  const std::vector<double>& spin_scores,
                                  const ClusterOptions& options) {
  const std::vector<VerifiedPair> pairs = FindDuplicatePairs(fps, options);
  UnionFind uf(fps.size());
  for (const VerifiedPair& p : pairs) uf.Union(p.a, p.b);

  // Collect members per root; roots are first documents, so iterating in index order yields
  // clusters ordered by first document.
  std::vector<std::vector<size_t>> groups;
  std::vector<int64_t> group_of(fps.size(), -1);
  for (size_t i = 0; i < fps.size(); ++i) {
    const size_t root = uf.Find(i);
    if (root == i) continue;
    if (group_of[root] < 0) {
      group_of[root] = static_cast<int64_t>(groups.size());
      groups.push_back({root});
    }
    groups[group_of[root]].push_back(i);
  }

  const auto score = [&](size_t doc) {
    const double s = doc < spin_scores.size() ? spin_scores[doc] : NAN;
    return std::isnan(s) ? INFINITY : s;
  };
  std::vector<Cluster> clusters(groups.size());
  ParallelFor(groups.size(), ResolveJobs(options.jobs), [&](size_t g, int) {
    const std::vector<size_t>& docs = groups[g];
    size_t rep = docs[0];
    for (size_t d : docs) {
      if (score(d) < score(rep)) rep = d;
    }
    Cluster& c = clusters[g];
    c.representative = rep;
    for (size_t d : docs) {
      if (d == rep) continue;
      Match m = Decide(View(fps[rep]), View(fps[d]), options.threshold, options.fingerprint);
      if (m.kind == MatchKind::kNone) {
        // Joined through a chain: name the closer relation.
        const Similarity s = Compare(View(fps[rep]), View(fps[d]), options.fingerprint);
        m = s.plain >= s.spin ? Match{MatchKind::kNear, s.plain} : Match{MatchKind::kSpun, s.spin};
      }
      c.members.push_back({d, m.kind, m.similarity});
    }
  });
  return clusters;
}

}  // namespace dedup
}  // namespace unspin
