// A file compiled into the binary by tools/embed_files.sh (see rules/builtin_packs.h).
#ifndef UNSPIN_DETECTOR_UTIL_EMBEDDED_FILE_H_
#define UNSPIN_DETECTOR_UTIL_EMBEDDED_FILE_H_

namespace unspin {

struct EmbeddedFile {
  const char* path;  // path in the source tree, e.g. "rules/news.rules" (used in messages)
  const char* text;  // the file's contents
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_EMBEDDED_FILE_H_
