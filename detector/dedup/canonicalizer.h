// Maps words to the canonical forms spin-aware dedup compares, and decides which words a spinner
// could have swapped at all.
//
//   std::unique_ptr<unspin::dedup::Canonicalizer> c = unspin::dedup::NewBasicCanonicalizer();
//   unspin::dedup::WordInfo w = c->Classify("studies", /*capitalized=*/false,
//                                           /*sentence_start=*/false);
//   w.role;      // kMutable: a thesaurus word, a spinner may swap it
//   w.class_id;  // same id as for "study" and "studying"
//
// Roles follow DSpin (NDSS 2014): spun copies keep their "immutable" words — names, numbers,
// words no thesaurus lists — in order, whatever the spinner swapped around them. Stop words are
// left out of both comparisons (spinners rewrite "via" as "by the use of").
//
// The basic implementation stems by suffix rules; a thesaurus-backed one can put synonyms into
// one class (SynonymClassFn) without changing callers.
#ifndef UNSPIN_DETECTOR_DEDUP_CANONICALIZER_H_
#define UNSPIN_DETECTOR_DEDUP_CANONICALIZER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"

namespace unspin {
namespace dedup {

enum class WordRole : uint8_t {
  kStop,       // function word: skipped by canonical and immutable shingles
  kMutable,    // a thesaurus word: a spinner may have swapped it
  kImmutable,  // name, number, or a word outside every thesaurus: spinners keep it
};

struct WordInfo {
  WordRole role = WordRole::kStop;
  uint64_t class_id = 0;  // equal for words the canonicalizer deems interchangeable
};

class Canonicalizer {
 public:
  virtual ~Canonicalizer() = default;

  // `word` is the tokenizer's normalized form (lower case, apostrophes folded). Must be
  // thread-safe and deterministic: results are cached by callers per word type.
  virtual WordInfo Classify(absl::string_view word, bool capitalized,
                            bool sentence_start) const = 0;

  // Identifies the canonicalization in index files: an index built with a different one is
  // rejected instead of silently mismatching. Change it whenever classes change.
  virtual uint64_t Version() const = 0;
};

// Maps a word (normalized, as in running text) to a synonym class id, or returns 0 when the
// word has no class; called with the word as written first, then with its stem. Lets a
// thesaurus (detector/lexicon) join synonyms without this layer depending on it.
using SynonymClassFn = std::function<uint64_t(absl::string_view word)>;

struct BasicCanonicalizerOptions {
  // Optional synonym classes; when empty every stem is its own class.
  SynonymClassFn synonym_class;
  // Folded into Version(): name the synonym source when one is given.
  std::string synonym_source;
};

// Stop words from a built-in list, suffix stemming ("studies", "studying" -> "study"), and the
// thesaurus vocabulary compiled into the binary for the mutable/immutable decision.
std::unique_ptr<Canonicalizer> NewBasicCanonicalizer(BasicCanonicalizerOptions options = {});

// The suffix stemmer the basic canonicalizer uses (exposed for tests): strips plural, -ed,
// -ing, -ly, -er/-est endings conservatively; never returns fewer than 3 characters.
std::string StemWord(absl::string_view word);

// True when `word` (lower case) or one of its inflectional base forms is in the thesaurus
// vocabulary.
bool InThesaurusVocabulary(absl::string_view word);

// True for the built-in stop words.
bool IsStopWord(absl::string_view word);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_CANONICALIZER_H_
