#include "detector/spin/lexicon_detector.h"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/container/node_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "detector/lexicon/log_prob_cache.h"
#include "detector/spin/function_words.h"

namespace unspin {
namespace {

// A word of the sentence as the language model sees it (punctuation dropped).
struct LmWord {
  uint32_t id;
  uint32_t token;                     // index into TokenizedText::tokens
  LexiconDetector::WordFacts* facts;  // null for a number
};

// One way to rewrite the words [begin, end) of a sentence.
struct Alternative {
  uint32_t begin = 0;  // word positions in the sentence
  uint32_t end = 0;
  uint32_t first_token = 0;  // token range of the spun window
  uint32_t end_token = 0;
  const LexiconDetector::PreparedTarget* target = nullptr;  // the canonical phrase
  uint8_t sources = 0;         // SwapSource bits, merged over the tables that propose it
  uint32_t article = kNoWord;  // "a" or "an" put before the phrase in place of the window's
  uint32_t ids_begin = 0;      // the words written in the window's place: [ids_begin,
  uint32_t ids_count = 0;      // ids_begin + ids_count) of the sentence's id pool
  double bonus = 0;            // unigram(window) - unigram(candidate) - swap penalty
  double window_unigram = 0;
  bool window_unknown = false;
};

// A decoding state: the last two words emitted, the best score reaching it, how it got there.
struct State {
  uint32_t h2 = kNoWord;
  uint32_t h1 = kNoWord;
  double score = 0;
  int32_t parent = -1;        // index into the previous layer's states
  int32_t parent_layer = -1;  // word position of the parent layer
  int32_t alternative = -1;   // the alternative taken to get here, -1 for the original word
};

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// Restorations in context whose phrase test a thread remembers (FormsPhrase; 32 bytes each).
constexpr size_t kPhraseMemoEntries = size_t{1} << 14;

// Two-word windows whose candidates a thread remembers (40 bytes each).
constexpr size_t kPairMemoEntries = size_t{1} << 14;

// Longest stretch of words decoded at once.
constexpr uint32_t kMaxSegmentWords = 150;

absl::string_view FirstWord(absl::string_view phrase) { return phrase.substr(0, phrase.find(' ')); }

// Whether `phrase` occurs in `text` as whole words ("high treason" contains "treason").
bool ContainsWords(absl::string_view text, absl::string_view phrase) {
  for (size_t at = text.find(phrase); at != absl::string_view::npos;
       at = text.find(phrase, at + 1)) {
    const size_t end = at + phrase.size();
    if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
  }
  return false;
}

// Whether `a` without its spaces equals `b` without its spaces and hyphens ("health care" and
// "healthcare", "e mail" and "e - mail").
bool SameLettersApartFromSpacing(absl::string_view a, absl::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && a[i] == ' ') ++i;
    while (j < b.size() && (b[j] == ' ' || b[j] == '-')) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

// The phrases a thesaurus entry can stand for that a spinner would plausibly have replaced.
// Every word type of a text comes through here once, with lists of hundreds of entries for
// common words: no allocation per entry.
void AddThesaurusTargets(const Thesaurus& thesaurus, uint32_t phrase,
                         std::vector<SwapTarget>* out) {
  const absl::string_view phrase_text = thesaurus.Phrase(phrase);
  const size_t phrase_words = std::count(phrase_text.begin(), phrase_text.end(), ' ') + 1;
  absl::InlinedVector<absl::string_view, 8> words;
  for (const SynonymEntry& e : thesaurus.CanStandFor(phrase)) {
    if (!thesaurus.IsSpinnableRelation(e)) continue;
    const absl::string_view candidate = thesaurus.Phrase(e.phrase());
    // Spinners put longer phrases in place of words, rarely shorter words in place of long
    // phrases; a one-word window standing for a long expansion is an abbreviation ("who" ->
    // "world health organization"), not a spin.
    if (size_t(std::count(candidate.begin(), candidate.end(), ' ')) + 1 > phrase_words + 1) {
      continue;
    }
    words.clear();
    for (absl::string_view w : absl::StrSplit(candidate, ' ')) words.push_back(w);
    if (AllFunctionOrNumberWords(words)) continue;
    // A candidate that contains the phrase itself narrows it ("treason" -> "high treason"), and
    // one that only differs in spacing is a spelling variant ("healthcare"): neither is a spin.
    if (ContainsWords(candidate, phrase_text) ||
        SameLettersApartFromSpacing(candidate, phrase_text)) {
      continue;
    }
    out->push_back(SwapTarget{candidate, kSwapFromThesaurus});
  }
}

// Makes the first `count` vectors of `lists` empty, keeping their memory: the decoder's
// per-position lists are reused from sentence to sentence instead of reallocated.
template <typename T>
void ClearFirst(size_t count, std::vector<std::vector<T>>* lists) {
  if (lists->size() < count) lists->resize(count);
  for (size_t i = 0; i < count; ++i) (*lists)[i].clear();
}

const LexiconDetector::PreparedTargets& NoTargets() {
  static const LexiconDetector::PreparedTargets* const kNone =
      new LexiconDetector::PreparedTargets();
  return *kNone;
}

}  // namespace

// What the detector asks about a word type, looked up once per type and thread: the model's
// tables and the dictionary are memory-mapped and large, so each lookup in them is several cache
// misses, while a text repeats its words.
struct LexiconDetector::WordFacts {
  uint32_t lm_id = kUnknownWord;
  bool function_word = false;    // IsFunctionOrNumberWord
  bool dictionary_word = false;  // in the dictionary (true when there is none)
  // Thesaurus candidates, found at the first window that asks (into shared_words_).
  const PreparedTargets* thesaurus = nullptr;
  // The swap index's targets for the word alone and whether longer spun forms start with it,
  // found at the first window that asks (table_targets null until then).
  const PreparedTargets* table_targets = nullptr;
  bool table_longer_forms = false;
  int8_t thesaurus_longer = -1;  // ThesaurusMayGrow of the word alone; -1 until asked
};

// The candidates of a two-word window, by its word types: the swap index and the thesaurus keep
// multiword phrases in large hashed indexes, while a text repeats its word pairs. Each part is
// filled in when first asked (null until then).
struct PairMemoEntry {
  const LexiconDetector::WordFacts* first = nullptr;  // null: the entry is empty
  const LexiconDetector::WordFacts* second = nullptr;
  const LexiconDetector::PreparedTargets* table_targets = nullptr;
  const LexiconDetector::PreparedTargets* thesaurus = nullptr;
  bool table_longer_forms = false;
  int8_t thesaurus_longer = -1;  // ThesaurusMayGrow; -1 until asked
};

// Whether a restoration in its place forms a known phrase (FormsPhrase). The place is the
// word types around it (null for none) and the article put before the phrase.
struct PhraseMemoEntry {
  const LexiconDetector::WordFacts* left = nullptr;
  const LexiconDetector::PreparedTarget* target = nullptr;  // null: the entry is empty
  const LexiconDetector::WordFacts* right = nullptr;
  uint32_t article = 0;
  bool forms_phrase = false;
};

struct LexiconDetector::ThreadCaches {
  explicit ThreadCaches(const LanguageModel* lm) : log_prob(lm) {}

  LogProbCache log_prob;
  // Entries are never removed and node maps keep them in place, so references stay valid.
  absl::node_hash_map<std::string, WordFacts> words;                 // by word type, lower case
  absl::node_hash_map<uint32_t, PreparedTargets> thesaurus_phrases;  // by thesaurus phrase id
  absl::node_hash_map<const SwapTarget*, PreparedTargets> table;     // by SwapIndex::Find result
  // Direct-mapped: a text repeats its contexts, and a small memo stays in the processor's cache
  // where a map of every context would not.
  std::vector<PhraseMemoEntry> phrase_memo = std::vector<PhraseMemoEntry>(kPhraseMemoEntries);
  std::vector<PairMemoEntry> pair_memo = std::vector<PairMemoEntry>(kPairMemoEntries);
  // `words` entries by this thread's word types (TokenizedText::word_types); null until met.
  std::vector<WordFacts*> facts_by_type;

  // The memo entry of the two-word window (first second), emptied if it held another.
  PairMemoEntry& PairEntry(const WordFacts* first, const WordFacts* second) {
    PairMemoEntry& e = pair_memo[absl::HashOf(first, second) & (kPairMemoEntries - 1)];
    if (e.first != first || e.second != second) e = PairMemoEntry{first, second};
    return e;
  }
};

LexiconDetector::ThreadCaches& LexiconDetector::Caches() const {
  return caches_.Get([this] { return std::make_unique<ThreadCaches>(lm_); });
}

LexiconDetector::LexiconDetector(const LanguageModel* lm, const SwapIndex* swaps,
                                 const Thesaurus* thesaurus,
                                 std::vector<const PhraseLexicon*> canonical_lexicons,
                                 const PhraseLexicon* curated_lexicon,
                                 std::vector<const PhraseLexicon*> corpus_lexicons,
                                 const Thesaurus* inflections,
                                 const PhraseLexicon* dictionary_words, LexiconOptions options)
    : lm_(lm),
      swaps_(swaps),
      thesaurus_(thesaurus),
      canonical_lexicons_(std::move(canonical_lexicons)),
      curated_lexicon_(curated_lexicon),
      corpus_lexicons_(std::move(corpus_lexicons)),
      inflections_(inflections),
      dictionary_words_(dictionary_words),
      options_(options) {
  phrase_lexicons_ = canonical_lexicons_;
  if (curated_lexicon_ != nullptr) phrase_lexicons_.push_back(curated_lexicon_);
  phrase_lexicons_.insert(phrase_lexicons_.end(), corpus_lexicons_.begin(), corpus_lexicons_.end());
}

void LexiconDetector::AddCorpusLexicon(const PhraseLexicon* lexicon) {
  corpus_lexicons_.push_back(lexicon);
  phrase_lexicons_.push_back(lexicon);
}

std::vector<std::string> LexiconDetector::InflectedCandidates(const Thesaurus& thesaurus,
                                                              Morphology& morphology,
                                                              absl::string_view word) {
  std::vector<std::string> out;
  for (const std::string& lemma : morphology.Lemmas(word)) {
    if (lemma == word) continue;
    const uint32_t lemma_id = thesaurus.Find(lemma);
    if (lemma_id == kNotFound) continue;
    for (Inflection inflection : {Inflection::kS, Inflection::kPast, Inflection::kGerund}) {
      const std::vector<std::string> forms = morphology.Inflect(lemma, inflection);
      if (std::find(forms.begin(), forms.end(), word) == forms.end()) continue;
      std::vector<SwapTarget> lemma_targets;
      AddThesaurusTargets(thesaurus, lemma_id, &lemma_targets);
      for (SwapTarget& t : lemma_targets) {
        if (t.canonical.find(' ') != std::string::npos) continue;
        std::vector<std::string> inflected = morphology.Inflect(t.canonical, inflection);
        if (!inflected.empty()) out.push_back(std::move(inflected.front()));
      }
      break;
    }
  }
  return out;
}

std::vector<SwapTarget> LexiconDetector::ComputeWordCandidates(absl::string_view word) const {
  std::vector<SwapTarget> out;
  const uint32_t id = thesaurus_->Find(word);
  if (id != kNotFound) AddThesaurusTargets(*thesaurus_, id, &out);
  if (inflections_ != nullptr) {
    // An inflected word: candidates of its lemma, inflected the same way ("studying" ->
    // "learning"), as recorded at build time.
    const uint32_t form = inflections_->Find(word);
    if (form != kNotFound) {
      for (const SynonymEntry& e : inflections_->CanStandFor(form)) {
        out.push_back(SwapTarget{inflections_->Phrase(e.phrase()), kSwapFromThesaurus});
      }
    }
  }
  // Most frequent first: a spinner's output stands for a common word far more often than for a
  // rare one, and the decoder can afford only a few candidates per window.
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < out.size(); ++i) {
    double unigram = 0;
    for (absl::string_view w : absl::StrSplit(out[i].canonical, ' ')) {
      unigram += lm_->Unigram(lm_->Find(w));
    }
    order.emplace_back(-unigram, i);
  }
  std::sort(order.begin(), order.end());
  std::vector<SwapTarget> sorted;
  for (const auto& [unused, i] : order) {
    bool duplicate = false;
    for (const SwapTarget& t : sorted) duplicate |= t.canonical == out[i].canonical;
    if (duplicate || out[i].canonical == word) continue;
    sorted.push_back(out[i]);
    if (sorted.size() >= size_t(options_.max_thesaurus_candidates)) break;
  }
  return sorted;
}

bool LexiconDetector::FormsPhrase(absl::Span<const PhraseLexicon* const> lexicons,
                                  const std::vector<absl::string_view>& middle,
                                  absl::string_view left, absl::string_view right) {
  if (lexicons.empty()) return false;
  // left, middle, right: each key is a stretch of it.
  std::vector<absl::string_view> words;
  words.reserve(middle.size() + 2);
  words.push_back(left);
  words.insert(words.end(), middle.begin(), middle.end());
  words.push_back(right);
  struct Key {
    absl::Span<const absl::string_view> words;
    uint64_t hash;
  };
  std::array<Key, 4> keys;
  size_t key_count = 0;
  for (const auto& [with_left, with_right] :
       {std::pair{false, false}, {true, false}, {false, true}, {true, true}}) {
    if ((with_left && left.empty()) || (with_right && right.empty())) continue;
    const size_t size = middle.size() + with_left + with_right;
    if (size < 2) continue;
    const auto key = absl::MakeConstSpan(words).subspan(with_left ? 0 : 1, size);
    keys[key_count++] = Key{key, HashWords(key)};
  }
  // Each lookup is a cache miss in a large index: start them all before waiting for any.
  for (const PhraseLexicon* lexicon : lexicons) {
    for (size_t k = 0; k < key_count; ++k) lexicon->Prefetch(keys[k].hash);
  }
  for (const PhraseLexicon* lexicon : lexicons) {
    for (size_t k = 0; k < key_count; ++k) {
      if (lexicon->IsCanonicalPhrase(keys[k].words, keys[k].hash)) return true;
    }
  }
  return false;
}

LexiconDetector::PreparedTargets LexiconDetector::Prepare(
    absl::Span<const SwapTarget> targets) const {
  PreparedTargets out;
  for (const SwapTarget& target : targets) {
    // Term-table swaps hold only inside a curated term: the term matcher's, not ours.
    if (!(target.sources & (kSwapFromSpinnerTable | kSwapFromThesaurus))) continue;
    PreparedTarget p;
    p.canonical = std::string(target.canonical);
    p.sources = target.sources;
    bool known = true;
    bool function_words_only = true;
    for (absl::string_view w : absl::StrSplit(target.canonical, ' ')) {
      if (w == "-") continue;
      const uint32_t id = lm_->Find(w);
      known &= id != kUnknownWord;
      function_words_only &= IsFunctionOrNumberWord(w);
      p.ids.push_back(id);
      p.unigram += lm_->Unigram(id);
    }
    if (known && !p.ids.empty() && !function_words_only) out.push_back(std::move(p));
  }
  return out;
}

const LexiconDetector::PreparedTargets& LexiconDetector::TableTargets(
    absl::Span<const absl::string_view> window, WordFacts& first, const WordFacts* second,
    ThreadCaches& caches, bool* longer_forms) const {
  // Most windows are one word: their answers are kept with the word type's facts; two-word
  // windows' in the pair memo.
  if (window.size() == 1 && first.table_targets != nullptr) {
    *longer_forms = first.table_longer_forms;
    return *first.table_targets;
  }
  PairMemoEntry* pair = second != nullptr ? &caches.PairEntry(&first, second) : nullptr;
  if (pair != nullptr && pair->table_targets != nullptr) {
    *longer_forms = pair->table_longer_forms;
    return *pair->table_targets;
  }
  const SwapIndex::Lookup found = swaps_->FindWithPrefix(window);
  *longer_forms = found.longer_forms;
  const PreparedTargets* targets = &NoTargets();
  if (!found.targets.empty()) {
    // The swap index keeps each window's targets in place: their address names the window.
    auto [it, inserted] = caches.table.try_emplace(found.targets.data());
    if (inserted) it->second = Prepare(found.targets);
    targets = &it->second;
  }
  if (window.size() == 1) {
    first.table_targets = targets;
    first.table_longer_forms = found.longer_forms;
  } else if (pair != nullptr) {
    pair->table_targets = targets;
    pair->table_longer_forms = found.longer_forms;
  }
  return *targets;
}

LexiconDetector::WordFacts& LexiconDetector::Facts(absl::string_view word,
                                                   ThreadCaches& caches) const {
  auto it = caches.words.find(word);
  if (it != caches.words.end()) return it->second;
  WordFacts facts;
  facts.lm_id = lm_->Find(word);
  facts.function_word = IsFunctionOrNumberWord(word);
  facts.dictionary_word =
      dictionary_words_ == nullptr || dictionary_words_->Lookup(word) != nullptr;
  return caches.words.emplace(std::string(word), facts).first->second;
}

bool LexiconDetector::ThesaurusMayGrow(absl::Span<const absl::string_view> window, WordFacts& first,
                                       const WordFacts* second, ThreadCaches& caches) const {
  if (thesaurus_ == nullptr) return false;
  if (window.size() == 1) {
    if (first.thesaurus_longer < 0) first.thesaurus_longer = thesaurus_->StartsLongerPhrase(window);
    return first.thesaurus_longer > 0;
  }
  if (window.size() == 2 && second != nullptr) {
    PairMemoEntry& pair = caches.PairEntry(&first, second);
    if (pair.thesaurus_longer < 0) pair.thesaurus_longer = thesaurus_->StartsLongerPhrase(window);
    return pair.thesaurus_longer > 0;
  }
  return thesaurus_->StartsLongerPhrase(window);
}

const LexiconDetector::PreparedTargets& LexiconDetector::ThesaurusTargets(
    absl::Span<const absl::string_view> window, WordFacts& first, const WordFacts* second,
    ThreadCaches& caches) const {
  if (thesaurus_ == nullptr) return NoTargets();
  if (window.size() > 1) {
    PairMemoEntry* pair = second != nullptr ? &caches.PairEntry(&first, second) : nullptr;
    if (pair != nullptr && pair->thesaurus != nullptr) return *pair->thesaurus;
    const PreparedTargets* targets = &NoTargets();
    const uint32_t id = thesaurus_->FindWords(window);
    if (id != kNotFound) {
      auto [it, inserted] = caches.thesaurus_phrases.try_emplace(id);
      if (inserted) {
        std::vector<SwapTarget> found;
        AddThesaurusTargets(*thesaurus_, id, &found);
        if (found.size() > size_t(options_.max_thesaurus_candidates)) {
          found.resize(options_.max_thesaurus_candidates);
        }
        it->second = Prepare(found);
      }
      targets = &it->second;
    }
    if (pair != nullptr) pair->thesaurus = targets;
    return *targets;
  }
  if (first.thesaurus != nullptr) return *first.thesaurus;
  const absl::string_view word = window.front();
  const PreparedTargets* shared = nullptr;
  {
    absl::ReaderMutexLock lock(&shared_words_mu_);
    auto found = shared_words_.find(word);
    if (found != shared_words_.end()) shared = &found->second;
  }
  if (shared == nullptr) {
    // Computed outside the lock so that workers do not queue; if two compute the same word, the
    // first to insert wins and both use its entry.
    PreparedTargets prepared = Prepare(ComputeWordCandidates(word));
    absl::MutexLock lock(&shared_words_mu_);
    shared = &shared_words_.emplace(std::string(word), std::move(prepared)).first->second;
  }
  first.thesaurus = shared;
  return *shared;
}

void LexiconDetector::Propose(const TokenizedText& tokens,
                              std::vector<LexiconCandidate>* out) const {
  const size_t max_window = std::min<size_t>(
      options_.max_window,
      std::max<size_t>(swaps_->max_words(), thesaurus_ ? thesaurus_->max_phrase_words() : 0));
  if (max_window == 0) return;
  ThreadCaches& caches = Caches();
  LogProbCache& lp = caches.log_prob;
  const uint64_t type_space = CurrentWordTypeSpace();
  // The facts of token t (a word), by its word type when it has one.
  auto facts_of = [&](uint32_t t) -> WordFacts& {
    const uint32_t type = tokens.WordTypeFor(t, type_space);
    if (type == TokenizedText::kNoWordType) return Facts(tokens.Norm(t), caches);
    if (type >= caches.facts_by_type.size()) caches.facts_by_type.resize(type + 1, nullptr);
    WordFacts*& facts = caches.facts_by_type[type];
    if (facts == nullptr) facts = &Facts(tokens.Norm(t), caches);
    return *facts;
  };
  std::vector<LmWord> words;
  absl::InlinedVector<absl::string_view, 8> window;  // the current window's words (hyphens too)
  std::vector<Alternative> alternatives;
  std::vector<std::vector<int32_t>> alternatives_at;  // word position -> alternatives starting
  std::vector<std::vector<State>> layers;
  const uint32_t article_a = lm_->Find("a");
  const uint32_t article_an = lm_->Find("an");
  std::vector<double> fit, original_logprob, local_logprob;
  std::vector<LogProbCache::Query> queries;  // the model's questions, asked together
  std::vector<std::pair<const PreparedTarget*, uint8_t>> targets;  // phrase, merged sources
  std::vector<uint32_t> id_pool;       // the words of every alternative of the sentence
  std::vector<int32_t> chosen;         // the alternatives of the best reading
  std::vector<uint32_t> original_ids;  // of a chosen swap's window
  std::vector<absl::string_view> original_words, candidate_words;  // its words, its restoration
  auto ids_of = [&id_pool](const Alternative& alt) {
    return absl::MakeConstSpan(id_pool.data() + alt.ids_begin, alt.ids_count);
  };
  // What the decoder charges for a swap: spinner-table swaps are cheaper than thesaurus ones.
  auto swap_penalty = [this](uint8_t sources) {
    return (sources & kSwapFromSpinnerTable) ? options_.table_swap_penalty
                                             : options_.thesaurus_swap_penalty;
  };
  // Sentences are decoded one by one; an overlong "sentence" (a text without full stops) is cut
  // into pieces so the decoder's memory and time stay linear in the text.
  std::vector<Sentence> segments;
  for (const Sentence& sentence : tokens.sentences) {
    Sentence piece{sentence.first_token, sentence.first_token};
    uint32_t piece_words = 0;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      piece.end_token = t + 1;
      if (tokens.tokens[t].kind != TokenKind::kPunct && ++piece_words == kMaxSegmentWords) {
        segments.push_back(piece);
        piece = Sentence{t + 1, t + 1};
        piece_words = 0;
      }
    }
    if (piece.end_token > piece.first_token) segments.push_back(piece);
  }
  for (const Sentence& sentence : segments) {
    words.clear();
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& tok = tokens.tokens[t];
      if (tok.kind == TokenKind::kPunct) continue;
      if (tok.kind == TokenKind::kNumber) {
        words.push_back(LmWord{kUnknownWord, t, nullptr});
      } else {
        WordFacts& facts = facts_of(t);
        words.push_back(LmWord{facts.lm_id, t, &facts});
      }
    }
    if (words.empty()) continue;
    const uint32_t n = static_cast<uint32_t>(words.size());

    // How well each word fits its left context, relative to its frequency: spun words fit badly.
    fit.resize(n);
    original_logprob.resize(n + 1);
    // The word at k of the sentence, its end marker at n, and the two before it.
    auto word_at = [&](uint32_t k) { return k < n ? words[k].id : lm_->sentence_end_id(); };
    auto prev1_at = [&](uint32_t k) { return k >= 1 ? words[k - 1].id : lm_->sentence_start_id(); };
    auto prev2_at = [&](uint32_t k) {
      return k >= 2 ? words[k - 2].id : (k == 1 ? lm_->sentence_start_id() : kNoWord);
    };
    queries.clear();
    for (uint32_t k = 0; k <= n; ++k) queries.push_back({word_at(k), prev1_at(k), prev2_at(k)});
    lp.LogProbs(queries, original_logprob.data());
    for (uint32_t k = 0; k < n; ++k) fit[k] = original_logprob[k] - lm_->Unigram(words[k].id);
    // The word at k after the history (h1, h2): most readings the decoder scores are the text as
    // written there, whose probabilities are above.
    auto log_prob_at = [&](uint32_t k, uint32_t h1, uint32_t h2) {
      return h1 == prev1_at(k) && h2 == prev2_at(k) ? original_logprob[k]
                                                    : lp.LogProb(word_at(k), h1, h2);
    };
    // The local test (below) scores an alternative's words and the two words after its window.
    auto local_context_end = [&](const Alternative& alt) { return std::min(alt.end + 2, n + 1); };
    // Appends the model's questions for the words the local test scores.
    auto add_local_queries = [&](const Alternative& alt) {
      uint32_t h1 = prev1_at(alt.begin);
      uint32_t h2 = prev2_at(alt.begin);
      auto add = [&](uint32_t w) {
        queries.push_back({w, h1, h2});
        h2 = h1;
        h1 = w;
      };
      for (uint32_t w : ids_of(alt)) add(w);
      for (uint32_t k = alt.end; k < local_context_end(alt); ++k) add(word_at(k));
    };
    // A window is worth thesaurus candidates when the text is surprising at both of its edges: its
    // first word fits its left context badly and the word after it fits the window badly (or the
    // sentence ends), one of them very badly. A swapped word breaks the collocations on both sides
    // of it; a word that merely starts a new thought breaks only one, and odd but unspun prose
    // breaks them only mildly.
    auto surprising_at = [&](uint32_t k, double gate) { return k >= n || fit[k] < gate; };
    const double mild = options_.thesaurus_surprise_gate;
    const double strong = options_.thesaurus_strong_surprise_gate;

    // 1. Windows with swap candidates.
    id_pool.clear();
    alternatives.clear();
    ClearFirst(n, &alternatives_at);
    for (uint32_t start = 0; start < n; ++start) {
      window.clear();
      uint32_t word_count = 0;
      bool function_words_only = true;  // so far in the window (hyphens aside)
      bool table_may_match = true;      // some spinner-table form starts with the window
      // Without a surprising first word there are no thesaurus candidates, and without them and
      // a table form to grow into, longer windows have nothing to offer. True while the thesaurus
      // may hold the window being grown (the window so far starts a longer phrase).
      bool thesaurus_may_match = surprising_at(start, mild);
      for (uint32_t t = words[start].token; t < sentence.end_token && word_count < max_window &&
                                            (table_may_match || thesaurus_may_match);
           ++t) {
        const Token& tok = tokens.tokens[t];
        if (tok.kind == TokenKind::kPunct) {
          // Only a hyphen inside a word ("day-to-day") belongs in a window.
          if (tokens.Norm(tok) != "-" || (tok.flags & kSpaceBefore) || word_count == 0) break;
          window.push_back(tokens.Norm(tok));
          thesaurus_may_match =
              thesaurus_may_match && ThesaurusMayGrow(window, *words[start].facts, nullptr, caches);
          continue;
        }
        if (tok.kind == TokenKind::kNumber || tok.in_quote() || (tok.flags & kAllCaps) ||
            (tok.capitalized() && !tok.sentence_start())) {
          break;
        }
        const WordFacts& facts = *words[start + word_count].facts;
        window.push_back(tokens.Norm(tok));
        ++word_count;
        // The second word's facts when the window is two words (no hyphen): its memo key.
        const WordFacts* second =
            window.size() == 2 && word_count == 2 ? words[start + 1].facts : nullptr;
        const bool thesaurus_here = thesaurus_may_match;
        thesaurus_may_match =
            thesaurus_here && ThesaurusMayGrow(window, *words[start].facts, second, caches);
        function_words_only = function_words_only && facts.function_word;
        // A capitalized first word must be an ordinary word written at the start of a
        // sentence, not a name ("Russia" is not "russia").
        if (tok.capitalized() && !facts.dictionary_word) break;
        if (function_words_only) continue;
        targets.clear();
        if (table_may_match) {
          for (const PreparedTarget& t :
               TableTargets(window, *words[start].facts, second, caches, &table_may_match)) {
            targets.push_back({&t, t.sources});
          }
        }
        const uint32_t after = start + word_count;
        if (thesaurus_here && surprising_at(after, mild) &&
            (surprising_at(start, strong) || surprising_at(after, strong))) {
          for (const PreparedTarget& t :
               ThesaurusTargets(window, *words[start].facts, second, caches)) {
            bool known = false;
            for (auto& [existing, sources] : targets) {
              if (existing->canonical == t.canonical) {
                sources |= t.sources;
                known = true;
              }
            }
            if (!known) targets.push_back({&t, t.sources});
          }
        }
        if (targets.empty()) continue;
        double window_unigram_base = 0;
        bool window_unknown = false;
        for (uint32_t k = start; k < start + word_count; ++k) {
          window_unigram_base += lm_->Unigram(words[k].id);
          window_unknown |= words[k].id == kUnknownWord;
        }
        for (const auto& [target, sources] : targets) {
          double window_unigram = window_unigram_base;
          double candidate_unigram = target->unigram;
          Alternative alt;
          alt.target = target;
          alt.sources = sources;
          alt.begin = start;
          alt.end = start + word_count;
          alt.first_token = words[start].token;
          alt.end_token = t + 1;
          alt.ids_begin = static_cast<uint32_t>(id_pool.size());
          // "an imaginative and prescient" stands for "a vision": when an article precedes the
          // window and the restoration needs the other one, the swap takes the article along.
          if (start > 0 &&
              (words[start - 1].id == article_a || words[start - 1].id == article_an)) {
            const uint32_t wanted =
                TakesAnArticle(FirstWord(target->canonical)) ? article_an : article_a;
            if (wanted != words[start - 1].id) {
              alt.begin = start - 1;
              alt.first_token = words[start - 1].token;
              alt.article = wanted;
              id_pool.push_back(wanted);
              window_unigram += lm_->Unigram(words[start - 1].id);
              candidate_unigram += lm_->Unigram(wanted);
            }
          }
          id_pool.insert(id_pool.end(), target->ids.begin(), target->ids.end());
          alt.ids_count = static_cast<uint32_t>(id_pool.size()) - alt.ids_begin;
          alt.bonus = window_unigram - candidate_unigram - swap_penalty(sources);
          alt.window_unigram = window_unigram;
          alt.window_unknown = window_unknown;
          alternatives.push_back(alt);
        }
      }
    }
    // The local test: whether the alternative loses to the original by more than
    // local_prune_margin with everything else left as written, over the swapped words and the two
    // after them. A swap the decoder would choose almost never loses by much here, and most
    // candidates lose by a lot, so this keeps the decoder's work small. Its lookups are
    // independent of each other, and those that miss the memo go to the model's large tables:
    // they are asked all at once.
    queries.clear();
    for (const Alternative& alt : alternatives) add_local_queries(alt);
    local_logprob.resize(queries.size());
    lp.LogProbs(queries, local_logprob.data());
    size_t kept = 0;
    const double* next_logprob = local_logprob.data();
    for (const Alternative& alt : alternatives) {
      const uint32_t context_end = local_context_end(alt);
      double bar = -options_.local_prune_margin - alt.bonus;
      for (uint32_t k = alt.begin; k < context_end; ++k) bar += original_logprob[k];
      // Every log probability is at most 0: the sum loses as soon as it is below the bar.
      double score = 0;
      bool loses = false;
      const size_t scored = alt.ids_count + (context_end - alt.end);
      for (size_t k = 0; k < scored && !loses; ++k) {
        score += next_logprob[k];
        loses = score < bar;
      }
      next_logprob += scored;
      if (loses) continue;
      alternatives_at[alt.begin].push_back(static_cast<int32_t>(kept));
      alternatives[kept++] = alt;
    }
    alternatives.resize(kept);
    if (alternatives.empty()) continue;

    // 2. Viterbi over trigram states: keep each word or replace a window by an alternative.
    ClearFirst(n + 1, &layers);
    State initial;
    initial.h1 = lm_->sentence_start_id();
    layers[0].push_back(initial);
    auto push = [&](uint32_t layer, const State& s) {
      for (State& existing : layers[layer]) {
        if (existing.h1 == s.h1 && existing.h2 == s.h2) {
          if (s.score > existing.score) existing = s;
          return;
        }
      }
      layers[layer].push_back(s);
    };
    for (uint32_t pos = 0; pos < n; ++pos) {
      std::vector<State>& layer = layers[pos];
      if (layer.size() > size_t(options_.beam)) {
        std::partial_sort(layer.begin(), layer.begin() + options_.beam, layer.end(),
                          [](const State& a, const State& b) { return a.score > b.score; });
        layer.resize(options_.beam);
      }
      for (int32_t si = 0; si < static_cast<int32_t>(layer.size()); ++si) {
        const State s = layer[si];
        State keep;
        keep.h2 = s.h1;
        keep.h1 = words[pos].id;
        keep.score = s.score + log_prob_at(pos, s.h1, s.h2);
        keep.parent = si;
        keep.parent_layer = static_cast<int32_t>(pos);
        push(pos + 1, keep);
        for (int32_t a : alternatives_at[pos]) {
          const Alternative& alt = alternatives[a];
          State next;
          next.h2 = s.h2;
          next.h1 = s.h1;
          next.score = s.score + alt.bonus;
          for (uint32_t w : ids_of(alt)) {
            next.score += lp.LogProb(w, next.h1, next.h2);
            next.h2 = next.h1;
            next.h1 = w;
          }
          next.parent = si;
          next.parent_layer = static_cast<int32_t>(pos);
          next.alternative = a;
          push(alt.end, next);
        }
      }
    }
    // Close the sentence and follow the best path back.
    int32_t best = -1;
    double best_score = kNegInf;
    for (int32_t si = 0; si < static_cast<int32_t>(layers[n].size()); ++si) {
      const State& s = layers[n][si];
      const double score = s.score + log_prob_at(n, s.h1, s.h2);
      if (score > best_score) {
        best_score = score;
        best = si;
      }
    }
    chosen.clear();
    for (int32_t layer = n, si = best; si >= 0 && layer > 0;) {
      const State& s = layers[layer][si];
      if (s.alternative >= 0) chosen.push_back(s.alternative);
      si = s.parent;
      layer = s.parent_layer;
    }
    if (chosen.empty()) continue;
    std::reverse(chosen.begin(), chosen.end());

    // 3. Each chosen swap's marginal gain: the sentence with every chosen swap, against the same
    // with this one reverted, scored window plus following context.
    auto score_with = [&](int32_t skip) {
      double score = 0;
      uint32_t h2 = kNoWord, h1 = lm_->sentence_start_id();
      size_t next_choice = 0;
      for (uint32_t pos = 0; pos < n;) {
        if (next_choice < chosen.size() && alternatives[chosen[next_choice]].begin == pos &&
            chosen[next_choice] != skip) {
          const Alternative& alt = alternatives[chosen[next_choice]];
          score += alt.bonus;
          for (uint32_t w : ids_of(alt)) {
            score += lp.LogProb(w, h1, h2);
            h2 = h1;
            h1 = w;
          }
          pos = alt.end;
          ++next_choice;
          continue;
        }
        if (next_choice < chosen.size() && alternatives[chosen[next_choice]].begin == pos) {
          ++next_choice;
        }
        score += log_prob_at(pos, h1, h2);
        h2 = h1;
        h1 = words[pos].id;
        ++pos;
      }
      return score + log_prob_at(n, h1, h2);
    };
    const double with_all = score_with(-1);
    for (int32_t a : chosen) {
      const Alternative& alt = alternatives[a];
      const double penalty = swap_penalty(alt.sources);
      // Gain in association: the swap's share of the sentence score, penalty excluded.
      const double association_gain = with_all - score_with(a) + penalty;
      if (association_gain < options_.min_association_gain) continue;
      LexiconCandidate c;
      c.first_token = alt.first_token;
      c.end_token = alt.end_token;
      c.replacement = alt.article == kNoWord
                          ? alt.target->canonical
                          : absl::StrCat(lm_->Word(alt.article), " ", alt.target->canonical);
      c.sources = alt.sources;
      c.association_gain = association_gain;
      c.raw_gain = c.association_gain - (alt.bonus + penalty);
      c.window_unigram = alt.window_unigram;
      c.window_words = static_cast<int>(alt.end - alt.begin);
      c.window_unknown = alt.window_unknown;
      // Attestation of the word pairs the swap touches, in the original and with the candidate.
      const uint32_t left = alt.begin > 0 ? words[alt.begin - 1].id : lm_->sentence_start_id();
      const uint32_t right = alt.end < n ? words[alt.end].id : lm_->sentence_end_id();
      auto gaps = [&](const uint32_t* ids, size_t count, int* checked) {
        int missing = 0;
        uint32_t previous = left;
        for (size_t k = 0; k <= count; ++k) {
          const uint32_t next = k < count ? ids[k] : right;
          if (previous != kUnknownWord && next != kUnknownWord) {
            ++*checked;
            if (!lp.HasBigram(previous, next)) ++missing;
          }
          previous = next;
        }
        return missing;
      };
      original_ids.clear();
      for (uint32_t k = alt.begin; k < alt.end; ++k) original_ids.push_back(words[k].id);
      int unused = 0;
      c.window_gaps = gaps(original_ids.data(), original_ids.size(), &c.pairs_checked);
      c.candidate_gaps = gaps(ids_of(alt).data(), alt.ids_count, &unused);
      if (!phrase_lexicons_.empty()) {
        const absl::string_view left_word =
            alt.begin > 0 ? tokens.Norm(words[alt.begin - 1].token) : absl::string_view();
        const absl::string_view right_word =
            alt.end < n ? tokens.Norm(words[alt.end].token) : absl::string_view();
        original_words.clear();
        for (uint32_t k = alt.begin; k < alt.end; ++k) {
          original_words.push_back(tokens.Norm(words[k].token));
        }
        // The user's corpus says this wording is at home here.
        if (FormsPhrase(corpus_lexicons_, original_words, left_word, right_word)) continue;
        auto candidate_forms_phrase = [&] {
          candidate_words.clear();
          for (absl::string_view w : absl::StrSplit(c.replacement, ' ')) {
            candidate_words.push_back(w);
          }
          return FormsPhrase(phrase_lexicons_, candidate_words, left_word, right_word);
        };
        // Whether the restoration forms a phrase, by its neighbours' word types (numbers are
        // not word types): a text repeats its contexts, and each answer is several lookups.
        const bool cacheable = (alt.begin == 0 || words[alt.begin - 1].facts != nullptr) &&
                               (alt.end == n || words[alt.end].facts != nullptr);
        bool forms_phrase;
        if (cacheable) {
          const WordFacts* left = alt.begin > 0 ? words[alt.begin - 1].facts : nullptr;
          const WordFacts* right = alt.end < n ? words[alt.end].facts : nullptr;
          const uint64_t hash = absl::HashOf(left, alt.target, right, alt.article);
          PhraseMemoEntry& e = caches.phrase_memo[hash & (kPhraseMemoEntries - 1)];
          if (e.target != alt.target || e.left != left || e.right != right ||
              e.article != alt.article) {
            e = PhraseMemoEntry{left, alt.target, right, alt.article, candidate_forms_phrase()};
          }
          forms_phrase = e.forms_phrase;
        } else {
          forms_phrase = candidate_forms_phrase();
        }
        c.repairs_phrase =
            forms_phrase && !FormsPhrase(phrase_lexicons_, original_words, left_word, right_word);
        c.restores_curated_phrase = c.repairs_phrase && (c.sources & kSwapFromSpinnerTable);
      }
      out->push_back(std::move(c));
    }
  }
}

}  // namespace unspin
