#include "tests/golden/json_tree.h"

#include <cstdlib>

#include "absl/strings/ascii.h"

namespace unspin {
namespace {

// Builds the tree of text already validated by ParseJsonObject, so it trusts the syntax.
class TreeBuilder {
 public:
  explicit TreeBuilder(absl::string_view text) : text_(text) {}

  JsonValue Value() {
    SkipSpace();
    JsonValue v;
    const char c = text_[pos_];
    if (c == '{') {
      v.type = JsonType::kObject;
      ++pos_;
      SkipSpace();
      if (text_[pos_] == '}') {
        ++pos_;
        return v;
      }
      while (true) {
        SkipSpace();
        std::string key = String();
        SkipSpace();
        ++pos_;  // ':'
        JsonValue member = Value();
        v.members.emplace_back(std::move(key), std::move(member));
        SkipSpace();
        if (text_[pos_++] == '}') return v;  // else ','
      }
    }
    if (c == '[') {
      v.type = JsonType::kArray;
      ++pos_;
      SkipSpace();
      if (text_[pos_] == ']') {
        ++pos_;
        return v;
      }
      while (true) {
        v.items.push_back(Value());
        SkipSpace();
        if (text_[pos_++] == ']') return v;  // else ','
      }
    }
    if (c == '"') {
      v.type = JsonType::kString;
      v.string = String();
      return v;
    }
    if (text_.substr(pos_, 4) == "null") {
      pos_ += 4;
      return v;
    }
    if (text_.substr(pos_, 4) == "true" || text_.substr(pos_, 5) == "false") {
      v.type = JsonType::kBool;
      v.boolean = c == 't';
      pos_ += v.boolean ? 4 : 5;
      return v;
    }
    v.type = JsonType::kNumber;
    const size_t start = pos_;
    while (pos_ < text_.size() &&
           (absl::ascii_isdigit(text_[pos_]) || text_[pos_] == '-' || text_[pos_] == '+' ||
            text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
    }
    v.raw_number = std::string(text_.substr(start, pos_ - start));
    v.number = std::strtod(v.raw_number.c_str(), nullptr);
    return v;
  }

 private:
  std::string String() {
    const size_t start = pos_++;
    while (text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
    std::string out;
    DecodeJsonString(text_.substr(start, pos_ - start), &out);
    return out;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && absl::ascii_isspace(text_[pos_])) ++pos_;
  }

  absl::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

const JsonValue* JsonValue::Get(absl::string_view key) const {
  if (type != JsonType::kObject) return nullptr;
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool JsonValue::IsInteger() const {
  return type == JsonType::kNumber && raw_number.find_first_of(".eE") == std::string::npos;
}

absl::StatusOr<JsonValue> ParseJsonTree(absl::string_view text) {
  absl::StatusOr<std::vector<JsonMember>> valid = ParseJsonObject(text);
  if (!valid.ok()) return valid.status();
  return TreeBuilder(text).Value();
}

}  // namespace unspin
