// Build-time tool: the built-in swap tables with their inflected variants, as the compiled swap
// index that `unspin` maps at start-up instead of parsing, inflecting and hashing ~100,000 pairs
// at every start: the spinner tables (spinner_swaps.txt, science_swaps.txt) as
// kSwapFromSpinnerTable, inflected through Hunspell, and the term swap tables (term_swaps.txt)
// as kSwapFromTermTable, as listed.
//
//   compile_swaps --out=swaps.idx
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "detector/lexicon/data/builtin_swaps.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/swap_index.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, out, "", "swap index to write (swaps.idx)");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  auto fail = [](const absl::Status& status) {
    std::cerr << "compile_swaps: " << status.message() << "\n";
    return 1;
  };
  absl::StatusOr<std::unique_ptr<unspin::Morphology>> morphology =
      unspin::Morphology::Create(unspin::MorphologyOptions{});
  if (!morphology.ok()) return fail(morphology.status());
  unspin::SwapIndexBuilder builder;
  for (const unspin::EmbeddedFile& table : unspin::BuiltinSwapTables()) {
    if (absl::Status s = builder.AddTable(table.text, table.path, morphology->get(),
                                          unspin::kSwapFromSpinnerTable);
        !s.ok()) {
      return fail(s);
    }
  }
  for (const unspin::EmbeddedFile& table : unspin::BuiltinTermSwapTables()) {
    // Not inflected: the term matcher reads plurals through their singular, and terms name
    // things, so their words are rarely verbs.
    if (absl::Status s =
            builder.AddTable(table.text, table.path, nullptr, unspin::kSwapFromTermTable);
        !s.ok()) {
      return fail(s);
    }
  }
  absl::StatusOr<std::string> image = builder.BuildImage();
  if (!image.ok()) return fail(image.status());
  if (absl::Status s = unspin::WriteFileAtomically(absl::GetFlag(FLAGS_out), *image); !s.ok()) {
    return fail(s);
  }
  return 0;
}
