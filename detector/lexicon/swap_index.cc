#include "detector/lexicon/swap_index.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace {

std::vector<std::string> Words(absl::string_view phrase) {
  const TokenizedText t = Tokenize(phrase);
  std::vector<std::string> out;
  out.reserve(t.tokens.size());
  for (const Token& tok : t.tokens) out.emplace_back(t.Norm(tok));
  return out;
}

}  // namespace

void SwapIndex::Add(const std::vector<std::string>& spun, const std::string& canonical,
                    uint8_t source) {
  if (spun.empty() || canonical.empty()) return;
  const std::string key = absl::StrJoin(spun, " ");
  if (key == canonical) return;  // tables list the word itself among its synonyms
  std::vector<SwapTarget>& targets = entries_[key].targets;
  for (SwapTarget& t : targets) {
    if (t.canonical == canonical) {
      t.sources |= source;
      return;
    }
  }
  if (targets.empty()) ++spun_forms_;
  targets.push_back(SwapTarget{canonical, source});
  if (spun.size() > max_words_) max_words_ = spun.size();
  std::string prefix;
  for (size_t i = 0; i + 1 < spun.size(); ++i) {
    if (i > 0) prefix.push_back(' ');
    prefix += spun[i];
    entries_[prefix].longer_forms = true;
  }
}

absl::Status SwapIndex::AddTable(absl::string_view text, const std::string& file,
                                 Morphology* morphology, uint8_t source) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos || colon == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(file, ":", line_number, ": expected `CANONICAL: SPUN | SPUN ...`"));
    }
    PhraseVariant pair;
    pair.restored = Words(line.substr(0, colon));
    for (absl::string_view spun : absl::StrSplit(line.substr(colon + 1), '|')) {
      spun = absl::StripAsciiWhitespace(spun);
      if (spun.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(file, ":", line_number, ": empty alternative"));
      }
      pair.spun = Words(spun);
      if (pair.spun == pair.restored) continue;
      Add(pair.spun, absl::StrJoin(pair.restored, " "), source);
      if (morphology == nullptr) continue;
      for (const PhraseVariant& v : InflectPhrasePair(*morphology, pair, PairInflection::kAuto)) {
        Add(v.spun, absl::StrJoin(v.restored, " "), source);
      }
    }
  }
  return absl::OkStatus();
}

absl::Span<const SwapTarget> SwapIndex::Find(absl::Span<const absl::string_view> words) const {
  return FindWithPrefix(words).targets;
}

SwapIndex::Lookup SwapIndex::FindWithPrefix(absl::Span<const absl::string_view> words) const {
  if (words.empty() || words.size() > max_words_) return {};
  thread_local std::string key;
  key.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) key.push_back(' ');
    key.append(words[i].data(), words[i].size());
  }
  auto it = entries_.find(key);
  if (it == entries_.end()) return {};
  return Lookup{it->second.targets, it->second.longer_forms};
}

}  // namespace unspin
