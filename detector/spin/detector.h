// The detector turns a document into findings: rule matches (and, when configured, lexicon
// evidence) over its tokens, with overlaps resolved, quoted speech left alone and restorations
// cased to match the text, plus a document spin score.
//
//   unspin::Detector detector(rules.get(), unspin::DetectorOptions{});
//   unspin::DocumentReport report = detector.Check(doc);
//   for (const unspin::Finding& f : report.findings) ...
//   std::string fixed = unspin::ApplyRestorations(doc.source(), report.findings);
//
// Check() is const and thread-safe: one Detector serves many threads.
#ifndef UNSPIN_DETECTOR_SPIN_DETECTOR_H_
#define UNSPIN_DETECTOR_SPIN_DETECTOR_H_

#include <cstddef>
#include <vector>

#include "detector/rules/matcher.h"
#include "detector/spin/finding.h"
#include "detector/spin/lexicon_detector.h"
#include "detector/spin/term_matcher.h"
#include "detector/text/document.h"
#include "detector/text/tokenizer.h"

namespace unspin {

struct DetectorOptions {
  // Report findings inside quotations too. Spinners leave quoted speech alone, so by default
  // matches there are counted (DocumentReport::quoted_matches) but not reported.
  bool report_quoted = false;
  // Findings below this confidence are dropped.
  double min_confidence = 0.0;
  // Run the rule packs.
  bool use_rules = true;
  // Run the lexicon detector and the term matcher (those the detector has).
  bool use_lexicon = true;
  // How lexicon evidence becomes confidence: a logistic model over the swap's own evidence and the
  // spin around it, fitted on development data (README, "Evaluation") and rounded.
  // Logit of a swap with no evidence at all.
  double lexicon_bias = -5.0;
  // Logits per unit (log10) of association gain.
  double lexicon_association_weight = 0.5;
  // Logits per unit (log10) of raw language-model gain.
  double lexicon_raw_weight = 0.4;
  // Logits for a swap from the spinner table rather than only a general thesaurus.
  double lexicon_table_bonus = 1.5;
  // Logits when the restoration forms a known phrase that the original does not.
  double lexicon_phrase_bonus = 2.0;
  // Logits per unit of log(1 + spin density around the swap), where spin density is the
  // confidence-weighted findings per 100 words of its paragraph other than itself: a strong
  // signature nearby raises its neighbours.
  double lexicon_context_weight = 3.4;
  // Weight of the whole document's spin density next to the paragraph's, for documents whose
  // paragraphs are too short to carry evidence of their own.
  double lexicon_document_weight = 1.0;
  // Lexicon findings below this confidence are not reported.
  double lexicon_min_confidence = 0.7;
  // Logit of a spun curated term (TermMatcher) reached through spinner-table swaps (all of
  // them, or some next to a word of the term as written), before the
  // spin around it weighs in: logistic(2.2) = 0.9, the safe-fix threshold for curated
  // restorations (fix_policy.h), since both the term and the swaps were written by people.
  double term_logit = 2.2;
  // The same when the window can be read as other terms too: a guess between them, reported
  // (logistic(0.5) = 0.62 < lexicon_min_confidence) only with spin around it.
  double ambiguous_term_logit = 0.5;
  // The same when a swap is only in the general thesaurus: not reported (below
  // lexicon_min_confidence) unless the paragraph or document shows other spin.
  double thesaurus_term_logit = -1.0;
  // The same when no word of the term stands as written and some swap is only in the
  // thesaurus ("tall hazard" for "high risk"): it needs more spin around it still.
  double unanchored_term_logit = -2.5;
};

struct DocumentReport {
  // Sorted by position; no two overlap.
  std::vector<Finding> findings;
  // Words (and numbers) in the document, the denominator of densities.
  size_t word_count = 0;
  // Matches suppressed because they were inside quotations.
  size_t quoted_matches = 0;
  // 0..1: how strongly the document as a whole looks spun. It grows with the confidence-weighted
  // density of findings: one confident finding per 100 words gives about 0.5.
  double spin_score = 0.0;
};

class Detector {
 public:
  // `rules`, `lexicon` and `terms` may be null (no rule, lexicon or term detection); they must
  // outlive the detector. Lexicon and term detection together are the lexicon detectors
  // (DetectorOptions::use_lexicon).
  Detector(const RuleSet* rules, const LexiconDetector* lexicon, const TermMatcher* terms,
           DetectorOptions options);
  Detector(const RuleSet* rules, const LexiconDetector* lexicon, DetectorOptions options)
      : Detector(rules, lexicon, nullptr, options) {}
  Detector(const RuleSet* rules, DetectorOptions options)
      : Detector(rules, nullptr, nullptr, options) {}

  DocumentReport Check(const Document& document) const;
  // The same on already tokenized text (tokens from Tokenize(document.text())).
  DocumentReport Check(const Document& document, const TokenizedText& tokens) const;

  const DetectorOptions& options() const { return options_; }

 private:
  const RuleSet* rules_;
  const LexiconDetector* lexicon_;
  const TermMatcher* terms_;
  DetectorOptions options_;
};

// The spin score for a confidence sum over a number of words (exposed for tests and dedup).
double SpinScore(double confidence_sum, size_t word_count);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_SPIN_DETECTOR_H_
