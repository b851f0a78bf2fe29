#include "detector/util/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace unspin {
namespace {

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir ? dir : "/tmp";
}

TEST(ReadFileToStringTest, ReadsAndReportsErrorsWithPath) {
  const std::string path = TempDir() + "/read.txt";
  std::ofstream(path) << "hello";
  auto ok = ReadFileToString(path);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "hello");

  auto missing = ReadFileToString(TempDir() + "/missing.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_NE(missing.status().message().find("missing.txt: No such file"), std::string::npos);

  auto dir = ReadFileToString(TempDir());
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("is a directory"), std::string::npos);
}

TEST(WriteFileAtomicallyTest, ReplacesContentsKeepsModeLeavesNoTempFiles) {
  const std::string dir = TempDir() + "/atomic";
  mkdir(dir.c_str(), 0755);
  const std::string path = dir + "/out.txt";
  std::ofstream(path) << "old";
  chmod(path.c_str(), 0600);
  ASSERT_TRUE(WriteFileAtomically(path, "new contents").ok());
  EXPECT_EQ(*ReadFileToString(path), "new contents");
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Only the target remains in the folder.
  int entries = 0;
  for (const char* name : {"out.txt"}) entries += access((dir + "/" + name).c_str(), F_OK) == 0;
  EXPECT_EQ(entries, 1);
  EXPECT_EQ(system(("test $(ls " + dir + " | wc -l) -eq 1").c_str()), 0);
}

TEST(WriteFileAtomicallyTest, FailsCleanlyInMissingFolder) {
  const absl::Status s = WriteFileAtomically(TempDir() + "/no/such/dir/out.txt", "x");
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace unspin
