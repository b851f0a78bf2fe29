#include "detector/lexicon/data/builtin_swap_index.h"

#include "detector/lexicon/data/builtin_swaps.h"

namespace unspin {

absl::Status AddBuiltinSwapTables(Morphology* morphology, SwapIndexBuilder* swaps) {
  for (const EmbeddedFile& table : BuiltinSwapTables()) {
    absl::Status status =
        swaps->AddTable(table.text, table.path, morphology, kSwapFromSpinnerTable);
    if (!status.ok()) return status;
  }
  for (const EmbeddedFile& table : BuiltinTermSwapTables()) {
    // Not inflected: the term matcher reads plurals through their singular, and terms name
    // things, so their words are rarely verbs.
    absl::Status status = swaps->AddTable(table.text, table.path, nullptr, kSwapFromTermTable);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace unspin
