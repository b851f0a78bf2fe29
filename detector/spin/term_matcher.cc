#include "detector/spin/term_matcher.h"

#include <algorithm>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "detector/spin/function_words.h"

namespace unspin {
namespace {

// Regular English plural of a noun; terms name things, so their last word is a noun.
std::string Plural(absl::string_view word) {
  auto ends = [&](absl::string_view s) { return absl::EndsWith(word, s); };
  if (ends("is") && word.size() > 3) return absl::StrCat(word.substr(0, word.size() - 2), "es");
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    return absl::StrCat(word, "es");
  }
  if (ends("y") && word.size() > 1 && !absl::StrContains("aeiou", word[word.size() - 2])) {
    return absl::StrCat(word.substr(0, word.size() - 1), "ies");
  }
  return absl::StrCat(word, "s");
}

// The singular of a regular English plural noun, or `word` itself when it does not look like
// one: spinners keep the number of the word they replace ("woodlands" for "forests").
absl::string_view Singular(absl::string_view word, std::string* buffer) {
  auto ends = [&](absl::string_view s) { return absl::EndsWith(word, s); };
  if (word.size() < 4 || ends("ss") || ends("us") || ends("is")) return word;
  if (ends("ies")) {
    *buffer = absl::StrCat(word.substr(0, word.size() - 3), "y");
    return *buffer;
  }
  if (ends("yses")) {  // analyses
    *buffer = absl::StrCat(word.substr(0, word.size() - 2), "is");
    return *buffer;
  }
  if (ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes")) {
    return word.substr(0, word.size() - 2);
  }
  if (ends("s")) return word.substr(0, word.size() - 1);
  return word;
}

bool IsHyphen(absl::string_view w) { return w == "-"; }

// A match under way: where it is in the trie and what it took to get there.
struct Partial {
  uint32_t node = 0;
  uint32_t next_token = 0;
  uint32_t swapped_mask = 0;  // bit k: the window's k-th token was swapped
  uint8_t sources = 0;        // SwapSource bits of the swaps so far
  bool anchored = false;      // a content word of the term stands as written
  bool table_only = true;     // every swap so far is a spinner- or term-table swap
  bool spinner_only = true;   // every swap so far is a spinner-table swap
  uint16_t strength = 0;      // summed WordOption::strength of the swaps
  bool plural = false;        // the last word was read in the plural: the match ends there
  uint8_t names = 0;          // capitalized words inside the sentence ("the Power Party")
  bool name_swapped = false;  // one of them was swapped
  uint16_t start_option = 0;  // the first word's start option the match began with
};

// One way the search's first step continues: the second word of the window, read as `option`,
// follows the first word's start option `start_option` in the trie.
struct SecondStep {
  uint16_t start_option;  // index into the first word's WordInfo::start_options
  uint16_t option;        // index into the second word's options (plural_options if `plural`)
  bool plural;
  uint32_t child;  // the trie node reached
};

// The search's first step for one pair of words: ranges of ThreadCaches::step_pool and
// ThreadCaches::start_pool.
struct PairSteps {
  uint32_t steps_begin = 0;
  uint32_t steps_count = 0;
  uint32_t starts_begin = 0;
  uint32_t starts_count = 0;
};

// A spun form of several words in the swap tables, starting at a token, read as a term word
// ("stowed away" -> "hidden").
struct SpunStep {
  uint32_t words;  // tokens it spans, 2..kMaxSpunWords
  uint32_t term_word;
  uint8_t sources;
};

// Distinct word pairs whose first steps a thread keeps (a few MB) before it starts over.
constexpr size_t kMaxCachedPairs = size_t{1} << 18;

// WordOption::strength of a spinner-table swap: above any thesaurus swap's.
constexpr uint8_t kTableStrength = 4;

// TermMatcher::ThreadCaches::token_spun: not looked up yet.
constexpr uint32_t kNotComputed = ~uint32_t{0};

// Longest spun form that stands for one term word ("stowed away" -> "hidden").
constexpr uint32_t kMaxSpunWords = 3;

}  // namespace

struct TermMatcher::ThreadCaches {
  absl::flat_hash_map<std::string, const TermMatcher::WordInfo*> words;  // into shared_words_
  // The first step of the search by the window's first two words (their WordInfos, which stay
  // in place): nearly all of the search's work is merging the second word's options with the
  // trie children of the first's, and a text repeats its word pairs. Each pair's steps are a
  // range of step_pool (most pairs have none), in start-option order, then in the order the
  // merge finds them; the first word's start options worth searching before the second word
  // (SearchedStartOptions) a range of start_pool.
  absl::flat_hash_map<std::pair<const TermMatcher::WordInfo*, const TermMatcher::WordInfo*>,
                      PairSteps>
      second_steps;
  std::vector<SecondStep> step_pool;
  std::vector<uint16_t> start_pool;
  // `words` entries by this thread's word types (TokenizedText::word_types); null until met.
  std::vector<const TermMatcher::WordInfo*> info_by_type;
  std::vector<Partial> stack;                           // reused by every Match call of this thread
  std::vector<std::pair<uint32_t, int32_t>> completed;  // (window end, term), likewise
  // The spun forms starting at each token of the current text (a range of spun_pool), looked up
  // once however many partial matches reach the token; `second` is kNotComputed until then.
  std::vector<std::pair<uint32_t, uint32_t>> token_spun;
  std::vector<SpunStep> spun_pool;
  // Each token's WordInfo in the current text, looked up once however many windows read it.
  std::vector<const TermMatcher::WordInfo*> token_info;
};

TermMatcher::TermMatcher(TermIndex index, const LanguageModel* lm, const SwapIndex* swaps,
                         const Thesaurus* thesaurus, const Thesaurus* inflections,
                         std::vector<const PhraseLexicon*> known_phrases,
                         TermMatcherOptions options)
    : index_(std::move(index)),
      lm_(lm),
      swaps_(swaps),
      thesaurus_(thesaurus),
      inflections_(inflections),
      known_phrases_(std::move(known_phrases)),
      options_(options) {
  options_.max_term_tokens = std::clamp(options_.max_term_tokens, 2, 32);
}

void TermMatcher::AddOptions(absl::string_view word, std::vector<WordOption>* options,
                             bool* starts_spun_form) const {
  auto add = [&](absl::string_view term_word, uint8_t sources, uint8_t strength) {
    const uint32_t id = index_.FindWord(term_word);
    if (id == kNotFound) return;
    if (sources != 0 && index_.IsWeakWord(id)) return;  // no swaps into grammar
    for (WordOption& o : *options) {
      if (o.term_word == id) {
        if (o.sources != 0) {
          o.sources |= sources;
          o.strength = std::max(o.strength, strength);
        }
        return;
      }
    }
    options->push_back(WordOption{id, sources, strength});
  };
  add(word, 0, 0);
  if (IsHyphen(word) || IsFunctionOrNumberWord(word)) return;  // grammar is not swapped
  const absl::string_view one_word[] = {word};
  const SwapIndex::Lookup table = swaps_->FindWithPrefix(one_word);
  *starts_spun_form |= table.longer_forms;
  for (const SwapTarget& t : table.targets) add(t.canonical, t.sources, kTableStrength);
  if (thesaurus_ != nullptr) {
    const uint32_t id = thesaurus_->Find(word);
    // The relations the lexicon detector reads too (AddThesaurusTargets), without its filters
    // for multiword candidates and its allocations: every word type of the text comes through
    // here once.
    for (const SynonymEntry& e :
         id == kNotFound ? absl::Span<const SynonymEntry>() : thesaurus_->CanStandFor(id)) {
      if (!thesaurus_->IsSpinnableRelation(e)) continue;
      const uint8_t strength =
          __builtin_popcount(e.flags() & kAllSources) + (e.has(kSynonym) ? 1 : 0);
      add(thesaurus_->Phrase(e.phrase()), kSwapFromThesaurus, strength);
    }
  }
  if (inflections_ != nullptr) {
    const uint32_t form = inflections_->Find(word);
    if (form != kNotFound) {
      for (const SynonymEntry& e : inflections_->CanStandFor(form)) {
        add(inflections_->Phrase(e.phrase()), kSwapFromThesaurus, 1);
      }
    }
  }
  std::sort(options->begin(), options->end(),
            [](const WordOption& a, const WordOption& b) { return a.term_word < b.term_word; });
}

namespace {

void AddTermWord(uint32_t term_word, TermMatcher::TermWordBits* bits) {
  const uint32_t bit = (term_word * 0x9E3779B1u) >> 24;
  (*bits)[bit / 64] |= uint64_t{1} << (bit % 64);
}

bool Meet(const TermMatcher::TermWordBits& a, const TermMatcher::TermWordBits& b) {
  return ((a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3])) != 0;
}

}  // namespace

TermMatcher::WordInfo TermMatcher::ComputeWordInfo(absl::string_view word) const {
  WordInfo info;
  info.lm_id = lm_->Find(word);
  AddOptions(word, &info.options, &info.starts_spun_form);
  for (WordOption o : info.options) {
    const int32_t child = index_.Child(0, o.term_word);
    if (child < 0) continue;
    o.node = static_cast<uint32_t>(child);
    o.ends_term = index_.TermAt(o.node) >= 0;
    for (const TermIndex::Edge& edge : index_.Children(o.node)) {
      AddTermWord(edge.word, &info.continuations);
    }
    const auto index = static_cast<uint16_t>(info.start_options.size());
    if (o.ends_term) info.terminal_starts.push_back(index);
    info.all_starts.push_back(index);
    info.start_options.push_back(o);
  }
  // Terms are indexed in the singular: a plural word can end one.
  std::string buffer;
  const absl::string_view singular = Singular(word, &buffer);
  if (singular != word) {
    bool unused = false;
    AddOptions(singular, &info.plural_options, &unused);
  }
  for (const WordOption& o : info.options) AddTermWord(o.term_word, &info.readings);
  for (const WordOption& o : info.plural_options) AddTermWord(o.term_word, &info.readings);
  return info;
}

const TermMatcher::WordInfo& TermMatcher::Lookup(absl::string_view word) const {
  ThreadCaches& caches = caches_.Get([] { return std::make_unique<ThreadCaches>(); });
  auto it = caches.words.find(word);
  if (it != caches.words.end()) return *it->second;
  const WordInfo* shared = nullptr;
  {
    absl::ReaderMutexLock lock(&shared_words_mu_);
    auto found = shared_words_.find(word);
    if (found != shared_words_.end()) shared = &found->second;
  }
  if (shared == nullptr) {
    // Computed outside the lock so that workers do not queue; if two compute the same word, the
    // first to insert wins and both use its entry.
    WordInfo info = ComputeWordInfo(word);
    absl::MutexLock lock(&shared_words_mu_);
    shared = &shared_words_.emplace(std::string(word), std::move(info)).first->second;
  }
  caches.words.emplace(std::string(word), shared);
  return *shared;
}

namespace {

// The start options of `first` worth searching, in order: a start option that the second word
// does not continue (`steps`, sorted by start option), that no spun form there can continue
// (`second_spun`: one starts at the second word) and that is not a term by itself leads nowhere.
void SearchedStartOptions(const TermMatcher::WordInfo& first, absl::Span<const SecondStep> steps,
                          bool second_spun, std::vector<uint16_t>* out) {
  auto step = steps.begin();
  for (size_t j = 0; j < first.start_options.size(); ++j) {
    while (step != steps.end() && step->start_option < j) ++step;
    const bool continued = step != steps.end() && step->start_option == j;
    if (continued || second_spun || first.start_options[j].ends_term) {
      out->push_back(static_cast<uint16_t>(j));
    }
  }
}

// Both lists are sorted by word: one merge finds the options the trie continues with.
template <typename Fn>
void ForEachContinuation(const TermIndex& index, uint32_t node,
                         const std::vector<TermMatcher::WordOption>& options, Fn&& fn) {
  const absl::Span<const TermIndex::Edge> children = index.Children(node);
  auto edge = children.begin();
  auto option = options.begin();
  while (edge != children.end() && option != options.end()) {
    if (edge->word < option->term_word) {
      ++edge;
    } else if (option->term_word < edge->word) {
      ++option;
    } else {
      fn(*option, static_cast<uint16_t>(option - options.begin()), edge->child);
      ++option;
    }
  }
}

}  // namespace

void TermMatcher::Match(const TokenizedText& tokens, std::vector<TermMatch>* out) const {
  if (index_.term_count() == 0) return;
  const uint32_t token_count = static_cast<uint32_t>(tokens.tokens.size());
  ThreadCaches& caches = caches_.Get([] { return std::make_unique<ThreadCaches>(); });
  std::vector<Partial>& stack = caches.stack;
  std::vector<std::pair<uint32_t, int32_t>>& completed = caches.completed;
  caches.token_info.assign(token_count, nullptr);
  const uint64_t type_space = CurrentWordTypeSpace();
  auto info_of = [&](uint32_t i) -> const WordInfo& {
    const WordInfo*& info = caches.token_info[i];
    if (info != nullptr) return *info;
    const uint32_t type = tokens.WordTypeFor(i, type_space);
    if (type == TokenizedText::kNoWordType) {
      info = &Lookup(tokens.Norm(i));
      return *info;
    }
    if (type >= caches.info_by_type.size()) caches.info_by_type.resize(type + 1, nullptr);
    const WordInfo*& by_type = caches.info_by_type[type];
    if (by_type == nullptr) by_type = &Lookup(tokens.Norm(i));
    info = by_type;
    return *info;
  };
  // A token that may continue a window begun at `start`.
  auto usable = [&](uint32_t i, uint32_t start) {
    const Token& t = tokens.tokens[i];
    if (t.in_quote() || (t.flags & kAllCaps) || t.sentence != tokens.tokens[start].sentence) {
      return false;
    }
    return t.kind != TokenKind::kPunct || IsHyphen(tokens.Norm(t));
  };
  caches.token_spun.assign(token_count, {0, kNotComputed});
  caches.spun_pool.clear();
  // The spun forms of the tables that start at token i (a usable word), shortest first.
  auto spun_steps_at = [&](uint32_t i) -> absl::Span<const SpunStep> {
    std::pair<uint32_t, uint32_t>& range = caches.token_spun[i];
    if (range.second == kNotComputed) {
      range.first = static_cast<uint32_t>(caches.spun_pool.size());
      absl::string_view words[kMaxSpunWords];
      words[0] = tokens.Norm(i);
      for (uint32_t k = 2; k <= kMaxSpunWords && i + k <= token_count; ++k) {
        const uint32_t last = i + k - 1;
        if (!tokens.tokens[last].is_word() || !usable(last, i)) break;
        words[k - 1] = tokens.Norm(last);
        const SwapIndex::Lookup table = swaps_->FindWithPrefix(absl::MakeConstSpan(words, k));
        for (const SwapTarget& t : table.targets) {
          const uint32_t word = index_.FindWord(t.canonical);
          if (word != kNotFound) caches.spun_pool.push_back(SpunStep{k, word, t.sources});
        }
        if (!table.longer_forms) break;
      }
      range.second = static_cast<uint32_t>(caches.spun_pool.size()) - range.first;
    }
    return absl::MakeConstSpan(caches.spun_pool).subspan(range.first, range.second);
  };
  for (uint32_t start = 0; start < token_count;) {
    if (!tokens.tokens[start].is_word() || !usable(start, start)) {
      ++start;
      continue;
    }
    // Most words begin no term: one cached lookup and on.
    const WordInfo& first = info_of(start);
    if (first.start_options.empty() && !first.starts_spun_form) {
      ++start;
      continue;
    }
    // The search's first step (the second word after each start option) and the start options
    // it leaves worth searching, from the cache.
    absl::Span<const SecondStep> second_steps;
    absl::Span<const uint16_t> searched_starts;
    const WordInfo* second =
        !first.start_options.empty() && start + 1 < token_count && usable(start + 1, start)
            ? &info_of(start + 1)
            : nullptr;
    if (second == nullptr || !Meet(first.continuations, second->readings)) {
      // The second word continues no start option (SearchedStartOptions with no steps).
      searched_starts =
          second != nullptr && second->starts_spun_form ? first.all_starts : first.terminal_starts;
    } else {
      auto [it, inserted] = caches.second_steps.try_emplace({&first, second});
      if (inserted) {
        if (caches.second_steps.size() > kMaxCachedPairs) {
          caches.second_steps.clear();
          caches.step_pool.clear();
          caches.start_pool.clear();
          it = caches.second_steps.try_emplace({&first, second}).first;
        }
        PairSteps& pair = it->second;
        pair.steps_begin = static_cast<uint32_t>(caches.step_pool.size());
        for (size_t j = 0; j < first.start_options.size(); ++j) {
          for (bool plural : {false, true}) {
            ForEachContinuation(index_, first.start_options[j].node,
                                plural ? second->plural_options : second->options,
                                [&](const WordOption&, uint16_t option, uint32_t child) {
                                  caches.step_pool.push_back(
                                      SecondStep{static_cast<uint16_t>(j), option, plural, child});
                                });
          }
        }
        pair.steps_count = static_cast<uint32_t>(caches.step_pool.size()) - pair.steps_begin;
        pair.starts_begin = static_cast<uint32_t>(caches.start_pool.size());
        SearchedStartOptions(first, absl::MakeConstSpan(caches.step_pool).subspan(pair.steps_begin),
                             second->starts_spun_form, &caches.start_pool);
        pair.starts_count = static_cast<uint32_t>(caches.start_pool.size()) - pair.starts_begin;
      }
      second_steps = absl::MakeConstSpan(caches.step_pool)
                         .subspan(it->second.steps_begin, it->second.steps_count);
      searched_starts = absl::MakeConstSpan(caches.start_pool)
                            .subspan(it->second.starts_begin, it->second.starts_count);
    }
    // Depth-first over the trie; the best complete match is the longest, then the one with the
    // fewest swaps, then the one with the best attested swaps. Another term tied with it makes
    // it ambiguous.
    int32_t best_term = -1;
    Partial best;
    // Terms completed at each window end (any number of swaps), to tell how many readings the
    // chosen span has.
    completed.clear();
    stack.clear();
    stack.push_back(Partial{0, start, 0, 0, false, true});
    while (!stack.empty()) {
      const Partial p = stack.back();
      stack.pop_back();
      // Right after a start option, whether a term ends there is known without the trie.
      const int32_t term =
          p.next_token == start + 1 && !first.start_options[p.start_option].ends_term
              ? -1
              : index_.TermAt(p.node);
      if (term >= 0 && p.swapped_mask != 0 && !(p.name_swapped && p.names >= 2)) {
        completed.emplace_back(p.next_token, term);
        const int swaps = __builtin_popcount(p.swapped_mask);
        const int best_swaps = __builtin_popcount(best.swapped_mask);
        if (best_term < 0 || p.next_token > best.next_token ||
            (p.next_token == best.next_token &&
             (swaps < best_swaps || (swaps == best_swaps && p.strength > best.strength)))) {
          best_term = term;
          best = p;
        } else if (p.next_token == best.next_token && swaps == best_swaps &&
                   p.strength == best.strength && term < best_term) {
          // A tie: the term listed first stands in, so the guess does not depend on search
          // order (the match counts its readings below).
          best_term = term;
          best = p;
        }
      }
      const uint32_t i = p.next_token;
      if (p.plural || i >= token_count || i - start >= uint32_t(options_.max_term_tokens) ||
          !usable(i, start)) {
        continue;
      }
      // A capital inside a sentence marks a name or a title: a word of a term may be one, but
      // a title case window with a swap in it is a name ("the Power Party"), not a spun term.
      const bool name_like = tokens.tokens[i].capitalized() && !tokens.tokens[i].sentence_start();
      auto extend = [&](uint32_t term_word, uint32_t child, uint8_t sources, uint8_t strength,
                        uint32_t words, bool plural = false) -> Partial& {
        Partial next = p;
        next.node = child;
        next.next_token = i + words;
        next.plural = plural;
        next.names += name_like;
        if (sources == 0) {
          next.anchored |= !index_.IsWeakWord(term_word);
        } else {
          next.swapped_mask |= ((1u << words) - 1) << (i - start);
          next.sources |= sources;
          next.strength += strength;
          next.table_only &= (sources & (kSwapFromSpinnerTable | kSwapFromTermTable)) != 0;
          next.spinner_only &= (sources & kSwapFromSpinnerTable) != 0;
          next.name_swapped |= name_like;
        }
        stack.push_back(next);
        return stack.back();
      };
      const WordInfo& info = info_of(i);
      if (i == start) {
        for (const uint16_t j : searched_starts) {
          const WordOption& o = info.start_options[j];
          extend(o.term_word, o.node, o.sources, o.strength, 1).start_option = j;
        }
      } else if (i == start + 1) {
        // Right after a start option (spun forms end later): its continuations are cached.
        auto step =
            std::lower_bound(second_steps.begin(), second_steps.end(), p.start_option,
                             [](const SecondStep& s, uint16_t j) { return s.start_option < j; });
        for (; step != second_steps.end() && step->start_option == p.start_option; ++step) {
          const WordOption& o = (step->plural ? info.plural_options : info.options)[step->option];
          extend(o.term_word, step->child, o.sources, o.strength, 1, step->plural);
        }
      } else {
        for (bool plural : {false, true}) {
          ForEachContinuation(index_, p.node, plural ? info.plural_options : info.options,
                              [&](const WordOption& o, uint16_t, uint32_t child) {
                                extend(o.term_word, child, o.sources, o.strength, 1, plural);
                              });
        }
      }
      // Spun forms of several words in the tables ("stowed away" for "hidden").
      if (!info.starts_spun_form) continue;
      for (const SpunStep& step : spun_steps_at(i)) {
        if (i + step.words - 1 - start >= uint32_t(options_.max_term_tokens)) break;
        const int32_t child = index_.Child(p.node, step.term_word);
        if (child >= 0) {
          extend(step.term_word, static_cast<uint32_t>(child), step.sources, kTableStrength,
                 step.words);
        }
      }
    }
    if (best_term < 0) {
      ++start;
      continue;
    }
    const uint32_t end = best.next_token;
    // Every run of swapped words must break a word pair the language model knows inside the
    // window (or hold a word unknown to it): a window of normal English is not a spun term.
    std::vector<absl::string_view> window;
    std::vector<uint32_t> ids;
    for (uint32_t i = start; i < end; ++i) {
      window.push_back(tokens.Norm(i));
      ids.push_back(IsHyphen(window.back()) ? kUnknownWord : info_of(i).lm_id);
    }
    auto swapped = [&](size_t k) { return (best.swapped_mask >> k) & 1u; };
    bool breaks_pairs = true;
    for (size_t k = 0; k < ids.size() && breaks_pairs;) {
      if (!swapped(k)) {
        ++k;
        continue;
      }
      size_t run_end = k;
      while (run_end < ids.size() && swapped(run_end)) ++run_end;
      // Word positions from the last word before the run to the first after it, hyphens
      // skipped.
      std::vector<uint32_t> span;
      for (int64_t j = int64_t(k) - 1; j >= 0; --j) {
        if (!IsHyphen(window[j])) {
          span.push_back(ids[j]);
          break;
        }
      }
      for (size_t j = k; j < run_end; ++j) {
        if (!IsHyphen(window[j])) span.push_back(ids[j]);
      }
      for (size_t j = run_end; j < ids.size(); ++j) {
        if (!IsHyphen(window[j])) {
          span.push_back(ids[j]);
          break;
        }
      }
      bool gap = false;
      for (size_t j = 0; j < span.size(); ++j) {
        gap |= span[j] == kUnknownWord ||
               (j + 1 < span.size() && !lm_->HasBigram(span[j], span[j + 1]));
      }
      breaks_pairs = span.size() >= 2 && gap;
      k = run_end;
    }
    bool known = false;
    for (const PhraseLexicon* lexicon : known_phrases_) {
      known = known || lexicon->IsCanonicalPhrase(window);
    }
    if (!breaks_pairs || known) {
      ++start;
      continue;
    }
    int readings = 0;
    std::sort(completed.begin(), completed.end());
    for (size_t k = 0; k < completed.size(); ++k) {
      readings += completed[k].first == end && (k == 0 || completed[k] != completed[k - 1]);
    }
    // With no word of a term as written, only the swaps tie the window to a term; when they
    // tie it to several ("primary water": "principal component" and four more), nothing says
    // which, and the window is as likely normal English read sideways.
    if (!best.anchored && readings > 1) {
      ++start;
      continue;
    }
    // Written as prose writes it ("k-fold", "Crohn's"), in the number of the text.
    std::string restoration =
        absl::StrReplaceAll(index_.Term(best_term), {{" - ", "-"}, {" '", "'"}});
    if (best.plural) {
      const size_t last = restoration.rfind(' ') + 1;
      restoration = absl::StrCat(restoration.substr(0, last),
                                 Plural(absl::string_view(restoration).substr(last)));
    }
    out->push_back(TermMatch{start, end, std::move(restoration), best.sources, readings,
                             __builtin_popcount(best.swapped_mask), best.anchored, best.table_only,
                             best.spinner_only});
    start = end;
  }
}

}  // namespace unspin
