#include "scenario_figures.hpp"

#include <string>

#include "yaml_reader.hpp"

namespace stratstab::io {
namespace {

void collect(const YAML::Node& mapping, const std::string& path, std::string_view section, DiagnosticSink& sink,
             std::vector<Figure>& out) {
  if (!mapping || !mapping.IsMap()) return;  // an absent key gives an invalid node
  for (const ScenarioFigureKey& k : kScenarioFigureKeys) {
    if (k.section != section) continue;
    const YAML::Node node = mapping[std::string(k.key)];
    if (!node) continue;
    const KeySpec* spec = schema_section(k.section).find(k.key);
    if (spec == nullptr) continue;
    if (auto figure = read_figure(node, join_path(path, k.key), *spec, sink)) out.push_back(std::move(*figure));
  }
}

}  // namespace

LoadResult<std::vector<Figure>> read_scenario_figures(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<std::vector<Figure>> result;
  std::vector<Figure> figures;
  if (auto root = load_yaml_mapping(file, sink, "a scenario")) {
    const YAML::Node sides = (*root)["sides"];
    if (sides && sides.IsMap()) {
      for (const auto& side : sides) {
        const std::string side_path = join_path("sides", side.first.as<std::string>(""));
        const YAML::Node& s = side.second;
        if (!s.IsMap()) continue;
        collect(s, side_path, "scenario_side", sink, figures);
        // `defense`: the old spelling, read the same (scenario_loader.cpp warns).
        const std::string defence_key = !s["defence"] && s["defense"] ? "defense" : "defence";
        const YAML::Node defence = s[defence_key];
        collect(defence, join_path(side_path, defence_key), "defence", sink, figures);
        const YAML::Node layers = defence && defence.IsMap() ? defence["layers"] : YAML::Node();
        if (layers && layers.IsSequence()) {
          for (std::size_t i = 0; i < layers.size(); ++i) {
            collect(layers[i], index_path(join_path(side_path, defence_key + ".layers"), i), "defence_layer", sink,
                    figures);
          }
        }
        const YAML::Node command = s["command"];
        collect(command, join_path(side_path, "command"), "command", sink, figures);
        const YAML::Node routes = command && command.IsMap() ? command["devolution"] : YAML::Node();
        if (routes && routes.IsSequence()) {
          for (std::size_t i = 0; i < routes.size(); ++i) {
            collect(routes[i], index_path(join_path(side_path, "command.devolution"), i), "devolution_route", sink,
                    figures);
          }
        }
        collect(s["warning"], join_path(side_path, "warning"), "warning", sink, figures);
        collect(s["flight_minutes"], join_path(side_path, "flight_minutes"), "flight_minutes", sink, figures);
      }
    }
  }
  result.value = std::move(figures);
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

}  // namespace stratstab::io
