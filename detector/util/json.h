// A small, strict JSON reader and writer for JSON Lines corpora and reports.
//
//   absl::StatusOr<std::vector<unspin::JsonMember>> members = unspin::ParseJsonObject(line);
//   if (!members.ok()) ...   // "column 17: expected ':' after object key"
//   for (const unspin::JsonMember& m : *members) {
//     if (m.key == "text" && m.type == unspin::JsonType::kString) {
//       std::string text;
//       unspin::DecodeJsonString(m.raw, &text);
//     }
//   }
//   std::string out;
//   unspin::AppendJsonString("say \"hi\"", &out);   // "\"say \\\"hi\\\"\""
//
// The reader validates the whole value (RFC 8259: no trailing commas, no comments, no NaN, no
// leading zeros, no unescaped control characters, well-formed UTF-8, paired surrogates) but only
// returns the top-level members, as views into the input, so a caller pays for decoding only the
// fields it reads. Nesting deeper than 256 levels is an error rather than a stack overflow.
#ifndef UNSPIN_DETECTOR_UTIL_JSON_H_
#define UNSPIN_DETECTOR_UTIL_JSON_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace unspin {

enum class JsonType { kNull, kBool, kNumber, kString, kArray, kObject };

// One top-level member of an object. Views point into the parsed text.
struct JsonMember {
  // The key, decoded when it holds escapes (stored in `decoded_key`), else a view of the input.
  absl::string_view key;
  JsonType type = JsonType::kNull;
  // The value's bytes as written; for strings, including the quotes.
  absl::string_view raw;
  // Backing store for `key` when the key contained escapes.
  std::string decoded_key;
};

// Parses `text` as exactly one JSON object (surrounding whitespace allowed) and returns its
// top-level members in input order. Errors name the 1-based column (in bytes) of the problem.
// Duplicate keys are allowed, as RFC 8259 permits; callers take the first.
absl::StatusOr<std::vector<JsonMember>> ParseJsonObject(absl::string_view text);

// Decodes a string value as given in JsonMember::raw (with quotes) into UTF-8, appending to
// `out`. `raw` must come from a successful parse.
void DecodeJsonString(absl::string_view raw, std::string* out);

// Appends `text` as a JSON string literal (quotes included). Control characters, quotes and
// backslashes are escaped; other UTF-8 passes through unchanged.
void AppendJsonString(absl::string_view text, std::string* out);

// Appends a number with up to `precision` digits after the point, trailing zeros trimmed
// ("0.5", "1", "0.833"). Non-finite values become null, which JSON has no number for.
void AppendJsonNumber(double value, int precision, std::string* out);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_UTIL_JSON_H_
