#include "detector/rules/pack_parser.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace {

constexpr absl::string_view kKnownKeys =
    "message, confidence, severity, before, after, not-before, not-after, context, not-context, "
    "inflect, example, counterexample";

bool ValidId(absl::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

// Parses a word class such as "@name".
absl::StatusOr<TokenTest> ParseWordClass(absl::string_view word) {
  TokenTest test;
  static const std::pair<absl::string_view, TokenClass> kClasses[] = {
      {"@name", TokenClass::kName},     {"@cap", TokenClass::kCap},
      {"@lower", TokenClass::kLower},   {"@word", TokenClass::kWord},
      {"@number", TokenClass::kNumber}, {"@det", TokenClass::kDet},
      {"@pron", TokenClass::kPron},     {"@punct", TokenClass::kPunct},
      {"@start", TokenClass::kStart},   {"@end", TokenClass::kEnd},
  };
  for (const auto& [name, token_class] : kClasses) {
    if (word == name) {
      test.token_class = token_class;
      return test;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown word class '", word,
      "' (known: @name, @cap, @lower, @word, @number, @det, @pron, @punct, @start, @end)"));
}

// Whether `word` is one token of its own, normalized as written: most guard words are plain
// lower-case words, and start-up parses thousands of them.
bool IsPlainWord(absl::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Splits "LEFT => RIGHT"; both sides trimmed and non-empty.
bool SplitArrow(absl::string_view value, std::string* left, std::string* right) {
  const size_t arrow = value.find("=>");
  if (arrow == absl::string_view::npos) return false;
  *left = std::string(absl::StripAsciiWhitespace(value.substr(0, arrow)));
  *right = std::string(absl::StripAsciiWhitespace(value.substr(arrow + 2)));
  return !left->empty() && !right->empty();
}

class Parser {
 public:
  Parser(absl::string_view text, const std::string& file, ParseOptions options)
      : text_(text), options_(options) {
    pack_.file = file;
  }

  absl::StatusOr<RulePack> Run() {
    // A rule is a large struct and packs hold thousands: growing the vector would move them
    // all again and again at every start-up.
    size_t rule_lines = absl::StartsWith(text_, "rule");
    for (size_t at = text_.find('\n'); at != absl::string_view::npos;
         at = text_.find('\n', at + 1)) {
      rule_lines += text_.compare(at + 1, 4, "rule") == 0;
    }
    pack_.rules.reserve(rule_lines);
    int line_number = 0;
    for (absl::string_view raw : absl::StrSplit(text_, '\n')) {
      ++line_number;
      line_ = line_number;
      absl::string_view line = absl::StripAsciiWhitespace(raw);
      if (line.empty() || line[0] == '#') continue;
      if (absl::Status s = ParseLine(line); !s.ok()) return s;
    }
    if (absl::Status s = FinishRule(); !s.ok()) return s;
    if (pack_.name.empty()) return Error(1, "missing `pack NAME` line");
    return std::move(pack_);
  }

 private:
  absl::Status Error(int line, absl::string_view reason) const {
    return absl::InvalidArgumentError(absl::StrCat(pack_.file, ":", line, ": ", reason));
  }
  absl::Status Error(absl::string_view reason) const { return Error(line_, reason); }

  absl::Status ParseLine(absl::string_view line) {
    if (absl::ConsumePrefix(&line, "rule ") || absl::ConsumePrefix(&line, "rule\t")) {
      if (absl::Status s = FinishRule(); !s.ok()) return s;
      return StartRule(absl::StripAsciiWhitespace(line));
    }
    // Key-value: inside a rule "key: value"; before the first rule "key value".
    const size_t colon = line.find(':');
    const size_t space = line.find_first_of(" \t");
    if (!in_rule_) {
      const absl::string_view key = line.substr(0, space);
      const absl::string_view value =
          space == absl::string_view::npos ? "" : absl::StripAsciiWhitespace(line.substr(space));
      return PackSetting(key, value);
    }
    if (colon == absl::string_view::npos || (space != absl::string_view::npos && space < colon)) {
      return Error(
          absl::StrCat("expected `key: value` inside rule ", rule_.id, ", got '", line, "'"));
    }
    return RuleSetting(line.substr(0, colon), absl::StripAsciiWhitespace(line.substr(colon + 1)));
  }

  absl::Status PackSetting(absl::string_view key, absl::string_view value) {
    if (key == "pack") {
      if (!pack_.name.empty()) return Error("`pack` given twice");
      if (!ValidId(value)) return Error(absl::StrCat("invalid pack name '", value, "'"));
      pack_.name = std::string(value);
      id_prefix_ = absl::StrCat(pack_.name, ".");
      spin_id_prefix_ = absl::StrCat("spin.", pack_.name, ".");
      return absl::OkStatus();
    }
    if (key == "severity") {
      if (!ParseSeverity(value, &default_severity_)) {
        return Error(absl::StrCat("unknown severity '", value, "' (error, warning or info)"));
      }
      return absl::OkStatus();
    }
    if (key == "confidence") return ParseConfidence(value, &default_confidence_);
    return Error(absl::StrCat("unknown pack setting '", key,
                              "' (known: pack, severity, confidence; rules start with `rule`)"));
  }

  absl::Status StartRule(absl::string_view header) {
    if (pack_.name.empty()) return Error("`pack NAME` must come before the first rule");
    const size_t colon = header.find(':');
    if (colon == absl::string_view::npos) {
      return Error("expected `rule ID: SPUN => RESTORED`");
    }
    const absl::string_view id = absl::StripAsciiWhitespace(header.substr(0, colon));
    if (!ValidId(id)) return Error(absl::StrCat("invalid rule id '", id, "'"));
    if (!absl::StartsWith(id, id_prefix_) && !absl::StartsWith(id, spin_id_prefix_)) {
      return Error(absl::StrCat("rule id '", id, "' must start with 'spin.", pack_.name, ".' or '",
                                pack_.name, ".'"));
    }
    if (!ids_.insert(id).second) {
      return Error(absl::StrCat("duplicate rule id '", id, "'"));
    }
    rule_ = Rule();
    rule_.id = std::string(id);
    rule_.file = pack_.file;
    rule_.line = line_;
    rule_.confidence = default_confidence_;
    rule_.severity = default_severity_;
    if (!SplitArrow(header.substr(colon + 1), &rule_.spun, &rule_.replacement)) {
      return Error("expected `rule ID: SPUN => RESTORED` with both phrases non-empty");
    }
    // A letter or digit always starts a token; only other phrases need the tokenizer's word.
    const bool has_alnum = std::any_of(rule_.spun.begin(), rule_.spun.end(),
                                       [](char c) { return absl::ascii_isalnum(c); });
    if (!has_alnum && NormalizedTokens(rule_.spun).empty()) {
      return Error("the spun phrase has no tokens");
    }
    in_rule_ = true;
    return absl::OkStatus();
  }

  absl::Status RuleSetting(absl::string_view key, absl::string_view value) {
    if (value.empty()) return Error(absl::StrCat("empty value for '", key, "'"));
    if (key == "message") {
      rule_.message = std::string(value);
    } else if (key == "confidence") {
      return ParseConfidence(value, &rule_.confidence);
    } else if (key == "severity") {
      if (!ParseSeverity(value, &rule_.severity)) {
        return Error(absl::StrCat("unknown severity '", value, "' (error, warning or info)"));
      }
    } else if (key == "before" || key == "after" || key == "not-before" || key == "not-after") {
      absl::StatusOr<Guard> guard = ParseGuard(value);
      if (!guard.ok()) return Error(guard.status().message());
      Guard* target = key == "before"       ? &rule_.before
                      : key == "after"      ? &rule_.after
                      : key == "not-before" ? &rule_.not_before
                                            : &rule_.not_after;
      // Repeated keys add alternatives.
      for (GuardSequence& seq : guard->alternatives) target->alternatives.push_back(std::move(seq));
    } else if (key == "context" || key == "not-context") {
      if (value.size() < 2 || value.front() != '/' || value.back() != '/') {
        return Error(absl::StrCat(key, " expects a /RE2 pattern/"));
      }
      auto pattern = std::make_shared<const ContextPattern>(
          std::string(value.substr(1, value.size() - 2)), options_.check_patterns);
      if (options_.check_patterns && !pattern->ok()) {
        return Error(absl::StrCat("bad ", key, " pattern: ", pattern->error()));
      }
      (key == "context" ? rule_.context : rule_.not_context) = std::move(pattern);
    } else if (key == "inflect") {
      if (value == "auto") {
        rule_.inflect = InflectMode::kAuto;
      } else if (value == "verb") {
        rule_.inflect = InflectMode::kVerb;
      } else if (value == "noun") {
        rule_.inflect = InflectMode::kNoun;
      } else if (value == "none") {
        rule_.inflect = InflectMode::kNone;
      } else {
        return Error(absl::StrCat("unknown inflect mode '", value, "' (auto, verb, noun, none)"));
      }
    } else if (key == "example") {
      RuleExample example;
      if (!SplitArrow(value, &example.spun, &example.restored)) {
        return Error("example expects `SPUN SENTENCE => RESTORED SENTENCE`");
      }
      example.line = line_;
      rule_.examples.push_back(std::move(example));
    } else if (key == "counterexample") {
      rule_.counterexamples.emplace_back(value);
    } else {
      return Error(absl::StrCat("unknown key '", key, "' (known: ", kKnownKeys, ")"));
    }
    return absl::OkStatus();
  }

  absl::Status ParseConfidence(absl::string_view value, double* out) {
    double v;
    if (!absl::SimpleAtod(value, &v) || v < 0.0 || v > 1.0) {
      return Error(absl::StrCat("confidence must be a number from 0 to 1, got '", value, "'"));
    }
    *out = v;
    return absl::OkStatus();
  }

  absl::Status FinishRule() {
    if (!in_rule_) return absl::OkStatus();
    in_rule_ = false;
    if (rule_.examples.empty()) {
      return Error(rule_.line, absl::StrCat("rule ", rule_.id, " has no example"));
    }
    if (rule_.message.empty()) {
      rule_.message =
          absl::StrCat("\"", rule_.spun, "\" looks like a spun \"", rule_.replacement, "\"");
    }
    pack_.rules.push_back(std::move(rule_));
    return absl::OkStatus();
  }

  absl::string_view text_;
  ParseOptions options_;
  RulePack pack_;
  int line_ = 0;
  bool in_rule_ = false;
  Rule rule_;
  Severity default_severity_ = Severity::kWarning;
  double default_confidence_ = 0.9;
  std::string id_prefix_;                       // "NAME.", once the pack is named
  std::string spin_id_prefix_;                  // "spin.NAME."
  absl::flat_hash_set<absl::string_view> ids_;  // views of text_
};

}  // namespace

absl::StatusOr<Guard> ParseGuard(absl::string_view value) {
  Guard guard;
  guard.alternatives.reserve(std::count(value.begin(), value.end(), '|') + 1);
  for (absl::string_view alternative : absl::StrSplit(value, '|')) {
    alternative = absl::StripAsciiWhitespace(alternative);
    if (alternative.empty()) return absl::InvalidArgumentError("empty guard alternative");
    GuardSequence sequence;
    for (absl::string_view word : absl::StrSplit(alternative, ' ', absl::SkipWhitespace())) {
      if (IsPlainWord(word)) {
        sequence.emplace_back().literal = std::string(word);
        continue;
      }
      if (absl::StartsWith(word, "@")) {
        absl::StatusOr<TokenTest> test = ParseWordClass(word);
        if (!test.ok()) return test.status();
        sequence.push_back(std::move(*test));
        continue;
      }
      // A possessive alone is one token in running text ("Putin's" gives "putin", "'s"), but
      // tokenized on its own it would split at the apostrophe.
      if (word == "'s" || word == "\u2019s") {
        TokenTest test;
        test.literal = "'s";
        sequence.push_back(std::move(test));
        continue;
      }
      // A literal may hold several tokens ("U.S.", "don't"): split as the tokenizer would.
      for (std::string& norm : NormalizedTokens(word)) {
        TokenTest test;
        test.literal = std::move(norm);
        sequence.push_back(std::move(test));
      }
    }
    if (sequence.size() > 1) {
      for (const TokenTest& t : sequence) {
        if (t.token_class == TokenClass::kStart || t.token_class == TokenClass::kEnd) {
          return absl::InvalidArgumentError("@start and @end must stand alone in an alternative");
        }
      }
    }
    guard.alternatives.push_back(std::move(sequence));
  }
  return guard;
}

absl::StatusOr<RulePack> ParseRulePack(absl::string_view text, const std::string& file,
                                       ParseOptions options) {
  return Parser(text, file, options).Run();
}

}  // namespace unspin
