#include "detector/lexicon/swap_index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace unspin {
namespace {

std::vector<std::string> Canonicals(const SwapIndex& index, std::vector<absl::string_view> words) {
  std::vector<std::string> out;
  for (const SwapTarget& t : index.Find(words)) out.emplace_back(t.canonical);
  return out;
}

// The index a builder makes (the test fails, and an empty index returns, when it cannot).
SwapIndex Built(const SwapIndexBuilder& builder) {
  absl::StatusOr<SwapIndex> index = builder.Build();
  EXPECT_TRUE(index.ok()) << index.status();
  if (index.ok()) return std::move(*index);
  return std::move(*SwapIndexBuilder().Build());
}

TEST(SwapIndexTest, InvertsTablesWithInflectedVariants) {
  auto morphology = Morphology::Create({});
  ASSERT_TRUE(morphology.ok());
  SwapIndexBuilder builder;
  ASSERT_TRUE(builder
                  .AddTable("# comment\n"
                            "vision: imaginative and prescient\n"
                            "experience: revel in | enjoy | experience\n"
                            "machine: gadget | device\n"
                            "day-to-day: daily\n",
                            "t.txt", morphology->get(), kSwapFromSpinnerTable)
                  .ok());
  const SwapIndex index = Built(builder);
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
  SwapIndexBuilder builder;
  builder.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  builder.Add({"gadget"}, "machine", kSwapFromThesaurus);
  builder.Add({"gadget"}, "device", kSwapFromThesaurus);
  const SwapIndex index = Built(builder);
  const absl::Span<const SwapTarget> targets = index.Find({"gadget"});
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].sources, kSwapFromSpinnerTable | kSwapFromThesaurus);
  EXPECT_EQ(targets[1].sources, kSwapFromThesaurus);
}

TEST(SwapIndexTest, FindWithPrefixTellsWhetherLongerFormsStartWithTheWords) {
  SwapIndexBuilder builder;
  builder.Add({"imaginative", "and", "prescient"}, "vision", kSwapFromSpinnerTable);
  builder.Add({"imaginative"}, "creative", kSwapFromSpinnerTable);
  builder.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  const SwapIndex index = Built(builder);
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
  SwapIndexBuilder builder;
  absl::Status s = builder.AddTable("ok: fine\nno colon here\n", "t.txt", nullptr, 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "t.txt:2: expected `CANONICAL: SPUN | SPUN ...`");
  s = builder.AddTable("a: b || c\n", "u.txt", nullptr, 1);
  EXPECT_EQ(s.message(), "u.txt:1: empty alternative");
}

// The compiled file is what start-up maps: it reads back through Open, and the same pairs added
// in another order give the same bytes (a reproducible build).
TEST(SwapIndexTest, CompiledImageRoundTripsAndIsReproducible) {
  SwapIndexBuilder a, b;
  a.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  a.Add({"imaginative", "and", "prescient"}, "vision", kSwapFromSpinnerTable);
  a.Add({"gadget"}, "device", kSwapFromThesaurus);
  b.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  b.Add({"gadget"}, "device", kSwapFromThesaurus);
  b.Add({"imaginative", "and", "prescient"}, "vision", kSwapFromSpinnerTable);
  const absl::StatusOr<std::string> image = a.BuildImage();
  ASSERT_TRUE(image.ok()) << image.status();
  EXPECT_EQ(*image, *b.BuildImage());
  const std::string path = ::testing::TempDir() + "/swaps.idx";
  {
    std::ofstream out(path, std::ios::binary);
    out << *image;
  }
  absl::StatusOr<SwapIndex> index = SwapIndex::Open(path);
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ(Canonicals(*index, {"gadget"}), (std::vector<std::string>{"machine", "device"}));
  EXPECT_EQ(Canonicals(*index, {"imaginative", "and", "prescient"}),
            std::vector<std::string>{"vision"});
  EXPECT_TRUE(index->FindWithPrefix({"imaginative", "and"}).longer_forms);
  EXPECT_EQ(index->size(), 2u);
  EXPECT_EQ(index->max_words(), 3u);
}

TEST(SwapIndexTest, DamagedFilesAreErrorsNotCrashes) {
  SwapIndexBuilder builder;
  builder.Add({"gadget"}, "machine", kSwapFromSpinnerTable);
  const std::string image = *builder.BuildImage();
  // Cut anywhere, the file is refused (the data file's header and section table are checked).
  for (size_t size : {size_t{0}, size_t{8}, image.size() / 2, image.size() - 1}) {
    EXPECT_FALSE(SwapIndex::FromImage(image.substr(0, size)).ok()) << size;
  }
  const absl::StatusOr<SwapIndex> missing = SwapIndex::Open("/nonexistent/swaps.idx");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/swaps.idx"), absl::string_view::npos);
}

}  // namespace
}  // namespace unspin
