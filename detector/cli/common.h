// Pieces shared by the subcommands: the flags that configure the detection engine, reading
// inputs into documents, and printing errors the same way everywhere.
//
//   unspin::EngineFlags engine_flags;
//   unspin::AddEngineFlags(&parser, &engine_flags);
//   ... parser.Parse(args) ...
//   absl::StatusOr<std::unique_ptr<unspin::Engine>> engine =
//       unspin::Engine::Create(engine_flags.ToOptions());
#ifndef UNSPIN_DETECTOR_CLI_COMMON_H_
#define UNSPIN_DETECTOR_CLI_COMMON_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/cli/args.h"
#include "detector/spin/engine.h"
#include "detector/text/document.h"
#include "detector/text/extraction.h"
#include "detector/text/input.h"

namespace unspin {

// Flags every detecting command takes.
struct EngineFlags {
  std::vector<std::string> rule_files;      // --rules, repeatable
  bool no_builtin_rules = false;            // --no-builtin-rules
  bool show_quoted = false;                 // --show-quoted
  double min_confidence = 0.0;              // --min-confidence
  std::string detectors = "rules,lexicon";  // --detectors
  std::string data_dir;                     // --data-dir
  std::vector<std::string> lexicons;        // --lexicon, repeatable

  // Fails on an unknown detector name.
  absl::StatusOr<EngineOptions> ToOptions() const;
};

void AddEngineFlags(ArgParser* parser, EngineFlags* flags);

// Reads `path` ("-" is standard input, named "<stdin>") as a plain-text document. Empty input
// is an error: there is nothing to check, and a pipeline that sends nothing has a bug worth
// seeing.
absl::StatusOr<Document> LoadDocument(const std::string& path);

// Flags that say how to read inputs (--input, --field, --id-field).
struct InputFlags {
  std::string input = "auto";   // --input: auto (by extension), text, html, markdown, jsonl
  std::string field = "text";   // --field: JSON Lines member holding the text
  std::string id_field = "id";  // --id-field: JSON Lines member naming the record

  // InvalidArgument for an unknown --input.
  absl::StatusOr<InputOptions> ToOptions() const;
};

void AddInputFlags(ArgParser* parser, InputFlags* flags);

// Reads `path` ("-" is standard input, named "<stdin>") and turns it into documents in the
// format `options` selects: one for text, HTML and Markdown, one per record for JSON Lines.
// Empty input is an error. `stats` (may be null) receives what extraction skipped.
absl::StatusOr<std::vector<Document>> ReadDocuments(const std::string& path,
                                                    const InputOptions& options,
                                                    ExtractionStats* stats);

// Engine::Create for a command that runs once per process: prints the error as COMMAND and
// returns null on failure. The engine is never destroyed: freeing its tables at exit cost about
// 5 ms of every small `check` (a twentieth of its run) and gives nothing back to a process that
// is ending. It stays reachable from a static list, so leak checkers do not report it.
Engine* CreateEngineForProcess(absl::string_view command, const EngineOptions& options);

// Prints "unspin COMMAND: message" to stderr.
void PrintError(absl::string_view command, absl::string_view message);

// Writes all of `data` to stdout; false when the write failed (e.g. a closed pipe).
bool WriteStdout(absl::string_view data);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_COMMON_H_
