// The phrase lexicon: words and multiword expressions known to be canonical English, with what
// is known of their frequency. The system lexicon is compiled from WordNet 3.0 (every lemma of
// index.{noun,verb,adj,adv}, '_' read as a space, with its sense count and the SemCor tag counts
// of cntlist.rev); `unspin lexicon build` writes a lexicon of the frequent n-grams of a user's own
// corpus in the same format, and the detector consults both.
//
//   UNSPIN_ASSIGN_OR_RETURN(unspin::PhraseLexicon lex,
//                           unspin::PhraseLexicon::Open(data_dir + "/phrases.bin"));
//   absl::string_view words[] = {"deep", "learning"};
//   lex.IsCanonicalPhrase(words);                 // false: WordNet 3.0 predates the term
//   const unspin::PhraseInfo* info = lex.Lookup({"take", "part"});
//   info->tag_count;                              // SemCor occurrences of all its senses
//
//   unspin::PhraseLexiconBuilder builder;         // for data learned at run time
//   unspin::PhraseInfo learned;
//   learned.sources = unspin::kFromCorpus;
//   learned.corpus_count = 12;
//   builder.Add("spy balloon", learned);
//   UNSPIN_ASSIGN_OR_RETURN(unspin::PhraseLexicon user, builder.BuildLexicon());
//
// Keys are normalized like running text (phrase_key.h). Thread-safe after Open.
#ifndef UNSPIN_DETECTOR_LEXICON_PHRASE_LEXICON_H_
#define UNSPIN_DETECTOR_LEXICON_PHRASE_LEXICON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

// PhraseInfo::sources bits.
enum PhraseSource : uint8_t {
  kFromWordNetLemma = 1 << 0,  // a lemma of WordNet's index files
  kFromCorpus = 1 << 1,        // learned from a user's corpus (unspin lexicon build)
  kFromCurated = 1 << 2,       // added by hand or from a rule pack's canonical side
};

// PhraseInfo::parts_of_speech bits.
enum PhrasePartOfSpeech : uint8_t {
  kPosNoun = 1 << 0,
  kPosVerb = 1 << 1,
  kPosAdjective = 1 << 2,
  kPosAdverb = 1 << 3,
};

// What is known about one entry; stored in place (12 bytes).
struct PhraseInfo {
  uint32_t tag_count = 0;       // SemCor sense-tagged occurrences, summed over senses (cntlist.rev)
  uint32_t corpus_count = 0;    // occurrences in the corpus a learned lexicon came from
  uint16_t senses = 0;          // WordNet synsets of the lemma, over all parts of speech
  uint8_t parts_of_speech = 0;  // PhrasePartOfSpeech bits
  uint8_t sources = 0;          // PhraseSource bits
};
static_assert(sizeof(PhraseInfo) == 12, "stored in place");

class PhraseLexicon {
 public:
  static absl::StatusOr<PhraseLexicon> Open(const std::string& path);
  static absl::StatusOr<PhraseLexicon> FromImage(absl::string_view image,
                                                 std::string name = "<memory>");

  // The entry of a normalized key ("take part"), or nullptr.
  const PhraseInfo* Lookup(absl::string_view key) const;
  // The entry of normalized tokens, or nullptr; no allocation.
  const PhraseInfo* Lookup(absl::Span<const absl::string_view> words) const;
  // True for an entry of two or more tokens.
  bool IsCanonicalPhrase(absl::Span<const absl::string_view> words) const;
  // The same in two steps (StringIndex::Prefetch): `hash` is HashWords(words).
  void Prefetch(uint64_t hash) const { keys_.Prefetch(hash); }
  bool IsCanonicalPhrase(absl::Span<const absl::string_view> words, uint64_t hash) const;

  uint32_t size() const { return keys_.size(); }
  absl::string_view Key(uint32_t id) const { return keys_.Get(id); }
  const PhraseInfo& Info(uint32_t id) const { return infos_[id]; }
  // Most tokens in any key.
  int max_phrase_words() const { return max_phrase_words_; }

  absl::Status VerifyPayload() const { return file_.VerifyPayload(); }

 private:
  friend absl::StatusOr<PhraseLexicon> LoadDataFile<PhraseLexicon>(absl::StatusOr<DataFile>);
  explicit PhraseLexicon(DataFile file) : file_(std::move(file)) {}
  absl::Status Init();

  DataFile file_;
  StringIndex keys_;
  absl::Span<const PhraseInfo> infos_;
  int max_phrase_words_ = 0;
};

class PhraseLexiconBuilder {
 public:
  // Adds or merges an entry under NormalizePhrase(raw): counts add up, bits are or'ed, senses
  // keep the maximum. Empty keys are ignored.
  void Add(absl::string_view raw, const PhraseInfo& info);
  // Same for a key that is already normalized (skips the tokenizer).
  void AddKey(absl::string_view key, const PhraseInfo& info);

  size_t size() const { return infos_.size(); }

  absl::StatusOr<std::string> BuildImage(absl::string_view description = "") const;
  absl::StatusOr<PhraseLexicon> BuildLexicon() const;
  absl::Status WriteTo(const std::string& path, absl::string_view description = "") const;

 private:
  StringIndexBuilder keys_;
  std::vector<PhraseInfo> infos_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_PHRASE_LEXICON_H_
