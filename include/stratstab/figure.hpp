// A sourced number: every figure in the bundled data carries its value, where it comes from, its
// date and how much to trust it (grades: docs/methods.md §2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stratstab/error.hpp"

namespace stratstab {

/// How much to trust a figure (docs/methods.md §2).
enum class Grade {
  kOfficial,  ///< [OFF] official text or statement
  kEstimate,  ///< [EST] expert estimate (FAS, SIPRI, CRS)
  kPress,     ///< [PRESS] journalism
  kLow,       ///< [LOW] aggregator, placeholder only
  kAssumed,   ///< [ASSUMED] no public figure: documented assumption with a range
  kDerived,   ///< [DERIVED] computed by the project from sourced figures; the derivation is in the note
};

/// `OFF`, `EST`, `PRESS`, `LOW`, `ASSUMED`, `DERIVED`.
std::string_view to_string(Grade grade);
std::optional<Grade> grade_from_string(std::string_view text);

/// Closed interval of plausible values; for the uncertainty runs (docs/methods.md §13.2).
struct Range {
  double low = 0.0;
  double high = 0.0;
};

/// The shape of a figure's spread over its range, for the uncertainty runs (docs/methods.md §13.2).
enum class Distribution { kTriangular, kUniform, kNormal };

/// `triangular`, `uniform`, `normal`.
std::string_view to_string(Distribution dist);
std::optional<Distribution> distribution_from_string(std::string_view text);

struct Figure {
  double value = 0.0;
  std::optional<Grade> grade;  ///< empty: the file gave none (an unsourced figure)
  std::string source_id;       ///< empty: the file gave none
  std::string date;            ///< the figure's own date, else its source's; empty if neither
  bool date_from_source = false;
  std::optional<Range> range;
  std::optional<Distribution> dist;  ///< `dist:`; given only with a range
  std::string note;
  SourceLocation where;  ///< where the figure was read, for audits and messages

  /// True when the figure has a source, a date and a grade, an assumption has its range and a derived
  /// figure says in its note how it was derived.
  [[nodiscard]] bool is_sourced() const {
    return grade.has_value() && !source_id.empty() && !date.empty() &&
           (*grade != Grade::kAssumed || range.has_value()) && (*grade != Grade::kDerived || !note.empty());
  }
};

}  // namespace stratstab
