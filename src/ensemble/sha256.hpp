// SHA-256 (FIPS 180-4, "Secure Hash Standard", NIST 2015, section 6.2), written out here so the scenario
// hash of a results store needs no crypto library. Used to recognise inputs, not for security.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stratstab::ensemble {

/// An incremental SHA-256: `update` any number of times, then `hex_digest` once.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  /// The 64 lower-case hex digits of the digest. Ends the computation: call it once.
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> block_{};
  std::size_t block_used_ = 0;
  std::uint64_t length_bytes_ = 0;
};

}  // namespace stratstab::ensemble
