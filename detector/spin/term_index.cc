#include "detector/spin/term_index.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "detector/spin/function_words.h"

namespace unspin {
namespace {

constexpr uint32_t kVersion = 1;
enum Section : uint32_t {
  kWeak = 1,        // uint8_t per word
  kFirstEdge = 2,   // uint32_t per node, plus one
  kEdges = 3,       // Edge
  kNodeTerm = 4,    // int32_t per node
  kWordBase = 100,  // StringIndex sections 100..103
  kTermBase = 200,  // StringIndex sections 200..203
};

}  // namespace

absl::StatusOr<std::string> TermIndex::BuildImage(const std::vector<absl::string_view>& keys) {
  StringIndexBuilder words;
  StringIndexBuilder terms;
  std::vector<uint8_t> weak;
  std::vector<int32_t> node_term{-1};             // the root
  absl::flat_hash_map<uint64_t, uint32_t> edges;  // node << 32 | word -> child
  edges.reserve(keys.size() * 3);
  for (absl::string_view key : keys) {
    const std::vector<absl::string_view> key_words = absl::StrSplit(key, ' ');
    if (key_words.size() < 2 || key_words.size() > size_t{kMaxTermTokens}) continue;
    if (IsFunctionOrNumberWord(key_words.front()) || IsFunctionOrNumberWord(key_words.back())) {
      continue;
    }
    uint32_t node = 0;
    for (absl::string_view w : key_words) {
      const uint32_t word = words.Add(w);
      if (word == weak.size()) weak.push_back(IsFunctionOrNumberWord(w) || w == "-");
      auto [it, added] =
          edges.try_emplace((uint64_t{node} << 32) | word, static_cast<uint32_t>(node_term.size()));
      if (added) node_term.push_back(-1);
      node = it->second;
    }
    if (node_term[node] >= 0) continue;  // listed twice
    const uint32_t term = terms.Add(key);
    node_term[node] = static_cast<int32_t>(term);
  }
  // Edges by node, then by word.
  std::vector<uint32_t> first_edge(node_term.size() + 1, 0);
  for (const auto& [key, child] : edges) ++first_edge[(key >> 32) + 1];
  for (size_t n = 1; n < first_edge.size(); ++n) first_edge[n] += first_edge[n - 1];
  std::vector<Edge> sorted(edges.size());
  std::vector<uint32_t> filled(first_edge.begin(), first_edge.end() - 1);
  for (const auto& [key, child] : edges) {
    sorted[filled[key >> 32]++] = Edge{static_cast<uint32_t>(key), child};
  }
  for (size_t n = 0; n + 1 < first_edge.size(); ++n) {
    std::sort(sorted.begin() + first_edge[n], sorted.begin() + first_edge[n + 1],
              [](const Edge& a, const Edge& b) { return a.word < b.word; });
  }
  DataFileWriter writer(kTermIndexKind, kVersion);
  writer.AddArray<uint8_t>(kWeak, weak);
  writer.AddArray<uint32_t>(kFirstEdge, first_edge);
  writer.AddArray<Edge>(kEdges, sorted);
  writer.AddArray<int32_t>(kNodeTerm, node_term);
  words.AddTo(kWordBase, &writer);
  terms.AddTo(kTermBase, &writer);
  return writer.Serialize();
}

absl::StatusOr<TermIndex> TermIndex::Build(const std::vector<absl::string_view>& keys) {
  absl::StatusOr<std::string> image = BuildImage(keys);
  if (!image.ok()) return image.status();
  return FromImage(*image);
}

absl::StatusOr<TermIndex> TermIndex::Open(const std::string& path) {
  return LoadDataFile<TermIndex>(DataFile::Open(path, kTermIndexKind, kVersion));
}

absl::StatusOr<TermIndex> TermIndex::FromImage(absl::string_view image) {
  return LoadDataFile<TermIndex>(DataFile::FromBuffer(image, kTermIndexKind, kVersion));
}

absl::Status TermIndex::Init() {
  absl::StatusOr<StringIndex> words = StringIndex::Load(file_, kWordBase);
  if (!words.ok()) return words.status();
  words_ = *words;
  absl::StatusOr<StringIndex> terms = StringIndex::Load(file_, kTermBase);
  if (!terms.ok()) return terms.status();
  terms_ = *terms;
  absl::StatusOr<absl::Span<const uint8_t>> weak = file_.Array<uint8_t>(kWeak);
  absl::StatusOr<absl::Span<const uint32_t>> first_edge = file_.Array<uint32_t>(kFirstEdge);
  absl::StatusOr<absl::Span<const Edge>> edges = file_.Array<Edge>(kEdges);
  absl::StatusOr<absl::Span<const int32_t>> node_term = file_.Array<int32_t>(kNodeTerm);
  for (const absl::Status& s :
       {weak.status(), first_edge.status(), edges.status(), node_term.status()}) {
    if (!s.ok()) return s;
  }
  weak_ = *weak;
  first_edge_ = *first_edge;
  edges_ = *edges;
  node_term_ = *node_term;
  // The walk trusts these: every edge range, child and term id must lie inside the file.
  auto corrupt = [&] {
    return absl::DataLossError(absl::StrCat(file_.name(), ": corrupt term index"));
  };
  if (weak_.size() != words_.size() || node_term_.empty() ||
      first_edge_.size() != node_term_.size() + 1 || first_edge_.back() != edges_.size()) {
    return corrupt();
  }
  for (size_t n = 0; n + 1 < first_edge_.size(); ++n) {
    if (first_edge_[n] > first_edge_[n + 1]) return corrupt();
  }
  for (const Edge& e : edges_) {
    if (e.word >= words_.size() || e.child >= node_term_.size()) return corrupt();
  }
  for (int32_t term : node_term_) {
    if (term >= 0 && static_cast<uint32_t>(term) >= terms_.size()) return corrupt();
  }
  return absl::OkStatus();
}

absl::Span<const TermIndex::Edge> TermIndex::Children(uint32_t node) const {
  if (node + 1 >= first_edge_.size()) return {};
  return edges_.subspan(first_edge_[node], first_edge_[node + 1] - first_edge_[node]);
}

int32_t TermIndex::Child(uint32_t node, uint32_t word) const {
  const absl::Span<const Edge> children = Children(node);
  auto it = std::lower_bound(children.begin(), children.end(), word,
                             [](const Edge& e, uint32_t w) { return e.word < w; });
  return it != children.end() && it->word == word ? static_cast<int32_t>(it->child) : -1;
}

}  // namespace unspin
