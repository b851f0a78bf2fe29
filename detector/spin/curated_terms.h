// Curated terms: fixed multiword phrases somebody checked, which the lexicon detectors treat as
// canonical — the term lists (detector/lexicon/data/terms.txt) and the multiword restorations of
// the rule packs — as normalized keys (phrase_key.h), each once.
//
// The built-in ones are collected at build time (compile_curated -> curated.bin, terms.idx), so
// the unspin binary does not carry the lists; at start-up only the restorations of the user's own
// packs are collected:
//
//   std::vector<std::string> mine = unspin::RestorationTerms(packs, /*first_pack=*/builtin_count);
//   unspin::PhraseLexiconBuilder lexicon = unspin::CuratedPhrases(mine);
#ifndef UNSPIN_DETECTOR_SPIN_CURATED_TERMS_H_
#define UNSPIN_DETECTOR_SPIN_CURATED_TERMS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/rules/matcher.h"

namespace unspin {

// The multiword restorations of packs[first_pack..], normalized, each once, in order.
std::vector<std::string> RestorationTerms(const std::vector<RulePack>& packs, size_t first_pack);

// The built-in term lists, then the multiword restorations of `packs`, normalized, each once.
// A list line of one word is an error naming the file and line. (Library curated_term_lists:
// only build tools, tests and benchmarks link the lists.)
absl::StatusOr<std::vector<std::string>> CuratedTerms(const std::vector<RulePack>& packs);

// A phrase lexicon builder holding `keys` as curated phrases (PhraseInfo::sources kFromCurated).
PhraseLexiconBuilder CuratedPhrases(const std::vector<std::string>& keys);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_CURATED_TERMS_H_
