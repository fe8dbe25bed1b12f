// The one table of input keys. Loaders validate against it (type, required, bounds) and the
// key reference in docs/io_formats.md is generated from it (`stratstab docs keys`), so the two
// cannot drift apart: a unit test compares them.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace stratstab {

enum class KeyKind {
  kInteger,   ///< a plain integer (e.g. `schema: 1`)
  kString,    ///< free text
  kId,        ///< identifier: lower-case letters, digits and `-`
  kDate,      ///< YYYY-MM-DD (or YYYY / YYYY-MM where the key says so)
  kEnum,      ///< one of `allowed`
  kBool,      ///< true or false
  kNumber,    ///< a plain number (scenario parameters), checked against the bounds
  kFigure,    ///< a sourced number {value, grade, src, date, range, note}
  kMapping,   ///< a nested section
  kList,      ///< a list of nested sections
  kPathList,  ///< a list of file paths, relative to the file
  kEnumList,  ///< a list of words, each one of `allowed`
  kIdList,    ///< a list of ids
};

/// One key of one section. Bounds apply to figure values and their ranges.
struct KeySpec {
  std::string_view name{};
  KeyKind kind = KeyKind::kString;
  bool required = true;
  std::string_view unit{};  ///< for figures: kt, m, km, psi, share, count, ...
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;  ///< value must be > min rather than >= min
  bool integer = false;        ///< figure must be a whole number (a count)
  /// A value other than 0 must be at least this (probabilities: 0 or >= 1e-6), so that a
  /// subnormal such as 4.9e-324 cannot reach the solvers; 0 means no such floor.
  double min_nonzero = 0;
  std::string_view allowed{};  ///< for enums: `a | b | c`
  std::string_view description{};
  /// What an absent optional key means, where the table gives it (docs/io_formats.md prints it):
  /// a number (bools 1 or 0) or, for enums, a word. The structs the loader fills start from it
  /// (scenario_keys.hpp).
  std::optional<double> default_value{};
  std::string_view default_word{};
};

/// A mapping in an input file: its keys, and where it sits (`systems[]`).
struct SchemaSection {
  std::string_view id;    ///< stable name used by loaders, e.g. `system`
  std::string_view path;  ///< where it appears, e.g. `systems[]`
  std::string_view title;
  std::span<const KeySpec> keys;

  /// The spec for `key`, or nullptr.
  [[nodiscard]] const KeySpec* find(std::string_view key) const;
};

/// Sections of a force snapshot file (`data/forces/<side>-<date>.yaml`).
std::span<const SchemaSection> force_snapshot_schema();
/// Sections of a bibliography file (`data/sources/*.yaml`).
std::span<const SchemaSection> bibliography_schema();
/// Sections of a scenario file (`data/scenarios/*.yaml`).
std::span<const SchemaSection> scenario_schema();
/// Sections of a treaty file (`data/treaties/*.yaml`).
std::span<const SchemaSection> treaty_schema();
/// Sections of a weapon-target assignment problem file (`data/wta/*.yaml`).
std::span<const SchemaSection> wta_schema();
/// Pathway files (`data/pathways/*.yaml`).
std::span<const SchemaSection> pathway_schema();
/// Crisis files (`data/crises/*.yaml`).
std::span<const SchemaSection> crisis_schema();
/// Arms-race files (`data/arms_race/*.yaml`).
std::span<const SchemaSection> arms_race_schema();
/// The section named `id` in any schema; throws std::logic_error if unknown (a programming bug).
const SchemaSection& schema_section(std::string_view id);

/// Whether `value` satisfies the key's bounds (min, max, min_nonzero, whole). The one place the
/// magnitude bounds are applied: the loaders and the command line (`calc kill`) both use it.
bool within_bounds(double value, const KeySpec& spec);
/// What the key expects, for messages: "a number of m in [1, 20000]".
std::string expected_number_text(const KeySpec& spec);
/// The spec of `key` in section `section_id` (e.g. `warhead`, `yield_kt`): how code outside the
/// loaders (e.g. `calc kill`) applies the same bounds as the files. Throws std::logic_error if
/// either is unknown (a programming bug).
const KeySpec& key_spec(std::string_view section_id, std::string_view key);
/// `spec`'s default as docs/io_formats.md writes it (`0.75`, `true`, `exact`; "" when it has none).
std::string key_default_text(const KeySpec& spec);
/// `spec`'s bounds as docs/io_formats.md writes them, e.g. `(0, 100000]` ("" when unbounded).
std::string key_bounds_text(const KeySpec& spec);

/// Markdown tables of every section, for docs/io_formats.md.
std::string key_reference_markdown();

}  // namespace stratstab
