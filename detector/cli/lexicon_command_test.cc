#include "detector/cli/lexicon_command.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "detector/cli/commands.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/util/file_io.h"
#include "gtest/gtest.h"

namespace unspin {
namespace {

std::string Tmp(const std::string& name) {
  return std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
}

TEST(LexiconCommandTest, BuildsALexiconFromTextAndJsonl) {
  const std::string a = Tmp("a.txt"), b = Tmp("b.jsonl"), out = Tmp("site.lexicon");
  ASSERT_TRUE(WriteFileAtomically(a, "The spy balloon drifted east. The spy balloon fell.\n").ok());
  ASSERT_TRUE(WriteFileAtomically(b,
                                  "{\"id\": 1, \"text\": \"Another spy balloon appeared.\"}\n"
                                  "{\"id\": 2, \"text\": \"No balloon here.\"}\n")
                  .ok());
  EXPECT_EQ(RunLexiconCommand({"build", a, b, "-o", out}), 0);
  absl::StatusOr<PhraseLexicon> lex = PhraseLexicon::Open(out);
  ASSERT_TRUE(lex.ok()) << lex.status();
  ASSERT_NE(lex->Lookup("spy balloon"), nullptr);
  EXPECT_EQ(lex->Lookup("spy balloon")->corpus_count, 3u);
  EXPECT_EQ(lex->Lookup("balloon drifted"), nullptr);
}

TEST(LexiconCommandTest, UsageAndInputErrorsExitTwoAndWriteNothing) {
  const std::string out = Tmp("never.lexicon");
  const std::string empty = Tmp("empty.txt");
  ASSERT_TRUE(WriteFileAtomically(empty, "").ok());
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"build", "-o", out},
      {"build", Tmp("missing.txt"), "-o", out},
      {"build", empty, "-o", out},
      {"build", empty},
      {"build", "--min-count=0", empty, "-o", out},
      {"build", "--max-words=9", empty, "-o", out},
      {"build", "--no-such-flag", empty, "-o", out},
  };
  for (const auto& args : cases) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_EQ(RunLexiconCommand(args), 2) << joined;
    EXPECT_FALSE(ReadFileToString(out).ok()) << joined << ": wrote a file";
  }
  EXPECT_EQ(RunLexiconCommand({"build", "--help"}), 0);
  EXPECT_EQ(RunLexiconCommand({"--help"}), 0);
}

}  // namespace
}  // namespace unspin
