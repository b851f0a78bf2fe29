#include "detector/lexicon/thesaurus_sources.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "detector/lexicon/thesaurus.h"

namespace unspin {
namespace {

absl::Status LineError(absl::string_view name, size_t line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", what));
}

uint16_t PartOfSpeechFlag(absl::string_view pos) {
  if (pos == "noun" || pos == "n") return kNoun;
  if (pos == "verb" || pos == "v") return kVerb;
  if (pos == "adj" || pos == "a" || pos == "s") return kAdjective;
  if (pos == "adv" || pos == "r") return kAdverb;
  return 0;
}

// Splits "word (generic term)" into the word and its relation flag; antonyms give 0.
uint16_t MyThesRelation(absl::string_view* term) {
  struct Marker {
    absl::string_view suffix;
    uint16_t flag;
  };
  static constexpr Marker kMarkers[] = {{"(generic term)", kGeneric},
                                        {"(similar term)", kSimilar},
                                        {"(related term)", kRelated},
                                        {"(antonym)", 0}};
  for (const Marker& m : kMarkers) {
    if (absl::EndsWith(*term, m.suffix)) {
      term->remove_suffix(m.suffix.size());
      *term = absl::StripTrailingAsciiWhitespace(*term);
      return m.flag;
    }
  }
  return kSynonym;
}

inline uint16_t ReadU16BigEndian(absl::string_view data, size_t pos) {
  return static_cast<uint16_t>(static_cast<uint8_t>(data[pos]) << 8 |
                               static_cast<uint8_t>(data[pos + 1]));
}

}  // namespace

absl::Status ParseMyThes(absl::string_view text, absl::string_view name,
                         const SynonymPairSink& sink) {
  // A final newline would otherwise read as an empty sense line.
  std::vector<absl::string_view> lines =
      absl::StrSplit(absl::StripTrailingAsciiWhitespace(text), '\n');
  if (lines.empty()) return LineError(name, 1, "empty file");
  // The first line names the encoding; only UTF-8 (and its ASCII subset) is read.
  const absl::string_view encoding = absl::StripAsciiWhitespace(lines[0]);
  if (encoding != "UTF-8" && encoding != "ISO8859-1" && encoding != "ASCII") {
    return LineError(name, 1, absl::StrCat("unknown encoding line '", encoding, "'"));
  }
  if (encoding == "ISO8859-1") {
    return LineError(name, 1, "ISO8859-1 thesauri are not supported; convert to UTF-8");
  }
  size_t i = 1;
  while (i < lines.size()) {
    const absl::string_view header = absl::StripTrailingAsciiWhitespace(lines[i]);
    if (header.empty()) {
      ++i;
      continue;
    }
    const size_t bar = header.rfind('|');
    int senses = 0;
    if (bar == absl::string_view::npos || !absl::SimpleAtoi(header.substr(bar + 1), &senses) ||
        senses < 0) {
      return LineError(name, i + 1, "expected 'word|number of senses'");
    }
    const absl::string_view head = header.substr(0, bar);
    for (int k = 0; k < senses; ++k) {
      const size_t line_no = i + 1 + k;
      if (line_no >= lines.size()) {
        return LineError(name, lines.size(), "file ends inside an entry");
      }
      std::vector<absl::string_view> fields =
          absl::StrSplit(absl::StripTrailingAsciiWhitespace(lines[line_no]), '|');
      if (fields.size() < 2 || !absl::StartsWith(fields[0], "(") ||
          !absl::EndsWith(fields[0], ")")) {
        return LineError(name, line_no + 1, "expected '(pos)|synonym|...'");
      }
      const uint16_t pos = PartOfSpeechFlag(fields[0].substr(1, fields[0].size() - 2));
      for (size_t f = 1; f < fields.size(); ++f) {
        absl::string_view term = absl::StripAsciiWhitespace(fields[f]);
        const uint16_t relation = MyThesRelation(&term);
        if (relation == 0 || term.empty()) continue;
        sink(head, term, static_cast<uint16_t>(kFromMyThes | relation | pos));
      }
    }
    i += 1 + static_cast<size_t>(senses);
  }
  return absl::OkStatus();
}

absl::Status ParseWordNetData(absl::string_view text, absl::string_view name,
                              const SynonymPairSink& sink) {
  size_t line_no = 0;
  std::vector<absl::string_view> members;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (line.empty() || absl::StartsWith(line, "  ")) continue;  // licence header
    std::vector<absl::string_view> f = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int count = 0;
    if (f.size() < 4 || !absl::SimpleHexAtoi(f[3], &count) || count <= 0 ||
        f.size() < 4 + 2 * static_cast<size_t>(count)) {
      return LineError(name, line_no, "expected 'offset lexfile ss_type w_cnt word lex_id ...'");
    }
    const uint16_t pos = PartOfSpeechFlag(f[2]);
    if (pos == 0) return LineError(name, line_no, absl::StrCat("unknown ss_type '", f[2], "'"));
    members.clear();
    for (int k = 0; k < count; ++k) {
      absl::string_view word = f[4 + 2 * k];
      // Adjective position markers: "(a)" attributive, "(p)" predicative, "(ip)" postnominal.
      if (absl::EndsWith(word, ")")) {
        const size_t open = word.rfind('(');
        if (open != absl::string_view::npos) word = word.substr(0, open);
      }
      members.push_back(word);
    }
    const uint16_t flags = static_cast<uint16_t>(kFromWordNet | kSynonym | pos);
    for (const absl::string_view a : members) {
      for (const absl::string_view b : members) {
        if (a != b) sink(a, b, flags);
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ParseAiksaurus(absl::string_view words_dat, absl::string_view meanings_dat,
                            const SynonymPairSink& sink) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < words_dat.size()) {
    const size_t nul = words_dat.find('\0', pos);
    if (nul == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("aiksaurus words.dat: record ", words.size(), " has no NUL"));
    }
    std::string word(words_dat.substr(pos, nul - pos));
    for (char& c : word) {
      if (c == ':') c = ' ';
    }
    words.push_back(std::move(word));
    pos = nul + 1;
    // Skip the record's meaning ids: the meanings file lists members, which is all we need.
    while (true) {
      if (pos + 2 > words_dat.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("aiksaurus words.dat: record ", words.size() - 1, " is truncated"));
      }
      const uint16_t id = ReadU16BigEndian(words_dat, pos);
      pos += 2;
      if (id == 0xFFFF) break;
    }
  }
  std::vector<uint16_t> members;
  size_t meaning = 0;
  pos = 0;
  while (pos < meanings_dat.size()) {
    if (pos + 4 > meanings_dat.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("aiksaurus meanings.dat: meaning ", meaning, " is truncated"));
    }
    pos += 4;  // the two title words, which are also members
    members.clear();
    while (true) {
      if (pos + 2 > meanings_dat.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("aiksaurus meanings.dat: meaning ", meaning, " is truncated"));
      }
      const uint16_t id = ReadU16BigEndian(meanings_dat, pos);
      pos += 2;
      if (id == 0xFFFF) break;
      if (id >= words.size()) {
        return absl::InvalidArgumentError(absl::StrCat("aiksaurus meanings.dat: meaning ", meaning,
                                                       " names word ", id, " of ", words.size()));
      }
      members.push_back(id);
    }
    const uint16_t flags = kFromAiksaurus | kSynonym;
    for (const uint16_t a : members) {
      for (const uint16_t b : members) {
        if (a != b) sink(words[a], words[b], flags);
      }
    }
    ++meaning;
  }
  return absl::OkStatus();
}

}  // namespace unspin
