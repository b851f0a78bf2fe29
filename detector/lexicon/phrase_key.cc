#include "detector/lexicon/phrase_key.h"

#include <algorithm>

#include "detector/text/tokenizer.h"

namespace unspin {

std::string NormalizePhrase(absl::string_view raw) {
  std::string spaced(raw);
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  const TokenizedText tokens = Tokenize(spaced);
  std::string key;
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (i > 0) key += ' ';
    const absl::string_view norm = tokens.Norm(i);
    key.append(norm.data(), norm.size());
  }
  return key;
}

int KeyWordCount(absl::string_view key) {
  if (key.empty()) return 0;
  return 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
}

}  // namespace unspin
