// Entry points of the unspin subcommands. Each takes the arguments after the command name and
// returns the process exit code: 0 success/clean, 1 findings at or above --fail-on (or other
// command-specific "something found"), 2 usage or input error. Only these functions print.
#ifndef UNSPIN_DETECTOR_CLI_COMMANDS_H_
#define UNSPIN_DETECTOR_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace unspin {

int RunCheckCommand(const std::vector<std::string>& args);
int RunFixCommand(const std::vector<std::string>& args);
int RunConfigCommand(const std::vector<std::string>& args);   // config_command.cc
int RunDedupCommand(const std::vector<std::string>& args);    // dedup_command.cc
int RunIndexCommand(const std::vector<std::string>& args);    // index_command.cc
int RunLexiconCommand(const std::vector<std::string>& args);  // lexicon_command.cc

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_COMMANDS_H_
