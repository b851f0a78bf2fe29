#include "detector/text/extraction.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "detector/text/utf8.h"

namespace unspin {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Longest fragment worth comparing with the phrase list; longer blocks are prose.
constexpr size_t kMaxBoilerplateBytes = 80;

// Page furniture that scraped articles carry as a paragraph of its own, normalized: lower case,
// runs of anything but ASCII letters and digits collapsed to one space.
const absl::flat_hash_set<absl::string_view>& BoilerplatePhrases() {
  static const auto* phrases = new absl::flat_hash_set<absl::string_view>{
      "advertisement",
      "advertisements",
      "advert",
      "ad",
      "ads",
      "sponsored",
      "sponsored content",
      "paid content",
      "paid post",
      "promoted",
      "promoted content",
      "partner content",
      "advertisement scroll to continue with content",
      "scroll to continue",
      "scroll to continue with content",
      "story continues below",
      "story continues below advertisement",
      "article continues below",
      "article continues below advertisement",
      "content continues below",
      "continue reading",
      "continue reading below",
      "continue reading the main story",
      "read more",
      "read more below",
      "read full story",
      "read the full story",
      "related",
      "related articles",
      "related stories",
      "related content",
      "related news",
      "related posts",
      "related coverage",
      "recommended",
      "recommended stories",
      "recommended for you",
      "more stories",
      "more news",
      "you may also like",
      "you might also like",
      "trending",
      "trending now",
      "most popular",
      "most read",
      "share",
      "share this",
      "share this article",
      "share this story",
      "share on facebook",
      "share on twitter",
      "share via email",
      "tweet",
      "email",
      "print",
      "subscribe",
      "subscribe now",
      "subscribe today",
      "sign up",
      "sign up now",
      "sign up for our newsletter",
      "newsletter",
      "log in",
      "sign in",
      "click here",
      "skip to content",
      "skip to main content",
      "skip advertisement",
      "back to top",
      "close",
      "menu",
      "loading",
      "watch",
      "listen",
  };
  return *phrases;
}

}  // namespace

void ExtractionStats::Skip(absl::string_view reason, size_t bytes) {
  SkipCount& count = skipped[std::string(reason)];
  ++count.blocks;
  count.bytes += bytes;
}

void ExtractionStats::Merge(const ExtractionStats& other) {
  for (const auto& [reason, count] : other.skipped) {
    SkipCount& mine = skipped[reason];
    mine.blocks += count.blocks;
    mine.bytes += count.bytes;
  }
}

SkipCount ExtractionStats::Total() const {
  SkipCount total;
  for (const auto& entry : skipped) {
    total.blocks += entry.second.blocks;
    total.bytes += entry.second.bytes;
  }
  return total;
}

std::string ExtractionStats::Summary() const {
  if (skipped.empty()) return "";
  const SkipCount total = Total();
  std::string out = absl::StrCat("skipped ", total.blocks, total.blocks == 1 ? " block" : " blocks",
                                 " (", total.bytes, " bytes):");
  const char* separator = " ";
  for (const auto& [reason, count] : skipped) {
    absl::StrAppend(&out, separator, reason, " ", count.blocks, " (", count.bytes, " bytes)");
    separator = ", ";
  }
  return out;
}

bool IsBoilerplateFragment(absl::string_view block_text) {
  if (block_text.size() > kMaxBoilerplateBytes) return false;
  std::string normalized;
  bool pending_space = false;
  for (char c : block_text) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (pending_space && !normalized.empty()) normalized.push_back(' ');
      pending_space = false;
      normalized.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return false;  // letters of other scripts: not one of these English phrases
    } else {
      pending_space = true;
    }
  }
  return !normalized.empty() && BoilerplatePhrases().contains(normalized);
}

TextBuilder::TextBuilder(absl::string_view source, ExtractionStats* stats,
                         bool drop_boilerplate_blocks)
    : source_(source), stats_(stats), drop_boilerplate_blocks_(drop_boilerplate_blocks) {}

void TextBuilder::StartContent() {
  if (block_has_content_) return;
  block_begin_ = text_.size();
  if (pending_break_) text_.append("\n\n");
  pending_break_ = false;
  block_content_begin_ = text_.size();
  block_segment_begin_ = segments_.size();
  block_has_content_ = true;
}

void TextBuilder::AddSegment(size_t text_length, size_t source_begin, size_t source_length) {
  const bool verbatim = text_length == source_length;
  if (verbatim && !segments_.empty()) {
    SourceSegment& last = segments_.back();
    if (last.text_length == last.source_length &&
        last.text_begin + last.text_length == text_.size() &&
        last.source_begin + last.source_length == source_begin) {
      last.text_length += text_length;
      last.source_length += source_length;
      return;
    }
  }
  segments_.push_back({text_.size(), text_length, source_begin, source_length});
}

void TextBuilder::AppendVerbatim(size_t source_begin, size_t length) {
  if (source_begin > source_.size()) return;
  length = std::min(length, source_.size() - source_begin);
  if (!block_has_content_) {
    while (length > 0 && IsAsciiSpace(source_[source_begin])) {
      ++source_begin;
      --length;
    }
  }
  if (length == 0) return;
  StartContent();
  AddSegment(length, source_begin, length);
  for (char c : source_.substr(source_begin, length)) {
    text_.push_back(IsAsciiSpace(c) ? ' ' : c);
  }
}

void TextBuilder::AppendDecoded(absl::string_view decoded, size_t source_begin,
                                size_t source_length) {
  if (decoded.empty()) return;
  if (!block_has_content_) {
    bool all_space = true;
    for (size_t pos = 0; pos < decoded.size() && all_space;) {
      all_space = IsSpace(DecodeUtf8(decoded, &pos));
    }
    if (all_space) return;
  }
  StartContent();
  // Not merged with neighbours even when the lengths agree: the span is one unit.
  segments_.push_back({text_.size(), decoded.size(), source_begin, source_length});
  text_.append(decoded.data(), decoded.size());
}

void TextBuilder::AppendSeparator(absl::string_view separator) {
  if (!block_has_content_) return;
  // A space after whitespace separates nothing more.
  if (separator == " " && !text_.empty() && (text_.back() == ' ' || text_.back() == '\n')) {
    return;
  }
  text_.append(separator.data(), separator.size());
}

void TextBuilder::TrimTrailingSpaces() {
  while (text_.size() > block_content_begin_ && text_.back() == ' ') {
    if (!segments_.empty()) {
      SourceSegment& last = segments_.back();
      if (last.text_begin + last.text_length == text_.size()) {
        if (last.text_length != last.source_length) return;  // a decoded unit stays whole
        --last.text_length;
        --last.source_length;
        if (last.text_length == 0) segments_.pop_back();
      }
    }
    text_.pop_back();
  }
}

void TextBuilder::EndBlock() {
  if (!block_has_content_) return;
  TrimTrailingSpaces();
  const absl::string_view block = absl::string_view(text_).substr(block_content_begin_);
  if (block.empty() || (drop_boilerplate_blocks_ && IsBoilerplateFragment(block))) {
    if (!block.empty() && stats_ != nullptr) {
      size_t bytes = 0;
      if (segments_.size() > block_segment_begin_) {
        const SourceSegment& first = segments_[block_segment_begin_];
        const SourceSegment& last = segments_.back();
        bytes = last.source_begin + last.source_length - first.source_begin;
      }
      stats_->Skip("boilerplate text", bytes);
    }
    text_.resize(block_begin_);
    segments_.resize(block_segment_begin_);
  }
  block_has_content_ = false;
}

void TextBuilder::BreakBlock() {
  EndBlock();
  pending_break_ = !text_.empty();
}

TextBuilder::Checkpoint TextBuilder::Save() const {
  Checkpoint c;
  c.text_size = text_.size();
  c.segment_count = segments_.size();
  if (!segments_.empty()) c.last_segment = segments_.back();
  c.block_begin = block_begin_;
  c.block_content_begin = block_content_begin_;
  c.block_segment_begin = block_segment_begin_;
  c.block_has_content = block_has_content_;
  c.pending_break = pending_break_;
  return c;
}

void TextBuilder::Restore(const Checkpoint& c) {
  text_.resize(c.text_size);
  segments_.resize(c.segment_count);
  if (!segments_.empty()) segments_.back() = c.last_segment;
  block_begin_ = c.block_begin;
  block_content_begin_ = c.block_content_begin;
  block_segment_begin_ = c.block_segment_begin;
  block_has_content_ = c.block_has_content;
  pending_break_ = c.pending_break;
}

size_t TextBuilder::SourceBytesSince(const Checkpoint& c) const {
  if (segments_.empty()) return 0;
  size_t begin;
  if (c.segment_count > 0 && segments_.size() >= c.segment_count &&
      segments_[c.segment_count - 1].text_length > c.last_segment.text_length) {
    begin = c.last_segment.source_begin + c.last_segment.source_length;  // it was extended
  } else if (segments_.size() > c.segment_count) {
    begin = segments_[c.segment_count].source_begin;
  } else {
    return 0;
  }
  const SourceSegment& last = segments_.back();
  const size_t end = last.source_begin + last.source_length;
  return end > begin ? end - begin : 0;
}

Document TextBuilder::Finish(std::string path, std::string source) {
  EndBlock();
  return Document(std::move(path), std::move(source), std::move(text_), std::move(segments_));
}

}  // namespace unspin
