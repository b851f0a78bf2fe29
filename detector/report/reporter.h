// Output formats for `unspin check`. A Reporter renders each checked document's findings as it
// comes and may add a closing part once all documents are done (aggregate formats).
//
//   absl::StatusOr<std::unique_ptr<unspin::Reporter>> r = unspin::MakeReporter("jsonl", {});
//   std::string out;
//   (*r)->AddDocument(doc, report, &out);
//   (*r)->Finish(&out);
//
// jsonl follows the findings contract in ARCHITECTURE.md, one object per finding with the keys
// path, line, column, start, end, text, rule, severity, message, replacement, confidence.
#ifndef UNSPIN_DETECTOR_REPORT_REPORTER_H_
#define UNSPIN_DETECTOR_REPORT_REPORTER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/spin/detector.h"
#include "detector/text/document.h"

namespace unspin {

struct ReporterOptions {
  // jsonl: after each document's findings, add {"path": ..., "summary": {...}} with its spin
  // score. Off by default so every jsonl line is a finding.
  bool jsonl_summary = false;
  // text: print a "path: spin score ..." line after each document that has findings.
  bool text_summary = true;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Appends this format's rendering of one document's findings.
  virtual void AddDocument(const Document& document, const DocumentReport& report,
                           std::string* out) = 0;
  // Appends what follows the last document (nothing for streaming formats).
  virtual void Finish(std::string* out) { (void)out; }
};

// Formats: "text", "jsonl". Unknown names are an InvalidArgument error listing the known ones.
absl::StatusOr<std::unique_ptr<Reporter>> MakeReporter(absl::string_view format,
                                                       const ReporterOptions& options);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_REPORTER_H_
