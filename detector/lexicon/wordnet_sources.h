// Build-time parsers of WordNet 3.0's lemma index and sense counts (package wordnet-base), for the
// phrase lexicon.
//
//   ParseWordNetIndex(text, "index.noun", [&](absl::string_view lemma, uint8_t pos, int senses) {
//     ...   // lemma as in the file: "break_down", "'s_gravenhage"
//   });
//
// - index.{noun,verb,adj,adv}: licence lines start with two spaces; then one lemma per line,
//   "lemma pos synset_cnt p_cnt [ptr_symbol]{p_cnt} sense_cnt tagsense_cnt offset...".
// - cntlist.rev: "sense_key sense_number tag_cnt", the sense key being
//   "lemma%ss_type:lex_filenum:lex_id:head_word:head_id" (ss_type 1 noun, 2 verb, 3 adjective,
//   4 adverb, 5 adjective satellite).
#ifndef UNSPIN_DETECTOR_LEXICON_WORDNET_SOURCES_H_
#define UNSPIN_DETECTOR_LEXICON_WORDNET_SOURCES_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace unspin {

// `pos` is a PhrasePartOfSpeech bit.
using WordNetLemmaSink =
    std::function<void(absl::string_view lemma, uint8_t pos, int synset_count)>;
using WordNetCountSink = std::function<void(absl::string_view lemma, uint8_t pos, int tag_count)>;

absl::Status ParseWordNetIndex(absl::string_view text, absl::string_view name,
                               const WordNetLemmaSink& sink);
absl::Status ParseCntList(absl::string_view text, absl::string_view name,
                          const WordNetCountSink& sink);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_WORDNET_SOURCES_H_
