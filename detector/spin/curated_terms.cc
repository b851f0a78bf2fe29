#include "detector/spin/curated_terms.h"

#include "detector/spin/term_keys.h"

namespace unspin {

std::vector<std::string> RestorationTerms(const std::vector<RulePack>& packs, size_t first_pack) {
  TermKeys keys;
  keys.AddRestorations(packs, first_pack);
  return keys.Release();
}

PhraseLexiconBuilder CuratedPhrases(const std::vector<std::string>& keys) {
  PhraseLexiconBuilder builder;
  PhraseInfo curated;
  curated.sources = kFromCurated;
  for (const std::string& key : keys) builder.AddKey(key, curated);
  return builder;
}

}  // namespace unspin
