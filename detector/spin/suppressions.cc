#include "detector/spin/suppressions.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace unspin {
namespace {

enum class DirectiveKind { kDisable, kEnable, kNextLine, kIgnoreLine };

struct Directive {
  DirectiveKind kind;
  size_t begin;  // span in the source
  size_t end;
  std::vector<std::string> patterns;  // empty: every rule
};

// One rule pattern of one directive and the source range it silences.
struct Reach {
  size_t directive;
  std::string pattern;  // empty: every rule
  size_t begin;
  size_t end;
  bool used = false;
};

absl::string_view DirectiveName(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::kDisable:
      return "unspin-disable";
    case DirectiveKind::kEnable:
      return "unspin-enable";
    case DirectiveKind::kNextLine:
      return "unspin-disable-next-line";
    case DirectiveKind::kIgnoreLine:
      return "unspin: ignore";
  }
  return "";
}

bool IsRuleChar(char c) {
  return absl::ascii_isalnum(c) || c == '.' || c == '_' || c == '-' || c == '*';
}

// End of the line holding `pos`: the offset of its '\n' (or of the end of `s`).
size_t LineEnd(absl::string_view s, size_t pos) {
  const size_t nl = s.find('\n', pos);
  return nl == absl::string_view::npos ? s.size() : nl;
}

// ---------------------------------------------------------------------------------------------
// Where directives are examples rather than directives.

struct Range {
  size_t begin;
  size_t end;
};

// `ranges` sorted by begin and disjoint.
bool InAny(const std::vector<Range>& ranges, size_t pos) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), pos,
                             [](size_t p, const Range& r) { return p < r.begin; });
  return it != ranges.begin() && pos < std::prev(it)->end;
}

// Markdown front matter and fenced code blocks, by lines.
std::vector<Range> MarkdownCodeBlocks(absl::string_view s) {
  std::vector<Range> out;
  size_t pos = 0;
  if (absl::StartsWith(s, "---\n") || absl::StartsWith(s, "---\r\n")) {
    size_t line = LineEnd(s, 0) + 1;
    while (line < s.size()) {
      const size_t end = LineEnd(s, line);
      absl::string_view text = absl::StripTrailingAsciiWhitespace(s.substr(line, end - line));
      if (text == "---" || text == "...") {
        out.push_back({0, end});
        pos = end;
        break;
      }
      line = end + 1;
    }
  }
  char fence_char = 0;
  size_t fence_length = 0;
  size_t fence_begin = 0;
  while (pos < s.size()) {
    const size_t end = LineEnd(s, pos);
    absl::string_view line = s.substr(pos, end - pos);
    size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    if (indent < 4 && indent < line.size() && (line[indent] == '`' || line[indent] == '~')) {
      const char c = line[indent];
      size_t run = 0;
      while (indent + run < line.size() && line[indent + run] == c) ++run;
      if (run >= 3) {
        if (fence_char == 0) {
          fence_char = c;
          fence_length = run;
          fence_begin = pos;
        } else if (c == fence_char && run >= fence_length &&
                   absl::StripAsciiWhitespace(line.substr(indent + run)).empty()) {
          out.push_back({fence_begin, end});
          fence_char = 0;
        }
      }
    }
    pos = end + 1;
  }
  if (fence_char != 0) out.push_back({fence_begin, s.size()});
  return out;
}

// Whether positions, asked in increasing order, are inside a `code span` on their line. One
// pass over the text however many directives there are.
class CodeSpanTracker {
 public:
  explicit CodeSpanTracker(absl::string_view s) : s_(s) {}

  bool Inside(size_t target) {
    while (pos_ < target) {
      const char c = s_[pos_];
      if (c == '\n') {
        open_ = 0;
        ++pos_;
      } else if (c == '`') {
        size_t run = 0;
        while (pos_ + run < s_.size() && s_[pos_ + run] == '`') ++run;
        if (open_ == 0) {
          open_ = run;
        } else if (run == open_) {
          open_ = 0;
        }
        pos_ += run;
      } else {
        ++pos_;
      }
    }
    return open_ != 0;
  }

 private:
  absl::string_view s_;
  size_t pos_ = 0;
  size_t open_ = 0;  // length of the open backtick run, 0 when none is open
};

// HTML elements whose content is raw text, where "<!--" is not a comment.
std::vector<Range> HtmlRawTextElements(absl::string_view s) {
  std::vector<Range> out;
  const std::string lower = absl::AsciiStrToLower(s);
  for (const char* name : {"script", "style", "textarea", "title"}) {
    const std::string open = absl::StrCat("<", name);
    const std::string close = absl::StrCat("</", name);
    size_t pos = 0;
    while ((pos = lower.find(open, pos)) != std::string::npos) {
      const size_t after = pos + open.size();
      if (after < lower.size() && absl::ascii_isalnum(lower[after])) {
        pos = after;
        continue;
      }
      const size_t end = lower.find(close, after);
      out.push_back({pos, end == std::string::npos ? lower.size() : end});
      if (end == std::string::npos) break;
      pos = end + close.size();
    }
  }
  // Sorted and merged, for InAny.
  std::sort(out.begin(), out.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> merged;
  for (const Range& r : out) {
    if (!merged.empty() && r.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Parsing directives.

// Splits a directive's rule list ("a.b, c.*  d.e") into patterns.
std::vector<std::string> SplitPatterns(absl::string_view list) {
  std::vector<std::string> out;
  for (absl::string_view p : absl::StrSplit(list, absl::ByAnyChar(", \t\r\n"), absl::SkipEmpty())) {
    out.emplace_back(p);
  }
  return out;
}

void FindCommentDirectives(absl::string_view s, InputFormat format, std::vector<Directive>* out) {
  if (s.find("unspin-") == absl::string_view::npos) return;
  std::vector<Range> excluded;
  if (format == InputFormat::kMarkdown) {
    excluded = MarkdownCodeBlocks(s);
  } else {
    excluded = HtmlRawTextElements(s);
  }
  CodeSpanTracker code_spans(s);
  size_t pos = 0;
  while ((pos = s.find("<!--", pos)) != absl::string_view::npos) {
    const size_t close = s.find("-->", pos + 4);
    if (close == absl::string_view::npos) break;
    const size_t end = close + 3;
    absl::string_view body = absl::StripAsciiWhitespace(s.substr(pos + 4, close - pos - 4));
    const size_t begin = pos;
    pos = end;
    if (InAny(excluded, begin)) continue;
    if (format == InputFormat::kMarkdown && code_spans.Inside(begin)) continue;
    DirectiveKind kind;
    // Longest name first: "unspin-disable" is a prefix of "unspin-disable-next-line".
    if (absl::ConsumePrefix(&body, "unspin-disable-next-line")) {
      kind = DirectiveKind::kNextLine;
    } else if (absl::ConsumePrefix(&body, "unspin-disable")) {
      kind = DirectiveKind::kDisable;
    } else if (absl::ConsumePrefix(&body, "unspin-enable")) {
      kind = DirectiveKind::kEnable;
    } else {
      continue;
    }
    if (!body.empty() && !absl::ascii_isspace(body.front())) continue;  // "unspin-disabled"
    out->push_back(Directive{kind, begin, end, SplitPatterns(body)});
  }
}

// "unspin: ignore RULE..." markers; the rule list ends at the first word that is not a rule
// pattern (a rule id has a '.', a pattern ends in '*').
void FindLineMarkers(absl::string_view s, std::vector<Directive>* out) {
  size_t pos = 0;
  while ((pos = s.find("unspin:", pos)) != absl::string_view::npos) {
    const size_t begin = pos;
    size_t i = pos + 7;
    pos = i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (!absl::StartsWith(s.substr(i), "ignore")) continue;
    i += 6;
    if (i < s.size() && IsRuleChar(s[i])) continue;  // "unspin: ignored"
    size_t end = i;
    std::vector<std::string> patterns;
    while (true) {
      size_t j = end;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == ',')) ++j;
      size_t k = j;
      while (k < s.size() && IsRuleChar(s[k])) ++k;
      absl::string_view word = s.substr(j, k - j);
      // A rule id at the end of a sentence: "... unspin: ignore spin.news.vision."
      while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.remove_suffix(1);
      const bool is_pattern =
          !word.empty() && (word.find('.') != absl::string_view::npos || word.back() == '*');
      if (!is_pattern) break;
      patterns.emplace_back(word);
      end = j + word.size();
    }
    out->push_back(Directive{DirectiveKind::kIgnoreLine, begin, end, std::move(patterns)});
    pos = end;
  }
}

std::string Quoted(const std::vector<std::string>& patterns) {
  return absl::StrJoin(patterns, ", ", [](std::string* out, const std::string& p) {
    absl::StrAppend(out, "\"", p, "\"");
  });
}

Finding UnusedFinding(const Directive& d, std::string message) {
  Finding f;
  f.source_begin = d.begin;
  f.source_end = d.end;
  f.rule_id = kUnusedSuppressionRule;
  f.message = std::move(message);
  f.confidence = 1.0;
  f.severity = Severity::kWarning;
  return f;
}

absl::string_view ReachPhrase(DirectiveKind kind) {
  switch (kind) {
    case DirectiveKind::kDisable:
      return "in its range";
    case DirectiveKind::kNextLine:
      return "on the next line";
    case DirectiveKind::kIgnoreLine:
      return "on its line";
    case DirectiveKind::kEnable:
      break;
  }
  return "";
}

}  // namespace

bool SuppressionPatternMatches(absl::string_view pattern, absl::string_view rule_id) {
  if (pattern.empty() || pattern == "*") return true;
  if (pattern.back() == '*') {
    return absl::StartsWith(rule_id, pattern.substr(0, pattern.size() - 1));
  }
  return pattern == rule_id;
}

SuppressionOutcome ApplySuppressions(const Document& document, InputFormat format,
                                     std::vector<Finding>* findings) {
  SuppressionOutcome outcome;
  const absl::string_view s = document.source();
  std::vector<Directive> directives;
  if (format == InputFormat::kHtml || format == InputFormat::kMarkdown) {
    FindCommentDirectives(s, format, &directives);
  } else {
    FindLineMarkers(s, &directives);
  }
  if (directives.empty()) return outcome;

  // Line bounds by binary search over the line breaks (directives may be many, lines long).
  std::vector<size_t> breaks;
  for (size_t i = s.find('\n'); i != absl::string_view::npos; i = s.find('\n', i + 1)) {
    breaks.push_back(i);
  }
  auto line_end = [&](size_t pos) {  // offset of the '\n' ending pos's line, or s.size()
    auto it = std::lower_bound(breaks.begin(), breaks.end(), pos);
    return it == breaks.end() ? s.size() : *it;
  };
  auto line_start = [&](size_t pos) {
    auto it = std::lower_bound(breaks.begin(), breaks.end(), pos);
    return it == breaks.begin() ? size_t{0} : *std::prev(it) + 1;
  };

  // Turn directives into reaches (contiguous per directive); enables close the open disables.
  std::vector<Reach> reaches;
  std::vector<size_t> first_reach(directives.size() + 1, 0);
  // Open disables by pattern ("" for every rule): indices into `reaches`.
  absl::flat_hash_map<std::string, std::vector<size_t>> open;
  std::vector<std::vector<std::string>> enable_unmatched(directives.size());
  for (size_t d = 0; d < directives.size(); ++d) {
    first_reach[d] = reaches.size();
    const Directive& dir = directives[d];
    std::vector<std::string> patterns = dir.patterns;
    if (patterns.empty()) patterns.emplace_back();  // every rule
    switch (dir.kind) {
      case DirectiveKind::kDisable:
        for (std::string& p : patterns) {
          open[p].push_back(reaches.size());
          reaches.push_back(Reach{d, std::move(p), dir.end, s.size()});
        }
        break;
      case DirectiveKind::kEnable:
        for (const std::string& p : patterns) {
          bool closed = false;
          auto close = [&](std::vector<size_t>& indices) {
            for (size_t r : indices) reaches[r].end = dir.begin;
            closed |= !indices.empty();
          };
          if (p.empty()) {
            for (auto& [pattern, indices] : open) close(indices);
            open.clear();
          } else if (auto it = open.find(p); it != open.end()) {
            close(it->second);
            open.erase(it);
          }
          if (!closed) enable_unmatched[d].push_back(p);
        }
        break;
      case DirectiveKind::kNextLine: {
        // The line after the one the directive ends on (empty when there is none).
        const size_t next = std::min(line_end(dir.end - 1) + 1, s.size());
        const size_t end = next < s.size() ? line_end(next) + 1 : next;
        for (std::string& p : patterns) reaches.push_back(Reach{d, std::move(p), next, end});
        break;
      }
      case DirectiveKind::kIgnoreLine: {
        const size_t begin = line_start(dir.begin);
        const size_t end = line_end(dir.begin) + 1;
        for (std::string& p : patterns) reaches.push_back(Reach{d, std::move(p), begin, end});
        break;
      }
    }
  }
  first_reach[directives.size()] = reaches.size();

  // Sweep the findings in source order against the reaches that have begun and not ended.
  std::vector<size_t> by_begin(reaches.size());
  for (size_t i = 0; i < by_begin.size(); ++i) by_begin[i] = i;
  std::sort(by_begin.begin(), by_begin.end(),
            [&](size_t a, size_t b) { return reaches[a].begin < reaches[b].begin; });
  std::vector<size_t> order(findings->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return (*findings)[a].source_begin < (*findings)[b].source_begin;
  });
  std::vector<bool> silenced(findings->size(), false);
  std::vector<size_t> active;
  size_t next = 0;
  for (size_t i : order) {
    const size_t at = (*findings)[i].source_begin;
    while (next < by_begin.size() && reaches[by_begin[next]].begin <= at) {
      active.push_back(by_begin[next++]);
    }
    for (size_t k = 0; k < active.size();) {
      if (reaches[active[k]].end <= at) {
        active[k] = active.back();
        active.pop_back();
        continue;
      }
      Reach& r = reaches[active[k]];
      if (SuppressionPatternMatches(r.pattern, (*findings)[i].rule_id)) {
        r.used = true;
        silenced[i] = true;
      }
      ++k;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    if (silenced[i]) {
      ++outcome.suppressed;
      continue;
    }
    if (kept != i) (*findings)[kept] = std::move((*findings)[i]);
    ++kept;
  }
  findings->resize(kept);

  // Report per directive, in source order.
  for (size_t d = 0; d < directives.size(); ++d) {
    const Directive& dir = directives[d];
    if (dir.kind == DirectiveKind::kEnable) {
      const std::vector<std::string>& unmatched = enable_unmatched[d];
      if (unmatched.empty()) continue;
      const bool all = unmatched.size() == 1 && unmatched[0].empty();
      outcome.unused.push_back(
          UnusedFinding(dir, absl::StrCat("unused suppression: unspin-enable",
                                          all ? "" : absl::StrCat(" ", Quoted(unmatched)),
                                          " ends no open unspin-disable")));
      continue;
    }
    std::vector<std::string> unused;
    bool any_reach = false;
    for (size_t k = first_reach[d]; k < first_reach[d + 1]; ++k) {
      const Reach& r = reaches[k];
      any_reach = true;
      if (!r.used) unused.push_back(r.pattern);
    }
    if (!any_reach || unused.empty()) continue;
    const bool all = unused.size() == 1 && unused[0].empty();
    outcome.unused.push_back(UnusedFinding(
        dir, absl::StrCat("unused suppression: ", DirectiveName(dir.kind), " silences no ",
                          all ? "finding" : absl::StrCat(Quoted(unused), " finding"), " ",
                          ReachPhrase(dir.kind))));
  }
  return outcome;
}

}  // namespace unspin
