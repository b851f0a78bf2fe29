// Private to thesaurus.cc and thesaurus_builder.cc: sections of the compiled thesaurus (a
// DataFile of kind kThesaurusKind). Lists are CSR: offsets[id] .. offsets[id + 1] index the
// entries of phrase `id`, each entry a SynonymEntry (20-bit phrase id, 12 flag bits).
#ifndef UNSPIN_DETECTOR_LEXICON_THESAURUS_FORMAT_H_
#define UNSPIN_DETECTOR_LEXICON_THESAURUS_FORMAT_H_

#include <cstdint>

namespace unspin {
namespace thesaurus_format {

// 2: string index slots carry hash tags; 3: the index of phrase prefixes.
inline constexpr uint32_t kVersion = 3;

enum Section : uint32_t {
  kParams = 1,
  kPhraseFlags = 2,      // uint8[phrase_count]
  kClasses = 3,          // uint32[phrase_count]: representative phrase id
  kForwardOffsets = 4,   // uint32[phrase_count + 1]
  kForwardEntries = 5,   // SynonymEntry[]
  kInvertedOffsets = 6,  // uint32[phrase_count + 1]
  kInvertedEntries = 7,  // SynonymEntry[]
  kMetadata = 8,         // text: sources and counts
  kPhraseBase = 100,     // StringIndex sections 100..103
  // StringIndex sections 110..113: the proper prefixes (1 .. n-1 tokens) of every phrase of
  // n > 1 tokens, so that a reader growing a window word by word knows when to stop.
  kPrefixBase = 110,
};

struct Params {
  uint32_t phrase_count;
  uint32_t max_phrase_words;
  uint32_t pair_count;
  uint32_t class_count;
};
static_assert(sizeof(Params) == 16, "params layout");

}  // namespace thesaurus_format
}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_THESAURUS_FORMAT_H_
