// Helpers of the end-to-end tests: run the `unspin` binary from the test's runfiles as a user
// would, and read and write the files around it.
//
//   WriteAll(TempPath("in/a.txt"), "closing yr");
//   const unspin::CliResult r = unspin::RunUnspin("check " + TempPath("in/a.txt"));
//   EXPECT_EQ(r.exit_code, 1);
#ifndef UNSPIN_TESTS_CLI_RUNNER_H_
#define UNSPIN_TESTS_CLI_RUNNER_H_

#include <cstddef>
#include <string>
#include <utility>

namespace unspin {

// `path` inside the runfiles of the repository (TEST_SRCDIR/unspin/path); "" gives the root.
std::string Runfile(const std::string& path);
// `name` below TEST_TMPDIR.
std::string TempPath(const std::string& name);
// The whole file, empty when it cannot be read.
std::string ReadAll(const std::string& path);
// Writes `data` to `path`, creating its parent folders.
void WriteAll(const std::string& path, const std::string& data);

// 1-based line and column (in code points) of byte `offset` of `text`: the tests' own reckoning,
// to check the positions unspin reports.
std::pair<size_t, size_t> LineColumnOfByte(const std::string& text, size_t offset);

struct CliResult {
  int exit_code = -1;  // -1 when the command did not exit normally
  std::string out;     // standard output
  std::string err;     // standard error
};

// Runs `unspin ARGS` through the shell (ARGS is shell syntax, so tests can pipe and redirect).
CliResult RunUnspin(const std::string& args);
// The same with `cwd` as the working directory.
CliResult RunUnspinIn(const std::string& cwd, const std::string& args);

}  // namespace unspin

#endif  // UNSPIN_TESTS_CLI_RUNNER_H_
