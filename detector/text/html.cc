#include "detector/text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace unspin {
namespace {

// Gumbo's defaults record every parse error with a copy of the open-element stack, which for
// deeply misnested markup costs memory quadratic in the depth (3 GB for 20000 unclosed <b>).
// Nothing here reads the errors, so none are recorded.
const GumboOptions& ParserOptions() {
  static const GumboOptions options = [] {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    return o;
  }();
  return options;
}

// Elements whose end tag may be left out or that have none: they never nest deeply.
bool NeverNestsDeeply(absl::string_view name) {
  static const auto* names = new absl::flat_hash_set<absl::string_view>{
      "p",     "li",     "dt",    "dd",       "tr",     "td",   "th",   "option", "optgroup",
      "thead", "tbody",  "tfoot", "colgroup", "rb",     "rt",   "rp",   "rtc",    "br",
      "img",   "hr",     "input", "meta",     "link",   "area", "base", "col",    "embed",
      "param", "source", "track", "wbr",      "keygen", "html", "head", "body",
  };
  return names->contains(name);
}

// Inline elements that the parser nests without expensive scope checks.
bool IsPhrasing(absl::string_view name) {
  static const auto* names = new absl::flat_hash_set<absl::string_view>{
      "a",    "abbr",   "b",      "bdi", "bdo",  "big",  "cite", "code", "data", "dfn",
      "em",   "font",   "i",      "kbd", "mark", "nobr", "q",    "s",    "samp", "small",
      "span", "strike", "strong", "sub", "sup",  "time", "tt",   "u",    "var",
  };
  return names->contains(name);
}

// Offset of the end tag "</name" (any case) at or after `from`, or the end of `html`.
size_t FindEndTag(absl::string_view html, absl::string_view name, size_t from) {
  for (size_t i = html.find("</", from); i != absl::string_view::npos; i = html.find("</", i + 2)) {
    if (absl::EqualsIgnoreCase(html.substr(i + 2, name.size()), name)) return i;
  }
  return html.size();
}

}  // namespace

size_t EstimateNestingDepth(absl::string_view html) {
  // Open elements per tag name; a stray end tag of another name closes nothing. Depth is
  // counted in quarters: phrasing elements nest cheaply, the parser's slow scope checks are
  // triggered by blocks.
  absl::flat_hash_map<std::string, size_t> open;
  size_t quarters = 0;
  size_t max_quarters = 0;
  std::string name;
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == absl::string_view::npos || lt + 1 >= html.size()) break;
    i = lt + 1;
    if (html.substr(lt, 4) == "<!--") {
      const size_t end = html.find("-->", lt + 4);
      i = end == absl::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = html[i] == '/';
    if (closing) ++i;
    name.clear();
    while (i < html.size() && (absl::ascii_isalnum(static_cast<unsigned char>(html[i])) ||
                               html[i] == '-' || html[i] == ':')) {
      name.push_back(absl::ascii_tolower(static_cast<unsigned char>(html[i])));
      ++i;
    }
    if (name.empty() || NeverNestsDeeply(name)) continue;
    const size_t weight = IsPhrasing(name) ? 1 : 4;
    const size_t gt = html.find('>', i);
    const bool self_closing = gt != absl::string_view::npos && gt > 0 && html[gt - 1] == '/';
    if (closing) {
      auto it = open.find(name);
      if (it != open.end() && it->second > 0) {
        --it->second;
        quarters -= weight;
      }
    } else if (!self_closing) {
      ++open[name];
      quarters += weight;
      max_quarters = std::max(max_quarters, quarters);
      if (name == "script" || name == "style" || name == "textarea" || name == "title" ||
          name == "xmp") {
        i = FindEndTag(html, name, i);  // raw text: "<div>" inside a script is not markup
      }
    }
  }
  return max_quarters / 4;
}

namespace {

// Elements whose start and end are paragraph breaks in the extracted text. Everything else
// that is walked (a, em, span, b, i, sup, ...) is inline and transparent.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_MULTICOL:
    case GUMBO_TAG_UNKNOWN:  // custom elements are mostly widgets and cards
      return true;
    default:
      return false;
  }
}

// Elements that never hold prose, whatever the options: the reason they are skipped, or null.
const char* StructuralSkipReason(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
      return "script";
    case GUMBO_TAG_STYLE:
      return "style";
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return "noscript";
    case GUMBO_TAG_TEMPLATE:
      return "template";
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_LISTING:
      return "code";
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_MENUITEM:
      return "form control";
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MARQUEE:
      return "embedded content";
    default:
      return nullptr;
  }
}

absl::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a == nullptr ? absl::string_view() : absl::string_view(a->value);
}

bool HasAttribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

// Words in class and id names that mark a widget around the article rather than the article.
bool IsWidgetWord(absl::string_view word) {
  static const auto* words = new absl::flat_hash_set<absl::string_view>{
      "ad",          "ads",       "advert", "adverts",    "advertisement", "advertisements",
      "advertising", "sponsored", "promo",  "newsletter", "share",         "sharing",
      "social",      "paywall",   "adslot", "adunit",     "dfp",
  };
  return words->contains(word);
}

// True when a class or id names a widget: "ad-slot", "social-share", "newsletter_signup".
// State classes ("has-share-bar", "no-ads") describe the element's content, not itself.
bool NamesWidget(absl::string_view names) {
  for (absl::string_view name : absl::StrSplit(names, ' ', absl::SkipEmpty())) {
    const std::string lower = absl::AsciiStrToLower(name);
    if (absl::StartsWith(lower, "has") || absl::StartsWith(lower, "no-") ||
        absl::StartsWith(lower, "no_") || absl::StartsWith(lower, "with") ||
        absl::StartsWith(lower, "is-")) {
      continue;
    }
    for (absl::string_view word :
         absl::StrSplit(lower, absl::ByAnyChar("-_:"), absl::SkipEmpty())) {
      if (IsWidgetWord(word)) return true;
    }
  }
  return false;
}

// Page furniture, skipped when HtmlOptions::skip_boilerplate is set: the reason, or null.
const char* BoilerplateSkipReason(const GumboElement& element, bool in_article) {
  switch (element.tag) {
    case GUMBO_TAG_NAV:
      return "nav";
    case GUMBO_TAG_ASIDE:
      return "aside";
    case GUMBO_TAG_FOOTER:
      return "footer";
    case GUMBO_TAG_HEADER:
      if (!in_article) return "header";
      break;
    default:
      break;
  }
  if (HasAttribute(element, "hidden")) return "hidden";
  if (absl::EqualsIgnoreCase(Attribute(element, "aria-hidden"), "true")) return "hidden";
  const absl::string_view style = Attribute(element, "style");
  if (!style.empty()) {
    std::string compact;
    for (char c : style) {
      if (!absl::ascii_isspace(static_cast<unsigned char>(c))) {
        compact.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
    }
    if (absl::StrContains(compact, "display:none") ||
        absl::StrContains(compact, "visibility:hidden")) {
      return "hidden";
    }
  }
  const std::string role = absl::AsciiStrToLower(Attribute(element, "role"));
  if (role == "navigation" || role == "menu" || role == "menubar") return "nav";
  if (role == "banner") return "header";
  if (role == "contentinfo") return "footer";
  if (role == "complementary") return "aside";
  if (role == "search") return "search";
  // The page's own containers can carry any class ("single-post share-enabled").
  switch (element.tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
      return nullptr;
    default:
      break;
  }
  if (NamesWidget(Attribute(element, "class")) || NamesWidget(Attribute(element, "id"))) {
    return "ad or share widget";
  }
  return nullptr;
}

// Source bytes an element spans, start tag to end tag (approximate for implied end tags).
size_t ElementBytes(const GumboElement& e) {
  if (e.original_tag.length == 0) return 0;
  const size_t begin = e.start_pos.offset;
  const size_t end = e.end_pos.offset + e.original_end_tag.length;
  return end > begin ? end - begin : e.original_tag.length;
}

void AppendBodyText(const GumboNode* node, std::string* out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out->append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
      node->type != GUMBO_NODE_TEMPLATE) {
    return;
  }
  const GumboVector& children =
      node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    AppendBodyText(static_cast<const GumboNode*>(children.data[i]), out);
  }
}

bool IsAsciiAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// The longest text a character reference could span at the start of `text`: "&#x" hex digits,
// "&#" decimal digits or "&" name characters, then an optional ';'.
size_t CandidateReferenceLength(absl::string_view text) {
  constexpr size_t kMaxLength = 40;  // the longest entity name is 31 characters
  size_t n = 1;
  if (n < text.size() && text[n] == '#') {
    ++n;
    const bool hex = n < text.size() && (text[n] == 'x' || text[n] == 'X');
    if (hex) ++n;
    while (n < text.size() && n < kMaxLength &&
           (hex ? absl::ascii_isxdigit(static_cast<unsigned char>(text[n]))
                : absl::ascii_isdigit(static_cast<unsigned char>(text[n])))) {
      ++n;
    }
  } else {
    while (n < text.size() && n < kMaxLength && IsAsciiAlnum(text[n])) ++n;
  }
  if (n < text.size() && text[n] == ';') ++n;
  return n;
}

class ProseExtractor {
 public:
  ProseExtractor(absl::string_view html, const HtmlOptions& options, TextBuilder* builder,
                 ExtractionStats* stats)
      : html_(html), options_(options), builder_(builder), stats_(stats) {}

  void Run() {
    GumboOutput* output = gumbo_parse_with_options(&ParserOptions(), html_.data(), html_.size());
    if (output == nullptr) return;
    Walk(output->document);
    builder_->BreakBlock();
    gumbo_destroy_output(&ParserOptions(), output);
  }

 private:
  struct Frame {
    const GumboNode* node;
    bool in_article;
    bool leaving;  // second visit: the element's children are done
  };

  void Skip(const char* reason, size_t bytes) {
    if (stats_ != nullptr) stats_->Skip(reason, bytes);
  }

  // Iterative so that absurdly deep markup cannot overflow the stack.
  void Walk(const GumboNode* root) {
    std::vector<Frame> stack;
    stack.push_back({root, false, false});
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const GumboNode* node = frame.node;
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
          EmitText(node->v.text);
          break;
        case GUMBO_NODE_DOCUMENT:
          PushChildren(node->v.document.children, frame.in_article, &stack);
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& element = node->v.element;
          if (frame.leaving) {
            if (IsBlock(element.tag)) builder_->BreakBlock();
            break;
          }
          if (!Enter(element, frame.in_article)) {
            // Skipped content still separates what surrounds it: "a<code>x</code>b" is not "ab".
            if (IsBlock(element.tag)) {
              builder_->BreakBlock();
            } else {
              builder_->AppendSeparator(" ");
            }
            break;
          }
          if (IsBlock(element.tag)) builder_->BreakBlock();
          stack.push_back({node, frame.in_article, true});
          const bool in_article = frame.in_article || element.tag == GUMBO_TAG_ARTICLE ||
                                  element.tag == GUMBO_TAG_MAIN ||
                                  Attribute(element, "role") == "main";
          PushChildren(element.children, in_article, &stack);
          break;
        }
        default:  // comments, CDATA (only in foreign content, which is skipped)
          break;
      }
    }
  }

  static void PushChildren(const GumboVector& children, bool in_article,
                           std::vector<Frame>* stack) {
    for (unsigned i = children.length; i > 0; --i) {
      stack->push_back({static_cast<const GumboNode*>(children.data[i - 1]), in_article, false});
    }
  }

  // Decides whether to walk into `element`; records skipped ones.
  bool Enter(const GumboElement& element, bool in_article) {
    if (element.tag == GUMBO_TAG_HEAD) {
      // Metadata, not page content: not counted as skipped prose. Only the title is wanted.
      if (options_.include_title) {
        for (unsigned i = 0; i < element.children.length; ++i) {
          const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
          if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_TITLE) {
            builder_->BreakBlock();
            for (unsigned j = 0; j < child->v.element.children.length; ++j) {
              const auto* text = static_cast<const GumboNode*>(child->v.element.children.data[j]);
              if (text->type == GUMBO_NODE_TEXT) EmitText(text->v.text);
            }
            builder_->BreakBlock();
          }
        }
      }
      return false;
    }
    if (element.tag == GUMBO_TAG_TITLE) return options_.include_title;  // a title in the body
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) {
      Skip("embedded content", ElementBytes(element));
      return false;
    }
    if (const char* reason = StructuralSkipReason(element.tag)) {
      Skip(reason, ElementBytes(element));
      return false;
    }
    if (options_.skip_boilerplate) {
      if (const char* reason = BoilerplateSkipReason(element, in_article)) {
        Skip(reason, ElementBytes(element));
        return false;
      }
    }
    return true;
  }

  // Appends a text node from its source bytes, decoding character references. Markup inside
  // the node's source span (a stray end tag the parser dropped) is left out.
  void EmitText(const GumboText& text) {
    if (text.original_text.data == nullptr || text.original_text.length == 0) return;
    if (text.original_text.data < html_.data() ||
        text.original_text.data + text.original_text.length > html_.data() + html_.size()) {
      return;
    }
    const size_t begin = static_cast<size_t>(text.original_text.data - html_.data());
    const size_t end = begin + text.original_text.length;
    // The parser moved this text before something it had already emitted (foster parenting):
    // keep the two apart so no sentence runs across the jump.
    if (begin < last_source_end_) {
      builder_->BreakBlock();
    } else if (GapHoldsText(last_source_end_, begin)) {
      // Text between the two nodes stayed elsewhere in the tree (a misnested table): it still
      // separates them.
      builder_->AppendSeparator(" ");
    }
    last_source_end_ = end;
    size_t run = begin;
    size_t i = begin;
    while (i < end) {
      const char c = html_[i];
      if (c == '&') {
        const CharacterReference& ref = decoder_.Decode(html_.substr(i, end - i));
        if (ref.length > 0) {
          builder_->AppendVerbatim(run, i - run);
          builder_->AppendDecoded(ref.decoded, i, ref.length);
          i += ref.length;
          run = i;
          continue;
        }
      } else if (c == '<' && i + 1 < end &&
                 (absl::ascii_isalpha(static_cast<unsigned char>(html_[i + 1])) ||
                  html_[i + 1] == '/' || html_[i + 1] == '!' || html_[i + 1] == '?')) {
        builder_->AppendVerbatim(run, i - run);
        const bool comment = html_.substr(i, 4) == "<!--";
        const size_t close = comment ? html_.find("-->", i + 4) : html_.find('>', i + 1);
        i = close == absl::string_view::npos || close >= end ? end : close + (comment ? 3 : 1);
        run = i;
        continue;
      }
      ++i;
    }
    builder_->AppendVerbatim(run, end - run);
  }

  // True when html_[begin, end) holds anything besides tags. Between two consecutive text
  // nodes that is text the tree put somewhere else.
  bool GapHoldsText(size_t begin, size_t end) const {
    constexpr size_t kMaxScan = 4096;  // markup runs are short; a longer gap separates anyway
    if (begin >= end || last_source_end_ == 0) return false;
    if (end - begin > kMaxScan) return true;
    bool in_tag = false;
    for (size_t i = begin; i < end; ++i) {
      const char c = html_[i];
      if (in_tag) {
        in_tag = c != '>';
      } else if (c == '<') {
        in_tag = true;
      } else {
        return true;
      }
    }
    return false;
  }

  absl::string_view html_;
  const HtmlOptions& options_;
  TextBuilder* builder_;
  ExtractionStats* stats_;
  CharacterReferenceDecoder decoder_;
  size_t last_source_end_ = 0;
};

}  // namespace

const CharacterReference& CharacterReferenceDecoder::Decode(absl::string_view text) {
  static const CharacterReference kNone;
  if (text.empty() || text[0] != '&') return kNone;
  const size_t n = CandidateReferenceLength(text);
  if (n < 3) return kNone;  // "&", "&;", "&#": never a reference
  const absl::string_view candidate = text.substr(0, n);
  auto [it, inserted] = cache_.try_emplace(std::string(candidate));
  if (!inserted) return it->second;
  CharacterReference& ref = it->second;
  // Let the parser decode the candidate: it knows the entity table and the legacy rules. A
  // leading letter puts the reference in body text (the parser drops leading whitespace).
  // Its output is the decoded part followed by the part of the candidate it did not consume.
  const std::string probe = absl::StrCat("x", candidate);
  GumboOutput* output = gumbo_parse_with_options(&ParserOptions(), probe.data(), probe.size());
  if (output == nullptr) return ref;
  std::string parsed;
  AppendBodyText(output->document, &parsed);
  gumbo_destroy_output(&ParserOptions(), output);
  if (parsed.empty() || parsed[0] != 'x') return ref;
  const absl::string_view out = absl::string_view(parsed).substr(1);
  // The longest tail of the candidate the output ends with is the unconsumed part; at least
  // "&" plus one character is consumed and at least one byte is produced.
  for (size_t tail = std::min(n - 2, out.size() > 0 ? out.size() - 1 : 0);; --tail) {
    if (out.size() >= tail + 1 && absl::EndsWith(out, candidate.substr(n - tail))) {
      const absl::string_view decoded = out.substr(0, out.size() - tail);
      const absl::string_view consumed = candidate.substr(0, n - tail);
      if (decoded != consumed) {
        ref.length = consumed.size();
        ref.decoded = std::string(decoded);
      }
      break;
    }
    if (tail == 0) break;
  }
  return ref;
}

absl::Status ExtractHtmlProse(absl::string_view html, const HtmlOptions& options,
                              TextBuilder* builder, ExtractionStats* stats) {
  // Parsing time grows with the square of the nesting depth; real pages stay far below this.
  if (const size_t depth = EstimateNestingDepth(html); depth > kMaxHtmlNestingDepth) {
    return absl::InvalidArgumentError(absl::StrCat("HTML nested ", depth,
                                                   " elements deep (more than ",
                                                   kMaxHtmlNestingDepth, "); not parsed"));
  }
  ProseExtractor(html, options, builder, stats).Run();
  return absl::OkStatus();
}

absl::StatusOr<Document> DocumentFromHtml(std::string path, std::string bytes,
                                          const HtmlOptions& options, ExtractionStats* stats) {
  if (absl::Status s = CheckTextBytes(bytes); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
  }
  TextBuilder builder(bytes, stats, options.skip_boilerplate);
  if (absl::Status s = ExtractHtmlProse(bytes, options, &builder, stats); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat(path, ": ", s.message()));
  }
  return builder.Finish(std::move(path), std::move(bytes));
}

}  // namespace unspin
