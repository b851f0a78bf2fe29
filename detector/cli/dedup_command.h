// Pieces `unspin dedup` and `unspin index` share: the flags that decide how a corpus is read
// and fingerprinted, the spin scorer, and progress on a terminal.
#ifndef UNSPIN_DETECTOR_CLI_DEDUP_COMMAND_H_
#define UNSPIN_DETECTOR_CLI_DEDUP_COMMAND_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "detector/cli/args.h"
#include "detector/dedup/canonicalizer.h"
#include "detector/dedup/pipeline.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/spin/engine.h"

namespace unspin {

// Flags shared by dedup and index commands.
struct CorpusFlags {
  std::string field = "text";   // --field
  std::string id_field = "id";  // --id-field
  int jobs = 0;                 // --jobs (0: all cores)
  bool no_spin_score = false;   // --no-spin-score
  bool no_thesaurus = false;    // --no-thesaurus
  std::string data_dir;         // --data-dir (compiled thesaurus; default: found automatically)
};

void AddCorpusFlags(ArgParser* parser, CorpusFlags* flags);

// Everything needed to fingerprint documents the way indexes and dedup agree on.
struct DedupSetup {
  std::unique_ptr<dedup::Canonicalizer> canonicalizer;
  std::unique_ptr<Engine> engine;  // null with --no-spin-score
  // Synonym classes for canonical shingles; null when no compiled thesaurus was found or with
  // --no-thesaurus. Indexes record which: one built with it is rejected without it.
  std::unique_ptr<Thesaurus> thesaurus;
  dedup::PipelineOptions pipeline;
  uint64_t params = 0;  // FingerprintParamsHash, stored in and checked against indexes
};

// `command` names the command in progress lines ("dedup", "index build").
absl::StatusOr<DedupSetup> MakeDedupSetup(const CorpusFlags& flags, const std::string& command);

// Ends a progress line on stderr if one was drawn.
void FinishProgress();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_DEDUP_COMMAND_H_
