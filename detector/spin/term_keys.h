// Internal to curated_terms: normalized keys, each once, in the order first added.
#ifndef UNSPIN_DETECTOR_SPIN_TERM_KEYS_H_
#define UNSPIN_DETECTOR_SPIN_TERM_KEYS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/phrase_key.h"
#include "detector/rules/matcher.h"

namespace unspin {

class TermKeys {
 public:
  void Add(absl::string_view raw) {
    std::string key = NormalizePhrase(raw);
    if (seen_.insert(key).second) keys_.push_back(std::move(key));
  }
  // The multiword restorations of packs[first_pack..].
  void AddRestorations(const std::vector<RulePack>& packs, size_t first_pack) {
    for (size_t i = first_pack; i < packs.size(); ++i) {
      for (const Rule& rule : packs[i].rules) {
        if (rule.replacement.find(' ') != std::string::npos) Add(rule.replacement);
      }
    }
  }
  std::vector<std::string> Release() { return std::move(keys_); }

 private:
  std::vector<std::string> keys_;
  absl::flat_hash_set<std::string> seen_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_TERM_KEYS_H_
