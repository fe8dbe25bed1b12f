#include "commands.hpp"

#include <string>

#include "command_calc.hpp"
#include "command_wta.hpp"
#include "stratstab/version.hpp"

namespace stratstab::app {

void describe_app(CLI::App& app, GlobalOptions& global) {
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  app.add_option("--data-dir", global.data_dir,
                 "Bundled data directory (default: $STRATSTAB_DATA_DIR or the built-in one)");
}

void add_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  add_data_commands(app, global, run);
  add_assess_command(app, global, run);
  add_treaty_commands(app, global, run);
  add_upload_command(app, global, run);
  add_compare_command(app, global, run);
  add_sensitivity_command(app, global, run);
  add_sweep_command(app, global, run);
  add_uncertainty_command(app, global, run);
  add_pathways_command(app, global, run);
  add_verify_command(app, global, run);
  add_crisis_command(app, global, run);
  add_arms_race_command(app, global, run);
  add_docs_commands(app, run);
  add_calc_commands(app, run);
  add_wta_command(app, run);
}

}  // namespace stratstab::app
