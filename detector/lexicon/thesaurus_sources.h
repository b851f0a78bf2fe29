// Build-time parsers of the thesaurus sources on the machine. Each calls `sink(head, synonym,
// flags)` for every pair "head lists synonym", with raw spellings (the builder normalizes them)
// and SynonymFlag bits (source, relation, part of speech).
//
//   absl::Status s = unspin::ParseMyThes(text, "th_en_US_v2.dat",
//                                        [&](absl::string_view head, absl::string_view syn,
//                                            uint16_t flags) { builder.Add(head, syn, flags); });
//
// Formats:
// - MyThes (mythes-en-us, th_en_US_v2.dat): an encoding line, then entries "head|N" followed by
//   N sense lines "(pos)|syn|syn (generic term)|...". Markers: "(generic term)" -> kGeneric,
//   "(similar term)" -> kSimilar, "(related term)" -> kRelated, "(antonym)" -> dropped,
//   unmarked -> kSynonym.
// - WordNet 3.0 data.{noun,verb,adj,adv}: one synset per line, "offset lexfile ss_type w_cnt
//   (word lex_id){w_cnt} ..." with w_cnt in hex; every ordered pair of distinct members is a
//   kSynonym pair. Adjective markers "(a)", "(p)", "(ip)" are stripped.
// - Aiksaurus (libaiksaurus-1.2-data; binary, undocumented, read here as verified against the
//   `aiksaurus` program on 300 random words): words.dat is a sequence of records
//   "word NUL meaning_id:u16be... 0xFFFF", record i being word i, ':' standing for a space;
//   meanings.dat a sequence "title1:u16be title2:u16be word_id:u16be... 0xFFFF", record j
//   being meaning j, its word ids sorted. Every ordered pair of distinct words of a meaning is a
//   kSynonym pair.
#ifndef UNSPIN_DETECTOR_LEXICON_THESAURUS_SOURCES_H_
#define UNSPIN_DETECTOR_LEXICON_THESAURUS_SOURCES_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace unspin {

using SynonymPairSink =
    std::function<void(absl::string_view head, absl::string_view synonym, uint16_t flags)>;

// `name` prefixes error messages ("th_en_US_v2.dat:17: ...").
absl::Status ParseMyThes(absl::string_view text, absl::string_view name,
                         const SynonymPairSink& sink);
absl::Status ParseWordNetData(absl::string_view text, absl::string_view name,
                              const SynonymPairSink& sink);
absl::Status ParseAiksaurus(absl::string_view words_dat, absl::string_view meanings_dat,
                            const SynonymPairSink& sink);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_THESAURUS_SOURCES_H_
