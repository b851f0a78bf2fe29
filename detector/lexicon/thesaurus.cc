#include "detector/lexicon/thesaurus.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/lexicon/thesaurus_format.h"

namespace unspin {

absl::StatusOr<Thesaurus> Thesaurus::Open(const std::string& path) {
  return LoadDataFile<Thesaurus>(DataFile::Open(path, kThesaurusKind, thesaurus_format::kVersion));
}

absl::StatusOr<Thesaurus> Thesaurus::FromImage(absl::string_view image) {
  return LoadDataFile<Thesaurus>(
      DataFile::FromBuffer(image, kThesaurusKind, thesaurus_format::kVersion));
}

absl::Status Thesaurus::Init() {
  namespace tf = thesaurus_format;
  absl::StatusOr<absl::string_view> params_bytes = file_.Section(tf::kParams);
  if (!params_bytes.ok()) return params_bytes.status();
  auto corrupt = [this](absl::string_view what) {
    return absl::DataLossError(absl::StrCat(file_.name(), ": corrupt thesaurus (", what, ")"));
  };
  if (params_bytes->size() != sizeof(tf::Params)) return corrupt("parameters");
  tf::Params params;
  std::memcpy(&params, params_bytes->data(), sizeof(params));

  absl::StatusOr<StringIndex> phrases = StringIndex::Load(file_, tf::kPhraseBase);
  if (!phrases.ok()) return phrases.status();
  phrases_ = *phrases;
  absl::StatusOr<StringIndex> prefixes = StringIndex::Load(file_, tf::kPrefixBase);
  if (!prefixes.ok()) return prefixes.status();
  prefixes_ = *prefixes;
  absl::StatusOr<absl::Span<const uint8_t>> flags = file_.Array<uint8_t>(tf::kPhraseFlags);
  if (!flags.ok()) return flags.status();
  phrase_flags_ = *flags;
  absl::StatusOr<absl::Span<const uint32_t>> classes = file_.Array<uint32_t>(tf::kClasses);
  if (!classes.ok()) return classes.status();
  classes_ = *classes;
  absl::StatusOr<absl::Span<const uint32_t>> fo = file_.Array<uint32_t>(tf::kForwardOffsets);
  if (!fo.ok()) return fo.status();
  forward_offsets_ = *fo;
  absl::StatusOr<absl::Span<const SynonymEntry>> fe =
      file_.Array<SynonymEntry>(tf::kForwardEntries);
  if (!fe.ok()) return fe.status();
  forward_ = *fe;
  absl::StatusOr<absl::Span<const uint32_t>> io = file_.Array<uint32_t>(tf::kInvertedOffsets);
  if (!io.ok()) return io.status();
  inverted_offsets_ = *io;
  absl::StatusOr<absl::Span<const SynonymEntry>> ie =
      file_.Array<SynonymEntry>(tf::kInvertedEntries);
  if (!ie.ok()) return ie.status();
  inverted_ = *ie;

  const size_t n = params.phrase_count;
  if (phrases_.size() != n || phrase_flags_.size() != n || classes_.size() != n ||
      n >= SynonymEntry::kMaxPhrases) {
    return corrupt("phrase tables");
  }
  if (forward_offsets_.size() != n + 1 || inverted_offsets_.size() != n + 1 ||
      forward_offsets_.back() != forward_.size() || inverted_offsets_.back() != inverted_.size()) {
    return corrupt("synonym lists");
  }
  max_phrase_words_ = static_cast<int>(params.max_phrase_words);
  return absl::OkStatus();
}

uint8_t Thesaurus::PhraseFlags(uint32_t id) const {
  return id < phrase_flags_.size() ? phrase_flags_[id] : 0;
}

absl::Span<const SynonymEntry> Thesaurus::List(absl::Span<const uint32_t> offsets,
                                               absl::Span<const SynonymEntry> entries,
                                               uint32_t id) {
  if (id + size_t{1} >= offsets.size()) return {};
  const uint32_t begin = offsets[id];
  const uint32_t end = offsets[id + 1];
  if (begin > end || end > entries.size()) return {};  // corrupt offsets: nothing, not a crash
  return entries.subspan(begin, end - begin);
}

absl::Span<const SynonymEntry> Thesaurus::Synonyms(uint32_t id) const {
  return List(forward_offsets_, forward_, id);
}

absl::Span<const SynonymEntry> Thesaurus::CanStandFor(uint32_t id) const {
  return List(inverted_offsets_, inverted_, id);
}

const SynonymEntry* Thesaurus::FindSynonym(uint32_t head, uint32_t synonym) const {
  const absl::Span<const SynonymEntry> list = Synonyms(head);
  auto it =
      std::lower_bound(list.begin(), list.end(), synonym,
                       [](const SynonymEntry& e, uint32_t phrase) { return e.phrase() < phrase; });
  if (it == list.end() || it->phrase() != synonym) return nullptr;
  return &*it;
}

uint32_t Thesaurus::SynonymClass(uint32_t id) const {
  return id < classes_.size() ? classes_[id] : kNotFound;
}

}  // namespace unspin
