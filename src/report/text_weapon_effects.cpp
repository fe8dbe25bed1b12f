// Plain-text report of `calc kill`: inputs, then each derived quantity with its unit, then the
// caveat when the cube-root lethal radius is used below its range.
#include <string>

#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {

std::string format_kill_calculation(const KillCalculation& calculation) {
  const KillInputs& in = calculation.inputs;
  std::string out;
  out += fmt::format("Kill probability (docs/methods.md §4): surface burst on a point target\n");
  out += fmt::format("yield {:g} kt, hardness {:g} psi, CEP {:g} m, reliability {:g}, P_pen {:g}\n\n", in.yield_kt,
                     in.hardness_psi, in.cep_m, in.reliability, in.p_pen);
  const auto line = [&out](const std::string& label, const std::string& value) {
    out += fmt::format("{:<36}{}\n", label, value);
  };
  line("lethal radius (m)", fmt::format("{:.3f}", calculation.lethal_radius_m));
  line("SSPK", fmt::format("{:.6f}", calculation.sspk));
  line("kill probability, 1 warhead", fmt::format("{:.6f}", calculation.kill_probability));
  if (in.warheads > 1) {
    line(fmt::format("kill probability, {} warheads", in.warheads),
         fmt::format("{:.6f}", calculation.kill_probability_n));
  }
  line("lethality K (Mt^2/3 / nmi^2)", fmt::format("{:.4g}", calculation.lethality_k));
  line("equivalent megatons (Mt^2/3)", fmt::format("{:.4g}", calculation.equivalent_megatons));
  if (calculation.approximate) out += fmt::format("\napproximate: {}\n", calculation.approximation_note);
  return out;
}

}  // namespace stratstab
