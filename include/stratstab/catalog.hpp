// The bundled data directory: finding it, listing its force snapshots, resolving an id such as
// `us-2023-03-01` to its file. This is the data layer; evaluation never touches the filesystem.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/data_source.hpp"
#include "stratstab/forces.hpp"
#include "stratstab/load.hpp"
#include "stratstab/treaty.hpp"

namespace stratstab {

class DataCatalog : public DataSource {
 public:
  /// Uses `data_dir`, which must hold a `forces/` folder; throws NotFoundError otherwise.
  explicit DataCatalog(std::filesystem::path data_dir);

  /// The data directory to use when none is given: $STRATSTAB_DATA_DIR if set, else the source
  /// tree's `data/` this build was configured from, else the installed share/stratstab/data.
  static std::filesystem::path default_data_dir();

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  /// Ids of the bundled force snapshots, sorted.
  [[nodiscard]] std::vector<std::string> snapshot_ids() const override;
  /// Files of the bundled force snapshots, sorted by id.
  [[nodiscard]] std::vector<std::filesystem::path> snapshot_files() const;
  /// The file of snapshot `id`; throws NotFoundError naming the ids that exist.
  [[nodiscard]] std::filesystem::path snapshot_path(std::string_view id) const;
  /// Names of the bundled scenarios (`data/scenarios/*.yaml`), sorted.
  [[nodiscard]] std::vector<std::string> scenario_names() const;
  /// The file of a scenario given by bundled name or by path (anything containing '/' or ending in
  /// .yaml / .yml is a path); throws NotFoundError naming the bundled scenarios.
  [[nodiscard]] std::filesystem::path scenario_path(std::string_view name_or_path) const;
  /// Loads a snapshot given by bundled id or by file path (anything containing '/' or ending in
  /// .yaml / .yml is a path); throws InputError or NotFoundError. A bundled id is read once per
  /// catalogue (and its copies): `sweep` loads its scenario per value, and re-reading two snapshots
  /// and their bibliographies took most of each load. Safe to call from several threads.
  [[nodiscard]] ForceSnapshot load_snapshot(std::string_view id_or_path) const override;
  /// `cities/<side>.yaml` if it exists.
  [[nodiscard]] std::optional<CityTable> load_cities(std::string_view side) const override;

  /// The bibliography files (`data/sources/*.yaml`), sorted; `data check` reads every one, including
  /// those no snapshot or treaty cites yet.
  [[nodiscard]] std::vector<std::filesystem::path> bibliography_files() const;

  /// Ids of the bundled pathways (`data/pathways/*.yaml`), sorted.
  [[nodiscard]] std::vector<std::string> pathway_ids() const;
  /// The file of pathway `id`, or `id` itself when it is a path; throws NotFoundError naming the
  /// ids that exist.
  [[nodiscard]] std::filesystem::path pathway_path(std::string_view id_or_path) const;
  /// Ids of the bundled crises (`data/crises/*.yaml`), sorted.
  [[nodiscard]] std::vector<std::string> crisis_ids() const;
  /// The file of crisis `id`, or `id` itself when it is a path; throws NotFoundError naming the
  /// bundled ones otherwise.
  [[nodiscard]] std::filesystem::path crisis_path(std::string_view id_or_path) const;
  /// Ids of the bundled arms-race files (`data/arms_race/*.yaml`), sorted.
  [[nodiscard]] std::vector<std::string> arms_race_ids() const;
  /// The file of arms-race `id`, or `id` itself when it is a path; throws NotFoundError naming the
  /// bundled ids otherwise.
  [[nodiscard]] std::filesystem::path arms_race_path(std::string_view id_or_path) const;
  /// Ids of the bundled treaty regimes (`data/treaties/*.yaml`), sorted.
  [[nodiscard]] std::vector<std::string> treaty_ids() const override;
  /// The file of treaty `id`; throws NotFoundError naming the ids that exist.
  [[nodiscard]] std::filesystem::path treaty_path(std::string_view id) const override;
  /// Loads a treaty given by bundled id or by file path; throws InputError or NotFoundError.
  [[nodiscard]] Treaty load_treaty(std::string_view id_or_path) const;
  /// The snapshots a count of `treaty` on `snapshot` needs besides it: for a freeze limit, the
  /// side's bundled snapshot at the reference date (nullopt when the treaty has no such limit).
  /// Throws NotFoundError when that snapshot is not bundled.
  [[nodiscard]] std::optional<ForceSnapshot> reference_snapshot(const Treaty& treaty,
                                                                const ForceSnapshot& snapshot) const;

 private:
  struct SnapshotCache;
  std::filesystem::path dir_;
  std::shared_ptr<SnapshotCache> cache_;
};

}  // namespace stratstab
