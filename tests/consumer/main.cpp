// Uses the installed stratstab package: one kill calculation (library code, validated inputs) and
// one force snapshot load (the YAML loader and its bibliography), each checked against a value
// known independently of the code. Exit 0 when both match.
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "stratstab/load.hpp"
#include "stratstab/version.hpp"
#include "stratstab/weapon_effects.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer DATA_DIR\n");
    return 2;
  }
  try {
    // The first check value of docs/methods.md §4: 1000 kt on a 1000 psi target with a 200 m CEP, R = 1, no
    // defences: lethal radius 485.224 m, kill probability 0.983091.
    stratstab::KillInputs inputs;
    inputs.yield_kt = 1000.0;
    inputs.hardness_psi = 1000.0;
    inputs.cep_m = 200.0;
    const stratstab::KillCalculation kill = stratstab::calculate_kill(inputs);
    std::printf("stratstab %.*s: kill probability %.6f, lethal radius %.3f m\n",
                static_cast<int>(stratstab::kVersion.size()), stratstab::kVersion.data(), kill.kill_probability,
                kill.lethal_radius_m);
    if (std::abs(kill.kill_probability - 0.983091) > 5e-7 || std::abs(kill.lethal_radius_m - 485.224) > 5e-4) {
      std::fprintf(stderr, "consumer: kill calculation differs from docs/methods.md §4's check value\n");
      return 1;
    }
    // The installed data's US snapshot: its id is its file name (the loader checks id = side-date).
    const std::filesystem::path file = std::filesystem::path(argv[1]) / "forces" / "us-2026-11-01.yaml";
    const stratstab::ForceSnapshot snapshot = stratstab::load_force_snapshot(file);
    std::printf("loaded %s: %zu systems\n", snapshot.id.c_str(), snapshot.systems.size());
    if (snapshot.id != "us-2026-11-01" || snapshot.systems.empty()) {
      std::fprintf(stderr, "consumer: snapshot %s not read as expected\n", file.c_str());
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
  return 0;
}
