#include "stratstab/scenario_hash.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "sha256.hpp"

namespace stratstab {

namespace {

/// Adds a field to the hash with its length first, so that no two different sequences of fields
/// hash the same bytes (`ab`,`c` and `a`,`bc` differ).
void add_field(ensemble::Sha256& sha, std::string_view text) {
  sha.update(fmt::format("{}:", text.size()));
  sha.update(text);
}

/// Adds the length and bytes of `file`, read in 64 KiB pieces.
void add_file(ensemble::Sha256& sha, const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  std::ifstream in(file, std::ios::binary);
  if (ec || !in) {
    throw InputError({Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, {}},
                                 "cannot read this input of the scenario to compute its hash for the results store "
                                 "(was it moved or deleted since it was loaded?)"}});
  }
  sha.update(fmt::format("{}:", size));
  std::array<char, 65536> buffer{};
  std::uintmax_t read = 0;
  while (in) {
    in.read(buffer.data(), buffer.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    sha.update(std::string_view(buffer.data(), got));
    read += got;
  }
  if (read != size) {
    throw InputError({Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, {}},
                                 fmt::format("read {} bytes of this input of the scenario, expected {}: did it change "
                                             "while the results store's hash was computed?",
                                             read, size)}});
  }
}

}  // namespace

std::vector<ScenarioInputFile> scenario_input_files(const Scenario& scenario) {
  std::vector<ScenarioInputFile> files;
  std::set<std::filesystem::path> seen;
  auto add = [&](std::string role, const std::string& path) {
    if (path.empty()) return;
    const std::filesystem::path normal = std::filesystem::path(path).lexically_normal();
    if (seen.insert(normal).second) files.push_back({std::move(role), normal});
  };
  add("scenario", scenario.file);
  for (const ScenarioSide& side : scenario.sides) {
    if (!side.forces) continue;
    add(fmt::format("snapshot {}", side.forces->id), side.forces->file);
    std::set<std::string> bibliographies;
    for (const auto& [id, source] : side.forces->sources) bibliographies.insert(source.file);
    for (const std::string& file : bibliographies) add("bibliography", file);
    if (side.cities) add(fmt::format("cities {}", side.cities->side), side.cities->file);
  }
  return files;
}

std::string scenario_hash(const Scenario& scenario, const std::vector<Override>& overrides) {
  ensemble::Sha256 sha;
  // A version tag: a later change of what is hashed must not match a store of this scheme.
  add_field(sha, "stratstab scenario hash 1");
  add_field(sha, fmt::format("{} overrides", overrides.size()));
  for (const Override& o : overrides) {
    add_field(sha, o.path);
    add_field(sha, o.value);
  }
  for (const ScenarioInputFile& file : scenario_input_files(scenario)) {
    add_field(sha, file.role);
    add_file(sha, file.path);
  }
  return sha.hex_digest();
}

}  // namespace stratstab
