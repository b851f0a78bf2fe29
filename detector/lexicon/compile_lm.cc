// Build-time tool: converts CMU Sphinx's binary trie model (pocketsphinx-en-us's en-us.lm.bin)
// into unspin's memory-mapped language model, then checks the result against sphinxbase.
//
//   compile_lm --sphinx_lm=/usr/share/pocketsphinx/model/en-us/en-us.lm.bin --out=en-us.lm
//              [--verify=20000]
#include <chrono>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/language_model_builder.h"
#include "detector/lexicon/sphinx_lm_reader.h"
#include "detector/lexicon/sphinx_reference.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, sphinx_lm, "", "CMU Sphinx trie language model (.lm.bin) to convert");
ABSL_FLAG(std::string, out, "", "compiled language model to write");
ABSL_FLAG(int, verify, 20000,
          "queries per backoff path compared with sphinxbase after building (0: skip); any "
          "difference above 1e-3 fails the build");
ABSL_FLAG(double, load_factor, unspin::LanguageModelBuildOptions{}.load_factor,
          "fill of the n-gram hash tables");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "compile_lm: " << status.message() << "\n";
  return 1;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string source = absl::GetFlag(FLAGS_sphinx_lm);
  const std::string out = absl::GetFlag(FLAGS_out);
  if (source.empty() || out.empty()) {
    std::cerr << "usage: compile_lm --sphinx_lm=MODEL.lm.bin --out=FILE [--verify=N]\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<unspin::NGramModelData> model = unspin::ReadSphinxTrieModel(source);
  if (!model.ok()) return Fail(model.status());

  unspin::LanguageModelBuildOptions options;
  options.load_factor = absl::GetFlag(FLAGS_load_factor);
  unspin::LanguageModelBuildStats stats;
  absl::StatusOr<std::string> image = unspin::BuildLanguageModelImage(*model, options, &stats);
  if (!image.ok()) return Fail(image.status());
  absl::StatusOr<unspin::LanguageModel> lm = unspin::LanguageModel::FromImage(*image);
  if (!lm.ok()) return Fail(lm.status());
  if (absl::Status s = lm->VerifyPayload(); !s.ok()) return Fail(s);
  std::cerr << absl::StrFormat(
      "compile_lm: %d words, %d bigrams, %d trigrams -> %s (%.1f MB; %d + %d slots, backoff "
      "%d bits, max quantization error %.2g, %.2f probes per bigram hit) in %.1f s\n",
      model->words.size(), model->bigrams.size(), model->trigrams.size(), out, image->size() / 1e6,
      stats.bigram_slots, stats.trigram_slots, stats.backoff_bits, stats.max_quantization_error,
      stats.mean_bigram_probes, SecondsSince(start));

  const int verify = absl::GetFlag(FLAGS_verify);
  if (verify > 0) {
    absl::StatusOr<std::unique_ptr<unspin::SphinxReference>> sphinx =
        unspin::SphinxReference::Load(source);
    if (!sphinx.ok()) return Fail(sphinx.status());
    const unspin::LmComparison c = unspin::CompareWithSphinx(
        *lm, **sphinx, unspin::SampleLmQueries(*model, verify, /*seed=*/20240601));
    std::cerr << absl::StrFormat(
        "compile_lm: %d queries compared with sphinxbase, max |difference| %.2g (worst: %s "
        "'%s | %s %s': %.5f vs %.5f)\n",
        c.queries, c.max_difference, c.worst.kind, c.worst.word, c.worst.prev2, c.worst.prev1,
        c.ours_at_worst, c.sphinx_at_worst);
    if (c.max_difference > 1e-3) {
      return Fail(absl::InternalError("compiled model disagrees with sphinxbase"));
    }
  }
  // Written only once checked, and atomically: a failed build leaves no file behind.
  if (absl::Status s = unspin::WriteFileAtomically(out, *image); !s.ok()) return Fail(s);
  return 0;
}
