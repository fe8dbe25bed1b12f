// stratstab._core: the Python module's one native function. It runs a stratstab command line in
// this process exactly as the CLI would (app/run_command.hpp) with the GIL released, so Python
// threads run commands at once, and returns what the command printed or its refusal, which the
// Python layer (python/stratstab/__init__.py) turns into results and exceptions.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/error.hpp"
#include "stratstab/version.hpp"

namespace py = pybind11;

namespace {

using stratstab::DataCatalog;

/// One catalogue per data folder for the life of the interpreter: its copies share the cache of
/// parsed snapshots, so each is read once (restart Python after editing a data file).
std::shared_ptr<const DataCatalog> catalog_for(const std::string& data_dir) {
  static std::mutex lock;
  static std::map<std::string, std::shared_ptr<const DataCatalog>> catalogs;
  const std::filesystem::path dir =
      data_dir.empty() ? DataCatalog::default_data_dir() : std::filesystem::path(data_dir);
  const std::lock_guard<std::mutex> guard(lock);
  std::shared_ptr<const DataCatalog>& catalog = catalogs[dir.string()];
  if (!catalog) catalog = std::make_shared<const DataCatalog>(dir);
  return catalog;
}

struct Refusal {
  std::string kind;  ///< "input", "not_found", "usage", "internal"
  std::string message;
  std::vector<stratstab::Diagnostic> diagnostics;
};

py::dict diagnostic_dict(const stratstab::Diagnostic& d) {
  py::dict out;
  out["file"] = d.where.file;
  out["line"] = d.where.line;
  out["column"] = d.where.column;
  out["key_path"] = d.where.key_path;
  out["severity"] = d.severity == stratstab::Severity::kError ? "error" : "warning";
  out["message"] = d.message;
  out["text"] = stratstab::format_diagnostic(d);
  return out;
}

/// {"exit_code", "out", "err"}, or {"error": kind, "message", "diagnostics": [...]}.
py::dict run(const std::vector<std::string>& argv, const std::string& data_dir) {
  std::optional<stratstab::app::CommandRun> result;
  std::optional<Refusal> refusal;
  {
    const py::gil_scoped_release release;
    try {
      result = stratstab::app::run_command_line(catalog_for(data_dir), argv);
    } catch (const stratstab::InputError& e) {
      refusal = Refusal{"input", e.what(), e.diagnostics()};
    } catch (const stratstab::NotFoundError& e) {
      refusal = Refusal{"not_found", e.what(), {}};
    } catch (const stratstab::app::UsageError& e) {
      refusal = Refusal{"usage", e.what(), {}};
    } catch (const std::exception& e) {
      refusal = Refusal{"internal", e.what(), {}};
    }
  }
  py::dict out;
  if (result) {
    out["exit_code"] = result->exit_code;
    out["out"] = py::bytes(result->out).attr("decode")("utf-8", "replace");
    out["err"] = py::bytes(result->err).attr("decode")("utf-8", "replace");
    return out;
  }
  out["error"] = refusal->kind;
  out["message"] = refusal->message;
  py::list diagnostics;
  for (const stratstab::Diagnostic& d : refusal->diagnostics) diagnostics.append(diagnostic_dict(d));
  out["diagnostics"] = diagnostics;
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The native part of stratstab: runs a stratstab command line in this process (GIL released).";
  m.attr("__version__") = std::string(stratstab::kVersion);
  m.def("run", &run, py::arg("argv"), py::arg("data_dir") = std::string(),
        "Runs the stratstab command line `argv` (the words after the program name) on the data folder "
        "`data_dir` (empty: the bundled one). Returns {'exit_code', 'out', 'err'} or "
        "{'error', 'message', 'diagnostics'}.");
  m.def(
      "default_data_dir", [] { return DataCatalog::default_data_dir().string(); },
      "The data folder used when none is given ($STRATSTAB_DATA_DIR, else the bundled one).");
}
