// The `.unspin.toml` configuration file: which packs, rules and detectors run, how severe each
// rule's findings are, the minimum confidence, which files are checked and the exit-status
// threshold. A file's configuration is the first `.unspin.toml` found in its folder or above
// (or the file `--config` names); flags given on the command line win over it.
//
//   # .unspin.toml
//   fail-on = "error"                  # error | warning | info (default warning)
//   min-confidence = 0.8               # drop findings below this (0..1, default 0)
//   detectors = ["rules"]              # rules, lexicon (default both)
//   include = ["docs/**/*.md"]         # globs relative to this file's folder (default: all)
//   exclude = ["vendor/**", "CHANGELOG.md"]
//
//   [packs]                            # packs by name (the `pack` line): true or false
//   web = false
//
//   [rules]                            # rule id or prefix*: "off", "error", "warning", "info"
//   "spin.news.said" = "off"
//   "lexicon.*" = "info"
//
// Unknown keys, wrong types and bad values are errors naming FILE:LINE.
//
//   absl::StatusOr<unspin::Config> config = unspin::LoadConfig("docs/.unspin.toml");
//   if (!config.ok()) ...               // "docs/.unspin.toml:3: unknown key 'fail_on' (...)"
//   unspin::ConfigFinder finder;
//   absl::StatusOr<const unspin::Config*> c = finder.ForFile("docs/a.md");
#ifndef UNSPIN_DETECTOR_CLI_CONFIG_H_
#define UNSPIN_DETECTOR_CLI_CONFIG_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/rules/rule.h"
#include "detector/spin/finding.h"

namespace unspin {

// The name configuration files have.
inline constexpr char kConfigFileName[] = ".unspin.toml";

// What the [rules] table says about one rule id or prefix.
struct RuleSetting {
  std::string pattern;                     // "spin.news.said", or a prefix ending in '*'
  bool off = false;                        // "off": the rule's findings are dropped
  Severity severity = Severity::kWarning;  // otherwise the severity its findings get
  int line = 0;                            // where it was set
};

struct Config {
  // The file this came from; empty for the built-in defaults.
  std::string path;
  // The absolute folder include/exclude patterns are relative to.
  std::string dir;
  // Settings the file gives; unset ones take the defaults below.
  std::optional<Severity> fail_on;
  std::optional<double> min_confidence;
  std::optional<std::vector<std::string>> detectors;  // "rules", "lexicon"
  std::vector<std::string> include;                   // empty: every file
  std::vector<std::string> exclude;
  std::map<std::string, bool> packs;      // pack name -> on
  std::map<std::string, int> pack_lines;  // pack name -> line it was set on
  std::vector<RuleSetting> rules;         // in file order

  Severity FailOn() const { return fail_on.value_or(Severity::kWarning); }
  double MinConfidence() const { return min_confidence.value_or(0.0); }
  bool DetectorEnabled(absl::string_view name) const;
  bool PackEnabled(absl::string_view name) const;
  // The [rules] setting for `rule_id`: an exact id wins over prefixes, a longer prefix over a
  // shorter one; null when none applies.
  const RuleSetting* RuleSettingFor(absl::string_view rule_id) const;

  // Whether the file at `absolute_path` is checked under this configuration: it matches an
  // include pattern (when there are any) and no exclude pattern, both matched against its path
  // relative to `dir` (or the absolute path, for a file outside `dir`).
  bool Includes(absl::string_view absolute_path) const;

  // Checks pack names and rule ids against the loaded packs: an unknown name or id (a typo that
  // would silently do nothing) is an error naming FILE:LINE. Prefix patterns must match at least
  // one rule; ids no pack defines (lexicon.*, unspin.unused-suppression) are known.
  absl::Status Validate(const std::vector<RulePack>& packs) const;

  // The effective configuration as TOML, every setting written out (defaults included), with
  // `pack_names` listed under [packs].
  std::string ToToml(const std::vector<std::string>& pack_names) const;
};

// Parses `text` as the contents of the configuration file `path` (used in errors and to set
// Config::dir).
absl::StatusOr<Config> ParseConfig(absl::string_view text, const std::string& path);

// Reads and parses a configuration file.
absl::StatusOr<Config> LoadConfig(const std::string& path);

// `path` made absolute against the current directory, with "." and ".." resolved lexically.
std::string AbsolutePath(absl::string_view path);

// Finds and caches the configuration of each checked file.
class ConfigFinder {
 public:
  // `explicit_path`: use that file for every input (--config); `disabled`: use the defaults
  // for every input (--no-config). Otherwise each input's folder and its parents are searched.
  ConfigFinder(std::string explicit_path = "", bool disabled = false);

  // The configuration for the input `path` ("-" is standard input, searched from the current
  // directory). Errors: the configuration file found (or given) does not load.
  absl::StatusOr<const Config*> ForFile(absl::string_view path);

  // Every configuration ForFile returned so far (the defaults included when a file had none).
  std::vector<const Config*> Loaded() const;

 private:
  absl::StatusOr<const Config*> Load(const std::string& config_path);

  std::string explicit_path_;
  bool disabled_;
  bool used_defaults_ = false;
  Config defaults_;
  absl::flat_hash_map<std::string, std::unique_ptr<Config>> by_file_;  // config path -> config
  absl::flat_hash_map<std::string, const Config*> by_dir_;             // folder -> config
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_CONFIG_H_
