#include "tests/golden/json_tree.h"

#include <gtest/gtest.h>

namespace unspin {
namespace {

TEST(JsonTreeTest, BuildsEveryKindOfValue) {
  absl::StatusOr<JsonValue> v = ParseJsonTree(
      " {\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\n\"], \"b\": {}, \"c\": [], "
      "\"d\": {\"e\": {\"f\": \"g\"}}, \"a\": 0}");
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_EQ(v->type, JsonType::kObject);
  ASSERT_EQ(v->members.size(), 5u);
  const JsonValue* a = v->Get("a");  // the first "a"
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->type, JsonType::kArray);
  ASSERT_EQ(a->items.size(), 6u);
  EXPECT_TRUE(a->items[0].IsInteger());
  EXPECT_EQ(a->items[0].number, 1);
  EXPECT_FALSE(a->items[1].IsInteger());
  EXPECT_EQ(a->items[1].number, -25);
  EXPECT_TRUE(a->items[2].boolean);
  EXPECT_EQ(a->items[3].type, JsonType::kBool);
  EXPECT_FALSE(a->items[3].boolean);
  EXPECT_EQ(a->items[4].type, JsonType::kNull);
  EXPECT_EQ(a->items[5].string, "x\u00e9\n");
  EXPECT_TRUE(v->Get("b")->members.empty());
  EXPECT_TRUE(v->Get("c")->items.empty());
  EXPECT_EQ(v->Get("d")->Get("e")->Get("f")->string, "g");
  EXPECT_EQ(v->Get("missing"), nullptr);
  EXPECT_EQ(a->Get("x"), nullptr);  // not an object
}

TEST(JsonTreeTest, RejectsInvalidJson) {
  for (const char* bad : {"", "[1]", "{\"a\": 1,}", "{\"a\": 01}", "{\"a\" 1}", "{} x"}) {
    EXPECT_FALSE(ParseJsonTree(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace unspin
