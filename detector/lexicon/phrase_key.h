// The key under which the thesaurus and the phrase lexicon store a word or phrase: the
// normalized forms of its tokens (as the tokenizer produces them for running text) joined by
// single spaces. So a key built from a source entry matches the same words found in a document:
//
//   unspin::NormalizePhrase("Mata Hari")        // "mata hari"
//   unspin::NormalizePhrase("feature-rich")     // "feature - rich"
//   unspin::NormalizePhrase("a_cappella")       // "a cappella"  (WordNet's '_' is a space)
//   unspin::NormalizePhrase("China's")          // "china 's"
#ifndef UNSPIN_DETECTOR_LEXICON_PHRASE_KEY_H_
#define UNSPIN_DETECTOR_LEXICON_PHRASE_KEY_H_

#include <string>

#include "absl/strings/string_view.h"

namespace unspin {

// Empty when `raw` has no tokens.
std::string NormalizePhrase(absl::string_view raw);

// Number of space-separated words in a key.
int KeyWordCount(absl::string_view key);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_PHRASE_KEY_H_
