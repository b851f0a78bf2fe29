// `unspin fix`: prints or writes the restored text.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "detector/cli/args.h"
#include "detector/cli/batch.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/cli/finding_policy.h"
#include "detector/report/unified_diff.h"
#include "detector/spin/fix_policy.h"
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
  std::string text;              // the input with the applicable restorations applied
  bool changed = false;          // whether any byte differs from the input
  size_t documents_changed = 0;  // documents with at least one applied restoration
  size_t unsafe_skipped = 0;     // unsafe fixes left out (fix_policy.h)
};

// The file with each document's applicable restorations applied. For JSON Lines each record's
// line is rewritten in place; all other bytes (other members, blank lines, line ends) stay.
FixedInput FixFile(const CheckedFile& file, bool unsafe_fixes) {
  FixedInput result;
  const std::string& bytes = file.bytes;
  size_t copied = 0;  // bytes of `bytes` already in `result.text`
  for (size_t d = 0; d < file.documents.size(); ++d) {
    const Document& document = file.documents[d];
    const std::vector<Finding>& all = file.reports[d].findings;
    std::vector<Finding> findings = ApplicableFixes(all, unsafe_fixes);
    result.unsafe_skipped += all.size() - findings.size();
    if (!findings.empty()) ++result.documents_changed;
    EscapeReplacements(file.format, &findings);
    absl::StrAppend(&result.text,
                    absl::string_view(bytes).substr(copied, document.origin_offset() - copied));
    result.text += ApplyRestorations(document.source(), findings);
    copied = document.origin_offset() + document.source().size();
  }
  absl::StrAppend(&result.text, absl::string_view(bytes).substr(copied));
  result.changed = result.text != bytes;
  return result;
}

}  // namespace

int RunFixCommand(const std::vector<std::string>& args) {
  ArgParser parser(
      "unspin fix", "[options] PATH | -  (or --in-place / --out-dir=DIR PATH|DIR|GLOB...)",
      "Prints the input with its safe restorations applied (rule findings of confidence >= 0.7;\n"
      "--unsafe-fixes adds the rest); bytes outside restored phrases are unchanged.\n"
      "--in-place rewrites the files instead, --out-dir writes them under DIR; every file is\n"
      "written to a temporary file and renamed, so it is either old or new, never half written.\n"
      "--diff prints a unified diff of what would change instead.\n"
      "Exit status: 0 success (--diff: nothing to change), 1 (--diff) changes to make, 2 usage\n"
      "or input error, 128+N stopped by signal N.");
  bool in_place = false;
  EngineFlags engine_flags;
  InputFlags input_flags;
  BatchFlags batch_flags;
  parser.AddBool("in-place", "rewrite the files instead of printing", &in_place);
  bool diff = false;
  parser.AddBool("diff", "print a unified diff of the restorations instead of the text", &diff);
  PolicyFlags policy_flags;
  AddPolicyFlags(&parser, &policy_flags, /*for_check=*/false);
  AddEngineFlags(&parser, &engine_flags);
  AddInputFlags(&parser, &input_flags);
  AddBatchFlags(&parser, &batch_flags, /*for_fix=*/true);

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
  const bool to_out_dir = !batch_flags.out_dir.empty();
  if (diff && (in_place || to_out_dir)) {
    PrintError("fix", "--diff prints; it excludes --in-place and --out-dir");
    return 2;
  }
  if (in_place && to_out_dir) {
    PrintError("fix", "--in-place and --out-dir exclude each other");
    return 2;
  }
  if (batch_flags.resume && !to_out_dir) {
    PrintError("fix", "--resume needs --out-dir (its journal records what is done)");
    return 2;
  }
  if (in_place || to_out_dir) {
    for (const std::string& path : *paths) {
      if (path == "-") {
        PrintError("fix", in_place ? "--in-place cannot rewrite standard input"
                                   : "--out-dir cannot take standard input");
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
  absl::StatusOr<std::vector<InputFile>> files = ExpandInputs(*paths, batch_flags);
  if (!files.ok()) {
    PrintError("fix", files.status().message());
    return 2;
  }
  // Configuration (.unspin.toml) and inline suppressions decide what is restored.
  CommandLineOverrides overrides;
  if (parser.IsSet("min-confidence")) overrides.min_confidence = engine_flags.min_confidence;
  overrides.detectors = parser.IsSet("detectors");
  absl::StatusOr<std::unique_ptr<FindingPolicy>> policy =
      FindingPolicy::Create(policy_flags, overrides, &*files);
  if (!policy.ok()) {
    PrintError("fix", policy.status().message());
    return 2;
  }
  (*policy)->AdjustEngineOptions(&*engine_options);
  Engine* engine = CreateEngineForProcess("fix", *engine_options);
  if (engine == nullptr) return 2;
  if (absl::Status s = (*policy)->Validate(engine->rules()); !s.ok()) {
    PrintError("fix", s.message());
    return 2;
  }
  if (!in_place && !to_out_dir && !diff && files->size() > 1) {
    PrintError("fix",
               "several inputs need --in-place or --out-dir (printing them would run them "
               "together)");
    return 2;
  }
  std::unique_ptr<ResumeJournal> journal;
  std::vector<InputFile> remaining;  // inputs this run does (all but resumed ones)
  BatchRun run("fix", batch_flags, *files, /*fix=*/true);
  if (to_out_dir) {
    absl::flat_hash_map<std::string, std::string> outputs;  // output path -> input
    for (const InputFile& f : *files) {
      auto [it, inserted] = outputs.emplace(OutputPath(batch_flags.out_dir, f), f.path);
      if (!inserted) {
        PrintError("fix", absl::StrCat(f.path, " and ", it->second, " would both be written to ",
                                       it->first));
        return 2;
      }
    }
    absl::StatusOr<std::unique_ptr<ResumeJournal>> opened =
        ResumeJournal::Open(batch_flags.out_dir, batch_flags.resume);
    if (!opened.ok()) {
      PrintError("fix", opened.status().message());
      return 2;
    }
    journal = std::move(*opened);
    for (const InputFile& f : *files) {
      const std::string* entry = journal->Completed(f);
      if (entry == nullptr) {
        remaining.push_back(f);
      } else if (absl::Status s = run.summary().AddJournalEntry(*entry); !s.ok()) {
        remaining.push_back(f);  // an unreadable entry: do the file again
      }
    }
  } else {
    remaining = *files;
  }

  bool input_error = false;
  bool write_error = false;
  bool diff_found = false;  // --diff: some file would change
  size_t unsafe_skipped = 0;
  run.Run(remaining, engine->detector(), *input_options, /*keep_bytes=*/true,
          [&](CheckedFile& file) {
            if (!file.status.ok()) {
              run.summary().AddFile(file, 0);
              PrintError("fix", file.status.message());
              input_error = true;
              return true;
            }
            (*policy)->Apply(&file, /*for_check=*/false);
            const FixedInput fixed = FixFile(file, batch_flags.unsafe_fixes);
            unsafe_skipped += fixed.unsafe_skipped;
            run.summary().AddFile(file, fixed.documents_changed);
            if (diff) {
              diff_found |= fixed.changed;
              const std::string name = file.input->path == "-" ? "<stdin>" : file.input->path;
              const std::string patch = UnifiedDiff(file.bytes, fixed.text, name);
              if (!WriteStdout(patch) || std::fflush(stdout) != 0) {
                write_error = true;
                return false;
              }
              return true;
            }
            if (!in_place && !to_out_dir) {
              if (!WriteStdout(fixed.text) || std::fflush(stdout) != 0) {
                write_error = true;
                return false;
              }
              return true;
            }
            if (in_place && !fixed.changed) return true;
            const std::string target =
                in_place ? file.input->path : OutputPath(batch_flags.out_dir, *file.input);
            absl::Status s = MakeParentDirectories(target);
            if (s.ok()) s = WriteFileAtomically(target, fixed.text);
            if (s.ok() && journal != nullptr) {
              s = journal->Record(*file.input,
                                  BatchSummary::FileEntryJson(file, fixed.documents_changed));
            }
            if (!s.ok()) {
              PrintError("fix", s.message());
              input_error = true;
            }
            return true;
          });
  if (write_error) {
    PrintError("fix", "cannot write to standard output");
    return 2;
  }
  if (unsafe_skipped > 0) {
    PrintError("fix", absl::StrCat(unsafe_skipped,
                                   " unsafe fixes not applied (--unsafe-fixes applies them)"));
  }
  if (const int code = run.Finish(); code != 0) return code;
  if (input_error) return 2;
  return diff && diff_found ? 1 : 0;
}

}  // namespace unspin
