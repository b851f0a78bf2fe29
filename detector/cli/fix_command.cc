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
#include "detector/util/json.h"
#include "detector/util/status_macros.h"

namespace unspin {
namespace {

// Replacement text as it must be written into the source format: HTML needs &, < and > as
// references; a JSON string needs JSON escapes. Text and Markdown take it as is.
void EscapeReplacements(InputFormat format, std::vector<Finding>* findings) {
  for (Finding& f : *findings) {
    if (format == InputFormat::kHtml) {
      std::string escaped;
      for (char c : f.replacement) {
        if (c == '&') {
          escaped += "&amp;";
        } else if (c == '<') {
          escaped += "&lt;";
        } else if (c == '>') {
          escaped += "&gt;";
        } else {
          escaped.push_back(c);
        }
      }
      f.replacement = std::move(escaped);
    } else if (format == InputFormat::kJsonl) {
      std::string quoted;
      AppendJsonString(f.replacement, &quoted);
      f.replacement = quoted.substr(1, quoted.size() - 2);
    }
  }
}

struct FixedInput {
  std::string text;      // the input with every restoration applied
  bool changed = false;  // whether any byte differs from the input
};

// The input with every document's restorations applied. For JSON Lines each record's line is
// rewritten in place; all other bytes (other members, blank lines, line ends) stay.
absl::StatusOr<FixedInput> FixInput(const std::string& path, const InputOptions& options,
                                    const Engine& engine) {
  UNSPIN_ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(path));
  const std::string name = path == "-" ? "<stdin>" : path;
  const InputFormat format =
      options.format == InputFormat::kAuto ? FormatFromPath(name) : options.format;
  UNSPIN_ASSIGN_OR_RETURN(std::vector<Document> documents,
                          LoadDocuments(name, bytes, options, nullptr));
  std::string fixed;
  size_t copied = 0;  // bytes of `bytes` already in `fixed`
  for (const Document& document : documents) {
    std::vector<Finding> findings = engine.detector().Check(document).findings;
    EscapeReplacements(format, &findings);
    absl::StrAppend(&fixed,
                    absl::string_view(bytes).substr(copied, document.origin_offset() - copied));
    fixed += ApplyRestorations(document.source(), findings);
    copied = document.origin_offset() + document.source().size();
  }
  absl::StrAppend(&fixed, absl::string_view(bytes).substr(copied));
  const bool changed = fixed != bytes;
  return FixedInput{std::move(fixed), changed};
}

}  // namespace

int RunFixCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin fix", "[options] PATH | -  (or --in-place PATH...)",
                   "Prints the input with every restoration applied; bytes outside restored\n"
                   "phrases are unchanged. --in-place rewrites the files instead (atomically:\n"
                   "a temporary file renamed over the original).\n"
                   "Exit status: 0 success, 2 usage or input error.");
  bool in_place = false;
  EngineFlags engine_flags;
  InputFlags input_flags;
  parser.AddBool("in-place", "rewrite the files instead of printing", &in_place);
  AddEngineFlags(&parser, &engine_flags);
  AddInputFlags(&parser, &input_flags);

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
  absl::StatusOr<InputOptions> input_options = input_flags.ToOptions();
  if (!input_options.ok()) {
    PrintError("fix", input_options.status().message());
    return 2;
  }
  absl::StatusOr<EngineOptions> engine_options = engine_flags.ToOptions();
  if (!engine_options.ok()) {
    PrintError("fix", engine_options.status().message());
    return 2;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(*engine_options);
  if (!engine.ok()) {
    PrintError("fix", engine.status().message());
    return 2;
  }
  bool input_error = false;
  for (const std::string& path : *paths) {
    absl::StatusOr<FixedInput> fixed = FixInput(path, *input_options, **engine);
    if (!fixed.ok()) {
      PrintError("fix", fixed.status().message());
      input_error = true;
      continue;
    }
    if (!in_place) {
      if (!WriteStdout(fixed->text) || std::fflush(stdout) != 0) {
        PrintError("fix", "cannot write to standard output");
        return 2;
      }
      continue;
    }
    if (!fixed->changed) continue;
    if (absl::Status s = WriteFileAtomically(path, fixed->text); !s.ok()) {
      PrintError("fix", s.message());
      input_error = true;
    }
  }
  return input_error ? 2 : 0;
}

}  // namespace unspin
