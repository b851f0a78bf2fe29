// Baselines: the findings a corpus had when unspin was adopted, so a CI job reports only the
// findings a change adds.
//
//   unspin::Baseline today;
//   for (const unspin::Finding& f : report.findings)
//     today.Add(unspin::BaselineKeyOf(document, f));
//   absl::Status s = today.Write("unspin-baseline.jsonl");   // atomic: old or new, never half
//
//   absl::StatusOr<unspin::Baseline> known = unspin::Baseline::Load("unspin-baseline.jsonl");
//   known->RemoveKnown(document, &report.findings);   // what is left is new
//
// A finding is keyed by its document's path, its rule, its normalized text and the words around
// it on its line, never by line number or offset, so lines inserted or deleted elsewhere keep it
// known. Keys form a multiset: a baseline holding a phrase twice covers two occurrences, and a
// third is new. Matching takes exact keys first and then falls back to path + rule + text, so
// editing the words next to a known finding does not make it new either; only more occurrences
// of a (path, rule, text) than the baseline recorded are.
//
// The file is JSON Lines: a header {"unspin_baseline": 1, "findings": N}, then one entry per
// finding, sorted, so baselines diff well under version control.
#ifndef UNSPIN_DETECTOR_REPORT_BASELINE_H_
#define UNSPIN_DETECTOR_REPORT_BASELINE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/spin/finding.h"
#include "detector/text/document.h"

namespace unspin {

// What identifies a finding across edits of its file.
struct BaselineKey {
  std::string path;    // Document::path(): the file, or the record id of a JSON Lines record
  std::string rule;    // rule id
  std::string text;    // the finding's text, normalized (NormalizeForBaseline)
  std::string before;  // up to kBaselineContextWords normalized words before it on its line
  std::string after;   // ... after it

  bool operator==(const BaselineKey& o) const {
    return path == o.path && rule == o.rule && text == o.text && before == o.before &&
           after == o.after;
  }
  template <typename H>
  friend H AbslHashValue(H h, const BaselineKey& k) {
    return H::combine(std::move(h), k.path, k.rule, k.text, k.before, k.after);
  }
};

// Words of context on each side of a finding.
inline constexpr int kBaselineContextWords = 3;

// Lower-cases ASCII letters, folds typographic apostrophes and quotes to ASCII and collapses
// whitespace runs (line breaks included) to one space, trimming both ends.
std::string NormalizeForBaseline(absl::string_view text);

// The key of `finding` in `document`. Spin findings take their text and context from the
// document's prose (Document::text()), so markup edits around them do not matter; findings
// with no prose span (an unused suppression comment) take their text from the source.
BaselineKey BaselineKeyOf(const Document& document, const Finding& finding);

// A stable 16-hex-digit digest of a key (FNV-1a 64), for SARIF's partialFingerprints.
std::string BaselineFingerprint(const BaselineKey& key);

class Baseline {
 public:
  Baseline() = default;

  // Reads a baseline file. Errors name the file (and line): a missing file, a file that is not
  // a baseline, an entry that is not valid JSON or lacks a member.
  static absl::StatusOr<Baseline> Load(const std::string& path);
  // The same from the file's contents; `name` is used in errors.
  static absl::StatusOr<Baseline> Parse(absl::string_view contents, absl::string_view name);

  void Add(BaselineKey key);

  // Removes from `findings` (the findings of `document`) those the baseline holds, using up
  // their entries: first entries with the same key, then entries of the same path, rule and text
  // whose context changed. Returns how many were removed.
  size_t RemoveKnown(const Document& document, std::vector<Finding>* findings);

  // Entries not yet used up.
  size_t size() const { return size_; }

  // The file contents (see above).
  std::string Serialize() const;
  // Writes Serialize() to `path` atomically.
  absl::Status Write(const std::string& path) const;

 private:
  using Context = std::pair<std::string, std::string>;  // (before, after)
  struct Occurrences {
    // Each context with its count of entries not yet used up, in the order first added.
    std::vector<std::pair<Context, size_t>> contexts;
    absl::flat_hash_map<Context, size_t> index;  // context -> position in `contexts`
    // Contexts before this position are used up (counts only decrease), so the fallback match
    // never rescans them: a corpus with one phrase a million times stays linear.
    size_t first_left = 0;
  };
  struct LooseKey {
    std::string path, rule, text;
    bool operator==(const LooseKey& o) const {
      return path == o.path && rule == o.rule && text == o.text;
    }
    template <typename H>
    friend H AbslHashValue(H h, const LooseKey& k) {
      return H::combine(std::move(h), k.path, k.rule, k.text);
    }
  };

  absl::flat_hash_map<LooseKey, Occurrences> entries_;
  size_t size_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_REPORT_BASELINE_H_
