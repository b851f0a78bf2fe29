#include "detector/lexicon/log_prob_cache.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "detector/lexicon/tiny_language_model.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

// The tiny model (tiny_language_model.h); `image` holds the bytes it reads.
LanguageModel TinyModel(std::string* image) {
  *image = TinyLanguageModelImage();
  absl::StatusOr<LanguageModel> lm = LanguageModel::FromImage(*image);
  EXPECT_TRUE(lm.ok()) << lm.status();
  return std::move(*lm);
}

// Every (word, prev1, prev2) over the vocabulary plus the unknown word.
std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> AllQueries() {
  const std::vector<uint32_t> ids = {0, 1, 2, 3, 4, kUnknownWord};
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> out;
  for (uint32_t w : ids) {
    for (uint32_t h1 : ids) {
      for (uint32_t h2 : ids) out.emplace_back(w, h1, h2);
    }
  }
  return out;
}

TEST(LogProbCacheTest, MatchesTheModelWhateverTheCacheSize) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  // Two entries: most queries evict another; 2^16: nothing collides. Starting at two entries,
  // the cache grows to its full size after 8 misses, in the middle of the first pass.
  for (int log2_entries : {1, 4, 16}) {
    LogProbCache cache(&lm, log2_entries, /*initial_log2_entries=*/1);
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& [w, h1, h2] : AllQueries()) {
        EXPECT_EQ(cache.LogProb(w, h1, h2), lm.LogProb(w, h1, h2))
            << "log2_entries " << log2_entries << " query " << w << " " << h1 << " " << h2;
      }
    }
  }
}

TEST(LogProbCacheTest, LogProbsAnswersEachQueryLikeTheModel) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  std::vector<LogProbCache::Query> queries;
  for (const auto& [w, h1, h2] : AllQueries()) queries.push_back({w, h1, h2});
  // Out-of-vocabulary ids, and repeats inside one batch and across batches.
  queries.push_back({7, 2, 1});
  queries.insert(queries.end(), queries.begin(), queries.begin() + 40);
  // Batches smaller than, equal to and larger than the stages' chunk; memos that evict most
  // entries, that grow in the middle of a batch, and that hold everything.
  for (size_t batch : {size_t{1}, size_t{5}, size_t{32}, size_t{33}, queries.size()}) {
    for (const auto& [log2_entries, initial] : {std::pair{1, 1}, {16, 1}, {16, 16}}) {
      LogProbCache cache(&lm, log2_entries, initial);
      for (int pass = 0; pass < 2; ++pass) {
        std::vector<double> out(queries.size(), 1.0);
        for (size_t begin = 0; begin < queries.size(); begin += batch) {
          const size_t count = std::min(batch, queries.size() - begin);
          cache.LogProbs(absl::MakeConstSpan(queries).subspan(begin, count), &out[begin]);
        }
        for (size_t i = 0; i < queries.size(); ++i) {
          const auto& q = queries[i];
          ASSERT_EQ(out[i], lm.LogProb(q.word, q.prev1, q.prev2))
              << "batch " << batch << " log2_entries " << log2_entries << " initial " << initial
              << " query " << q.word << " " << q.prev1 << " " << q.prev2;
        }
      }
    }
  }
}

TEST(LogProbCacheTest, HasBigramMatchesTheModel) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  const std::vector<uint32_t> ids = {0, 1, 2, 3, 4, 5, kUnknownWord};
  for (int log2_entries : {1, 16}) {
    LogProbCache cache(&lm, log2_entries, log2_entries);
    int stored = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t h : ids) {
        for (uint32_t w : ids) {
          EXPECT_EQ(cache.HasBigram(h, w), lm.HasBigram(h, w)) << h << " " << w;
          stored += lm.HasBigram(h, w);
        }
      }
    }
    EXPECT_GT(stored, 0) << "the tiny model stores some pairs";
  }
}

TEST(LogProbCacheTest, RepeatedQueriesHitTheCache) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  LogProbCache cache(&lm, 16, 16);
  cache.LogProb(3, 2, 0);
  cache.LogProb(4, 3, 2);
  EXPECT_EQ(cache.misses(), 2u);
  cache.LogProb(3, 2, 0);
  cache.LogProb(4, 3, 2);
  EXPECT_EQ(cache.misses(), 2u);
  cache.LogProb(4, 3, 1);  // another history is another trigram
  EXPECT_EQ(cache.misses(), 3u);
}

TEST(LogProbCacheTest, IdsOutsideTheVocabularyShareOneEntry) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  ASSERT_EQ(lm.vocab_size(), 5u);
  LogProbCache cache(&lm, 16, 16);
  EXPECT_EQ(cache.LogProb(kUnknownWord, 2, kNoWord), lm.LogProb(kUnknownWord, 2, kNoWord));
  EXPECT_EQ(cache.LogProb(3, kUnknownWord, 1), lm.LogProb(3, kUnknownWord, 1));
  EXPECT_EQ(cache.misses(), 2u);
  // To the model every id from vocab_size() up means "no word", and so to the cache.
  EXPECT_EQ(cache.LogProb(5, 2, 7), lm.LogProb(5, 2, 7));
  EXPECT_EQ(cache.LogProb(3, 9, 1), lm.LogProb(3, 9, 1));
  EXPECT_EQ(cache.misses(), 2u);
  EXPECT_EQ(cache.LogProb(4, 2, 1), lm.LogProb(4, 2, 1));
  EXPECT_EQ(cache.misses(), 3u);
}

TEST(LogProbCacheTest, GrowsAfterFourTimesItsSizeInMisses) {
  std::string image;
  const LanguageModel lm = TinyModel(&image);
  LogProbCache cache(&lm, /*log2_entries=*/16, /*initial_log2_entries=*/1);  // 2 entries
  const auto queries = AllQueries();
  auto pass = [&] {
    const uint64_t before = cache.misses();
    for (const auto& [w, h1, h2] : queries) cache.LogProb(w, h1, h2);
    return cache.misses() - before;
  };
  // Two entries hold almost nothing: the first pass misses nearly every query, and the cache
  // grows at its 8th miss, dropping what it held. The second pass misses only those first 8;
  // from then on the full-size cache holds every query.
  EXPECT_GT(pass(), queries.size() / 2);
  EXPECT_LE(pass(), 8u);
  EXPECT_EQ(pass(), 0u);
}

}  // namespace
}  // namespace unspin
