// Build-time tool: compiles WordNet 3.0's lemmas (single words and multiword expressions) with
// their sense counts and SemCor tag counts into unspin's phrase lexicon.
//
//   compile_phrases --wordnet_dir=/usr/share/wordnet --out=phrases.bin
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/lexicon/wordnet_sources.h"
#include "detector/util/file_io.h"

ABSL_FLAG(std::string, wordnet_dir, "", "folder with WordNet index.* and cntlist.rev");
ABSL_FLAG(std::string, out, "", "compiled phrase lexicon to write");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "compile_phrases: " << status.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string dir = absl::GetFlag(FLAGS_wordnet_dir);
  const std::string out = absl::GetFlag(FLAGS_out);
  if (dir.empty() || out.empty()) {
    std::cerr << "usage: compile_phrases --wordnet_dir=DIR --out=FILE\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  // Merged per lemma first: sense counts add up over parts of speech.
  absl::flat_hash_map<std::string, unspin::PhraseInfo> lemmas;
  std::vector<std::string> order;  // first-seen order keeps ids stable across builds
  auto entry = [&](absl::string_view lemma) -> unspin::PhraseInfo& {
    auto [it, inserted] = lemmas.try_emplace(lemma);
    if (inserted) order.emplace_back(lemma);
    it->second.sources |= unspin::kFromWordNetLemma;
    return it->second;
  };
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    const std::string path = absl::StrCat(dir, "/index.", pos);
    absl::StatusOr<std::string> text = unspin::ReadFileToString(path);
    if (!text.ok()) return Fail(text.status());
    absl::Status s = unspin::ParseWordNetIndex(
        *text, path, [&](absl::string_view lemma, uint8_t part, int synsets) {
          unspin::PhraseInfo& info = entry(lemma);
          info.parts_of_speech |= part;
          info.senses = static_cast<uint16_t>(std::min(65535, info.senses + synsets));
        });
    if (!s.ok()) return Fail(s);
  }
  const std::string cntlist = dir + "/cntlist.rev";
  absl::StatusOr<std::string> counts = unspin::ReadFileToString(cntlist);
  if (!counts.ok()) return Fail(counts.status());
  absl::Status s = unspin::ParseCntList(*counts, cntlist,
                                        [&](absl::string_view lemma, uint8_t part, int tag_count) {
                                          unspin::PhraseInfo& info = entry(lemma);
                                          info.parts_of_speech |= part;
                                          info.tag_count += static_cast<uint32_t>(tag_count);
                                        });
  if (!s.ok()) return Fail(s);

  unspin::PhraseLexiconBuilder builder;
  size_t multiword = 0;
  for (const std::string& lemma : order) {
    builder.Add(lemma, lemmas[lemma]);
    multiword += lemma.find('_') != std::string::npos;
  }
  absl::StatusOr<std::string> image = builder.BuildImage(
      absl::StrCat("source: WordNet 3.0 index.{noun,verb,adj,adv} and cntlist.rev in ", dir));
  if (!image.ok()) return Fail(image.status());
  absl::StatusOr<unspin::PhraseLexicon> lexicon = unspin::PhraseLexicon::FromImage(*image);
  if (!lexicon.ok()) return Fail(lexicon.status());
  if (absl::Status v = lexicon->VerifyPayload(); !v.ok()) return Fail(v);
  if (absl::Status w = unspin::WriteFileAtomically(out, *image); !w.ok()) return Fail(w);
  std::cerr << absl::StrFormat(
      "compile_phrases: %d WordNet lemmas (%d multiword) -> %d keys in %s (%.1f MB) in %.1f s\n",
      order.size(), multiword, lexicon->size(), out, image->size() / 1e6,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}
