#include "detector/lexicon/sphinx_reference.h"

#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "absl/strings/str_cat.h"

namespace unspin {

struct SphinxReference::Impl {
  logmath_t* logmath = nullptr;
  ngram_model_t* model = nullptr;
  ~Impl() {
    if (model != nullptr) ngram_model_free(model);
    if (logmath != nullptr) logmath_free(logmath);
  }
};

absl::StatusOr<std::unique_ptr<SphinxReference>> SphinxReference::Load(const std::string& path) {
  err_set_logfp(nullptr);  // sphinxbase logs every step of loading to stderr otherwise
  std::unique_ptr<SphinxReference> ref(new SphinxReference());
  ref->impl_ = std::make_unique<Impl>();
  ref->impl_->logmath = logmath_init(1.0001, 0, 0);
  ref->impl_->model = ngram_model_read(nullptr, path.c_str(), NGRAM_AUTO, ref->impl_->logmath);
  if (ref->impl_->model == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": sphinxbase cannot read this model"));
  }
  return ref;
}

SphinxReference::~SphinxReference() = default;

double SphinxReference::LogProb(absl::string_view word, absl::string_view prev1,
                                absl::string_view prev2) const {
  const std::string w(word), p1(prev1), p2(prev2);
  const char* words[3] = {w.c_str(), p1.c_str(), p2.c_str()};
  const int n = p1.empty() ? 1 : (p2.empty() ? 2 : 3);
  const int32 score = ngram_prob(impl_->model, words, n);
  return logmath_log_to_log10(impl_->logmath, score);
}

int32_t SphinxReference::Wid(absl::string_view word) const {
  return ngram_wid(impl_->model, std::string(word).c_str());
}

double SphinxReference::LogProbIds(int32_t word, int32_t prev1, int32_t prev2) const {
  int32 history[2] = {prev1, prev2};
  int32 used = 0;
  const int32 score = ngram_ng_prob(impl_->model, word, history, 2, &used);
  return logmath_log_to_log10(impl_->logmath, score);
}

std::vector<LmQuery> SampleLmQueries(const NGramModelData& model, int per_kind, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&rng](size_t n) { return static_cast<size_t>(rng() % n); };
  const auto& words = model.words;
  const auto& bigrams = model.bigrams;
  const auto& trigrams = model.trigrams;
  // Bigrams grouped by their second word, to find contexts (p2 p1) that carry a backoff weight.
  std::vector<uint32_t> by_word(bigrams.size());
  for (uint32_t i = 0; i < bigrams.size(); ++i) by_word[i] = i;
  std::stable_sort(by_word.begin(), by_word.end(), [&bigrams](uint32_t a, uint32_t b) {
    return bigrams[a].word < bigrams[b].word;
  });
  auto context_ending_in = [&](uint32_t w) -> std::string {
    auto lo = std::lower_bound(by_word.begin(), by_word.end(), w,
                               [&bigrams](uint32_t i, uint32_t v) { return bigrams[i].word < v; });
    auto hi = std::upper_bound(by_word.begin(), by_word.end(), w,
                               [&bigrams](uint32_t v, uint32_t i) { return v < bigrams[i].word; });
    if (lo == hi) return words[pick(words.size())];
    return words[bigrams[lo[pick(hi - lo)]].history];
  };
  auto random_word = [&]() { return words[pick(words.size())]; };
  std::vector<uint32_t> after_bos;
  for (uint32_t i = 0; i < bigrams.size(); ++i) {
    if (words[bigrams[i].history] == "<s>") after_bos.push_back(i);
  }

  std::vector<LmQuery> queries;
  const std::string unknown = "zzqxvunknown";
  for (int n = 0; n < per_kind; ++n) {
    if (!trigrams.empty()) {
      const auto& t = trigrams[pick(trigrams.size())];
      queries.push_back({"trigram", words[t.word], words[t.history1], words[t.history2]});
    }
    if (!bigrams.empty()) {
      const auto& b = bigrams[pick(bigrams.size())];
      queries.push_back({"bigram", words[b.word], words[b.history], ""});
      queries.push_back({"bigram+random context", words[b.word], words[b.history], random_word()});
      queries.push_back({"bigram+context backoff", words[b.word], words[b.history],
                         context_ending_in(b.history)});
      queries.push_back({"bigram+unknown prev2", words[b.word], words[b.history], unknown});
      queries.push_back({"sentence end", "</s>", words[b.word], words[b.history]});
      const auto& c = bigrams[pick(bigrams.size())];
      queries.push_back(
          {"unigram backoff+context", random_word(), words[c.word], words[c.history]});
    }
    queries.push_back({"random triple", random_word(), random_word(), random_word()});
    queries.push_back({"random pair", random_word(), random_word(), ""});
    queries.push_back({"unigram", random_word(), "", ""});
    queries.push_back({"unknown prev1", random_word(), unknown, random_word()});
    queries.push_back({"unknown word", unknown, random_word(), random_word()});
    if (!after_bos.empty()) {
      const auto& b = bigrams[after_bos[pick(after_bos.size())]];
      queries.push_back({"sentence start", words[b.word], "<s>", ""});
      queries.push_back({"after sentence start", random_word(), words[b.word], "<s>"});
    }
  }
  return queries;
}

LmComparison CompareWithSphinx(const LanguageModel& lm, const SphinxReference& sphinx,
                               const std::vector<LmQuery>& queries) {
  LmComparison result;
  for (const LmQuery& q : queries) {
    const uint32_t w = lm.Find(q.word);
    if (w == kUnknownWord) continue;  // log-zero in sphinxbase, unknown_log_prob() here
    const uint32_t p1 = q.prev1.empty() ? kNoWord : lm.Find(q.prev1);
    const uint32_t p2 = q.prev2.empty() ? kNoWord : lm.Find(q.prev2);
    const double ours = lm.LogProb(w, p1, p2);
    const double theirs = sphinx.LogProb(q.word, q.prev1, q.prev2);
    ++result.queries;
    const double diff = std::fabs(ours - theirs);
    if (diff > result.max_difference || result.queries == 1) {
      result.max_difference = std::max(result.max_difference, diff);
      result.worst = q;
      result.ours_at_worst = ours;
      result.sphinx_at_worst = theirs;
    }
  }
  return result;
}

}  // namespace unspin
