#include "stratstab/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stratstab/version.hpp"

namespace stratstab {

namespace {
bool looks_like_path(std::string_view text) {
  return text.find('/') != std::string_view::npos || text.ends_with(".yaml") || text.ends_with(".yml");
}

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

struct DataCatalog::SnapshotCache {
  std::mutex mutex;
  std::map<std::string, ForceSnapshot, std::less<>> by_id;
};

DataCatalog::DataCatalog(std::filesystem::path data_dir)
    : dir_(std::move(data_dir)), cache_(std::make_shared<SnapshotCache>()) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir_ / "forces", ec)) {
    throw NotFoundError(
        fmt::format("data directory '{}' has no forces/ folder; expected the bundled data "
                    "directory (set --data-dir or STRATSTAB_DATA_DIR)",
                    dir_.string()));
  }
}

std::filesystem::path DataCatalog::default_data_dir() {
  if (const char* env = std::getenv("STRATSTAB_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  if (std::filesystem::is_directory(std::filesystem::path(kSourceDataDir) / "forces", ec)) return kSourceDataDir;
  return kInstallDataDir;
}

std::vector<std::filesystem::path> DataCatalog::snapshot_files() const {
  return yaml_files(dir_ / "forces");
}

std::vector<std::string> DataCatalog::snapshot_ids() const {
  std::vector<std::string> ids;
  for (const auto& file : snapshot_files()) ids.push_back(file.stem().string());
  return ids;
}

std::filesystem::path DataCatalog::snapshot_path(std::string_view id) const {
  std::filesystem::path file = dir_ / "forces" / fmt::format("{}.yaml", id);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(
        fmt::format("unknown force snapshot id '{}'; expected one of: {}", id, fmt::join(snapshot_ids(), ", ")));
  }
  return file;
}

std::vector<std::string> DataCatalog::scenario_names() const {
  std::vector<std::string> names;
  for (const auto& file : yaml_files(dir_ / "scenarios")) names.push_back(file.stem().string());
  return names;
}

std::filesystem::path DataCatalog::scenario_path(std::string_view name_or_path) const {
  if (looks_like_path(name_or_path)) return std::filesystem::path(name_or_path);
  std::filesystem::path file = dir_ / "scenarios" / fmt::format("{}.yaml", name_or_path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(fmt::format("unknown scenario '{}'; expected a file path or one of: {}", name_or_path,
                                    fmt::join(scenario_names(), ", ")));
  }
  return file;
}

ForceSnapshot DataCatalog::load_snapshot(std::string_view id_or_path) const {
  if (looks_like_path(id_or_path)) return load_force_snapshot(std::filesystem::path(id_or_path));
  {
    const std::lock_guard lock(cache_->mutex);
    if (const auto it = cache_->by_id.find(id_or_path); it != cache_->by_id.end()) return it->second;
  }
  ForceSnapshot snapshot = load_force_snapshot(snapshot_path(id_or_path));
  const std::lock_guard lock(cache_->mutex);
  cache_->by_id.emplace(std::string(id_or_path), snapshot);
  return snapshot;
}

std::optional<CityTable> DataCatalog::load_cities(std::string_view side) const {
  const std::filesystem::path file = dir_ / "cities" / (std::string(side) + ".yaml");
  std::error_code ec;
  if (side.empty() || side.find('/') != std::string_view::npos || !std::filesystem::is_regular_file(file, ec)) {
    return std::nullopt;
  }
  return load_city_table(file);
}

std::vector<std::filesystem::path> DataCatalog::bibliography_files() const {
  return yaml_files(dir_ / "sources");
}

std::vector<std::string> DataCatalog::pathway_ids() const {
  std::vector<std::string> ids;
  for (const auto& file : yaml_files(dir_ / "pathways")) ids.push_back(file.stem().string());
  return ids;
}

std::filesystem::path DataCatalog::pathway_path(std::string_view id_or_path) const {
  if (looks_like_path(id_or_path)) return std::filesystem::path(id_or_path);
  std::filesystem::path file = dir_ / "pathways" / fmt::format("{}.yaml", id_or_path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(fmt::format("unknown pathway id '{}'; expected a file path or one of: {}", id_or_path,
                                    fmt::join(pathway_ids(), ", ")));
  }
  return file;
}

std::vector<std::string> DataCatalog::crisis_ids() const {
  std::vector<std::string> ids;
  for (const auto& file : yaml_files(dir_ / "crises")) ids.push_back(file.stem().string());
  return ids;
}

std::vector<std::string> DataCatalog::arms_race_ids() const {
  std::vector<std::string> ids;
  for (const auto& file : yaml_files(dir_ / "arms_race")) ids.push_back(file.stem().string());
  return ids;
}

std::filesystem::path DataCatalog::arms_race_path(std::string_view id_or_path) const {
  if (looks_like_path(id_or_path)) return std::filesystem::path(id_or_path);
  std::filesystem::path file = dir_ / "arms_race" / fmt::format("{}.yaml", id_or_path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(fmt::format("unknown arms-race id '{}'; expected a file path or one of: {}", id_or_path,
                                    fmt::join(arms_race_ids(), ", ")));
  }
  return file;
}

std::filesystem::path DataCatalog::crisis_path(std::string_view id_or_path) const {
  if (looks_like_path(id_or_path)) return std::filesystem::path(id_or_path);
  std::filesystem::path file = dir_ / "crises" / fmt::format("{}.yaml", id_or_path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(fmt::format("unknown crisis id '{}'; expected a file path or one of: {}", id_or_path,
                                    fmt::join(crisis_ids(), ", ")));
  }
  return file;
}

std::vector<std::string> DataCatalog::treaty_ids() const {
  std::vector<std::string> ids;
  for (const auto& file : yaml_files(dir_ / "treaties")) ids.push_back(file.stem().string());
  return ids;
}

std::filesystem::path DataCatalog::treaty_path(std::string_view id) const {
  std::filesystem::path file = dir_ / "treaties" / fmt::format("{}.yaml", id);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw NotFoundError(
        fmt::format("unknown treaty id '{}'; expected a file path or one of: {}", id, fmt::join(treaty_ids(), ", ")));
  }
  return file;
}

Treaty DataCatalog::load_treaty(std::string_view id_or_path) const {
  return stratstab::load_treaty(looks_like_path(id_or_path) ? std::filesystem::path(id_or_path)
                                                            : treaty_path(id_or_path));
}

std::optional<ForceSnapshot> DataCatalog::reference_snapshot(const Treaty& treaty,
                                                             const ForceSnapshot& snapshot) const {
  for (const TreatyLimit& limit : treaty.limits) {
    if (limit.max || limit.reference_date.empty()) continue;
    const std::string id = fmt::format("{}-{}", snapshot.side, limit.reference_date);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dir_ / "forces" / fmt::format("{}.yaml", id), ec)) {
      throw NotFoundError(
          fmt::format("limit '{}' of treaty '{}' is the count on {}, but there is no bundled snapshot "
                      "'{}'; expected one of: {}",
                      limit.id, treaty.id, limit.reference_date, id, fmt::join(snapshot_ids(), ", ")));
    }
    return load_snapshot(id);
  }
  return std::nullopt;
}

}  // namespace stratstab
