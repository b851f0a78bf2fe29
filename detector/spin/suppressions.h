// Inline suppressions: directives written in a document that silence findings, and a report of
// the directives that silenced nothing (like ruff's RUF100), so stale ones do not pile up.
//
// HTML and Markdown (comments, which the prose extractors skip):
//   <!-- unspin-disable RULE... -->            silences RULEs (every rule when none is named)
//                                              from here to the matching enable or the end
//   <!-- unspin-enable RULE... -->             ends the open disables of those RULEs (of all
//                                              rules when none is named)
//   <!-- unspin-disable-next-line RULE... -->  silences RULEs on the next line only
// Plain text and JSON Lines records:
//   ... unspin: ignore RULE...                 silences RULEs on the marker's line
//
// RULE is a rule id ("spin.news.vision") or a prefix ending in '*' ("spin.news.*",
// "lexicon.*"); several are separated by commas or spaces. In Markdown, directives inside code
// (fenced blocks, `code spans`) and front matter are examples, not directives. A finding is
// silenced when it starts inside a directive's reach.
//
//   std::vector<unspin::Finding> findings = detector.Check(document).findings;
//   unspin::SuppressionOutcome outcome =
//       unspin::ApplySuppressions(document, unspin::InputFormat::kMarkdown, &findings);
//   // findings: what is left; outcome.unused: one finding per directive that silenced nothing
#ifndef UNSPIN_DETECTOR_SPIN_SUPPRESSIONS_H_
#define UNSPIN_DETECTOR_SPIN_SUPPRESSIONS_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "detector/spin/finding.h"
#include "detector/text/document.h"
#include "detector/text/input.h"

namespace unspin {

// Rule id of the finding that reports an unused suppression.
inline constexpr char kUnusedSuppressionRule[] = "unspin.unused-suppression";

struct SuppressionOutcome {
  // Findings removed because a directive silenced them.
  size_t suppressed = 0;
  // One finding (rule kUnusedSuppressionRule, severity warning, no replacement) per directive
  // that silenced nothing, or that names rules it silenced nothing of; it spans the directive
  // in Document::source() and has an empty prose span (text_begin == text_end == 0). An
  // unspin-enable with no open disable to end is reported the same way.
  std::vector<Finding> unused;
};

// Finds the directives in `document` (read as `format`; kAuto is taken as plain text), removes
// the findings they silence from `findings` (order kept) and reports the unused directives.
SuppressionOutcome ApplySuppressions(const Document& document, InputFormat format,
                                     std::vector<Finding>* findings);

// Whether `rule_id` matches a directive's rule pattern (an id, or a prefix ending in '*').
bool SuppressionPatternMatches(absl::string_view pattern, absl::string_view rule_id);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_SUPPRESSIONS_H_
