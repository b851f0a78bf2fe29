// The swap tables in detector/lexicon/data/, compiled into the binary.
//
//   for (const unspin::EmbeddedFile& f : unspin::BuiltinSwapTables()) {
//     UNSPIN_RETURN_IF_ERROR(index.AddTable(f.text, f.path, morphology, kSwapFromSpinnerTable));
//   }
#ifndef UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAPS_H_
#define UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAPS_H_

#include <vector>

#include "detector/util/embedded_file.h"

namespace unspin {

const std::vector<EmbeddedFile>& BuiltinSwapTables();

// The term swap tables (term_swaps.txt): swaps that hold only inside a curated term.
const std::vector<EmbeddedFile>& BuiltinTermSwapTables();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_SWAPS_H_
