// The compiled thesaurus: MyThes (mythes-en-us), WordNet 3.0 synsets and Aiksaurus merged into
// one memory-mapped file, readable in both directions.
//
//   UNSPIN_ASSIGN_OR_RETURN(unspin::Thesaurus th,
//                           unspin::Thesaurus::Open(data_dir + "/thesaurus.bin"));
//   uint32_t spy = th.Find("spy");
//   for (unspin::SynonymEntry e : th.Synonyms(spy)) {        // forward: what "spy" may become
//     th.Phrase(e.phrase());                                  // "undercover agent", ...
//     if (e.has(unspin::kFromWordNet | unspin::kFromMyThes)) ...
//   }
//   absl::string_view words[] = {"undercover", "agent"};
//   uint32_t spun = th.FindWords(words);
//   for (unspin::SynonymEntry e : th.CanStandFor(spun)) ...  // inverted: "spy", "secret agent"
//   th.SynonymClass(spy) == th.SynonymClass(spun);            // dedup canonicalization
//
// Keys are normalized like running text (phrase_key.h): lower case, tokens joined by single
// spaces ("feature - rich", "china 's"). "Forward" follows the sources: head W lists S, so S is in
// Synonyms(W) and W is in CanStandFor(S) -- the inverted direction answers "which canonical word
// could a spinner have replaced with S". WordNet synsets and Aiksaurus meaning groups are
// symmetric, MyThes is not (its "generic term" entries are hypernyms). Antonyms are dropped.
//
// Synonym class (for dedup): each phrase climbs to its most frequent strong neighbour (a
// synonym or similar term from any source; frequency = the language model's log probability of
// the phrase's words), repeatedly, until no neighbour is more frequent; the class is the phrase
// where the climb stops (its representative, itself a phrase id). The 150 most frequent words of
// the language model (function words such as "so", "but", "i") never absorb others: they are
// too polysemous to represent anything. Measured over the 20,000 most frequent words (numbers
// printed by compile_thesaurus): a randomly chosen listed synonym shares the word's class 37% of
// the time (47% for strong relations) while two random words share one 1.4% of the time; the
// largest class has ~3,800 phrases. Alternatives measured on the same data: connected components
// of the strong-relation graph are one giant component; components capped at 10..1000 members
// put only 16-23% of (word, synonym) pairs together; climbing with no function-word exclusion
// gives 39% but 2.6% random merges; excluding the top 2,000 words gives 33% and 0.7%.
// A class is a cheap, single-token canonical form, not a sense: dedup should use it next to
// restorations and exact tokens, not instead of them.
//
// Thread-safe (read-only after Open). Spans point into the mapping and live as long as the
// Thesaurus.
#ifndef UNSPIN_DETECTOR_LEXICON_THESAURUS_H_
#define UNSPIN_DETECTOR_LEXICON_THESAURUS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "detector/lexicon/data_file.h"
#include "detector/lexicon/string_index.h"

namespace unspin {

// Flags of a synonym entry: unions over every source and sense that gave the pair.
enum SynonymFlag : uint16_t {
  // Where the pair comes from.
  kFromMyThes = 1 << 0,
  kFromWordNet = 1 << 1,
  kFromAiksaurus = 1 << 2,
  // How the pair is related.
  kSynonym = 1 << 3,  // plain synonym (same synset, same MyThes sense line, same Aiksaurus group)
  kSimilar = 1 << 4,  // MyThes "(similar term)" (WordNet similar-to, adjectives)
  kGeneric = 1 << 5,  // MyThes "(generic term)": the synonym is a hypernym of the head
  kRelated = 1 << 6,  // MyThes "(related term)"
  // Part of speech of the sense (none for Aiksaurus, which has no parts of speech).
  kNoun = 1 << 7,
  kVerb = 1 << 8,
  kAdjective = 1 << 9,
  kAdverb = 1 << 10,
};
inline constexpr uint16_t kAllSources = kFromMyThes | kFromWordNet | kFromAiksaurus;
inline constexpr uint16_t kStrongRelations = kSynonym | kSimilar;
inline constexpr uint16_t kAnyPartOfSpeech = kNoun | kVerb | kAdjective | kAdverb;

// Flags of a phrase (Thesaurus::PhraseFlags).
enum PhraseFlag : uint8_t {
  kProperName = 1 << 0,  // every source spelling has a capital letter ("Mata Hari", "The Hague")
  kMultiword = 1 << 1,   // more than one token
};

// One synonym of a phrase: the other phrase's id and the flags of the pair. 4 bytes, stored in
// the file as is.
class SynonymEntry {
 public:
  static constexpr uint32_t kPhraseBits = 20;
  static constexpr uint32_t kMaxPhrases = 1u << kPhraseBits;

  SynonymEntry() = default;
  SynonymEntry(uint32_t phrase, uint16_t flags)
      : bits_(phrase | static_cast<uint32_t>(flags) << kPhraseBits) {}

  uint32_t phrase() const { return bits_ & (kMaxPhrases - 1); }
  uint16_t flags() const { return static_cast<uint16_t>(bits_ >> kPhraseBits); }
  // True when any of `mask`'s bits is set.
  bool has(uint16_t mask) const { return (flags() & mask) != 0; }

 private:
  uint32_t bits_ = 0;
};
static_assert(sizeof(SynonymEntry) == 4, "stored in place");

class Thesaurus {
 public:
  static absl::StatusOr<Thesaurus> Open(const std::string& path);
  static absl::StatusOr<Thesaurus> FromImage(absl::string_view image);

  // Phrase id of a normalized key ("undercover agent"), or kNotFound.
  uint32_t Find(absl::string_view key) const { return phrases_.Find(key); }
  // Phrase id of normalized tokens, without joining them; kNotFound when absent.
  uint32_t FindWords(absl::Span<const absl::string_view> words) const {
    return phrases_.FindWords(words);
  }
  absl::string_view Phrase(uint32_t id) const { return phrases_.Get(id); }
  uint8_t PhraseFlags(uint32_t id) const;
  // Whether `e` relates its phrase strongly (kStrongRelations) to a phrase that is not a proper
  // name: the thesaurus entries a spinner's swap may have come from.
  bool IsSpinnableRelation(const SynonymEntry& e) const {
    return e.has(kStrongRelations) && !(PhraseFlags(e.phrase()) & kProperName);
  }
  uint32_t size() const { return phrases_.size(); }
  // Most tokens in any key: longer windows cannot match.
  int max_phrase_words() const { return max_phrase_words_; }
  // Whether a phrase of more tokens than `words` starts with them: a window grown word by word
  // that starts none can stop.
  bool StartsLongerPhrase(absl::Span<const absl::string_view> words) const {
    return prefixes_.FindWords(words) != kNotFound;
  }

  // Forward: phrases that `id` lists (what a spinner may put in its place). Sorted by phrase id.
  absl::Span<const SynonymEntry> Synonyms(uint32_t id) const;
  // Inverted: phrases that list `id` (what `id` may stand for). Sorted by phrase id.
  absl::Span<const SynonymEntry> CanStandFor(uint32_t id) const;
  // The entry of `synonym` in Synonyms(head), or nullptr (binary search).
  const SynonymEntry* FindSynonym(uint32_t head, uint32_t synonym) const;

  // Representative phrase id of `id`'s synonym class (see the header comment); `id` itself for
  // phrases without strong synonyms, kNotFound for ids out of range.
  uint32_t SynonymClass(uint32_t id) const;

  absl::Status VerifyPayload() const { return file_.VerifyPayload(); }

 private:
  friend absl::StatusOr<Thesaurus> LoadDataFile<Thesaurus>(absl::StatusOr<DataFile>);
  explicit Thesaurus(DataFile file) : file_(std::move(file)) {}
  absl::Status Init();
  static absl::Span<const SynonymEntry> List(absl::Span<const uint32_t> offsets,
                                             absl::Span<const SynonymEntry> entries, uint32_t id);

  DataFile file_;
  StringIndex phrases_;
  StringIndex prefixes_;  // proper prefixes of the multiword phrases
  absl::Span<const uint8_t> phrase_flags_;
  absl::Span<const uint32_t> classes_;
  absl::Span<const uint32_t> forward_offsets_;
  absl::Span<const SynonymEntry> forward_;
  absl::Span<const uint32_t> inverted_offsets_;
  absl::Span<const SynonymEntry> inverted_;
  int max_phrase_words_ = 0;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_LEXICON_THESAURUS_H_
