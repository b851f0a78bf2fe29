#include "detector/lexicon/wordnet_sources.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "detector/lexicon/phrase_lexicon.h"

namespace unspin {
namespace {

absl::Status LineError(absl::string_view name, size_t line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", what));
}

uint8_t PosFromLetter(absl::string_view letter) {
  if (letter == "n") return kPosNoun;
  if (letter == "v") return kPosVerb;
  if (letter == "a" || letter == "s") return kPosAdjective;
  if (letter == "r") return kPosAdverb;
  return 0;
}

uint8_t PosFromSynsetType(char digit) {
  switch (digit) {
    case '1':
      return kPosNoun;
    case '2':
      return kPosVerb;
    case '3':
    case '5':
      return kPosAdjective;
    case '4':
      return kPosAdverb;
  }
  return 0;
}

}  // namespace

absl::Status ParseWordNetIndex(absl::string_view text, absl::string_view name,
                               const WordNetLemmaSink& sink) {
  size_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (line.empty() || absl::StartsWith(line, "  ")) continue;
    std::vector<absl::string_view> f = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int synsets = 0;
    if (f.size() < 4 || !absl::SimpleAtoi(f[2], &synsets) || synsets < 0) {
      return LineError(name, line_no, "expected 'lemma pos synset_cnt p_cnt ...'");
    }
    const uint8_t pos = PosFromLetter(f[1]);
    if (pos == 0) return LineError(name, line_no, absl::StrCat("unknown pos '", f[1], "'"));
    sink(f[0], pos, synsets);
  }
  return absl::OkStatus();
}

absl::Status ParseCntList(absl::string_view text, absl::string_view name,
                          const WordNetCountSink& sink) {
  size_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (line.empty()) continue;
    std::vector<absl::string_view> f = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int count = 0;
    const size_t percent = f.empty() ? absl::string_view::npos : f[0].find('%');
    if (f.size() != 3 || percent == absl::string_view::npos || percent + 1 >= f[0].size() ||
        !absl::SimpleAtoi(f[2], &count) || count < 0) {
      return LineError(name, line_no, "expected 'lemma%ss_type:... sense_number tag_cnt'");
    }
    const uint8_t pos = PosFromSynsetType(f[0][percent + 1]);
    if (pos == 0) return LineError(name, line_no, "unknown synset type in sense key");
    sink(f[0].substr(0, percent), pos, count);
  }
  return absl::OkStatus();
}

}  // namespace unspin
