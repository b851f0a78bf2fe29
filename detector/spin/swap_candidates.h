// Word-level knowledge shared by the lexicon detector and the term matcher: which words are
// grammar rather than vocabulary, and which phrases a thesaurus entry can stand for.
//
//   if (!unspin::IsFunctionOrNumberWord(word)) ...
//   std::vector<unspin::SwapTarget> targets;
//   unspin::AddThesaurusTargets(thesaurus, thesaurus.Find("studying"), &targets);
#ifndef UNSPIN_DETECTOR_SPIN_SWAP_CANDIDATES_H_
#define UNSPIN_DETECTOR_SPIN_SWAP_CANDIDATES_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/thesaurus.h"

namespace unspin {

// Function words and number words (normalized, lower case): grammar, not vocabulary. Not
// corpus_phrases.h's IsFunctionWord, which keeps number words as content.
bool IsFunctionOrNumberWord(absl::string_view w);

// True when every word is a function word (and for no words).
bool AllFunctionOrNumberWords(absl::Span<const absl::string_view> words);

// Appends the phrases thesaurus entry `phrase` can stand for that a spinner would plausibly have
// replaced with it (strong relations only; no names, abbreviations, narrowings or spellings).
void AddThesaurusTargets(const Thesaurus& thesaurus, uint32_t phrase, std::vector<SwapTarget>* out);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_SWAP_CANDIDATES_H_
