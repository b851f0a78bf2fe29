#include "detector/cli/config.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "detector/util/file_io.h"

namespace unspin {
namespace {

std::string TempDir(const std::string& name) {
  const std::string dir = absl::StrCat(std::getenv("TEST_TMPDIR"), "/", name);
  mkdir(dir.c_str(), 0755);
  return dir;
}

TEST(ConfigTest, ParsesEverySetting) {
  absl::StatusOr<Config> c = ParseConfig(
      "# a comment\n"
      "fail-on = \"error\"\n"
      "min-confidence = 0.8\n"
      "detectors = [\"rules\"]\n"
      "include = [\"docs/**\"]\n"
      "exclude = [\"vendor/**\", \"CHANGELOG.md\"]\n"
      "\n"
      "[packs]\n"
      "web = false\n"
      "news = true\n"
      "\n"
      "[rules]\n"
      "\"spin.news.said\" = \"off\"\n"
      "\"spin.news.*\" = \"info\"\n"
      "\"spin.*\" = \"warning\"\n",
      "/repo/.unspin.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->dir, "/repo");
  EXPECT_EQ(c->FailOn(), Severity::kError);
  EXPECT_DOUBLE_EQ(c->MinConfidence(), 0.8);
  EXPECT_TRUE(c->DetectorEnabled("rules"));
  EXPECT_FALSE(c->DetectorEnabled("lexicon"));
  EXPECT_FALSE(c->PackEnabled("web"));
  EXPECT_TRUE(c->PackEnabled("news"));
  EXPECT_TRUE(c->PackEnabled("science"));  // not mentioned: on
  EXPECT_EQ(c->pack_lines.at("web"), 9);
  ASSERT_EQ(c->rules.size(), 3u);
  EXPECT_EQ(c->rules[0].line, 13);
  // Exact id beats prefixes; the longer prefix beats the shorter.
  EXPECT_TRUE(c->RuleSettingFor("spin.news.said")->off);
  EXPECT_EQ(c->RuleSettingFor("spin.news.vision")->severity, Severity::kInfo);
  EXPECT_EQ(c->RuleSettingFor("spin.web.x")->severity, Severity::kWarning);
  EXPECT_EQ(c->RuleSettingFor("lexicon.swap"), nullptr);
}

TEST(ConfigTest, DefaultsWhenEmpty) {
  absl::StatusOr<Config> c = ParseConfig("", "/repo/.unspin.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->FailOn(), Severity::kWarning);
  EXPECT_DOUBLE_EQ(c->MinConfidence(), 0.0);
  EXPECT_TRUE(c->DetectorEnabled("rules"));
  EXPECT_TRUE(c->DetectorEnabled("lexicon"));
  EXPECT_TRUE(c->Includes("/repo/anything/at/all.md"));
}

TEST(ConfigTest, BadFilesNameFileAndLine) {
  const struct {
    std::string text;
    std::string error;
  } cases[] = {
      {"fail-on = \"error\"\nfail_on = \"error\"\n",
       "c.toml:2: unknown key 'fail_on' (known: fail-on, min-confidence, detectors, include, "
       "exclude, packs, rules)"},
      {"[packs]\nweb = false\n[output]\nformat = \"sarif\"\n", "c.toml:3: unknown key 'output'"},
      {"fail-on = \"fatal\"\n", "c.toml:1: fail-on must be \"error\", \"warning\" or \"info\""},
      {"fail-on = 2\n", "c.toml:1: fail-on must be"},
      {"\n\nmin-confidence = 1.5\n", "c.toml:3: min-confidence must be a number from 0 to 1"},
      {"min-confidence = \"high\"\n", "c.toml:1: min-confidence must be a number from 0 to 1"},
      {"detectors = \"rules\"\n", "c.toml:1: detectors must be an array of strings"},
      {"detectors = [\"rules\", 3]\n", "c.toml:1: detectors must be an array of strings"},
      {"detectors = [\"rules\", \"magic\"]\n",
       "c.toml:1: detectors: unknown detector \"magic\" (known: rules, lexicon)"},
      {"exclude = [1]\n", "c.toml:1: exclude must be an array of strings"},
      {"packs = true\n", "c.toml:1: packs must be a table ([packs])"},
      {"[packs]\nweb = \"off\"\n", "c.toml:2: packs.web must be true (on) or false (off)"},
      {"[rules]\n\"spin.news.said\" = \"none\"\n",
       "c.toml:2: rules.\"spin.news.said\" must be \"off\", \"error\", \"warning\" or \"info\""},
      {"[rules]\n\"spin.news.said\" = false\n", "c.toml:2: rules.\"spin.news.said\" must be"},
      {"[rules]\n\"spin.*.said\" = \"off\"\n",
       "c.toml:2: rules: \"spin.*.said\" is not a rule id or a prefix ending in '*'"},
      {"fail-on = \"error\n", "c.toml:1:"},  // TOML syntax: unterminated string
      {"a = 1\na = 2\n", "c.toml:2:"},       // TOML syntax: duplicate key
  };
  for (const auto& c : cases) {
    absl::StatusOr<Config> config = ParseConfig(c.text, "c.toml");
    ASSERT_FALSE(config.ok()) << c.text;
    EXPECT_EQ(std::string(config.status().message()).rfind(c.error, 0), 0u) << c.text << "\n"
                                                                            << config.status();
  }
}

TEST(ConfigTest, SyntaxErrorsSayInvalidToml) {
  absl::StatusOr<Config> config = ParseConfig("[rules\n", "c.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("invalid TOML"), absl::string_view::npos)
      << config.status();
}

// Inputs on which toml++ 3.x itself aborts or reaches __builtin_unreachable (found by
// fuzz/config_fuzzer) are errors, while non-ASCII text in strings and comments stays valid.
TEST(ConfigTest, InputsThatBreakTomlPlusPlusAreErrors) {
  for (const char* text :
       {"[{x]]\n", "a = \xc3\xa9\n", "\xef\xbb\xbe", "fail-on = \"error\" \xef\xbb\xbe\n"}) {
    absl::StatusOr<Config> c = ParseConfig(text, "c.toml");
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_NE(c.status().message().find("c.toml:1"), std::string::npos) << c.status();
  }
  absl::StatusOr<Config> c = ParseConfig(
      "# caf\xc3\xa9\ninclude = [\"caf\xc3\xa9/*.md\", 'na\xc3\xafve']\n"
      "exclude = [\"\"\"\n\xc3\xa9\"\"\"\"]\n",
      "c.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->include.size(), 2u);
  EXPECT_EQ(c->exclude.size(), 1u);
  EXPECT_TRUE(ParseConfig("\xef\xbb\xbf"
                          "fail-on = \"error\"\n",
                          "c.toml")
                  .ok());  // BOM
}

TEST(ConfigTest, IncludeAndExcludeAreRelativeToTheConfigFolder) {
  absl::StatusOr<Config> c = ParseConfig(
      "include = [\"docs/**\", \"*.txt\"]\nexclude = [\"docs/drafts/**\", \"NOTES.txt\"]\n",
      "/repo/.unspin.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  const struct {
    const char* path;
    bool included;
  } cases[] = {
      {"/repo/docs/a.md", true},
      {"/repo/docs/deep/b.html", true},
      {"/repo/docs/drafts/c.md", false},
      {"/repo/src/readme.txt", true},  // a pattern without '/' matches the file name
      {"/repo/NOTES.txt", false},
      {"/repo/src/x.md", false},
      {"/elsewhere/docs/a.md", false},  // outside the folder: matched as an absolute path
  };
  for (const auto& k : cases) EXPECT_EQ(c->Includes(k.path), k.included) << k.path;
}

TEST(ConfigTest, ValidateNamesUnknownPacksAndRules) {
  RulePack news;
  news.name = "news";
  Rule rule;
  rule.id = "spin.news.said";
  news.rules.push_back(rule);
  const std::vector<RulePack> packs = {news};
  const struct {
    std::string text;
    std::string error;  // empty: valid
  } cases[] = {
      {"[packs]\nnews = false\n[rules]\n\"spin.news.said\" = \"info\"\n\"spin.*\" = \"off\"\n", ""},
      {"[rules]\n\"lexicon.*\" = \"off\"\n\"unspin.unused-suppression\" = \"error\"\n", ""},
      {"[packs]\nnewz = false\n", "c.toml:2: packs: unknown pack 'newz' (loaded: news)"},
      {"[rules]\n\n\"spin.news.sad\" = \"off\"\n",
       "c.toml:3: rules: \"spin.news.sad\" names no loaded rule"},
      {"[rules]\n\"spin.web.*\" = \"off\"\n",
       "c.toml:2: rules: \"spin.web.*\" names no loaded rule"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<Config> config = ParseConfig(c.text, "c.toml");
    ASSERT_TRUE(config.ok()) << config.status();
    const absl::Status s = config->Validate(packs);
    if (c.error.empty()) {
      EXPECT_TRUE(s.ok()) << c.text << "\n" << s;
    } else {
      EXPECT_EQ(s.message(), c.error) << c.text;
    }
  }
}

TEST(ConfigTest, ToTomlWritesEverySettingAndParsesBack) {
  absl::StatusOr<Config> c = ParseConfig(
      "fail-on = \"info\"\nmin-confidence = 0.25\ndetectors = [\"lexicon\"]\n"
      "exclude = [\"a/**\"]\n[packs]\nweb = false\n[rules]\n\"spin.news.*\" = \"off\"\n",
      "/r/.unspin.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  const std::string toml = c->ToToml({"news", "web"});
  EXPECT_EQ(toml,
            "fail-on = \"info\"\nmin-confidence = 0.25\ndetectors = [\"lexicon\"]\n"
            "include = []\nexclude = [\"a/**\"]\n\n[packs]\nnews = true\nweb = false\n\n"
            "[rules]\n\"spin.news.*\" = \"off\"\n");
  absl::StatusOr<Config> back = ParseConfig(toml, "/r/.unspin.toml");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->ToToml({"news", "web"}), toml);
  EXPECT_EQ(Config().ToToml({}).rfind("fail-on = \"warning\"\nmin-confidence = 0.0\n"
                                      "detectors = [\"rules\", \"lexicon\"]\n",
                                      0),
            0u);
}

TEST(ConfigTest, AbsolutePathResolvesDots) {
  EXPECT_EQ(AbsolutePath("/a/./b/../c//d"), "/a/c/d");
  EXPECT_EQ(AbsolutePath("/"), "/");
  EXPECT_EQ(AbsolutePath("x").front(), '/');
}

TEST(ConfigTest, FinderSearchesUpwardAndCaches) {
  const std::string root = TempDir("finder");
  TempDir("finder/docs");
  TempDir("finder/docs/deep");
  TempDir("finder/other");
  ASSERT_TRUE(WriteFileAtomically(root + "/.unspin.toml", "fail-on = \"error\"\n").ok());
  ASSERT_TRUE(WriteFileAtomically(root + "/docs/.unspin.toml", "fail-on = \"info\"\n").ok());
  ConfigFinder finder;
  absl::StatusOr<const Config*> deep = finder.ForFile(root + "/docs/deep/a.md");
  ASSERT_TRUE(deep.ok()) << deep.status();
  EXPECT_EQ((*deep)->path, root + "/docs/.unspin.toml");
  EXPECT_EQ((*deep)->FailOn(), Severity::kInfo);
  absl::StatusOr<const Config*> other = finder.ForFile(root + "/other/b.md");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)->FailOn(), Severity::kError);
  absl::StatusOr<const Config*> again = finder.ForFile(root + "/docs/c.md");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *deep);  // one Config per file
  EXPECT_EQ(finder.Loaded().size(), 2u);

  ConfigFinder given(root + "/.unspin.toml");
  EXPECT_EQ((*given.ForFile(root + "/docs/deep/a.md"))->FailOn(), Severity::kError);
  ConfigFinder none("", /*disabled=*/true);
  EXPECT_TRUE((*none.ForFile(root + "/docs/deep/a.md"))->path.empty());

  ASSERT_TRUE(WriteFileAtomically(root + "/other/.unspin.toml", "colour = \"red\"\n").ok());
  ConfigFinder broken;
  absl::StatusOr<const Config*> bad = broken.ForFile(root + "/other/b.md");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), root +
                                        "/other/.unspin.toml:1: unknown key 'colour' "
                                        "(known: fail-on, min-confidence, detectors, include, "
                                        "exclude, packs, rules)");
  ConfigFinder missing(root + "/nope.toml");
  EXPECT_FALSE(missing.ForFile(root + "/a.md").ok());
}

}  // namespace
}  // namespace unspin
