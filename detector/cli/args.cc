#include "detector/cli/args.h"

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace unspin {

ArgParser::ArgParser(std::string command, std::string usage, std::string description)
    : command_(std::move(command)),
      usage_(std::move(usage)),
      description_(std::move(description)) {}

void ArgParser::AddString(std::string name, std::string value_name, std::string help,
                          std::string* value) {
  flags_.push_back(
      {std::move(name), std::move(value_name), std::move(help), [value](absl::string_view v) {
         *value = std::string(v);
         return absl::OkStatus();
       }});
}

void ArgParser::AddInt(std::string name, std::string value_name, std::string help, int* value) {
  const std::string flag = name;
  flags_.push_back(
      {std::move(name), std::move(value_name), std::move(help), [value, flag](absl::string_view v) {
         if (!absl::SimpleAtoi(v, value)) {
           return absl::InvalidArgumentError(
               absl::StrCat("--", flag, " expects an integer, got '", v, "'"));
         }
         return absl::OkStatus();
       }});
}

void ArgParser::AddDouble(std::string name, std::string value_name, std::string help,
                          double* value) {
  const std::string flag = name;
  flags_.push_back(
      {std::move(name), std::move(value_name), std::move(help), [value, flag](absl::string_view v) {
         if (!absl::SimpleAtod(v, value)) {
           return absl::InvalidArgumentError(
               absl::StrCat("--", flag, " expects a number, got '", v, "'"));
         }
         return absl::OkStatus();
       }});
}

void ArgParser::AddBool(std::string name, std::string help, bool* value) {
  const std::string flag = name;
  Flag f{std::move(name), "", std::move(help), [value, flag](absl::string_view v) {
           if (v.empty() || v == "true" || v == "1") {
             *value = true;
           } else if (v == "false" || v == "0") {
             *value = false;
           } else {
             return absl::InvalidArgumentError(
                 absl::StrCat("--", flag, " expects true or false, got '", v, "'"));
           }
           return absl::OkStatus();
         }};
  f.is_bool = true;
  flags_.push_back(std::move(f));
}

void ArgParser::AddRepeated(std::string name, std::string value_name, std::string help,
                            std::vector<std::string>* values) {
  flags_.push_back(
      {std::move(name), std::move(value_name), std::move(help), [values](absl::string_view v) {
         values->emplace_back(v);
         return absl::OkStatus();
       }});
}

const ArgParser::Flag* ArgParser::Find(absl::string_view name) const {
  for (const Flag& f : flags_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

absl::StatusOr<std::vector<std::string>> ArgParser::Parse(const std::vector<std::string>& args) {
  set_flags_.clear();
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional.insert(positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg == "-h" || arg == "--help") {
      help_requested_ = true;
      continue;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown option '", arg, "' (options are spelled --name; see ", command_, " --help)"));
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const Flag* flag = Find(name);
    if (flag == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown option '--", name, "' (see ", command_, " --help)"));
    }
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (!flag->is_bool) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
      }
      value = args[++i];
    }
    if (absl::Status s = flag->set(value); !s.ok()) return s;
    set_flags_.push_back(name);
  }
  return positional;
}

bool ArgParser::IsSet(absl::string_view name) const {
  return std::find(set_flags_.begin(), set_flags_.end(), name) != set_flags_.end();
}

std::string ArgParser::Help() const {
  std::string out = absl::StrCat("usage: ", command_, " ", usage_, "\n\n", description_, "\n");
  if (!flags_.empty()) out += "\noptions:\n";
  for (const Flag& f : flags_) {
    std::string left = absl::StrCat("  --", f.name);
    if (!f.is_bool) absl::StrAppend(&left, "=", f.value_name);
    if (left.size() < 28)
      left.resize(28, ' ');
    else
      left += "\n                            ";
    absl::StrAppend(&out, left, f.help, "\n");
  }
  absl::StrAppend(&out, "  --help                    show this help\n");
  return out;
}

}  // namespace unspin
