#include "detector/report/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

// Lines with their terminators; the last may have none.
std::vector<absl::string_view> SplitLines(absl::string_view text) {
  std::vector<absl::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == absl::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

enum class Op : uint8_t { kEqual, kDelete, kInsert };

struct Edit {
  Op op;
  uint32_t a;  // line index in the old text (kEqual, kDelete)
  uint32_t b;  // line index in the new text (kEqual, kInsert)
};

// Myers' greedy O((N+M)D) algorithm on line ids, keeping each step's frontier for the
// backtrack (O(D^2) memory). Appends the edits of a[0..n) -> b[0..m) (offset by a0/b0) to
// `out`; false when more than `max_d` lines differ.
bool MyersDiff(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, uint32_t a0,
               uint32_t b0, int max_d, std::vector<Edit>* out) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int limit = std::min(n + m, max_d);
  const int offset = limit + 1;
  std::vector<int> v(2 * limit + 3, 0);
  std::vector<std::vector<int>> trace;  // trace[d][k + d]: v[k] before step d
  int found_d = -1;
  for (int d = 0; d <= limit && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) return false;
  std::vector<Edit> reversed;
  int x = n, y = m;
  for (int d = found_d; d >= 0; --d) {
    const std::vector<int>& before = trace[d];
    const int k = x - y;
    auto at = [&](int kk) { return before[kk + d]; };
    int prev_k = 0;
    if (d > 0) {
      prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    }
    const int prev_x = d > 0 ? at(prev_k) : 0;
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      reversed.push_back(Edit{Op::kEqual, a0 + x, b0 + y});
    }
    if (d == 0) break;
    if (x == prev_x) {
      --y;
      reversed.push_back(Edit{Op::kInsert, 0, b0 + y});
    } else {
      --x;
      reversed.push_back(Edit{Op::kDelete, a0 + x, 0});
    }
  }
  out->insert(out->end(), reversed.rbegin(), reversed.rend());
  return true;
}

// Line against line: differing runs become deletions then insertions.
void PairwiseDiff(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, uint32_t a0,
                  uint32_t b0, std::vector<Edit>* out) {
  const size_t common = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < common) {
    if (a[i] == b[i]) {
      out->push_back(
          Edit{Op::kEqual, static_cast<uint32_t>(a0 + i), static_cast<uint32_t>(b0 + i)});
      ++i;
      continue;
    }
    size_t j = i;
    while (j < common && a[j] != b[j]) ++j;
    for (size_t k = i; k < j; ++k)
      out->push_back(Edit{Op::kDelete, static_cast<uint32_t>(a0 + k), 0});
    for (size_t k = i; k < j; ++k)
      out->push_back(Edit{Op::kInsert, 0, static_cast<uint32_t>(b0 + k)});
    i = j;
  }
  for (size_t k = common; k < a.size(); ++k) {
    out->push_back(Edit{Op::kDelete, static_cast<uint32_t>(a0 + k), 0});
  }
  for (size_t k = common; k < b.size(); ++k) {
    out->push_back(Edit{Op::kInsert, 0, static_cast<uint32_t>(b0 + k)});
  }
}

void AppendLine(char prefix, absl::string_view line, std::string* out) {
  out->push_back(prefix);
  out->append(line.data(), line.size());
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

// "start,count" of a hunk side; an empty side names the line before it.
std::string Range(size_t first_index, size_t count) {
  if (count == 0) return absl::StrCat(first_index, ",0");
  if (count == 1) return absl::StrCat(first_index + 1);
  return absl::StrCat(first_index + 1, ",", count);
}

}  // namespace

std::string UnifiedDiff(absl::string_view old_text, absl::string_view new_text,
                        absl::string_view path, const DiffOptions& options) {
  if (old_text == new_text) return "";
  const std::vector<absl::string_view> a = SplitLines(old_text);
  const std::vector<absl::string_view> b = SplitLines(new_text);

  // Common prefix and suffix need no search.
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  // Lines of the middles as ids, so the search compares integers.
  absl::flat_hash_map<absl::string_view, uint32_t> ids;
  auto to_ids = [&](const std::vector<absl::string_view>& lines) {
    std::vector<uint32_t> out;
    out.reserve(lines.size() - prefix - suffix);
    for (size_t i = prefix; i < lines.size() - suffix; ++i) {
      out.push_back(ids.emplace(lines[i], static_cast<uint32_t>(ids.size())).first->second);
    }
    return out;
  };
  const std::vector<uint32_t> mid_a = to_ids(a);
  const std::vector<uint32_t> mid_b = to_ids(b);

  std::vector<Edit> edits;
  edits.reserve(a.size() + b.size() - prefix - suffix);
  for (size_t i = 0; i < prefix; ++i) {
    edits.push_back(Edit{Op::kEqual, static_cast<uint32_t>(i), static_cast<uint32_t>(i)});
  }
  if (!MyersDiff(mid_a, mid_b, prefix, prefix, options.max_edit_lines, &edits)) {
    PairwiseDiff(mid_a, mid_b, prefix, prefix, &edits);
  }
  for (size_t i = 0; i < suffix; ++i) {
    edits.push_back(Edit{Op::kEqual, static_cast<uint32_t>(a.size() - suffix + i),
                         static_cast<uint32_t>(b.size() - suffix + i)});
  }

  std::string out = absl::StrCat("--- ", path, "\n+++ ", path, "\n");
  const size_t context = static_cast<size_t>(std::max(0, options.context_lines));
  size_t i = 0;
  size_t counted = 0, a_before = 0, b_before = 0;  // lines of each side in edits[0..counted)
  while (i < edits.size()) {
    if (edits[i].op == Op::kEqual) {
      ++i;
      continue;
    }
    // A hunk: from `context` equal lines before this change to `context` after the last change
    // that is no more than 2 * context equal lines from the next.
    size_t begin = i;
    while (begin > 0 && i - begin < context && edits[begin - 1].op == Op::kEqual) --begin;
    size_t end = i;
    while (true) {
      while (end < edits.size() && edits[end].op != Op::kEqual) ++end;
      size_t equal_run = 0;
      while (end + equal_run < edits.size() && edits[end + equal_run].op == Op::kEqual) {
        ++equal_run;
      }
      if (end + equal_run < edits.size() && equal_run <= 2 * context) {
        end += equal_run;
        continue;
      }
      end += std::min(equal_run, context);
      break;
    }
    // Where each side starts: the first line of either side in the hunk.
    size_t a_start = 0, b_start = 0, a_count = 0, b_count = 0;
    bool a_seen = false, b_seen = false;
    for (size_t k = begin; k < end; ++k) {
      const Edit& e = edits[k];
      if (e.op != Op::kInsert) {
        if (!a_seen) a_start = e.a;
        a_seen = true;
        ++a_count;
      }
      if (e.op != Op::kDelete) {
        if (!b_seen) b_start = e.b;
        b_seen = true;
        ++b_count;
      }
    }
    // An empty side starts after the lines of that side before the hunk.
    while (counted < begin) {
      if (edits[counted].op != Op::kInsert) ++a_before;
      if (edits[counted].op != Op::kDelete) ++b_before;
      ++counted;
    }
    if (!a_seen) a_start = a_before;
    if (!b_seen) b_start = b_before;
    absl::StrAppend(&out, "@@ -", Range(a_start, a_count), " +", Range(b_start, b_count), " @@\n");
    for (size_t k = begin; k < end; ++k) {
      const Edit& e = edits[k];
      if (e.op == Op::kEqual) {
        AppendLine(' ', a[e.a], &out);
      } else if (e.op == Op::kDelete) {
        AppendLine('-', a[e.a], &out);
      } else {
        AppendLine('+', b[e.b], &out);
      }
    }
    i = end;
  }
  return out;
}

}  // namespace unspin
