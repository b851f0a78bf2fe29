// Applies restorations to the input bytes: each finding's replacement goes in place of its source
// range, with the case of the original kept ("Imaginative and prescient" -> "Vision"); every byte
// outside the restored ranges stays as it was.
//
//   std::string fixed = unspin::ApplyRestorations(doc.source(), findings);
#ifndef UNSPIN_DETECTOR_SPIN_RESTORER_H_
#define UNSPIN_DETECTOR_SPIN_RESTORER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "detector/spin/finding.h"

namespace unspin {

// Adapts `replacement` to the case pattern of `original`: an all-caps original gives an all-caps
// replacement; a capitalized original capitalizes the replacement's first letter; otherwise the
// replacement is kept as written (so names in replacements keep their capitals).
std::string MatchCase(absl::string_view original, absl::string_view replacement);

// Returns `source` with every finding's replacement applied at [source_begin, source_end).
// Findings may come in any order; one that overlaps an earlier-starting applied finding is
// skipped, as are findings with an empty replacement.
std::string ApplyRestorations(absl::string_view source, const std::vector<Finding>& findings);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_RESTORER_H_
