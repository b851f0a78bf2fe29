#include "detector/text/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "detector/text/html.h"

namespace unspin {
namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The line starting at `pos` without its line ending; `*next` receives the next line's start.
absl::string_view LineAt(absl::string_view text, size_t pos, size_t* next) {
  const size_t newline = text.find('\n', pos);
  const size_t end = newline == absl::string_view::npos ? text.size() : newline;
  *next = newline == absl::string_view::npos ? text.size() : newline + 1;
  return absl::StripTrailingAsciiWhitespace(text.substr(pos, end - pos));
}

// One piece of an HTML block as md4c hands it over: a line of the source, or a line break that
// md4c supplies itself (and that stands for the source's line end and container markers).
struct HtmlPiece {
  size_t joined_begin;  // offset in the joined block
  size_t source_begin;  // offset in the source, or npos for a supplied line break
  size_t length;
};

class MarkdownExtractor {
 public:
  MarkdownExtractor(absl::string_view source, const MarkdownOptions& options, TextBuilder* builder,
                    ExtractionStats* stats)
      : source_(source), options_(options), builder_(builder), stats_(stats) {
    html_options_.skip_boilerplate = options.skip_boilerplate;
  }

  // Parses source[begin, end). Returns md4c's result (0 on success).
  int Run(size_t begin) {
    MD_PARSER parser = {};
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = &EnterBlock;
    parser.leave_block = &LeaveBlock;
    parser.enter_span = &EnterSpan;
    parser.leave_span = &LeaveSpan;
    parser.text = &Text;
    const int result = md_parse(source_.data() + begin,
                                static_cast<MD_SIZE>(source_.size() - begin), &parser, this);
    builder_->BreakBlock();
    return result;
  }

 private:
  struct OpenLink {
    TextBuilder::Checkpoint checkpoint;
    std::string href;
  };

  static int EnterBlock(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<MarkdownExtractor*>(self)->OnEnterBlock(type, detail);
  }
  static int LeaveBlock(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<MarkdownExtractor*>(self)->OnLeaveBlock(type, detail);
  }
  static int EnterSpan(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<MarkdownExtractor*>(self)->OnEnterSpan(type, detail);
  }
  static int LeaveSpan(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<MarkdownExtractor*>(self)->OnLeaveSpan(type, detail);
  }
  static int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return static_cast<MarkdownExtractor*>(self)->OnText(type, text, size);
  }

  void Skip(absl::string_view reason, size_t bytes) {
    if (stats_ != nullptr) stats_->Skip(reason, bytes);
  }

  bool InSource(const MD_CHAR* text, MD_SIZE size) const {
    return text >= source_.data() && text + size <= source_.data() + source_.size();
  }

  int OnEnterBlock(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_CODE:
        builder_->BreakBlock();
        in_code_block_ = true;
        skipped_bytes_ = 0;
        break;
      case MD_BLOCK_HTML:
        builder_->BreakBlock();
        in_html_block_ = true;
        html_block_.clear();
        html_pieces_.clear();
        break;
      default:  // paragraphs, headings, lists, items, quotes, tables, rows, cells, rules
        builder_->BreakBlock();
        break;
    }
    return 0;
  }

  int OnLeaveBlock(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_CODE:
        in_code_block_ = false;
        Skip("code block", skipped_bytes_);
        break;
      case MD_BLOCK_HTML:
        in_html_block_ = false;
        FlushHtmlBlock();
        break;
      default:
        builder_->BreakBlock();
        break;
    }
    return 0;
  }

  int OnEnterSpan(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_CODE:
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
      case MD_SPAN_IMG:
        if (skip_depth_++ == 0) {
          skipped_bytes_ = 0;
          // Skipped content still separates what surrounds it: "a`x`b" is not "ab".
          builder_->AppendSeparator(" ");
        }
        break;
      case MD_SPAN_A: {
        const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
        links_.push_back({builder_->Save(), std::string(a->href.text, a->href.size)});
        break;
      }
      default:  // emphasis, strong, strikethrough, underline, wiki links: transparent
        break;
    }
    return 0;
  }

  int OnLeaveSpan(MD_SPANTYPE type, void*) {
    switch (type) {
      case MD_SPAN_CODE:
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
      case MD_SPAN_IMG:
        if (--skip_depth_ == 0) {
          Skip(type == MD_SPAN_CODE  ? "inline code"
               : type == MD_SPAN_IMG ? "image alt text"
                                     : "math",
               skipped_bytes_);
        }
        break;
      case MD_SPAN_A:
        if (!links_.empty()) {
          CloseLink(links_.back());
          links_.pop_back();
        }
        break;
      default:
        break;
    }
    return 0;
  }

  // A link whose text is its own destination (<https://...>, a bare URL or e-mail address) is
  // an address, not prose: its text is taken back out.
  void CloseLink(const OpenLink& link) {
    const absl::string_view added = absl::StripAsciiWhitespace(
        absl::string_view(builder_->text()).substr(link.checkpoint.text_size));
    if (added.empty()) return;
    const std::string& href = link.href;
    const bool is_address = href == added || href == absl::StrCat("mailto:", added) ||
                            href == absl::StrCat("http://", added) ||
                            href == absl::StrCat("https://", added);
    if (!is_address) return;
    Skip("url", builder_->SourceBytesSince(link.checkpoint));
    builder_->Restore(link.checkpoint);
    builder_->AppendSeparator(" ");
  }

  int OnText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    const bool in_source = InSource(text, size);
    if (in_html_block_) {
      html_pieces_.push_back(
          {html_block_.size(),
           in_source ? static_cast<size_t>(text - source_.data()) : absl::string_view::npos, size});
      html_block_.append(text, size);
      return 0;
    }
    if (in_code_block_ || skip_depth_ > 0) {
      skipped_bytes_ += size;
      return 0;
    }
    switch (type) {
      case MD_TEXT_NORMAL:
        if (in_source) {
          AppendNormal(static_cast<size_t>(text - source_.data()), size);
        } else {
          builder_->AppendSeparator(absl::string_view(text, size));
        }
        break;
      case MD_TEXT_ENTITY:
        if (in_source) {
          const size_t offset = static_cast<size_t>(text - source_.data());
          const CharacterReference& ref = decoder_.Decode(absl::string_view(text, size));
          if (ref.length == size) {
            builder_->AppendDecoded(ref.decoded, offset, size);
          } else {  // CommonMark knows only complete, known entities; the rest is literal
            AppendNormal(offset, size);
          }
          last_source_end_ = offset + size;
        }
        break;
      case MD_TEXT_BR:
        builder_->AppendSeparator("\n");
        break;
      case MD_TEXT_SOFTBR:
        builder_->AppendSeparator(" ");
        break;
      default:  // inline HTML tags, NUL characters (rejected earlier as binary)
        break;
    }
    return 0;
  }

  // Appends source text, mapping a leading backslash escape ("\*" shown as "*") to both bytes.
  void AppendNormal(size_t offset, size_t size) {
    if (size > 0 && offset > 0 && source_[offset - 1] == '\\' && offset - 1 >= last_source_end_ &&
        absl::ascii_ispunct(static_cast<unsigned char>(source_[offset]))) {
      builder_->AppendDecoded(source_.substr(offset, 1), offset - 1, 2);
      ++offset;
      --size;
    }
    builder_->AppendVerbatim(offset, size);
    last_source_end_ = offset + size;
  }

  // Runs the HTML extractor on the joined lines of an HTML block and replays its text here,
  // translating offsets in the joined block back to the source.
  void FlushHtmlBlock() {
    if (!options_.include_html_blocks) {
      Skip("html block", html_block_.size());
      return;
    }
    TextBuilder html(html_block_, stats_, options_.skip_boilerplate);
    if (!ExtractHtmlProse(html_block_, html_options_, &html, stats_).ok()) {
      Skip("html block nested too deeply", html_block_.size());
      return;
    }
    const std::string& text = html.text();
    builder_->BreakBlock();
    size_t pos = 0;
    for (const SourceSegment& s : html.segments()) {
      if (s.text_begin > pos) Separator(absl::string_view(text).substr(pos, s.text_begin - pos));
      if (s.text_length == s.source_length) {
        ReplayVerbatim(s.source_begin, s.source_length);
      } else {
        const HtmlPiece* piece = PieceAt(s.source_begin);
        if (piece != nullptr && piece->source_begin != absl::string_view::npos &&
            s.source_begin + s.source_length <= piece->joined_begin + piece->length) {
          builder_->AppendDecoded(absl::string_view(text).substr(s.text_begin, s.text_length),
                                  piece->source_begin + (s.source_begin - piece->joined_begin),
                                  s.source_length);
        }
      }
      pos = s.text_begin + s.text_length;
    }
    builder_->BreakBlock();
    last_source_end_ = 0;
  }

  void Separator(absl::string_view gap) {
    if (absl::StrContains(gap, "\n\n")) {
      builder_->BreakBlock();
    } else {
      builder_->AppendSeparator(gap);
    }
  }

  const HtmlPiece* PieceAt(size_t joined_offset) const {
    auto it =
        std::upper_bound(html_pieces_.begin(), html_pieces_.end(), joined_offset,
                         [](size_t offset, const HtmlPiece& p) { return offset < p.joined_begin; });
    return it == html_pieces_.begin() ? nullptr : &*(it - 1);
  }

  // Appends joined[begin, begin + length), piece by piece.
  void ReplayVerbatim(size_t begin, size_t length) {
    const size_t end = begin + length;
    while (begin < end) {
      const HtmlPiece* piece = PieceAt(begin);
      if (piece == nullptr) return;
      const size_t piece_end = piece->joined_begin + piece->length;
      const size_t n = std::min(end, piece_end) - begin;
      if (n == 0) return;
      if (piece->source_begin == absl::string_view::npos) {
        builder_->AppendSeparator(" ");  // a line break md4c supplied
      } else {
        builder_->AppendVerbatim(piece->source_begin + (begin - piece->joined_begin), n);
      }
      begin += n;
    }
  }

  absl::string_view source_;
  const MarkdownOptions& options_;
  HtmlOptions html_options_;
  TextBuilder* builder_;
  ExtractionStats* stats_;
  CharacterReferenceDecoder decoder_;
  bool in_code_block_ = false;
  bool in_html_block_ = false;
  int skip_depth_ = 0;        // inside inline code, math or an image
  size_t skipped_bytes_ = 0;  // text bytes of the code block or span being skipped
  size_t last_source_end_ = 0;
  std::vector<OpenLink> links_;
  std::string html_block_;
  std::vector<HtmlPiece> html_pieces_;
};

}  // namespace

size_t FrontMatterLength(absl::string_view markdown) {
  size_t pos = absl::StartsWith(markdown, kByteOrderMark) ? kByteOrderMark.size() : 0;
  size_t next = 0;
  const absl::string_view first = LineAt(markdown, pos, &next);
  if (first != "---" && first != "+++") return 0;
  if (next >= markdown.size()) return 0;
  for (pos = next; pos < markdown.size(); pos = next) {
    const absl::string_view line = LineAt(markdown, pos, &next);
    if (line == first || (first == "---" && line == "...")) return next;
  }
  return 0;
}

absl::StatusOr<Document> DocumentFromMarkdown(std::string path, std::string bytes,
                                              const MarkdownOptions& options,
                                              ExtractionStats* stats) {
  if (absl::Status s = CheckTextBytes(bytes); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
  }
  size_t begin = FrontMatterLength(bytes);
  if (begin > 0) {
    if (stats != nullptr) stats->Skip("front matter", begin);
  } else if (absl::StartsWith(bytes, kByteOrderMark)) {
    begin = kByteOrderMark.size();
  }
  TextBuilder builder(bytes, stats, options.skip_boilerplate);
  MarkdownExtractor extractor(bytes, options, &builder, stats);
  if (extractor.Run(begin) != 0) {
    return absl::InternalError(absl::StrCat(path, ": the Markdown parser failed"));
  }
  return builder.Finish(std::move(path), std::move(bytes));
}

}  // namespace unspin
