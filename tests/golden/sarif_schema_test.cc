// The SARIF output checked against the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json): for
// every object kind unspin writes, the properties the schema requires, the properties it allows
// (the schema sets additionalProperties to false), their types, integer minimums and enums. Then
// what a consumer relies on beyond the schema: ruleIndex points at the rule with that id, rule
// ids are unique, each region's bytes are its snippet and its line/column are those bytes'
// position, and applying every fix's replacements to a file gives what `unspin fix
// --unsafe-fixes` writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/cli_runner.h"
#include "tests/golden/json_tree.h"

namespace unspin {
namespace {

// ---------------------------------------------------------------------------------------------
// The schema, for the object kinds unspin writes (names as in the schema's "definitions").

enum class Kind { kString, kInteger, kNumber, kBool, kObject, kArray, kStringMap, kPropertyBag };

struct Property {
  const char* name;
  Kind kind;
  const char* ref = nullptr;  // kObject: its definition; kArray: its items' definition
  long minimum = -1000000;    // kInteger
};

struct Definition {
  const char* name;
  std::vector<const char*> required;
  std::vector<Property> properties;
};

const std::vector<Definition>& Schema() {
  static const std::vector<Definition>* const schema = new std::vector<Definition>{
      {"sarifLog",
       {"version", "runs"},
       {{"$schema", Kind::kString},
        {"version", Kind::kString},
        {"runs", Kind::kArray, "run"},
        {"inlineExternalProperties", Kind::kArray, nullptr},
        {"properties", Kind::kPropertyBag}}},
      {"run",
       {"tool"},
       {{"tool", Kind::kObject, "tool"},
        {"invocations", Kind::kArray, nullptr},
        {"results", Kind::kArray, "result"},
        {"columnKind", Kind::kString},
        {"artifacts", Kind::kArray, nullptr},
        {"originalUriBaseIds", Kind::kObject, nullptr},
        {"automationDetails", Kind::kObject, nullptr},
        {"baselineGuid", Kind::kString},
        {"defaultEncoding", Kind::kString},
        {"defaultSourceLanguage", Kind::kString},
        {"properties", Kind::kPropertyBag}}},
      {"tool",
       {"driver"},
       {{"driver", Kind::kObject, "toolComponent"},
        {"extensions", Kind::kArray, "toolComponent"},
        {"properties", Kind::kPropertyBag}}},
      {"toolComponent",
       {"name"},
       {{"name", Kind::kString},
        {"guid", Kind::kString},
        {"organization", Kind::kString},
        {"product", Kind::kString},
        {"fullName", Kind::kString},
        {"version", Kind::kString},
        {"semanticVersion", Kind::kString},
        {"informationUri", Kind::kString},
        {"downloadUri", Kind::kString},
        {"shortDescription", Kind::kObject, "multiformatMessageString"},
        {"fullDescription", Kind::kObject, "multiformatMessageString"},
        {"rules", Kind::kArray, "reportingDescriptor"},
        {"notifications", Kind::kArray, "reportingDescriptor"},
        {"properties", Kind::kPropertyBag}}},
      {"reportingDescriptor",
       {"id"},
       {{"id", Kind::kString},
        {"deprecatedIds", Kind::kArray, nullptr},
        {"guid", Kind::kString},
        {"name", Kind::kString},
        {"shortDescription", Kind::kObject, "multiformatMessageString"},
        {"fullDescription", Kind::kObject, "multiformatMessageString"},
        {"messageStrings", Kind::kObject, nullptr},
        {"defaultConfiguration", Kind::kObject, "reportingConfiguration"},
        {"helpUri", Kind::kString},
        {"help", Kind::kObject, "multiformatMessageString"},
        {"relationships", Kind::kArray, nullptr},
        {"properties", Kind::kPropertyBag}}},
      {"reportingConfiguration",
       {},
       {{"enabled", Kind::kBool},
        {"level", Kind::kString},
        {"rank", Kind::kNumber},
        {"parameters", Kind::kPropertyBag},
        {"properties", Kind::kPropertyBag}}},
      {"multiformatMessageString",
       {"text"},
       {{"text", Kind::kString}, {"markdown", Kind::kString}, {"properties", Kind::kPropertyBag}}},
      {"message",
       {},  // anyOf: text or id (checked below)
       {{"text", Kind::kString},
        {"markdown", Kind::kString},
        {"id", Kind::kString},
        {"arguments", Kind::kArray, nullptr},
        {"properties", Kind::kPropertyBag}}},
      {"result",
       {"message"},
       {{"ruleId", Kind::kString},
        {"ruleIndex", Kind::kInteger, nullptr, -1},
        {"rule", Kind::kObject, nullptr},
        {"kind", Kind::kString},
        {"level", Kind::kString},
        {"message", Kind::kObject, "message"},
        {"locations", Kind::kArray, "location"},
        {"guid", Kind::kString},
        {"correlationGuid", Kind::kString},
        {"occurrenceCount", Kind::kInteger, nullptr, 1},
        {"partialFingerprints", Kind::kStringMap},
        {"fingerprints", Kind::kStringMap},
        {"relatedLocations", Kind::kArray, "location"},
        {"suppressions", Kind::kArray, nullptr},
        {"baselineState", Kind::kString},
        {"rank", Kind::kNumber},
        {"fixes", Kind::kArray, "fix"},
        {"properties", Kind::kPropertyBag}}},
      {"location",
       {},
       {{"id", Kind::kInteger, nullptr, -1},
        {"physicalLocation", Kind::kObject, "physicalLocation"},
        {"logicalLocations", Kind::kArray, nullptr},
        {"message", Kind::kObject, "message"},
        {"annotations", Kind::kArray, "region"},
        {"relationships", Kind::kArray, nullptr},
        {"properties", Kind::kPropertyBag}}},
      {"physicalLocation",
       {},  // anyOf: address or artifactLocation (checked below)
       {{"address", Kind::kObject, nullptr},
        {"artifactLocation", Kind::kObject, "artifactLocation"},
        {"region", Kind::kObject, "region"},
        {"contextRegion", Kind::kObject, "region"},
        {"properties", Kind::kPropertyBag}}},
      {"artifactLocation",
       {},
       {{"uri", Kind::kString},
        {"uriBaseId", Kind::kString},
        {"index", Kind::kInteger, nullptr, -1},
        {"description", Kind::kObject, "message"},
        {"properties", Kind::kPropertyBag}}},
      {"region",
       {},
       {{"startLine", Kind::kInteger, nullptr, 1},
        {"startColumn", Kind::kInteger, nullptr, 1},
        {"endLine", Kind::kInteger, nullptr, 1},
        {"endColumn", Kind::kInteger, nullptr, 1},
        {"charOffset", Kind::kInteger, nullptr, -1},
        {"charLength", Kind::kInteger, nullptr, 0},
        {"byteOffset", Kind::kInteger, nullptr, -1},
        {"byteLength", Kind::kInteger, nullptr, 0},
        {"snippet", Kind::kObject, "artifactContent"},
        {"message", Kind::kObject, "message"},
        {"sourceLanguage", Kind::kString},
        {"properties", Kind::kPropertyBag}}},
      {"artifactContent",
       {},
       {{"text", Kind::kString},
        {"binary", Kind::kString},
        {"rendered", Kind::kObject, "multiformatMessageString"},
        {"properties", Kind::kPropertyBag}}},
      {"fix",
       {"artifactChanges"},
       {{"description", Kind::kObject, "message"},
        {"artifactChanges", Kind::kArray, "artifactChange"},
        {"properties", Kind::kPropertyBag}}},
      {"artifactChange",
       {"artifactLocation", "replacements"},
       {{"artifactLocation", Kind::kObject, "artifactLocation"},
        {"replacements", Kind::kArray, "replacement"},
        {"properties", Kind::kPropertyBag}}},
      {"replacement",
       {"deletedRegion"},
       {{"deletedRegion", Kind::kObject, "region"},
        {"insertedContent", Kind::kObject, "artifactContent"},
        {"properties", Kind::kPropertyBag}}},
  };
  return *schema;
}

const Definition* Find(absl::string_view name) {
  for (const Definition& d : Schema()) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

// Enumerations the schema gives, by property name (all of them are strings).
const std::map<std::string, std::set<std::string>>& Enums() {
  static const auto* const enums = new std::map<std::string, std::set<std::string>>{
      {"version", {"2.1.0"}},
      {"level", {"none", "note", "warning", "error"}},
      {"kind", {"notApplicable", "pass", "fail", "review", "open", "informational"}},
      {"columnKind", {"utf16CodeUnits", "unicodeCodePoints"}},
      {"baselineState", {"new", "unchanged", "updated", "absent"}},
  };
  return *enums;
}

// Checks `value` against definition `name`, appending problems (with their JSON path) to `errors`.
void Check(const JsonValue& value, const std::string& name, const std::string& path,
           std::vector<std::string>* errors) {
  const Definition* def = Find(name);
  if (def == nullptr) {
    errors->push_back(absl::StrCat(path, ": no definition ", name));
    return;
  }
  if (value.type != JsonType::kObject) {
    errors->push_back(absl::StrCat(path, ": ", name, " must be an object"));
    return;
  }
  for (const char* required : def->required) {
    if (value.Get(required) == nullptr) {
      errors->push_back(absl::StrCat(path, ": ", name, " lacks required '", required, "'"));
    }
  }
  if (name == "message" && value.Get("text") == nullptr && value.Get("id") == nullptr) {
    errors->push_back(absl::StrCat(path, ": message needs 'text' or 'id'"));
  }
  if (name == "physicalLocation" && value.Get("address") == nullptr &&
      value.Get("artifactLocation") == nullptr) {
    errors->push_back(absl::StrCat(path, ": physicalLocation needs 'artifactLocation'"));
  }
  for (const auto& [key, member] : value.members) {
    const std::string at = absl::StrCat(path, ".", key);
    const Property* prop = nullptr;
    for (const Property& p : def->properties) {
      if (key == p.name) prop = &p;
    }
    if (prop == nullptr) {
      errors->push_back(absl::StrCat(at, ": ", name, " allows no property '", key, "'"));
      continue;
    }
    switch (prop->kind) {
      case Kind::kString: {
        if (member.type != JsonType::kString) {
          errors->push_back(absl::StrCat(at, ": must be a string"));
          break;
        }
        auto e = Enums().find(key);
        if (e != Enums().end() && !e->second.count(member.string)) {
          errors->push_back(absl::StrCat(at, ": '", member.string, "' is not one of ",
                                         absl::StrJoin(e->second, ", ")));
        }
        break;
      }
      case Kind::kInteger:
        if (!member.IsInteger()) {
          errors->push_back(absl::StrCat(at, ": must be an integer"));
        } else if (member.number < prop->minimum) {
          errors->push_back(absl::StrCat(at, ": below the minimum ", prop->minimum));
        }
        break;
      case Kind::kNumber:
        if (member.type != JsonType::kNumber) errors->push_back(absl::StrCat(at, ": not a number"));
        break;
      case Kind::kBool:
        if (member.type != JsonType::kBool) errors->push_back(absl::StrCat(at, ": not a boolean"));
        break;
      case Kind::kObject:
        if (member.type != JsonType::kObject) {
          errors->push_back(absl::StrCat(at, ": must be an object"));
        } else if (prop->ref != nullptr) {
          Check(member, prop->ref, at, errors);
        }
        break;
      case Kind::kArray:
        if (member.type != JsonType::kArray) {
          errors->push_back(absl::StrCat(at, ": must be an array"));
          break;
        }
        if ((key == "artifactChanges" || key == "replacements") && member.items.empty()) {
          errors->push_back(absl::StrCat(at, ": needs at least one item"));
        }
        for (size_t i = 0; i < member.items.size(); ++i) {
          if (prop->ref != nullptr) {
            Check(member.items[i], prop->ref, absl::StrCat(at, "[", i, "]"), errors);
          }
        }
        break;
      case Kind::kStringMap:
        if (member.type != JsonType::kObject) {
          errors->push_back(absl::StrCat(at, ": must be an object"));
          break;
        }
        for (const auto& [k, v] : member.members) {
          if (v.type != JsonType::kString) {
            errors->push_back(absl::StrCat(at, ".", k, ": must be a string"));
          }
        }
        break;
      case Kind::kPropertyBag:
        if (member.type != JsonType::kObject) {
          errors->push_back(absl::StrCat(at, ": must be an object"));
        } else if (const JsonValue* tags = member.Get("tags")) {
          if (tags->type != JsonType::kArray) errors->push_back(absl::StrCat(at, ".tags: array"));
        }
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running unspin.

// Runs unspin from the runfiles root (so the log's URIs are repository paths); returns stdout
// and sets the exit status.
std::string RunFromRoot(const std::string& args, int* exit_status) {
  const CliResult r = RunUnspinIn(Runfile(""), args);
  *exit_status = r.exit_code;
  return r.out;
}

const char kPack[] =
    "--no-config --detectors=rules --no-builtin-rules --rules=tests/golden/golden.rules";
const char kInputs[] =
    "samples/formats/article.txt samples/formats/article.md samples/formats/article.html "
    "tests/golden/inputs/corpus.jsonl tests/golden/inputs/suppressed.md "
    "tests/golden/inputs/notes.txt samples/clean_news.txt";

long Int(const JsonValue& object, const char* key) {
  const JsonValue* v = object.Get(key);
  return v == nullptr ? -1 : static_cast<long>(v->number);
}

// Checks a log's schema and the consistency a consumer relies on; returns the number of results.
size_t CheckLog(const std::string& sarif, bool check_fixes) {
  absl::StatusOr<JsonValue> log = ParseJsonTree(sarif);
  EXPECT_TRUE(log.ok()) << log.status();
  if (!log.ok()) return 0;
  std::vector<std::string> errors;
  Check(*log, "sarifLog", "$", &errors);
  EXPECT_TRUE(errors.empty()) << absl::StrJoin(errors, "\n");

  const JsonValue& run = log->Get("runs")->items.at(0);
  const JsonValue& rules = *run.Get("tool")->Get("driver")->Get("rules");
  std::set<std::string> ids;
  for (const JsonValue& rule : rules.items) {
    EXPECT_TRUE(ids.insert(rule.Get("id")->string).second)
        << "duplicate rule " << rule.Get("id")->string;
  }
  EXPECT_EQ(run.Get("columnKind")->string, "unicodeCodePoints");

  // uri -> (byte offset -> (length, inserted text)) of every fix.
  std::map<std::string, std::map<long, std::pair<long, std::string>>> edits;
  const JsonValue& results = *run.Get("results");
  for (const JsonValue& result : results.items) {
    const std::string& rule_id = result.Get("ruleId")->string;
    const long index = Int(result, "ruleIndex");
    EXPECT_GE(index, 0) << rule_id;
    if (index >= 0 && index < static_cast<long>(rules.items.size())) {
      EXPECT_EQ(rules.items[index].Get("id")->string, rule_id);
    }
    const JsonValue& location = *result.Get("locations")->items.at(0).Get("physicalLocation");
    const std::string uri = location.Get("artifactLocation")->Get("uri")->string;
    const std::string file = ReadAll(Runfile(uri));
    EXPECT_FALSE(file.empty()) << uri;
    const JsonValue& region = *location.Get("region");
    const long offset = Int(region, "byteOffset"), length = Int(region, "byteLength");
    if (offset < 0 || length < 0 || static_cast<size_t>(offset + length) > file.size()) {
      ADD_FAILURE() << uri << ": region " << offset << "+" << length << " outside the file";
      continue;
    }
    EXPECT_EQ(file.substr(offset, length), region.Get("snippet")->Get("text")->string) << uri;
    const auto [line, column] = LineColumnOfByte(file, offset);
    const auto [end_line, end_column] = LineColumnOfByte(file, offset + length);
    EXPECT_EQ(Int(region, "startLine"), static_cast<long>(line)) << uri << " @" << offset;
    EXPECT_EQ(Int(region, "startColumn"), static_cast<long>(column)) << uri << " @" << offset;
    EXPECT_EQ(Int(region, "endLine"), static_cast<long>(end_line)) << uri << " @" << offset;
    EXPECT_EQ(Int(region, "endColumn"), static_cast<long>(end_column)) << uri << " @" << offset;
    if (const JsonValue* fixes = result.Get("fixes")) {
      for (const JsonValue& fix : fixes->items) {
        for (const JsonValue& change : fix.Get("artifactChanges")->items) {
          EXPECT_EQ(change.Get("artifactLocation")->Get("uri")->string, uri);
          for (const JsonValue& r : change.Get("replacements")->items) {
            const JsonValue& deleted = *r.Get("deletedRegion");
            edits[uri][Int(deleted, "byteOffset")] = {
                Int(deleted, "byteLength"), r.Get("insertedContent")->Get("text")->string};
          }
        }
      }
    } else {
      EXPECT_EQ(rule_id, "unspin.unused-suppression") << "a restoration without a fix";
    }
  }
  if (!check_fixes) return results.items.size();
  // Every fix applied, per file, is `unspin fix --unsafe-fixes`.
  for (const auto& [uri, changes] : edits) {
    const std::string file = ReadAll(Runfile(uri));
    std::string fixed;
    long copied = 0;
    for (const auto& [offset, change] : changes) {
      if (offset < copied) {
        ADD_FAILURE() << uri << ": overlapping fixes at " << offset;
        break;
      }
      fixed += file.substr(copied, offset - copied) + change.second;
      copied = offset + change.first;
    }
    fixed += file.substr(copied);
    int status = 0;
    const std::string expected =
        RunFromRoot(absl::StrCat("fix --unsafe-fixes ", kPack, " ", uri), &status);
    EXPECT_EQ(status, 0) << uri;
    EXPECT_EQ(fixed, expected) << uri;
  }
  return results.items.size();
}

TEST(SarifSchemaTest, GoldenPackOutputIsValidSarif) {
  int status = 0;
  const std::string sarif =
      RunFromRoot(absl::StrCat("check --format=sarif ", kPack, " ", kInputs), &status);
  EXPECT_EQ(status, 1);
  EXPECT_GE(CheckLog(sarif, /*check_fixes=*/true), 20u);
}

TEST(SarifSchemaTest, BuiltinPacksAndLexiconOutputIsValidSarif) {
  int status = 0;
  const std::string sarif = RunFromRoot(
      "check --format=sarif --no-config samples/formats/article.md samples/formats/article.html "
      "samples/spun_news.txt",
      &status);
  EXPECT_EQ(status, 1);
  EXPECT_GE(CheckLog(sarif, /*check_fixes=*/false), 5u);
  // Every built-in rule is described (a rule list, not only the rules that fired).
  EXPECT_GE(std::count(sarif.begin(), sarif.end(), '\n'), 300);
}

TEST(SarifSchemaTest, NoFindingsIsAValidEmptyRun) {
  int status = 0;
  const std::string sarif =
      RunFromRoot(absl::StrCat("check --format=sarif ", kPack, " samples/clean_news.txt"), &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(CheckLog(sarif, true), 0u);
}

// The checker itself: each kind of violation is caught.
TEST(SarifSchemaTest, CheckerCatchesViolations) {
  const struct {
    std::string log;
    std::string error;
  } cases[] = {
      {R"({"runs": []})", "sarifLog lacks required 'version'"},
      {R"({"version": "2.0.0", "runs": []})", "is not one of 2.1.0"},
      {R"({"version": "2.1.0", "runs": [{}]})", "run lacks required 'tool'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})",
       "toolComponent lacks required 'name'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{}]}}}]})",
       "reportingDescriptor lacks required 'id'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]})",
       "result lacks required 'message'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {}}]}]})",
       "message needs 'text' or 'id'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]})",
       "'fatal' is not one of"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]})",
       "startLine: below the minimum 1"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "fixes": [{"artifactChanges": []}]}]}]})",
       "needs at least one item"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "fixes": [{"artifactChanges": [{"artifactLocation": {}, "replacements": [{}]}]}]}]}]})",
       "replacement lacks required 'deletedRegion'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "colour": 1}]})",
       "run allows no property 'colour'"},
      {R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "ruleIndex": 1.5}]}]})",
       "ruleIndex: must be an integer"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<JsonValue> log = ParseJsonTree(c.log);
    ASSERT_TRUE(log.ok()) << c.log;
    std::vector<std::string> errors;
    Check(*log, "sarifLog", "$", &errors);
    EXPECT_TRUE(absl::StrContains(absl::StrJoin(errors, "\n"), c.error))
        << c.log << "\n"
        << absl::StrJoin(errors, "\n");
  }
}

}  // namespace
}  // namespace unspin
