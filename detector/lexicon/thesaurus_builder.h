// Build-time half of Thesaurus: collects (head, synonym, flags) pairs from the sources
// (thesaurus_sources.h), normalizes and merges them, computes synonym classes and writes the
// compiled file.
//
//   unspin::ThesaurusBuilder builder;
//   builder.Add("spy", "undercover agent", unspin::kFromMyThes | unspin::kSynonym | unspin::kNoun);
//   unspin::ThesaurusBuildOptions options;
//   options.log_frequency = [&](absl::string_view key) { return lm_score(key); };
//   UNSPIN_ASSIGN_OR_RETURN(std::string image, builder.Build(options, &stats));
#ifndef UNSPIN_DETECTOR_LEXICON_THESAURUS_BUILDER_H_
#define UNSPIN_DETECTOR_LEXICON_THESAURUS_BUILDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

struct ThesaurusBuildOptions {
  // log10 frequency of a normalized key; classes climb towards frequent phrases. When empty,
  // every phrase counts the same and ties go to the smaller phrase id.
  std::function<double(absl::string_view key)> log_frequency;
  // Keys that never become another phrase's class representative (the most frequent, most
  // polysemous words). When empty, none.
  std::function<bool(absl::string_view key)> is_function_word;
  // Stored as metadata (sources, options).
  std::string description;
};

struct ThesaurusBuildStats {
  uint32_t phrases = 0;
  uint64_t pairs = 0;
  uint32_t classes = 0;        // distinct representatives
  uint32_t largest_class = 0;  // members of the largest class
  std::string largest_class_representative;
};

class ThesaurusBuilder {
 public:
  // Records "raw_head lists raw_synonym" with SynonymFlag bits. Spellings are normalized with
  // NormalizePhrase; pairs that normalize to the same key, or to nothing, are dropped; flags of
  // repeated pairs are or'ed.
  void Add(absl::string_view raw_head, absl::string_view raw_synonym, uint16_t flags);

  uint32_t phrase_count() const { return keys_.size(); }
  uint64_t pair_count() const { return pairs_.size(); }

  // The compiled file image; InvalidArgument when there are too many phrases for the format.
  absl::StatusOr<std::string> Build(const ThesaurusBuildOptions& options,
                                    ThesaurusBuildStats* stats) const;

 private:
  // NormalizePhrase, cached per spelling (the sources repeat spellings millions of times).
  const std::string& Normalize(absl::string_view raw);
  // Id of `key`, recording whether `raw` was capitalized.
  uint32_t Intern(const std::string& key, absl::string_view raw);

  StringIndexBuilder keys_;
  absl::node_hash_map<std::string, std::string> raw_to_key_;  // spelling -> key (stable refs)
  std::vector<uint8_t> spelled_capitalized_;                  // per key: some spelling had capitals
  std::vector<uint8_t> spelled_lower_;                        // per key: some spelling had none
  absl::flat_hash_map<uint64_t, uint16_t> pairs_;             // head << 32 | synonym -> flags
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_THESAURUS_BUILDER_H_
