#include "detector/spin/detector.h"

#include <algorithm>
#include <cmath>

#include "detector/spin/restorer.h"

namespace unspin {
namespace {

// A candidate before overlap resolution.
struct Candidate {
  uint32_t first_token;
  uint32_t end_token;
  const RuleMatch* match;
};

}  // namespace

Detector::Detector(const RuleSet* rules, DetectorOptions options)
    : rules_(rules), options_(options) {}

DocumentReport Detector::Check(const Document& document) const {
  return Check(document, Tokenize(document.text()));
}

double SpinScore(double confidence_sum, size_t word_count) {
  if (word_count == 0 || confidence_sum <= 0) return 0.0;
  // Density per 100 words, squashed to 0..1; ln 2 makes one finding per 100 words score 0.5.
  const double density = confidence_sum * 100.0 / static_cast<double>(word_count);
  return 1.0 - std::exp(-std::log(2.0) * density);
}

DocumentReport Detector::Check(const Document& document, const TokenizedText& tokens) const {
  DocumentReport report;
  for (const Token& t : tokens.tokens) {
    if (t.kind != TokenKind::kPunct) ++report.word_count;
  }
  std::vector<RuleMatch> matches;
  if (rules_ != nullptr && options_.use_rules) rules_->Match(tokens, document.text(), &matches);

  std::vector<Candidate> candidates;
  candidates.reserve(matches.size());
  for (const RuleMatch& m : matches) {
    if (m.rule->confidence < options_.min_confidence) continue;
    candidates.push_back(Candidate{m.first_token, m.end_token, &m});
  }
  // Longest first, then most confident, then earliest: greedy selection keeps the best reading
  // of each stretch of text.
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        const uint32_t la = a.end_token - a.first_token, lb = b.end_token - b.first_token;
        if (la != lb) return la > lb;
        if (a.match->rule->confidence != b.match->rule->confidence) {
          return a.match->rule->confidence > b.match->rule->confidence;
        }
        return a.first_token < b.first_token;
      });
  std::vector<Candidate> chosen;
  std::vector<bool> taken(tokens.tokens.size(), false);
  for (const Candidate& c : candidates) {
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
    const Rule& rule = *c.match->rule;
    Finding f;
    f.text_begin = tokens.tokens[c.first_token].begin;
    f.text_end = tokens.tokens[c.end_token - 1].end;
    const SourceRange source = document.ToSource(f.text_begin, f.text_end);
    f.source_begin = source.begin;
    f.source_end = source.end;
    f.rule_id = rule.id;
    f.message = rule.message;
    f.replacement =
        MatchCase(absl::string_view(text).substr(f.text_begin, f.text_end - f.text_begin),
                  *c.match->replacement);
    f.confidence = rule.confidence;
    f.severity = rule.severity;
    f.in_quote = quoted;
    confidence_sum += f.confidence;
    report.findings.push_back(std::move(f));
  }
  report.spin_score = SpinScore(confidence_sum, report.word_count);
  return report;
}

}  // namespace unspin
