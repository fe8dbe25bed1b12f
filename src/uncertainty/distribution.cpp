// The distributions of uncertain inputs and their quantile functions (docs/methods.md §13.2), on
// OpenTURNS' distributions: triangular (low, mode, high), uniform (low, high), and normal
// (mean, sd) truncated to [low, high].
#include <openturns/Triangular.hxx>
#include <openturns/TruncatedNormal.hxx>
#include <openturns/Uniform.hxx>

#include "stratstab/uncertainty.hpp"
#include "uncertainty/ot_distribution.hpp"

namespace stratstab {

std::string_view to_string(SamplingMethod method) {
  return method == SamplingMethod::kMonteCarlo ? "mc" : "lhs";
}

std::optional<SamplingMethod> sampling_method_from_string(std::string_view text) {
  if (text == "mc") return SamplingMethod::kMonteCarlo;
  if (text == "lhs") return SamplingMethod::kLatinHypercube;
  return std::nullopt;
}

OT::Distribution ot_distribution(const UncertainInput& input) {
  switch (input.dist) {
    case Distribution::kUniform: return OT::Uniform(input.low, input.high);
    case Distribution::kNormal: return OT::TruncatedNormal(input.mean, input.sd, input.low, input.high);
    case Distribution::kTriangular: break;
  }
  return OT::Triangular(input.low, input.mode, input.high);
}

double UncertainInput::quantile(double u) const {
  // The ends exactly: a tornado puts an input at its range's ends, not at a rounded quantile.
  if (u <= 0.0 || !(high > low)) return low;
  if (u >= 1.0) return high;
  return ot_distribution(*this).computeQuantile(u)[0];
}

}  // namespace stratstab
