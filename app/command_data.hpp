// `stratstab data ...` and `stratstab docs ...` subcommands.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>

namespace stratstab::app {

/// Options shared by every command.
struct GlobalOptions {
  std::filesystem::path data_dir;  ///< empty: DataCatalog::default_data_dir()
};

/// Registers the subcommands on `app`; `run` is set to the chosen command's action.
void add_data_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run);
void add_docs_commands(CLI::App& app, std::function<int()>& run);

}  // namespace stratstab::app
