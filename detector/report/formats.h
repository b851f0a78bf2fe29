// Internal to //detector/report:reporter: the reporters of each format (one .cc each) and what
// they share. Use MakeReporter (reporter.h) instead.
#ifndef UNSPIN_DETECTOR_REPORT_FORMATS_H_
#define UNSPIN_DETECTOR_REPORT_FORMATS_H_

#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "detector/report/reporter.h"

namespace unspin {
namespace report_internal {

std::unique_ptr<Reporter> NewJsonReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> NewSarifReporter(const ReporterOptions& options);
std::unique_ptr<Reporter> NewGithubReporter(const ReporterOptions& options);

// Where a finding is in the input file.
struct FindingPosition {
  LineColumn start;   // of the first character
  LineColumn end;     // just after the last character (exclusive)
  size_t start_byte;  // byte offsets into the input file (a JSON Lines record's origin added)
  size_t end_byte;
};

FindingPosition PositionOf(const Document& document, const Finding& finding);

// The finding's bytes in the document's source.
absl::string_view SourceTextOf(const Document& document, const Finding& finding);

// Appends the members every JSON format gives a finding after its position and text, in the
// order of the JSON Lines contract: `, "rule": ..., "severity": ..., "message": ...,
// "replacement": ..., "confidence": ...`.
void AppendFindingMembers(const Finding& finding, std::string* out);

// The file a reporter names for a document: the one given to BeginFile, else the document's
// path.
struct CurrentFile {
  std::string path;
  InputFormat format = InputFormat::kText;
  bool announced = false;

  void Begin(absl::string_view p, InputFormat f) {
    path = std::string(p);
    format = f;
    announced = true;
  }
  const std::string& PathFor(const Document& document) const {
    return announced ? path : document.path();
  }
};

}  // namespace report_internal
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_FORMATS_H_
