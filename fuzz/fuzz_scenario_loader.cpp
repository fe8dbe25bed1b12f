// libFuzzer harness: the scenario loader (read_scenario with `--set` overrides, force ids resolved
// in the bundled catalogue). The input is split at the first line that is exactly `#--set` (a YAML
// comment, so a plain scenario file is a valid input too): before it the scenario file, after it
// one `KEY=VALUE` override per line, each parsed as `--set KEY=VALUE` is. A stratstab::Error is
// expected; anything else escaping, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/error.hpp"
#include "stratstab/scenario.hpp"

namespace {

constexpr std::string_view kSeparator = "#--set\n";

const stratstab::DataCatalog& catalog() {
  static const stratstab::DataCatalog instance(STRATSTAB_FUZZ_DATA_DIR);
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = stratstab::fuzz::as_text(data, size);
  std::string_view yaml = input;
  std::string_view sets;
  const bool separator_first = input.substr(0, kSeparator.size()) == kSeparator;
  const std::size_t at = separator_first ? 0 : input.find(std::string("\n").append(kSeparator));
  if (at != std::string_view::npos) {
    const std::size_t skip = separator_first ? kSeparator.size() : kSeparator.size() + 1;
    yaml = input.substr(0, separator_first ? 0 : at + 1);
    sets = input.substr(at + skip);
  }
  const auto file = stratstab::fuzz::scratch().write("scenario.yaml", yaml);
  try {
    std::vector<stratstab::Override> overrides;
    while (!sets.empty()) {
      const std::size_t end = sets.find('\n');
      const std::string_view line = sets.substr(0, end);
      sets = end == std::string_view::npos ? std::string_view{} : sets.substr(end + 1);
      overrides.push_back(stratstab::Override::parse(std::string(line)));
    }
    (void)stratstab::read_scenario(file, overrides, &catalog());
  } catch (const stratstab::Error&) {
  }
  return 0;
}
