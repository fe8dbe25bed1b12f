// libFuzzer harness: the force snapshot loader (read_force_snapshot) on arbitrary bytes. A
// stratstab::Error is an expected outcome (a located diagnostic); anything else that escapes, a
// crash, a sanitizer report, a hang (-timeout) or a memory blow-up (-rss_limit_mb) is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "stratstab/error.hpp"
#include "stratstab/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = stratstab::fuzz::scratch().write("snapshot.yaml", stratstab::fuzz::as_text(data, size));
  try {
    const auto result = stratstab::read_force_snapshot(file);
    if (result.value && result.value->id.empty()) stratstab::fuzz::fail("a snapshot without an id was accepted");
  } catch (const stratstab::Error&) {
  }
  return 0;
}
