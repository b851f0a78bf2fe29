// unspin index: builds and extends the on-disk dedup index that `unspin dedup --against` reads.
// The entry point, RunIndexCommand, is declared in commands.h with the other subcommands.
#ifndef UNSPIN_DETECTOR_CLI_INDEX_COMMAND_H_
#define UNSPIN_DETECTOR_CLI_INDEX_COMMAND_H_

#include "detector/cli/commands.h"

#endif  // UNSPIN_DETECTOR_CLI_INDEX_COMMAND_H_
