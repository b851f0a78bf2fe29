// Prose from HTML pages, with every byte of the extracted text mapped back to the HTML source.
//
//   unspin::ExtractionStats stats;
//   absl::StatusOr<unspin::Document> doc =
//       unspin::DocumentFromHtml("page.html", std::move(bytes), unspin::HtmlOptions(), &stats);
//   if (!doc.ok()) return doc.status();          // binary data, invalid UTF-8
//   doc->text();                                 // "Headline\n\nFirst paragraph ..."
//   unspin::SourceRange r = doc->ToSource(b, e); // bytes of the HTML source
//   std::cerr << stats.Summary();                // "skipped 4 blocks (912 bytes): nav 1 ..."
//
// What counts as prose (gumbo, an HTML5 parser, builds the tree):
// - Text of the body. Block elements (p, div, li, h1-h6, td, blockquote, br, ...) and unknown
//   (custom) elements end a paragraph: the text gets "\n\n" between them. Inline elements (a,
//   em, strong, span, ...) are transparent, so a sentence split across <em> stays one sentence.
// - Never prose: script, style, noscript, template, head metadata, form controls (button,
//   input, select, textarea, label), embedded content (iframe, object, svg, math, canvas, video,
//   audio) and code (pre, code, kbd, samp). A <form> itself is walked: ASP.NET pages wrap the
//   whole page in one.
// - Page furniture, skipped unless HtmlOptions::skip_boilerplate is false: nav, aside, footer,
//   a header outside article/main (inside them it holds the headline), ARIA landmarks with the
//   same roles, hidden elements (hidden, aria-hidden="true", display:none), elements whose class
//   or id names an ad, share or newsletter widget, and paragraphs that are only a fragment like
//   "- Advertisement -" (see IsBoilerplateFragment).
// - Figure captions (figcaption) are prose: spinners rewrite them with the article.
// - The <title> and meta descriptions are left out by default: they repeat the headline and
//   lede, and fixing them means editing the head. HtmlOptions::include_title adds the title.
// - img alt text is left out: it is not shown as prose.
//
// Offsets: text keeps source bytes verbatim (whitespace characters become ' ' byte for byte);
// a character reference ("&amp;", "&#8217;", legacy "&copy") maps to its whole source span;
// separators between blocks map to no bytes. Markup the parser dropped inside a run of text (a
// stray "</span>") is left out of the text. Where the parser moves text (table foster
// parenting), a paragraph break is inserted so no sentence spans the jump.
#ifndef UNSPIN_DETECTOR_TEXT_HTML_H_
#define UNSPIN_DETECTOR_TEXT_HTML_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "detector/text/document.h"
#include "detector/text/extraction.h"

namespace unspin {

struct HtmlOptions {
  // Skip page furniture (nav, aside, footer, page header, ARIA landmarks, hidden elements, ad
  // and share widgets by class/id, boilerplate fragments). Off keeps only the structural skips
  // (script, style, code, form controls, ...), for pages that are all article.
  bool skip_boilerplate = true;
  // Extract the <title> as the first paragraph. Off by default: it repeats the headline.
  bool include_title = false;
};

// Parses `bytes` as an HTML document and extracts its prose. Fails on bytes that are not text
// (binary data, invalid UTF-8) and on absurd nesting (see kMaxHtmlNestingDepth); malformed
// HTML is otherwise parsed the way browsers parse it.
// `stats` (may be null) receives what was skipped.
absl::StatusOr<Document> DocumentFromHtml(std::string path, std::string bytes,
                                          const HtmlOptions& options, ExtractionStats* stats);

// Appends the prose of `html` (already checked to be text) to `builder`, whose source must be
// `html` itself. For formats that embed HTML (Markdown HTML blocks). Fails, appending nothing,
// when the markup nests deeper than kMaxHtmlNestingDepth.
absl::Status ExtractHtmlProse(absl::string_view html, const HtmlOptions& options,
                              TextBuilder* builder, ExtractionStats* stats);

// HTML5 parsing time grows with the square of the element nesting depth (50000 nested <div>s
// take 9 s, 50000 <b>s 2 s), so markup nested deeper than this (see EstimateNestingDepth) is
// refused rather than parsed. Real pages nest a few dozen levels.
inline constexpr size_t kMaxHtmlNestingDepth = 10000;

// A fast estimate of the nesting depth of `html` from its tags alone, as the parser's cost
// sees it: elements with optional or no end tags do not count, phrasing elements (b, span,
// font, ...; the parser nests them cheaply) count a quarter, raw text and comments are skipped.
size_t EstimateNestingDepth(absl::string_view html);

// A character reference at the start of some text and what it decodes to.
struct CharacterReference {
  size_t length = 0;    // source bytes it spans; 0 when the text starts with no reference
  std::string decoded;  // UTF-8
};

// Decodes HTML character references exactly as the HTML parser does in text content (the
// parser's own entity table, legacy references without ';', numeric references with the
// Windows-1252 fix-ups), caching each distinct reference. One decoder per document.
class CharacterReferenceDecoder {
 public:
  // `text` starts with '&' and ends where the reference must end (the end of the text run).
  const CharacterReference& Decode(absl::string_view text);

 private:
  absl::flat_hash_map<std::string, CharacterReference> cache_;
};

}  // namespace unspin

#endif  // UNSPIN_DETECTOR_TEXT_HTML_H_
