#include "detector/lexicon/swap_index.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace {

constexpr uint32_t kVersion = 2;  // 2: string index slots carry hash tags
enum Section : uint32_t {
  kParams = 1,           // uint64_t: spun forms, longest form in words
  kFirstTarget = 2,      // uint32_t per key, plus one
  kLongerForms = 3,      // uint8_t per key
  kTargets = 4,          // uint32_t per target: canonical id << 8 | sources
  kKeyBase = 100,        // StringIndex sections 100..103
  kCanonicalBase = 200,  // StringIndex sections 200..203
};

}  // namespace

void SwapIndexBuilder::Add(const std::vector<std::string>& spun, const std::string& canonical,
                           uint8_t source) {
  if (spun.empty() || canonical.empty()) return;
  const std::string key = absl::StrJoin(spun, " ");
  if (key == canonical) return;  // tables list the word itself among its synonyms
  std::vector<Target>& targets = entries_[key].targets;
  for (Target& t : targets) {
    if (t.canonical == canonical) {
      t.sources |= source;
      return;
    }
  }
  if (targets.empty()) ++spun_forms_;
  targets.push_back(Target{canonical, source});
  if (spun.size() > max_words_) max_words_ = spun.size();
  std::string prefix;
  for (size_t i = 0; i + 1 < spun.size(); ++i) {
    if (i > 0) prefix.push_back(' ');
    prefix += spun[i];
    entries_[prefix].longer_forms = true;
  }
}

absl::Status SwapIndexBuilder::AddTable(absl::string_view text, const std::string& file,
                                        Morphology* morphology, uint8_t source) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos || colon == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(file, ":", line_number, ": expected `CANONICAL: SPUN | SPUN ...`"));
    }
    PhraseVariant pair;
    pair.restored = NormalizedTokens(line.substr(0, colon));
    for (absl::string_view spun : absl::StrSplit(line.substr(colon + 1), '|')) {
      spun = absl::StripAsciiWhitespace(spun);
      if (spun.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(file, ":", line_number, ": empty alternative"));
      }
      pair.spun = NormalizedTokens(spun);
      if (pair.spun == pair.restored) continue;
      Add(pair.spun, absl::StrJoin(pair.restored, " "), source);
      if (morphology == nullptr) continue;
      for (const PhraseVariant& v : InflectPhrasePair(*morphology, pair, PairInflection::kAuto)) {
        Add(v.spun, absl::StrJoin(v.restored, " "), source);
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> SwapIndexBuilder::BuildImage() const {
  // Keys in a fixed order (the hash map's is not), so the file is the same on every build.
  std::vector<const std::pair<const std::string, Entry>*> sorted;
  sorted.reserve(entries_.size());
  for (const auto& entry : entries_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  StringIndexBuilder keys;
  StringIndexBuilder canonicals;
  std::vector<uint32_t> first_target;
  std::vector<uint8_t> longer_forms;
  std::vector<uint32_t> targets;
  for (const auto* entry : sorted) {
    keys.Add(entry->first);
    first_target.push_back(static_cast<uint32_t>(targets.size()));
    longer_forms.push_back(entry->second.longer_forms);
    for (const Target& t : entry->second.targets) {
      const uint32_t id = canonicals.Add(t.canonical);
      if (id >= (uint32_t{1} << 24)) return absl::ResourceExhaustedError("too many swap targets");
      targets.push_back(id << 8 | t.sources);
    }
  }
  first_target.push_back(static_cast<uint32_t>(targets.size()));
  DataFileWriter writer(kSwapIndexKind, kVersion);
  writer.AddArray<uint64_t>(kParams, std::vector<uint64_t>{spun_forms_, max_words_});
  writer.AddArray<uint32_t>(kFirstTarget, first_target);
  writer.AddArray<uint8_t>(kLongerForms, longer_forms);
  writer.AddArray<uint32_t>(kTargets, targets);
  keys.AddTo(kKeyBase, &writer);
  canonicals.AddTo(kCanonicalBase, &writer);
  return writer.Serialize();
}

absl::StatusOr<SwapIndex> SwapIndexBuilder::Build() const {
  absl::StatusOr<std::string> image = BuildImage();
  if (!image.ok()) return image.status();
  return SwapIndex::FromImage(*image);
}

absl::StatusOr<SwapIndex> SwapIndex::Open(const std::string& path) {
  return LoadDataFile<SwapIndex>(DataFile::Open(path, kSwapIndexKind, kVersion));
}

absl::StatusOr<SwapIndex> SwapIndex::FromImage(absl::string_view image) {
  return LoadDataFile<SwapIndex>(DataFile::FromBuffer(image, kSwapIndexKind, kVersion));
}

absl::Status SwapIndex::Init() {
  auto corrupt = [this] {
    return absl::DataLossError(absl::StrCat(file_.name(), ": corrupt swap index"));
  };
  absl::StatusOr<StringIndex> keys = StringIndex::Load(file_, kKeyBase);
  if (!keys.ok()) return keys.status();
  keys_ = *keys;
  absl::StatusOr<StringIndex> canonicals = StringIndex::Load(file_, kCanonicalBase);
  if (!canonicals.ok()) return canonicals.status();
  absl::StatusOr<absl::Span<const uint64_t>> params = file_.Array<uint64_t>(kParams);
  absl::StatusOr<absl::Span<const uint32_t>> first_target = file_.Array<uint32_t>(kFirstTarget);
  absl::StatusOr<absl::Span<const uint8_t>> longer_forms = file_.Array<uint8_t>(kLongerForms);
  absl::StatusOr<absl::Span<const uint32_t>> targets = file_.Array<uint32_t>(kTargets);
  for (const absl::Status& s :
       {params.status(), first_target.status(), longer_forms.status(), targets.status()}) {
    if (!s.ok()) return s;
  }
  first_target_ = *first_target;
  longer_forms_ = *longer_forms;
  // Lookups trust these: every key's range and every canonical id must lie inside the file.
  if (params->size() != 2 || first_target_.size() != keys_.size() + 1 ||
      longer_forms_.size() != keys_.size() || first_target_.back() != targets->size()) {
    return corrupt();
  }
  for (size_t k = 0; k + 1 < first_target_.size(); ++k) {
    if (first_target_[k] > first_target_[k + 1]) return corrupt();
  }
  spun_forms_ = (*params)[0];
  max_words_ = (*params)[1];
  targets_.reserve(targets->size());
  for (uint32_t t : *targets) {
    if ((t >> 8) >= canonicals->size()) return corrupt();
    targets_.push_back(SwapTarget{canonicals->Get(t >> 8), static_cast<uint8_t>(t & 0xFF)});
  }
  return absl::OkStatus();
}

absl::Span<const SwapTarget> SwapIndex::Find(absl::Span<const absl::string_view> words) const {
  return FindWithPrefix(words).targets;
}

SwapIndex::Lookup SwapIndex::FindWithPrefix(absl::Span<const absl::string_view> words) const {
  if (words.empty() || words.size() > max_words_) return {};
  const uint32_t key = keys_.FindWords(words);
  if (key == kNotFound) return {};
  const absl::Span<const SwapTarget> targets = absl::MakeConstSpan(targets_).subspan(
      first_target_[key], first_target_[key + 1] - first_target_[key]);
  return Lookup{targets, longer_forms_[key] != 0};
}

}  // namespace unspin
