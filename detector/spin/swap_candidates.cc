#include "detector/spin/swap_candidates.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace unspin {

// Function words and number words: swapping them is grammar, not vocabulary. Spinners do swap
// some ("via", "whilst"), but telling those from normal use takes the guards of a rule, so the
// lexicon detector leaves windows and candidates made only of these words alone.
bool IsFunctionOrNumberWord(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "a",        "about",   "above",   "across",  "after",      "again",   "against", "all",
      "almost",   "along",   "already", "also",    "although",   "always",  "am",      "among",
      "an",       "and",     "another", "any",     "are",        "around",  "as",      "at",
      "be",       "because", "been",    "before",  "behind",     "being",   "below",   "beneath",
      "beside",   "besides", "between", "beyond",  "both",       "but",     "by",      "can",
      "could",    "did",     "do",      "does",    "down",       "during",  "each",    "either",
      "else",     "enough",  "even",    "ever",    "every",      "few",     "for",     "from",
      "had",      "has",     "have",    "he",      "her",        "here",    "hers",    "him",
      "his",      "how",     "however", "i",       "if",         "in",      "inside",  "into",
      "is",       "it",      "its",     "just",    "less",       "many",    "may",     "me",
      "might",    "more",    "most",    "much",    "must",       "my",      "neither", "no",
      "nor",      "not",     "now",     "of",      "off",        "on",      "once",    "one",
      "only",     "onto",    "or",      "other",   "ought",      "our",     "ours",    "out",
      "outside",  "over",    "own",     "per",     "quite",      "rather",  "same",    "several",
      "shall",    "she",     "should",  "since",   "so",         "some",    "such",    "than",
      "that",     "the",     "their",   "them",    "then",       "there",   "these",   "they",
      "this",     "those",   "though",  "through", "throughout", "thru",    "thus",    "till",
      "to",       "too",     "toward",  "towards", "under",      "unless",  "until",   "up",
      "upon",     "us",      "very",    "via",     "was",        "we",      "were",    "what",
      "when",     "where",   "whether", "which",   "while",      "whilst",  "who",     "whom",
      "whose",    "why",     "will",    "with",    "within",     "without", "would",   "yet",
      "you",      "your",    "'s",      "-",       "two",        "three",   "four",    "five",
      "six",      "seven",   "eight",   "nine",    "ten",        "twelve",  "twenty",  "hundred",
      "thousand", "million", "billion", "dozen",   "half",       "first",   "second",  "third"};
  return kWords->contains(w);
}

bool AllFunctionOrNumberWords(absl::Span<const absl::string_view> words) {
  for (absl::string_view w : words) {
    if (!IsFunctionOrNumberWord(w)) return false;
  }
  return true;
}

// The phrases a thesaurus entry can stand for that a spinner would plausibly have replaced.
void AddThesaurusTargets(const Thesaurus& thesaurus, uint32_t phrase,
                         std::vector<SwapTarget>* out) {
  const absl::string_view phrase_text = thesaurus.Phrase(phrase);
  const size_t phrase_words = std::count(phrase_text.begin(), phrase_text.end(), ' ') + 1;
  for (const SynonymEntry& e : thesaurus.CanStandFor(phrase)) {
    if (!e.has(kStrongRelations)) continue;
    if (thesaurus.PhraseFlags(e.phrase()) & kProperName) continue;
    const absl::string_view candidate = thesaurus.Phrase(e.phrase());
    const std::vector<absl::string_view> words = absl::StrSplit(candidate, ' ');
    // Spinners put longer phrases in place of words, rarely shorter words in place of long
    // phrases; a one-word window standing for a long expansion is an abbreviation ("who" ->
    // "world health organization"), not a spin.
    if (words.size() > phrase_words + 1) continue;
    if (AllFunctionOrNumberWords(words)) continue;
    // A candidate that contains the phrase itself narrows it ("treason" -> "high treason"), and
    // one that only differs in spacing is a spelling variant ("healthcare"): neither is a spin.
    const std::string joined = absl::StrJoin(words, "");
    if (absl::StrContains(absl::StrCat(" ", candidate, " "), absl::StrCat(" ", phrase_text, " ")) ||
        joined == absl::StrReplaceAll(phrase_text, {{" ", ""}, {"-", ""}})) {
      continue;
    }
    out->push_back(SwapTarget{std::string(candidate), kSwapFromThesaurus});
  }
}

}  // namespace unspin
