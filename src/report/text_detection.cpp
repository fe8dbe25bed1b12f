// `calc detect` as text (detection.hpp).
#include <fmt/format.h>

#include "stratstab/report.hpp"

namespace stratstab {

std::string format_detection(const DetectionResult& r) {
  const DetectionInputs& in = r.inputs;
  std::string out = fmt::format("{} sites, {} in violation, {} inspected a year at random without replacement",
                                in.sites, in.violating, in.inspected);
  if (in.p_given_inspected < 1)
    out += fmt::format(", each inspection of a violation finding it with p = {}", in.p_given_inspected);
  out += "\n";
  const auto row = [&out](const std::string& label, double value, const std::string& how) {
    out += fmt::format("{:<28} {:.6f}  ({})\n", label + ":", value, how);
  };
  const bool thinned = in.p_given_inspected < 1;
  row("P(detect) in a year", r.p_detect,
      std::string("hypergeometric: 1 - C(N-M, n) / C(N, n)") + (thinned ? ", thinned by p" : ""));
  row("binomial approximation", r.p_detect_binomial,
      std::string("1 - (1 - ") + (thinned ? "p " : "") + "M/N)^n, draws with replacement");
  row(fmt::format("P(detect) within {} year{}", in.years, in.years == 1 ? "" : "s"), r.p_detect_cumulative,
      "1 - (1 - P)^Y, fresh draws each year");
  return out;
}

}  // namespace stratstab
