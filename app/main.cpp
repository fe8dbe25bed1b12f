// The stratstab command. Parses the command line (CLI11), runs one command, and turns library
// errors into messages on stderr and documented exit codes; the library itself never exits.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command_calc.hpp"
#include "command_data.hpp"
#include "command_wta.hpp"
#include "exit_codes.hpp"
#include "stratstab/error.hpp"
#include "stratstab/version.hpp"

int main(int argc, char** argv) {
  using namespace stratstab;
  CLI::App app{"stratstab: open workbench for nuclear strategic-stability analysis", "stratstab"};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  app::GlobalOptions global;
  app.add_option("--data-dir", global.data_dir,
                 "Bundled data directory (default: $STRATSTAB_DATA_DIR or the built-in one)");
  std::function<int()> run;
  app::add_data_commands(app, global, run);
  app::add_assess_command(app, global, run);
  app::add_treaty_commands(app, global, run);
  app::add_upload_command(app, global, run);
  app::add_compare_command(app, global, run);
  app::add_sensitivity_command(app, global, run);
  app::add_sweep_command(app, global, run);
  app::add_docs_commands(app, run);
  app::add_calc_commands(app, run);
  app::add_wta_command(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
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
