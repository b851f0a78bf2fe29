// Reads a corpus and fingerprints every document on several threads, in input order: the part
// `unspin dedup` and `unspin index` share.
//
//   unspin::dedup::PipelineOptions options;
//   options.jobs = 2;
//   options.spin_score = [&](const std::string& id, const std::string& text) { ... };
//   absl::StatusOr<std::vector<unspin::dedup::CorpusDocument>> docs =
//       unspin::dedup::FingerprintCorpus(paths, *canonicalizer, options);
#ifndef UNSPIN_DETECTOR_DEDUP_PIPELINE_H_
#define UNSPIN_DETECTOR_DEDUP_PIPELINE_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "detector/dedup/canonicalizer.h"
#include "detector/dedup/corpus.h"
#include "detector/dedup/fingerprint.h"

namespace unspin {
namespace dedup {

// Spin score of a document (0 = clean .. 1 = heavily spun); must be thread-safe.
using SpinScoreFn = std::function<double(const std::string& id, const std::string& text)>;

struct PipelineOptions {
  // How documents are found in the inputs.
  CorpusOptions corpus;
  // How texts become fingerprints.
  FingerprintOptions fingerprint;
  // Threads; <= 0 means every core.
  int jobs = 0;
  // Optional; documents get NaN ("unknown") without it.
  SpinScoreFn spin_score;
  // Called after each batch with (bytes read, total bytes); may be empty.
  std::function<void(size_t, size_t)> progress;
};

struct CorpusDocument {
  std::string id;
  size_t input = 0;  // index of the path it came from
  size_t line = 0;   // 1-based line in a JSONL input, 0 for whole files
  Fingerprint fingerprint;
  double spin_score = 0;
};

absl::StatusOr<std::vector<CorpusDocument>> FingerprintCorpus(const std::vector<std::string>& paths,
                                                              const Canonicalizer& canonicalizer,
                                                              const PipelineOptions& options);

}  // namespace dedup
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_DEDUP_PIPELINE_H_
