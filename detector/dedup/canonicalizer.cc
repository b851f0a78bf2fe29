#include "detector/dedup/canonicalizer.h"

#include <iterator>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "detector/dedup/hash.h"
#include "detector/dedup/vocabulary_data.h"

namespace unspin {
namespace dedup {
namespace {

// Function words: determiners, pronouns, prepositions, conjunctions, auxiliaries. Kept short on
// purpose: content words carry the article's identity.
constexpr absl::string_view kStopWords[] = {
    "a",      "about",    "above", "after",   "again",  "against", "all",    "also",    "am",
    "an",     "and",      "any",   "are",     "as",     "at",      "be",     "because", "been",
    "before", "being",    "below", "between", "both",   "but",     "by",     "can",     "could",
    "did",    "do",       "does",  "doing",   "down",   "during",  "each",   "either",  "every",
    "few",    "for",      "from",  "further", "had",    "has",     "have",   "having",  "he",
    "her",    "here",     "hers",  "herself", "him",    "himself", "his",    "how",     "i",
    "if",     "in",       "into",  "is",      "it",     "its",     "itself", "just",    "may",
    "me",     "might",    "more",  "most",    "must",   "my",      "myself", "no",      "nor",
    "not",    "now",      "of",    "off",     "on",     "once",    "only",   "or",      "other",
    "our",    "ours",     "out",   "over",    "own",    "s",       "same",   "shall",   "she",
    "should", "so",       "some",  "such",    "than",   "that",    "the",    "their",   "theirs",
    "them",   "then",     "there", "these",   "they",   "this",    "those",  "through", "to",
    "too",    "under",    "until", "up",      "upon",   "us",      "very",   "via",     "was",
    "we",     "were",     "what",  "when",    "where",  "which",   "while",  "who",     "whom",
    "whose",  "why",      "will",  "with",    "within", "without", "would",  "you",     "your",
    "yours",  "yourself", "'s",    "there's", "it's",   "don't"};

class Vocabulary {
 public:
  static const Vocabulary& Get() {
    static const Vocabulary* const vocabulary = new Vocabulary();
    return *vocabulary;
  }

  bool Contains(absl::string_view w) const { return words_.contains(w); }

 private:
  Vocabulary() {
    const absl::string_view all(kThesaurusVocabulary, kThesaurusVocabularySize);
    words_.reserve(all.size() / 8);
    size_t start = 0;
    while (start < all.size()) {
      size_t end = all.find('\n', start);
      if (end == absl::string_view::npos) end = all.size();
      words_.insert(all.substr(start, end - start));
      start = end + 1;
    }
  }

  absl::flat_hash_set<absl::string_view> words_;
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Base-form candidates of an inflected word, most likely first.
template <typename F>
bool AnyBaseForm(absl::string_view w, F&& accept) {
  std::string s;
  const auto try_form = [&](absl::string_view stem, absl::string_view add) {
    s.assign(stem.data(), stem.size());
    s.append(add.data(), add.size());
    return accept(s);
  };
  const auto strip = [&](absl::string_view suffix) {
    return w.substr(0, w.size() - suffix.size());
  };
  const auto doubled = [&](absl::string_view stem) {
    return stem.size() >= 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
           !IsVowel(stem.back());
  };
  for (absl::string_view suffix : {"ies", "ied"}) {
    if (absl::EndsWith(w, suffix) && try_form(strip(suffix), "y")) return true;
  }
  if (absl::EndsWith(w, "es") && try_form(strip("es"), "")) return true;
  if (absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss") && try_form(strip("s"), "")) return true;
  for (absl::string_view suffix : {"ed", "ing", "er", "est"}) {
    if (!absl::EndsWith(w, suffix) || w.size() < suffix.size() + 2) continue;
    const absl::string_view stem = strip(suffix);
    if (try_form(stem, "") || try_form(stem, "e")) return true;
    if (doubled(stem) && try_form(stem.substr(0, stem.size() - 1), "")) return true;
  }
  if (absl::EndsWith(w, "ly") && (try_form(strip("ly"), "") || try_form(strip("ily"), "y"))) {
    return true;
  }
  return false;
}

class BasicCanonicalizer : public Canonicalizer {
 public:
  explicit BasicCanonicalizer(BasicCanonicalizerOptions options)
      : options_(std::move(options)),
        version_(
            HashCombine(HashBytes("basic-canonicalizer-v1"), HashBytes(options_.synonym_source))) {
    Vocabulary::Get();  // build once, before threads race to
  }

  WordInfo Classify(absl::string_view word, bool capitalized, bool sentence_start) const override {
    WordInfo info;
    if (word.empty() || IsStopWord(word)) return info;  // kStop
    const bool is_number = word[0] >= '0' && word[0] <= '9';
    if (is_number) {
      info.role = WordRole::kImmutable;
      info.class_id = HashBytes(word);
      return info;
    }
    // A capital letter inside a sentence marks a name; at a sentence start it says nothing, so
    // there the vocabulary decides.
    const bool name = capitalized && !sentence_start;
    const bool known = !name && InThesaurusVocabulary(word);
    if (!known) {
      info.role = WordRole::kImmutable;
      info.class_id = HashBytes(word);
      return info;
    }
    info.role = WordRole::kMutable;
    const std::string stem = StemWord(word);
    if (options_.synonym_class) {
      uint64_t cls = options_.synonym_class(word);
      if (cls == 0 && stem != word) cls = options_.synonym_class(stem);
      if (cls != 0) {
        info.class_id = HashCombine(cls, 0x5EED);
        return info;
      }
    }
    info.class_id = HashBytes(stem);
    return info;
  }

  uint64_t Version() const override { return version_; }

 private:
  BasicCanonicalizerOptions options_;
  uint64_t version_;
};

}  // namespace

bool IsStopWord(absl::string_view word) {
  static const absl::flat_hash_set<absl::string_view>* const set =
      new absl::flat_hash_set<absl::string_view>(std::begin(kStopWords), std::end(kStopWords));
  return set->contains(word);
}

bool InThesaurusVocabulary(absl::string_view word) {
  const Vocabulary& v = Vocabulary::Get();
  if (v.Contains(word)) return true;
  return AnyBaseForm(word, [&](const std::string& s) { return v.Contains(s); });
}

std::string StemWord(absl::string_view word) {
  std::string w(word);
  if (absl::EndsWith(w, "'s")) w.resize(w.size() - 2);
  const auto ends = [&](absl::string_view s) { return absl::EndsWith(w, s); };
  const auto cut = [&](size_t n) { w.resize(w.size() - n); };
  if (w.size() <= 3) return w;
  if (ends("ies") || ends("ied")) {
    cut(3);
    w.push_back('y');
  } else if (ends("sses")) {
    cut(2);
  } else if (ends("ches") || ends("shes") || ends("xes") || ends("zes")) {
    cut(2);
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    cut(1);
  }
  bool stripped_verb = false;
  if (w.size() > 5 && ends("ing")) {
    cut(3);
    stripped_verb = true;
  } else if (w.size() > 4 && ends("ed")) {
    cut(2);
    stripped_verb = true;
  } else if (w.size() > 5 && ends("ly")) {
    cut(2);
  }
  if (stripped_verb) {
    // "stopp" -> "stop"; a final silent e is dropped everywhere below, so "making" and "make"
    // meet at "mak".
    if (w.size() >= 3 && w[w.size() - 1] == w[w.size() - 2] && !IsVowel(w.back()) &&
        w.back() != 'l' && w.back() != 's' && w.back() != 'z') {
      cut(1);
    }
  }
  if (w.size() > 3 && w.back() == 'e') cut(1);
  return w;
}

std::unique_ptr<Canonicalizer> NewBasicCanonicalizer(BasicCanonicalizerOptions options) {
  return std::make_unique<BasicCanonicalizer>(std::move(options));
}

}  // namespace dedup
}  // namespace unspin
