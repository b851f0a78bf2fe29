// CuratedTerms (curated_terms.h), in a library of its own: it links the embedded term lists,
// which only build tools, tests and benchmarks need.
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "detector/lexicon/data/builtin_terms.h"
#include "detector/spin/curated_terms.h"
#include "detector/spin/term_keys.h"

namespace unspin {

absl::StatusOr<std::vector<std::string>> CuratedTerms(const std::vector<RulePack>& packs) {
  TermKeys terms;
  for (const EmbeddedFile& list : BuiltinTermLists()) {
    int line_number = 0;
    for (absl::string_view line : absl::StrSplit(list.text, '\n')) {
      ++line_number;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      if (line.find(' ') == absl::string_view::npos && line.find('-') == absl::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%s:%d: a term has two or more words, got \"%s\"", list.path, line_number, line));
      }
      terms.Add(line);
    }
  }
  terms.AddRestorations(packs, 0);
  return terms.Release();
}

}  // namespace unspin
