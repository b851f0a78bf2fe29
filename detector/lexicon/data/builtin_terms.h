// The curated term lists in detector/lexicon/data/ (terms.txt), compiled into the binary.
//
//   for (const unspin::EmbeddedFile& f : unspin::BuiltinTermLists()) ...  // f.path, f.text
#ifndef UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_TERMS_H_
#define UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_TERMS_H_

#include <vector>

#include "detector/util/embedded_file.h"

namespace unspin {

const std::vector<EmbeddedFile>& BuiltinTermLists();

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_DATA_BUILTIN_TERMS_H_
