// Internal: the kill-probability table of a weapon-target assignment problem as CSV
// (`kill_probability_csv: FILE` in the problem file; docs/io_formats.md). A compact form for large
// problems: one pass over the file's bytes, fields as views into it, numbers by std::from_chars,
// ids resolved through the problem's id tables; no allocation per cell.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stratstab/wta.hpp"
#include "yaml_reader.hpp"

namespace stratstab::io {

/// Where one data row's three fields start in the CSV (1-based line and column).
struct CsvRowCells {
  std::array<int, 3> line{};
  std::array<int, 3> column{};
};

/// Reads `file` (header `weapon,target,p`, then one row per pair) into `pairs`, in file order, so
/// that row i is `kill_probability[i]`, with each row's cells in `cells`. Problems go to `sink`
/// (the CSV file's own) with the messages the YAML form gives: unknown ids with a "did you mean",
/// p not a number or outside [0, 1], rows with other than three fields, a wrong header.
void read_kill_probability_csv(const std::filesystem::path& file,
                               const std::unordered_map<std::string, std::size_t>& weapon_ids,
                               const std::unordered_map<std::string, std::size_t>& target_ids,
                               std::vector<WtaKillProbability>& pairs, std::vector<CsvRowCells>& cells,
                               DiagnosticSink& sink);

/// " did you mean 'x'?" for the known id nearest `id` (edit distance under 3), else "".
std::string did_you_mean_id(std::string_view id, const std::unordered_map<std::string, std::size_t>& known);

}  // namespace stratstab::io
