// Output formats for `unspin check`. A Reporter renders each checked document's findings as it
// comes and may add a closing part once all documents are done (aggregate formats).
//
//   absl::StatusOr<std::unique_ptr<unspin::Reporter>> r = unspin::MakeReporter("sarif", {});
//   std::string out;
//   (*r)->BeginFile("corpus.jsonl", unspin::InputFormat::kJsonl);   // optional, per input file
//   (*r)->AddDocument(doc, report, &out);
//   (*r)->Finish(&out);
//
// Formats:
//   text   path:line:col: severity: message (restore: "...") [rule], and a spin score line
//   jsonl  the findings contract in ARCHITECTURE.md, one object per finding with the keys
//          path, line, column, start, end, text, rule, severity, message, replacement,
//          confidence
//   json   one JSON document: every checked document with its spin score and findings, and a
//          summary with counts per severity
//   sarif  SARIF 2.1.0 for code scanning: rule metadata, locations (line/column in code points,
//          byte offsets), restorations as fixes with replacements, stable fingerprints
//   github GitHub Actions workflow commands (::error file=...,line=...,col=...::message);
//          severities map error->error, warning->warning, info->notice
// File-based formats (sarif, github, json's "file") name the input file given to BeginFile:
// a JSON Lines record's Document::path() is its record id, not the file.
#ifndef UNSPIN_DETECTOR_REPORT_REPORTER_H_
#define UNSPIN_DETECTOR_REPORT_REPORTER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/report/rule_catalog.h"
#include "detector/spin/detector.h"
#include "detector/text/document.h"
#include "detector/text/input.h"

namespace unspin {

struct ReporterOptions {
  // jsonl: after each document's findings, add {"path": ..., "summary": {...}} with its spin
  // score. Off by default so every jsonl line is a finding.
  bool jsonl_summary = false;
  // text: print a "path: spin score ..." line after each document that has findings.
  bool text_summary = true;
  // sarif: the rules listed in tool.driver.rules (results point at them by index). Null: only
  // the rules no pack defines, plus an id-only entry for every other rule a result names. Must
  // outlive the reporter.
  const RuleCatalog* rules = nullptr;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Announces the input file the following documents come from and its format (how a fix's
  // replacement text must be escaped in it). Without a call, each document's path is its file
  // and the format is plain text.
  virtual void BeginFile(absl::string_view path, InputFormat format) {
    (void)path;
    (void)format;
  }
  // Appends this format's rendering of one document's findings.
  virtual void AddDocument(const Document& document, const DocumentReport& report,
                           std::string* out) = 0;
  // Appends what follows the last document (nothing for streaming formats).
  virtual void Finish(std::string* out) { (void)out; }
  // Whether this format lists rule metadata (ReporterOptions::rules): describing thousands of
  // rules costs start-up time, so callers fill the catalog only when asked.
  virtual bool UsesRuleCatalog() const { return false; }
};

// Formats: "text", "jsonl", "json", "sarif", "github". Unknown names are an InvalidArgument
// error listing the known ones.
absl::StatusOr<std::unique_ptr<Reporter>> MakeReporter(absl::string_view format,
                                                       const ReporterOptions& options);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_REPORTER_H_
