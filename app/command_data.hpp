// `stratstab data ...` and `stratstab docs ...` subcommands.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <memory>

#include "stratstab/catalog.hpp"

namespace stratstab::app {

/// Options shared by every command.
struct GlobalOptions {
  std::filesystem::path data_dir;  ///< empty: DataCatalog::default_data_dir()
  /// `stratstab serve`: one catalogue for every request, whose copies share its cache of parsed
  /// snapshots (each is read once per server); empty on the command line.
  std::shared_ptr<const DataCatalog> catalog;
};

/// The data catalogue the options point at (--data-dir, else the default).
DataCatalog open_catalog(const GlobalOptions& global);

/// Registers the subcommands on `app`; `run` is set to the chosen command's action.
void add_data_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_docs_commands(CLI::App& app, std::function<int()>& run);
void add_assess_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_treaty_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_upload_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_compare_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_sensitivity_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_sweep_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_pathways_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_verify_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_crisis_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_arms_race_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_uncertainty_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);

}  // namespace stratstab::app
