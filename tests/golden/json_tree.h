// For tests: a JSON document as a tree, to walk structured output (SARIF, json) and check its
// shape. The text is validated by unspin's strict reader (detector/util/json.h) first.
//
//   absl::StatusOr<unspin::JsonValue> root = unspin::ParseJsonTree(text);
//   const unspin::JsonValue* runs = root->Get("runs");
//   for (const unspin::JsonValue& run : runs->items) ...
#ifndef UNSPIN_TESTS_GOLDEN_JSON_TREE_H_
#define UNSPIN_TESTS_GOLDEN_JSON_TREE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/util/json.h"

namespace unspin {

struct JsonValue {
  JsonType type = JsonType::kNull;
  bool boolean = false;
  double number = 0;
  std::string raw_number;                                  // as written, for integer checks
  std::string string;                                      // decoded
  std::vector<JsonValue> items;                            // arrays
  std::vector<std::pair<std::string, JsonValue>> members;  // objects, in input order

  // The first member named `key` of an object; null when absent or not an object.
  const JsonValue* Get(absl::string_view key) const;
  // Whether this is a number written without fraction or exponent.
  bool IsInteger() const;
};

// Parses one JSON value whose top level is an object.
absl::StatusOr<JsonValue> ParseJsonTree(absl::string_view text);

}  // namespace unspin

#endif  // UNSPIN_TESTS_GOLDEN_JSON_TREE_H_
