// Startup without Hunspell: a Morphology that answers from a table of recorded answers and
// loads the real dictionaries only when asked something the table lacks.
//
// Building the rule trie and the swap index inflects every built-in phrase through Morphology,
// and loading Hunspell's en_US dictionary for that is most of `unspin check`'s start-up time.
// Those questions are the same in every run, so the build records them once (RecordingMorphology
// in //detector/lexicon/precomputed, run by a genrule against the real dictionaries) and the
// binary embeds the answers:
//
//   absl::StatusOr<std::unique_ptr<unspin::Morphology>> m =
//       unspin::CreateCachedMorphology(options, unspin::RecordedMorphologyAnswers());
//
// Answers are exactly what the real Morphology gave for the same question on the build machine,
// so behaviour is identical; any other question (a user's rule pack, the lexicon detector's
// words) goes to the real Morphology, created on first use.
#ifndef UNSPIN_DETECTOR_LEXICON_MORPHOLOGY_CACHE_H_
#define UNSPIN_DETECTOR_LEXICON_MORPHOLOGY_CACHE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/lexicon/morphology.h"

namespace unspin {

// Wraps a Morphology and records every question and answer, for the build-time recorder.
class RecordingMorphology : public Morphology {
 public:
  explicit RecordingMorphology(std::unique_ptr<Morphology> real);
  ~RecordingMorphology() override;

  std::vector<std::string> Inflect(absl::string_view word, Inflection inflection) override;
  bool IsBaseForm(absl::string_view word) override;
  std::vector<std::string> Lemmas(absl::string_view word) override;
  bool IsWord(absl::string_view word) override;

  // The recorded answers, sorted, in the format CreateCachedMorphology reads.
  std::string Serialize() const;

 private:
  struct Impl;
  std::unique_ptr<Morphology> real_;
  std::unique_ptr<Impl> impl_;
};

// A Morphology serving `answers` (from RecordingMorphology::Serialize; the string must outlive
// it) and creating Morphology::Create(options) on the first question the answers lack. Fails
// as Morphology::Create would when the dictionary files are missing; a malformed table is an
// error too.
absl::StatusOr<std::unique_ptr<Morphology>> CreateCachedMorphology(const MorphologyOptions& options,
                                                                   absl::string_view answers);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_MORPHOLOGY_CACHE_H_
