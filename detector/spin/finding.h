// A Finding is one suspected spun phrase: where it is, which rule or detector found it, and the
// restoration it suggests. Reporters, the restorer and dedup all consume findings.
//
//   for (const unspin::Finding& f : findings) {
//     std::cout << f.rule_id << " " << f.replacement << " " << f.confidence << "\n";
//   }
#ifndef UNSPIN_DETECTOR_SPIN_FINDING_H_
#define UNSPIN_DETECTOR_SPIN_FINDING_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace unspin {

// Ordered: a --fail-on=LEVEL threshold compares with >=.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

absl::string_view SeverityName(Severity s);
// Parses "info", "warning" or "error"; false for anything else.
bool ParseSeverity(absl::string_view name, Severity* out);

struct Finding {
  size_t text_begin = 0;  // byte range in Document::text()
  size_t text_end = 0;
  size_t source_begin = 0;  // byte range in Document::source() (the input as given)
  size_t source_end = 0;
  std::string rule_id;      // "spin.news.vision", "lexicon.thesaurus", ...
  std::string message;      // human explanation, including the evidence
  std::string replacement;  // suggested restoration, case already matched to the text
  double confidence = 0.0;  // 0..1
  Severity severity = Severity::kWarning;
  bool in_quote = false;  // inside quoted speech (reported only on request)
  // Lexicon findings: the restoration is a known phrase (WordNet, a rule pack) reached through a
  // spinner-table swap, not a thesaurus's guess. (Rule restorations are curated by nature.) See
  // fix_policy.h.
  bool curated_restoration = false;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_FINDING_H_
