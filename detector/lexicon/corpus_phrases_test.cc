#include "detector/lexicon/corpus_phrases.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace unspin {
namespace {

absl::StatusOr<PhraseLexicon> Learn(const std::vector<std::string>& docs,
                                    const CorpusPhraseOptions& options) {
  CorpusPhraseLearner learner(options);
  for (const std::string& d : docs) learner.AddDocument(Tokenize(d));
  PhraseLexiconBuilder builder;
  learner.AddTo(&builder);
  return builder.BuildLexicon();
}

CorpusPhraseOptions Options(int min_count, int min_documents) {
  CorpusPhraseOptions o;
  o.min_count = min_count;
  o.min_documents = min_documents;
  return o;
}

TEST(CorpusPhraseLearnerTest, KeepsRecurringCollocations) {
  const std::vector<std::string> docs = {
      "The spy balloon crossed the border. Officials tracked the spy balloon.",
      "A spy balloon was shot down over the sea.",
      "Nobody mentioned a user experience team.",
  };
  struct Case {
    std::string phrase;
    bool kept;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"spy balloon", true, "3 times in 2 documents"},
      {"the spy balloon", false, "starts with a function word"},
      {"spy balloon crossed", false, "once"},
      {"user experience", false, "one document only"},
      {"border officials", false, "crosses a sentence end"},
  };
  absl::StatusOr<PhraseLexicon> lex = Learn(docs, Options(3, 2));
  ASSERT_TRUE(lex.ok()) << lex.status();
  for (const Case& c : cases) {
    EXPECT_EQ(lex->Lookup(c.phrase) != nullptr, c.kept) << c.phrase << ": " << c.why;
  }
  const PhraseInfo* info = lex->Lookup("spy balloon");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->corpus_count, 3u);
  EXPECT_EQ(info->sources, kFromCorpus);
}

TEST(CorpusPhraseLearnerTest, ThresholdsAndOptions) {
  const std::vector<std::string> docs = {
      "They were in a position to act. \"Deep learning\" works.",
      "We are in a position to help; deep learning helps.",
  };
  CorpusPhraseOptions edges = Options(2, 2);
  edges.keep_function_word_edges = true;
  absl::StatusOr<PhraseLexicon> with_edges = Learn(docs, edges);
  ASSERT_TRUE(with_edges.ok());
  EXPECT_NE(with_edges->Lookup("in a position to"), nullptr);
  EXPECT_NE(with_edges->Lookup("deep learning"), nullptr);

  absl::StatusOr<PhraseLexicon> plain = Learn(docs, Options(2, 2));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->Lookup("in a position to"), nullptr);
  EXPECT_NE(plain->Lookup("deep learning"), nullptr);

  CorpusPhraseOptions quotes = Options(2, 2);
  quotes.skip_quotes = true;
  absl::StatusOr<PhraseLexicon> no_quotes = Learn(docs, quotes);
  ASSERT_TRUE(no_quotes.ok());
  EXPECT_EQ(no_quotes->Lookup("deep learning"), nullptr) << "one of two uses is quoted";

  CorpusPhraseOptions short_phrases = Options(1, 1);
  short_phrases.max_words = 2;
  short_phrases.keep_function_word_edges = true;
  absl::StatusOr<PhraseLexicon> pairs = Learn(docs, short_phrases);
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs->max_phrase_words(), 2);
}

TEST(CorpusPhraseLearnerTest, MemoryBoundDropsRareCandidates) {
  CorpusPhraseOptions options = Options(2, 1);
  options.max_candidates = 1000;
  CorpusPhraseLearner learner(options);
  for (int d = 0; d < 300; ++d) {
    std::string text = "market share rose.";
    for (int k = 0; k < 10; ++k) text += " word" + std::to_string(d * 10 + k);
    learner.AddDocument(Tokenize(text));
  }
  const CorpusPhraseStats stats = learner.stats();
  EXPECT_LE(stats.candidates, 1000u);
  EXPECT_GT(stats.pruned, 0u);
  EXPECT_EQ(stats.documents, 300u);
  PhraseLexiconBuilder builder;
  learner.AddTo(&builder);
  absl::StatusOr<PhraseLexicon> lex = builder.BuildLexicon();
  ASSERT_TRUE(lex.ok());
  ASSERT_NE(lex->Lookup("market share"), nullptr) << "frequent phrases survive pruning";
  EXPECT_GE(lex->Lookup("market share")->corpus_count, 250u);
}

TEST(IsFunctionWordTest, ClosedClassOnly) {
  for (const char* w : {"the", "of", "in", "would", "'s"}) EXPECT_TRUE(IsFunctionWord(w)) << w;
  for (const char* w : {"spy", "balloon", "position", "said"}) EXPECT_FALSE(IsFunctionWord(w)) << w;
}

}  // namespace
}  // namespace unspin
