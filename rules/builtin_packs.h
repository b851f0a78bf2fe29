// The rule packs in rules/*.rules, compiled into the binary so unspin needs no data files to find
// its rules.
//
//   for (const unspin::EmbeddedPack& p : unspin::BuiltinPacks()) {
//     absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(p.text, p.file);
//   }
#ifndef UNSPIN_RULES_BUILTIN_PACKS_H_
#define UNSPIN_RULES_BUILTIN_PACKS_H_

#include <vector>

namespace unspin {

struct EmbeddedPack {
  const char* file;  // path in the source tree, e.g. "rules/news.rules" (used in errors)
  const char* text;  // the pack file's contents
};

const std::vector<EmbeddedPack>& BuiltinPacks();

}  // namespace unspin

#endif  // UNSPIN_RULES_BUILTIN_PACKS_H_
