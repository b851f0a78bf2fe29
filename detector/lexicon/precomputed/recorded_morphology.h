// The Morphology answers start-up needs, recorded at build time against the system's Hunspell
// dictionaries (see detector/lexicon/morphology_cache.h and record_morphology.cc).
#ifndef UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_RECORDED_MORPHOLOGY_H_
#define UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_RECORDED_MORPHOLOGY_H_

#include <vector>

#include "detector/util/embedded_file.h"

namespace unspin {

// One file: the answers in the format CreateCachedMorphology reads.
const std::vector<EmbeddedFile>& RecordedMorphologyFiles();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_PRECOMPUTED_RECORDED_MORPHOLOGY_H_
