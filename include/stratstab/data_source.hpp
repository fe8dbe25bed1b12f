// What the scenario loader asks of the bundled data: snapshots by id, and the ids of the bundled
// snapshots and treaty regimes. Loading (io/) declares it and the data catalogue (data/, which
// loads files through io/) implements it, so that io/ depends on no later stage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stratstab/cities.hpp"
#include "stratstab/forces.hpp"

namespace stratstab {

class DataSource {
 public:
  virtual ~DataSource() = default;
  /// A snapshot given by bundled id or by file path; throws InputError or NotFoundError.
  [[nodiscard]] virtual ForceSnapshot load_snapshot(std::string_view id_or_path) const = 0;
  /// Ids of the bundled force snapshots, sorted.
  [[nodiscard]] virtual std::vector<std::string> snapshot_ids() const = 0;
  /// Ids of the bundled treaty regimes, sorted.
  [[nodiscard]] virtual std::vector<std::string> treaty_ids() const = 0;
  /// The file of bundled treaty `id`; throws NotFoundError naming the ids that exist.
  [[nodiscard]] virtual std::filesystem::path treaty_path(std::string_view id) const = 0;
  /// The bundled city table of a side (`us`, `ru`, ...), if there is one (docs/methods.md §7);
  /// throws InputError when the file is bad. The default: none.
  [[nodiscard]] virtual std::optional<CityTable> load_cities(std::string_view /*side*/) const { return std::nullopt; }

 protected:
  DataSource() = default;
  DataSource(const DataSource&) = default;
  DataSource& operator=(const DataSource&) = default;
  DataSource(DataSource&&) = default;
  DataSource& operator=(DataSource&&) = default;
};

}  // namespace stratstab
