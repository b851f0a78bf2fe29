#include "detector/lexicon/morphology.h"

#include <sys/stat.h>

#include <algorithm>
#include <hunspell/hunspell.hxx>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "detector/util/file_io.h"
#include "detector/util/status_macros.h"

namespace unspin {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// consonant-vowel-consonant ending whose last consonant doubles before -ed/-ing ("stop").
bool EndsCvc(absl::string_view w) {
  if (w.size() < 3) return false;
  const char c1 = w[w.size() - 3], v = w[w.size() - 2], c2 = w.back();
  return !IsVowel(c1) && IsVowel(v) && !IsVowel(c2) && c2 != 'w' && c2 != 'x' && c2 != 'y';
}

void AddUnique(std::vector<std::string>* out, std::string s) {
  if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(std::move(s));
}

}  // namespace

std::vector<std::string> InflectionCandidates(absl::string_view w, Inflection inflection) {
  std::vector<std::string> out;
  if (w.empty()) return out;
  const std::string word(w);
  const char last = w.back();
  const bool consonant_y = last == 'y' && w.size() >= 2 && !IsVowel(w[w.size() - 2]);
  switch (inflection) {
    case Inflection::kS:
      if (consonant_y) {
        AddUnique(&out, absl::StrCat(w.substr(0, w.size() - 1), "ies"));
      } else if (last == 's' || last == 'x' || last == 'z' || absl::EndsWith(w, "ch") ||
                 absl::EndsWith(w, "sh")) {
        AddUnique(&out, word + "es");
      } else if (last == 'o') {
        AddUnique(&out, word + "es");
        AddUnique(&out, word + "s");
      } else {
        AddUnique(&out, word + "s");
      }
      break;
    case Inflection::kPast:
      if (last == 'e') {
        AddUnique(&out, word + "d");
      } else if (consonant_y) {
        AddUnique(&out, absl::StrCat(w.substr(0, w.size() - 1), "ied"));
      } else {
        if (EndsCvc(w)) AddUnique(&out, absl::StrCat(w, std::string(1, last), "ed"));
        AddUnique(&out, word + "ed");
      }
      break;
    case Inflection::kGerund:
      if (absl::EndsWith(w, "ie")) {
        AddUnique(&out, absl::StrCat(w.substr(0, w.size() - 2), "ying"));
      } else if (last == 'e' && !absl::EndsWith(w, "ee") && !absl::EndsWith(w, "ye") &&
                 !absl::EndsWith(w, "oe")) {
        AddUnique(&out, absl::StrCat(w.substr(0, w.size() - 1), "ing"));
      } else {
        if (EndsCvc(w)) AddUnique(&out, absl::StrCat(w, std::string(1, last), "ing"));
        AddUnique(&out, word + "ing");
      }
      break;
    case Inflection::kSingular:
      if (absl::EndsWith(w, "ies") && w.size() > 4) {
        AddUnique(&out, absl::StrCat(w.substr(0, w.size() - 3), "y"));
      }
      if (absl::EndsWith(w, "es") && w.size() > 3)
        AddUnique(&out, std::string(w.substr(0, w.size() - 2)));
      if (last == 's' && !absl::EndsWith(w, "ss") && w.size() > 2) {
        AddUnique(&out, std::string(w.substr(0, w.size() - 1)));
      }
      break;
  }
  return out;
}

namespace {

class HunspellMorphology : public Morphology {
 public:
  HunspellMorphology(std::unique_ptr<Hunspell> hunspell,
                     absl::flat_hash_map<std::string, std::vector<std::string>> irregular_verbs,
                     absl::flat_hash_map<std::string, std::vector<std::string>> irregular_plurals,
                     absl::flat_hash_map<std::string, std::vector<std::string>> irregular_lemmas)
      : hunspell_(std::move(hunspell)),
        irregular_verbs_(std::move(irregular_verbs)),
        irregular_plurals_(std::move(irregular_plurals)),
        irregular_lemmas_(std::move(irregular_lemmas)) {}

  std::vector<std::string> Inflect(absl::string_view word, Inflection inflection) override {
    const std::string key = absl::StrCat(static_cast<int>(inflection), ":", word);
    {
      absl::MutexLock lock(&mu_);
      auto it = inflect_cache_.find(key);
      if (it != inflect_cache_.end()) return it->second;
    }
    std::vector<std::string> forms = ComputeInflect(word, inflection);
    absl::MutexLock lock(&mu_);
    inflect_cache_.emplace(key, forms);
    return forms;
  }

  // A base form is its own lemma and no inflection of another one: "sought" (irregular) and
  // "mentioned" (-ed of "mention") are not; "give" is, though Hunspell also stems it to "g".
  bool IsBaseForm(absl::string_view word) override {
    const std::vector<std::string> lemmas = Lemmas(word);
    if (std::find(lemmas.begin(), lemmas.end(), word) == lemmas.end()) return false;
    if (irregular_lemmas_.contains(word)) return false;
    for (const std::string& lemma : lemmas) {
      if (lemma == word) continue;
      for (Inflection inflection : {Inflection::kS, Inflection::kPast, Inflection::kGerund}) {
        const std::vector<std::string> candidates = InflectionCandidates(lemma, inflection);
        if (std::find(candidates.begin(), candidates.end(), word) != candidates.end()) {
          return false;
        }
      }
    }
    return true;
  }

  std::vector<std::string> Lemmas(absl::string_view word) override {
    const std::string w(word);
    {
      absl::MutexLock lock(&mu_);
      auto it = lemma_cache_.find(w);
      if (it != lemma_cache_.end()) return it->second;
    }
    std::vector<std::string> lemmas;
    auto irregular = irregular_lemmas_.find(w);
    if (irregular != irregular_lemmas_.end()) {
      for (const std::string& l : irregular->second) AddUnique(&lemmas, l);
    }
    std::vector<std::string> stems;
    {
      absl::MutexLock lock(&hunspell_mu_);
      stems = hunspell_->stem(w);
    }
    for (std::string& s : stems) AddUnique(&lemmas, std::move(s));
    absl::MutexLock lock(&mu_);
    lemma_cache_.emplace(w, lemmas);
    return lemmas;
  }

  bool IsWord(absl::string_view word) override {
    absl::MutexLock lock(&hunspell_mu_);
    return hunspell_->spell(std::string(word));
  }

 private:
  std::vector<std::string> ComputeInflect(absl::string_view word, Inflection inflection) {
    std::vector<std::string> out;
    const std::string w(word);
    if (inflection == Inflection::kSingular) {
      auto it = irregular_lemmas_.find(w);
      if (it != irregular_lemmas_.end() && irregular_plurals_.contains(it->second.front())) {
        AddUnique(&out, it->second.front());
      }
    } else if (inflection == Inflection::kPast || inflection == Inflection::kGerund) {
      // verb.exc lists irregular past forms and irregular spellings of -ing forms together.
      auto it = irregular_verbs_.find(w);
      if (it != irregular_verbs_.end()) {
        // Regular candidates still follow: the list also holds British doublings
        // ("revelled") beside which the dictionary's "reveled" is right; "seeked" is not a word
        // and fails the dictionary check.
        for (const std::string& f : it->second) {
          if (absl::EndsWith(f, "ing") == (inflection == Inflection::kGerund)) AddUnique(&out, f);
        }
      }
    } else if (inflection == Inflection::kS) {
      auto it = irregular_plurals_.find(w);
      if (it != irregular_plurals_.end()) {
        for (const std::string& f : it->second) AddUnique(&out, f);
      }
    }
    // A candidate made by the spelling rules from this very word is kept when the dictionary
    // spells it. Hunspell's stems cannot confirm it: they include derivations ("situations" ->
    // "situate") and miss plain inflections ("toeing" -> "toeing").
    for (const std::string& candidate : InflectionCandidates(word, inflection)) {
      if (IsWord(candidate)) AddUnique(&out, candidate);
    }
    return out;
  }

  absl::Mutex hunspell_mu_;  // Hunspell objects are not thread-safe
  std::unique_ptr<Hunspell> hunspell_;
  // lemma -> irregular past forms ("seek" -> "sought"), from verb.exc
  absl::flat_hash_map<std::string, std::vector<std::string>> irregular_verbs_;
  // lemma -> irregular plurals ("child" -> "children"), from noun.exc
  absl::flat_hash_map<std::string, std::vector<std::string>> irregular_plurals_;
  // irregular form -> lemmas, from both lists
  absl::flat_hash_map<std::string, std::vector<std::string>> irregular_lemmas_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::vector<std::string>> inflect_cache_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::vector<std::string>> lemma_cache_ ABSL_GUARDED_BY(mu_);
};

// Reads a WordNet exception list ("form lemma [lemma...]" per line) into lemma -> forms and
// form -> lemmas. Multiword entries (with '_') are skipped: rules inflect single words.
absl::Status ReadExceptions(const std::string& path,
                            absl::flat_hash_map<std::string, std::vector<std::string>>* forms,
                            absl::flat_hash_map<std::string, std::vector<std::string>>* lemmas) {
  UNSPIN_ASSIGN_OR_RETURN(std::string data, ReadFileToString(path));
  for (absl::string_view line : absl::StrSplit(data, '\n', absl::SkipEmpty())) {
    std::vector<absl::string_view> parts = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (parts.size() < 2 || parts[0].find('_') != absl::string_view::npos) continue;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i] == parts[0]) continue;
      AddUnique(&(*forms)[parts[i]], std::string(parts[0]));
      AddUnique(&(*lemmas)[parts[0]], std::string(parts[i]));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckReadable(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return absl::NotFoundError(absl::StrCat(
        path, ": not found (install hunspell-en-us and wordnet-base: scripts/setup.sh)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Morphology>> Morphology::Create(const MorphologyOptions& options) {
  UNSPIN_RETURN_IF_ERROR(CheckReadable(options.hunspell_aff));
  UNSPIN_RETURN_IF_ERROR(CheckReadable(options.hunspell_dic));
  absl::flat_hash_map<std::string, std::vector<std::string>> verbs, plurals, lemmas;
  UNSPIN_RETURN_IF_ERROR(ReadExceptions(options.wordnet_dir + "/verb.exc", &verbs, &lemmas));
  UNSPIN_RETURN_IF_ERROR(ReadExceptions(options.wordnet_dir + "/noun.exc", &plurals, &lemmas));
  auto hunspell =
      std::make_unique<Hunspell>(options.hunspell_aff.c_str(), options.hunspell_dic.c_str());
  return std::unique_ptr<Morphology>(new HunspellMorphology(std::move(hunspell), std::move(verbs),
                                                            std::move(plurals), std::move(lemmas)));
}

namespace {

// The form of the restored word that matches `spun_form`: the same form when both sides share
// the word ("fall short" for "fall in need of"), else a participle-looking form for a
// participle-looking one ("fallen"/"taken", not "fell"/"took"), else the first form.
std::string PairedForm(const std::string& spun_form, const std::string& spun_word,
                       const std::string& restored_word,
                       const std::vector<std::string>& restored_forms) {
  if (spun_word == restored_word) return spun_form;
  auto participle_like = [](absl::string_view f) {
    return absl::EndsWith(f, "n") && !absl::EndsWith(f, "ing");
  };
  for (const std::string& f : restored_forms) {
    if (participle_like(f) == participle_like(spun_form)) return f;
  }
  return restored_forms.front();
}

bool IsAlphabetic(absl::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::vector<PhraseVariant> InflectPhrasePair(Morphology& morphology, const PhraseVariant& pair,
                                             PairInflection mode) {
  std::vector<PhraseVariant> out;
  if (pair.spun.empty() || pair.restored.empty()) return out;
  const std::string first_restored = absl::AsciiStrToLower(pair.restored.front());
  const std::string last_restored = absl::AsciiStrToLower(pair.restored.back());
  auto add_forms = [&](size_t spun_index, size_t restored_index, Inflection inflection,
                       const std::string& restored_word) {
    const std::vector<std::string> spun_forms =
        morphology.Inflect(pair.spun[spun_index], inflection);
    const std::vector<std::string> restored_forms = morphology.Inflect(restored_word, inflection);
    if (spun_forms.empty() || restored_forms.empty()) return;
    for (const std::string& form : spun_forms) {
      PhraseVariant variant = pair;
      variant.spun[spun_index] = form;
      variant.restored[restored_index] =
          PairedForm(form, pair.spun[spun_index], restored_word, restored_forms);
      out.push_back(std::move(variant));
    }
  };
  const bool first_is_word = IsAlphabetic(pair.spun.front()) && IsAlphabetic(first_restored);
  const bool verb =
      mode == PairInflection::kVerb ||
      (mode == PairInflection::kAuto && first_is_word && morphology.IsBaseForm(pair.spun.front()) &&
       morphology.IsBaseForm(first_restored));
  if (verb) {
    for (Inflection inflection : {Inflection::kS, Inflection::kPast, Inflection::kGerund}) {
      add_forms(0, 0, inflection, first_restored);
    }
  }
  const bool last_is_word = IsAlphabetic(pair.spun.back()) && IsAlphabetic(last_restored);
  if (last_is_word && (mode == PairInflection::kNoun || mode == PairInflection::kAuto)) {
    const bool plural_side = !morphology.IsBaseForm(pair.spun.back()) &&
                             !morphology.Inflect(pair.spun.back(), Inflection::kSingular).empty();
    add_forms(pair.spun.size() - 1, pair.restored.size() - 1,
              plural_side ? Inflection::kSingular : Inflection::kS, last_restored);
  }
  return out;
}

bool TakesAnArticle(absl::string_view word) {
  if (word.empty()) return false;
  for (absl::string_view prefix : {"uni", "use", "usu", "uti", "eu", "one", "once", "ubiq"}) {
    if (absl::StartsWith(word, prefix)) return false;
  }
  for (absl::string_view prefix : {"hour", "honest", "honou", "honor", "heir", "x-"}) {
    if (absl::StartsWith(word, prefix)) return true;
  }
  const char c = word.front();
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace unspin
