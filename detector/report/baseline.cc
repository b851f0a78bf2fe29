#include "detector/report/baseline.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "detector/util/file_io.h"
#include "detector/util/json.h"

namespace unspin {
namespace {

// How far context is looked for on each side; a line longer than this contributes only the
// words inside the window (the cut word is dropped).
constexpr size_t kContextWindowBytes = 256;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The last `n` whitespace-separated words of `s`; when `cut` the first word may be partial and
// is dropped.
std::vector<absl::string_view> LastWords(absl::string_view s, bool cut, int n) {
  std::vector<absl::string_view> words =
      absl::StrSplit(s, absl::ByAnyChar(" \t\r\f\n"), absl::SkipEmpty());
  if (cut && !words.empty() && !s.empty() && !IsSpace(s.front())) words.erase(words.begin());
  if (words.size() > static_cast<size_t>(n)) words.erase(words.begin(), words.end() - n);
  return words;
}

std::vector<absl::string_view> FirstWords(absl::string_view s, bool cut, int n) {
  std::vector<absl::string_view> words =
      absl::StrSplit(s, absl::ByAnyChar(" \t\r\f\n"), absl::SkipEmpty());
  if (cut && !words.empty() && !s.empty() && !IsSpace(s.back())) words.pop_back();
  if (words.size() > static_cast<size_t>(n)) words.resize(n);
  return words;
}

// Context words around [begin, end) of `s`, within the same line.
void ContextOf(absl::string_view s, size_t begin, size_t end, std::string* before,
               std::string* after) {
  size_t from = begin > kContextWindowBytes ? begin - kContextWindowBytes : 0;
  bool cut_before = from > 0;
  const size_t newline_before = s.substr(from, begin - from).rfind('\n');
  if (newline_before != absl::string_view::npos) {
    from += newline_before + 1;
    cut_before = false;
  }
  size_t to = std::min(s.size(), end + kContextWindowBytes);
  bool cut_after = to < s.size();
  const size_t newline_after = s.substr(end, to - end).find('\n');
  if (newline_after != absl::string_view::npos) {
    to = end + newline_after;
    cut_after = false;
  }
  *before = NormalizeForBaseline(absl::StrJoin(
      LastWords(s.substr(from, begin - from), cut_before, kBaselineContextWords), " "));
  *after = NormalizeForBaseline(
      absl::StrJoin(FirstWords(s.substr(end, to - end), cut_after, kBaselineContextWords), " "));
}

absl::Status LineError(absl::string_view name, size_t line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", message));
}

}  // namespace

std::string NormalizeForBaseline(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    // U+2018/U+2019 (single quotes) and U+201C/U+201D (double quotes): E2 80 98/99/9C/9D.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char third = text[i + 2];
      if (third == 0x98 || third == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (third == 0x9C || third == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
    }
    out += absl::ascii_tolower(c);
  }
  return out;
}

BaselineKey BaselineKeyOf(const Document& document, const Finding& finding) {
  BaselineKey key;
  key.path = document.path();
  key.rule = finding.rule_id;
  const bool in_prose =
      finding.text_end > finding.text_begin && finding.text_end <= document.text().size();
  const std::string& s = in_prose ? document.text() : document.source();
  const size_t begin = in_prose ? finding.text_begin : std::min(finding.source_begin, s.size());
  const size_t end = in_prose ? finding.text_end : std::min(finding.source_end, s.size());
  key.text = NormalizeForBaseline(absl::string_view(s).substr(begin, end - begin));
  ContextOf(s, begin, end, &key.before, &key.after);
  return key;
}

std::string BaselineFingerprint(const BaselineKey& key) {
  uint64_t hash = 14695981039346656037ull;
  for (const std::string* part : {&key.path, &key.rule, &key.text, &key.before, &key.after}) {
    for (unsigned char c : *part) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;  // separator: ("ab", "c") and ("a", "bc") differ
    hash *= 1099511628211ull;
  }
  return absl::StrFormat("%016x", hash);
}

void Baseline::Add(BaselineKey key) {
  Occurrences& occ =
      entries_[LooseKey{std::move(key.path), std::move(key.rule), std::move(key.text)}];
  ++size_;
  Context context(std::move(key.before), std::move(key.after));
  auto [it, inserted] = occ.index.emplace(context, occ.contexts.size());
  if (inserted) {
    occ.contexts.emplace_back(std::move(context), 1);
    occ.first_left = std::min(occ.first_left, occ.contexts.size() - 1);
  } else {
    occ.first_left = std::min(occ.first_left, it->second);
    ++occ.contexts[it->second].second;
  }
}

size_t Baseline::RemoveKnown(const Document& document, std::vector<Finding>* findings) {
  if (size_ == 0 || findings->empty()) return 0;
  std::vector<BaselineKey> keys;
  keys.reserve(findings->size());
  for (const Finding& f : *findings) keys.push_back(BaselineKeyOf(document, f));
  std::vector<bool> known(findings->size(), false);
  // Pass 1: exact keys. Pass 2: same path, rule and text, any context left over.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (known[i]) continue;
      auto it = entries_.find(LooseKey{keys[i].path, keys[i].rule, keys[i].text});
      if (it == entries_.end()) continue;
      Occurrences& occ = it->second;
      size_t* count = nullptr;
      if (pass == 0) {
        auto c = occ.index.find(Context(keys[i].before, keys[i].after));
        if (c != occ.index.end()) count = &occ.contexts[c->second].second;
      } else {
        while (occ.first_left < occ.contexts.size() && occ.contexts[occ.first_left].second == 0) {
          ++occ.first_left;
        }
        if (occ.first_left < occ.contexts.size()) count = &occ.contexts[occ.first_left].second;
      }
      if (count == nullptr || *count == 0) continue;
      --*count;
      --size_;
      known[i] = true;
    }
  }
  size_t removed = 0;
  size_t out = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    if (known[i]) {
      ++removed;
      continue;
    }
    if (out != i) (*findings)[out] = std::move((*findings)[i]);
    ++out;
  }
  findings->resize(out);
  return removed;
}

std::string Baseline::Serialize() const {
  std::vector<std::string> lines;
  lines.reserve(size_);
  for (const auto& [loose, occ] : entries_) {
    for (const auto& [context, count] : occ.contexts) {
      std::string line = "{\"path\": ";
      AppendJsonString(loose.path, &line);
      line += ", \"rule\": ";
      AppendJsonString(loose.rule, &line);
      line += ", \"text\": ";
      AppendJsonString(loose.text, &line);
      line += ", \"before\": ";
      AppendJsonString(context.first, &line);
      line += ", \"after\": ";
      AppendJsonString(context.second, &line);
      line += "}\n";
      for (size_t i = 0; i < count; ++i) lines.push_back(line);
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out = absl::StrCat("{\"unspin_baseline\": 1, \"findings\": ", lines.size(), "}\n");
  for (const std::string& line : lines) out += line;
  return out;
}

absl::Status Baseline::Write(const std::string& path) const {
  return WriteFileAtomically(path, Serialize());
}

absl::StatusOr<Baseline> Baseline::Load(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileToString(path);
  if (!contents.ok()) return contents.status();
  return Parse(*contents, path);
}

absl::StatusOr<Baseline> Baseline::Parse(absl::string_view contents, absl::string_view name) {
  Baseline baseline;
  size_t line_number = 0;
  bool header = false;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    absl::StatusOr<std::vector<JsonMember>> members = ParseJsonObject(line);
    if (!members.ok()) {
      return LineError(name, line_number,
                       absl::StrCat("invalid JSON: ", members.status().message()));
    }
    if (!header) {
      bool is_baseline = false;
      for (const JsonMember& m : *members) {
        if (m.key == "unspin_baseline" && m.raw == "1") is_baseline = true;
      }
      if (!is_baseline) {
        return absl::InvalidArgumentError(absl::StrCat(
            name,
            ": not an unspin baseline (the first line must be {\"unspin_baseline\": 1, ...}; "
            "write one with unspin check --write-baseline)"));
      }
      header = true;
      continue;
    }
    BaselineKey key;
    std::string* const fields[] = {&key.path, &key.rule, &key.text, &key.before, &key.after};
    const char* const names[] = {"path", "rule", "text", "before", "after"};
    bool seen[5] = {false, false, false, false, false};
    for (const JsonMember& m : *members) {
      for (int i = 0; i < 5; ++i) {
        if (m.key != names[i] || seen[i]) continue;
        if (m.type != JsonType::kString) {
          return LineError(name, line_number, absl::StrCat("'", names[i], "' must be a string"));
        }
        DecodeJsonString(m.raw, fields[i]);
        seen[i] = true;
      }
    }
    for (int i = 0; i < 5; ++i) {
      if (!seen[i]) {
        return LineError(name, line_number, absl::StrCat("entry lacks '", names[i], "'"));
      }
    }
    baseline.Add(std::move(key));
  }
  if (!header) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": not an unspin baseline (empty file)"));
  }
  return baseline;
}

}  // namespace unspin
