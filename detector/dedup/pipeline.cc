#include "detector/dedup/pipeline.h"

#include <cmath>
#include <memory>
#include <utility>

#include "detector/dedup/parallel.h"
#include "detector/util/status_macros.h"

namespace unspin {
namespace dedup {

absl::StatusOr<std::vector<CorpusDocument>> FingerprintCorpus(const std::vector<std::string>& paths,
                                                              const Canonicalizer& canonicalizer,
                                                              const PipelineOptions& options) {
  const int jobs = ResolveJobs(options.jobs);
  std::vector<std::unique_ptr<Fingerprinter>> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.push_back(std::make_unique<Fingerprinter>(&canonicalizer, options.fingerprint));
  }
  CorpusReader reader(paths, options.corpus);
  std::vector<CorpusDocument> out;
  std::vector<InputDocument> batch;
  while (true) {
    UNSPIN_RETURN_IF_ERROR(reader.ReadBatch(&batch));
    if (batch.empty()) break;
    const size_t first = out.size();
    out.resize(first + batch.size());
    ParallelFor(batch.size(), jobs, [&](size_t i, int worker) {
      CorpusDocument& d = out[first + i];
      d.fingerprint = workers[worker]->Compute(batch[i].text);
      d.spin_score = options.spin_score ? options.spin_score(batch[i].id, batch[i].text) : NAN;
      d.id = std::move(batch[i].id);
      d.input = batch[i].input;
      d.line = batch[i].line;
    });
    if (options.progress) options.progress(reader.bytes_read(), reader.total_bytes());
  }
  return out;
}

}  // namespace dedup
}  // namespace unspin
