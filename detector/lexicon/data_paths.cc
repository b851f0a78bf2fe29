#include "detector/lexicon/data_paths.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "absl/strings/str_cat.h"

namespace unspin {
namespace {

constexpr char kRunfilesSubdir[] = "unspin/detector/data";

bool HasDataFiles(const std::string& dir) {
  struct stat st;
  return stat(DataFilePath(dir, kLanguageModelFile).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string GetEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string Dirname(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

absl::Status NotFound(const std::vector<std::string>& searched, absl::string_view hint) {
  std::string message = absl::StrCat("unspin data files (", kLanguageModelFile, ", ",
                                     kThesaurusFile, ", ", kPhraseLexiconFile, ") not found in:");
  for (const std::string& place : searched) absl::StrAppend(&message, "\n  ", place);
  absl::StrAppend(&message, "\n", hint);
  return absl::NotFoundError(message);
}

}  // namespace

DataDirEnvironment DataDirEnvironment::FromProcess() {
  DataDirEnvironment env;
  env.unspin_data_dir = GetEnv("UNSPIN_DATA_DIR");
  env.runfiles_dir = GetEnv("RUNFILES_DIR");
  env.test_srcdir = GetEnv("TEST_SRCDIR");
  char buffer[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n > 0) env.executable.assign(buffer, static_cast<size_t>(n));
  return env;
}

std::string DataFilePath(absl::string_view dir, absl::string_view file) {
  if (dir.empty()) return std::string(file);
  if (dir.back() == '/') return absl::StrCat(dir, file);
  return absl::StrCat(dir, "/", file);
}

absl::StatusOr<std::string> FindDataDir(const DataDirOptions& options) {
  return FindDataDirIn(options, DataDirEnvironment::FromProcess());
}

absl::StatusOr<std::string> FindDataDirIn(const DataDirOptions& options,
                                          const DataDirEnvironment& env) {
  if (!options.explicit_dir.empty()) {
    if (HasDataFiles(options.explicit_dir)) return options.explicit_dir;
    return NotFound({absl::StrCat(options.explicit_dir, " (--data-dir)")},
                    "Point --data-dir at the folder that holds them (bazel-bin/detector/data).");
  }
  if (!env.unspin_data_dir.empty()) {
    if (HasDataFiles(env.unspin_data_dir)) return env.unspin_data_dir;
    return NotFound({absl::StrCat(env.unspin_data_dir, " ($UNSPIN_DATA_DIR)")},
                    "Point UNSPIN_DATA_DIR at the folder that holds them, or unset it.");
  }
  std::vector<std::pair<std::string, std::string>> candidates;  // (dir, why)
  if (!env.runfiles_dir.empty()) {
    candidates.emplace_back(DataFilePath(env.runfiles_dir, kRunfilesSubdir), "$RUNFILES_DIR");
  }
  if (!env.test_srcdir.empty()) {
    candidates.emplace_back(DataFilePath(env.test_srcdir, kRunfilesSubdir), "$TEST_SRCDIR");
  }
  if (!env.executable.empty()) {
    candidates.emplace_back(
        DataFilePath(absl::StrCat(env.executable, ".runfiles"), kRunfilesSubdir),
        "runfiles of the executable");
    candidates.emplace_back(DataFilePath(Dirname(Dirname(env.executable)), "share/unspin"),
                            "installed layout");
  }
  std::vector<std::string> searched;
  for (const auto& [dir, why] : candidates) {
    if (HasDataFiles(dir)) return dir;
    searched.push_back(absl::StrCat(dir, " (", why, ")"));
  }
  return NotFound(searched,
                  "Build them with `bazel build //detector/data`, then pass --data-dir or set "
                  "UNSPIN_DATA_DIR.");
}

}  // namespace unspin
