// The rule packs in rules/*.rules, compiled into the binary so unspin needs no data files to find
// its rules.
//
//   for (const unspin::EmbeddedFile& f : unspin::BuiltinPacks()) {
//     absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(f.text, f.path);
//   }
#ifndef UNSPIN_RULES_BUILTIN_PACKS_H_
#define UNSPIN_RULES_BUILTIN_PACKS_H_

#include <vector>

#include "detector/util/embedded_file.h"

namespace unspin {

const std::vector<EmbeddedFile>& BuiltinPacks();

}  // namespace unspin

#endif  // UNSPIN_RULES_BUILTIN_PACKS_H_
