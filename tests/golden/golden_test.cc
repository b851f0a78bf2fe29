// Golden-file tests: every case in tests/golden/cases.txt runs the `unspin` binary from the
// runfiles root (so paths in the output are the repository's relative paths) and compares its
// standard output, byte for byte, and its exit status with the reviewed NAME.golden file.
// tests/golden/update.sh regenerates them.
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "detector/report/unified_diff.h"
#include "tests/cli_runner.h"

namespace unspin {
namespace {

const char kPack[] =
    "--no-config --detectors=rules --no-builtin-rules --rules=tests/golden/golden.rules";

struct Case {
  std::string name;
  int exit_status = 0;
  std::string args;
};

std::vector<Case> ReadCases() {
  std::vector<Case> cases;
  for (absl::string_view line :
       absl::StrSplit(ReadAll(Runfile("") + "/tests/golden/cases.txt"), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    // NAME, EXIT_STATUS, then the arguments (words separated by any run of blanks).
    absl::string_view fields[2];
    for (absl::string_view& field : fields) {
      const size_t blank = line.find_first_of(" \t");
      field = line.substr(0, blank);
      line = blank == absl::string_view::npos
                 ? ""
                 : absl::StripLeadingAsciiWhitespace(line.substr(blank));
    }
    Case c;
    c.name = std::string(fields[0]);
    EXPECT_TRUE(absl::SimpleAtoi(fields[1], &c.exit_status)) << c.name;
    EXPECT_FALSE(line.empty()) << c.name << ": no arguments";
    c.args = absl::StrReplaceAll(line, {{"$PACK", kPack}});
    cases.push_back(c);
  }
  return cases;
}

TEST(GoldenTest, EveryCaseMatchesItsGoldenFile) {
  const std::vector<Case> cases = ReadCases();
  ASSERT_GE(cases.size(), 10u);
  for (const Case& c : cases) {
    // From the runfiles root, so paths in the output are the repository's relative paths.
    const CliResult r = RunUnspinIn(Runfile(""), c.args);
    const std::string& actual = r.out;
    const std::string expected = ReadAll(Runfile("tests/golden/" + c.name + ".golden"));
    EXPECT_EQ(r.exit_code, c.exit_status) << c.name << ": unspin " << c.args << "\n" << r.err;
    EXPECT_FALSE(expected.empty()) << c.name << ": empty or missing golden file";
    // A diff names what changed; run tests/golden/update.sh and review `git diff tests/golden`.
    EXPECT_TRUE(actual == expected)
        << c.name << ": output differs from tests/golden/" << c.name << ".golden:\n"
        << UnifiedDiff(expected, actual, c.name + ".golden");
  }
}

// Case names are unique and every golden file belongs to a case: a stale one would be reviewed
// for nothing.
TEST(GoldenTest, EveryGoldenFileHasOneCase) {
  std::vector<std::string> names;
  for (const Case& c : ReadCases()) {
    EXPECT_EQ(std::find(names.begin(), names.end(), c.name), names.end()) << c.name;
    names.push_back(c.name);
  }
  DIR* dir = opendir((Runfile("") + "/tests/golden").c_str());
  ASSERT_NE(dir, nullptr);
  int golden_files = 0;
  while (struct dirent* e = readdir(dir)) {
    absl::string_view name = e->d_name;
    if (!absl::ConsumeSuffix(&name, ".golden")) continue;
    ++golden_files;
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end())
        << name << ".golden has no case in cases.txt";
  }
  closedir(dir);
  EXPECT_EQ(golden_files, static_cast<int>(names.size()));
}

}  // namespace
}  // namespace unspin
