#include "detector/rules/matcher.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace unspin {
namespace {

bool IsNumberWord(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "one",       "two",      "three",     "four",     "five",     "six",      "seven",
      "eight",     "nine",     "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen",   "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",   "thirty",
      "forty",     "fifty",    "sixty",     "seventy",  "eighty",   "ninety",   "hundred",
      "thousand",  "million",  "billion",   "trillion", "dozen",    "dozens",   "hundreds",
      "thousands", "millions", "billions"};
  return kWords->contains(w);
}

bool IsDeterminer(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "a",    "an",      "the",  "this", "that",  "these", "those",  "its",     "their",
      "his",  "her",     "our",  "your", "my",    "some",  "any",    "no",      "every",
      "each", "another", "such", "what", "which", "whose", "either", "neither", "'s"};
  return kWords->contains(w);
}

bool IsPronoun(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me"};
  return kWords->contains(w);
}

bool TokenMatches(const TokenTest& test, const TokenizedText& tokens, uint32_t index) {
  const Token& t = tokens.tokens[index];
  const absl::string_view norm = tokens.Norm(t);
  switch (test.token_class) {
    case TokenClass::kLiteral:
      return norm == test.literal;
    case TokenClass::kName:
      return t.is_word() && ((t.flags & kAllCaps) || (t.capitalized() && !t.sentence_start()));
    case TokenClass::kCap:
      return t.is_word() && t.capitalized();
    case TokenClass::kLower:
      return t.is_word() && !t.capitalized();
    case TokenClass::kWord:
      return t.is_word();
    case TokenClass::kNumber:
      return t.kind == TokenKind::kNumber || (t.is_word() && IsNumberWord(norm));
    case TokenClass::kDet:
      return t.is_word() && IsDeterminer(norm);
    case TokenClass::kPron:
      return t.is_word() && IsPronoun(norm);
    case TokenClass::kPunct:
      return t.kind == TokenKind::kPunct;
    case TokenClass::kStart:
    case TokenClass::kEnd:
      return false;  // handled by the caller: they test positions, not tokens
  }
  return false;
}

bool IsWordOrNumber(const Token& t) { return t.kind != TokenKind::kPunct; }

// Whether `sequence` matches the tokens directly before `first` (before=true) or from `end` on,
// within the sentence [sentence_first, sentence_end).
bool SequenceMatches(const GuardSequence& sequence, const TokenizedText& tokens, uint32_t first,
                     uint32_t end, bool before) {
  const Sentence& sentence = tokens.sentences[tokens.tokens[first].sentence];
  if (sequence.size() == 1 && (sequence[0].token_class == TokenClass::kStart ||
                               sequence[0].token_class == TokenClass::kEnd)) {
    if (sequence[0].token_class == TokenClass::kStart) {
      for (uint32_t i = sentence.first_token; i < first; ++i) {
        if (IsWordOrNumber(tokens.tokens[i])) return false;
      }
      return before;
    }
    for (uint32_t i = end; i < sentence.end_token; ++i) {
      if (IsWordOrNumber(tokens.tokens[i])) return false;
    }
    return !before;
  }
  const uint32_t k = static_cast<uint32_t>(sequence.size());
  if (before) {
    if (first < sentence.first_token + k) return false;
    for (uint32_t j = 0; j < k; ++j) {
      if (!TokenMatches(sequence[j], tokens, first - k + j)) return false;
    }
    return true;
  }
  if (end + k > sentence.end_token) return false;
  for (uint32_t j = 0; j < k; ++j) {
    if (!TokenMatches(sequence[j], tokens, end + j)) return false;
  }
  return true;
}

bool AnyMatches(const Guard& guard, const TokenizedText& tokens, uint32_t first, uint32_t end,
                bool before) {
  for (const GuardSequence& seq : guard.alternatives) {
    if (SequenceMatches(seq, tokens, first, end, before)) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::Build(std::vector<RulePack> packs,
                                                        Morphology* morphology) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  set->packs_ = std::move(packs);
  set->terminals_.emplace_back();  // root
  size_t rule_count = 0;
  for (const RulePack& pack : set->packs_) rule_count += pack.rules.size();
  // Sized once: growing these tables rehashes them again and again at every start-up (a rule
  // has about two variants with the built-in packs).
  set->variants_.reserve(2 * rule_count);
  set->edges_.reserve(3 * rule_count);
  set->terminals_.reserve(3 * rule_count);
  set->vocabulary_.reserve(2 * rule_count);
  absl::flat_hash_map<absl::string_view, const Rule*> ids;  // views of the ids in packs_
  ids.reserve(rule_count);
  for (const RulePack& pack : set->packs_) {
    for (const Rule& rule : pack.rules) {
      auto [it, inserted] = ids.emplace(rule.id, &rule);
      if (!inserted) {
        return absl::InvalidArgumentError(
            absl::StrCat(rule.file, ":", rule.line, ": duplicate rule id '", rule.id, "' (also at ",
                         it->second->file, ":", it->second->line, ")"));
      }
    }
  }
  for (const RulePack& pack : set->packs_) {
    for (const Rule& rule : pack.rules) {
      const std::vector<std::string> phrase = NormalizedTokens(rule.spun);
      set->AddVariant(&rule, phrase, rule.replacement);
      if (morphology == nullptr || rule.inflect == InflectMode::kNone) continue;

      PhraseVariant pair;
      pair.spun = phrase;
      pair.restored = absl::StrSplit(rule.replacement, ' ');
      const PairInflection mode = rule.inflect == InflectMode::kVerb   ? PairInflection::kVerb
                                  : rule.inflect == InflectMode::kNoun ? PairInflection::kNoun
                                                                       : PairInflection::kAuto;
      for (const PhraseVariant& variant : InflectPhrasePair(*morphology, pair, mode)) {
        set->AddVariant(&rule, variant.spun, absl::StrJoin(variant.restored, " "));
      }
    }
  }
  return set;
}

void RuleSet::AddVariant(const Rule* rule, const std::vector<std::string>& phrase,
                         std::string replacement) {
  uint32_t node = 0;
  for (const std::string& word : phrase) {
    auto [vocab_it, _] = vocabulary_.emplace(word, static_cast<uint32_t>(vocabulary_.size()));
    const uint64_t edge = (static_cast<uint64_t>(node) << 32) | vocab_it->second;
    auto edge_it = edges_.find(edge);
    if (edge_it == edges_.end()) {
      const uint32_t child = static_cast<uint32_t>(terminals_.size());
      terminals_.emplace_back();
      edge_it = edges_.emplace(edge, child).first;
    }
    node = edge_it->second;
  }
  // An inflection can repeat a form the rule already has (the past of "cut"): one variant per
  // rule and phrase.
  for (uint32_t v : terminals_[node]) {
    if (variants_[v].rule == rule) return;
  }
  variants_.push_back(Variant{rule, std::move(replacement)});
  terminals_[node].push_back(static_cast<uint32_t>(variants_.size() - 1));
}

std::vector<std::string> RuleSet::VariantPhrases() const {
  std::vector<absl::string_view> words(vocabulary_.size());
  for (const auto& [word, id] : vocabulary_) words[id] = word;
  // Each node's phrase is its parent's plus the edge's word; a child is numbered after its
  // parent, so one pass in node order completes every phrase.
  std::vector<std::pair<uint32_t, uint32_t>> parent_and_word(terminals_.size());
  for (const auto& [edge, child] : edges_) {
    parent_and_word[child] = {static_cast<uint32_t>(edge >> 32), static_cast<uint32_t>(edge)};
  }
  std::vector<std::string> node_phrases(terminals_.size());
  std::vector<std::string> out;
  for (uint32_t node = 1; node < terminals_.size(); ++node) {
    const auto [parent, word] = parent_and_word[node];
    node_phrases[node] = parent == 0 ? std::string(words[word])
                                     : absl::StrCat(node_phrases[parent], " ", words[word]);
    out.insert(out.end(), terminals_[node].size(), node_phrases[node]);
  }
  return out;
}

size_t RuleSet::rule_count() const {
  size_t n = 0;
  for (const RulePack& p : packs_) n += p.rules.size();
  return n;
}

bool RuleSet::GuardsHold(const Rule& rule, const TokenizedText& tokens, absl::string_view text,
                         uint32_t first, uint32_t end) const {
  if (!rule.before.empty() && !AnyMatches(rule.before, tokens, first, end, /*before=*/true)) {
    return false;
  }
  if (!rule.after.empty() && !AnyMatches(rule.after, tokens, first, end, /*before=*/false)) {
    return false;
  }
  if (AnyMatches(rule.not_before, tokens, first, end, /*before=*/true)) return false;
  if (AnyMatches(rule.not_after, tokens, first, end, /*before=*/false)) return false;
  if (rule.context || rule.not_context) {
    const Sentence& s = tokens.sentences[tokens.tokens[first].sentence];
    const size_t begin = tokens.tokens[s.first_token].begin;
    const absl::string_view sentence =
        text.substr(begin, tokens.tokens[s.end_token - 1].end - begin);
    if (rule.context && !rule.context->PartialMatch(sentence)) return false;
    if (rule.not_context && rule.not_context->PartialMatch(sentence)) return false;
  }
  return true;
}

void RuleSet::Match(const TokenizedText& tokens, absl::string_view text,
                    std::vector<RuleMatch>* out) const {
  const uint32_t n = static_cast<uint32_t>(tokens.tokens.size());
  std::vector<uint32_t> ids(n, kNoWord);
  std::vector<uint32_t>& by_type =
      caches_.Get([] { return std::make_unique<ThreadCaches>(); }).vocabulary_by_type;
  const uint64_t type_space = CurrentWordTypeSpace();
  auto lookup = [&](uint32_t i) {
    auto it = vocabulary_.find(tokens.Norm(i));
    return it != vocabulary_.end() ? it->second : kNoWord;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t type = tokens.WordTypeFor(i, type_space);
    if (type == TokenizedText::kNoWordType) {
      ids[i] = lookup(i);
      continue;
    }
    if (type >= by_type.size()) by_type.resize(type + 1, kNotLookedUp);
    if (by_type[type] == kNotLookedUp) by_type[type] = lookup(i);
    ids[i] = by_type[type];
  }
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t node = 0;
    for (uint32_t j = i; j < n && ids[j] != kNoWord; ++j) {
      if (tokens.tokens[j].sentence != tokens.tokens[i].sentence) break;
      auto edge = edges_.find((static_cast<uint64_t>(node) << 32) | ids[j]);
      if (edge == edges_.end()) break;
      node = edge->second;
      for (uint32_t v : terminals_[node]) {
        const Variant& variant = variants_[v];
        if (GuardsHold(*variant.rule, tokens, text, i, j + 1)) {
          out->push_back(RuleMatch{i, j + 1, variant.rule, &variant.replacement});
        }
      }
    }
  }
}

}  // namespace unspin
