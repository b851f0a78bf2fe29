// `unspin fix`: prints or writes the restored text.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/cli/args.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/spin/restorer.h"
#include "detector/util/file_io.h"

namespace unspin {

int RunFixCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin fix", "[options] PATH | -  (or --in-place PATH...)",
                   "Prints the input with every restoration applied; bytes outside restored\n"
                   "phrases are unchanged. --in-place rewrites the files instead (atomically:\n"
                   "a temporary file renamed over the original).\n"
                   "Exit status: 0 success, 2 usage or input error.");
  bool in_place = false;
  EngineFlags engine_flags;
  parser.AddBool("in-place", "rewrite the files instead of printing", &in_place);
  AddEngineFlags(&parser, &engine_flags);

  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  if (parser.help_requested()) {
    WriteStdout(parser.Help());
    return 0;
  }
  if (!paths.ok()) {
    PrintError("fix", paths.status().message());
    return 2;
  }
  if (paths->empty()) {
    PrintError("fix", "no input: give a file, or - for standard input");
    return 2;
  }
  if (!in_place && paths->size() > 1) {
    PrintError("fix", "several inputs need --in-place (printing them would run them together)");
    return 2;
  }
  if (in_place) {
    for (const std::string& path : *paths) {
      if (path == "-") {
        PrintError("fix", "--in-place cannot rewrite standard input");
        return 2;
      }
    }
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(engine_flags.ToOptions());
  if (!engine.ok()) {
    PrintError("fix", engine.status().message());
    return 2;
  }
  bool input_error = false;
  for (const std::string& path : *paths) {
    absl::StatusOr<Document> document = LoadDocument(path);
    if (!document.ok()) {
      PrintError("fix", document.status().message());
      input_error = true;
      continue;
    }
    const DocumentReport report = (*engine)->detector().Check(*document);
    const std::string fixed = ApplyRestorations(document->source(), report.findings);
    if (!in_place) {
      if (!WriteStdout(fixed) || std::fflush(stdout) != 0) {
        PrintError("fix", "cannot write to standard output");
        return 2;
      }
      continue;
    }
    if (fixed == document->source()) continue;
    if (absl::Status s = WriteFileAtomically(path, fixed); !s.ok()) {
      PrintError("fix", s.message());
      input_error = true;
    }
  }
  return input_error ? 2 : 0;
}

}  // namespace unspin
