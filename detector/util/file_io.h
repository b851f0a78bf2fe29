// File input and output with the checks a batch tool needs: clear errors for missing files,
// directories and unreadable files, and atomic replacement so a crash never leaves a
// half-written output.
//
//   absl::StatusOr<std::string> text = unspin::ReadFileToString("article.txt");
//   if (!text.ok()) return text.status();   // "article.txt: No such file or directory"
//   absl::Status s = unspin::WriteFileAtomically("article.txt", restored);
#ifndef UNSPIN_DETECTOR_UTIL_FILE_IO_H_
#define UNSPIN_DETECTOR_UTIL_FILE_IO_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace unspin {

// Reads a whole regular file. "-" reads standard input. Errors name the path.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// Writes `contents` to a temporary file beside `path`, flushes it and renames it over `path`,
// keeping the original file's permission bits when it exists. Either the old or the new
// contents are visible at every moment.
absl::Status WriteFileAtomically(const std::string& path, absl::string_view contents);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_FILE_IO_H_
