// unspin: finds spun and garbled text, restores it, and finds duplicate articles.
// Each subcommand lives in its own NAME_command.{h,cc}; this file only dispatches.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "detector/cli/commands.h"
#include "detector/util/huge_page_heap.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

// Keep in the order `unspin --help` should list them.
constexpr Command kCommands[] = {
    {"check", "report spun phrases (text, jsonl, ...)", unspin::RunCheckCommand},
    {"fix", "print or write the restored text", unspin::RunFixCommand},
    {"config", "show the configuration (.unspin.toml) that applies", unspin::RunConfigCommand},
    {"dedup", "find exact, near and spun duplicate articles", unspin::RunDedupCommand},
    {"index", "build or extend an on-disk dedup index", unspin::RunIndexCommand},
    {"lexicon", "learn a phrase lexicon from your own corpus", unspin::RunLexiconCommand},
};

void PrintUsage(std::ostream& out) {
  out << "usage: unspin COMMAND [options] [args]\n\n"
         "Finds text run through article spinners, restores it, and finds duplicate articles.\n\n"
         "commands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n`unspin COMMAND --help` describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Before anything allocates much: a third of a small check's time was page faults on the heap
  // (detector/util/huge_page_heap.h). Without huge pages the heap works as before.
  unspin::BackHeapWithHugePages().IgnoreError();
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  std::cerr << "unspin: unknown command '" << name << "'\n\n";
  PrintUsage(std::cerr);
  return 2;
}
