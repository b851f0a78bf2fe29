// Development tool: prints every swap the lexicon detector proposes in a file, with its evidence,
// as tab-separated values — the data for calibrating how evidence becomes confidence
// (DetectorOptions). Not part of the product; build with
//   bazel build //tools:lexicon_features
// and run it on a text file (one document per line works as in the evaluation sets).
//
// Columns: line start end text replacement association_gain raw_gain table words
//          paragraph_rule_evidence paragraph_words window_gaps candidate_gaps pairs_checked
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "detector/spin/engine.h"
#include "detector/text/document.h"
#include "detector/text/tokenizer.h"
#include "detector/util/file_io.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lexicon_features FILE\n");
    return 2;
  }
  absl::StatusOr<std::string> bytes = unspin::ReadFileToString(argv[1]);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", std::string(bytes.status().message()).c_str());
    return 2;
  }
  absl::StatusOr<std::unique_ptr<unspin::Engine>> engine = unspin::Engine::Create({});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", std::string(engine.status().message()).c_str());
    return 2;
  }
  const std::string& text = *bytes;
  std::vector<size_t> line_starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  const unspin::TokenizedText tokens = unspin::Tokenize(text);
  // Paragraph rule evidence and words, as the detector computes them.
  std::vector<uint32_t> paragraph_of(tokens.tokens.size());
  std::vector<double> words, evidence;
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    if ((tokens.tokens[i].flags & unspin::kParagraphStart) || words.empty()) {
      words.push_back(0);
      evidence.push_back(0);
    }
    paragraph_of[i] = words.size() - 1;
    if (tokens.tokens[i].kind != unspin::TokenKind::kPunct) ++words.back();
  }
  std::vector<unspin::RuleMatch> matches;
  (*engine)->rules().Match(tokens, text, &matches);
  for (const unspin::RuleMatch& m : matches)
    evidence[paragraph_of[m.first_token]] += m.rule->confidence;
  std::vector<unspin::LexiconCandidate> swaps;
  (*engine)->lexicon()->Propose(tokens, &swaps);
  for (const unspin::LexiconCandidate& c : swaps) {
    const size_t begin = tokens.tokens[c.first_token].begin;
    const size_t end = tokens.tokens[c.end_token - 1].end;
    const size_t line =
        std::upper_bound(line_starts.begin(), line_starts.end(), begin) - line_starts.begin() - 1;
    const uint32_t p = paragraph_of[c.first_token];
    std::printf("%zu\t%zu\t%zu\t%s\t%s\t%.3f\t%.3f\t%d\t%d\t%.2f\t%.0f\t%d\t%d\t%d\t%d\n", line,
                begin - line_starts[line], end - line_starts[line],
                text.substr(begin, end - begin).c_str(), c.replacement.c_str(), c.association_gain,
                c.raw_gain, (c.sources & unspin::kSwapFromSpinnerTable) ? 1 : 0, c.window_words,
                evidence[p], words[p], c.window_gaps, c.candidate_gaps, c.pairs_checked,
                c.repairs_phrase ? 1 : 0);
  }
  return 0;
}
