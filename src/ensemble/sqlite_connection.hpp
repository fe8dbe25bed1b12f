// Thin RAII owners of a SQLite connection and its prepared statements (SQLite's C API, Debian
// libsqlite3-dev), whose failures become stratstab errors naming the database file. Private to
// src/ensemble: the results store is the only user.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace stratstab::ensemble {

class SqliteStatement;

/// An open database. Not copyable; one thread at a time (the results store has one writer).
class SqliteConnection {
 public:
  /// Opens (creating if absent) `file` read-write. Throws InputError naming the file when it
  /// cannot be opened or is not writable.
  explicit SqliteConnection(const std::filesystem::path& file);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  /// Runs one or more statements without results. Throws Error naming the file and `what`.
  void execute(std::string_view sql, std::string_view what);
  /// A prepared statement; throws Error naming the file and `what`.
  SqliteStatement prepare(std::string_view sql, std::string_view what);
  /// The single integer (or text) the query returns, e.g. a PRAGMA.
  std::int64_t query_integer(std::string_view sql, std::string_view what);
  std::string query_text(std::string_view sql, std::string_view what);

  /// The Error for the failure of `what` (an SQLite result code `code`), with SQLite's message.
  [[nodiscard]] std::string failure(std::string_view what, int code) const;
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

/// A prepared statement, reset after each run. Binding is 1-based, as SQLite's.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, std::string what);
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind(int index, double value);  ///< NaN is bound as NULL (SQLite stores no NaN)
  void bind(int index, std::int64_t value);
  /// Binds text that must stay alive and unchanged until the statement is run (no copy).
  void bind_static(int index, std::string_view text);
  void bind_null(int index);
  /// Steps once: true when a row is ready, false when done. Throws Error on failure.
  bool step();
  /// Steps to the end (a statement without rows) and resets.
  void run();
  void reset();

  [[nodiscard]] std::int64_t column_integer(int index) const;
  [[nodiscard]] double column_double(int index) const;
  [[nodiscard]] std::string column_text(int index) const;
  [[nodiscard]] bool column_is_null(int index) const;

 private:
  SqliteConnection* connection_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
  std::string what_;
};

/// `name` as an SQL identifier: in double quotes, each `"` doubled (key paths hold dots and
/// brackets, which an unquoted identifier cannot).
std::string quote_identifier(std::string_view name);

}  // namespace stratstab::ensemble
