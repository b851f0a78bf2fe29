// `unspin check`: reports spun phrases.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/cli/args.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/report/reporter.h"

namespace unspin {

int RunCheckCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin check", "[options] PATH... | -",
                   "Reports phrases that look spun (synonym-swapped), with their restorations.\n"
                   "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
                   "2 usage or input error.");
  std::string format = "text";
  std::string fail_on = "warning";
  bool summary = false;
  bool show_skipped = false;
  EngineFlags engine_flags;
  InputFlags input_flags;
  parser.AddString("format", "text|jsonl", "output format (default text)", &format);
  parser.AddString("fail-on", "error|warning|info",
                   "lowest severity that makes the exit status 1 (default warning)", &fail_on);
  parser.AddBool("summary", "jsonl: add a summary object with the spin score per document",
                 &summary);
  parser.AddBool("show-skipped",
                 "print to stderr what HTML/Markdown extraction skipped per file (scripts, "
                 "navigation, code, boilerplate)",
                 &show_skipped);
  AddEngineFlags(&parser, &engine_flags);
  AddInputFlags(&parser, &input_flags);

  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  if (parser.help_requested()) {
    WriteStdout(parser.Help());
    return 0;
  }
  if (!paths.ok()) {
    PrintError("check", paths.status().message());
    return 2;
  }
  Severity fail_level;
  if (!ParseSeverity(fail_on, &fail_level)) {
    PrintError("check",
               absl::StrCat("--fail-on expects error, warning or info, got '", fail_on, "'"));
    return 2;
  }
  if (paths->empty()) {
    PrintError("check", "no input: give one or more files, or - for standard input");
    return 2;
  }
  absl::StatusOr<InputOptions> input_options = input_flags.ToOptions();
  if (!input_options.ok()) {
    PrintError("check", input_options.status().message());
    return 2;
  }
  ReporterOptions reporter_options;
  reporter_options.jsonl_summary = summary;
  absl::StatusOr<std::unique_ptr<Reporter>> reporter = MakeReporter(format, reporter_options);
  if (!reporter.ok()) {
    PrintError("check", reporter.status().message());
    return 2;
  }
  absl::StatusOr<EngineOptions> engine_options = engine_flags.ToOptions();
  if (!engine_options.ok()) {
    PrintError("check", engine_options.status().message());
    return 2;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(*engine_options);
  if (!engine.ok()) {
    PrintError("check", engine.status().message());
    return 2;
  }

  bool input_error = false;
  bool failing = false;
  std::string out;
  for (const std::string& path : *paths) {
    ExtractionStats skipped;
    absl::StatusOr<std::vector<Document>> documents = ReadDocuments(path, *input_options, &skipped);
    if (!documents.ok()) {
      PrintError("check", documents.status().message());
      input_error = true;
      continue;
    }
    if (show_skipped && !skipped.skipped.empty()) {
      std::fprintf(stderr, "%s: %s\n", path == "-" ? "<stdin>" : path.c_str(),
                   skipped.Summary().c_str());
    }
    for (const Document& document : *documents) {
      const DocumentReport report = (*engine)->detector().Check(document);
      for (const Finding& f : report.findings) {
        if (f.severity >= fail_level) failing = true;
      }
      out.clear();
      (*reporter)->AddDocument(document, report, &out);
      if (!WriteStdout(out)) {
        PrintError("check", "cannot write to standard output");
        return 2;
      }
    }
  }
  out.clear();
  (*reporter)->Finish(&out);
  if (!WriteStdout(out) || std::fflush(stdout) != 0) {
    PrintError("check", "cannot write to standard output");
    return 2;
  }
  if (input_error) return 2;
  return failing ? 1 : 0;
}

}  // namespace unspin
