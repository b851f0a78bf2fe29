// Build-time reader of CMU Sphinx's binary trie language models (the "Trie Language Model"
// format of sphinxbase 5prealpha, e.g. pocketsphinx-en-us's en-us.lm.bin) into NGramModelData.
//
// Why not sphinxbase's API: Debian's libsphinxbase3 removed the n-gram iterators
// (ngram_model_mgrams is declared but not exported) and its ARPA writer aborts on this model
// (assertion in ngram_model_trie_write_arpa), so the trie is decoded here. The format, a port of
// KenLM's bit-packed reverse trie, as found in the file (all little-endian):
//
//   "Trie Language Model"  order:u8  counts:u32[order]  quant_type:i32 (1 = 16-bit tables)
//   quant tables: per middle order prob[65536] backoff[65536], then longest prob[65536] (f32)
//   unigrams: (counts[0] + 1) x {prob:f32, backoff:f32, next:u32}     (last one a sentinel)
//   middle (bigrams): bit-packed (counts[1] + 1) x {word, backoff index:16, prob index:16, next}
//   longest (trigrams): bit-packed (counts[2] + 1) x {word, prob index:16}
//   words: length:u32, then counts[0] NUL-terminated words in id order
//
// The trie is reversed, as in KenLM: unigram w's children are the bigrams "h1 w" (their `word`
// field is h1), a bigram's children are the trigrams "h2 h1 w". Values are in sphinxbase
// logmath units of base 1.0001 and converted to log10. Field widths: word = bit width of
// counts[0], next = bit width of the next order's count; each bit-packed array is followed by
// 8 padding bytes. The reader checks that the file size equals the size this layout implies.
#ifndef UNSPIN_DETECTOR_LEXICON_SPHINX_LM_READER_H_
#define UNSPIN_DETECTOR_LEXICON_SPHINX_LM_READER_H_

#include <string>

#include "absl/status/statusor.h"
#include "detector/lexicon/language_model_builder.h"

namespace unspin {

absl::StatusOr<NGramModelData> ReadSphinxTrieModel(const std::string& path);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_SPHINX_LM_READER_H_
