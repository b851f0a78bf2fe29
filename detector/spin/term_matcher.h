// The term matcher restores spun technical terms word by word: a window whose every word is
// either a word of a curated term or a word that our swap tables (spinner_swaps.txt,
// science_swaps.txt, term_swaps.txt) or the thesaurus say can stand for it is that term, spun
// ("unattended learning" -> "unsupervised learning", "arbitrary woodlands" -> "random forests").
// The terms are people-written (the rule packs' restorations and the curated term list,
// detector/lexicon/data/terms.txt) and so are the swaps; only their composition is inferred, which
// is why its fixes can be safe. It finds what the lexicon detector's language model cannot judge:
// technical words a 1990s news model never saw.
//
//   UNSPIN_ASSIGN_OR_RETURN(unspin::TermIndex index, unspin::TermIndex::Open("terms.idx"));
//   unspin::TermMatcher terms(std::move(index), &lm, &swaps, &thesaurus, &inflections,
//                             {&wordnet_phrases}, unspin::TermMatcherOptions{});
//   std::vector<unspin::TermMatch> matches;
//   terms.Match(unspin::Tokenize(text), &matches);
//
// Evidence that the window is spun rather than a normal phrase that happens to be a synonym of
// a term ("general health" next to "public health"): each swapped word breaks a word pair the
// language model knows; the detector weighs how the window is tied to the term (a word of it as
// written, spinner-table swaps) and the spin around it. Thread-safe.
#ifndef UNSPIN_DETECTOR_SPIN_TERM_MATCHER_H_
#define UNSPIN_DETECTOR_SPIN_TERM_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/spin/term_index.h"
#include "detector/text/tokenizer.h"
#include "detector/util/per_thread.h"

namespace unspin {

struct TermMatcherOptions {
  // Longest window looked at (in tokens, hyphens included); terms are at most kMaxTermTokens.
  int max_term_tokens = kMaxTermTokens;
};

// One spun term found in the text.
struct TermMatch {
  uint32_t first_token = 0;  // half-open token range of the spun window
  uint32_t end_token = 0;
  std::string term;     // the restoration: a curated term, lower case, in the window's number
  uint8_t sources = 0;  // SwapSource bits of the swaps used
  // Distinct terms the same window can be read as, with any number of swaps (1: only this one;
  // with several, the restoration is a guess between them).
  int readings = 1;
  int swapped_words = 0;  // window words that differ from the term's
  // A content word of the term stands in the window as written ("learning" in "unattended
  // learning"); without one, only the swaps tie the window to the term.
  bool anchored = false;
  // Every swap is from our tables (spinner or term tables).
  bool table_swaps_only = false;
  // Every swap is from the spinner tables (term-table swaps hold only inside a term, so they say
  // less about a window that has no word of the term as written).
  bool spinner_swaps_only = false;
};

class TermMatcher {
 public:
  // Walks `index` (the curated terms). The pointers must outlive the matcher; `thesaurus` and
  // `inflections` may be null. A window that is itself a phrase of `known_phrases` is never
  // matched.
  TermMatcher(TermIndex index, const LanguageModel* lm, const SwapIndex* swaps,
              const Thesaurus* thesaurus, const Thesaurus* inflections,
              std::vector<const PhraseLexicon*> known_phrases, TermMatcherOptions options);

  // Appends the spun terms of `tokens`, in text order, not overlapping. Windows inside
  // quotations, across sentences or with all-capital words are skipped, and a capitalized word
  // inside a sentence is never a swap.
  void Match(const TokenizedText& tokens, std::vector<TermMatch>* out) const;

  // Terms indexed.
  size_t term_count() const { return index_.term_count(); }

  // What one word of the text can be in a term: itself, or a term word it can stand for.
  // (Public only for the implementation's per-thread cache.)
  struct WordOption {
    uint32_t term_word;  // index into the matcher's term vocabulary
    uint8_t sources;     // 0 for the word itself, else SwapSource bits
    // How well attested the swap is: 4 for a spinner-table swap; for a thesaurus swap, the
    // thesauri listing it plus one for a plain synonym (not a similar term). 0 for the word.
    uint8_t strength = 0;
    uint32_t node = 0;       // in start_options: the trie node the term word leads to from the root
    bool ends_term = false;  // in start_options: a term ends at `node`
  };
  // A 256-bit signature of a set of term words: one hashed bit per word.
  using TermWordBits = std::array<uint64_t, 4>;
  struct WordInfo {
    std::vector<WordOption> options;        // by term word
    std::vector<WordOption> start_options;  // those that begin a term
    // The options of the word's singular ("woodland" for "woodlands"), by term word: terms are
    // indexed as listed, in the singular, and a plural word may end one.
    std::vector<WordOption> plural_options;
    uint32_t lm_id = 0;             // the word's language-model id (kUnknownWord if none)
    bool starts_spun_form = false;  // a multiword spun form of the tables starts with it
    // The term words that follow a start option in the trie, and those the word can be (options
    // and plural_options): when the first's do not meet the second's, a pair of words has no
    // first step in the search, which the matcher then knows without looking the pair up (a
    // cache miss in a large table).
    TermWordBits continuations = {};
    TermWordBits readings = {};
    // Indices of the start options that end a term, and of all of them: the start options worth
    // searching when the second word continues none.
    std::vector<uint16_t> terminal_starts;
    std::vector<uint16_t> all_starts;
  };

 private:
  const WordInfo& Lookup(absl::string_view word) const;
  WordInfo ComputeWordInfo(absl::string_view word) const;
  // Appends what `word` can be in a term (itself, table and thesaurus swaps) to *options,
  // sorted by term word; sets *starts_spun_form when a multiword spun form starts with it.
  void AddOptions(absl::string_view word, std::vector<WordOption>* options,
                  bool* starts_spun_form) const;
  TermIndex index_;
  const LanguageModel* lm_;
  const SwapIndex* swaps_;
  const Thesaurus* thesaurus_;
  const Thesaurus* inflections_;
  std::vector<const PhraseLexicon*> known_phrases_;
  TermMatcherOptions options_;

  // Word infos by word type for all threads: computing one is the expensive part of a word's
  // first sight (thesaurus lists, term index lookups), so each type is computed once however
  // many batch workers meet it; the per-thread caches point into it.
  mutable absl::Mutex shared_words_mu_;
  mutable absl::node_hash_map<std::string, WordInfo> shared_words_
      ABSL_GUARDED_BY(shared_words_mu_);
  // Per thread: pointers to word infos by word type (no lock on the hot path) and the search's
  // scratch vectors (term_matcher.cc).
  struct ThreadCaches;
  PerThread<ThreadCaches> caches_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_TERM_MATCHER_H_
