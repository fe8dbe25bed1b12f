#include <array>
#include <fstream>
#include <string>
#include <utility>

#include "stratstab/audit.hpp"

namespace stratstab {
namespace {

constexpr std::array<std::pair<DataFileKind, std::string_view>, 9> kKindFolders{{
    {DataFileKind::kForces, "forces"},
    {DataFileKind::kScenario, "scenarios"},
    {DataFileKind::kTreaty, "treaties"},
    {DataFileKind::kSources, "sources"},
    {DataFileKind::kWta, "wta"},
    {DataFileKind::kCities, "cities"},
    {DataFileKind::kPathway, "pathways"},
    {DataFileKind::kCrisis, "crises"},
    {DataFileKind::kArmsRace, "arms_race"},
}};

// A top-level key that only one kind of file has (see docs/io_formats.md).
constexpr std::array<std::pair<std::string_view, DataFileKind>, 7> kKindKeys{{
    {"systems", DataFileKind::kForces},
    {"sides", DataFileKind::kScenario},
    {"limits", DataFileKind::kTreaty},
    {"sources", DataFileKind::kSources},
    {"weapons", DataFileKind::kWta},
    {"branches", DataFileKind::kPathway},
    {"steps", DataFileKind::kCrisis},  // a crisis file gives `steps:` before `sides:`
}};

// Enough of a data file to see its top-level keys; a larger file is judged by its folder only.
constexpr std::size_t kMaxScanBytes = 1 << 20;

}  // namespace

std::string_view to_string(DataFileKind kind) {
  for (const auto& [k, name] : kKindFolders) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<DataFileKind> detect_data_file_kind(const std::filesystem::path& file) {
  const std::string folder = file.parent_path().filename().string();
  for (const auto& [kind, name] : kKindFolders) {
    if (folder == name) return kind;
  }
  // By content: a line that starts (column 0) with one of the distinguishing keys. A plain text
  // scan, so that a file that is not YAML at all is still reported by its loader, not here.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file);
  std::string line;
  std::size_t read = 0;
  while (read < kMaxScanBytes && std::getline(in, line)) {
    read += line.size() + 1;
    for (const auto& [key, kind] : kKindKeys) {
      if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') return kind;
    }
  }
  return std::nullopt;
}

}  // namespace stratstab
