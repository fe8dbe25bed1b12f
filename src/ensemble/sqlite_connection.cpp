#include "sqlite_connection.hpp"

#include <cmath>
#include <utility>

#include <fmt/format.h>
#include <sqlite3.h>

#include "stratstab/error.hpp"

namespace stratstab::ensemble {

namespace {
InputError file_error(const std::filesystem::path& file, std::string message) {
  return InputError({Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, {}}, std::move(message)}});
}
}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& file) : file_(file) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int code = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw file_error(file, fmt::format("cannot open or create a results store here: {}", why));
  }
  if (sqlite3_db_readonly(db_, "main") == 1) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw file_error(file, "the results store is read-only here; expected a file this user can write");
  }
}

SqliteConnection::~SqliteConnection() {
  sqlite3_close(db_);
}

std::string SqliteConnection::failure(std::string_view what, int code) const {
  return fmt::format("{}: results store: {}: {} (SQLite: {})", file_.string(), what, sqlite3_errmsg(db_),
                     sqlite3_errstr(code));
}

void SqliteConnection::execute(std::string_view sql, std::string_view what) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw Error(fmt::format("{}: results store: {}: {}", file_.string(), what, text));
  }
}

SqliteStatement SqliteConnection::prepare(std::string_view sql, std::string_view what) {
  sqlite3_stmt* statement = nullptr;
  const int code =
      sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (code != SQLITE_OK) throw Error(failure(what, code));
  return {*this, statement, std::string(what)};
}

std::int64_t SqliteConnection::query_integer(std::string_view sql, std::string_view what) {
  SqliteStatement statement = prepare(sql, what);
  if (!statement.step()) throw Error(fmt::format("{}: results store: {}: no result", file_.string(), what));
  return statement.column_integer(0);
}

std::string SqliteConnection::query_text(std::string_view sql, std::string_view what) {
  SqliteStatement statement = prepare(sql, what);
  if (!statement.step()) throw Error(fmt::format("{}: results store: {}: no result", file_.string(), what));
  return statement.column_text(0);
}

SqliteStatement::SqliteStatement(SqliteConnection& connection, sqlite3_stmt* statement, std::string what)
    : connection_(&connection), statement_(statement), what_(std::move(what)) {}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : connection_(other.connection_),
      statement_(std::exchange(other.statement_, nullptr)),
      what_(std::move(other.what_)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    connection_ = other.connection_;
    statement_ = std::exchange(other.statement_, nullptr);
    what_ = std::move(other.what_);
  }
  return *this;
}

void SqliteStatement::bind(int index, double value) {
  const int code =
      std::isnan(value) ? sqlite3_bind_null(statement_, index) : sqlite3_bind_double(statement_, index, value);
  if (code != SQLITE_OK) throw Error(connection_->failure(what_, code));
}

void SqliteStatement::bind(int index, std::int64_t value) {
  const int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) throw Error(connection_->failure(what_, code));
}

void SqliteStatement::bind_static(int index, std::string_view text) {
  const int code = sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (code != SQLITE_OK) throw Error(connection_->failure(what_, code));
}

void SqliteStatement::bind_null(int index) {
  const int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) throw Error(connection_->failure(what_, code));
}

bool SqliteStatement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  // The error message is the connection's; read it before reset can replace it.
  std::string message = connection_->failure(what_, code);
  sqlite3_reset(statement_);
  throw Error(message);
}

void SqliteStatement::run() {
  while (step()) {
  }
  reset();
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::column_integer(int index) const {
  return sqlite3_column_int64(statement_, index);
}
double SqliteStatement::column_double(int index) const {
  return sqlite3_column_double(statement_, index);
}
std::string SqliteStatement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(statement_, index);
  return text != nullptr ? std::string(reinterpret_cast<const char*>(text),
                                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, index)))
                         : std::string();
}
bool SqliteStatement::column_is_null(int index) const {
  return sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

std::string quote_identifier(std::string_view name) {
  std::string quoted = "\"";
  for (const char ch : name) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

}  // namespace stratstab::ensemble
