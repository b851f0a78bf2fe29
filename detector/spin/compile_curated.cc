// Build-time tool: the curated terms of the built-in data (terms.txt and the multiword
// restorations of the built-in rule packs, engine.h's CuratedTerms) as a phrase lexicon, so
// `unspin check` maps them instead of normalizing, deduplicating and indexing ~16,000 phrases at
// every start. The term matcher reads its terms from the same file.
//
//   compile_curated --out=curated.bin
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/spin/engine.h"

ABSL_FLAG(std::string, out, "", "phrase lexicon to write (curated.bin)");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  auto fail = [](const absl::Status& status) {
    std::cerr << "compile_curated: " << status.message() << "\n";
    return 1;
  };
  std::vector<unspin::RulePack> packs;
  if (absl::Status s = unspin::ParseBuiltinPacks(&packs); !s.ok()) return fail(s);
  absl::StatusOr<std::vector<std::string>> terms = unspin::CuratedTerms(packs);
  if (!terms.ok()) return fail(terms.status());
  unspin::PhraseLexiconBuilder builder;
  unspin::PhraseInfo curated;
  curated.sources = unspin::kFromCurated;
  for (const std::string& term : *terms) builder.AddKey(term, curated);
  if (absl::Status s =
          builder.WriteTo(absl::GetFlag(FLAGS_out),
                          "curated terms: terms.txt and the built-in packs' restorations");
      !s.ok()) {
    return fail(s);
  }
  std::cerr << "compile_curated: " << builder.size() << " terms\n";
  return 0;
}
