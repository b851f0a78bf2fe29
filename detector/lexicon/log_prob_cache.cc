#include "detector/lexicon/log_prob_cache.h"

namespace unspin {

// Empty slots hold a trigram no query asks through the cache with a model lookup: an unknown
// word after an unknown history, whose value the model returns without reading its tables.
LogProbCache::LogProbCache(const LanguageModel* lm, int log2_entries)
    : lm_(lm),
      shift_(32 - log2_entries),
      entries_(size_t{1} << log2_entries,
               Entry{kUnknownWord, kUnknownWord, kUnknownWord,
                     lm->LogProb(kUnknownWord, kUnknownWord, kUnknownWord)}) {}

}  // namespace unspin
