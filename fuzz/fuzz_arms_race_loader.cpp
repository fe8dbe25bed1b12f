// libFuzzer harness: the arms-race loader (read_arms_race, with the bibliography files it names) on
// arbitrary bytes, and every file it accepts solved (solve_arms_race). A stratstab::Error is the
// expected outcome of a bad input; the engine throwing on a loaded file (the loader let through what
// the engine refuses), an eigenvalue or a printed stock that is not finite, a trajectory that does
// not start at 0, or anything else escaping, a crash or a sanitizer report is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.hpp"
#include "stratstab/arms_race_file.hpp"
#include "stratstab/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = stratstab::fuzz::scratch().write("arms-race.yaml", stratstab::fuzz::as_text(data, size));
  try {
    const auto loaded = stratstab::read_arms_race(file);
    if (!loaded.value) return 0;
    const stratstab::ArmsRaceResult r = stratstab::solve_arms_race(stratstab::arms_race_question(*loaded.value));
    for (const stratstab::Eigenvalue& e : r.eigenvalues) {
      if (!std::isfinite(e.real) || !std::isfinite(e.imag)) std::abort();
    }
    if (r.trajectory.empty() || r.trajectory.front().years != 0) std::abort();
    for (const stratstab::TrajectoryPoint& p : r.trajectory) {
      for (double x : p.stocks) {
        if (!std::isfinite(x) || std::abs(x) > stratstab::kArmsRaceStockCeiling) std::abort();
      }
    }
  } catch (const stratstab::Error&) {
  }
  return 0;
}
