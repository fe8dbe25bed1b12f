// Missile defence layers and what gets through them (docs/methods.md §12.1; see defence.hpp for the model).
#include <algorithm>
#include <cmath>

#include "stratstab/defence.hpp"

namespace stratstab {

std::string_view to_string(DefenceCoverage coverage) {
  switch (coverage) {
    case DefenceCoverage::kValue: return "value";
    case DefenceCoverage::kSilos: return "silos";
    case DefenceCoverage::kBoth: return "both";
  }
  return "value";
}

std::string_view to_string(AdaptiveOffence offence) {
  switch (offence) {
    case AdaptiveOffence::kNone: return "none";
    case AdaptiveOffence::kDecoys: return "decoys";
  }
  return "none";
}

double offence_decoys_per_warhead(const MissileDefence& defence) {
  // docs/methods.md §12.1: decoys are free to the attacker here, so an adapting one brings the ceiling.
  if (defence.adaptive_offence == AdaptiveOffence::kDecoys)
    return std::max(defence.decoys_per_warhead, defence.max_decoys_per_warhead);
  return defence.decoys_per_warhead;
}

double layer_kill_probability(const DefenceLayer& layer) {
  // Shoot-look-shoot kills what a barrage of s1 + s2 would (the look only saves interceptors).
  const int salvo = std::max(0, layer.shots) + std::max(0, layer.second_shots);
  return layer.tracking_reliability * (1.0 - std::pow(1.0 - layer.sspk, salvo));
}

double interceptors_per_object(const DefenceLayer& layer) {
  const double first = std::max(0, layer.shots);
  if (layer.second_shots <= 0) return first;
  // docs/methods.md §12.1: the second salvo is fired only after a miss of the first.
  const double first_kill = layer.tracking_reliability * (1.0 - std::pow(1.0 - layer.sspk, first));
  return first + (1.0 - first_kill) * layer.second_shots;
}

std::vector<double> layer_interceptors(const MissileDefence& defence, bool against_silo_attack,
                                       double suppressed_survival) {
  double coverage_share = 0.0;
  switch (defence.covers) {
    case DefenceCoverage::kValue: coverage_share = against_silo_attack ? 0.0 : 1.0; break;
    case DefenceCoverage::kSilos: coverage_share = against_silo_attack ? 1.0 : 0.0; break;
    case DefenceCoverage::kBoth:
      coverage_share = against_silo_attack ? defence.silo_share : 1.0 - defence.silo_share;
      break;
  }
  std::vector<double> out;
  out.reserve(defence.layers.size());
  for (const DefenceLayer& layer : defence.layers) {
    const double survival = layer.suppressible ? suppressed_survival : 1.0;
    // docs/methods.md §12.1: only 1 / absentee_ratio of a constellation can engage.
    const double absentee = std::max(1.0, layer.absentee_ratio);
    out.push_back(defence.interceptors * layer.inventory_share * coverage_share * survival / absentee);
  }
  return out;
}

double layer_capacity(const MissileDefence& defence, const DefenceLayer& layer, double interceptors,
                      double warheads_per_booster) {
  const double per_object = interceptors_per_object(layer);
  if (per_object <= 0.0) return 0.0;
  // floor(I / n) objects (docs/methods.md §12.1); the small margin keeps 1000 / 2.5 from flooring to 399
  // through rounding.
  const double engaged_objects = std::floor(interceptors / per_object + 1e-9);
  // docs/methods.md §12.1: a boost-phase layer engages boosters, m warheads each, before any decoy is out.
  if (layer.engages_boosters) return engaged_objects * std::max(0.0, warheads_per_booster);
  const double objects_per_warhead = layer.sees_decoys ? 1.0 + offence_decoys_per_warhead(defence) : 1.0;
  return engaged_objects / objects_per_warhead;
}

Penetration::Penetration(const MissileDefence& defence, const std::vector<double>& interceptors_by_layer,
                         double warheads_per_booster) {
  for (std::size_t i = 0; i < defence.layers.size() && i < interceptors_by_layer.size(); ++i) {
    const DefenceLayer& layer = defence.layers[i];
    const double per_object = interceptors_per_object(layer);
    const double kill = layer_kill_probability(layer);
    if (per_object <= 0.0 || kill <= 0.0 || interceptors_by_layer[i] <= 0.0) continue;
    const double capacity = layer_capacity(defence, layer, interceptors_by_layer[i], warheads_per_booster);
    const double footprint = std::clamp(layer.footprint, 0.0, 1.0);
    if (capacity <= 0.0 || footprint <= 0.0) continue;
    // docs/methods.md §12.1: a uniform attack puts f w inside the footprint: w - P min(f w, c) = w - (P f) min(w, c /
    // f).
    layers_.push_back(ActiveLayer{kill * footprint, capacity / footprint});
  }
  // Layer l saturates where what reaches it equals its capacity: map c_l back through the layers
  // before it.
  for (std::size_t l = 0; l < layers_.size(); ++l) kink_x_.push_back(arriving_before(l, layers_[l].capacity));
  std::sort(kink_x_.begin(), kink_x_.end());
  kink_x_.erase(std::unique(kink_x_.begin(), kink_x_.end()), kink_x_.end());
}

double Penetration::through(double arriving) const {
  double w = arriving;
  for (const ActiveLayer& layer : layers_) w -= layer.kill * std::min(w, layer.capacity);
  return w;
}

double Penetration::slope_at(double arriving) const {
  double w = arriving;
  double slope = 1.0;
  for (const ActiveLayer& layer : layers_) {
    if (w < layer.capacity) slope *= 1.0 - layer.kill;
    w -= layer.kill * std::min(w, layer.capacity);
  }
  return slope;
}

double Penetration::arriving_before(std::size_t layer_count, double through_count) const {
  // Each layer maps w to (1 - P) w below its capacity c and to w - P c above it; invert the last first.
  double z = through_count;
  for (std::size_t j = layer_count; j-- > 0;) {
    const ActiveLayer& layer = layers_[j];
    z = (layer.kill < 1.0 && z <= layer.capacity * (1.0 - layer.kill)) ? z / (1.0 - layer.kill)
                                                                       : z + layer.kill * layer.capacity;
  }
  return z;
}

double Penetration::arriving_for(double through_count) const {
  return arriving_before(layers_.size(), through_count);
}

}  // namespace stratstab
