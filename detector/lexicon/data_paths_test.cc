#include "detector/lexicon/data_paths.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace {

std::string Root() { return std::string(std::getenv("TEST_TMPDIR")) + "/data_paths"; }

void MakeDirs(const std::string& path) {
  std::string partial;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || (path[i] == '/' && i > 0)) mkdir(path.substr(0, i).c_str(), 0755);
  }
}

// Creates `dir` holding the data files.
std::string DataDir(const std::string& relative) {
  const std::string dir = Root() + "/" + relative;
  MakeDirs(dir);
  std::ofstream(DataFilePath(dir, kLanguageModelFile)) << "x";
  return dir;
}

TEST(FindDataDirTest, SearchOrder) {
  const std::string flag_dir = DataDir("flag");
  const std::string env_dir = DataDir("env");
  const std::string runfiles = Root() + "/runfiles";
  DataDir("runfiles/unspin/detector/data");
  const std::string srcdir = Root() + "/srcdir";
  DataDir("srcdir/unspin/detector/data");
  const std::string exe = Root() + "/bin/unspin";
  DataDir("bin/unspin.runfiles/unspin/detector/data");
  const std::string installed_exe = Root() + "/prefix/bin/unspin";
  DataDir("prefix/share/unspin");
  MakeDirs(Root() + "/empty");

  struct Case {
    std::string name;
    std::string explicit_dir;
    DataDirEnvironment env;
    std::string expected;  // empty: an error
  };
  const std::vector<Case> cases = {
      {"flag wins", flag_dir, {env_dir, runfiles, srcdir, exe}, flag_dir},
      {"flag without data is an error", Root() + "/empty", {env_dir, runfiles, srcdir, exe}, ""},
      {"environment variable next", "", {env_dir, runfiles, srcdir, exe}, env_dir},
      {"bad environment variable is an error", "", {Root() + "/empty", runfiles, srcdir, exe}, ""},
      {"RUNFILES_DIR", "", {"", runfiles, srcdir, exe}, runfiles + "/unspin/detector/data"},
      {"TEST_SRCDIR", "", {"", "", srcdir, exe}, srcdir + "/unspin/detector/data"},
      {"runfiles beside the executable",
       "",
       {"", "", "", exe},
       exe + ".runfiles/unspin/detector/data"},
      {"empty RUNFILES_DIR falls through",
       "",
       {"", Root() + "/empty", "", exe},
       exe + ".runfiles/unspin/detector/data"},
      {"installed layout", "", {"", "", "", installed_exe}, Root() + "/prefix/share/unspin"},
      {"nothing anywhere", "", {"", "", "", Root() + "/nowhere/bin/unspin"}, ""},
  };
  for (const Case& c : cases) {
    DataDirOptions options;
    options.explicit_dir = c.explicit_dir;
    absl::StatusOr<std::string> dir = FindDataDirIn(options, c.env);
    if (c.expected.empty()) {
      ASSERT_FALSE(dir.ok()) << c.name << ": found " << *dir;
      EXPECT_EQ(dir.status().code(), absl::StatusCode::kNotFound) << c.name;
      EXPECT_NE(dir.status().message().find(kLanguageModelFile), std::string::npos);
    } else {
      ASSERT_TRUE(dir.ok()) << c.name << ": " << dir.status();
      EXPECT_EQ(*dir, c.expected) << c.name;
    }
  }
}

TEST(FindDataDirTest, ErrorListsEveryPlaceSearched) {
  DataDirEnvironment env;
  env.runfiles_dir = Root() + "/r1";
  env.test_srcdir = Root() + "/s1";
  env.executable = Root() + "/x/bin/unspin";
  absl::StatusOr<std::string> dir = FindDataDirIn({}, env);
  ASSERT_FALSE(dir.ok());
  for (const std::string& place :
       {env.runfiles_dir + "/unspin/detector/data", env.test_srcdir + "/unspin/detector/data",
        env.executable + ".runfiles/unspin/detector/data", Root() + "/x/share/unspin"}) {
    EXPECT_NE(dir.status().message().find(place), std::string::npos) << place << "\n"
                                                                     << dir.status();
  }
}

TEST(FindDataDirTest, FindsTheRealDataInThisTestsRunfiles) {
  absl::StatusOr<std::string> dir = FindDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  EXPECT_NE(dir->find("detector/data"), std::string::npos);
}

TEST(DataFilePathTest, JoinsWithOneSlash) {
  EXPECT_EQ(DataFilePath("a", "b"), "a/b");
  EXPECT_EQ(DataFilePath("a/", "b"), "a/b");
  EXPECT_EQ(DataFilePath("", "b"), "b");
}

}  // namespace
}  // namespace unspin
