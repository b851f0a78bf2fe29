// A five-word trigram model small enough to compute Katz backoff by hand, for tests of the
// language model and of what is built on it. Queries over it take every path of LogProb
// (trigram, bigram + backoff, unigram + backoffs, unknown word, unknown history).
//
//   const std::string image = unspin::TinyLanguageModelImage();
//   absl::StatusOr<unspin::LanguageModel> lm = unspin::LanguageModel::FromImage(image);
//
//   unigrams (log10 P, backoff): <s> -99 -0.3 | </s> -1.0 0 | a -0.5 -0.2 | b -0.7 -0.4 |
//                                c -1.2 -0.1
//   bigrams: "<s> a" -0.3 bo -0.25 | "a b" -0.2 bo -0.15 | "b c" -0.4 bo -0.05 | "a c" -0.9 bo 0
//   trigrams: "<s> a b" -0.1 | "a b c" -0.05
#ifndef UNSPIN_DETECTOR_LEXICON_TINY_LANGUAGE_MODEL_H_
#define UNSPIN_DETECTOR_LEXICON_TINY_LANGUAGE_MODEL_H_

#include <string>

#include "detector/lexicon/language_model_builder.h"

namespace unspin {

// The model above, word ids in the order <s> </s> a b c (0..4).
NGramModelData TinyNGramModel();

// Its compiled image (a test failure if it does not build).
std::string TinyLanguageModelImage();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_TINY_LANGUAGE_MODEL_H_
