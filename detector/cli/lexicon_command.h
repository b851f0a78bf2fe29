// unspin lexicon build: learns a corpus phrase lexicon (the frequent collocations of a user's
// own clean articles) that the lexicon detector then treats as canonical.
//
//   unspin lexicon build [--min-count=N] [--min-docs=N] [--max-words=N] CORPUS... -o FILE
//
// The library half is exposed for tests; RunLexiconCommand (commands.h) prints and exits.
#ifndef UNSPIN_DETECTOR_CLI_LEXICON_COMMAND_H_
#define UNSPIN_DETECTOR_CLI_LEXICON_COMMAND_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "detector/lexicon/corpus_phrases.h"
#include "detector/text/input.h"

namespace unspin {

struct LexiconBuildResult {
  CorpusPhraseStats stats;
  size_t phrases = 0;  // entries written
};

// Reads every path as documents (plain text, HTML, Markdown or JSON Lines per `input`), learns
// phrases and writes the lexicon to `out` atomically. Nothing is written on error.
absl::StatusOr<LexiconBuildResult> BuildCorpusLexicon(const std::vector<std::string>& paths,
                                                      const InputOptions& input,
                                                      const CorpusPhraseOptions& options,
                                                      const std::string& out);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_LEXICON_COMMAND_H_
