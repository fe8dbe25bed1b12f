// `uncertainty --json`: the run's settings, every input with its distribution and Sobol indices,
// each output's band, the probabilities below the thresholds and the tornado.
#include "stratstab/json.hpp"

namespace stratstab {
namespace {

using nlohmann::json;

json band_json(const OutputBand& b) {
  json j{{"point", b.point}, {"mean", b.mean}, {"sd", b.sd}};
  static constexpr std::array<const char*, 5> kNames{"q05", "q25", "q50", "q75", "q95"};
  json ci = json::object();
  for (std::size_t k = 0; k < kNames.size(); ++k) {
    j[kNames[k]] = b.quantiles[k];
    ci[kNames[k]] = json::array({b.ci_low[k], b.ci_high[k]});
  }
  j["ci95"] = ci;
  return j;
}

json optional_json(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json uncertainty_to_json(const UncertaintyResult& r) {
  json inputs = json::array();
  // Each input carries the indices of its factor (a group's are its members').
  std::vector<const InputSensitivity*> factor_of(r.inputs.size(), nullptr);
  for (const InputSensitivity& s : r.ranking) {
    for (std::size_t i : s.inputs) factor_of[i] = &s;
  }
  for (std::size_t i = 0; i < r.inputs.size(); ++i) {
    const UncertainInput& in = r.inputs[i];
    json j{{"path", in.path},
           {"dist", to_string(in.dist)},
           {"low", in.low},
           {"high", in.high},
           {"point", in.point},
           {"origin", in.origin},
           {"grade", in.grade},
           {"source", in.source_id},
           {"group", in.group.empty() ? json(nullptr) : json(in.group)}};
    if (in.dist == Distribution::kTriangular) j["mode"] = in.mode;
    if (in.dist == Distribution::kNormal) {
      j["mean"] = in.mean;
      j["sd"] = in.sd;
    }
    if (const InputSensitivity* s = factor_of[i]) {
      j["first_order"] = optional_json(s->first_order);
      j["total"] = optional_json(s->total);
      if (s->total) {
        j["first_order_ci95"] = json::array({s->first_order_ci[0], s->first_order_ci[1]});
        j["total_ci95"] = json::array({s->total_ci[0], s->total_ci[1]});
      }
      j["tornado"] = json{{"index_at_low", s->index_at_low}, {"index_at_high", s->index_at_high}};
    }
    inputs.push_back(std::move(j));
  }
  json outputs = json::object();
  for (const OutputBand& b : r.outputs) outputs[b.name] = band_json(b);
  json below = json::array();
  for (const auto& [t, p] : r.below) below.push_back(json{{"threshold", t}, {"probability", p}});
  std::vector<const InputSensitivity*> by_swing;
  for (const InputSensitivity& s : r.ranking) by_swing.push_back(&s);
  std::stable_sort(by_swing.begin(), by_swing.end(), [](auto* x, auto* y) { return x->swing > y->swing; });
  json tornado = json::array();
  for (const InputSensitivity* s : by_swing) {
    tornado.push_back(json{{"factor", s->factor},
                           {"index_at_low", s->index_at_low},
                           {"index_at_high", s->index_at_high},
                           {"swing", s->swing}});
  }
  json ranking = json::array();
  for (const InputSensitivity& s : r.ranking) {
    if (!s.total) continue;
    ranking.push_back(json{{"factor", s.factor},
                           {"first_order", *s.first_order},
                           {"total", *s.total},
                           {"first_order_ci95", json::array({s.first_order_ci[0], s.first_order_ci[1]})},
                           {"total_ci95", json::array({s.total_ci[0], s.total_ci[1]})}});
  }
  return json{
      {"scenario", r.scenario},
      {"samples", r.samples},
      {"seed", r.seed},
      {"method", to_string(r.method)},
      {"threads", r.threads},
      {"evaluations", r.evaluations},
      {"index", outputs["index"]},
      {"outputs", outputs},
      {"below", below},
      {"index_histogram",
       json{{"low", r.index_histogram.low}, {"high", r.index_histogram.high}, {"counts", r.index_histogram.counts}}},
      {"convergence",
       json{{"median_first_half", r.median_at_half}, {"median", r.outputs.empty() ? 0.0 : r.outputs[0].quantiles[2]}}},
      {"inputs", inputs},
      {"fixed", r.fixed},
      {"sobol", json{{"base_samples", r.sobol_samples},
                     {"ranking", ranking},
                     {"screened_factors", r.screened_factors},
                     {"screened_total", optional_json(r.screened_total)}}},
      {"tornado", tornado}};
}

json to_json(const TreatyCountBand& band) {
  json limits = json::object();
  for (const LimitBand& l : band.limits) {
    limits[l.id] = json{{"limit", l.limit},
                        {"point", l.point},
                        {"q05", l.count.quantiles[0]},
                        {"q50", l.count.quantiles[2]},
                        {"q95", l.count.quantiles[4]},
                        {"probability_over", l.probability_over}};
  }
  return json{{"samples", band.samples}, {"seed", band.seed}, {"method", to_string(band.method)},
              {"inputs", band.inputs},   {"limits", limits},  {"probability_any_over", band.probability_any_over}};
}

json to_json(const SweepBands& bands) {
  json points = json::array();
  for (const SweepBandPoint& p : bands.points) {
    // One axis: its value as `value` (as before grids); several: `values` by path, as --jsonl.
    json at = json::object();
    for (std::size_t k = 0; k < p.values.size() && k < bands.params.size(); ++k)
      at[bands.params[k]] = swept_value_json(p.values[k]);
    json row = p.values.size() == 1 ? json{{"value", swept_value_json(p.values.front())}} : json{{"values", at}};
    row.update(band_summary_json(p.band));
    row["lowest"] = p.lowest;
    points.push_back(std::move(row));
  }
  return json{{"samples", bands.samples}, {"seed", bands.seed}, {"inputs", bands.inputs}, {"points", points}};
}

json to_json(const CompareBands& bands) {
  json scenarios = json::array();
  for (std::size_t k = 0; k < bands.scenarios.size(); ++k) {
    json row = band_summary_json(bands.index[k]);
    row["name"] = bands.scenarios[k];
    scenarios.push_back(std::move(row));
  }
  return json{{"samples", bands.samples}, {"seed", bands.seed}, {"scenarios", scenarios}, {"below", bands.below}};
}

json band_summary_json(const OutputBand& b) {
  return json{
      {"point", b.point}, {"mean", b.mean}, {"q05", b.quantiles[0]}, {"q50", b.quantiles[2]}, {"q95", b.quantiles[4]}};
}

}  // namespace stratstab
