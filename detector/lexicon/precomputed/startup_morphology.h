// The Morphology Engine::Create uses: with the default dictionaries, answers recorded at build
// time (morphology_cache.h) so start-up does not load Hunspell; with other dictionaries, the
// real Morphology.
//
//   absl::StatusOr<std::unique_ptr<unspin::Morphology>> m =
//       unspin::CreateStartupMorphology(options.morphology);
#ifndef UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_STARTUP_MORPHOLOGY_H_
#define UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_STARTUP_MORPHOLOGY_H_

#include <memory>

#include "absl/status/statusor.h"
#include "detector/lexicon/morphology.h"

namespace unspin {

absl::StatusOr<std::unique_ptr<Morphology>> CreateStartupMorphology(
    const MorphologyOptions& options);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_STARTUP_MORPHOLOGY_H_
