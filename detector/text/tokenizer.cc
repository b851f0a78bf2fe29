#include "detector/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "detector/text/utf8.h"

namespace unspin {
namespace {

// ASCII fast paths: prose is mostly ASCII, and for ASCII bytes these give exactly what
// DecodeUtf8, IsLetter, IsUpper, ToLower and FoldPunctuation give, without a call per byte.
// (absl::ascii_isalnum reads a table in the compiled Abseil library; in the word loop it made
// BM_Tokenize 5-20% slower than these comparisons.)
inline bool IsAsciiAlnum(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

bool IsOpeningDoubleQuote(char32_t c) { return c == 0x201C || c == 0x201E || c == 0xAB; }
bool IsClosingDoubleQuote(char32_t c) { return c == 0x201D || c == 0xBB; }

// Words whose following period does not end a sentence.
bool IsAbbreviation(absl::string_view norm) {
  static constexpr std::array<absl::string_view, 32> kAbbreviations = {
      "mr",  "mrs",  "ms",  "dr",   "st",  "jr",  "sr",   "vs",  "etc",    "inc", "ltd",
      "co",  "corp", "gen", "gov",  "sen", "rep", "prof", "no",  "fig",    "jan", "feb",
      "mar", "apr",  "aug", "sept", "sep", "oct", "nov",  "dec", "approx", "mt"};
  if (norm.size() == 1) return true;  // initials: "U.S.", "J. Smith"
  for (absl::string_view a : kAbbreviations) {
    if (norm == a) return true;
  }
  return false;
}

class Tokenizer {
 public:
  explicit Tokenizer(absl::string_view text) : text_(text) {
    out_.tokens.reserve(text.size() / 5 + 8);
    out_.norm.reserve(text.size() + 16);
  }

  TokenizedText Run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      const size_t start = pos;
      const unsigned char b = static_cast<unsigned char>(text_[pos]);
      if (b == ' ' || b == '\n') {
        ++pos;
        space_before_ = true;
        if (b == '\n') ++newlines_;
        continue;
      }
      if (b < 0x80) {
        // ASCII, decided here without the Unicode predicates (the same answers).
        ++pos;
        if (absl::ascii_isalpha(b)) {
          pos = ScanWord(start);
        } else if (absl::ascii_isdigit(b)) {
          pos = ScanNumber(start);
        } else if (b == '\t' || b == '\r' || b == '\f' || b == '\v') {
          space_before_ = true;
        } else {
          EmitPunct(start, pos, b);
        }
        continue;
      }
      const char32_t c = DecodeUtf8(text_, &pos);
      if (IsSpace(c)) {
        space_before_ = true;
        if (c == '\n') ++newlines_;
        continue;
      }
      if (IsLetter(c)) {
        pos = ScanWord(start);
      } else if (IsDigit(c)) {
        pos = ScanNumber(start);
      } else {
        EmitPunct(start, pos, c);
      }
    }
    CloseSentence();
    return std::move(out_);
  }

 private:
  // Scans a word starting at `start`; returns the offset after it.
  size_t ScanWord(size_t start) {
    size_t pos = start;
    size_t end = start;
    while (pos < text_.size()) {
      if (IsAsciiAlnum(static_cast<unsigned char>(text_[pos]))) {
        pos = end = pos + 1;
        continue;
      }
      const unsigned char b = static_cast<unsigned char>(text_[pos]);
      if (b < 0x80 && b != '\'') break;  // ASCII space or punctuation ends the word
      size_t next = pos;
      const char32_t c = DecodeUtf8(text_, &next);
      if (IsLetter(c) || IsDigit(c)) {
        pos = end = next;
        continue;
      }
      if (IsApostrophe(c) && next < text_.size()) {
        // An apostrophe continues the word when a letter follows, except a possessive 's,
        // which becomes a token of its own.
        size_t after = next;
        const char32_t following = DecodeUtf8(text_, &after);
        if (!IsLetter(following)) break;
        if ((following == 's' || following == 'S')) {
          size_t beyond = after;
          const bool word_ends = after >= text_.size() || !IsLetter(DecodeUtf8(text_, &beyond));
          if (word_ends) break;
        }
        pos = end = next;
        continue;
      }
      break;
    }
    EmitWordLike(start, end, TokenKind::kWord);
    // A possessive 's directly after the word (an apostrophe: ASCII or not).
    if (end < text_.size() &&
        (text_[end] == '\'' || static_cast<unsigned char>(text_[end]) >= 0x80)) {
      size_t next = end;
      const char32_t c = DecodeUtf8(text_, &next);
      if (IsApostrophe(c) && next < text_.size() && (text_[next] == 's' || text_[next] == 'S')) {
        size_t beyond = next + 1;
        bool word_ends = beyond >= text_.size();
        if (!word_ends) {
          size_t probe = beyond;
          word_ends = !IsLetter(DecodeUtf8(text_, &probe));
        }
        if (word_ends) {
          EmitWordLike(end, beyond, TokenKind::kWord);
          return beyond;
        }
      }
    }
    return end;
  }

  size_t ScanNumber(size_t start) {
    size_t pos = start;
    while (pos < text_.size()) {
      const char ch = text_[pos];
      if (absl::ascii_isdigit(static_cast<unsigned char>(ch))) {
        ++pos;
      } else if ((ch == '.' || ch == ',') && pos + 1 < text_.size() &&
                 absl::ascii_isdigit(static_cast<unsigned char>(text_[pos + 1]))) {
        pos += 2;
      } else {
        break;
      }
    }
    // Ordinals and units written together: "21st", "1990s", "98bn".
    while (pos < text_.size() && absl::ascii_isalpha(static_cast<unsigned char>(text_[pos]))) ++pos;
    EmitWordLike(start, pos, TokenKind::kNumber);
    return pos;
  }

  void EmitWordLike(size_t begin, size_t end, TokenKind kind) {
    Token& t = Begin(begin, end, kind);
    size_t letters = 0;
    size_t uppers = 0;
    size_t pos = begin;
    bool first = true;
    while (pos < end) {
      const unsigned char b = static_cast<unsigned char>(text_[pos]);
      if (b < 0x80) {
        ++pos;
        const bool upper = b >= 'A' && b <= 'Z';
        if (upper || (b >= 'a' && b <= 'z')) {
          ++letters;
          if (upper) {
            ++uppers;
            if (first) t.flags |= kCapitalized;
          }
          first = false;
        }
        out_.norm.push_back(static_cast<char>(upper ? b + 32 : b));
        continue;
      }
      const char32_t c = DecodeUtf8(text_, &pos);
      if (IsLetter(c)) {
        ++letters;
        if (IsUpper(c)) {
          ++uppers;
          if (first) t.flags |= kCapitalized;
        }
        first = false;
      }
      AppendUtf8(ToLower(FoldPunctuation(c)), &out_.norm);
    }
    if (letters >= 2 && uppers == letters) t.flags |= kAllCaps;
    Finish(t);
    if (sentence_pending_word_) {
      t.flags |= kSentenceStart;
      sentence_pending_word_ = false;
    }
    last_was_terminal_ = false;
  }

  void EmitPunct(size_t begin, size_t end, char32_t c) {
    Token& t = Begin(begin, end, TokenKind::kPunct);
    if (c < 0x80) {
      out_.norm.push_back(static_cast<char>(c));  // ASCII folds to itself
    } else {
      AppendUtf8(FoldPunctuation(c), &out_.norm);
    }
    Finish(t);
    const bool straight = c == '"';
    if (IsOpeningDoubleQuote(c) || (straight && !in_quote_)) {
      t.flags |= kQuoteOpen;
      in_quote_ = true;
      sentence_pending_word_ = true;  // capitalization after an opening quote is no name signal
    } else if (IsClosingDoubleQuote(c) || (straight && in_quote_)) {
      t.flags |= kQuoteClose;
      t.flags &= ~kInQuote;
      in_quote_ = false;
    }
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
      const bool abbreviation = c == '.' && out_.tokens.size() >= 2 &&
                                out_.tokens[out_.tokens.size() - 2].kind == TokenKind::kWord &&
                                IsAbbreviation(out_.Norm(out_.tokens[out_.tokens.size() - 2]));
      last_was_terminal_ = !abbreviation;
    } else if (!(t.flags & kQuoteClose) && c != ')') {
      last_was_terminal_ = false;
    }
  }

  Token& Begin(size_t begin, size_t end, TokenKind kind) {
    const bool paragraph_break =
        out_.tokens.empty() || newlines_ >= 2 || (newlines_ == 1 && last_was_terminal_);
    if (paragraph_break) {
      in_quote_ = false;
      CloseSentence();
    } else if (last_was_terminal_ && space_before_ && kind != TokenKind::kPunct) {
      CloseSentence();
    } else if (last_was_terminal_ && space_before_ && kind == TokenKind::kPunct) {
      // An opening quote or bracket after a full stop starts the next sentence.
      size_t probe = begin;
      const char32_t c = DecodeUtf8(text_, &probe);
      if (IsOpeningDoubleQuote(c) || c == '(' || (c == '"' && !in_quote_)) CloseSentence();
    }
    Token& t = out_.tokens.emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.norm_begin = static_cast<uint32_t>(out_.norm.size());
    t.sentence = static_cast<uint32_t>(out_.sentences.size());
    if (space_before_) t.flags |= kSpaceBefore;
    if (paragraph_break) t.flags |= kParagraphStart;
    if (in_quote_) t.flags |= kInQuote;
    space_before_ = false;
    newlines_ = 0;
    return t;
  }

  void Finish(Token& t) { t.norm_length = static_cast<uint32_t>(out_.norm.size() - t.norm_begin); }

  // Ends the open sentence (if it has tokens) before the token about to be added.
  void CloseSentence() {
    const uint32_t next = static_cast<uint32_t>(out_.tokens.size());
    if (next > sentence_first_) {
      out_.sentences.push_back(Sentence{sentence_first_, next});
      sentence_first_ = next;
    }
    sentence_pending_word_ = true;
    last_was_terminal_ = false;
  }

  absl::string_view text_;
  TokenizedText out_;
  bool space_before_ = false;
  int newlines_ = 0;
  bool in_quote_ = false;
  bool last_was_terminal_ = false;
  bool sentence_pending_word_ = true;
  uint32_t sentence_first_ = 0;
};

}  // namespace

TokenizedText Tokenize(absl::string_view text) { return Tokenizer(text).Run(); }

namespace {

// A thread's word types: its forms in order of first sight.
struct WordTypeTable {
  uint64_t space = NextSpace();
  absl::flat_hash_map<std::string, uint32_t> ids;

  static uint64_t NextSpace() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
};

WordTypeTable& ThisThreadsWordTypes() {
  thread_local WordTypeTable table;
  return table;
}

}  // namespace

void AssignWordTypes(TokenizedText* tokens) {
  WordTypeTable& table = ThisThreadsWordTypes();
  tokens->word_types.assign(tokens->tokens.size(), TokenizedText::kNoWordType);
  for (size_t i = 0; i < tokens->tokens.size(); ++i) {
    if (tokens->tokens[i].kind == TokenKind::kPunct) continue;
    const absl::string_view form = tokens->Norm(i);
    auto it = table.ids.find(form);
    if (it == table.ids.end()) {
      it = table.ids.emplace(std::string(form), static_cast<uint32_t>(table.ids.size())).first;
    }
    tokens->word_types[i] = it->second;
  }
  tokens->word_type_space = table.space;
}

uint64_t CurrentWordTypeSpace() { return ThisThreadsWordTypes().space; }

std::vector<std::string> NormalizedTokens(absl::string_view phrase) {
  // Most phrases are lower-case words and single spaces, which the tokenizer keeps as written:
  // start-up splits thousands of them.
  if (std::all_of(phrase.begin(), phrase.end(),
                  [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; })) {
    return absl::StrSplit(phrase, ' ', absl::SkipEmpty());
  }
  const TokenizedText t = Tokenize(phrase);
  std::vector<std::string> out;
  out.reserve(t.tokens.size());
  for (const Token& tok : t.tokens) out.emplace_back(t.Norm(tok));
  return out;
}

void NormalizeInto(absl::string_view word, std::string* out) {
  size_t pos = 0;
  while (pos < word.size()) {
    AppendUtf8(ToLower(FoldPunctuation(DecodeUtf8(word, &pos))), out);
  }
}

}  // namespace unspin
