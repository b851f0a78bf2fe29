#include "detector/lexicon/thesaurus_builder.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/phrase_key.h"
#include "detector/lexicon/thesaurus.h"
#include "detector/lexicon/thesaurus_format.h"

namespace unspin {
namespace {

bool HasUpper(absl::string_view raw) {
  return std::any_of(raw.begin(), raw.end(), [](char c) { return absl::ascii_isupper(c); });
}

struct Pair {
  uint32_t from;
  uint32_t to;
  uint16_t flags;
};

// CSR lists of `pairs` grouped by `from`, sorted by `to` inside each list.
void MakeLists(std::vector<Pair> pairs, uint32_t n, std::vector<uint32_t>* offsets,
               std::vector<SynonymEntry>* entries) {
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  offsets->assign(n + 1, 0);
  entries->clear();
  entries->reserve(pairs.size());
  for (const Pair& p : pairs) {
    ++(*offsets)[p.from + 1];
    entries->emplace_back(p.to, p.flags);
  }
  for (uint32_t i = 0; i < n; ++i) (*offsets)[i + 1] += (*offsets)[i];
}

}  // namespace

const std::string& ThesaurusBuilder::Normalize(absl::string_view raw) {
  auto it = raw_to_key_.find(raw);
  if (it == raw_to_key_.end()) it = raw_to_key_.emplace(raw, NormalizePhrase(raw)).first;
  return it->second;
}

uint32_t ThesaurusBuilder::Intern(const std::string& key, absl::string_view raw) {
  const uint32_t id = keys_.Add(key);
  if (id >= spelled_capitalized_.size()) {
    spelled_capitalized_.resize(id + 1, 0);
    spelled_lower_.resize(id + 1, 0);
  }
  (HasUpper(raw) ? spelled_capitalized_ : spelled_lower_)[id] = 1;
  return id;
}

void ThesaurusBuilder::Add(absl::string_view raw_head, absl::string_view raw_synonym,
                           uint16_t flags) {
  const std::string& head_key = Normalize(raw_head);
  const std::string& synonym_key = Normalize(raw_synonym);
  if (head_key.empty() || synonym_key.empty() || head_key == synonym_key) return;
  const uint32_t head = Intern(head_key, raw_head);
  const uint32_t synonym = Intern(synonym_key, raw_synonym);
  pairs_[uint64_t{head} << 32 | synonym] |= flags;
}

absl::StatusOr<std::string> ThesaurusBuilder::Build(const ThesaurusBuildOptions& options,
                                                    ThesaurusBuildStats* stats) const {
  namespace tf = thesaurus_format;
  const uint32_t n = keys_.size();
  if (n >= SynonymEntry::kMaxPhrases) {
    return absl::InvalidArgumentError(
        absl::StrCat("thesaurus: ", n, " phrases, the format holds ", SynonymEntry::kMaxPhrases));
  }
  std::vector<Pair> pairs;
  pairs.reserve(pairs_.size());
  for (const auto& [key, flags] : pairs_) {
    pairs.push_back({static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), flags});
  }

  std::vector<uint8_t> phrase_flags(n, 0);
  uint32_t max_words = 0;
  for (uint32_t id = 0; id < n; ++id) {
    const int words = KeyWordCount(keys_.Get(id));
    max_words = std::max<uint32_t>(max_words, words);
    if (words > 1) phrase_flags[id] |= kMultiword;
    if (spelled_capitalized_[id] && !spelled_lower_[id]) phrase_flags[id] |= kProperName;
  }

  // Synonym classes: climb to the most frequent strong neighbour until none is more frequent.
  std::vector<double> frequency(n, 0.0);
  std::vector<uint8_t> function_word(n, 0);
  for (uint32_t id = 0; id < n; ++id) {
    if (options.log_frequency) frequency[id] = options.log_frequency(keys_.Get(id));
    if (options.is_function_word) function_word[id] = options.is_function_word(keys_.Get(id));
  }
  auto better = [&frequency](uint32_t a, uint32_t b) {
    return frequency[a] != frequency[b] ? frequency[a] > frequency[b] : a < b;
  };
  std::vector<uint32_t> up(n);
  for (uint32_t id = 0; id < n; ++id) up[id] = id;
  for (const Pair& p : pairs) {
    if (!(p.flags & kStrongRelations)) continue;
    // Strong relations count in both directions.
    if (!function_word[p.to] && better(p.to, up[p.from])) up[p.from] = p.to;
    if (!function_word[p.from] && better(p.from, up[p.to])) up[p.to] = p.from;
  }
  std::vector<uint32_t> classes(n, kNotFound);
  std::vector<uint32_t> path;
  for (uint32_t id = 0; id < n; ++id) {
    uint32_t x = id;
    path.clear();
    while (classes[x] == kNotFound && up[x] != x) {
      path.push_back(x);
      x = up[x];  // strictly better each step: no cycles
    }
    const uint32_t root = classes[x] == kNotFound ? x : classes[x];
    classes[x] = root;
    for (const uint32_t p : path) classes[p] = root;
  }

  std::vector<uint32_t> forward_offsets, inverted_offsets;
  std::vector<SynonymEntry> forward, inverted;
  MakeLists(pairs, n, &forward_offsets, &forward);
  for (Pair& p : pairs) std::swap(p.from, p.to);
  MakeLists(std::move(pairs), n, &inverted_offsets, &inverted);

  tf::Params params;
  std::memset(&params, 0, sizeof(params));
  params.phrase_count = n;
  params.max_phrase_words = max_words;
  params.pair_count = static_cast<uint32_t>(forward.size());
  {
    std::vector<uint32_t> class_size(n, 0);
    for (const uint32_t c : classes) ++class_size[c];
    uint32_t largest = 0;
    for (uint32_t id = 0; id < n; ++id) {
      if (class_size[id] > 0) ++params.class_count;
      if (class_size[id] > class_size[largest]) largest = id;
    }
    if (stats != nullptr) {
      stats->phrases = n;
      stats->pairs = forward.size();
      stats->classes = params.class_count;
      stats->largest_class = n > 0 ? class_size[largest] : 0;
      stats->largest_class_representative = n > 0 ? std::string(keys_.Get(largest)) : "";
    }
  }

  DataFileWriter writer(kThesaurusKind, tf::kVersion);
  writer.AddSection(tf::kParams,
                    std::string(reinterpret_cast<const char*>(&params), sizeof(params)));
  writer.AddArray<uint8_t>(tf::kPhraseFlags, phrase_flags);
  writer.AddArray<uint32_t>(tf::kClasses, classes);
  writer.AddArray<uint32_t>(tf::kForwardOffsets, forward_offsets);
  writer.AddArray<SynonymEntry>(tf::kForwardEntries, forward);
  writer.AddArray<uint32_t>(tf::kInvertedOffsets, inverted_offsets);
  writer.AddArray<SynonymEntry>(tf::kInvertedEntries, inverted);
  writer.AddSection(tf::kMetadata, options.description);
  keys_.AddTo(tf::kPhraseBase, &writer);
  StringIndexBuilder prefixes;
  for (uint32_t id = 0; id < n; ++id) {
    const absl::string_view key = keys_.Get(id);
    for (size_t space = key.find(' '); space != absl::string_view::npos;
         space = key.find(' ', space + 1)) {
      prefixes.Add(key.substr(0, space));
    }
  }
  prefixes.AddTo(tf::kPrefixBase, &writer);
  return writer.Serialize();
}

}  // namespace unspin
