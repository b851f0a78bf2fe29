// Build-time tool: the curated terms of the built-in data (terms.txt and the multiword
// restorations of the built-in rule packs, curated_terms.h's CuratedTerms) as a phrase lexicon, so
// `unspin check` maps them instead of normalizing, deduplicating and indexing ~20,000 phrases at
// every start; and the same terms as the term matcher's index (term_index.h).
//
//   compile_curated --out=curated.bin --terms_out=terms.idx
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/spin/curated_terms.h"
#include "detector/spin/engine.h"
#include "detector/spin/term_index.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, out, "", "phrase lexicon to write (curated.bin)");
ABSL_FLAG(std::string, terms_out, "", "term index to write (terms.idx)");

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
  const unspin::PhraseLexiconBuilder builder = unspin::CuratedPhrases(*terms);
  if (absl::Status s =
          builder.WriteTo(absl::GetFlag(FLAGS_out),
                          "curated terms: terms.txt and the built-in packs' restorations");
      !s.ok()) {
    return fail(s);
  }
  const std::vector<absl::string_view> keys(terms->begin(), terms->end());
  absl::StatusOr<std::string> index = unspin::TermIndex::BuildImage(keys);
  if (!index.ok()) return fail(index.status());
  if (absl::Status s = unspin::WriteFileAtomically(absl::GetFlag(FLAGS_terms_out), *index);
      !s.ok()) {
    return fail(s);
  }
  std::cerr << "compile_curated: " << builder.size() << " terms\n";
  return 0;
}
