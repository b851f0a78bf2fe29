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
#include "detector/spin/engine.h"

namespace unspin {

// Flags shared by dedup and index commands.
struct CorpusFlags {
  std::string field = "text";   // --field
  std::string id_field = "id";  // --id-field
  int jobs = 0;                 // --jobs (0: all cores)
  bool no_spin_score = false;   // --no-spin-score
};

void AddCorpusFlags(ArgParser* parser, CorpusFlags* flags);

// Everything needed to fingerprint documents the way indexes and dedup agree on.
struct DedupSetup {
  std::unique_ptr<dedup::Canonicalizer> canonicalizer;
  std::unique_ptr<Engine> engine;  // null with --no-spin-score
  dedup::PipelineOptions pipeline;
  uint64_t params = 0;  // FingerprintParamsHash, stored in and checked against indexes
};

// `command` names the command in progress lines ("dedup", "index build").
absl::StatusOr<DedupSetup> MakeDedupSetup(const CorpusFlags& flags, const std::string& command);

// Ends a progress line on stderr if one was drawn.
void FinishProgress();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_DEDUP_COMMAND_H_
