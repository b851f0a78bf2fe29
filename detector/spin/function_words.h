// Which words are grammar rather than vocabulary, for the lexicon detector and the term
// matcher: swapping them is not what spinners are caught by.
//
//   if (!unspin::IsFunctionOrNumberWord(word)) ...
#ifndef UNSPIN_DETECTOR_SPIN_FUNCTION_WORDS_H_
#define UNSPIN_DETECTOR_SPIN_FUNCTION_WORDS_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace unspin {

// Function words and number words (normalized, lower case): grammar, not vocabulary. Not
// corpus_phrases.h's IsFunctionWord, which keeps number words as content.
bool IsFunctionOrNumberWord(absl::string_view w);

// True when every word is a function word (and for no words).
bool AllFunctionOrNumberWords(absl::Span<const absl::string_view> words);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_FUNCTION_WORDS_H_
