// Fills a swap index with the built-in tables: the spinner tables (spinner_swaps.txt,
// science_swaps.txt) and the term swap tables (term_swaps.txt). compile_swaps writes the result
// to swaps.idx at build time, which start-up maps; tests and benchmarks build it the same way.
//
//   unspin::SwapIndexBuilder swaps;
//   UNSPIN_RETURN_IF_ERROR(unspin::AddBuiltinSwapTables(morphology, &swaps));
#ifndef UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAP_INDEX_H_
#define UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAP_INDEX_H_

#include "absl/status/status.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/swap_index.h"

namespace unspin {

// Adds every built-in table to *swaps: spinner tables as kSwapFromSpinnerTable, inflected
// through `morphology` (may be null: no inflected variants), and term swap tables as
// kSwapFromTermTable, as listed.
absl::Status AddBuiltinSwapTables(Morphology* morphology, SwapIndexBuilder* swaps);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAP_INDEX_H_
