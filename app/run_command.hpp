// One stratstab command line run in-process, as the CLI would run it, its output captured: what
// `stratstab serve` answers each request with and what the Python module returns. The command tree
// is built afresh for each run and its console points at the run's buffers (console.hpp), so runs
// on different threads do not meet.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "console.hpp"
#include "stratstab/catalog.hpp"

namespace stratstab::app {

/// What a command printed and its exit code.
struct CommandRun {
  int exit_code = 0;
  std::string out;  ///< its stdout (with --json: the JSON)
  std::string err;  ///< its stderr (warnings, notes)
};

/// The command line does not parse (an unknown option, a missing argument): CLI11's message.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Runs `argv` (the words after the program name, e.g. {"assess", "--json"}) on this thread with
/// `catalog`'s data (its copies share one cache of parsed snapshots); progress goes to `progress`
/// (which may throw to stop the run). Throws UsageError, and what the command throws
/// (InputError, NotFoundError, ...).
CommandRun run_command_line(const std::shared_ptr<const DataCatalog>& catalog, const std::vector<std::string>& argv,
                            const ProgressHook& progress = {});

}  // namespace stratstab::app
