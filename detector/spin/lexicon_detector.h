// The lexicon detector finds spun phrases no rule lists. For every window of 1-4 words it asks
// the swap index which canonical phrases the window could stand for ("gadget studying" ->
// "machine learning": gadget -> machine, studying -> learning, composed), and lets the language
// model judge each candidate in its sentence: a spun window is a rare combination whose
// restoration is a strong collocation in the same context.
//
//   unspin::LexiconDetector lexicon(&lm, &swaps, &thesaurus, {&wordnet_phrases},
//                                   &rule_phrases, /*corpus_lexicons=*/{}, &inflections,
//                                   &dictionary_words, unspin::LexiconOptions{});
//   std::vector<unspin::LexiconCandidate> candidates;
//   lexicon.Propose(tokens, &candidates);
//
// Evidence is measured as association gain: how much better the candidate fits its context than
// the original does, each relative to its own unigram frequency, so common words do not win just
// by being common. The Detector turns evidence into findings, together with rule findings and the
// document's overall spin.
#ifndef UNSPIN_DETECTOR_SPIN_LEXICON_DETECTOR_H_
#define UNSPIN_DETECTOR_SPIN_LEXICON_DETECTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/swap_index.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/text/tokenizer.h"
#include "detector/util/per_thread.h"

namespace unspin {

struct LexiconOptions {
  // Longest window (in word tokens) looked up in the swap index.
  int max_window = 4;
  // States kept per word position in the sentence decoder.
  int beam = 8;
  // Log10 cost the decoder pays for a swap from the spinner table: a restoration must beat the
  // original by this much to be chosen.
  double table_swap_penalty = 0.0;
  // The same for swaps attested only in a general thesaurus (less likely to be a spinner's).
  double thesaurus_swap_penalty = 1.5;
  // Chosen swaps whose association gain is below this (log10) are not proposed.
  double min_association_gain = 0.0;
  // Thesaurus candidates are considered only where the text is surprising: the window's first
  // word and the word after the window both fit their left context worse than this
  // (log10 P(w | history) - log10 P(w)). Spinner-table candidates are always considered.
  double thesaurus_surprise_gate = 0.5;
  // ... and at least one of the two fits worse than this. Mild surprise at both edges is common
  // in clean but unusual prose: requiring one clear break cut false alarms on clean text by a
  // quarter and the detector's time by a fifth, and lost mostly windows whose restoration was
  // wrong anyway. Stricter gates are faster still but miss spun news phrases ("China shut
  // partner": both edges near -0.55).
  double thesaurus_strong_surprise_gate = -0.5;
  // At most this many thesaurus candidates per window (the most frequent ones).
  int max_thesaurus_candidates = 6;
  // Candidates that lose to the original by more than this (log10) over their window and the
  // two words after it, everything else as written, are not decoded. Measured against 1.5: half
  // as many candidates reach the decoder and `check` takes a tenth less time on the bench
  // corpus, for 5 of the 2,533 tortured phrases of the development set (detected 0.718 ->
  // 0.716; restored, wild and clean text figures unchanged; where a restoration changes, the
  // decoder no longer pairs it with a neighbouring swap).
  double local_prune_margin = 0.5;
};

// One proposed restoration of a window, with the evidence for it.
struct LexiconCandidate {
  uint32_t first_token = 0;  // half-open token range of the spun window
  uint32_t end_token = 0;
  std::string replacement;      // canonical phrase, lower case (the detector restores case)
  uint8_t sources = 0;          // SwapSource bits of the swap
  double raw_gain = 0;          // log10 P(context with candidate) - log10 P(context with window)
  double association_gain = 0;  // raw gain minus the candidate's unigram advantage
  double window_unigram = 0;    // sum of log10 unigram probabilities of the window's words
  int window_words = 0;         // words in the window
  bool window_unknown = false;  // a window word is outside the model's vocabulary
  // Word pairs around and inside the window that the language model does not store (it reaches
  // them only by backoff): spun windows break pairs a canonical text would have.
  int window_gaps = 0;
  // The same count with the candidate in the window's place.
  int candidate_gaps = 0;
  // Word pairs examined for each count (neighbours that are numbers or unknown are skipped).
  int pairs_checked = 0;
  // The candidate, alone (if several words) or with a neighbour, is a known multiword phrase
  // (WordNet, a user lexicon) and the original in the same place is not: "image
  // acknowledgement" -> "image recognition".
  bool repairs_phrase = false;
  // A repaired phrase (see above) reached through a spinner-table swap: both the swap and the
  // phrase were written by people (our tables; WordNet, the rule packs); only the composition is
  // inferred.
  bool restores_curated_phrase = false;
};

class LexiconDetector {
 public:
  // A canonical phrase ready for the decoder: its words' model ids and unigram weight, computed
  // once per phrase rather than once per window that proposes it. (Public only so that the
  // decoder's internal types in lexicon_detector.cc can point at it.)
  struct PreparedTarget {
    std::string canonical;      // lower case, words separated by spaces
    uint8_t sources = 0;        // SwapSource bits
    std::vector<uint32_t> ids;  // language-model ids of its words (hyphens dropped)
    double unigram = 0;         // sum of their log10 unigram probabilities
  };
  using PreparedTargets = std::vector<PreparedTarget>;
  struct ThreadCaches;  // lexicon_detector.cc
  struct WordFacts;     // lexicon_detector.cc

  // `lm` and `swaps` must outlive the detector. `thesaurus` may be null (no thesaurus
  // candidates). `inflections` (may be null: none) holds what compile_inflections recorded at
  // build time: for an inflected word, the thesaurus candidates of its lemma inflected like it
  // (InflectedCandidates below). `dictionary_words` (may be null: every word is) holds the
  // words a dictionary knows in lower case: a capitalized word starting a sentence is swapped
  // only when it is one, not a name. Both replace a dictionary loaded at run time.
  // `canonical_lexicons` hold known phrases (WordNet's, the restorations of the rule packs): a
  // restoration that forms one repairs a phrase. `corpus_lexicons` are learned from the user's own
  // clean corpus (`unspin lexicon build`): a phrase common there is canonical there, so a window
  // that forms one is never swapped, and a restoration that forms one repairs a phrase too.
  // `curated_lexicon` (may be null) holds hand-checked phrases (the curated terms: the term
  // lists and the rule packs' restorations); it counts as canonical like the others.
  LexiconDetector(const LanguageModel* lm, const SwapIndex* swaps, const Thesaurus* thesaurus,
                  std::vector<const PhraseLexicon*> canonical_lexicons,
                  const PhraseLexicon* curated_lexicon,
                  std::vector<const PhraseLexicon*> corpus_lexicons, const Thesaurus* inflections,
                  const PhraseLexicon* dictionary_words, LexiconOptions options);

  // A copy shares the same data and options (its caches start empty).
  LexiconDetector(const LexiconDetector& other)
      : LexiconDetector(other.lm_, other.swaps_, other.thesaurus_, other.canonical_lexicons_,
                        other.curated_lexicon_, other.corpus_lexicons_, other.inflections_,
                        other.dictionary_words_, other.options_) {}

  // Adds a corpus lexicon (see the constructor); it must outlive the detector. Add lexicons before
  // the first Propose: the per-thread caches remember answers given without it.
  void AddCorpusLexicon(const PhraseLexicon* lexicon);

  // Decodes each sentence: the most probable reading under the language model when any window
  // may be replaced by a canonical phrase it can stand for (paying a penalty per swap). Appends
  // the swaps of that reading whose association gain reaches options.min_association_gain.
  // Windows inside quotations, with names or with numbers are never swapped. Thread-safe.
  void Propose(const TokenizedText& tokens, std::vector<LexiconCandidate>* out) const;

  // The thesaurus candidates of an inflected word through its lemmas, inflected the same way
  // ("studying" -> "learning", "learns" from "studies"): for each lemma the thesaurus knows,
  // the first of -s, past and -ing forms that gives the word. Computed for every inflected
  // form at build time (compile_inflections), read from `inflections` at run time.
  static std::vector<std::string> InflectedCandidates(const Thesaurus& thesaurus,
                                                      Morphology& morphology,
                                                      absl::string_view word);

 private:
  // The two sources of a window's candidates, prepared once per word type, table entry or
  // thesaurus phrase and cached, so a window costs hash probes, not allocations.
  // The swap index's targets for a window; sets *longer_forms when longer spun forms start with
  // it. `first` is the facts of the window's first word, `second` of its second word when the
  // window is two words (else null: the answer is not memoized by word pair).
  const PreparedTargets& TableTargets(absl::Span<const absl::string_view> window, WordFacts& first,
                                      const WordFacts* second, ThreadCaches& caches,
                                      bool* longer_forms) const;
  // Thesaurus candidates for a window (canonical phrases it can stand for, inflected like it),
  // most frequent first. `first` and `second` as for TableTargets.
  const PreparedTargets& ThesaurusTargets(absl::Span<const absl::string_view> window,
                                          WordFacts& first, const WordFacts* second,
                                          ThreadCaches& caches) const;
  // Whether a thesaurus phrase longer than `window` starts with it (`first` and `second` as for
  // TableTargets): most windows start none, and a window that cannot grow into one stops there.
  bool ThesaurusMayGrow(absl::Span<const absl::string_view> window, WordFacts& first,
                        const WordFacts* second, ThreadCaches& caches) const;
  // The facts of a word type (lower case), from this thread's cache.
  WordFacts& Facts(absl::string_view word, ThreadCaches& caches) const;
  std::vector<SwapTarget> ComputeWordCandidates(absl::string_view word) const;
  // Looks up each target's words in the language model; drops those it cannot score and those
  // made only of function words.
  PreparedTargets Prepare(absl::Span<const SwapTarget> targets) const;
  // Whether `middle`, alone or with the word left or right of it (or both), is a multiword
  // phrase of one of `lexicons`. Empty neighbours are not used.
  static bool FormsPhrase(absl::Span<const PhraseLexicon* const> lexicons,
                          const std::vector<absl::string_view>& middle, absl::string_view left,
                          absl::string_view right);
  // This thread's caches for this detector (created on first use): prepared targets and a memo
  // of lm_->LogProb. Per thread, so batch workers take a lock only when a thread first meets a
  // word (shared_words_).
  ThreadCaches& Caches() const;

  const LanguageModel* lm_;
  const SwapIndex* swaps_;
  const Thesaurus* thesaurus_;
  std::vector<const PhraseLexicon*> canonical_lexicons_;
  const PhraseLexicon* curated_lexicon_;
  std::vector<const PhraseLexicon*> corpus_lexicons_;
  // All of the above: canonical, curated, corpus.
  std::vector<const PhraseLexicon*> phrase_lexicons_;
  const Thesaurus* inflections_;
  const PhraseLexicon* dictionary_words_;
  LexiconOptions options_;
  // Prepared thesaurus targets by word for all threads: computing them is the expensive part
  // of a cache miss, so each word type is computed once; ThreadCaches point into it.
  mutable absl::Mutex shared_words_mu_;
  mutable absl::node_hash_map<std::string, PreparedTargets> shared_words_
      ABSL_GUARDED_BY(shared_words_mu_);
  PerThread<ThreadCaches> caches_;  // see Caches()
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_LEXICON_DETECTOR_H_
