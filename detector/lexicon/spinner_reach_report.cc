// Prints, for spinner substitutions we know of (canonical -> spun), whether each thesaurus lists
// the spun form under the canonical word (so the inverted thesaurus can propose the
// restoration), whether both share a synonym class, and the language model's view of each.
//
//   bazel run //detector/lexicon:spinner_reach_report
//
// The pairs are written from knowledge of spinner output (the seed article of issue 2 and
// well-known "tortured phrases"), in lemma form.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "detector/lexicon/data_paths.h"
#include "detector/lexicon/language_model.h"
#include "detector/lexicon/phrase_key.h"
#include "detector/lexicon/thesaurus.h"

namespace {

struct Swap {
  const char* canonical;
  const char* spun;
};

constexpr Swap kSwaps[] = {
    {"vision", "imaginative and prescient"},
    {"experience", "revel in"},
    {"challenge", "demanding situation"},
    {"spy", "undercover agent"},
    {"via", "by the use of"},
    {"access", "get admission to"},
    {"able", "in a position"},
    {"each other", "each and every different"},
    {"last", "closing"},
    {"year", "yr"},
    {"say", "mention"},
    {"tell", "instruct"},
    {"learning", "studying"},
    {"learning", "gaining knowledge of"},
    {"computer", "laptop"},
    {"user", "consumer"},
    {"feature", "characteristic"},
    {"rich", "wealthy"},
    {"intellectual", "highbrow"},
    {"property", "assets"},
    {"deep", "profound"},
    {"network", "organization"},
    {"artificial", "counterfeit"},
    {"intelligence", "consciousness"},
    {"breast", "bosom"},
    {"cancer", "peril"},
    {"random", "irregular"},
    {"forest", "woodland"},
    {"front", "entrance"},
    {"global", "international"},
    {"leadership", "management"},
    {"alternative", "alternate"},
    {"earlier", "previous"},
    {"energy", "calories"},
    {"relationship", "dating"},
    {"ally", "best friend"},
    {"episode", "incident"},
    {"different", "other"},
};

double PhraseScore(const unspin::LanguageModel& lm, const std::string& key) {
  std::vector<uint32_t> ids;
  for (absl::string_view w : absl::StrSplit(key, ' ')) ids.push_back(lm.Find(w));
  return lm.ScoreSequence(ids, {});
}

}  // namespace

int main() {
  absl::StatusOr<std::string> dir = unspin::FindDataDir();
  if (!dir.ok()) {
    std::fprintf(stderr, "%s\n", std::string(dir.status().message()).c_str());
    return 2;
  }
  absl::StatusOr<unspin::Thesaurus> th =
      unspin::Thesaurus::Open(unspin::DataFilePath(*dir, unspin::kThesaurusFile));
  absl::StatusOr<unspin::LanguageModel> lm =
      unspin::LanguageModel::Open(unspin::DataFilePath(*dir, unspin::kLanguageModelFile));
  if (!th.ok() || !lm.ok()) {
    std::fprintf(stderr, "cannot open the data files\n");
    return 2;
  }
  std::printf("%-14s %-26s %-6s %-7s %-9s %-7s %-6s %8s %8s\n", "canonical", "spun", "MyThes",
              "WordNet", "Aiksaurus", "spun in", "class", "LM canon", "LM spun");
  int reachable[3] = {0, 0, 0}, any = 0, known = 0, same_class = 0;
  for (const Swap& s : kSwaps) {
    const std::string canonical = unspin::NormalizePhrase(s.canonical);
    const std::string spun = unspin::NormalizePhrase(s.spun);
    const uint32_t c = th->Find(canonical);
    const uint32_t p = th->Find(spun);
    const unspin::SynonymEntry* e =
        (c != unspin::kNotFound && p != unspin::kNotFound) ? th->FindSynonym(c, p) : nullptr;
    const uint16_t sources[3] = {unspin::kFromMyThes, unspin::kFromWordNet, unspin::kFromAiksaurus};
    const char* mark[3];
    for (int i = 0; i < 3; ++i) {
      const bool hit = e != nullptr && e->has(sources[i]);
      reachable[i] += hit;
      mark[i] = hit ? (e->has(unspin::kStrongRelations) ? "yes" : "weak") : "-";
    }
    any += e != nullptr;
    known += p != unspin::kNotFound;
    const bool same = c != unspin::kNotFound && p != unspin::kNotFound &&
                      th->SynonymClass(c) == th->SynonymClass(p);
    same_class += same;
    std::printf("%-14s %-26s %-6s %-7s %-9s %-7s %-6s %8.2f %8.2f\n", s.canonical, s.spun, mark[0],
                mark[1], mark[2], p != unspin::kNotFound ? "yes" : "no", same ? "same" : "-",
                PhraseScore(*lm, canonical), PhraseScore(*lm, spun));
  }
  const int n = static_cast<int>(sizeof(kSwaps) / sizeof(kSwaps[0]));
  std::printf(
      "\n%d swaps: listed by MyThes %d, WordNet %d, Aiksaurus %d, any %d; spun form is a "
      "thesaurus phrase %d; same synonym class %d\n",
      n, reachable[0], reachable[1], reachable[2], any, known, same_class);
  return 0;
}
