// What happens to findings between detection and output, the same way for `check` and `fix`:
// each input file's configuration (.unspin.toml: packs, rules, detectors, minimum confidence,
// include/exclude), its inline suppressions (with unused ones reported), and for `check` the
// baseline (--baseline reports only new findings; --write-baseline records today's).
//
//   unspin::PolicyFlags flags;
//   unspin::AddPolicyFlags(&parser, &flags, /*for_check=*/true);
//   ... parse; expand the inputs into `files` ...
//   absl::StatusOr<std::unique_ptr<unspin::FindingPolicy>> policy =
//       unspin::FindingPolicy::Create(flags, overrides, &files);   // drops excluded files
//   (*policy)->AdjustEngineOptions(&engine_options);                // detectors configs need
//   ... create the engine ...
//   (*policy)->Validate((*engine)->rules());                        // unknown rule ids, packs
//   ... for each checked file:  (*policy)->Apply(&file, /*for_check=*/true);
//   (*policy)->WriteBaseline();                                     // --write-baseline
//
// Order, per document: configuration (detectors, packs, rule off/severity, min-confidence),
// then suppressions (a suppression of a rule turned off is therefore unused), then the baseline.
// The spin score is recomputed when configuration or suppressions removed findings.
#ifndef UNSPIN_DETECTOR_CLI_FINDING_POLICY_H_
#define UNSPIN_DETECTOR_CLI_FINDING_POLICY_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "detector/cli/args.h"
#include "detector/cli/batch.h"
#include "detector/cli/config.h"
#include "detector/report/baseline.h"
#include "detector/rules/matcher.h"
#include "detector/spin/engine.h"

namespace unspin {

struct PolicyFlags {
  std::string config;          // --config=FILE: this configuration for every input
  bool no_config = false;      // --no-config: built-in defaults, no file searched
  std::string baseline;        // --baseline=FILE (check): report only findings not in FILE
  std::string write_baseline;  // --write-baseline=FILE (check): record the findings in FILE
};

// Registers --config and --no-config, and for `check` --baseline and --write-baseline.
void AddPolicyFlags(ArgParser* parser, PolicyFlags* flags, bool for_check);

// Settings given on the command line; they win over every configuration file.
struct CommandLineOverrides {
  std::optional<Severity> fail_on;       // --fail-on
  std::optional<double> min_confidence;  // --min-confidence
  bool detectors = false;                // --detectors was given
};

class FindingPolicy {
 public:
  // Loads the configuration of every file in `files` and removes the files their configuration
  // excludes; loads --baseline. Errors: a configuration or baseline file that does not load,
  // --config with --no-config.
  static absl::StatusOr<std::unique_ptr<FindingPolicy>> Create(
      const PolicyFlags& flags, const CommandLineOverrides& overrides,
      std::vector<InputFile>* files);

  // Without --detectors, loads every detector some configuration enables (files whose
  // configuration disables one drop its findings).
  void AdjustEngineOptions(EngineOptions* options) const;

  // Checks the configurations' pack names and rule ids against the loaded rules.
  absl::Status Validate(const RuleSet& rules);

  // Applies configuration, suppressions and (when `for_check`) the baseline to every document
  // of `file`. Unused suppressions are reported only `for_check` (fix has nothing to fix there).
  void Apply(CheckedFile* file, bool for_check);

  // The --fail-on level for `file`: the command line's, else its configuration's.
  Severity FailOn(const CheckedFile& file) const;

  // Writes --write-baseline (atomically); a no-op without it.
  absl::Status WriteBaseline() const;
  bool writes_baseline() const { return !flags_.write_baseline.empty(); }

 private:
  FindingPolicy() = default;
  const Config& ConfigOf(const CheckedFile& file) const;
  // False when configuration drops `f`; otherwise may change its severity.
  bool Configure(const Config& config, Finding* f) const;

  PolicyFlags flags_;
  CommandLineOverrides overrides_;
  std::unique_ptr<ConfigFinder> finder_;
  absl::flat_hash_map<std::string, const Config*> by_input_;  // InputFile::path -> config
  absl::flat_hash_map<std::string, std::string> pack_of_;     // rule id -> pack name
  std::optional<Baseline> baseline_;                          // --baseline
  Baseline recorded_;                                         // for --write-baseline
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_FINDING_POLICY_H_
