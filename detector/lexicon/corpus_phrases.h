// Learns the frequent multiword expressions of a user's own corpus, for a corpus phrase lexicon
// (`unspin lexicon build`): a collocation that recurs across a site's clean articles is
// canonical there, even when WordNet does not list it ("spy balloon", "user experience").
//
//   unspin::CorpusPhraseLearner learner({});
//   for (const Document& doc : corpus) learner.AddDocument(unspin::Tokenize(doc.text()));
//   unspin::PhraseLexiconBuilder builder;
//   size_t learned = learner.AddTo(&builder);
//   UNSPIN_RETURN_IF_ERROR(builder.WriteTo("site.lexicon"));
//
// Candidates are runs of 2..max_words consecutive word tokens inside one sentence (numbers and
// punctuation break a run). A candidate is kept when it occurs min_count times in at least
// min_documents documents and, unless keep_function_word_edges, neither starts nor ends with a
// function word ("of the", "the spy" are not collocations; "spy balloon" is). Memory is bounded:
// when more than max_candidates distinct candidates are held, the rarest are dropped (lossy
// counting), so a phrase first seen late in a huge corpus may be undercounted.
#ifndef UNSPIN_DETECTOR_LEXICON_CORPUS_PHRASES_H_
#define UNSPIN_DETECTOR_LEXICON_CORPUS_PHRASES_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/text/tokenizer.h"

namespace unspin {

struct CorpusPhraseOptions {
  // Longest candidate, in word tokens (2..8).
  int max_words = 4;
  // Fewest occurrences over the corpus for a phrase to be kept.
  int min_count = 3;
  // Fewest distinct documents it must occur in (1 for a single-document corpus).
  int min_documents = 2;
  // Keep phrases that start or end with a function word ("in a position to").
  bool keep_function_word_edges = false;
  // Skip text inside quotations (quoted speech is the writer's source, not the site's prose).
  bool skip_quotes = false;
  // Distinct candidates held before the rarest are dropped.
  size_t max_candidates = 4000000;
};

struct CorpusPhraseStats {
  uint64_t documents = 0;
  uint64_t words = 0;
  uint64_t candidates = 0;  // distinct candidates held at the end
  uint64_t pruned = 0;      // candidates dropped to bound memory
};

class CorpusPhraseLearner {
 public:
  explicit CorpusPhraseLearner(const CorpusPhraseOptions& options);

  void AddDocument(const TokenizedText& text);

  // Adds the kept phrases with kFromCorpus and their counts; returns how many.
  size_t AddTo(PhraseLexiconBuilder* builder) const;

  CorpusPhraseStats stats() const;

 private:
  struct Counts {
    uint32_t count = 0;
    uint32_t documents = 0;
    uint64_t last_document = ~uint64_t{0};
  };
  void Prune();

  CorpusPhraseOptions options_;
  absl::flat_hash_map<std::string, Counts> counts_;
  uint32_t prune_below_ = 1;
  CorpusPhraseStats stats_;
};

// True for English function words (articles, pronouns, prepositions, conjunctions, auxiliaries).
bool IsFunctionWord(absl::string_view lowercase_word);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_CORPUS_PHRASES_H_
