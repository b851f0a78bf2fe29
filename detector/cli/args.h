// A small command-line parser for subcommands: each subcommand declares its flags, gets clear
// errors for unknown or malformed ones, and prints its own --help.
//
//   unspin::ArgParser parser("unspin check", "[options] PATH... | -", "Finds spun phrases.");
//   std::string format = "text";
//   bool quoted = false;
//   parser.AddString("format", "text|jsonl", "output format", &format);
//   parser.AddBool("show-quoted", "report findings inside quotations", &quoted);
//   absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
//   if (parser.help_requested()) { std::cout << parser.Help(); return 0; }
#ifndef UNSPIN_DETECTOR_CLI_ARGS_H_
#define UNSPIN_DETECTOR_CLI_ARGS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace unspin {

class ArgParser {
 public:
  ArgParser(std::string command, std::string usage, std::string description);

  // `value_name` is shown in help ("--format=text|jsonl").
  void AddString(std::string name, std::string value_name, std::string help, std::string* value);
  void AddInt(std::string name, std::string value_name, std::string help, int* value);
  void AddDouble(std::string name, std::string value_name, std::string help, double* value);
  void AddBool(std::string name, std::string help, bool* value);
  // A flag that may be given many times; each value is appended.
  void AddRepeated(std::string name, std::string value_name, std::string help,
                   std::vector<std::string>* values);

  // Parses flags anywhere among the arguments; "--" ends flags. Returns the positional arguments.
  // "-" alone is positional (standard input).
  absl::StatusOr<std::vector<std::string>> Parse(const std::vector<std::string>& args);

  bool help_requested() const { return help_requested_; }
  // Whether the last Parse() saw --`name` (so a flag given with its default value still wins
  // over a configuration file).
  bool IsSet(absl::string_view name) const;
  std::string Help() const;

 private:
  struct Flag {
    std::string name;
    std::string value_name;  // empty for booleans
    std::string help;
    std::function<absl::Status(absl::string_view)> set;
    bool is_bool = false;
  };

  const Flag* Find(absl::string_view name) const;

  std::string command_;
  std::string usage_;
  std::string description_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
  std::vector<std::string> set_flags_;  // names of the flags Parse() saw
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_CLI_ARGS_H_
