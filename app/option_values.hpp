// Option values the command converts itself rather than through CLI11 checks, so that a bad value
// is an input error (exit 3, `command line: error: --option: ...`, docs/usersguide.md's exit
// codes) naming what was expected, like every other option value out of range.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace stratstab::app {

/// Longest upload path `--horizon-months` takes: 50 years, far past any planning horizon.
inline constexpr int kMaxHorizonMonths = 600;

/// `text` as a whole number in [min, max] for `option` (e.g. `--horizon-months`), a count of
/// `unit` (e.g. `months`); throws InputError located at the option otherwise (`1.5`, `abc`, `-1`).
int whole_number_option(const std::string& text, std::string_view option, int min, int max, std::string_view unit);

/// `--seed S` of the commands that draw samples: a whole number in [0, 2^64 - 1]; throws InputError
/// located at `--seed` otherwise.
std::uint64_t seed_option(const std::string& text);

/// `--threads T`: a whole number in [0, 1024], 0 meaning every core; throws InputError otherwise.
unsigned threads_option(const std::string& text);

}  // namespace stratstab::app
