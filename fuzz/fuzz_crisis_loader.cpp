// libFuzzer harness: the crisis loader (read_crisis, with the bibliography files it names) on
// arbitrary bytes. A stratstab::Error is expected; anything else escaping, a crash or a sanitizer
// report is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "stratstab/crisis.hpp"
#include "stratstab/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = stratstab::fuzz::scratch().write("crisis.yaml", stratstab::fuzz::as_text(data, size));
  try {
    (void)stratstab::read_crisis(file);
  } catch (const stratstab::Error&) {
  }
  return 0;
}
