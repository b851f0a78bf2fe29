#include "detector/lexicon/morphology_cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <utility>

#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"

namespace unspin {
namespace {

// One line per question: KIND '\t' QUESTION '\t' ANSWER. Kinds: 'I' Inflect (question
// "word\x1finflection number"), 'B' IsBaseForm, 'L' Lemmas, 'W' IsWord. List answers are joined
// by '\x1f' (a unit separator never found in a word); booleans are "0" or "1".
constexpr char kSeparator = '\x1f';

// Writes "word\x1fN" (N the inflection's number, one digit) into *key, reusing its buffer: the
// rule packs ask thousands of these at every start-up.
void InflectKey(absl::string_view word, Inflection inflection, std::string* key) {
  static_assert(static_cast<int>(Inflection::kSingular) < 10, "one digit per inflection");
  key->assign(word.data(), word.size());
  key->push_back(kSeparator);
  key->push_back(static_cast<char>('0' + static_cast<int>(inflection)));
}

std::string JoinList(const std::vector<std::string>& items) {
  return absl::StrJoin(items, std::string(1, kSeparator));
}

std::vector<std::string> SplitList(absl::string_view joined) {
  if (joined.empty()) return {};
  return absl::StrSplit(joined, kSeparator);
}

class CachedMorphology : public Morphology {
 public:
  CachedMorphology(MorphologyOptions options,
                   absl::flat_hash_map<absl::string_view, absl::string_view> answers[4])
      : options_(std::move(options)) {
    for (int i = 0; i < 4; ++i) answers_[i] = std::move(answers[i]);
  }

  std::vector<std::string> Inflect(absl::string_view word, Inflection inflection) override {
    thread_local std::string key;
    InflectKey(word, inflection, &key);
    if (const absl::string_view* a = Find(0, key)) return SplitList(*a);
    return Real()->Inflect(word, inflection);
  }
  bool IsBaseForm(absl::string_view word) override {
    if (const absl::string_view* a = Find(1, word)) return *a == "1";
    return Real()->IsBaseForm(word);
  }
  std::vector<std::string> Lemmas(absl::string_view word) override {
    if (const absl::string_view* a = Find(2, word)) return SplitList(*a);
    return Real()->Lemmas(word);
  }
  bool IsWord(absl::string_view word) override {
    if (const absl::string_view* a = Find(3, word)) return *a == "1";
    return Real()->IsWord(word);
  }

 private:
  const absl::string_view* Find(int kind, absl::string_view question) const {
    auto it = answers_[kind].find(question);
    return it == answers_[kind].end() ? nullptr : &it->second;
  }

  // The real dictionaries, loaded on the first question the table cannot answer.
  Morphology* Real() {
    absl::call_once(once_, [this] {
      absl::StatusOr<std::unique_ptr<Morphology>> real = Morphology::Create(options_);
      // The files were checked at creation; should loading still fail, a morphology that knows
      // nothing keeps the detector running (rules match as written).
      if (real.ok()) real_ = std::move(*real);
    });
    if (real_ == nullptr) return &nothing_;
    return real_.get();
  }

  // Answers "no forms, not a word" to everything.
  class NoMorphology : public Morphology {
   public:
    std::vector<std::string> Inflect(absl::string_view, Inflection) override { return {}; }
    bool IsBaseForm(absl::string_view) override { return false; }
    std::vector<std::string> Lemmas(absl::string_view) override { return {}; }
    bool IsWord(absl::string_view) override { return false; }
  };

  MorphologyOptions options_;
  absl::flat_hash_map<absl::string_view, absl::string_view> answers_[4];
  absl::once_flag once_;
  std::unique_ptr<Morphology> real_;
  NoMorphology nothing_;
};

int KindIndex(char kind) {
  switch (kind) {
    case 'I':
      return 0;
    case 'B':
      return 1;
    case 'L':
      return 2;
    case 'W':
      return 3;
    default:
      return -1;
  }
}

}  // namespace

struct RecordingMorphology::Impl {
  absl::Mutex mu;
  // kind index -> question -> answer; ordered so the serialized table is reproducible.
  std::map<std::string, std::string> answers[4] ABSL_GUARDED_BY(mu);
};

RecordingMorphology::RecordingMorphology(std::unique_ptr<Morphology> real)
    : real_(std::move(real)), impl_(std::make_unique<Impl>()) {}

RecordingMorphology::~RecordingMorphology() = default;

std::vector<std::string> RecordingMorphology::Inflect(absl::string_view word,
                                                      Inflection inflection) {
  std::vector<std::string> out = real_->Inflect(word, inflection);
  std::string key;
  InflectKey(word, inflection, &key);
  absl::MutexLock lock(&impl_->mu);
  impl_->answers[0][key] = JoinList(out);
  return out;
}

bool RecordingMorphology::IsBaseForm(absl::string_view word) {
  const bool out = real_->IsBaseForm(word);
  absl::MutexLock lock(&impl_->mu);
  impl_->answers[1][std::string(word)] = out ? "1" : "0";
  return out;
}

std::vector<std::string> RecordingMorphology::Lemmas(absl::string_view word) {
  std::vector<std::string> out = real_->Lemmas(word);
  absl::MutexLock lock(&impl_->mu);
  impl_->answers[2][std::string(word)] = JoinList(out);
  return out;
}

bool RecordingMorphology::IsWord(absl::string_view word) {
  const bool out = real_->IsWord(word);
  absl::MutexLock lock(&impl_->mu);
  impl_->answers[3][std::string(word)] = out ? "1" : "0";
  return out;
}

std::string RecordingMorphology::Serialize() const {
  static const char kKinds[] = {'I', 'B', 'L', 'W'};
  std::string out;
  absl::MutexLock lock(&impl_->mu);
  for (int k = 0; k < 4; ++k) {
    for (const auto& [question, answer] : impl_->answers[k]) {
      absl::StrAppend(&out, std::string(1, kKinds[k]), "\t", question, "\t", answer, "\n");
    }
  }
  return out;
}

absl::StatusOr<std::unique_ptr<Morphology>> CreateCachedMorphology(const MorphologyOptions& options,
                                                                   absl::string_view answers) {
  // Fail where Morphology::Create would, without paying for loading the dictionaries.
  for (const std::string& file : {options.hunspell_aff, options.hunspell_dic}) {
    struct stat st;
    if (stat(file.c_str(), &st) != 0) {
      return Morphology::Create(options);  // its error names the missing file
    }
  }
  absl::flat_hash_map<absl::string_view, absl::string_view> tables[4];
  size_t line_number = 0;
  for (absl::string_view line : absl::StrSplit(answers, '\n', absl::SkipEmpty())) {
    ++line_number;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == absl::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    const int kind = line.empty() ? -1 : KindIndex(line[0]);
    if (tab1 != 1 || tab2 == absl::string_view::npos || kind < 0) {
      return absl::DataLossError(
          absl::StrCat("recorded morphology, line ", line_number, ": malformed"));
    }
    tables[kind].emplace(line.substr(2, tab2 - 2), line.substr(tab2 + 1));
  }
  return std::unique_ptr<Morphology>(new CachedMorphology(options, tables));
}

}  // namespace unspin
