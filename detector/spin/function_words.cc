#include "detector/spin/function_words.h"

#include "absl/container/flat_hash_set.h"

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

}  // namespace unspin
