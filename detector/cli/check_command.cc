// `unspin check`: reports spun phrases.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/cli/args.h"
#include "detector/cli/batch.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/cli/finding_policy.h"
#include "detector/report/reporter.h"

namespace unspin {

int RunCheckCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin check", "[options] PATH|DIR|GLOB... | -",
                   "Reports phrases that look spun (synonym-swapped), with their restorations.\n"
                   "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
                   "2 usage or input error.");
  std::string format = "text";
  std::string fail_on = "warning";
  bool summary = false;
  bool show_skipped = false;
  double min_score = 0.0;
  EngineFlags engine_flags;
  InputFlags input_flags;
  BatchFlags batch_flags;
  parser.AddString("format", "text|jsonl|json|sarif|github", "output format (default text)",
                   &format);
  parser.AddString("fail-on", "error|warning|info",
                   "lowest severity that makes the exit status 1 (default warning)", &fail_on);
  parser.AddBool("summary", "jsonl: add a summary object with the spin score per document",
                 &summary);
  parser.AddDouble("min-score", "X",
                   "report only documents whose spin score is at least X (0..1; default 0)",
                   &min_score);
  parser.AddBool("show-skipped",
                 "print to stderr what HTML/Markdown extraction skipped per file (scripts, "
                 "navigation, code, boilerplate)",
                 &show_skipped);
  AddEngineFlags(&parser, &engine_flags);
  AddInputFlags(&parser, &input_flags);
  AddBatchFlags(&parser, &batch_flags, /*for_fix=*/false);
  PolicyFlags policy_flags;
  AddPolicyFlags(&parser, &policy_flags, /*for_check=*/true);

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
  if (!(min_score >= 0.0 && min_score <= 1.0)) {
    PrintError("check", absl::StrCat("--min-score expects a number from 0 to 1, got ", min_score));
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
  RuleCatalog rule_catalog;  // filled once the engine has loaded the packs
  reporter_options.rules = &rule_catalog;
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
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs(*paths, batch_flags);
  if (!files.ok()) {
    PrintError("check", files.status().message());
    return 2;
  }
  // Configuration (.unspin.toml) per file, suppressions and the baseline (finding_policy.h);
  // flags given on the command line win over configuration files.
  CommandLineOverrides overrides;
  if (parser.IsSet("fail-on")) overrides.fail_on = fail_level;
  if (parser.IsSet("min-confidence")) overrides.min_confidence = engine_flags.min_confidence;
  overrides.detectors = parser.IsSet("detectors");
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy =
      FindingPolicy::Create(policy_flags, overrides, &*files);
  if (!policy.ok()) {
    PrintError("check", policy.status().message());
    return 2;
  }
  (*policy)->AdjustEngineOptions(&*engine_options);
  Engine* engine = CreateEngineForProcess("check", *engine_options);
  if (engine == nullptr) return 2;
  if (absl::Status s = (*policy)->Validate(engine->rules()); !s.ok()) {
    PrintError("check", s.message());
    return 2;
  }
  if ((*reporter)->UsesRuleCatalog()) rule_catalog.AddRuleSet(engine->rules());

  // Files are read and checked on --jobs threads and arrive here in input order (batch.h).
  BatchRun run("check", batch_flags, *files, /*fix=*/false);
  bool input_error = false;
  bool failing = false;
  bool write_error = false;
  std::string out;
  run.Run(engine->detector(), *input_options, /*keep_bytes=*/false, [&](CheckedFile& file) {
    (*policy)->Apply(&file, /*for_check=*/true);
    run.summary().AddFile(file, 0);
    if (!file.status.ok()) {
      PrintError("check", file.status.message());
      input_error = true;
      return true;
    }
    if (show_skipped && !file.skipped.skipped.empty()) {
      std::fprintf(stderr, "%s: %s\n",
                   file.input->path == "-" ? "<stdin>" : file.input->path.c_str(),
                   file.skipped.Summary().c_str());
    }
    (*reporter)->BeginFile(file.input->path == "-" ? "<stdin>" : file.input->path, file.format);
    const Severity file_fail_level = (*policy)->FailOn(file);
    for (size_t d = 0; d < file.documents.size(); ++d) {
      const DocumentReport& report = file.reports[d];
      // Documents below --min-score are neither reported nor counted for the exit status.
      if (report.spin_score < min_score) continue;
      for (const Finding& f : report.findings) {
        if (f.severity >= file_fail_level) failing = true;
      }
      out.clear();
      (*reporter)->AddDocument(file.documents[d], report, &out);
      if (!WriteStdout(out)) {
        write_error = true;
        return false;
      }
    }
    return true;
  });
  if (write_error) {
    PrintError("check", "cannot write to standard output");
    return 2;
  }
  out.clear();
  (*reporter)->Finish(&out);
  if (!WriteStdout(out) || std::fflush(stdout) != 0) {
    PrintError("check", "cannot write to standard output");
    return 2;
  }
  if (const int code = run.Finish(); code != 0) return code;
  if ((*policy)->writes_baseline()) {
    // A baseline missing the findings of an unreadable file would hide them later.
    if (input_error) {
      PrintError("check", "baseline not written: some inputs could not be read");
      return 2;
    }
    if (absl::Status s = (*policy)->WriteBaseline(); !s.ok()) {
      PrintError("check", absl::StrCat("--write-baseline: ", s.message()));
      return 2;
    }
    return 0;
  }
  if (input_error) return 2;
  return failing ? 1 : 0;
}

}  // namespace unspin
