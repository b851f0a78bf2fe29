// --format=github: GitHub Actions workflow commands, one line per finding, which the runner
// turns into annotations on the changed files:
//
//   ::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=15,title=spin.news.last_year::"closing
//   yr" looks like ...
//
// Severities map error -> error, warning -> warning, info -> notice. Values are escaped as the
// runner expects: '%', CR and LF in the message; also ':' and ',' in properties.
#include "absl/strings/str_cat.h"
#include "detector/report/formats.h"

namespace unspin {
namespace report_internal {
namespace {

std::string EscapeData(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeProperty(absl::string_view s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

absl::string_view CommandFor(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "warning";
}

class GithubReporter : public Reporter {
 public:
  void BeginFile(absl::string_view path, InputFormat format) override { file_.Begin(path, format); }

  void AddDocument(const Document& document, const DocumentReport& report,
                   std::string* out) override {
    const std::string& file = file_.PathFor(document);
    // A JSON Lines record: the line names it in the file; the message names its id.
    const std::string record =
        document.path() != file ? absl::StrCat("record ", document.path(), ": ") : "";
    for (const Finding& f : report.findings) {
      const FindingPosition p = PositionOf(document, f);
      std::string message = absl::StrCat(record, f.message);
      if (!f.replacement.empty()) absl::StrAppend(&message, " (restore: \"", f.replacement, "\")");
      absl::StrAppend(out, "::", CommandFor(f.severity), " file=", EscapeProperty(file),
                      ",line=", p.start.line, ",col=", p.start.column, ",endLine=", p.end.line,
                      ",endColumn=", p.end.column, ",title=", EscapeProperty(f.rule_id),
                      "::", EscapeData(message), "\n");
    }
  }

 private:
  CurrentFile file_;
};

}  // namespace

std::unique_ptr<Reporter> NewGithubReporter(const ReporterOptions& options) {
  (void)options;
  return std::make_unique<GithubReporter>();
}

}  // namespace report_internal
}  // namespace unspin
