// The web API's requests (docs/usersguide.md "The web page"): a JSON body naming a scenario (or
// carrying its YAML), `set` overrides and command options, turned into the command line the CLI
// would run, with every path a request names kept inside the data or results folder.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stratstab::server {

/// One computation the API offers: `POST /api/<name>` runs the command words `words`
/// (e.g. {"treaty", "count"}) with `--json`, the CLI's own output being the answer.
struct ApiCommand {
  std::string name;                ///< in the URL: "assess", "treaty-count"
  std::vector<std::string> words;  ///< on the command line: {"assess"}, {"treaty", "count"}
  bool takes_scenario = false;     ///< the body's `scenario` / `yaml` is the first positional argument
  bool takes_set = false;          ///< the body's `set` becomes `--set KEY=VALUE`
  bool long_running = false;       ///< shown as a job with progress on the page (any command may be a job)
};

/// A request the API refuses: the HTTP status and the JSON body to send.
class ApiFailure : public std::runtime_error {
 public:
  ApiFailure(int status, nlohmann::json body);
  [[nodiscard]] int status() const { return status_; }
  [[nodiscard]] const nlohmann::json& body() const { return body_; }

 private:
  int status_;
  nlohmann::json body_;
};

/// {"error": kind, "message": message}: the body of every refusal that is not an input error.
nlohmann::json error_body(const std::string& kind, const std::string& message);

/// The folders a request may read from (data) and write to (results).
struct PathRoots {
  std::filesystem::path data_dir;     ///< bundled data: every file a request names must be inside it
  std::filesystem::path results_dir;  ///< the only folder the server writes to (pasted scenarios, job results)
};

/// Options no request may pass: they write files, choose the output form or the data folder.
/// The server adds `--json` itself.
[[nodiscard]] const std::vector<std::string>& refused_options();

/// The command line (without the program name) for `command` and request `body`:
///   {"scenario": NAME or PATH, "yaml": TEXT, "set": {KEY: VALUE} or ["KEY=VALUE"],
///    "options": {"long-name": VALUE | true | [VALUES]}, "args": [POSITIONAL, ...]}
/// A `yaml` scenario is saved under `roots.results_dir/pasted/` (named by its content) and passed
/// as that file, so that its diagnostics name a file the user can open. Any value that looks like a
/// path (has a '/' or '\\', or a file extension the data use) must resolve inside the data or
/// results folder (403 otherwise, 404 when it does not exist). Throws ApiFailure (400) for a body of
/// the wrong shape.
[[nodiscard]] std::vector<std::string> command_line(const ApiCommand& command, const nlohmann::json& body,
                                                    const PathRoots& roots);

/// Whether `value` would be read as a file path by the commands (and so is checked).
[[nodiscard]] bool looks_like_path(const std::string& value);

/// `value` as a path inside one of the roots (relative paths are taken from the data folder):
/// the absolute path, or ApiFailure 403 (outside) / 404 (no such file).
[[nodiscard]] std::filesystem::path checked_path(const std::string& value, const PathRoots& roots);

}  // namespace stratstab::server
