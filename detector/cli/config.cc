#include "detector/cli/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "detector/cli/batch.h"
#include "detector/spin/suppressions.h"
#include "detector/util/file_io.h"
#include "detector/util/json.h"

// toml++ reports errors through its parse_result when built without exceptions; unspin uses
// none (absl::Status everywhere).
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
// toml++'s internal assertions abort on some malformed input ("[{x]]" in parse_key; found by
// fuzz/config_fuzzer), and under NDEBUG they become __builtin_assume, which is worse. Without
// them the parser reports such input as an ordinary error.
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>

namespace unspin {
namespace {

constexpr const char* kTopKeys[] = {"fail-on", "min-confidence", "detectors", "include",
                                    "exclude", "packs",          "rules"};
constexpr const char* kDetectors[] = {"rules", "lexicon"};
// Rule ids no pack defines.
constexpr const char* kNonPackRules[] = {"lexicon.swap", "lexicon.thesaurus",
                                         kUnusedSuppressionRule};

int LineOf(const toml::source_region& region) { return static_cast<int>(region.begin.line); }

// A table's members in file order (toml::table iterates in key order), so settings keep the
// order they were written in and the first error in the file is the one reported.
std::vector<std::pair<const toml::key*, const toml::node*>> InFileOrder(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> members;
  for (const auto& [key, node] : table) members.emplace_back(&key, &node);
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    const toml::source_position& pa = a.first->source().begin;
    const toml::source_position& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return members;
}

absl::Status ErrorAt(const std::string& path, int line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(path, ":", line, ": ", message));
}

std::string Quote(absl::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

// A TOML array of strings; `what` names it in errors.
absl::StatusOr<std::vector<std::string>> StringArray(const toml::node& node,
                                                     const std::string& path,
                                                     absl::string_view what) {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    return ErrorAt(path, LineOf(node.source()),
                   absl::StrCat(what, " must be an array of strings, like [\"a\", \"b\"]"));
  }
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    const toml::value<std::string>* s = item.as_string();
    if (s == nullptr) {
      return ErrorAt(path, LineOf(item.source()),
                     absl::StrCat(what, " must be an array of strings, like [\"a\", \"b\"]"));
    }
    out.push_back(s->get());
  }
  return out;
}

absl::Status ParseRulesTable(const toml::table& table, const std::string& path, Config* config) {
  for (const auto& [key_ptr, node_ptr] : InFileOrder(table)) {
    const toml::key& key = *key_ptr;
    const toml::node& node = *node_ptr;
    const std::string id(key.str());
    const int line = LineOf(key.source());
    const toml::value<std::string>* value = node.as_string();
    RuleSetting setting;
    setting.pattern = id;
    setting.line = line;
    if (id.empty() || (id.find('*') != std::string::npos && id.find('*') != id.size() - 1)) {
      return ErrorAt(
          path, line,
          absl::StrCat("rules: ", Quote(id), " is not a rule id or a prefix ending in '*'"));
    }
    if (value != nullptr && value->get() == "off") {
      setting.off = true;
    } else if (value == nullptr || !ParseSeverity(value->get(), &setting.severity)) {
      return ErrorAt(path, LineOf(node.source()),
                     absl::StrCat("rules.", Quote(id),
                                  " must be \"off\", \"error\", \"warning\" or \"info\""));
    }
    config->rules.push_back(std::move(setting));
  }
  return absl::OkStatus();
}

absl::Status ParsePacksTable(const toml::table& table, const std::string& path, Config* config) {
  for (const auto& [key_ptr, node_ptr] : InFileOrder(table)) {
    const toml::key& key = *key_ptr;
    const toml::node& node = *node_ptr;
    const std::string name(key.str());
    const toml::value<bool>* value = node.as_boolean();
    if (value == nullptr) {
      return ErrorAt(path, LineOf(node.source()),
                     absl::StrCat("packs.", name, " must be true (on) or false (off)"));
    }
    config->packs[name] = value->get();
    config->pack_lines[name] = LineOf(key.source());
  }
  return absl::OkStatus();
}

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

bool Config::DetectorEnabled(absl::string_view name) const {
  if (!detectors.has_value()) return true;
  return std::find(detectors->begin(), detectors->end(), name) != detectors->end();
}

bool Config::PackEnabled(absl::string_view name) const {
  auto it = packs.find(std::string(name));
  return it == packs.end() || it->second;
}

const RuleSetting* Config::RuleSettingFor(absl::string_view rule_id) const {
  const RuleSetting* best = nullptr;
  size_t best_length = 0;
  bool best_exact = false;
  for (const RuleSetting& s : rules) {
    const bool prefix = !s.pattern.empty() && s.pattern.back() == '*';
    if (!prefix) {
      if (s.pattern == rule_id) {
        best = &s;
        best_exact = true;
      }
      continue;
    }
    if (best_exact) continue;
    const absl::string_view stem = absl::string_view(s.pattern).substr(0, s.pattern.size() - 1);
    if (absl::StartsWith(rule_id, stem) && (best == nullptr || stem.size() >= best_length)) {
      best = &s;
      best_length = stem.size();
    }
  }
  return best;
}

bool Config::Includes(absl::string_view absolute_path) const {
  std::string relative(absolute_path);
  const std::string prefix = dir == "/" ? "/" : absl::StrCat(dir, "/");
  if (!dir.empty() && absl::StartsWith(absolute_path, prefix)) {
    relative = std::string(absolute_path.substr(prefix.size()));
  }
  for (const std::string& pattern : exclude) {
    if (GlobMatch(pattern, relative)) return false;
  }
  if (include.empty()) return true;
  for (const std::string& pattern : include) {
    if (GlobMatch(pattern, relative)) return true;
  }
  return false;
}

absl::Status Config::Validate(const std::vector<RulePack>& loaded) const {
  std::vector<absl::string_view> ids(std::begin(kNonPackRules), std::end(kNonPackRules));
  std::vector<absl::string_view> names;
  for (const RulePack& pack : loaded) {
    names.push_back(pack.name);
    for (const Rule& rule : pack.rules) ids.push_back(rule.id);
  }
  for (const auto& [name, on] : packs) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      return ErrorAt(path, pack_lines.at(name),
                     absl::StrCat("packs: unknown pack '", name,
                                  "' (loaded: ", absl::StrJoin(names, ", "), ")"));
    }
  }
  for (const RuleSetting& s : rules) {
    bool known = false;
    for (absl::string_view id : ids) {
      if (SuppressionPatternMatches(s.pattern, id)) {
        known = true;
        break;
      }
    }
    if (!known) {
      return ErrorAt(path, s.line,
                     absl::StrCat("rules: ", Quote(s.pattern), " names no loaded rule"));
    }
  }
  return absl::OkStatus();
}

std::string Config::ToToml(const std::vector<std::string>& pack_names) const {
  std::string out;
  auto strings = [](const std::vector<std::string>& items) {
    return absl::StrCat(
        "[",
        absl::StrJoin(items, ", ",
                      [](std::string* o, const std::string& s) { o->append(Quote(s)); }),
        "]");
  };
  std::vector<std::string> detector_names;
  for (const char* d : kDetectors) {
    if (DetectorEnabled(d)) detector_names.push_back(d);
  }
  char confidence[32];
  std::snprintf(confidence, sizeof(confidence), "%g", MinConfidence());
  std::string confidence_text = confidence;
  if (confidence_text.find_first_of(".e") == std::string::npos) confidence_text += ".0";
  absl::StrAppend(&out, "fail-on = \"", SeverityName(FailOn()), "\"\n",
                  "min-confidence = ", confidence_text, "\n",
                  "detectors = ", strings(detector_names), "\n", "include = ", strings(include),
                  "\n", "exclude = ", strings(exclude), "\n\n[packs]\n");
  std::vector<std::string> names = pack_names;
  for (const auto& [name, on] : packs) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    absl::StrAppend(&out, name, " = ", PackEnabled(name) ? "true" : "false", "\n");
  }
  out += "\n[rules]\n";
  for (const RuleSetting& s : rules) {
    absl::StrAppend(&out, Quote(s.pattern), " = \"", s.off ? "off" : SeverityName(s.severity),
                    "\"\n");
  }
  return out;
}

namespace {

// The line of the first non-ASCII byte outside TOML strings and comments, or 0. TOML allows
// such bytes only inside strings and comments, and toml++ 3.x (Debian) reaches
// __builtin_unreachable when it meets one where whitespace may stand ("a = \xc3\xa9"; found
// by fuzz/config_fuzzer), so they are refused before it sees them.
int NonAsciiOutsideStrings(absl::string_view text) {
  int line = 1;
  size_t i = absl::StartsWith(text, "\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark is fine
  auto run_of = [&](char quote) {
    size_t k = 0;
    while (i + k < text.size() && text[i + k] == quote) ++k;
    return k;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool multiline = run_of(c) >= 3;
      i += multiline ? 3 : 1;
      while (i < text.size()) {
        if (text[i] == '\n') {
          ++line;
          if (!multiline) break;  // an unterminated string: toml++ reports it
          ++i;
        } else if (c == '"' && text[i] == '\\') {
          i += 2;  // an escape never closes the string
        } else if (text[i] == c) {
          const size_t k = run_of(c);
          if (!multiline) {
            ++i;
            break;
          }
          i += k;  // a closing """ may carry up to two quotes of content before it
          if (k >= 3) break;
        } else {
          ++i;
        }
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return line;
    } else {
      ++i;
    }
  }
  return 0;
}

}  // namespace

absl::StatusOr<Config> ParseConfig(absl::string_view text, const std::string& path) {
  Config config;
  config.path = path;
  config.dir = DirName(AbsolutePath(path));
  if (const int line = NonAsciiOutsideStrings(text); line > 0) {
    return ErrorAt(path, line, "invalid TOML: a non-ASCII character outside a string or comment");
  }
  toml::parse_result parsed = toml::parse(std::string_view(text.data(), text.size()), path);
  if (!parsed) {
    const toml::parse_error& error = parsed.error();
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", error.source().begin.line, ":", error.source().begin.column,
                     ": invalid TOML: ", std::string(error.description())));
  }
  const toml::table& top = parsed.table();
  for (const auto& [key_ptr, node_ptr] : InFileOrder(top)) {
    const toml::key& key = *key_ptr;
    const toml::node& node = *node_ptr;
    const std::string name(key.str());
    const int line = LineOf(key.source());
    const int value_line = LineOf(node.source());
    if (name == "fail-on") {
      const toml::value<std::string>* value = node.as_string();
      Severity severity;
      if (value == nullptr || !ParseSeverity(value->get(), &severity)) {
        return ErrorAt(path, value_line, "fail-on must be \"error\", \"warning\" or \"info\"");
      }
      config.fail_on = severity;
    } else if (name == "min-confidence") {
      double value = -1;
      if (const toml::value<double>* d = node.as_floating_point()) value = d->get();
      if (const toml::value<int64_t>* i = node.as_integer()) value = static_cast<double>(i->get());
      if (!(value >= 0.0 && value <= 1.0)) {
        return ErrorAt(path, value_line, "min-confidence must be a number from 0 to 1");
      }
      config.min_confidence = value;
    } else if (name == "detectors") {
      absl::StatusOr<std::vector<std::string>> names = StringArray(node, path, "detectors");
      if (!names.ok()) return names.status();
      for (const std::string& d : *names) {
        if (std::find(std::begin(kDetectors), std::end(kDetectors), d) == std::end(kDetectors)) {
          return ErrorAt(
              path, value_line,
              absl::StrCat("detectors: unknown detector ", Quote(d), " (known: rules, lexicon)"));
        }
      }
      config.detectors = std::move(*names);
    } else if (name == "include" || name == "exclude") {
      absl::StatusOr<std::vector<std::string>> patterns = StringArray(node, path, name);
      if (!patterns.ok()) return patterns.status();
      (name == "include" ? config.include : config.exclude) = std::move(*patterns);
    } else if (name == "packs" || name == "rules") {
      const toml::table* table = node.as_table();
      if (table == nullptr) {
        return ErrorAt(path, line, absl::StrCat(name, " must be a table ([", name, "])"));
      }
      absl::Status s = name == "packs" ? ParsePacksTable(*table, path, &config)
                                       : ParseRulesTable(*table, path, &config);
      if (!s.ok()) return s;
    } else {
      return ErrorAt(
          path, line,
          absl::StrCat("unknown key '", name, "' (known: ",
                       absl::StrJoin(std::begin(kTopKeys), std::end(kTopKeys), ", "), ")"));
    }
  }
  return config;
}

absl::StatusOr<Config> LoadConfig(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  return ParseConfig(*text, path);
}

std::string AbsolutePath(absl::string_view path) {
  std::string joined;
  if (!path.empty() && path.front() == '/') {
    joined = std::string(path);
  } else {
    char cwd[PATH_MAX];
    joined = getcwd(cwd, sizeof(cwd)) != nullptr ? cwd : ".";
    absl::StrAppend(&joined, "/", path);
  }
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(joined, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return absl::StrCat("/", absl::StrJoin(parts, "/"));
}

ConfigFinder::ConfigFinder(std::string explicit_path, bool disabled)
    : explicit_path_(std::move(explicit_path)), disabled_(disabled) {}

absl::StatusOr<const Config*> ConfigFinder::Load(const std::string& config_path) {
  auto it = by_file_.find(config_path);
  if (it != by_file_.end()) return it->second.get();
  absl::StatusOr<Config> config = LoadConfig(config_path);
  if (!config.ok()) return config.status();
  auto owned = std::make_unique<Config>(std::move(*config));
  const Config* result = owned.get();
  by_file_[config_path] = std::move(owned);
  return result;
}

absl::StatusOr<const Config*> ConfigFinder::ForFile(absl::string_view path) {
  if (disabled_) {
    used_defaults_ = true;
    return &defaults_;
  }
  if (!explicit_path_.empty()) return Load(explicit_path_);
  const std::string start = path == "-" ? AbsolutePath(".") : DirName(AbsolutePath(path));
  std::vector<std::string> visited;
  std::string dir = start;
  const Config* found = &defaults_;
  while (true) {
    auto cached = by_dir_.find(dir);
    if (cached != by_dir_.end()) {
      found = cached->second;
      break;
    }
    visited.push_back(dir);
    const std::string candidate =
        dir == "/" ? absl::StrCat("/", kConfigFileName) : absl::StrCat(dir, "/", kConfigFileName);
    if (IsRegularFile(candidate)) {
      absl::StatusOr<const Config*> config = Load(candidate);
      if (!config.ok()) return config.status();
      found = *config;
      break;
    }
    if (dir == "/") break;
    dir = DirName(dir);
  }
  for (const std::string& d : visited) by_dir_[d] = found;
  if (found == &defaults_) used_defaults_ = true;
  return found;
}

std::vector<const Config*> ConfigFinder::Loaded() const {
  std::vector<const Config*> out;
  if (used_defaults_) out.push_back(&defaults_);
  for (const auto& [path, config] : by_file_) out.push_back(config.get());
  return out;
}

}  // namespace unspin
