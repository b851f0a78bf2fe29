// Fuzzes the rule-pack parser, and compiles what parses into the matcher (without inflection)
// and runs it on the pack's own text.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "detector/rules/matcher.h"
#include "detector/rules/pack_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(text, "fuzz.rules");
  if (!pack.ok()) return 0;
  std::vector<unspin::RulePack> packs;
  packs.push_back(std::move(*pack));
  absl::StatusOr<std::unique_ptr<unspin::RuleSet>> rules =
      unspin::RuleSet::Build(std::move(packs), nullptr);
  if (!rules.ok()) return 0;
  const unspin::TokenizedText tokens = unspin::Tokenize(text);
  std::vector<unspin::RuleMatch> matches;
  (*rules)->Match(tokens, text, &matches);
  return 0;
}
