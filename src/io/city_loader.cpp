// Reads a bundled city table, data/cities/<side>.yaml (load.hpp, docs/methods.md §7): rows
// [geonames id, name, admin code, population, lat, lon] under `cities:`.
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "input_file.hpp"
#include "stratstab/load.hpp"
#include "yaml_document.hpp"

namespace stratstab {
namespace {

Diagnostic located(const std::filesystem::path& file, const YAML::Mark& mark, std::string key, std::string message) {
  Diagnostic d;
  d.where.file = file.string();
  if (mark.line >= 0) {
    d.where.line = mark.line + 1;
    d.where.column = mark.column + 1;
  }
  d.where.key_path = std::move(key);
  d.message = std::move(message);
  return d;
}

}  // namespace

CityTable load_city_table(const std::filesystem::path& file) {
  std::string why;
  const std::optional<std::string> text = io::read_input_file(file, why);
  if (!text) throw InputError({key_error("", why, file.string())});
  auto parsed = io::parse_yaml_document(*text);
  if (const auto* error = std::get_if<io::YamlParseError>(&parsed)) {
    throw InputError({located(file, error->mark, "", error->message)});
  }
  const YAML::Node root = std::get<YAML::Node>(parsed);
  std::vector<Diagnostic> problems;
  CityTable table;
  table.file = file.string();
  table.side = file.stem().string();
  if (!root.IsMap() || !root["cities"] || !root["cities"].IsSequence()) {
    throw InputError({located(file, root.Mark(), "cities", "expected a mapping with a list `cities:`")});
  }
  if (root["source"] && root["source"].IsScalar()) table.source_id = root["source"].Scalar();
  const YAML::Node rows = root["cities"];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const YAML::Node row = rows[i];
    const std::string key = fmt::format("cities[{}]", i);
    try {
      if (!row.IsSequence() || row.size() != 6) throw YAML::Exception(row.Mark(), "row");
      City c;
      c.geonames_id = row[0].as<std::int64_t>();
      c.name = row[1].as<std::string>();
      c.population = row[3].as<double>();
      c.lat_deg = row[4].as<double>();
      c.lon_deg = row[5].as<double>();
      if (!(c.population > 0.0) || !std::isfinite(c.population) || std::abs(c.lat_deg) > 90.0 ||
          std::abs(c.lon_deg) > 180.0) {
        throw YAML::Exception(row.Mark(), "row");
      }
      table.cities.push_back(std::move(c));
    } catch (const YAML::Exception&) {
      problems.push_back(located(file, row.Mark(), key,
                                 "expected [geonames id, name, admin code, population > 0, lat in [-90, 90], lon "
                                 "in [-180, 180]]"));
    }
  }
  if (table.cities.empty() && problems.empty()) {
    problems.push_back(located(file, rows.Mark(), "cities", "expected at least one city"));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return table;
}

}  // namespace stratstab
