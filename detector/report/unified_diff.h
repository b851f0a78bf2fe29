// A unified diff of two texts, line by line, as `diff -u` and `patch` know it. `unspin fix
// --diff` prints it instead of the restored text.
//
//   std::string diff = unspin::UnifiedDiff(original, restored, "docs/a.md");
//   // --- docs/a.md
//   // +++ docs/a.md
//   // @@ -3,7 +3,7 @@
//   // ...
//
// Lines keep their terminators ("\r\n" stays), and a last line without one is followed by
// "\ No newline at end of file", so `patch -p0` reproduces `new` exactly. Equal texts give "".
//
// The diff is minimal (Myers' algorithm) while the two sides differ by at most
// DiffOptions::max_edit_lines lines; beyond that, the differing middle is shown line against
// line, which is still a correct diff, only not the shortest, and keeps time and memory linear.
#ifndef UNSPIN_DETECTOR_REPORT_UNIFIED_DIFF_H_
#define UNSPIN_DETECTOR_REPORT_UNIFIED_DIFF_H_

#include <string>

#include "absl/strings/string_view.h"

namespace unspin {

struct DiffOptions {
  // Unchanged lines shown around each change.
  int context_lines = 3;
  // Largest number of inserted plus deleted lines searched for a minimal diff (Myers' cost is
  // quadratic in it).
  int max_edit_lines = 2000;
};

std::string UnifiedDiff(absl::string_view old_text, absl::string_view new_text,
                        absl::string_view path, const DiffOptions& options = DiffOptions());

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_UNIFIED_DIFF_H_
