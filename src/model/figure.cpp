#include "stratstab/figure.hpp"

#include <array>
#include <utility>

namespace stratstab {
namespace {
constexpr std::array<std::pair<Grade, std::string_view>, 6> kGradeNames{{
    {Grade::kOfficial, "OFF"},
    {Grade::kEstimate, "EST"},
    {Grade::kPress, "PRESS"},
    {Grade::kLow, "LOW"},
    {Grade::kAssumed, "ASSUMED"},
    {Grade::kDerived, "DERIVED"},
}};
constexpr std::array<std::pair<Distribution, std::string_view>, 3> kDistributionNames{{
    {Distribution::kTriangular, "triangular"},
    {Distribution::kUniform, "uniform"},
    {Distribution::kNormal, "normal"},
}};
}  // namespace

std::string_view to_string(Grade grade) {
  for (const auto& [g, name] : kGradeNames) {
    if (g == grade) return name;
  }
  return "?";
}

std::optional<Grade> grade_from_string(std::string_view text) {
  for (const auto& [g, name] : kGradeNames) {
    if (name == text) return g;
  }
  return std::nullopt;
}

std::string_view to_string(Distribution dist) {
  for (const auto& [d, name] : kDistributionNames) {
    if (d == dist) return name;
  }
  return "?";
}

std::optional<Distribution> distribution_from_string(std::string_view text) {
  for (const auto& [d, name] : kDistributionNames) {
    if (name == text) return d;
  }
  return std::nullopt;
}

}  // namespace stratstab
