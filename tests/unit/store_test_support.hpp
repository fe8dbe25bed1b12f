// Helpers for the results-store tests: a deterministic point per index (the values the tests
// expect), and a plain SQLite connection to look at a store the way a user's sqlite3 would.
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "stratstab/results_store.hpp"

namespace stratstab::test {

/// A run of `points` points with a numeric and a word input and three outputs.
inline RunDescription store_run(std::size_t points, std::string hash = "hash-a") {
  return RunDescription{.scenario_hash = std::move(hash),
                        .tool_version = "0.1.0-test",
                        .command_line = "stratstab sweep us-ru-2026-11 --param ... --out runs.sqlite",
                        .seed = 7,
                        .points_planned = points,
                        .input_columns = {"sides.US.defence.interceptors", "options.posture"},
                        .output_columns = {"US.C1", "RU.C1", "ratio"}};
}

/// Point i's values: closed forms of i, so any stored row can be checked on its own.
inline StoredPoint store_point(std::size_t i) {
  const double x = static_cast<double>(i);
  return StoredPoint{.index = i,
                     .inputs = {0.5 * x, std::string(i % 2 == 0 ? "day_to_day" : "generated")},
                     .outputs = {std::sin(0.001 * x), std::sqrt(x), 1.0 / (x + 1.0)}};
}

/// A read-only view of a store through SQLite itself.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& file) {
    sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  /// The rows of `sql`, each column as SQLite's text of it with its type (`real:0.5`, `text:x`,
  /// `null`, `integer:3`); doubles are printed with 17 significant digits, so equal text is equal bits.
  [[nodiscard]] std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      out.push_back({std::string("error: ") + sqlite3_errmsg(db_)});
      return out;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      auto& row = out.emplace_back();
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_INTEGER: row.push_back("integer:" + std::to_string(sqlite3_column_int64(st, c))); break;
          case SQLITE_FLOAT: {
            char text[40];
            std::snprintf(text, sizeof text, "real:%.17g", sqlite3_column_double(st, c));
            row.emplace_back(text);
            break;
          }
          case SQLITE_TEXT:
            row.push_back(std::string("text:") + reinterpret_cast<const char*>(sqlite3_column_text(st, c)));
            break;
          default: row.emplace_back("null");
        }
      }
    }
    sqlite3_finalize(st);
    return out;
  }
  [[nodiscard]] std::string scalar(const std::string& sql) const {
    const auto r = rows(sql);
    return r.empty() || r[0].empty() ? "(none)" : r[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

/// The row a point's values make, in the text of RawDb::rows, after `run_id` and `point_index`.
inline std::vector<std::string> expected_row(std::int64_t run, std::size_t i) {
  const StoredPoint p = store_point(i);
  auto real = [](double v) {
    char text[40];
    std::snprintf(text, sizeof text, "real:%.17g", v);
    return std::string(text);
  };
  return {"integer:" + std::to_string(run),
          "integer:" + std::to_string(i),
          real(std::get<double>(p.inputs[0])),
          "text:" + std::get<std::string>(p.inputs[1]),
          real(p.outputs[0]),
          real(p.outputs[1]),
          real(p.outputs[2])};
}

}  // namespace stratstab::test
