#include "detector/cli/finding_policy.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "detector/spin/detector.h"
#include "detector/spin/suppressions.h"

namespace unspin {

void AddPolicyFlags(ArgParser* parser, PolicyFlags* flags, bool for_check) {
  parser->AddString("config", "FILE",
                    "use this configuration file for every input (default: the nearest "
                    ".unspin.toml in each input's folder or above)",
                    &flags->config);
  parser->AddBool("no-config", "ignore .unspin.toml files (built-in defaults)", &flags->no_config);
  if (!for_check) return;
  parser->AddString("baseline", "FILE",
                    "report only findings that FILE (from --write-baseline) does not hold",
                    &flags->baseline);
  parser->AddString("write-baseline", "FILE",
                    "record the findings in FILE (atomically) and exit 0 unless input failed",
                    &flags->write_baseline);
}

absl::StatusOr<std::unique_ptr<FindingPolicy>> FindingPolicy::Create(
    const PolicyFlags& flags, const CommandLineOverrides& overrides,
    std::vector<InputFile>* files) {
  if (!flags.config.empty() && flags.no_config) {
    return absl::InvalidArgumentError("--config and --no-config exclude each other");
  }
  std::unique_ptr<FindingPolicy> policy(new FindingPolicy());
  policy->flags_ = flags;
  policy->overrides_ = overrides;
  policy->finder_ = std::make_unique<ConfigFinder>(flags.config, flags.no_config);
  std::vector<InputFile> kept;
  kept.reserve(files->size());
  for (InputFile& file : *files) {
    absl::StatusOr<const Config*> config = policy->finder_->ForFile(file.path);
    if (!config.ok()) return config.status();
    if (file.path != "-" && !(*config)->Includes(AbsolutePath(file.path))) continue;
    policy->by_input_[file.path] = *config;
    kept.push_back(std::move(file));
  }
  *files = std::move(kept);
  if (!flags.baseline.empty()) {
    absl::StatusOr<Baseline> baseline = Baseline::Load(flags.baseline);
    if (!baseline.ok()) {
      return absl::Status(baseline.status().code(),
                          absl::StrCat("--baseline: ", baseline.status().message()));
    }
    policy->baseline_ = std::move(*baseline);
  }
  return policy;
}

void FindingPolicy::AdjustEngineOptions(EngineOptions* options) const {
  if (overrides_.detectors) return;
  bool rules = false, lexicon = false;
  const std::vector<const Config*> configs = finder_->Loaded();
  for (const Config* config : configs) {
    rules |= config->DetectorEnabled("rules");
    lexicon |= config->DetectorEnabled("lexicon");
  }
  if (configs.empty()) return;  // no input had a configuration: keep the defaults
  options->detector.use_rules = rules;
  options->lexicon = lexicon;
}

absl::Status FindingPolicy::Validate(const RuleSet& rules) {
  for (const Config* config : finder_->Loaded()) {
    if (absl::Status s = config->Validate(rules.packs()); !s.ok()) return s;
  }
  for (const RulePack& pack : rules.packs()) {
    for (const Rule& rule : pack.rules) pack_of_[rule.id] = pack.name;
  }
  return absl::OkStatus();
}

const Config& FindingPolicy::ConfigOf(const CheckedFile& file) const {
  static const Config* const kDefaults = new Config();
  if (file.input == nullptr) return *kDefaults;
  auto it = by_input_.find(file.input->path);
  return it == by_input_.end() ? *kDefaults : *it->second;
}

bool FindingPolicy::Configure(const Config& config, Finding* f) const {
  if (f->rule_id != kUnusedSuppressionRule) {
    const bool lexicon = absl::StartsWith(f->rule_id, "lexicon.");
    if (!overrides_.detectors && !config.DetectorEnabled(lexicon ? "lexicon" : "rules")) {
      return false;
    }
    if (!lexicon) {
      auto pack = pack_of_.find(f->rule_id);
      if (pack != pack_of_.end() && !config.PackEnabled(pack->second)) return false;
    }
  }
  if (const RuleSetting* setting = config.RuleSettingFor(f->rule_id)) {
    if (setting->off) return false;
    f->severity = setting->severity;
  }
  if (!overrides_.min_confidence.has_value() && f->confidence < config.MinConfidence()) {
    return false;
  }
  return true;
}

void FindingPolicy::Apply(CheckedFile* file, bool for_check) {
  if (!file->status.ok()) return;
  const Config& config = ConfigOf(*file);
  for (size_t d = 0; d < file->documents.size() && d < file->reports.size(); ++d) {
    const Document& document = file->documents[d];
    DocumentReport& report = file->reports[d];
    std::vector<Finding>& findings = report.findings;
    const size_t detected = findings.size();
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&](Finding& f) { return !Configure(config, &f); }),
                   findings.end());
    SuppressionOutcome suppressions = ApplySuppressions(document, file->format, &findings);
    if (findings.size() != detected) {
      double confidence_sum = 0;
      for (const Finding& f : findings) confidence_sum += f.confidence;
      report.spin_score = SpinScore(confidence_sum, report.word_count);
    }
    if (!for_check) continue;
    if (!suppressions.unused.empty()) {
      for (Finding& f : suppressions.unused) {
        if (Configure(config, &f)) findings.push_back(std::move(f));
      }
      std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return a.source_begin < b.source_begin;
      });
    }
    if (writes_baseline()) {
      for (const Finding& f : findings) recorded_.Add(BaselineKeyOf(document, f));
    }
    if (baseline_.has_value()) baseline_->RemoveKnown(document, &findings);
  }
}

Severity FindingPolicy::FailOn(const CheckedFile& file) const {
  return overrides_.fail_on.has_value() ? *overrides_.fail_on : ConfigOf(file).FailOn();
}

absl::Status FindingPolicy::WriteBaseline() const {
  if (!writes_baseline()) return absl::OkStatus();
  return recorded_.Write(flags_.write_baseline);
}

}  // namespace unspin
