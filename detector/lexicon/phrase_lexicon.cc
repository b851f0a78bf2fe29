#include "detector/lexicon/phrase_lexicon.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/lexicon/phrase_key.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

constexpr uint32_t kVersion = 2;  // 2: string index slots carry hash tags

enum Section : uint32_t {
  kParams = 1,     // Params
  kInfos = 2,      // PhraseInfo[size]
  kMetadata = 3,   // text
  kKeyBase = 100,  // StringIndex sections 100..103
};

struct Params {
  uint32_t size;
  uint32_t max_phrase_words;
};

}  // namespace

absl::StatusOr<PhraseLexicon> PhraseLexicon::Open(const std::string& path) {
  return LoadDataFile<PhraseLexicon>(DataFile::Open(path, kPhraseLexiconKind, kVersion));
}

absl::StatusOr<PhraseLexicon> PhraseLexicon::FromImage(absl::string_view image, std::string name) {
  return LoadDataFile<PhraseLexicon>(
      DataFile::FromBuffer(image, kPhraseLexiconKind, kVersion, std::move(name)));
}

absl::Status PhraseLexicon::Init() {
  absl::StatusOr<absl::string_view> params_bytes = file_.Section(kParams);
  if (!params_bytes.ok()) return params_bytes.status();
  Params params;
  if (params_bytes->size() != sizeof(params)) {
    return absl::DataLossError(absl::StrCat(file_.name(), ": corrupt phrase lexicon"));
  }
  std::memcpy(&params, params_bytes->data(), sizeof(params));
  absl::StatusOr<StringIndex> keys = StringIndex::Load(file_, kKeyBase);
  if (!keys.ok()) return keys.status();
  keys_ = *keys;
  absl::StatusOr<absl::Span<const PhraseInfo>> infos = file_.Array<PhraseInfo>(kInfos);
  if (!infos.ok()) return infos.status();
  infos_ = *infos;
  if (keys_.size() != params.size || infos_.size() != params.size) {
    return absl::DataLossError(absl::StrCat(file_.name(), ": corrupt phrase lexicon (sizes)"));
  }
  max_phrase_words_ = static_cast<int>(params.max_phrase_words);
  return absl::OkStatus();
}

const PhraseInfo* PhraseLexicon::Lookup(absl::string_view key) const {
  const uint32_t id = keys_.Find(key);
  return id == kNotFound ? nullptr : &infos_[id];
}

const PhraseInfo* PhraseLexicon::Lookup(absl::Span<const absl::string_view> words) const {
  if (words.empty() || static_cast<int>(words.size()) > max_phrase_words_) return nullptr;
  const uint32_t id = keys_.FindWords(words);
  return id == kNotFound ? nullptr : &infos_[id];
}

bool PhraseLexicon::IsCanonicalPhrase(absl::Span<const absl::string_view> words) const {
  return IsCanonicalPhrase(words, HashWords(words));
}

bool PhraseLexicon::IsCanonicalPhrase(absl::Span<const absl::string_view> words,
                                      uint64_t hash) const {
  return words.size() >= 2 && static_cast<int>(words.size()) <= max_phrase_words_ &&
         keys_.FindWords(words, hash) != kNotFound;
}

void PhraseLexiconBuilder::Add(absl::string_view raw, const PhraseInfo& info) {
  const std::string key = NormalizePhrase(raw);
  if (!key.empty()) AddKey(key, info);
}

void PhraseLexiconBuilder::AddKey(absl::string_view key, const PhraseInfo& info) {
  if (key.empty()) return;
  const uint32_t id = keys_.Add(key);
  if (id == infos_.size()) {
    infos_.push_back(info);
    return;
  }
  PhraseInfo& e = infos_[id];
  e.tag_count += info.tag_count;
  e.corpus_count += info.corpus_count;
  e.senses = std::max(e.senses, info.senses);
  e.parts_of_speech |= info.parts_of_speech;
  e.sources |= info.sources;
}

absl::StatusOr<std::string> PhraseLexiconBuilder::BuildImage(absl::string_view description) const {
  Params params;
  std::memset(&params, 0, sizeof(params));
  params.size = keys_.size();
  for (uint32_t id = 0; id < keys_.size(); ++id) {
    params.max_phrase_words =
        std::max<uint32_t>(params.max_phrase_words, KeyWordCount(keys_.Get(id)));
  }
  DataFileWriter writer(kPhraseLexiconKind, kVersion);
  writer.AddSection(kParams, std::string(reinterpret_cast<const char*>(&params), sizeof(params)));
  writer.AddArray<PhraseInfo>(kInfos, infos_);
  writer.AddSection(kMetadata, std::string(description));
  keys_.AddTo(kKeyBase, &writer);
  return writer.Serialize();
}

absl::StatusOr<PhraseLexicon> PhraseLexiconBuilder::BuildLexicon() const {
  absl::StatusOr<std::string> image = BuildImage();
  if (!image.ok()) return image.status();
  return PhraseLexicon::FromImage(*image);
}

absl::Status PhraseLexiconBuilder::WriteTo(const std::string& path,
                                           absl::string_view description) const {
  absl::StatusOr<std::string> image = BuildImage(description);
  if (!image.ok()) return image.status();
  return WriteFileAtomically(path, *image);
}

}  // namespace unspin
