#include "detector/dedup/corpus.h"

#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace dedup {
namespace {

std::string Write(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

absl::Status ReadAll(const std::vector<std::string>& paths, std::vector<InputDocument>* out,
                     CorpusOptions options = {}) {
  CorpusReader reader(paths, options);
  std::vector<InputDocument> batch;
  while (true) {
    absl::Status s = reader.ReadBatch(&batch);
    if (!s.ok()) return s;
    if (batch.empty()) return absl::OkStatus();
    for (InputDocument& d : batch) out->push_back(std::move(d));
  }
}

TEST(CorpusTest, ReadsJsonLinesAndFiles) {
  const std::string jsonl = Write("c.jsonl",
                                  "{\"id\": \"x1\", \"text\": \"first\"}\n"
                                  "\n"
                                  "{\"text\": \"no id\", \"extra\": [1]}\r\n"
                                  "{\"id\": 42, \"body\": \"b\", \"text\": \"caf\\u00e9\"}");
  const std::string txt = Write("a.txt", "plain text\n");
  std::vector<InputDocument> docs;
  CorpusOptions small;
  small.batch_bytes = 1;  // one document per batch
  ASSERT_TRUE(ReadAll({jsonl, txt}, &docs, small).ok());
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "x1");
  EXPECT_EQ(docs[0].text, "first");
  EXPECT_EQ(docs[1].id, jsonl + ":3");
  EXPECT_EQ(docs[1].line, 3u);
  EXPECT_EQ(docs[2].id, "42");
  EXPECT_EQ(docs[2].text, "caf\xc3\xa9");
  EXPECT_EQ(docs[3].id, txt);
  EXPECT_EQ(docs[3].text, "plain text\n");
  EXPECT_EQ(docs[3].input, 1u);

  docs.clear();
  ASSERT_TRUE(ReadAll({jsonl}, &docs).ok());
  EXPECT_EQ(docs[1].id, "3");  // a single corpus names lines by number alone
}

TEST(CorpusTest, OtherField) {
  const std::string jsonl = Write("f.jsonl", "{\"id\": 1, \"body\": \"b\"}\n");
  std::vector<InputDocument> docs;
  CorpusOptions options;
  options.field = "body";
  ASSERT_TRUE(ReadAll({jsonl}, &docs, options).ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "b");
}

TEST(CorpusTest, ErrorsNameFileAndLine) {
  struct Case {
    std::string name, bytes, error_part;
  };
  const Case cases[] = {
      {"bad.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"x\",}\n",
       "bad.jsonl:2: invalid JSON: column"},
      {"missing.jsonl", "{\"text\": \"ok\"}\n\n{\"body\": \"x\"}\n",
       "missing.jsonl:3: no \"text\" field"},
      {"number.jsonl", "{\"text\": 5}\n", "number.jsonl:1: \"text\" is not a string"},
      {"nul.jsonl", std::string("{\"text\": \"a\0b\"}\n", 16), "nul.jsonl:1: invalid JSON"},
      {"binary.txt", std::string("ab\0cd", 5), "binary.txt: "},
  };
  for (const Case& c : cases) {
    std::vector<InputDocument> docs;
    const absl::Status s = ReadAll({Write(c.name, c.bytes)}, &docs);
    ASSERT_FALSE(s.ok()) << c.name;
    EXPECT_NE(s.message().find(c.error_part), absl::string_view::npos) << s;
  }
  std::vector<InputDocument> docs;
  const absl::Status missing = ReadAll({::testing::TempDir() + "/nope.jsonl"}, &docs);
  EXPECT_NE(missing.message().find("nope.jsonl: No such file"), absl::string_view::npos) << missing;
}

}  // namespace
}  // namespace dedup
}  // namespace unspin
