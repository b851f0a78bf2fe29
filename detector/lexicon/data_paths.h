// Finds the directory of unspin's compiled data files (language model, thesaurus, phrase
// lexicon) at run time.
//
//   unspin::DataDirOptions options;
//   options.explicit_dir = data_dir_flag;   // --data-dir, often empty
//   absl::StatusOr<std::string> dir = unspin::FindDataDir(options);
//   if (!dir.ok()) ...   // the message lists every place searched
//   std::string lm_path = unspin::DataFilePath(*dir, unspin::kLanguageModelFile);
//
// Search order (first match wins):
//   1. DataDirOptions::explicit_dir (the CLI's --data-dir): when given, the only candidate;
//   2. $UNSPIN_DATA_DIR: when set, the only remaining candidate;
//   3. Bazel runfiles: $RUNFILES_DIR/unspin/detector/data, $TEST_SRCDIR/unspin/detector/data,
//      then <path of /proc/self/exe>.runfiles/unspin/detector/data;
//   4. <directory of the executable>/../share/unspin (an installed layout).
// A directory matches when it holds the language model file (all data files are built
// together). An explicit directory or $UNSPIN_DATA_DIR that lacks it is an error, not a reason to
// look elsewhere: the user asked for that directory.
#ifndef UNSPIN_DETECTOR_LEXICON_DATA_PATHS_H_
#define UNSPIN_DETECTOR_LEXICON_DATA_PATHS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace unspin {

// File names inside the data directory (outputs of //detector/data).
inline constexpr char kLanguageModelFile[] = "en-us.lm";
inline constexpr char kThesaurusFile[] = "thesaurus.bin";
inline constexpr char kPhraseLexiconFile[] = "phrases.bin";
inline constexpr char kInflectionsFile[] = "inflections.bin";
inline constexpr char kDictionaryWordsFile[] = "words.bin";
inline constexpr char kCuratedTermsFile[] = "curated.bin";
inline constexpr char kTermIndexFile[] = "terms.idx";
inline constexpr char kSwapIndexFile[] = "swaps.idx";

struct DataDirOptions {
  // Directory given on the command line (--data-dir); empty when not given.
  std::string explicit_dir;
};

// Where the process looks; FindDataDir fills it from the real environment. Exposed so tests can
// drive the search with fake values.
struct DataDirEnvironment {
  std::string unspin_data_dir;  // $UNSPIN_DATA_DIR
  std::string runfiles_dir;     // $RUNFILES_DIR
  std::string test_srcdir;      // $TEST_SRCDIR
  std::string executable;       // resolved /proc/self/exe
  static DataDirEnvironment FromProcess();
};

absl::StatusOr<std::string> FindDataDir(const DataDirOptions& options = {});
absl::StatusOr<std::string> FindDataDirIn(const DataDirOptions& options,
                                          const DataDirEnvironment& environment);

// `dir`/`file`.
std::string DataFilePath(absl::string_view dir, absl::string_view file);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_DATA_PATHS_H_
