#include "command_data.hpp"
#include "console.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <utility>

#include "exit_codes.hpp"
#include "stratstab/audit.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/json.hpp"
#include "stratstab/report.hpp"
#include "stratstab/schema.hpp"

namespace stratstab::app {
DataCatalog open_catalog(const GlobalOptions& global) {
  if (global.catalog) return *global.catalog;
  return DataCatalog(global.data_dir.empty() ? DataCatalog::default_data_dir() : global.data_dir);
}

namespace {

/// Loads every bundled snapshot; throws one InputError with the problems of all files.
std::vector<ForceSnapshot> load_all(const DataCatalog& catalog) {
  std::vector<ForceSnapshot> snapshots;
  std::vector<Diagnostic> problems;
  for (const auto& file : catalog.snapshot_files()) {
    auto result = read_force_snapshot(file);
    if (result.value) snapshots.push_back(std::move(*result.value));
    for (Diagnostic& d : result.diagnostics) problems.push_back(std::move(d));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return snapshots;
}

/// The files `data check` reads for the given paths, each with its kind: a directory gives its
/// *.yaml files (recursively, sorted); a path that does not exist or whose kind cannot be told
/// becomes a load error naming it.
std::vector<std::pair<std::filesystem::path, DataFileKind>> data_files(const std::vector<std::filesystem::path>& paths,
                                                                       DataAudit& audit) {
  std::vector<std::pair<std::filesystem::path, DataFileKind>> out;
  auto problem = [&audit](const std::filesystem::path& path, std::string message) {
    audit.load_errors.push_back(
        Diagnostic{Severity::kError, SourceLocation{path.string(), 0, 0, ""}, std::move(message)});
  };
  auto add = [&](const std::filesystem::path& file) {
    if (auto kind = detect_data_file_kind(file)) {
      out.emplace_back(file, *kind);
    } else {
      problem(file,
              "cannot tell what kind of data file this is: expected it in a forces/, scenarios/, treaties/, sources/, "
              "wta/ or cities/ folder, or a top-level key systems (forces), sides (scenario), limits (treaty), sources "
              "(bibliography) or weapons (WTA)");
    }
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) problem(path, "no .yaml data files in this directory");
      for (const auto& file : found) add(file);
    } else if (!std::filesystem::exists(path, ec)) {
      problem(path, "no such file or directory");
    } else {
      add(path);
    }
  }
  return out;
}

void print_json(const nlohmann::json& value) {
  console_out() << value.dump(2) << '\n';
}

}  // namespace

void add_data_commands(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* data = app.add_subcommand("data", "Bundled force data: list, show, check, summary");
  data->require_subcommand(1);

  // Options live as long as the CLI::App: shared state captured by the callbacks.
  auto json = std::make_shared<bool>(false);
  auto id = std::make_shared<std::string>();
  auto files = std::make_shared<std::vector<std::string>>();

  CLI::App* list = data->add_subcommand("list", "List the bundled force snapshots");
  list->add_flag("--json", *json, "Print JSON");
  list->callback([&run, &global, json] {
    run = [&global, json] {
      const auto snapshots = load_all(open_catalog(global));
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : snapshots) {
          out.push_back({{"id", s.id},
                         {"side", s.side},
                         {"date", s.date},
                         {"title", s.title},
                         {"systems", s.systems.size()},
                         {"warheads_loaded", warheads_loaded(s)}});
        }
        print_json(out);
      } else {
        console_out() << format_snapshot_list(snapshots);
      }
      return kExitOk;
    };
  });

  CLI::App* show = data->add_subcommand("show", "Show one force snapshot with every figure");
  show->add_option("ID", *id, "Snapshot id (e.g. us-2023-03-01) or path to a snapshot file")->required();
  show->add_flag("--json", *json, "Print JSON (each figure with value, grade, src, date, range, note)");
  show->callback([&run, &global, json, id] {
    run = [&global, json, id] {
      const ForceSnapshot snapshot = open_catalog(global).load_snapshot(*id);
      if (*json) {
        print_json(to_json(snapshot));
      } else {
        console_out() << format_snapshot(snapshot);
      }
      return kExitOk;
    };
  });

  CLI::App* check = data->add_subcommand(
      "check",
      "Check every bundled data file by its kind (forces, scenarios, treaties, sources, wta), or the given files and "
      "directories: figures without source, date or grade, and files that do not load");
  check->add_option("PATHS", *files,
                    "Files or directories to check instead of the bundled data; each file's kind comes from its folder "
                    "(forces/, scenarios/, ...) or else from its top-level keys");
  check->add_flag("--json", *json,
                  "Print JSON (keys: files_by_kind, figures, unsourced, unsourced_figures, load_errors, ...)");
  check->callback([&run, &global, json, files] {
    run = [&global, json, files] {
      DataAudit audit;
      const DataCatalog catalog = open_catalog(global);
      std::vector<std::filesystem::path> paths(files->begin(), files->end());
      if (paths.empty()) {
        // The bundled data: every file of every kind, so that a file nothing cites yet (sources
        // gathered for a coming model) is validated too.
        paths.push_back(catalog.dir());
      }
      auto found = data_files(paths, audit);
      // Bibliographies first, so that the source ids a scenario's figures cite can be checked.
      std::stable_partition(found.begin(), found.end(),
                            [](const auto& file) { return file.second == DataFileKind::kSources; });
      for (const auto& [file, kind] : found) audit_data_file(file, kind, &catalog, audit);
      if (*json) {
        print_json(to_json(audit));
      } else {
        console_out() << format_audit(audit);
      }
      if (!audit.load_errors.empty()) return kExitInput;
      return audit.unsourced > 0 ? kExitCheckFailed : kExitOk;
    };
  });

  CLI::App* summary = data->add_subcommand("summary", "Warheads loaded by leg in every bundled snapshot");
  summary->add_flag("--json", *json, "Print JSON");
  summary->callback([&run, &global, json] {
    run = [&global, json] {
      const auto snapshots = load_all(open_catalog(global));
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : snapshots) {
          nlohmann::json by_basing = nlohmann::json::object();
          for (Basing b : {Basing::kSilo, Basing::kMobile, Basing::kSsbn, Basing::kBomber, Basing::kNonstrategic,
                           Basing::kIntermediate}) {
            by_basing[std::string(to_string(b))] = warheads_loaded(s, b);
          }
          out.push_back({{"id", s.id}, {"warheads_loaded", by_basing}, {"total", warheads_loaded(s)}});
        }
        print_json(out);
      } else {
        console_out() << format_force_summary(snapshots);
      }
      return kExitOk;
    };
  });
}

void add_docs_commands(CLI::App& app, std::function<int()>& run) {
  CLI::App* docs = app.add_subcommand("docs", "Generated documentation");
  docs->require_subcommand(1);
  CLI::App* keys = docs->add_subcommand("keys", "Print the input key reference (Markdown) used in docs/io_formats.md");
  keys->callback([&run] {
    run = [] {
      console_out() << key_reference_markdown();
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app
