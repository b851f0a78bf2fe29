#include "detector/spin/fix_policy.h"

#include "absl/strings/match.h"

namespace unspin {

absl::string_view ApplicabilityName(Applicability applicability) {
  return applicability == Applicability::kSafe ? "safe" : "unsafe";
}

Applicability FixApplicability(const Finding& finding) {
  if (!finding.curated_restoration) return Applicability::kUnsafe;
  const double min_confidence = absl::StartsWith(finding.rule_id, "lexicon.")
                                    ? kSafeLexiconFixMinConfidence
                                    : kSafeFixMinConfidence;
  return finding.confidence >= min_confidence ? Applicability::kSafe : Applicability::kUnsafe;
}

std::vector<Finding> ApplicableFixes(const std::vector<Finding>& findings, bool unsafe_fixes) {
  std::vector<Finding> out;
  out.reserve(findings.size());
  for (const Finding& f : findings) {
    if (unsafe_fixes || FixApplicability(f) == Applicability::kSafe) out.push_back(f);
  }
  return out;
}

}  // namespace unspin
