// The inverted swap index: "this spun form can stand for these canonical phrases". It is what the
// lexicon detector consults for every window of 1-4 words, so lookups are a hash probe with a
// reused key buffer, no allocation.
//
//   unspin::SwapIndex index;
//   UNSPIN_RETURN_IF_ERROR(index.AddTable(table_text, "spinner_swaps.txt", morphology.get(),
//                                         unspin::kSwapFromSpinnerTable));
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
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/morphology.h"

namespace unspin {

// Where a swap is attested (bits, several may be set).
enum SwapSource : uint8_t {
  kSwapFromSpinnerTable = 1 << 0,  // our table of spinner outputs
  kSwapFromThesaurus = 1 << 1,     // a general thesaurus (MyThes, WordNet, Aiksaurus)
  kSwapFromTermTable = 1 << 2,     // our table of swaps that hold only inside a curated term
};

struct SwapTarget {
  std::string canonical;  // the phrase the spun form may stand for, lower case
  uint8_t sources = 0;    // SwapSource bits
};

class SwapIndex {
 public:
  // Adds every pair of a table and its inflected variants (morphology may be null: no
  // variants). Errors name the file and line.
  absl::Status AddTable(absl::string_view text, const std::string& file, Morphology* morphology,
                        uint8_t source);

  // Adds one pair (lower-case words).
  void Add(const std::vector<std::string>& spun, const std::string& canonical, uint8_t source);

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
  size_t size() const { return spun_forms_; }

 private:
  struct Entry {
    std::vector<SwapTarget> targets;  // empty for a key that is only a prefix of spun forms
    bool longer_forms = false;        // some longer spun form starts with this key
  };
  // Spun forms and every proper prefix (whole words) of a multiword one.
  absl::flat_hash_map<std::string, Entry> entries_;
  size_t spun_forms_ = 0;
  size_t max_words_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_SWAP_INDEX_H_
