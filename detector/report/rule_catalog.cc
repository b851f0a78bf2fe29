#include "detector/report/rule_catalog.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/spin/suppressions.h"

namespace unspin {

RuleCatalog::RuleCatalog() {
  Add(RuleInfo{"lexicon.swap", "Spinner synonym swap",
               "A word or phrase that a known spinner substitution produces, judged unnatural in "
               "its context by a trigram language model (no pack lists it).",
               "Check the sentence: if the suggested word is what the author meant, restore it. "
               "The restoration is inferred, so `unspin fix` applies it only with "
               "--unsafe-fixes, unless it forms a known phrase at confidence 0.9 or more.",
               Severity::kWarning, 0.0, "", ""});
  Add(RuleInfo{"lexicon.thesaurus", "Thesaurus synonym swap",
               "A word or phrase whose thesaurus synonym reads far more naturally in its "
               "context, judged by a trigram language model (no pack lists it).",
               "Check the sentence: if the suggested word is what the author meant, restore it. "
               "The restoration is inferred, so `unspin fix` applies it only with "
               "--unsafe-fixes.",
               Severity::kWarning, 0.0, "", ""});
  Add(RuleInfo{kUnusedSuppressionRule, "Unused suppression",
               "An inline suppression (<!-- unspin-disable ... -->, "
               "<!-- unspin-disable-next-line ... -->, \"unspin: ignore ...\") that silenced no "
               "finding.",
               "Remove the directive, or correct the rule id it names.", Severity::kWarning, 1.0,
               "", ""});
  Reindex();
}

void RuleCatalog::AddRuleSet(const RuleSet& rules) {
  size_t count = rules_.size();
  for (const RulePack& pack : rules.packs()) count += pack.rules.size();
  rules_.reserve(count);
  for (const RulePack& pack : rules.packs()) {
    for (const Rule& rule : pack.rules) {
      RuleInfo info;
      info.id = rule.id;
      info.summary = absl::StrCat("Spun \"", rule.replacement, "\": \"", rule.spun, "\"");
      info.description = rule.message;
      info.help = absl::StrCat("Restore \"", rule.replacement, "\".");
      if (!rule.examples.empty()) {
        absl::StrAppend(&info.help, " Example: \"", rule.examples[0].spun, "\" becomes \"",
                        rule.examples[0].restored, "\".");
      }
      info.default_severity = rule.severity;
      info.default_confidence = rule.confidence;
      info.pack = pack.name;
      info.source = absl::StrCat(rule.file.empty() ? pack.file : rule.file, ":", rule.line);
      Add(std::move(info));
    }
  }
  Reindex();
}

void RuleCatalog::Add(RuleInfo info) { rules_.push_back(std::move(info)); }

void RuleCatalog::Reindex() {
  // Sorting once here instead of inserting in order keeps start-up linear in the rule count
  // (thousands of rules); of entries with the same id the last added wins.
  std::stable_sort(rules_.begin(), rules_.end(),
                   [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  size_t kept = 0;
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (i + 1 < rules_.size() && rules_[i + 1].id == rules_[i].id) continue;
    if (kept != i) rules_[kept] = std::move(rules_[i]);
    ++kept;
  }
  rules_.resize(kept);
  index_.clear();
  for (size_t i = 0; i < rules_.size(); ++i) index_[rules_[i].id] = static_cast<int>(i);
}

const RuleInfo* RuleCatalog::Find(absl::string_view id) const {
  const int i = IndexOf(id);
  return i < 0 ? nullptr : &rules_[i];
}

int RuleCatalog::IndexOf(absl::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

}  // namespace unspin
