// Descriptions of the rules findings can name, for output formats that carry rule metadata
// (SARIF's tool.driver.rules): every rule of the loaded packs, plus the rule ids that no pack
// defines (the lexicon detector's and the unused-suppression report's).
//
//   unspin::RuleCatalog catalog;
//   catalog.AddRuleSet(engine->rules());
//   const unspin::RuleInfo* info = catalog.Find("spin.news.vision");
//   for (const unspin::RuleInfo& r : catalog.rules()) ...   // sorted by id
#ifndef UNSPIN_DETECTOR_REPORT_RULE_CATALOG_H_
#define UNSPIN_DETECTOR_REPORT_RULE_CATALOG_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "detector/rules/matcher.h"
#include "detector/spin/finding.h"

namespace unspin {

struct RuleInfo {
  std::string id;           // "spin.news.vision"
  std::string summary;      // one line: "Spun \"vision\": \"imaginative and prescient\""
  std::string description;  // the rule's message, or what the detector looks for
  std::string help;         // how to resolve a finding, with an example when the rule has one
  Severity default_severity = Severity::kWarning;
  double default_confidence = 0.0;  // the rule's own confidence; 0 when findings vary
  std::string pack;                 // pack name; empty for rules no pack defines
  std::string source;               // "rules/news.rules:12"; empty for rules no pack defines
};

class RuleCatalog {
 public:
  // A catalog of the rules no pack defines (lexicon.swap, lexicon.thesaurus,
  // unspin.unused-suppression).
  RuleCatalog();

  // Adds every rule of `rules`' packs (an id seen before is replaced).
  void AddRuleSet(const RuleSet& rules);

  // Null for an unknown id.
  const RuleInfo* Find(absl::string_view id) const;
  // Position of `id` in rules(), or -1.
  int IndexOf(absl::string_view id) const;
  // All rules, sorted by id.
  const std::vector<RuleInfo>& rules() const { return rules_; }

 private:
  // Appends; Reindex() must follow before lookups.
  void Add(RuleInfo info);
  void Reindex();

  std::vector<RuleInfo> rules_;
  absl::flat_hash_map<std::string, int> index_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_RULE_CATALOG_H_
