#include "detector/lexicon/tiny_language_model.h"

#include "gtest/gtest.h"

namespace unspin {

NGramModelData TinyNGramModel() {
  NGramModelData m;
  m.words = {"<s>", "</s>", "a", "b", "c"};
  m.unigram_log_prob = {-99.0f, -1.0f, -0.5f, -0.7f, -1.2f};
  m.unigram_log_backoff = {-0.3f, 0.0f, -0.2f, -0.4f, -0.1f};
  m.bigrams = {
      {0, 2, -0.3f, -0.25f}, {2, 3, -0.2f, -0.15f}, {3, 4, -0.4f, -0.05f}, {2, 4, -0.9f, 0.0f}};
  m.trigrams = {{0, 2, 3, -0.1f}, {2, 3, 4, -0.05f}};
  return m;
}

std::string TinyLanguageModelImage() {
  absl::StatusOr<std::string> image = BuildLanguageModelImage(TinyNGramModel(), {}, nullptr);
  EXPECT_TRUE(image.ok()) << image.status();
  return image.ok() ? *image : std::string();
}

}  // namespace unspin
