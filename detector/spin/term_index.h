// The term index: the curated terms as a trie over their words, in the data-file format
// (detector/lexicon/data_file.h), so the built-in terms are compiled once at build time
// (terms.idx, compile_curated) and mapped at start-up, and terms known only at run time (the
// user's own packs) build the same image in memory. The term matcher walks it.
//
//   UNSPIN_ASSIGN_OR_RETURN(unspin::TermIndex index, unspin::TermIndex::Open("terms.idx"));
//   UNSPIN_ASSIGN_OR_RETURN(unspin::TermIndex mine, unspin::TermIndex::Build({"random forest"}));
//   const uint32_t random = mine.FindWord("random");
//   const int32_t node = mine.Child(0, random);   // the root is node 0
#ifndef UNSPIN_DETECTOR_SPIN_TERM_INDEX_H_
#define UNSPIN_DETECTOR_SPIN_TERM_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

// Terms of more tokens than this (hyphens included) are not indexed.
inline constexpr int kMaxTermTokens = 6;

class TermIndex {
 public:
  struct Edge {
    uint32_t word;   // term word id
    uint32_t child;  // node
  };

  // Indexes normalized keys (phrase_key.h); single words, terms that start or end with a
  // function word ("support for") and terms listed twice are skipped.
  static absl::StatusOr<std::string> BuildImage(const std::vector<absl::string_view>& keys);
  static absl::StatusOr<TermIndex> Build(const std::vector<absl::string_view>& keys);
  // Maps a compiled index (terms.idx); errors name the file.
  static absl::StatusOr<TermIndex> Open(const std::string& path);
  // The same from an in-memory image (BuildImage's).
  static absl::StatusOr<TermIndex> FromImage(absl::string_view image);

  // Id of a term word, or kNotFound.
  uint32_t FindWord(absl::string_view word) const { return words_.Find(word); }
  // A function word or a hyphen: part of a term, but it cannot anchor a match.
  bool IsWeakWord(uint32_t word) const { return word < weak_.size() && weak_[word] != 0; }
  // The edges out of `node`, sorted by word.
  absl::Span<const Edge> Children(uint32_t node) const;
  // The child of `node` by `word`, or -1.
  int32_t Child(uint32_t node, uint32_t word) const;
  // The term ending at `node`, or -1.
  int32_t TermAt(uint32_t node) const { return node < node_term_.size() ? node_term_[node] : -1; }
  absl::string_view Term(uint32_t term) const { return terms_.Get(term); }
  uint32_t term_count() const { return terms_.size(); }

 private:
  friend absl::StatusOr<TermIndex> LoadDataFile<TermIndex>(absl::StatusOr<DataFile>);
  explicit TermIndex(DataFile file) : file_(std::move(file)) {}
  absl::Status Init();

  DataFile file_;
  StringIndex words_;
  StringIndex terms_;
  absl::Span<const uint8_t> weak_;
  absl::Span<const uint32_t> first_edge_;  // node n's edges: [first_edge_[n], first_edge_[n + 1])
  absl::Span<const Edge> edges_;
  absl::Span<const int32_t> node_term_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_TERM_INDEX_H_
