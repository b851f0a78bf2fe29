// Parses rule packs (rules/README.md documents the format). Errors name the file and line:
// "rules/news.rules:12: unknown key 'afterr' (known: message, confidence, ...)".
//
//   absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(text, "rules/news.rules");
//   if (!pack.ok()) { std::cerr << pack.status().message(); return 2; }
#ifndef UNSPIN_DETECTOR_RULES_PACK_PARSER_H_
#define UNSPIN_DETECTOR_RULES_PACK_PARSER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/rules/rule.h"

namespace unspin {

struct ParseOptions {
  // Compile `context` patterns while parsing, so that a bad one is an error naming its line.
  // Without, each compiles at its first use, and one that does not compile never matches: for
  // the built-in packs, whose patterns the test suite compiles (rules/packs_test.cc).
  bool check_patterns = true;
};

absl::StatusOr<RulePack> ParseRulePack(absl::string_view text, const std::string& file,
                                       ParseOptions options = {});

// Parses one guard value ("@name | on | as previously") as the parser does; exposed for tests.
absl::StatusOr<Guard> ParseGuard(absl::string_view value);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_RULES_PACK_PARSER_H_
