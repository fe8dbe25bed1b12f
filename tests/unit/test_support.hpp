// Helpers for unit tests: temporary files and diagnostic look-ups.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/error.hpp"

namespace stratstab::test {

/// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `name` (sub-folders created) and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

/// The whole content of a file ("" if it cannot be read).
std::string slurp(const std::filesystem::path& file);

/// 1-based number of the first line of `text` containing `needle` (0 if none).
int line_of(std::string_view text, std::string_view needle);

/// Replaces the first occurrence of `from` in `text` by `to`; fails the test if absent.
std::string replace_once(std::string text, std::string_view from, std::string_view to);

/// All diagnostics formatted, one per line, for failure messages.
std::string dump(const std::vector<Diagnostic>& diagnostics);

/// The first diagnostic whose key path equals `key_path`, or nullptr.
const Diagnostic* find_by_key(const std::vector<Diagnostic>& diagnostics, std::string_view key_path);

/// What one run of the stratstab command produced.
struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `stratstab --data-dir <source tree>/data ARGS` through the shell, capturing both streams.
CliRun run_cli(const std::string& args);

/// The force files' bounds as messages write them (the key table in src/schema/schema.cpp), which
/// `calc kill` applies too: yield_kt, hardness_psi, cep_m.
std::string yield_bounds();
std::string hardness_bounds();
std::string cep_bounds();

}  // namespace stratstab::test
