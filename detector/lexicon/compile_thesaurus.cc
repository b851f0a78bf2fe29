// Build-time tool: merges MyThes, WordNet synsets and Aiksaurus into unspin's compiled thesaurus.
// Synonym classes use the compiled language model for word frequency.
//
//   compile_thesaurus --mythes=/usr/share/mythes/th_en_US_v2.dat
//       --wordnet_dir=/usr/share/wordnet --aiksaurus_dir=/usr/share/aiksaurus
//       --lm=bazel-bin/detector/data/en-us.lm --out=thesaurus.bin
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/lexicon/thesaurus_builder.h"
#include "detector/lexicon/thesaurus_sources.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, mythes, "", "MyThes thesaurus (th_en_US_v2.dat); empty: skip");
ABSL_FLAG(std::string, wordnet_dir, "",
          "folder with WordNet data.{noun,verb,adj,adv}; empty: skip");
ABSL_FLAG(std::string, aiksaurus_dir, "",
          "folder with Aiksaurus words.dat, meanings.dat; empty: skip");
ABSL_FLAG(std::string, lm, "", "compiled language model, for word frequencies (synonym classes)");
ABSL_FLAG(int, function_words, 150,
          "the N most frequent words of the language model never represent a synonym class");
ABSL_FLAG(std::string, out, "", "compiled thesaurus to write");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "compile_thesaurus: " << status.message() << "\n";
  return 1;
}

// Same-class rates of (word, synonym) pairs and of random word pairs among the most frequent
// words: what the class choice buys dedup, and what it costs.
void ReportClassQuality(const unspin::Thesaurus& th, const unspin::LanguageModel& lm) {
  std::vector<std::pair<double, uint32_t>> by_frequency;
  for (uint32_t id = 0; id < th.size(); ++id) {
    if (th.PhraseFlags(id) & unspin::kMultiword) continue;
    const uint32_t w = lm.Find(th.Phrase(id));
    if (w != unspin::kUnknownWord && !th.Synonyms(id).empty()) {
      by_frequency.emplace_back(lm.Unigram(w), id);
    }
  }
  std::sort(by_frequency.rbegin(), by_frequency.rend());
  if (by_frequency.size() > 20000) by_frequency.resize(20000);
  if (by_frequency.size() < 2) return;
  std::mt19937_64 rng(7);
  int same_pair = 0, same_strong = 0, strong = 0, same_random = 0;
  const int samples = 5000;
  for (int i = 0; i < samples; ++i) {
    const uint32_t w = by_frequency[rng() % by_frequency.size()].second;
    const auto syns = th.Synonyms(w);
    const unspin::SynonymEntry e = syns[rng() % syns.size()];
    same_pair += th.SynonymClass(w) == th.SynonymClass(e.phrase());
    if (e.has(unspin::kStrongRelations)) {
      ++strong;
      same_strong += th.SynonymClass(w) == th.SynonymClass(e.phrase());
    }
    const uint32_t a = by_frequency[rng() % by_frequency.size()].second;
    const uint32_t b = by_frequency[rng() % by_frequency.size()].second;
    same_random += a != b && th.SynonymClass(a) == th.SynonymClass(b);
  }
  std::cerr << absl::StrFormat(
      "compile_thesaurus: classes over the %d most frequent words: a random listed synonym is in "
      "the word's class %.1f%% of the time (%.1f%% for strong relations); two random words share "
      "a class %.2f%% of the time\n",
      by_frequency.size(), 100.0 * same_pair / samples, 100.0 * same_strong / std::max(strong, 1),
      100.0 * same_random / samples);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string out = absl::GetFlag(FLAGS_out);
  const std::string lm_path = absl::GetFlag(FLAGS_lm);
  if (out.empty() || lm_path.empty()) {
    std::cerr << "usage: compile_thesaurus --mythes=FILE --wordnet_dir=DIR --aiksaurus_dir=DIR "
                 "--lm=FILE --out=FILE\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  unspin::ThesaurusBuilder builder;
  auto sink = [&builder](absl::string_view head, absl::string_view synonym, uint16_t flags) {
    builder.Add(head, synonym, flags);
  };
  std::string description;
  if (const std::string path = absl::GetFlag(FLAGS_mythes); !path.empty()) {
    absl::StatusOr<std::string> text = unspin::ReadFileToString(path);
    if (!text.ok()) return Fail(text.status());
    if (absl::Status s = unspin::ParseMyThes(*text, path, sink); !s.ok()) return Fail(s);
    absl::StrAppend(&description, "mythes: ", path, "\n");
  }
  if (const std::string dir = absl::GetFlag(FLAGS_wordnet_dir); !dir.empty()) {
    for (const char* pos : {"noun", "verb", "adj", "adv"}) {
      const std::string path = absl::StrCat(dir, "/data.", pos);
      absl::StatusOr<std::string> text = unspin::ReadFileToString(path);
      if (!text.ok()) return Fail(text.status());
      if (absl::Status s = unspin::ParseWordNetData(*text, path, sink); !s.ok()) return Fail(s);
    }
    absl::StrAppend(&description, "wordnet: ", dir, "\n");
  }
  if (const std::string dir = absl::GetFlag(FLAGS_aiksaurus_dir); !dir.empty()) {
    absl::StatusOr<std::string> words = unspin::ReadFileToString(dir + "/words.dat");
    if (!words.ok()) return Fail(words.status());
    absl::StatusOr<std::string> meanings = unspin::ReadFileToString(dir + "/meanings.dat");
    if (!meanings.ok()) return Fail(meanings.status());
    if (absl::Status s = unspin::ParseAiksaurus(*words, *meanings, sink); !s.ok()) return Fail(s);
    absl::StrAppend(&description, "aiksaurus: ", dir, "\n");
  }

  absl::StatusOr<unspin::LanguageModel> lm = unspin::LanguageModel::Open(lm_path);
  if (!lm.ok()) return Fail(lm.status());
  // The most frequent words: they never represent a class.
  absl::flat_hash_set<std::string> function_words;
  {
    std::vector<std::pair<float, uint32_t>> unigrams;
    for (uint32_t w = 0; w < lm->vocab_size(); ++w) {
      if (w != lm->sentence_start_id() && w != lm->sentence_end_id()) {
        unigrams.emplace_back(static_cast<float>(lm->Unigram(w)), w);
      }
    }
    const size_t n = std::min<size_t>(absl::GetFlag(FLAGS_function_words), unigrams.size());
    std::partial_sort(unigrams.begin(), unigrams.begin() + n, unigrams.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < n; ++i) function_words.insert(std::string(lm->Word(unigrams[i].second)));
  }
  unspin::ThesaurusBuildOptions options;
  std::vector<uint32_t> ids;
  options.log_frequency = [&lm, &ids](absl::string_view key) {
    ids.clear();
    for (absl::string_view word : absl::StrSplit(key, ' ')) ids.push_back(lm->Find(word));
    return lm->ScoreSequence(ids, {});
  };
  options.is_function_word = [&function_words](absl::string_view key) {
    return function_words.contains(key);
  };
  absl::StrAppend(&description, "classes: hill climbing on strong relations, frequency from ",
                  lm_path, ", ", function_words.size(), " function words excluded\n");
  options.description = description;

  unspin::ThesaurusBuildStats stats;
  absl::StatusOr<std::string> image = builder.Build(options, &stats);
  if (!image.ok()) return Fail(image.status());
  absl::StatusOr<unspin::Thesaurus> th = unspin::Thesaurus::FromImage(*image);
  if (!th.ok()) return Fail(th.status());
  if (absl::Status s = th->VerifyPayload(); !s.ok()) return Fail(s);
  if (absl::Status s = unspin::WriteFileAtomically(out, *image); !s.ok()) return Fail(s);
  std::cerr << absl::StrFormat(
      "compile_thesaurus: %d phrases, %d pairs, %d classes (largest: %d members under '%s') -> "
      "%s (%.1f MB) in %.1f s\n",
      stats.phrases, stats.pairs, stats.classes, stats.largest_class,
      stats.largest_class_representative, out, image->size() / 1e6,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  ReportClassQuality(*th, *lm);
  return 0;
}
