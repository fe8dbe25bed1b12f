#include "option_values.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "stratstab/error.hpp"

namespace stratstab::app {

int whole_number_option(const std::string& text, std::string_view option, int min, int max, std::string_view unit) {
  std::string_view digits = text;
  if (digits.starts_with('+')) digits.remove_prefix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  const bool whole = !digits.empty() && error == std::errc() && end == digits.data() + digits.size();
  if (whole && value >= min && value <= max) return value;
  throw InputError({key_error(std::string(option),
                              fmt::format("expected a whole number of {} in [{}, {}], got '{}'", unit, min, max, text),
                              "command line")});
}

std::uint64_t seed_option(const std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw InputError({key_error("--seed", "expected a whole number from 0 to 2^64 - 1, got `" + text + "`")});
  }
  return seed;
}

unsigned threads_option(const std::string& text) {
  const int threads = whole_number_option(text, "--threads", 0, 1024, "threads");
  return threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : static_cast<unsigned>(threads);
}

}  // namespace stratstab::app
