// Prints the phrase of every compiled rule variant (built-in packs, inflected), one per line,
// sorted: bench/speed gives `grep -F -f` exactly the phrases the rule matcher looks for.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "detector/spin/engine.h"

int main() {
  unspin::EngineOptions options;
  options.lexicon = false;
  absl::StatusOr<std::unique_ptr<unspin::Engine>> engine = unspin::Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "variant_phrases: %s\n", std::string(engine.status().message()).c_str());
    return 2;
  }
  std::vector<std::string> phrases = (*engine)->rules().VariantPhrases();
  std::sort(phrases.begin(), phrases.end());
  for (std::string& p : phrases) {
    // Written as text writes them: "purpose - constructed" is "purpose-constructed", "china 's"
    // is "china's".
    std::string text;
    for (size_t i = 0; i < p.size(); ++i) {
      if (p.compare(i, 3, " - ") == 0) {
        text += '-';
        i += 2;
      } else if (p.compare(i, 3, " '") == 0 && i + 2 < p.size() && p[i + 2] == 's') {
        text += "'";
        i += 1;
      } else {
        text += p[i];
      }
    }
    std::printf("%s\n", text.c_str());
  }
  return 0;
}
