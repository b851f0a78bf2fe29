#include "detector/cli/common.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "detector/util/file_io.h"

namespace unspin {

absl::StatusOr<EngineOptions> EngineFlags::ToOptions() const {
  EngineOptions options;
  options.detector.use_rules = false;
  options.lexicon = false;
  for (absl::string_view name : absl::StrSplit(detectors, ',', absl::SkipEmpty())) {
    if (name == "rules") {
      options.detector.use_rules = true;
    } else if (name == "lexicon") {
      options.lexicon = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown detector '", name, "' in --detectors (known: rules, lexicon)"));
    }
  }
  options.data_dir = data_dir;
  options.corpus_lexicons = lexicons;
  options.builtin_packs = !no_builtin_rules;
  options.rule_files = rule_files;
  options.detector.report_quoted = show_quoted;
  options.detector.min_confidence = min_confidence;
  return options;
}

void AddEngineFlags(ArgParser* parser, EngineFlags* flags) {
  parser->AddRepeated("rules", "FILE", "load a rule pack file (repeatable)", &flags->rule_files);
  parser->AddBool("no-builtin-rules", "do not load the built-in rule packs",
                  &flags->no_builtin_rules);
  parser->AddBool("show-quoted", "also report findings inside quotations", &flags->show_quoted);
  parser->AddDouble("min-confidence", "X", "drop findings below confidence X (0..1)",
                    &flags->min_confidence);
  parser->AddString("detectors", "rules,lexicon",
                    "detectors to run, comma-separated (default both)", &flags->detectors);
  parser->AddString("data-dir", "DIR",
                    "compiled lexicon data (default: found beside the binary; $UNSPIN_DATA_DIR)",
                    &flags->data_dir);
  parser->AddRepeated("lexicon", "FILE",
                      "a phrase lexicon from `unspin lexicon build`: its phrases count as "
                      "canonical (repeatable)",
                      &flags->lexicons);
}

absl::StatusOr<Document> LoadDocument(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  if (bytes->empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": empty input"));
  return DocumentFromPlainText(name, std::move(*bytes));
}

absl::StatusOr<InputOptions> InputFlags::ToOptions() const {
  absl::StatusOr<InputFormat> format = ParseInputFormat(input);
  if (!format.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--input: ", format.status().message()));
  }
  if (field.empty()) return absl::InvalidArgumentError("--field needs a member name");
  InputOptions options;
  options.format = *format;
  options.field = field;
  options.id_field = id_field;
  return options;
}

void AddInputFlags(ArgParser* parser, InputFlags* flags) {
  parser->AddString("input", "auto|text|html|markdown|jsonl",
                    "input format (default auto: .html/.htm, .md/.markdown, .jsonl/.ndjson by "
                    "extension, else text)",
                    &flags->input);
  parser->AddString("field", "NAME", "jsonl: the member holding each record's text (default text)",
                    &flags->field);
  parser->AddString("id-field", "NAME",
                    "jsonl: the member naming each record in reports (default id; records "
                    "without it are named by file and line)",
                    &flags->id_field);
}

absl::StatusOr<std::vector<Document>> ReadDocuments(const std::string& path,
                                                    const InputOptions& options,
                                                    ExtractionStats* stats) {
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  return LoadDocuments(name, std::move(*bytes), options, stats);
}

Engine* CreateEngineForProcess(absl::string_view command, const EngineOptions& options) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(options);
  if (!engine.ok()) {
    PrintError(command, engine.status().message());
    return nullptr;
  }
  static auto* const kept = new std::vector<std::unique_ptr<Engine>>();
  kept->push_back(std::move(*engine));
  return kept->back().get();
}

void PrintError(absl::string_view command, absl::string_view message) {
  std::cerr << "unspin " << command << ": " << message << "\n";
}

bool WriteStdout(absl::string_view data) {
  if (data.empty()) return true;
  return std::fwrite(data.data(), 1, data.size(), stdout) == data.size();
}

}  // namespace unspin
