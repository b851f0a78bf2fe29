#include "detector/cli/lexicon_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "detector/cli/commands.h"
#include "detector/cli/common.h"
#include "detector/lexicon/phrase_lexicon.h"
#include "detector/text/tokenizer.h"

namespace unspin {
namespace {

constexpr char kUsage[] =
    "usage: unspin lexicon build [options] CORPUS... -o FILE\n\n"
    "Learns the frequent multiword phrases of your own clean corpus into a phrase lexicon;\n"
    "`unspin check --lexicon=FILE` then treats them as canonical. CORPUS is a text, HTML,\n"
    "Markdown or JSON Lines file (or - for standard input). Run `unspin lexicon build --help`\n"
    "for options.\n";

int RunBuild(std::vector<std::string> args) {
  for (std::string& a : args) {
    if (a == "-o") a = "--out";  // the conventional short form
  }
  ArgParser parser("unspin lexicon build", "[options] CORPUS... -o FILE",
                   "Learns a corpus phrase lexicon: runs of 2..max-words words that recur in "
                   "several documents, not starting or ending with a function word.");
  InputFlags input;
  AddInputFlags(&parser, &input);
  CorpusPhraseOptions options;
  std::string out;
  parser.AddString("out", "FILE", "lexicon file to write (also -o)", &out);
  parser.AddInt("min-count", "N", "fewest occurrences of a phrase (default 3)", &options.min_count);
  parser.AddInt("min-docs", "N", "fewest documents it must occur in (default 2)",
                &options.min_documents);
  parser.AddInt("max-words", "N", "longest phrase in words, 2..8 (default 4)", &options.max_words);
  parser.AddBool("keep-function-words",
                 "also keep phrases that start or end with a function word (\"in a position to\")",
                 &options.keep_function_word_edges);
  parser.AddBool("skip-quotes", "ignore text inside quotations", &options.skip_quotes);
  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  if (parser.help_requested()) {
    std::cout << parser.Help();
    return 0;
  }
  if (!paths.ok()) {
    PrintError("lexicon build", paths.status().message());
    return 2;
  }
  if (paths->empty() || out.empty()) {
    PrintError("lexicon build", "needs at least one CORPUS and -o FILE");
    return 2;
  }
  if (options.min_count < 1 || options.min_documents < 1 || options.max_words < 2 ||
      options.max_words > 8) {
    PrintError("lexicon build", "--min-count and --min-docs must be >= 1, --max-words 2..8");
    return 2;
  }
  absl::StatusOr<InputOptions> input_options = input.ToOptions();
  if (!input_options.ok()) {
    PrintError("lexicon build", input_options.status().message());
    return 2;
  }
  absl::StatusOr<LexiconBuildResult> result =
      BuildCorpusLexicon(*paths, *input_options, options, out);
  if (!result.ok()) {
    PrintError("lexicon build", result.status().message());
    return 2;
  }
  std::cerr << absl::StrFormat(
      "unspin lexicon build: %d phrases from %d documents (%d words) -> %s\n", result->phrases,
      result->stats.documents, result->stats.words, out);
  if (result->stats.pruned > 0) {
    std::cerr << absl::StrFormat(
        "unspin lexicon build: %d rare candidates dropped to bound memory; counts of phrases "
        "first seen late may be low\n",
        result->stats.pruned);
  }
  return 0;
}

}  // namespace

absl::StatusOr<LexiconBuildResult> BuildCorpusLexicon(const std::vector<std::string>& paths,
                                                      const InputOptions& input,
                                                      const CorpusPhraseOptions& options,
                                                      const std::string& out) {
  CorpusPhraseLearner learner(options);
  for (const std::string& path : paths) {
    absl::StatusOr<std::vector<Document>> docs = ReadDocuments(path, input, nullptr);
    if (!docs.ok()) return docs.status();
    for (const Document& doc : *docs) learner.AddDocument(Tokenize(doc.text()));
  }
  PhraseLexiconBuilder builder;
  LexiconBuildResult result;
  result.phrases = learner.AddTo(&builder);
  result.stats = learner.stats();
  std::string description = "corpus lexicon learned by unspin lexicon build from:";
  for (const std::string& path : paths) absl::StrAppend(&description, " ", path);
  absl::Status written = builder.WriteTo(out, description);
  if (!written.ok()) return written;
  return result;
}

int RunLexiconCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "build") return RunBuild(std::vector<std::string>(args.begin() + 1, args.end()));
  PrintError("lexicon", absl::StrCat("unknown subcommand '", args[0], "'\n\n", kUsage));
  return 2;
}

}  // namespace unspin
