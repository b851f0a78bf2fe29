#include "detector/cli/args.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unspin {
namespace {

struct Flags {
  std::string format = "text";
  int jobs = 1;
  double min = 0.0;
  bool quoted = false;
  std::vector<std::string> rules;
};

ArgParser MakeParser(Flags* f) {
  ArgParser parser("unspin test", "[options] PATH...", "Test command.");
  parser.AddString("format", "text|jsonl", "output format", &f->format);
  parser.AddInt("jobs", "N", "threads", &f->jobs);
  parser.AddDouble("min", "X", "minimum", &f->min);
  parser.AddBool("quoted", "show quoted", &f->quoted);
  parser.AddRepeated("rules", "FILE", "packs", &f->rules);
  return parser;
}

TEST(ArgParserTest, ParsesFlagsInEitherSpellingAndPositionals) {
  Flags f;
  ArgParser parser = MakeParser(&f);
  auto positional = parser.Parse({"a.txt", "--format=jsonl", "--jobs", "4", "--quoted", "-",
                                  "--rules=x", "--rules", "y", "--min=0.5", "--", "--not-a-flag"});
  ASSERT_TRUE(positional.ok()) << positional.status();
  EXPECT_EQ(*positional, (std::vector<std::string>{"a.txt", "-", "--not-a-flag"}));
  EXPECT_EQ(f.format, "jsonl");
  EXPECT_EQ(f.jobs, 4);
  EXPECT_TRUE(f.quoted);
  EXPECT_DOUBLE_EQ(f.min, 0.5);
  EXPECT_EQ(f.rules, (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE(parser.help_requested());
}

TEST(ArgParserTest, ClearErrors) {
  const struct {
    std::vector<std::string> args;
    std::string error;
  } cases[] = {
      {{"--frmat=x"}, "unknown option '--frmat' (see unspin test --help)"},
      {{"-f"}, "unknown option '-f' (options are spelled --name; see unspin test --help)"},
      {{"--jobs=many"}, "--jobs expects an integer, got 'many'"},
      {{"--min=abc"}, "--min expects a number, got 'abc'"},
      {{"--quoted=maybe"}, "--quoted expects true or false, got 'maybe'"},
      {{"--format"}, "--format needs a value"},
  };
  for (const auto& c : cases) {
    Flags f;
    ArgParser parser = MakeParser(&f);
    auto result = parser.Parse(c.args);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().message(), c.error);
  }
}

TEST(ArgParserTest, HelpListsEveryFlag) {
  Flags f;
  ArgParser parser = MakeParser(&f);
  ASSERT_TRUE(parser.Parse({"--help"}).ok());
  EXPECT_TRUE(parser.help_requested());
  const std::string help = parser.Help();
  EXPECT_EQ(help.rfind("usage: unspin test [options] PATH...", 0), 0u);
  for (const char* flag :
       {"--format=text|jsonl", "--jobs=N", "--min=X", "--quoted", "--rules=FILE", "--help"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

TEST(ArgParserTest, IsSetTellsGivenFlagsFromDefaults) {
  Flags f;
  ArgParser parser = MakeParser(&f);
  ASSERT_TRUE(parser.Parse({"--format=text", "a.txt", "--quoted"}).ok());
  EXPECT_TRUE(parser.IsSet("format"));  // given, even with its default value
  EXPECT_TRUE(parser.IsSet("quoted"));
  EXPECT_FALSE(parser.IsSet("jobs"));
  ASSERT_TRUE(parser.Parse({"b.txt"}).ok());
  EXPECT_FALSE(parser.IsSet("format"));  // only the last Parse counts
}

}  // namespace
}  // namespace unspin
