// The inverted swap index: "this spun form can stand for these canonical phrases". It is what the
// lexicon detector consults for every window of 1-4 words, so a lookup is one hash probe over the
// window's words, no allocation. The built-in tables are compiled at build time (compile_swaps,
// swaps.idx) and memory-mapped at start-up; a builder makes an index from tables at run time.
//
//   unspin::SwapIndexBuilder builder;
//   UNSPIN_RETURN_IF_ERROR(builder.AddTable(table_text, "spinner_swaps.txt", morphology.get(),
//                                           unspin::kSwapFromSpinnerTable));
//   UNSPIN_ASSIGN_OR_RETURN(unspin::SwapIndex index, builder.Build());
//   absl::string_view words[] = {"imaginative", "and", "prescient"};
//   for (const unspin::SwapTarget& t : index.Find(words)) ...   // t.canonical == "vision"
//
// Tables are lines `CANONICAL: SPUN | SPUN | ...` ('#' starts a comment); both sides may be
// phrases. Inflected variants are added (PairInflection::kAuto), so "imaginative and prescients"
// is not needed but "reveled in" -> "experienced" comes for free.
#ifndef UNSPIN_DETECTOR_LEXICON_SWAP_INDEX_H_
#define UNSPIN_DETECTOR_LEXICON_SWAP_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

// Where a swap is attested (bits, several may be set).
enum SwapSource : uint8_t {
  kSwapFromSpinnerTable = 1 << 0,  // our table of spinner outputs
  kSwapFromThesaurus = 1 << 1,     // a general thesaurus (MyThes, WordNet, Aiksaurus)
  kSwapFromTermTable = 1 << 2,     // our table of swaps that hold only inside a curated term
};

struct SwapTarget {
  // The phrase the spun form may stand for, lower case; a view into the index (or the thesaurus
  // it came from), valid while that lives.
  absl::string_view canonical;
  uint8_t sources = 0;  // SwapSource bits
};

class SwapIndex {
 public:
  // Maps a compiled index (compile_swaps); errors name the file.
  static absl::StatusOr<SwapIndex> Open(const std::string& path);
  // The same from an in-memory image (SwapIndexBuilder::BuildImage).
  static absl::StatusOr<SwapIndex> FromImage(absl::string_view image);

  // Canonical phrases `words` can stand for; empty when none. Thread-safe.
  absl::Span<const SwapTarget> Find(absl::Span<const absl::string_view> words) const;

  // Find, and whether a longer spun form starts with `words`: a caller growing a window word by
  // word stops looking once none can match. One hash probe for both.
  struct Lookup {
    absl::Span<const SwapTarget> targets;
    bool longer_forms = false;
  };
  Lookup FindWithPrefix(absl::Span<const absl::string_view> words) const;

  // Longest spun form in words: the detector never looks at longer windows.
  size_t max_words() const { return max_words_; }
  // Spun forms indexed.
  size_t size() const { return spun_forms_; }

 private:
  friend absl::StatusOr<SwapIndex> LoadDataFile<SwapIndex>(absl::StatusOr<DataFile>);
  explicit SwapIndex(DataFile file) : file_(std::move(file)) {}
  absl::Status Init();

  DataFile file_;
  StringIndex keys_;  // spun forms and every proper prefix (whole words) of a multiword one
  absl::Span<const uint32_t> first_target_;  // per key, plus one: its range in targets_
  absl::Span<const uint8_t> longer_forms_;   // per key: some longer spun form starts with it
  // Every key's targets, their canonical phrases viewing the file (built once at Open: a few
  // hundred thousand views, no strings copied).
  std::vector<SwapTarget> targets_;
  size_t spun_forms_ = 0;
  size_t max_words_ = 0;
};

// Collects tables and pairs into a SwapIndex.
class SwapIndexBuilder {
 public:
  // Adds every pair of a table and its inflected variants (morphology may be null: no
  // variants). Errors name the file and line.
  absl::Status AddTable(absl::string_view text, const std::string& file, Morphology* morphology,
                        uint8_t source);

  // Adds one pair (lower-case words).
  void Add(const std::vector<std::string>& spun, const std::string& canonical, uint8_t source);

  // The compiled index, as written to swaps.idx.
  absl::StatusOr<std::string> BuildImage() const;
  // The index itself, held in memory.
  absl::StatusOr<SwapIndex> Build() const;

 private:
  struct Target {
    std::string canonical;
    uint8_t sources = 0;
  };
  struct Entry {
    std::vector<Target> targets;  // empty for a key that is only a prefix of spun forms
    bool longer_forms = false;    // some longer spun form starts with this key
  };
  absl::flat_hash_map<std::string, Entry> entries_;
  size_t spun_forms_ = 0;
  size_t max_words_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_SWAP_INDEX_H_
