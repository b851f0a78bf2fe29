// Pair precision and recall of dedup methods on a generated corpus with ground truth
// (gen_corpus.py): (a) plain MinHash with text-dedup's defaults — word 5-grams, 240
// permutations, LSH parameters optimal for threshold 0.7, every pair sharing a bucket clustered
// without verification, as text-dedup does — and (b) unspin's spin-aware mode (its defaults),
// plus (c) unspin without the immutable-word anchors, to show what they contribute.
//
//   bazel run //bench/dedup:dedup_eval -- corpus.jsonl
//
// Pairs are counted over clusters: two documents are a predicted pair when they land in the
// same cluster, a true pair when they have the same "group". Rows per kind of copy: recall over
// (original, copy) pairs of that kind; precision over predicted pairs that involve such a copy.
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "detector/dedup/cluster.h"
#include "detector/dedup/corpus.h"
#include "detector/dedup/fingerprint.h"
#include "detector/dedup/hash.h"
#include "detector/dedup/minhash.h"
#include "detector/dedup/parallel.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/text/tokenizer.h"
#include "detector/util/json.h"

namespace unspin {
namespace dedup {
namespace {

using ::unspin::kNotFound;
using ::unspin::Thesaurus;

struct Doc {
  std::string id, text, group, kind;
  double rate = 0;
};

std::vector<Doc> Load(const std::string& path) {
  std::vector<Doc> docs;
  absl::Status s = ForEachLine(path, [&](size_t line, absl::string_view bytes) {
    absl::StatusOr<std::vector<JsonMember>> m = ParseJsonObject(bytes);
    if (!m.ok())
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line, ": ", m.status().message()));
    Doc d;
    for (const JsonMember& f : *m) {
      std::string v;
      if (f.type == JsonType::kString) DecodeJsonString(f.raw, &v);
      if (f.key == "id") d.id = v;
      if (f.key == "text") d.text = v;
      if (f.key == "group") d.group = v;
      if (f.key == "kind") d.kind = v;
      if (f.key == "rate") d.rate = std::stod(std::string(f.raw));
    }
    docs.push_back(std::move(d));
    return absl::OkStatus();
  });
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    std::exit(2);
  }
  return docs;
}

// Cluster label per document.
using Labels = std::vector<size_t>;

Labels FromClusters(size_t n, const std::vector<Cluster>& clusters) {
  Labels label(n);
  for (size_t i = 0; i < n; ++i) label[i] = i;
  for (const Cluster& c : clusters) {
    for (const ClusterMember& m : c.members) label[m.doc] = c.representative;
  }
  return label;
}

Labels PlainMinHash(const std::vector<Doc>& docs, int jobs) {
  const LshParams lsh = LshParams::Optimal(0.7, 240);
  std::fprintf(stderr,
               "text-dedup baseline: 5-grams, 240 permutations, threshold 0.7 -> b=%d r=%d\n",
               lsh.bands, lsh.rows);
  MinHasher hasher(240, 7);
  std::vector<std::vector<uint64_t>> keys(docs.size());
  ParallelFor(docs.size(), jobs, [&](size_t i, int) {
    const TokenizedText t = Tokenize(docs[i].text);
    std::vector<uint64_t> words, shingles;
    for (const Token& tok : t.tokens) {
      if (tok.kind != TokenKind::kPunct) words.push_back(HashBytes(t.Norm(tok)));
    }
    const size_t width = std::min<size_t>(5, words.size());
    for (size_t k = 0; width > 0 && k + width <= words.size(); ++k) {
      uint64_t h = 5;
      for (size_t j = 0; j < width; ++j) h = HashCombine(h, words[k + j]);
      shingles.push_back(h);
    }
    AppendBandKeys(hasher.Signature(shingles), lsh, 1, &keys[i]);
  });
  std::vector<size_t> parent(docs.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  const auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  absl::flat_hash_map<uint64_t, size_t> first;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (uint64_t k : keys[i]) {
      auto [it, inserted] = first.emplace(k, i);
      if (!inserted) {
        size_t a = find(i), b = find(it->second);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
      }
    }
  }
  Labels label(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) label[i] = find(i);
  return label;
}

Labels Unspin(const std::vector<Doc>& docs, int jobs, bool anchors,
              const Thesaurus* thesaurus = nullptr) {
  BasicCanonicalizerOptions canonical;
  if (thesaurus != nullptr) {
    canonical.synonym_class = [thesaurus](absl::string_view word) -> uint64_t {
      const uint32_t id = thesaurus->Find(word);
      if (id == kNotFound) return 0;
      const uint32_t cls = thesaurus->SynonymClass(id);
      return cls == kNotFound ? 0 : uint64_t{cls} + 1;
    };
    canonical.synonym_source = "thesaurus";
  }
  auto canonicalizer = NewBasicCanonicalizer(canonical);
  FingerprintOptions fo;
  if (!anchors) fo.min_anchor_shingles = 1 << 30;
  std::vector<Fingerprinter> workers;
  for (int i = 0; i < jobs; ++i) workers.emplace_back(canonicalizer.get(), fo);
  std::vector<Fingerprint> fps(docs.size());
  ParallelFor(docs.size(), jobs,
              [&](size_t i, int w) { fps[i] = workers[w].Compute(docs[i].text); });
  ClusterOptions co;
  co.fingerprint = fo;
  co.jobs = jobs;
  return FromClusters(docs.size(), FindClusters(fps, std::vector<double>(docs.size(), NAN), co));
}

std::string Row(const Doc& d) {
  if (d.kind == "spun") return absl::StrFormat("spun %2.0f%%", d.rate * 100);
  return d.kind;
}

void Report(const char* name, const std::vector<Doc>& docs, const Labels& label) {
  absl::flat_hash_map<std::string, size_t> original;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].kind == "original") original[docs[i].group] = i;
  }
  struct Counts {
    size_t true_pairs = 0, found = 0, predicted = 0, correct = 0;
  };
  std::map<std::string, Counts> rows;
  Counts all;
  // Recall: (original, copy) pairs.
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].kind == "original") continue;
    auto it = original.find(docs[i].group);
    if (it == original.end()) continue;
    Counts& c = rows[Row(docs[i])];
    ++c.true_pairs;
    c.found += label[i] == label[it->second];
  }
  // Precision: all predicted pairs, attributed to each non-original side's row.
  absl::flat_hash_map<size_t, std::vector<size_t>> members;
  for (size_t i = 0; i < docs.size(); ++i) members[label[i]].push_back(i);
  for (const auto& [l, m] : members) {
    for (size_t x = 0; x < m.size(); ++x) {
      for (size_t y = x + 1; y < m.size(); ++y) {
        const Doc &a = docs[m[x]], &b = docs[m[y]];
        const bool ok = a.group == b.group;
        ++all.predicted;
        all.correct += ok;
        for (const Doc* d : {&a, &b}) {
          if (d->kind == "original") continue;
          Counts& c = rows[Row(*d)];
          ++c.predicted;
          c.correct += ok;
        }
      }
    }
  }
  std::printf("\n%s\n  %-10s %9s %9s %10s\n", name, "copies", "recall", "precision", "pairs");
  for (const auto& [row, c] : rows) {
    std::printf("  %-10s %9.3f %9.3f %10zu\n", row.c_str(),
                c.true_pairs ? static_cast<double>(c.found) / c.true_pairs : 0.0,
                c.predicted ? static_cast<double>(c.correct) / c.predicted : 1.0, c.true_pairs);
  }
  std::printf("  %-10s %9s %9.3f %10zu predicted pairs\n", "all", "",
              all.predicted ? static_cast<double>(all.correct) / all.predicted : 1.0,
              all.predicted);
}

}  // namespace
}  // namespace dedup
}  // namespace unspin

int main(int argc, char** argv) {
  using namespace unspin::dedup;
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: dedup_eval CORPUS.jsonl [THESAURUS.bin] (from gen_corpus.py)\n");
    return 2;
  }
  const std::vector<Doc> docs = Load(argv[1]);
  const int jobs = ResolveJobs(0);
  size_t originals = 0;
  for (const Doc& d : docs) originals += d.kind == "original";
  std::printf("corpus: %zu documents, %zu originals (%s)\n", docs.size(), originals, argv[1]);
  Report(
      "(a) plain MinHash, text-dedup defaults (word 5-grams, 240 perms, threshold 0.7, no "
      "verification)",
      docs, PlainMinHash(docs, jobs));
  Report("(b) unspin dedup (spin-aware, threshold 0.5, verified)", docs, Unspin(docs, jobs, true));
  Report("(c) unspin without immutable-word anchors (canonical shingles only)", docs,
         Unspin(docs, jobs, false));
  if (argc == 3) {
    absl::StatusOr<unspin::Thesaurus> th = unspin::Thesaurus::Open(argv[2]);
    if (!th.ok()) {
      std::fprintf(stderr, "%s\n", std::string(th.status().message()).c_str());
      return 2;
    }
    // The spinner simulation draws from Aiksaurus and WordNet, which this thesaurus merges: these
    // rows flatter the synonym classes (circular), shown only to bound what they can add.
    Report("(d) unspin with thesaurus synonym classes (circular: same sources as the spinner)",
           docs, Unspin(docs, jobs, true, &*th));
    Report("(e) (d) without anchors", docs, Unspin(docs, jobs, false, &*th));
  }
  return 0;
}
