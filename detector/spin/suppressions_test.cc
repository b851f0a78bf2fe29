#include "detector/spin/suppressions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_join.h"

namespace unspin {
namespace {

// A finding of `rule` on the `nth` (0-based) occurrence of `phrase` in the source.
struct Planted {
  std::string rule;
  std::string phrase;
  int nth = 0;
};

struct Outcome {
  std::vector<std::string> kept;    // "rule@phrase" of the findings left
  std::vector<std::string> unused;  // "message | source slice" per unused directive
  size_t suppressed = 0;
};

Outcome RunSuppressions(InputFormat format, const std::string& source,
                        const std::vector<Planted>& planted) {
  Document document("doc", source);
  std::vector<Finding> findings;
  for (const Planted& p : planted) {
    size_t pos = source.find(p.phrase);
    for (int i = 0; i < p.nth && pos != std::string::npos; ++i) {
      pos = source.find(p.phrase, pos + 1);
    }
    EXPECT_NE(pos, std::string::npos) << p.phrase;
    Finding f;
    f.source_begin = f.text_begin = pos;
    f.source_end = f.text_end = pos + p.phrase.size();
    f.rule_id = p.rule;
    findings.push_back(f);
  }
  const SuppressionOutcome result = ApplySuppressions(document, format, &findings);
  Outcome out;
  out.suppressed = result.suppressed;
  for (const Finding& f : findings) {
    out.kept.push_back(f.rule_id + "@" +
                       source.substr(f.source_begin, f.source_end - f.source_begin));
  }
  for (const Finding& f : result.unused) {
    EXPECT_EQ(f.rule_id, kUnusedSuppressionRule);
    EXPECT_EQ(f.severity, Severity::kWarning);
    EXPECT_TRUE(f.replacement.empty());
    EXPECT_EQ(f.text_begin, f.text_end);
    out.unused.push_back(f.message + " | " +
                         source.substr(f.source_begin, f.source_end - f.source_begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SuppressionsTest, DirectivesSilenceTheirReachOnly) {
  const struct {
    const char* name;
    InputFormat format;
    std::string source;
    std::vector<Planted> planted;
    Strings kept;
    Strings unused;
  } cases[] = {
      {"disable/enable range",
       InputFormat::kMarkdown,
       "closing yr one\n<!-- unspin-disable spin.e2e.yr -->\nclosing yr two\n"
       "<!-- unspin-enable spin.e2e.yr -->\nclosing yr three\n",
       {{"spin.e2e.yr", "closing yr", 0},
        {"spin.e2e.yr", "closing yr", 1},
        {"spin.e2e.yr", "closing yr", 2}},
       {"spin.e2e.yr@closing yr", "spin.e2e.yr@closing yr"},
       {}},
      {"disable without enable reaches the end; other rules stay",
       InputFormat::kHtml,
       "<p>a</p><!-- unspin-disable spin.e2e.yr --><p>closing yr and mentioned</p>",
       {{"spin.e2e.yr", "closing yr"}, {"spin.e2e.said", "mentioned"}},
       {"spin.e2e.said@mentioned"},
       {}},
      {"disable of every rule, enable of every rule",
       InputFormat::kHtml,
       "<!-- unspin-disable --><p>closing yr mentioned</p><!-- unspin-enable --><p>closing yr</p>",
       {{"spin.e2e.yr", "closing yr", 0},
        {"spin.e2e.said", "mentioned"},
        {"spin.e2e.yr", "closing yr", 1}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"next line only",
       InputFormat::kMarkdown,
       "<!-- unspin-disable-next-line spin.e2e.yr -->\nsales fell closing yr\nclosing yr again\n",
       {{"spin.e2e.yr", "closing yr", 0}, {"spin.e2e.yr", "closing yr", 1}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"next line, wrong rule: kept and reported",
       InputFormat::kMarkdown,
       "<!-- unspin-disable-next-line spin.e2e.via -->\nsales fell closing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {"unused suppression: unspin-disable-next-line silences no \"spin.e2e.via\" finding on "
        "the next line | <!-- unspin-disable-next-line spin.e2e.via -->"}},
      {"prefix patterns, several per directive",
       InputFormat::kMarkdown,
       "<!-- unspin-disable-next-line spin.e2e.*, lexicon.* -->\nclosing yr and countries\n",
       {{"spin.e2e.yr", "closing yr"}, {"lexicon.swap", "countries"}},
       {},
       {}},
      {"partly used directive names only its unused rules",
       InputFormat::kMarkdown,
       "<!-- unspin-disable-next-line spin.e2e.yr spin.e2e.via -->\nclosing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {},
       {"unused suppression: unspin-disable-next-line silences no \"spin.e2e.via\" finding on "
        "the next line | <!-- unspin-disable-next-line spin.e2e.yr spin.e2e.via -->"}},
      {"a range with nothing in it",
       InputFormat::kMarkdown,
       "<!-- unspin-disable -->\nclean prose\n<!-- unspin-enable -->\nclosing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {"unused suppression: unspin-disable silences no finding in its range | "
        "<!-- unspin-disable -->"}},
      {"enable without a disable",
       InputFormat::kHtml,
       "<p>closing yr</p><!-- unspin-enable spin.e2e.yr -->",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {"unused suppression: unspin-enable \"spin.e2e.yr\" ends no open unspin-disable | "
        "<!-- unspin-enable spin.e2e.yr -->"}},
      {"markdown code is an example, not a directive",
       InputFormat::kMarkdown,
       "```html\n<!-- unspin-disable -->\n```\n\nUse `<!-- unspin-disable-next-line x.y -->`.\n"
       "closing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"markdown front matter is not a directive",
       InputFormat::kMarkdown,
       "---\nnote: <!-- unspin-disable -->\n---\nclosing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"html script text is not a directive",
       InputFormat::kHtml,
       "<script>var s = '<!-- unspin-disable -->';</script><p>closing yr</p>",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"comments that are not directives",
       InputFormat::kHtml,
       "<!-- unspin-disabled --><!-- a note --><p>closing yr</p>",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"plain text marker silences its line",
       InputFormat::kText,
       "sales fell closing yr (unspin: ignore spin.e2e.yr)\nand closing yr again\n",
       {{"spin.e2e.yr", "closing yr", 0}, {"spin.e2e.yr", "closing yr", 1}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"plain text marker without rules silences every rule on its line",
       InputFormat::kText,
       "mentioned closing yr. unspin: ignore\n",
       {{"spin.e2e.said", "mentioned"}, {"spin.e2e.yr", "closing yr"}},
       {},
       {}},
      {"plain text marker: the rule list ends at the first word that is not a rule",
       InputFormat::kText,
       "unspin: ignore spin.e2e.yr because it is a quote: closing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {},
       {}},
      {"plain text marker at the end of a sentence",
       InputFormat::kText,
       "sales fell closing yr. unspin: ignore spin.e2e.via.\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {"unused suppression: unspin: ignore silences no \"spin.e2e.via\" finding on its line | "
        "unspin: ignore spin.e2e.via"}},
      {"comment directives mean nothing in plain text",
       InputFormat::kText,
       "<!-- unspin-disable -->\nclosing yr\n",
       {{"spin.e2e.yr", "closing yr"}},
       {"spin.e2e.yr@closing yr"},
       {}},
      {"a JSON Lines record carries its marker in its text",
       InputFormat::kJsonl,
       "{\"id\": 1, \"text\": \"closing yr (unspin: ignore spin.e2e.yr)\"}",
       {{"spin.e2e.yr", "closing yr"}},
       {},
       {}},
  };
  for (const auto& c : cases) {
    const Outcome out = RunSuppressions(c.format, c.source, c.planted);
    EXPECT_EQ(out.kept, c.kept) << c.name;
    EXPECT_EQ(out.unused, c.unused) << c.name;
    EXPECT_EQ(out.suppressed, c.planted.size() - c.kept.size()) << c.name;
  }
}

// Many directives and findings in one document: every finding silenced, none unused. Matching
// is one sweep and reporting visits each directive's own reaches: a pass over every reach per
// finding or per directive (100k x 100k) took half a minute here.
TEST(SuppressionsTest, ManyDirectivesAndFindings) {
  std::string source;
  std::vector<Finding> findings;
  for (int i = 0; i < 100000; ++i) {
    source += "<!-- unspin-disable-next-line spin.e2e.yr --> `a`\nsales fell closing yr\n";
    Finding f;
    f.source_begin = source.size() - 11;
    f.source_end = source.size() - 1;
    f.rule_id = "spin.e2e.yr";
    findings.push_back(f);
  }
  const Document document("doc", source);
  const SuppressionOutcome outcome = ApplySuppressions(document, InputFormat::kMarkdown, &findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(outcome.suppressed, 100000u);
  EXPECT_TRUE(outcome.unused.empty());
}

TEST(SuppressionsTest, PatternMatching) {
  EXPECT_TRUE(SuppressionPatternMatches("", "spin.news.x"));
  EXPECT_TRUE(SuppressionPatternMatches("*", "spin.news.x"));
  EXPECT_TRUE(SuppressionPatternMatches("spin.news.*", "spin.news.x"));
  EXPECT_FALSE(SuppressionPatternMatches("spin.news.*", "spin.web.x"));
  EXPECT_TRUE(SuppressionPatternMatches("spin.news.x", "spin.news.x"));
  EXPECT_FALSE(SuppressionPatternMatches("spin.news.x", "spin.news.xy"));
}

}  // namespace
}  // namespace unspin
