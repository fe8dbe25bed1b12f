#include "run_command.hpp"

#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"

namespace stratstab::app {

CommandRun run_command_line(const std::shared_ptr<const DataCatalog>& catalog, const std::vector<std::string>& argv,
                            const ProgressHook& progress) {
  std::ostringstream out;
  std::ostringstream err;
  const Console console{&out, &err, progress};
  const ConsoleScope scope(console);
  CLI::App app{"stratstab", "stratstab"};
  GlobalOptions global;
  global.data_dir = catalog->dir();
  global.catalog = catalog;
  describe_app(app, global);
  std::function<int()> run;
  add_commands(app, global, run);
  std::vector<std::string> reversed(argv.rbegin(), argv.rend());  // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    throw UsageError(fmt::format("{}: {}", fmt::join(argv, " "), e.what()));
  }
  if (!run) throw UsageError(fmt::format("{}: no command", fmt::join(argv, " ")));
  const int code = run();
  return CommandRun{code, out.str(), err.str()};
}

}  // namespace stratstab::app
