// unspin index build|add|info: the persistent dedup index.
#include "detector/cli/index_command.h"

#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detector/cli/common.h"
#include "detector/cli/dedup_command.h"
#include "detector/dedup/index.h"

namespace unspin {
namespace {

constexpr char kUsage[] =
    "usage: unspin index build CORPUS... -o INDEX\n"
    "       unspin index add INDEX CORPUS...\n"
    "       unspin index info INDEX\n\n"
    "Builds, extends and describes the on-disk index `unspin dedup --against=INDEX` reads.\n"
    "CORPUS is a .jsonl/.ndjson corpus or a plain-text file. `add` rewrites the index with the\n"
    "new documents appended and replaces it atomically. Run `unspin index build --help` for\n"
    "options.\n";

std::vector<dedup::IndexEntry> ToEntries(std::vector<dedup::CorpusDocument> docs) {
  std::vector<dedup::IndexEntry> entries;
  entries.reserve(docs.size());
  for (dedup::CorpusDocument& d : docs) {
    entries.push_back({std::move(d.id), std::move(d.fingerprint), d.spin_score});
  }
  return entries;
}

int Build(const std::string& sub, std::vector<std::string> args) {
  // Accept the conventional "-o INDEX" as well as "--out=INDEX".
  for (std::string& a : args) {
    if (a == "-o") a = "--out";
  }
  const bool add = sub == "add";
  ArgParser parser(absl::StrCat("unspin index ", sub),
                   add ? "[options] INDEX CORPUS..." : "[options] CORPUS... -o INDEX",
                   add ? "Appends documents to an index (rewritten atomically)."
                       : "Builds a dedup index from corpora and files.");
  CorpusFlags corpus;
  std::string out;
  AddCorpusFlags(&parser, &corpus);
  if (!add) parser.AddString("out", "INDEX", "index file to write (also -o)", &out);
  absl::StatusOr<std::vector<std::string>> paths = parser.Parse(args);
  const std::string name = absl::StrCat("index ", sub);
  if (parser.help_requested()) {
    std::cout << parser.Help();
    return 0;
  }
  if (!paths.ok()) {
    PrintError(name, paths.status().message());
    return 2;
  }
  if (add) {
    if (paths->size() < 2) {
      PrintError(name, "needs an INDEX and at least one CORPUS");
      return 2;
    }
    out = paths->front();
    paths->erase(paths->begin());
  } else if (out.empty() || paths->empty()) {
    PrintError(name, "needs at least one CORPUS and -o INDEX");
    return 2;
  }
  absl::StatusOr<DedupSetup> setup = MakeDedupSetup(corpus, name);
  if (!setup.ok()) {
    PrintError(name, setup.status().message());
    return 2;
  }
  std::unique_ptr<dedup::DedupIndex> base;
  if (add) {
    absl::StatusOr<std::unique_ptr<dedup::DedupIndex>> opened =
        dedup::DedupIndex::Open(out, setup->params);
    if (!opened.ok()) {
      PrintError(name, opened.status().message());
      return 2;
    }
    base = std::move(*opened);
  }
  absl::StatusOr<std::vector<dedup::CorpusDocument>> docs =
      dedup::FingerprintCorpus(*paths, *setup->canonicalizer, setup->pipeline);
  FinishProgress();
  if (!docs.ok()) {
    PrintError(name, docs.status().message());
    return 2;
  }
  const size_t added = docs->size();
  absl::Status s = dedup::WriteIndex(out, setup->params, base.get(), ToEntries(std::move(*docs)));
  if (!s.ok()) {
    PrintError(name, s.message());
    return 2;
  }
  std::cerr << "unspin " << name << ": " << out << ": " << (base ? base->size() : 0) + added
            << " documents (" << added << " added)\n";
  return 0;
}

int Info(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0] == "--help") {
    std::cerr << kUsage;
    return args.size() == 1 ? 0 : 2;
  }
  absl::StatusOr<DedupSetup> setup =
      MakeDedupSetup(CorpusFlags{"text", "id", 1, true, false, ""}, "index info");
  if (!setup.ok()) {
    PrintError("index info", setup.status().message());
    return 2;
  }
  absl::StatusOr<std::unique_ptr<dedup::DedupIndex>> index =
      dedup::DedupIndex::Open(args[0], setup->params);
  if (!index.ok()) {
    PrintError("index info", index.status().message());
    return 2;
  }
  std::cout << args[0] << ": unspin dedup index, format version " << dedup::kIndexVersion << ", "
            << (*index)->size() << " documents, " << (*index)->num_bands()
            << " band entries, checksum ok\n";
  return 0;
}

}  // namespace

int RunIndexCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "build" || sub == "add") return Build(sub, std::move(rest));
  if (sub == "info") return Info(rest);
  PrintError("index", absl::StrCat("unknown subcommand '", sub, "'\n\n", kUsage));
  return 2;
}

}  // namespace unspin
