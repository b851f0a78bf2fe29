#include "detector/lexicon/precomputed/startup_morphology.h"

#include "detector/lexicon/morphology_cache.h"
#include "detector/lexicon/precomputed/recorded_morphology.h"

namespace unspin {

absl::StatusOr<std::unique_ptr<Morphology>> CreateStartupMorphology(
    const MorphologyOptions& options) {
  const MorphologyOptions defaults;
  // The recorded answers hold for the dictionaries they were recorded with only.
  if (options.hunspell_aff != defaults.hunspell_aff ||
      options.hunspell_dic != defaults.hunspell_dic ||
      options.wordnet_dir != defaults.wordnet_dir || RecordedMorphologyFiles().empty()) {
    return Morphology::Create(options);
  }
  return CreateCachedMorphology(options, RecordedMorphologyFiles().front().text);
}

}  // namespace unspin
