// Enum words in input files: a word the key table allows, turned into its enum value with the
// enum's own to_string (forces.cpp, treaty.cpp), so names live in one place. Shared by the loaders.
#pragma once

#include <array>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "stratstab/forces.hpp"

namespace stratstab::io {

/// The value of `values` whose to_string is `word`. The key table has already checked the word,
/// so a miss means the table and the enum disagree: a programming error.
template <typename Enum, std::size_t Count>
Enum enum_from_word(const std::string& word, const std::array<Enum, Count>& values) {
  for (Enum value : values) {
    if (to_string(value) == word) return value;
  }
  throw std::logic_error(fmt::format("stratstab: schema allows '{}' but the enum has no such value", word));
}

inline constexpr std::array kBasings{Basing::kSilo,   Basing::kMobile,       Basing::kSsbn,
                                     Basing::kBomber, Basing::kNonstrategic, Basing::kIntermediate};
inline constexpr std::array kVehicles{VehicleClass::kIcbm, VehicleClass::kSlbm, VehicleClass::kHeavyBomber,
                                      VehicleClass::kIrbm, VehicleClass::kSrbm, VehicleClass::kGlcm,
                                      VehicleClass::kSlcm, VehicleClass::kAlcm, VehicleClass::kAircraft,
                                      VehicleClass::kOther};

}  // namespace stratstab::io
