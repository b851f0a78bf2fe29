// `unspin config --show [PATH]`: prints the configuration that applies to PATH (default: the
// current folder) as TOML, every setting written out, after checking it against the packs.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/cli/args.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/cli/config.h"
#include "detector/rules/pack_parser.h"
#include "detector/util/file_io.h"
#include "rules/builtin_packs.h"

namespace unspin {

int RunConfigCommand(const std::vector<std::string>& args) {
  ArgParser parser("unspin config", "--show [options] [PATH]",
                   "Prints the configuration `unspin check` and `unspin fix` use for PATH (a\n"
                   "file or folder; default the current folder): the nearest .unspin.toml in\n"
                   "its folder or above, or --config, with every default written out.\n"
                   "Exit status: 0 success, 2 usage error or a configuration that does not load.");
  bool show = false;
  std::string config_path;
  bool no_config = false;
  std::vector<std::string> rule_files;
  bool no_builtin_rules = false;
  parser.AddBool("show", "print the effective configuration", &show);
  parser.AddString("config", "FILE", "use this configuration file instead of searching",
                   &config_path);
  parser.AddBool("no-config", "ignore .unspin.toml files (shows the defaults)", &no_config);
  parser.AddRepeated("rules", "FILE", "also know the packs in FILE (repeatable)", &rule_files);
  parser.AddBool("no-builtin-rules", "do not count the built-in packs as loaded",
                 &no_builtin_rules);
  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  if (parser.help_requested()) {
    WriteStdout(parser.Help());
    return 0;
  }
  if (!paths.ok()) {
    PrintError("config", paths.status().message());
    return 2;
  }
  if (!show) {
    PrintError("config", "nothing to do: give --show (see unspin config --help)");
    return 2;
  }
  if (paths->size() > 1) {
    PrintError("config", "give at most one PATH");
    return 2;
  }
  if (!config_path.empty() && no_config) {
    PrintError("config", "--config and --no-config exclude each other");
    return 2;
  }
  std::vector<RulePack> packs;
  if (!no_builtin_rules) {
    for (const EmbeddedFile& embedded : BuiltinPacks()) {
      absl::StatusOr<RulePack> pack = ParseRulePack(embedded.text, embedded.path);
      if (!pack.ok()) {
        PrintError("config", pack.status().message());
        return 2;
      }
      packs.push_back(std::move(*pack));
    }
  }
  for (const std::string& file : rule_files) {
    absl::StatusOr<std::string> text = ReadFileToString(file);
    absl::StatusOr<RulePack> pack =
        text.ok() ? ParseRulePack(*text, file) : absl::StatusOr<RulePack>(text.status());
    if (!pack.ok()) {
      PrintError("config", pack.status().message());
      return 2;
    }
    packs.push_back(std::move(*pack));
  }

  // A folder's configuration is the one a file directly inside it would get.
  std::string target = paths->empty() ? "." : (*paths)[0];
  ConfigFinder finder(config_path, no_config);
  absl::StatusOr<const Config*> config = finder.ForFile(absl::StrCat(target, "/x"));
  if (!config.ok()) {
    PrintError("config", config.status().message());
    return 2;
  }
  if (absl::Status s = (*config)->Validate(packs); !s.ok()) {
    PrintError("config", s.message());
    return 2;
  }
  std::vector<std::string> pack_names;
  for (const RulePack& pack : packs) pack_names.push_back(pack.name);
  std::string out = absl::StrCat("# unspin configuration for ", target, "\n");
  if ((*config)->path.empty()) {
    absl::StrAppend(&out, "# from: built-in defaults (",
                    no_config ? "--no-config" : "no .unspin.toml found", ")\n");
  } else {
    absl::StrAppend(&out, "# from: ", (*config)->path, "\n");
  }
  out += (*config)->ToToml(pack_names);
  if (!WriteStdout(out)) {
    PrintError("config", "cannot write to standard output");
    return 2;
  }
  return 0;
}

}  // namespace unspin
