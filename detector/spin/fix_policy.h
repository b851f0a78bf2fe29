// Which restorations `unspin fix` applies on its own: every finding's fix is either `safe` or
// `unsafe` (ruff's model). Safe fixes are applied by default; unsafe ones only on request
// (--unsafe-fixes). This header is the one place the policy is defined.
//
//   std::vector<unspin::Finding> applied =
//       unspin::ApplicableFixes(report.findings, /*unsafe_fixes=*/false);
//   std::string fixed = unspin::ApplyRestorations(doc.source(), applied);
//
// The policy: a fix is safe when its restoration is hand-curated and the finding is confident
// enough:
//   - a hand-written rule's, with confidence at least kSafeFixMinConfidence. Rules are written
//     and tested against examples and counterexamples, and their authors rate how sure a match
//     is; below 0.7 the rule itself says the restoration may change the meaning ("management" ->
//     "leadership");
//   - a lexicon finding (rule ids "lexicon.*") whose restoration is a known phrase (WordNet's, a
//     rule pack's) that the original was not, reached through a spinner-table swap ("resistant
//     framework" -> "immune system"), with confidence at least kSafeLexiconFixMinConfidence:
//     both halves were written by people, only their composition is inferred.
// Every other lexicon fix is inferred from a language model and a thesaurus, never reviewed by a
// person, so it is unsafe however confident.
#ifndef UNSPIN_DETECTOR_SPIN_FIX_POLICY_H_
#define UNSPIN_DETECTOR_SPIN_FIX_POLICY_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "detector/spin/finding.h"

namespace unspin {

enum class Applicability { kSafe, kUnsafe };

// Lowest rule confidence whose fix is safe.
inline constexpr double kSafeFixMinConfidence = 0.7;
// Lowest lexicon confidence whose curated restoration is safe.
inline constexpr double kSafeLexiconFixMinConfidence = 0.9;

// "safe" or "unsafe".
absl::string_view ApplicabilityName(Applicability applicability);

// The applicability of a finding's fix, by the policy above.
Applicability FixApplicability(const Finding& finding);

// The findings whose fixes are applied: the safe ones, and the unsafe ones too when
// `unsafe_fixes` is set. Order is kept.
std::vector<Finding> ApplicableFixes(const std::vector<Finding>& findings, bool unsafe_fixes);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_FIX_POLICY_H_
