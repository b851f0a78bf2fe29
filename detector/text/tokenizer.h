// Splits prose into tokens with byte offsets, normalized forms, quotation regions and sentences.
//
//   unspin::TokenizedText t = unspin::Tokenize(doc.text());
//   for (const unspin::Token& tok : t.tokens) {
//     absl::string_view word = t.Norm(tok);   // "imaginative" (case and apostrophes folded)
//     if (tok.in_quote()) ...                  // inside “quoted speech”
//   }
//
// Words keep internal apostrophes ("don't") except a possessive 's, which becomes its own token
// so "China's" matches phrases about "China". Hyphens, dashes and other punctuation are tokens
// of their own. Numbers keep internal separators ("1,000.5").
#ifndef UNSPIN_DETECTOR_TEXT_TOKENIZER_H_
#define UNSPIN_DETECTOR_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace unspin {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// Bits of Token::flags.
enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,     // first letter upper case ("Putin", "The")
  kAllCaps = 1 << 1,         // two or more letters, all upper case ("NATO")
  kInQuote = 1 << 2,         // inside a double-quoted region
  kSentenceStart = 1 << 3,   // first word-or-number token of a sentence
  kSpaceBefore = 1 << 4,     // whitespace directly before the token
  kParagraphStart = 1 << 5,  // first token after a paragraph break (or of the text)
  kQuoteOpen = 1 << 6,       // this punctuation token opens a quotation
  kQuoteClose = 1 << 7,      // this punctuation token closes a quotation
};

struct Token {
  uint32_t begin = 0;       // byte offset into the text
  uint32_t end = 0;         // byte offset one past the token
  uint32_t norm_begin = 0;  // offset of the normalized form in TokenizedText::norm
  uint32_t norm_length = 0;
  uint32_t sentence = 0;  // index into TokenizedText::sentences
  TokenKind kind = TokenKind::kPunct;
  uint16_t flags = 0;

  bool is_word() const { return kind == TokenKind::kWord; }
  bool in_quote() const { return flags & kInQuote; }
  bool capitalized() const { return flags & kCapitalized; }
  bool sentence_start() const { return flags & kSentenceStart; }
};

// A sentence as a half-open range of token indices.
struct Sentence {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Normalized forms of all tokens, back to back: lower case, apostrophes, quotes and hyphens
  // folded to ASCII. Tokens point into it, so tokenizing allocates per text, not per token.
  std::string norm;

  // Word types (AssignWordTypes; empty until then): an id per word and number token for its
  // normalized form, kNoWordType for punctuation. The same form has the same id in every text
  // numbered on the same thread, so a detector's per-thread caches can index by it instead of
  // hashing the form once per detector.
  std::vector<uint32_t> word_types;
  // The numbering word_types uses: CurrentWordTypeSpace() of the thread that assigned them (0:
  // none). A detector on another thread must not use them.
  uint64_t word_type_space = 0;

  absl::string_view Norm(const Token& t) const {
    return absl::string_view(norm).substr(t.norm_begin, t.norm_length);
  }
  absl::string_view Norm(size_t i) const { return Norm(tokens[i]); }
  // The word type of token i for a caller on this thread, or kNoWordType (punctuation, or
  // types numbered elsewhere).
  uint32_t WordTypeFor(size_t i, uint64_t space) const {
    return space == word_type_space && i < word_types.size() ? word_types[i] : kNoWordType;
  }

  static constexpr uint32_t kNoWordType = ~uint32_t{0};
};

// Numbers the word and number tokens of `tokens` by their normalized form (see
// TokenizedText::word_types), in this thread's numbering. Types are dense from 0 per thread, and
// the thread keeps its forms until it exits.
void AssignWordTypes(TokenizedText* tokens);

// This thread's numbering of word types (never 0).
uint64_t CurrentWordTypeSpace();

// Tokenizes valid UTF-8 `text`. Malformed bytes, if any, become punctuation tokens.
TokenizedText Tokenize(absl::string_view text);

// The normalized forms of the tokens of `phrase`, as Tokenize would produce them from running
// text: "U.S. Army" gives "u", ".", "s", ".", "army". Rule packs and swap tables are written as
// phrases.
std::vector<std::string> NormalizedTokens(absl::string_view phrase);

// Appends the normalized form of `word` (as Tokenize would produce) to `out`.
void NormalizeInto(absl::string_view word, std::string* out);

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_TOKENIZER_H_
