#include "detector/lexicon/phrase_key.h"

#include <algorithm>

#include "detector/text/tokenizer.h"

namespace unspin {

namespace {

// Lower-case ASCII words (all letters or all digits) separated by single spaces: the tokenizer
// would return them unchanged. Most keys built at start-up (curated terms) look like this.
bool IsPlainKey(absl::string_view raw) {
  if (raw.empty() || raw.front() == ' ' || raw.back() == ' ') return false;
  bool letters = false, digits = false;
  char previous = ' ';
  for (char c : raw) {
    if (c == ' ') {
      if (previous == ' ') return false;
      letters = digits = false;
    } else if (c >= 'a' && c <= 'z') {
      letters = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
    } else {
      return false;
    }
    if (letters && digits) return false;
    previous = c;
  }
  return true;
}

}  // namespace

std::string NormalizePhrase(absl::string_view raw) {
  if (IsPlainKey(raw)) return std::string(raw);
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
