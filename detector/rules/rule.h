// The rule model: what a parsed rule pack holds. See rules/README.md for the file format.
//
//   absl::StatusOr<unspin::RulePack> pack = unspin::ParseRulePack(text, "rules/news.rules");
//   for (const unspin::Rule& r : pack->rules) std::cout << r.id << "\n";
#ifndef UNSPIN_DETECTOR_RULES_RULE_H_
#define UNSPIN_DETECTOR_RULES_RULE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/strings/string_view.h"
#include "detector/spin/finding.h"
#include "re2/re2.h"

namespace unspin {

// A rule's `context`/`not-context` pattern. A pack read from a file compiles it while parsing, so
// that a bad pattern is an error naming its line; the built-in packs, which the test suite
// compiles, leave it to the first time the rule's phrase is found (their fifty-odd patterns were
// an eighth of start-up). Thread-safe.
class ContextPattern {
 public:
  ContextPattern(std::string pattern, bool compile_now) : pattern_(std::move(pattern)) {
    if (compile_now) Compiled();
  }
  // Whether the pattern compiles (compiling it now if it has not been).
  bool ok() const { return Compiled().ok(); }
  const std::string& error() const { return Compiled().error(); }
  // Whether the pattern matches somewhere in `text` (never, if it does not compile).
  bool PartialMatch(absl::string_view text) const {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), Compiled());
  }

 private:
  const RE2& Compiled() const {
    absl::call_once(once_, [this] {
      RE2::Options options;
      options.set_log_errors(false);
      re_ = std::make_unique<RE2>(pattern_, options);
    });
    return *re_;
  }

  std::string pattern_;
  mutable absl::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// What one position of a guard accepts.
enum class TokenClass {
  kLiteral,  // the normalized word in TokenTest::literal
  kName,     // capitalized, not sentence-initial (or all caps)
  kCap,      // capitalized
  kLower,    // starts with a lower-case letter
  kWord,     // any word
  kNumber,   // digits or a number word
  kDet,      // determiner or possessive
  kPron,     // personal pronoun
  kPunct,    // punctuation
  kStart,    // sentence boundary before the match (only meaningful alone)
  kEnd,      // sentence boundary after the match (only meaningful alone)
};

struct TokenTest {
  TokenClass token_class = TokenClass::kLiteral;
  std::string literal;  // normalized, for kLiteral
};

// One alternative of a guard, in reading order: for a `before` guard the last test checks the
// token directly before the match; for an `after` guard the first test checks the token
// directly after it.
using GuardSequence = std::vector<TokenTest>;

// A guard holds when any alternative matches. An empty guard constrains nothing.
struct Guard {
  std::vector<GuardSequence> alternatives;
  bool empty() const { return alternatives.empty(); }
};

enum class InflectMode { kAuto, kVerb, kNoun, kNone };

struct RuleExample {
  std::string spun;      // a sentence in which the rule fires
  std::string restored;  // the same sentence after `unspin fix`
  int line = 0;          // line in the pack file
};

struct Rule {
  std::string id;           // "spin.news.vision"
  std::string spun;         // the spun phrase as written
  std::string replacement;  // the restoration as written
  std::string message;      // shown to users
  double confidence = 0.9;  // 0..1
  Severity severity = Severity::kWarning;
  InflectMode inflect = InflectMode::kAuto;
  Guard before;                                       // required directly before
  Guard after;                                        // required directly after
  Guard not_before;                                   // forbidden directly before
  Guard not_after;                                    // forbidden directly after
  std::shared_ptr<const ContextPattern> context;      // must match the sentence, if set
  std::shared_ptr<const ContextPattern> not_context;  // must not match the sentence, if set
  std::vector<RuleExample> examples;
  std::vector<std::string> counterexamples;
  std::string file;  // pack file the rule came from
  int line = 0;      // line of its `rule` header
};

struct RulePack {
  std::string name;  // from the `pack` line
  std::string file;  // path as given to the parser
  std::vector<Rule> rules;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_RULES_RULE_H_
