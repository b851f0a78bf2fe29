// Build-time tool: records what the lexicon detector would ask a dictionary, so `unspin check`
// never loads one.
//
//   compile_inflections --thesaurus=thesaurus.bin --lm=en-us.lm
//       --hunspell_aff=en_US.aff --hunspell_dic=en_US.dic --wordnet_dir=/usr/share/wordnet
//       --inflections_out=inflections.bin --words_out=words.bin
//
// inflections.bin (thesaurus format): for every inflected form of a one-word thesaurus entry,
// LexiconDetector::InflectedCandidates of the form, as pairs "candidate lists form", so that
// CanStandFor(form) gives them. words.bin (phrase lexicon): the language model's words that
// the dictionary knows in lower case (not names).
#include <chrono>
#include <iostream>
#include <set>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/morphology.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/lexicon/thesaurus_builder.h"
#include "detector/spin/lexicon_detector.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, thesaurus, "", "compiled thesaurus (thesaurus.bin)");
ABSL_FLAG(std::string, lm, "", "compiled language model (en-us.lm): its vocabulary");
ABSL_FLAG(std::string, hunspell_aff, "/usr/share/hunspell/en_US.aff", "Hunspell affix file");
ABSL_FLAG(std::string, hunspell_dic, "/usr/share/hunspell/en_US.dic", "Hunspell dictionary");
ABSL_FLAG(std::string, wordnet_dir, "/usr/share/wordnet", "folder with noun.exc and verb.exc");
ABSL_FLAG(std::string, inflections_out, "", "inflected candidates to write");
ABSL_FLAG(std::string, words_out, "", "dictionary words to write");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "compile_inflections: " << status.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string inflections_out = absl::GetFlag(FLAGS_inflections_out);
  const std::string words_out = absl::GetFlag(FLAGS_words_out);
  if (absl::GetFlag(FLAGS_thesaurus).empty() || absl::GetFlag(FLAGS_lm).empty() ||
      inflections_out.empty() || words_out.empty()) {
    std::cerr << "usage: compile_inflections --thesaurus=FILE --lm=FILE --inflections_out=FILE "
                 "--words_out=FILE [--hunspell_aff=FILE --hunspell_dic=FILE --wordnet_dir=DIR]\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<unspin::Thesaurus> thesaurus =
      unspin::Thesaurus::Open(absl::GetFlag(FLAGS_thesaurus));
  if (!thesaurus.ok()) return Fail(thesaurus.status());
  absl::StatusOr<unspin::LanguageModel> lm = unspin::LanguageModel::Open(absl::GetFlag(FLAGS_lm));
  if (!lm.ok()) return Fail(lm.status());
  unspin::MorphologyOptions morphology_options;
  morphology_options.hunspell_aff = absl::GetFlag(FLAGS_hunspell_aff);
  morphology_options.hunspell_dic = absl::GetFlag(FLAGS_hunspell_dic);
  morphology_options.wordnet_dir = absl::GetFlag(FLAGS_wordnet_dir);
  absl::StatusOr<std::unique_ptr<unspin::Morphology>> morphology =
      unspin::Morphology::Create(morphology_options);
  if (!morphology.ok()) return Fail(morphology.status());

  // Every word the detector could find a lemma for is an inflected form of a one-word entry.
  std::set<std::string> forms;  // sorted: the output does not depend on hash order
  for (uint32_t id = 0; id < thesaurus->size(); ++id) {
    const absl::string_view entry = thesaurus->Phrase(id);
    if (entry.find(' ') != absl::string_view::npos) continue;
    for (unspin::Inflection inflection :
         {unspin::Inflection::kS, unspin::Inflection::kPast, unspin::Inflection::kGerund}) {
      for (std::string& form : (*morphology)->Inflect(entry, inflection)) {
        if (form != entry) forms.insert(std::move(form));
      }
    }
  }
  unspin::ThesaurusBuilder inflections;
  for (const std::string& form : forms) {
    for (const std::string& candidate :
         unspin::LexiconDetector::InflectedCandidates(*thesaurus, **morphology, form)) {
      inflections.Add(candidate, form, unspin::kSynonym);
    }
  }
  unspin::ThesaurusBuildOptions build_options;
  build_options.description = "inflected thesaurus candidates (compile_inflections)\n";
  unspin::ThesaurusBuildStats stats;
  absl::StatusOr<std::string> image = inflections.Build(build_options, &stats);
  if (!image.ok()) return Fail(image.status());
  if (absl::Status s = unspin::WriteFileAtomically(inflections_out, *image); !s.ok()) {
    return Fail(s);
  }

  unspin::PhraseLexiconBuilder words;
  for (uint32_t w = 0; w < lm->vocab_size(); ++w) {
    if (w == lm->sentence_start_id() || w == lm->sentence_end_id()) continue;
    const absl::string_view word = lm->Word(w);
    if ((*morphology)->IsWord(word)) words.AddKey(word, unspin::PhraseInfo());
  }
  if (absl::Status s = words.WriteTo(words_out, "dictionary words (compile_inflections)\n");
      !s.ok()) {
    return Fail(s);
  }
  std::cerr << absl::StrFormat(
      "compile_inflections: %d inflected forms, %d candidate pairs -> %s; %d dictionary words "
      "-> %s; %.1f s\n",
      forms.size(), stats.pairs, inflections_out, words.size(), words_out,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}
