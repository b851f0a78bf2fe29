#include "detector/lexicon/corpus_phrases.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"

namespace unspin {
namespace {

// Written for this project: closed-class English words that do not anchor a collocation.
constexpr const char* kFunctionWords[] = {
    "a",      "about", "above",   "after",   "again",   "against", "all",    "also",    "am",
    "an",     "and",   "any",     "are",     "as",      "at",      "be",     "because", "been",
    "before", "being", "below",   "between", "both",    "but",     "by",     "can",     "could",
    "did",    "do",    "does",    "doing",   "down",    "during",  "each",   "either",  "few",
    "for",    "from",  "further", "had",     "has",     "have",    "having", "he",      "her",
    "here",   "hers",  "herself", "him",     "himself", "his",     "how",    "i",       "if",
    "in",     "into",  "is",      "it",      "its",     "itself",  "just",   "may",     "me",
    "might",  "more",  "most",    "must",    "my",      "myself",  "no",     "nor",     "not",
    "of",     "off",   "on",      "once",    "only",    "or",      "other",  "our",     "ours",
    "out",    "over",  "own",     "same",    "shall",   "she",     "should", "so",      "some",
    "such",   "than",  "that",    "the",     "their",   "theirs",  "them",   "then",    "there",
    "these",  "they",  "this",    "those",   "through", "to",      "too",    "under",   "until",
    "up",     "upon",  "very",    "was",     "we",      "were",    "what",   "when",    "where",
    "which",  "while", "who",     "whom",    "whose",   "why",     "will",   "with",    "would",
    "you",    "your",  "yours",   "'s",      "like",    "many",    "much",   "even",
};

}  // namespace

bool IsFunctionWord(absl::string_view lowercase_word) {
  static const absl::flat_hash_set<absl::string_view>* words = [] {
    auto* set = new absl::flat_hash_set<absl::string_view>();
    for (const char* w : kFunctionWords) set->insert(w);
    return set;
  }();
  return words->contains(lowercase_word);
}

CorpusPhraseLearner::CorpusPhraseLearner(const CorpusPhraseOptions& options) : options_(options) {
  options_.max_words = std::clamp(options_.max_words, 2, 8);
  options_.min_count = std::max(options_.min_count, 1);
  options_.min_documents = std::max(options_.min_documents, 1);
  options_.max_candidates = std::max<size_t>(options_.max_candidates, 1000);
}

void CorpusPhraseLearner::AddDocument(const TokenizedText& text) {
  const uint64_t doc = stats_.documents++;
  std::string key;
  const size_t n = text.tokens.size();
  for (size_t start = 0; start < n; ++start) {
    const Token& first = text.tokens[start];
    if (!first.is_word() || (options_.skip_quotes && first.in_quote())) continue;
    ++stats_.words;
    if (!options_.keep_function_word_edges && IsFunctionWord(text.Norm(start))) continue;
    key.assign(text.Norm(start).data(), text.Norm(start).size());
    for (int len = 2; len <= options_.max_words && start + len <= n; ++len) {
      const size_t end = start + len - 1;
      const Token& t = text.tokens[end];
      if (!t.is_word() || t.sentence != first.sentence || (options_.skip_quotes && t.in_quote())) {
        break;
      }
      const absl::string_view word = text.Norm(end);
      key += ' ';
      key.append(word.data(), word.size());
      if (!options_.keep_function_word_edges && IsFunctionWord(word)) continue;
      Counts& c = counts_[key];
      ++c.count;
      if (c.last_document != doc) {
        c.last_document = doc;
        ++c.documents;
      }
    }
  }
  if (counts_.size() > options_.max_candidates) Prune();
}

void CorpusPhraseLearner::Prune() {
  // Raise the floor until at most half the budget remains: amortized O(1) per insertion.
  while (counts_.size() > options_.max_candidates / 2) {
    const size_t before = counts_.size();
    absl::erase_if(counts_,
                   [this](const auto& entry) { return entry.second.count <= prune_below_; });
    stats_.pruned += before - counts_.size();
    ++prune_below_;
  }
}

size_t CorpusPhraseLearner::AddTo(PhraseLexiconBuilder* builder) const {
  // Sorted so the file is the same for the same corpus, whatever the hash order.
  std::vector<const std::pair<const std::string, Counts>*> kept;
  for (const auto& entry : counts_) {
    if (entry.second.count >= static_cast<uint32_t>(options_.min_count) &&
        entry.second.documents >= static_cast<uint32_t>(options_.min_documents)) {
      kept.push_back(&entry);
    }
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : kept) {
    PhraseInfo info;
    info.corpus_count = entry->second.count;
    info.sources = kFromCorpus;
    builder->AddKey(entry->first, info);
  }
  return kept.size();
}

CorpusPhraseStats CorpusPhraseLearner::stats() const {
  CorpusPhraseStats s = stats_;
  s.candidates = counts_.size();
  return s;
}

}  // namespace unspin
