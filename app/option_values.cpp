#include "option_values.hpp"

#include <charconv>
#include <optional>
#include <system_error>

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

}  // namespace stratstab::app
