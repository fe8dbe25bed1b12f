// The stratstab command. Parses the command line (CLI11), runs one command, and turns library
// errors into messages on stderr and documented exit codes; the library itself never exits.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "stratstab/closest_word.hpp"
#include "stratstab/error.hpp"

namespace {

/// A word on the command line where a command of `level` (or of a command under it that takes
/// commands) is expected, that names none.
struct UnknownCommand {
  std::string word;
  std::vector<std::string> commands;  ///< the commands that level has
};

/// Walks the arguments down the command tree: options are skipped (with their value when they take
/// one), known command words descend; the first other word where a command is expected is unknown.
/// Commands that take their own positional arguments end the walk.
std::optional<UnknownCommand> unknown_command(CLI::App& app, int argc, char** argv) {
  CLI::App* level = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") return std::nullopt;
    if (arg.size() > 1 && arg.front() == '-') {
      const CLI::Option* option = level->get_option_no_throw(arg);
      if (option != nullptr && option->get_items_expected_min() > 0) ++i;
      continue;
    }
    // Option groups (`add_option_group`) are unnamed subcommands in CLI11: not commands a word can name.
    const std::vector<CLI::App*> subcommands =
        level->get_subcommands([](CLI::App* sub) { return !sub->get_name().empty(); });
    if (subcommands.empty()) return std::nullopt;
    UnknownCommand unknown{arg, {}};
    CLI::App* next = nullptr;
    for (CLI::App* sub : subcommands) {
      unknown.commands.push_back(sub->get_name());
      if (sub->check_name(arg)) next = sub;
    }
    if (next == nullptr) return unknown;
    level = next;
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace stratstab;
  CLI::App app{"stratstab: open workbench for nuclear strategic-stability analysis", "stratstab"};
  app::GlobalOptions global;
  app::describe_app(app, global);
  std::function<int()> run;
  app::add_commands(app, global, run);
  app::add_serve_command(app, global, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) {
      if (const std::optional<UnknownCommand> unknown = unknown_command(app, argc, argv)) {
        const std::optional<std::string> near = closest_word(unknown->word, unknown->commands, 3);
        std::cerr << fmt::format("stratstab: unknown command '{}'{}; commands: {}\n", unknown->word,
                                 near ? fmt::format("; did you mean '{}'?", *near) : "",
                                 fmt::join(unknown->commands, ", "));
        return app::kExitUsage;
      }
    }
    const int code = app.exit(e);
    return code == 0 ? app::kExitOk : app::kExitUsage;
  }
  try {
    return run ? run() : app::kExitUsage;
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) std::cerr << format_diagnostic(d) << '\n';
    std::cerr << fmt::format("stratstab: {} problem{} in the input; nothing was run\n", e.diagnostics().size(),
                             e.diagnostics().size() == 1 ? "" : "s");
    return app::kExitInput;
  } catch (const NotFoundError& e) {
    std::cerr << "stratstab: error: " << e.what() << '\n';
    return app::kExitInput;
  } catch (const std::exception& e) {
    std::cerr << "stratstab: internal error (please report): " << e.what() << '\n';
    return app::kExitInternal;
  }
}
