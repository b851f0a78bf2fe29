// Compiles rule packs into one token trie and finds every rule match in a tokenized text in a
// single pass: one hash lookup per token plus trie steps, whatever the number of rules. Rules
// written in dictionary form also match their inflected forms (see rules/README.md).
//
//   absl::StatusOr<std::unique_ptr<unspin::RuleSet>> rules =
//       unspin::RuleSet::Build(std::move(packs), morphology.get());
//   std::vector<unspin::RuleMatch> matches;
//   (*rules)->Match(tokens, text, &matches);
//   for (const unspin::RuleMatch& m : matches) ... m.rule->id, m.replacement ...
#ifndef UNSPIN_DETECTOR_RULES_MATCHER_H_
#define UNSPIN_DETECTOR_RULES_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/morphology.h"
#include "detector/rules/rule.h"
#include "detector/text/tokenizer.h"
#include "detector/util/per_thread.h"

namespace unspin {

// One match of a rule (or one of its inflected variants) whose guards all hold.
struct RuleMatch {
  uint32_t first_token = 0;  // half-open token range
  uint32_t end_token = 0;
  const Rule* rule = nullptr;
  // The restoration for the matched form, before case matching ("visited" for "sought advice
  // from").
  const std::string* replacement = nullptr;
};

class RuleSet {
 public:
  // Compiles the packs. `morphology` generates inflected variants; it may be null, in which case
  // rules match only as written. Rule ids must be unique across packs.
  static absl::StatusOr<std::unique_ptr<RuleSet>> Build(std::vector<RulePack> packs,
                                                        Morphology* morphology);

  // Appends all guarded matches in `tokens` (from Tokenize(text)) to `out`, ordered by first
  // token. Overlapping matches are all reported; choosing among them is the caller's job.
  void Match(const TokenizedText& tokens, absl::string_view text,
             std::vector<RuleMatch>* out) const;

  const std::vector<RulePack>& packs() const { return packs_; }
  size_t rule_count() const;
  // Number of phrase variants compiled into the trie (rules times their inflected forms).
  size_t variant_count() const { return variants_.size(); }
  // The phrase of every variant, normalized words joined by spaces, in no particular order
  // (bench/speed gives grep the same phrases).
  std::vector<std::string> VariantPhrases() const;

 private:
  struct Variant {
    const Rule* rule;
    std::string replacement;
  };
  static constexpr uint32_t kNoWord = UINT32_MAX;
  static constexpr uint32_t kNotLookedUp = UINT32_MAX - 1;
  // Per thread: vocabulary ids (or kNoWord) by word type (TokenizedText::word_types), so a
  // token's id is an index, not a hash of its form; kNotLookedUp until the type is met.
  struct ThreadCaches {
    std::vector<uint32_t> vocabulary_by_type;
  };

  RuleSet() = default;
  void AddVariant(const Rule* rule, const std::vector<std::string>& phrase,
                  std::string replacement);
  bool GuardsHold(const Rule& rule, const TokenizedText& tokens, absl::string_view text,
                  uint32_t first, uint32_t end) const;

  std::vector<RulePack> packs_;
  std::vector<Variant> variants_;
  absl::flat_hash_map<std::string, uint32_t> vocabulary_;  // normalized word -> id
  // Trie edges: (node << 32 | word id) -> child node. Node 0 is the root.
  absl::flat_hash_map<uint64_t, uint32_t> edges_;
  // Variants ending at each node.
  std::vector<std::vector<uint32_t>> terminals_;
  PerThread<ThreadCaches> caches_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_RULES_MATCHER_H_
