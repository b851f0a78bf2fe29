#include "detector/lexicon/string_index.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

constexpr uint32_t kBase = 40;

struct Built {
  DataFile file;
  StringIndex index;
};

Built Build(const StringIndexBuilder& builder) {
  DataFileWriter writer(kPhraseLexiconKind, 1);
  builder.AddTo(kBase, &writer);
  absl::StatusOr<std::string> image = writer.Serialize();
  EXPECT_TRUE(image.ok());
  absl::StatusOr<DataFile> file = DataFile::FromBuffer(*image, kPhraseLexiconKind, 1);
  EXPECT_TRUE(file.ok()) << file.status();
  Built built{std::move(*file), {}};
  absl::StatusOr<StringIndex> index = StringIndex::Load(built.file, kBase);
  EXPECT_TRUE(index.ok()) << index.status();
  built.index = *index;
  return built;
}

TEST(HashWordsTest, EqualsHashOfJoinedString) {
  const std::vector<std::vector<absl::string_view>> cases = {
      {"vision"}, {"imaginative", "and", "prescient"}, {"", ""}, {"a", "", "b"}, {}};
  for (const auto& words : cases) {
    EXPECT_EQ(HashWords(words), HashString(absl::StrJoin(words, " "))) << absl::StrJoin(words, "|");
  }
  EXPECT_NE(HashString("ab c"), HashString("a bc"));
}

TEST(StringIndexTest, FindsEveryStringAndNothingElse) {
  StringIndexBuilder builder;
  std::vector<std::string> strings;
  for (int i = 0; i < 5000; ++i) strings.push_back(absl::StrCat("word", i * 7919 % 10007));
  strings.push_back("imaginative and prescient");
  strings.push_back("");
  for (const std::string& s : strings) builder.Add(s);
  EXPECT_EQ(builder.Add("word0"), 0u) << "adding again returns the first id";
  const Built built = Build(builder);
  const StringIndex& index = built.index;
  ASSERT_EQ(index.size(), strings.size());
  for (uint32_t id = 0; id < strings.size(); ++id) {
    EXPECT_EQ(index.Find(strings[id]), id);
    EXPECT_EQ(index.Get(id), strings[id]);
  }
  for (const char* absent : {"word", "word10008", "imaginative and", "Word0", " word0"}) {
    EXPECT_EQ(index.Find(absent), kNotFound) << absent;
  }
  EXPECT_EQ(index.Get(index.size()), "");
}

TEST(StringIndexTest, FindWordsMatchesOnlyTheJoinedPhrase) {
  StringIndexBuilder builder;
  builder.Add("imaginative and prescient");
  builder.Add("spy");
  builder.Add("ab c");
  const Built built = Build(builder);
  struct Case {
    std::string words;  // '|' separates words
    uint32_t expected;
  };
  const std::vector<Case> cases = {
      {"imaginative|and|prescient", 0},
      {"spy", 1},
      {"ab|c", 2},
      {"a|bc", kNotFound},
      {"imaginative|and", kNotFound},
      {"imaginative|and|prescient|x", kNotFound},
      {"spy|", kNotFound},
  };
  for (const Case& c : cases) {
    std::vector<absl::string_view> words = absl::StrSplit(c.words, '|');
    EXPECT_EQ(built.index.FindWords(words), c.expected) << c.words;
    // The two-step form (prefetch, then look up with the hash) answers the same.
    const uint64_t hash = HashWords(words);
    built.index.Prefetch(hash);
    EXPECT_EQ(built.index.FindWords(words, hash), c.expected) << c.words;
  }
}

TEST(StringIndexTest, EmptyIndexFindsNothing) {
  StringIndexBuilder builder;
  const Built built = Build(builder);
  EXPECT_EQ(built.index.size(), 0u);
  EXPECT_EQ(built.index.Find("x"), kNotFound);
  const absl::string_view words[] = {"x"};
  EXPECT_EQ(built.index.FindWords(words), kNotFound);
  built.index.Prefetch(HashWords(words));  // no table to touch
  EXPECT_EQ(built.index.FindWords(words, HashWords(words)), kNotFound);
}

TEST(StringIndexTest, MissingSectionsAreAnError) {
  DataFileWriter writer(kPhraseLexiconKind, 1);
  writer.AddSection(kBase, "abc");
  const std::string image = *writer.Serialize();
  absl::StatusOr<DataFile> file = DataFile::FromBuffer(image, kPhraseLexiconKind, 1);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(StringIndex::Load(*file, kBase).status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace unspin
