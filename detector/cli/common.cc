#include "detector/cli/common.h"

#include <cstdio>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "detector/util/file_io.h"

namespace unspin {

EngineOptions EngineFlags::ToOptions() const {
  EngineOptions options;
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
}

absl::StatusOr<Document> LoadDocument(const std::string& path) {
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  if (bytes->empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": empty input"));
  return DocumentFromPlainText(name, std::move(*bytes));
}

void PrintError(absl::string_view command, absl::string_view message) {
  std::cerr << "unspin " << command << ": " << message << "\n";
}

bool WriteStdout(absl::string_view data) {
  if (data.empty()) return true;
  return std::fwrite(data.data(), 1, data.size(), stdout) == data.size();
}

}  // namespace unspin
