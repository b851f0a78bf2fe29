// --format=json: one JSON document for the whole run, streamed document by document.
//
// {
//   "documents": [
//     {"path": "a.md", "file": "a.md", "words": 57, "spin_score": 0.83, "quoted_matches": 0,
//      "findings": [
//       {"line": 3, "column": 5, "end_line": 3, "end_column": 15, "start": 40, "end": 50,
//        "text": "closing yr", "rule": "spin.news.last_year", "severity": "error", ...}
//     ]}
//   ],
//   "summary": {"documents": 1, "findings": 1, "error": 1, "warning": 0, "info": 0}
// }
#include "absl/strings/str_cat.h"
#include "detector/report/formats.h"
#include "detector/spin/fix_policy.h"
#include "detector/util/json.h"

namespace unspin {
namespace report_internal {
namespace {

class JsonReporter : public Reporter {
 public:
  void BeginFile(absl::string_view path, InputFormat format) override { file_.Begin(path, format); }

  void AddDocument(const Document& document, const DocumentReport& report,
                   std::string* out) override {
    Start(out);
    out->append(documents_ == 0 ? "\n" : ",\n");
    ++documents_;
    out->append("    {\"path\": ");
    AppendJsonString(document.path(), out);
    out->append(", \"file\": ");
    AppendJsonString(file_.PathFor(document), out);
    absl::StrAppend(out, ", \"words\": ", report.word_count, ", \"spin_score\": ");
    AppendJsonNumber(report.spin_score, 3, out);
    absl::StrAppend(out, ", \"quoted_matches\": ", report.quoted_matches, ", \"findings\": [");
    for (size_t i = 0; i < report.findings.size(); ++i) {
      const Finding& f = report.findings[i];
      const FindingPosition p = PositionOf(document, f);
      out->append(i == 0 ? "\n" : ",\n");
      absl::StrAppend(out, "      {\"line\": ", p.start.line, ", \"column\": ", p.start.column,
                      ", \"end_line\": ", p.end.line, ", \"end_column\": ", p.end.column,
                      ", \"start\": ", p.start_byte, ", \"end\": ", p.end_byte, ", \"text\": ");
      AppendJsonString(SourceTextOf(document, f), out);
      AppendFindingMembers(f, out);
      // Whether `unspin fix` applies it by default (fix_policy.h); "none": nothing to apply.
      out->append(", \"fix\": ");
      AppendJsonString(f.replacement.empty() ? "none" : ApplicabilityName(FixApplicability(f)),
                       out);
      out->append("}");
      ++findings_;
      ++per_severity_[static_cast<int>(f.severity)];
    }
    out->append(report.findings.empty() ? "]}" : "\n    ]}");
  }

  void Finish(std::string* out) override {
    Start(out);
    out->append(documents_ == 0 ? "],\n" : "\n  ],\n");
    absl::StrAppend(out, "  \"summary\": {\"documents\": ", documents_,
                    ", \"findings\": ", findings_, ", \"error\": ", per_severity_[2],
                    ", \"warning\": ", per_severity_[1], ", \"info\": ", per_severity_[0],
                    "}\n}\n");
  }

 private:
  void Start(std::string* out) {
    if (started_) return;
    started_ = true;
    out->append("{\n  \"documents\": [");
  }

  CurrentFile file_;
  bool started_ = false;
  size_t documents_ = 0;
  size_t findings_ = 0;
  size_t per_severity_[3] = {0, 0, 0};  // indexed by Severity
};

}  // namespace

std::unique_ptr<Reporter> NewJsonReporter(const ReporterOptions& options) {
  (void)options;
  return std::make_unique<JsonReporter>();
}

}  // namespace report_internal
}  // namespace unspin
