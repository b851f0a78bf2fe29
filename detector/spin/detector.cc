#include "detector/spin/detector.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "detector/spin/restorer.h"
#include "detector/util/fixed.h"

namespace unspin {
namespace {

// A finding before overlap resolution: from a rule match, a spun term or a lexicon swap.
struct Candidate {
  uint32_t first_token;
  uint32_t end_token;
  double confidence;
  Severity severity;
  const RuleMatch* match = nullptr;           // rule candidates
  const LexiconCandidate* lexicon = nullptr;  // lexicon candidates
  const TermMatch* term = nullptr;            // term candidates

  // Hand-checked before composed from curated parts before inferred.
  int rank() const { return match != nullptr ? 0 : term != nullptr ? 1 : 2; }
};

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

Detector::Detector(const RuleSet* rules, const LexiconDetector* lexicon, const TermMatcher* terms,
                   DetectorOptions options)
    : rules_(rules), lexicon_(lexicon), terms_(terms), options_(options) {}

DocumentReport Detector::Check(const Document& document) const {
  TokenizedText tokens = Tokenize(document.text());
  // Numbered once here, so that each detector finds a word's facts by index, not by hashing it.
  AssignWordTypes(&tokens);
  return Check(document, tokens);
}

double SpinScore(double confidence_sum, size_t word_count) {
  if (word_count == 0 || confidence_sum <= 0) return 0.0;
  // Density per 100 words, squashed to 0..1; ln 2 makes one finding per 100 words score 0.5.
  const double density = confidence_sum * 100.0 / static_cast<double>(word_count);
  return 1.0 - std::exp(-std::log(2.0) * density);
}

DocumentReport Detector::Check(const Document& document, const TokenizedText& tokens) const {
  DocumentReport report;
  const uint32_t token_count = static_cast<uint32_t>(tokens.tokens.size());
  // Paragraph of each token, and words per paragraph: the unit in which evidence combines.
  std::vector<uint32_t> paragraph_of(token_count, 0);
  std::vector<double> paragraph_words;
  for (uint32_t i = 0; i < token_count; ++i) {
    const Token& t = tokens.tokens[i];
    if ((t.flags & kParagraphStart) || paragraph_words.empty()) paragraph_words.push_back(0);
    paragraph_of[i] = static_cast<uint32_t>(paragraph_words.size() - 1);
    if (t.kind != TokenKind::kPunct) {
      ++report.word_count;
      ++paragraph_words.back();
    }
  }

  std::vector<RuleMatch> matches;
  if (rules_ != nullptr && options_.use_rules) rules_->Match(tokens, document.text(), &matches);
  std::vector<LexiconCandidate> swaps;
  if (lexicon_ != nullptr && options_.use_lexicon) lexicon_->Propose(tokens, &swaps);
  std::vector<TermMatch> terms;
  if (terms_ != nullptr && options_.use_lexicon) terms_->Match(tokens, &terms);

  std::vector<Candidate> candidates;
  candidates.reserve(matches.size() + terms.size() + swaps.size());
  std::vector<double> paragraph_evidence(paragraph_words.size(), 0.0);
  for (const RuleMatch& m : matches) {
    candidates.push_back(
        Candidate{m.first_token, m.end_token, m.rule->confidence, m.rule->severity, &m, nullptr});
    paragraph_evidence[paragraph_of[m.first_token]] += m.rule->confidence;
  }
  // Lexicon evidence (spun terms, then swaps): each item's own evidence as a logit, before its
  // neighbours weigh in.
  struct Inferred {
    uint32_t first_token, end_token;
    double own_logit;
    const LexiconCandidate* swap;
    const TermMatch* term;
  };
  std::vector<Inferred> inferred;
  inferred.reserve(terms.size() + swaps.size());
  for (const TermMatch& t : terms) {
    // Spinner-table swaps into a curated term are evidence on their own; a thesaurus or
    // term-table swap is too often a normal word choice ("energy facility" is not a spun
    // "energy efficiency", "residential structure" not a spun "residential building") unless
    // the text around it is spun too.
    const bool table_evidence =
        t.spinner_swaps_only || (t.anchored && (t.sources & kSwapFromSpinnerTable));
    const double logit =
        table_evidence ? (t.readings > 1 ? options_.ambiguous_term_logit : options_.term_logit)
        : t.anchored   ? options_.thesaurus_term_logit
                       : options_.unanchored_term_logit;
    inferred.push_back(Inferred{t.first_token, t.end_token, logit, nullptr, &t});
  }
  for (const LexiconCandidate& c : swaps) {
    double logit = options_.lexicon_bias +
                   options_.lexicon_association_weight * c.association_gain +
                   options_.lexicon_raw_weight * c.raw_gain;
    if (c.sources & kSwapFromSpinnerTable) logit += options_.lexicon_table_bonus;
    if (c.repairs_phrase) logit += options_.lexicon_phrase_bonus;
    inferred.push_back(Inferred{c.first_token, c.end_token, logit, &c, nullptr});
  }
  std::vector<double> own(inferred.size());
  // Only items that are convincing on their own count as evidence for others: weak swaps are
  // everywhere, spun or not, and must not lift each other.
  for (size_t i = 0; i < inferred.size(); ++i) {
    const double p = Logistic(inferred[i].own_logit);
    own[i] = p >= options_.lexicon_min_confidence ? p : 0.0;
    paragraph_evidence[paragraph_of[inferred[i].first_token]] += own[i];
  }
  double document_evidence = 0;
  for (double e : paragraph_evidence) document_evidence += e;
  for (size_t i = 0; i < inferred.size(); ++i) {
    const Inferred& c = inferred[i];
    const uint32_t p = paragraph_of[c.first_token];
    const double paragraph_density =
        (paragraph_evidence[p] - own[i]) * 100.0 / std::max(1.0, paragraph_words[p]);
    const double document_density = (document_evidence - own[i]) * 100.0 /
                                    std::max<double>(1.0, static_cast<double>(report.word_count));
    const double context =
        std::log1p(paragraph_density + options_.lexicon_document_weight * document_density);
    const double confidence = Logistic(c.own_logit + options_.lexicon_context_weight * context);
    if (confidence < options_.lexicon_min_confidence) continue;
    candidates.push_back(Candidate{c.first_token, c.end_token, confidence,
                                   confidence >= 0.8 ? Severity::kWarning : Severity::kInfo,
                                   nullptr, c.swap, c.term});
  }

  // Rules, then spun terms, then lexicon swaps (hand-checked beats inferred), then longest, then
  // most confident, then earliest: greedy selection keeps the best reading of each stretch.
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.rank() != b.rank()) return a.rank() < b.rank();
        const uint32_t la = a.end_token - a.first_token, lb = b.end_token - b.first_token;
        if (la != lb) return la > lb;
        if (a.confidence != b.confidence) return a.confidence > b.confidence;
        return a.first_token < b.first_token;
      });
  std::vector<Candidate> chosen;
  std::vector<bool> taken(token_count, false);
  for (const Candidate& c : candidates) {
    if (c.confidence < options_.min_confidence) continue;
    bool free = true;
    for (uint32_t i = c.first_token; i < c.end_token && free; ++i) free = !taken[i];
    if (!free) continue;
    for (uint32_t i = c.first_token; i < c.end_token; ++i) taken[i] = true;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate& a, const Candidate& b) { return a.first_token < b.first_token; });

  double confidence_sum = 0.0;
  const std::string& text = document.text();
  for (const Candidate& c : chosen) {
    bool quoted = false;
    for (uint32_t i = c.first_token; i < c.end_token; ++i) {
      if (tokens.tokens[i].in_quote()) quoted = true;
    }
    if (quoted && !options_.report_quoted) {
      ++report.quoted_matches;
      continue;
    }
    Finding f;
    f.text_begin = tokens.tokens[c.first_token].begin;
    f.text_end = tokens.tokens[c.end_token - 1].end;
    const SourceRange source = document.ToSource(f.text_begin, f.text_end);
    // Words the HTML parser reordered: no source bytes to point at or restore.
    if (source.begin == source.end) continue;
    f.source_begin = source.begin;
    f.source_end = source.end;
    const absl::string_view original =
        absl::string_view(text).substr(f.text_begin, f.text_end - f.text_begin);
    if (c.match != nullptr) {
      f.rule_id = c.match->rule->id;
      f.message = c.match->rule->message;
      f.replacement = MatchCase(original, *c.match->replacement);
    } else if (c.term != nullptr) {
      const TermMatch& t = *c.term;
      f.rule_id = "lexicon.term";
      f.replacement = MatchCase(original, t.term);
      // A restoration is curated (its fix may be safe) when the window is tied to one term by
      // more than thesaurus swaps: a word of the term as written next to a table swap; or a
      // word of the term, or table swaps including a spinner-table one, when the window reads
      // as that term only. On the development phrases 79% of these restore the term or part of
      // a longer one; the rest of the term matches about 35% (README, "Evaluation").
      const bool table = t.sources & (kSwapFromSpinnerTable | kSwapFromTermTable);
      const bool one_reading = t.readings == 1;
      f.curated_restoration =
          t.anchored ? (table || one_reading)
                     : (t.table_swaps_only && (t.sources & kSwapFromSpinnerTable) && one_reading);
      f.message =
          absl::StrCat("\"", original, "\" reads like the term \"", f.replacement, "\" spun (",
                       t.swapped_words, " word", t.swapped_words == 1 ? "" : "s",
                       " swapped through ", table ? "the swap tables" : "the thesaurus");
      if (t.readings > 1) absl::StrAppend(&f.message, "; ", t.readings, " terms fit");
      f.message.push_back(')');
    } else {
      const LexiconCandidate& l = *c.lexicon;
      const bool table = l.sources & kSwapFromSpinnerTable;
      f.rule_id = table ? "lexicon.swap" : "lexicon.thesaurus";
      f.replacement = MatchCase(original, l.replacement);
      f.curated_restoration = l.restores_curated_phrase;
      f.message = absl::StrCat("\"", original, "\" reads like a spun \"", f.replacement,
                               "\" (association gain ", Fixed(l.association_gain, 2), ", raw gain ",
                               Fixed(l.raw_gain, 2), "; ",
                               table ? "a known spinner swap" : "thesaurus swap", ")");
    }
    f.confidence = c.confidence;
    f.severity = c.severity;
    f.in_quote = quoted;
    confidence_sum += f.confidence;
    report.findings.push_back(std::move(f));
  }
  report.spin_score = SpinScore(confidence_sum, report.word_count);
  return report;
}

}  // namespace unspin
