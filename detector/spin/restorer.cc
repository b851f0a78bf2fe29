#include "detector/spin/restorer.h"

#include <algorithm>

#include "detector/text/utf8.h"

namespace unspin {
namespace {

char32_t ToUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  return c;
}

}  // namespace

std::string MatchCase(absl::string_view original, absl::string_view replacement) {
  size_t letters = 0;
  size_t uppers = 0;
  bool first_upper = false;
  bool seen_letter = false;
  size_t pos = 0;
  while (pos < original.size()) {
    const char32_t c = DecodeUtf8(original, &pos);
    if (!IsLetter(c)) continue;
    ++letters;
    const bool upper = IsUpper(c);
    if (upper) ++uppers;
    if (!seen_letter) first_upper = upper;
    seen_letter = true;
  }
  std::string out;
  out.reserve(replacement.size());
  const bool all_caps = letters >= 2 && uppers == letters;
  bool capitalize_next = first_upper;
  pos = 0;
  while (pos < replacement.size()) {
    char32_t c = DecodeUtf8(replacement, &pos);
    if (IsLetter(c)) {
      if (all_caps || capitalize_next) c = ToUpper(c);
      capitalize_next = false;
    }
    AppendUtf8(c, &out);
  }
  return out;
}

std::string ApplyRestorations(absl::string_view source, const std::vector<Finding>& findings) {
  std::vector<const Finding*> order;
  order.reserve(findings.size());
  for (const Finding& f : findings) {
    if (!f.replacement.empty() && f.source_end <= source.size() && f.source_begin < f.source_end) {
      order.push_back(&f);
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const Finding* a, const Finding* b) {
    return a->source_begin < b->source_begin;
  });
  std::string out;
  out.reserve(source.size() + 64);
  size_t copied = 0;
  for (const Finding* f : order) {
    if (f->source_begin < copied) continue;  // overlaps one already applied
    out.append(source.data() + copied, f->source_begin - copied);
    out.append(f->replacement);
    copied = f->source_end;
  }
  out.append(source.data() + copied, source.size() - copied);
  return out;
}

}  // namespace unspin
