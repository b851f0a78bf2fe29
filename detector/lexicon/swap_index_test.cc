#include "detector/lexicon/swap_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unspin {
namespace {

std::vector<std::string> Canonicals(const SwapIndex& index, std::vector<absl::string_view> words) {
  std::vector<std::string> out;
  for (const SwapTarget& t : index.Find(words)) out.push_back(t.canonical);
  return out;
}

TEST(SwapIndexTest, InvertsTablesWithInflectedVariants) {
  auto morphology = Morphology::Create({});
  ASSERT_TRUE(morphology.ok());
  SwapIndex index;
  ASSERT_TRUE(index
                  .AddTable("# comment\n"
                            "vision: imaginative and prescient\n"
                            "experience: revel in | enjoy | experience\n"
                            "machine: gadget | device\n"
                            "day-to-day: daily\n",
                            "t.txt", morphology->get(), kSwapFromSpinnerTable)
                  .ok());
  EXPECT_EQ(Canonicals(index, {"imaginative", "and", "prescient"}),
            std::vector<std::string>{"vision"});
  EXPECT_EQ(Canonicals(index, {"revel", "in"}), std::vector<std::string>{"experience"});
  EXPECT_EQ(Canonicals(index, {"reveled", "in"}), std::vector<std::string>{"experienced"});
  EXPECT_EQ(Canonicals(index, {"revelled", "in"}), std::vector<std::string>{"experienced"});
  EXPECT_EQ(Canonicals(index, {"gadgets"}), std::vector<std::string>{"machines"});
  EXPECT_EQ(Canonicals(index, {"daily"}), std::vector<std::string>{"day - to - day"});
  // The word itself is not a swap of itself.
  EXPECT_TRUE(Canonicals(index, {"experience"}).empty());
  EXPECT_TRUE(Canonicals(index, {"imaginative"}).empty());
  EXPECT_EQ(index.max_words(), 3u);
}

TEST(SwapIndexTest, SourcesMerge) {
  SwapIndex index;
  index.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  index.Add({"gadget"}, "machine", kSwapFromThesaurus);
  index.Add({"gadget"}, "device", kSwapFromThesaurus);
  const absl::Span<const SwapTarget> targets = index.Find({"gadget"});
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].sources, kSwapFromSpinnerTable | kSwapFromThesaurus);
  EXPECT_EQ(targets[1].sources, kSwapFromThesaurus);
}

TEST(SwapIndexTest, FindWithPrefixTellsWhetherLongerFormsStartWithTheWords) {
  SwapIndex index;
  index.Add({"imaginative", "and", "prescient"}, "vision", kSwapFromSpinnerTable);
  index.Add({"imaginative"}, "creative", kSwapFromSpinnerTable);
  index.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  struct Case {
    std::vector<absl::string_view> words;
    size_t targets;
    bool longer_forms;
  };
  const Case cases[] = {
      {{"imaginative"}, 1, true},         // a form itself and the start of a longer one
      {{"imaginative", "and"}, 0, true},  // only a prefix: no targets
      {{"imaginative", "and", "prescient"}, 1, false},
      {{"gadget"}, 1, false},
      {{"and"}, 0, false},  // inside a form is not its start
      {{"unrelated"}, 0, false},
  };
  for (const Case& c : cases) {
    const SwapIndex::Lookup found = index.FindWithPrefix(c.words);
    EXPECT_EQ(found.targets.size(), c.targets) << c.words.front() << " +" << c.words.size();
    EXPECT_EQ(found.longer_forms, c.longer_forms) << c.words.front() << " +" << c.words.size();
  }
  EXPECT_EQ(index.size(), 3u);  // spun forms, not prefixes
}

TEST(SwapIndexTest, MalformedTableNamesFileAndLine) {
  SwapIndex index;
  absl::Status s = index.AddTable("ok: fine\nno colon here\n", "t.txt", nullptr, 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "t.txt:2: expected `CANONICAL: SPUN | SPUN ...`");
  s = index.AddTable("a: b || c\n", "u.txt", nullptr, 1);
  EXPECT_EQ(s.message(), "u.txt:1: empty alternative");
}

}  // namespace
}  // namespace unspin
