// The values of `stratstab sweep`, read from its command line: `--values a,b,c` as written, or
// `--range FROM:TO:STEP` expanded into numbers written as text. Each value is later parsed as YAML by
// the scenario loader, exactly as a `--set KEY=VALUE` would be, so nothing here judges whether a
// value suits the key.
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "stratstab/error.hpp"
#include "stratstab/sweep.hpp"

namespace stratstab {
namespace {

constexpr const char* kCommandLine = "command line";

[[noreturn]] void fail(const char* option, std::string message) {
  throw InputError({key_error(option, std::move(message), kCommandLine)});
}

std::string_view trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::optional<double> finite_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

void check_sweep_param(std::string_view param) {
  if (!Override::is_key_path(param) || param.find('=') != std::string_view::npos) {
    fail("--param", fmt::format("expected a dotted key path as --set takes it (without '='), e.g. "
                                "sides.A.abstract.alert; got '{}'",
                                param));
  }
}

std::vector<std::string> parse_sweep_values(std::string_view text, std::size_t max_points) {
  const std::vector<std::string_view> parts = split(text, ',');
  if (parts.size() > max_points) {
    fail("--values", fmt::format("{} values; a sweep takes at most {}", parts.size(), max_points));
  }
  std::vector<std::string> values;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view value = trim(parts[i]);
    if (value.empty()) {
      fail("--values", fmt::format("value {} of {} in '{}' is empty; expected comma-separated values, e.g. 0.1,0.2,0.3",
                                   i + 1, parts.size(), text));
    }
    values.emplace_back(value);
  }
  return values;
}

std::vector<std::string> parse_sweep_range(std::string_view text, std::size_t max_points) {
  const std::vector<std::string_view> parts = split(text, ':');
  if (parts.size() != 3) {
    fail("--range", fmt::format("expected FROM:TO:STEP (three numbers), e.g. 0:1:0.1; got '{}'", text));
  }
  std::array<double, 3> numbers{};
  constexpr std::array<const char*, 3> kNames = {"FROM", "TO", "STEP"};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::optional<double> number = finite_number(trim(parts[i]));
    if (!number) fail("--range", fmt::format("{} in '{}' is not a finite number: '{}'", kNames[i], text, parts[i]));
    numbers[i] = *number;
  }
  const auto [from, to, step] = numbers;
  if (step <= 0) fail("--range", fmt::format("STEP must be positive, got {} in '{}'", step, text));
  if (to < from) {
    fail("--range", fmt::format("TO ({}) is below FROM ({}) in '{}'; a range runs upwards from FROM", to, from, text));
  }
  // The count in floating point first: (TO - FROM) / STEP can exceed what a size_t holds. The 1e-9
  // absorbs the rounding in, say, (1 - 0) / 0.1 = 9.999999999999998, so that TO is included.
  const double intervals = std::floor((to - from) / step + 1e-9);
  if (intervals + 1 > static_cast<double>(max_points)) {
    fail("--range", fmt::format("'{}' gives {:.0f} points; a sweep takes at most {}", text, intervals + 1, max_points));
  }
  const auto count = static_cast<std::size_t>(intervals) + 1;
  std::vector<std::string> values;
  values.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    // FROM + i STEP rather than a running sum, so rounding does not accumulate along the range.
    double value = from + static_cast<double>(i) * step;
    if (value == 0) value = 0;  // no "-0"
    std::string written = fmt::format("{:.12g}", value);
    if (!values.empty() && written == values.back()) {
      fail("--range", fmt::format("STEP in '{}' is too small for 12 significant digits to tell {} from the next point",
                                  text, written));
    }
    values.push_back(std::move(written));
  }
  return values;
}

}  // namespace stratstab
