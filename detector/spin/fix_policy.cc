#include "detector/spin/fix_policy.h"

#include "absl/strings/match.h"

namespace unspin {

absl::string_view ApplicabilityName(Applicability applicability) {
  return applicability == Applicability::kSafe ? "safe" : "unsafe";
}

Applicability FixApplicability(const Finding& finding) {
  const bool safe =
      absl::StartsWith(finding.rule_id, "lexicon.")
          ? finding.curated_restoration && finding.confidence >= kSafeLexiconFixMinConfidence
          : finding.confidence >= kSafeFixMinConfidence;
  return safe ? Applicability::kSafe : Applicability::kUnsafe;
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
