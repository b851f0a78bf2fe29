#include "detector/report/reporter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "detector/report/formats.h"
#include "detector/util/json.h"

namespace unspin {
namespace {

class TextReporter : public Reporter {
 public:
  explicit TextReporter(const ReporterOptions& options) : options_(options) {}

  void AddDocument(const Document& document, const DocumentReport& report,
                   std::string* out) override {
    for (const Finding& f : report.findings) {
      const LineColumn lc = document.LineColumnOf(f.source_begin);
      absl::StrAppend(out, document.path(), ":", lc.line, ":", lc.column, ": ",
                      SeverityName(f.severity), ": ", f.message);
      if (!f.replacement.empty()) absl::StrAppend(out, " (restore: \"", f.replacement, "\")");
      absl::StrAppend(out, " [", f.rule_id, "]\n");
    }
    if (options_.text_summary && !report.findings.empty()) {
      absl::StrAppend(out, document.path(), ": ",
                      absl::StrFormat("spin score %.2f: %d finding%s in %d words\n",
                                      report.spin_score, report.findings.size(),
                                      report.findings.size() == 1 ? "" : "s", report.word_count));
    }
  }

 private:
  ReporterOptions options_;
};

class JsonlReporter : public Reporter {
 public:
  explicit JsonlReporter(const ReporterOptions& options) : options_(options) {}

  void AddDocument(const Document& document, const DocumentReport& report,
                   std::string* out) override {
    // Every line names the document: its path is escaped once.
    std::string path_json;
    AppendJsonString(document.path(), &path_json);
    for (const Finding& f : report.findings) {
      const report_internal::FindingPosition p = report_internal::PositionOf(document, f);
      absl::StrAppend(out, "{\"path\": ", path_json);
      absl::StrAppend(out, ", \"line\": ", p.start.line, ", \"column\": ", p.start.column,
                      ", \"start\": ", p.start_byte, ", \"end\": ", p.end_byte, ", \"text\": ");
      AppendJsonString(report_internal::SourceTextOf(document, f), out);
      report_internal::AppendFindingMembers(f, out);
      out->append("}\n");
    }
    if (options_.jsonl_summary) {
      absl::StrAppend(out, "{\"path\": ", path_json);
      absl::StrAppend(out, ", \"summary\": {\"findings\": ", report.findings.size(),
                      ", \"words\": ", report.word_count, ", \"spin_score\": ");
      AppendJsonNumber(report.spin_score, 3, out);
      absl::StrAppend(out, ", \"quoted_matches\": ", report.quoted_matches, "}}\n");
    }
  }

 private:
  ReporterOptions options_;
};

}  // namespace

namespace report_internal {

FindingPosition PositionOf(const Document& document, const Finding& finding) {
  FindingPosition p;
  p.start = document.LineColumnOf(finding.source_begin);
  p.end = document.LineColumnOf(finding.source_end);
  p.start_byte = document.origin_offset() + finding.source_begin;
  p.end_byte = document.origin_offset() + finding.source_end;
  return p;
}

absl::string_view SourceTextOf(const Document& document, const Finding& finding) {
  return absl::string_view(document.source())
      .substr(finding.source_begin, finding.source_end - finding.source_begin);
}

void AppendFindingMembers(const Finding& finding, std::string* out) {
  out->append(", \"rule\": ");
  AppendJsonString(finding.rule_id, out);
  out->append(", \"severity\": ");
  AppendJsonString(SeverityName(finding.severity), out);
  out->append(", \"message\": ");
  AppendJsonString(finding.message, out);
  out->append(", \"replacement\": ");
  AppendJsonString(finding.replacement, out);
  out->append(", \"confidence\": ");
  AppendJsonNumber(finding.confidence, 3, out);
}

}  // namespace report_internal

absl::StatusOr<std::unique_ptr<Reporter>> MakeReporter(absl::string_view format,
                                                       const ReporterOptions& options) {
  if (format == "text") return std::unique_ptr<Reporter>(new TextReporter(options));
  if (format == "jsonl") return std::unique_ptr<Reporter>(new JsonlReporter(options));
  if (format == "json") return report_internal::NewJsonReporter(options);
  if (format == "sarif") return report_internal::NewSarifReporter(options);
  if (format == "github") return report_internal::NewGithubReporter(options);
  return absl::InvalidArgumentError(
      absl::StrCat("unknown format '", format, "' (known: text, jsonl, json, sarif, github)"));
}

}  // namespace unspin
