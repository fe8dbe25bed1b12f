#include "stratstab/results_store.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

#include "sqlite_connection.hpp"
#include "stratstab/error.hpp"

namespace stratstab {

namespace {

using ensemble::quote_identifier;
using ensemble::SqliteConnection;
using ensemble::SqliteStatement;
using Clock = std::chrono::steady_clock;

// `PRAGMA application_id` of a stratstab results store: "SSRS" in ASCII. SQLite reserves the field
// for this (https://www.sqlite.org/pragma.html#pragma_application_id): a file of another tool
// (which leaves it 0 or sets its own) is told apart from a store before any table is read.
constexpr std::int64_t kApplicationId = 0x53535253;
// `PRAGMA user_version`: the layout of the tables below. A later layout increments it; a store of
// another version is refused rather than misread.
constexpr std::int64_t kFormatVersion = 1;

// The layout (docs/usersguide.md, "The results store"). Every run's points share one `points`
// table, keyed by (run_id, point_index), with one column per input and output name any run has
// (added by ALTER TABLE, which SQLite does without rewriting rows); `run_columns` says which are a
// run's and in what order, and the others are NULL in its rows. One table rather than one per run
// so that two runs join on point_index with plain SQL. The value columns have no declared type, so
// each value keeps its own: REAL for numbers, TEXT for words (a posture axis).
constexpr std::string_view kCreateTables = R"sql(
CREATE TABLE runs (
  run_id INTEGER PRIMARY KEY,
  scenario_hash TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  seed INTEGER NOT NULL,
  command_line TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  points_planned INTEGER NOT NULL
);
CREATE TABLE run_columns (
  run_id INTEGER NOT NULL REFERENCES runs (run_id),
  position INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('input', 'output')),
  name TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);
CREATE TABLE points (
  run_id INTEGER NOT NULL REFERENCES runs (run_id),
  point_index INTEGER NOT NULL,
  PRIMARY KEY (run_id, point_index)
) WITHOUT ROWID;
)sql";

// ISO 8601 UTC with milliseconds, e.g. 2026-12-02T13:45:01.123Z, computed by SQLite.
constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

InputError store_error(const std::filesystem::path& file, std::string message, std::string key_path = {}) {
  return InputError(
      {Diagnostic{Severity::kError, SourceLocation{file.string(), 0, 0, std::move(key_path)}, std::move(message)}});
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower;
}

/// The columns of one run, in order.
struct RunColumns {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
};

}  // namespace

/// The run whose insert statement is prepared (the one written to last).
struct ActiveRun {
  std::int64_t id = 0;
  std::size_t inputs = 0;
  std::size_t outputs = 0;
  std::size_t planned = 0;
  SqliteStatement insert;
};

struct ResultsStore::Impl {
  Impl(const std::filesystem::path& file, const StoreOptions& store_options) : options(store_options), db(file) {}
  /// Commits the pending batch, also when a store is replaced by move assignment.
  ~Impl() {
    try {
      flush();
    } catch (const Error&) {  // NOLINT(bugprone-empty-catch): a destructor cannot throw; --resume recomputes the batch
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  StoreOptions options;
  SqliteConnection db;
  // Prepared once the file is known to be an SQLite database (preparing reads its header).
  std::optional<SqliteStatement> begin;
  std::optional<SqliteStatement> commit;
  std::optional<SqliteStatement> rollback;
  std::optional<ActiveRun> active;
  std::size_t pending = 0;  ///< points written in the open transaction
  Clock::time_point batch_started;

  void prepare_transactions() {
    begin.emplace(db.prepare("BEGIN IMMEDIATE", "begin a batch"));
    commit.emplace(db.prepare("COMMIT", "commit a batch"));
    rollback.emplace(db.prepare("ROLLBACK", "roll back a batch"));
  }
  void flush();
  void abandon_batch() noexcept;
  /// Runs `body` in one transaction (after committing any pending batch), rolled back if it throws.
  template <typename Body>
  void in_transaction(Body&& body);
  std::size_t planned_points(std::int64_t run);
  RunColumns run_columns(std::int64_t run);
  void activate(std::int64_t run);
};

void ResultsStore::Impl::abandon_batch() noexcept {
  if (sqlite3_get_autocommit(db.handle()) == 0) {
    try {
      rollback->run();
    } catch (const Error&) {  // NOLINT(bugprone-empty-catch): already failing; the first error is reported
    }
  }
  pending = 0;
}

void ResultsStore::Impl::flush() {
  if (pending == 0) return;
  try {
    commit->run();
  } catch (const Error&) {
    abandon_batch();
    throw;
  }
  pending = 0;
}

template <typename Body>
void ResultsStore::Impl::in_transaction(Body&& body) {
  flush();
  begin->run();
  try {
    body();
    commit->run();
  } catch (...) {
    abandon_batch();
    throw;
  }
}

std::size_t ResultsStore::Impl::planned_points(std::int64_t run) {
  SqliteStatement query = db.prepare("SELECT points_planned FROM runs WHERE run_id = ?", "read a run");
  query.bind(1, run);
  if (!query.step()) throw Error(fmt::format("{}: results store: there is no run {}", db.file().string(), run));
  return static_cast<std::size_t>(query.column_integer(0));
}

RunColumns ResultsStore::Impl::run_columns(std::int64_t run) {
  SqliteStatement query =
      db.prepare("SELECT role, name FROM run_columns WHERE run_id = ? ORDER BY position", "read a run's columns");
  query.bind(1, run);
  RunColumns columns;
  while (query.step()) {
    (query.column_text(0) == "input" ? columns.inputs : columns.outputs).push_back(query.column_text(1));
  }
  return columns;
}

void ResultsStore::Impl::activate(std::int64_t run) {
  if (active && active->id == run) return;
  flush();
  const std::size_t planned = planned_points(run);
  const RunColumns columns = run_columns(run);
  std::string names = "run_id, point_index";
  std::string values = "?, ?";
  for (const auto* list : {&columns.inputs, &columns.outputs}) {
    for (const std::string& name : *list) {
      names += ", " + quote_identifier(name);
      values += ", ?";
    }
  }
  // The primary key makes a point stored twice impossible; DO NOTHING keeps the first copy, so a
  // resumed run that writes a point again (it should not) neither fails nor duplicates it.
  const std::string sql =
      fmt::format("INSERT INTO points ({}) VALUES ({}) ON CONFLICT (run_id, point_index) DO NOTHING", names, values);
  active.reset();
  active.emplace(ActiveRun{run, columns.inputs.size(), columns.outputs.size(), planned,
                           db.prepare(sql, fmt::format("prepare the points of run {}", run))});
}

ResultsStore::ResultsStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultsStore::ResultsStore(ResultsStore&& other) noexcept = default;
ResultsStore& ResultsStore::operator=(ResultsStore&& other) noexcept = default;

ResultsStore::~ResultsStore() = default;

const std::filesystem::path& ResultsStore::file() const {
  return impl_->db.file();
}

ResultsStore ResultsStore::open(const std::filesystem::path& file, const StoreOptions& options) {
  if (options.batch_points == 0) throw Error("results store: StoreOptions::batch_points must be at least 1");
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (std::filesystem::is_directory(status)) {
    throw store_error(file, "is a folder; expected the path of a results store file (e.g. runs.sqlite)");
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw store_error(file, "is not a regular file; expected the path of a results store file (e.g. runs.sqlite)");
  }
  const std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  if (!std::filesystem::is_directory(folder, ec)) {
    throw store_error(file, fmt::format("the folder {} does not exist; expected an existing folder for the "
                                        "results store",
                                        folder.string()));
  }

  auto impl = std::make_unique<Impl>(file, options);
  SqliteConnection& db = impl->db;
  // Another process reading the store (sqlite3, pandas) may hold a lock for a moment.
  sqlite3_busy_timeout(db.handle(), 5000);

  std::int64_t application_id = 0;
  std::int64_t objects = 0;
  try {
    application_id = db.query_integer("PRAGMA application_id", "read the file's header");
    objects = db.query_integer("SELECT count(*) FROM sqlite_schema", "list the file's tables");
  } catch (const Error&) {
    const int code = sqlite3_extended_errcode(db.handle());
    if ((code & 0xFF) == SQLITE_NOTADB) {
      throw store_error(file,
                        "is not an SQLite database; expected a results store written by stratstab "
                        "(--out FILE.sqlite), or a new file");
    }
    throw store_error(file, fmt::format("cannot read the results store: {}", sqlite3_errmsg(db.handle())));
  }
  if (application_id != kApplicationId && !(application_id == 0 && objects == 0)) {
    std::string tables;
    try {
      SqliteStatement list = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 6",
                                        "list the file's tables");
      std::vector<std::string> names;
      while (list.step()) names.push_back(list.column_text(0));
      tables = fmt::format("; its tables: {}", fmt::join(names, ", "));
    } catch (const Error&) {  // NOLINT(bugprone-empty-catch): the list only adds to the message
    }
    throw store_error(file, fmt::format("is an SQLite database of another tool (application_id {:#x}, a "
                                        "stratstab results store has {:#x}){}; expected a results store or a new file",
                                        application_id, kApplicationId, tables));
  }

  // Write-ahead log: a commit is atomic and a reader never blocks the writer. The mode is stored in
  // the file; it fails on file systems without shared memory (some network file systems).
  const std::string mode = lower_ascii(db.query_text("PRAGMA journal_mode = WAL", "switch to the write-ahead log"));
  if (mode != "wal") {
    throw store_error(file, fmt::format("cannot use SQLite's write-ahead log here (journal mode stays '{}'); "
                                        "expected a file on a local file system",
                                        mode));
  }
  // NORMAL: in WAL mode a commit is not fsync'ed, so a power loss may drop the last committed
  // batches, but the file stays consistent (https://www.sqlite.org/pragma.html#pragma_synchronous).
  db.execute("PRAGMA synchronous = NORMAL", "set synchronous = NORMAL");

  impl->prepare_transactions();
  if (application_id == 0) {
    impl->in_transaction([&] {
      db.execute(kCreateTables, "create the tables");
      db.execute(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId, kFormatVersion),
                 "mark the file as a results store");
    });
  } else {
    const std::int64_t version = db.query_integer("PRAGMA user_version", "read the store's format version");
    if (version != kFormatVersion) {
      throw store_error(file, fmt::format("is a results store of format version {}; this stratstab reads version {}",
                                          version, kFormatVersion));
    }
    const std::int64_t tables = db.query_integer(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('runs', 'run_columns', 'points')",
        "check the store's tables");
    if (tables != 3) {
      throw store_error(file,
                        "is marked as a results store but lacks its tables runs, run_columns and points; "
                        "expected a store written by stratstab");
    }
  }
  return ResultsStore(std::move(impl));
}

std::int64_t ResultsStore::begin_run(const RunDescription& run) {
  SqliteConnection& db = impl_->db;
  std::set<std::string> seen{"run_id", "point_index"};
  for (const auto* list : {&run.input_columns, &run.output_columns}) {
    for (const std::string& name : *list) {
      if (name.empty() || name.find('\0') != std::string::npos) {
        throw store_error(db.file(), "expected a non-empty column name without NUL characters", name);
      }
      // SQLite compares identifiers without regard to ASCII case.
      if (!seen.insert(lower_ascii(name)).second) {
        throw store_error(db.file(),
                          fmt::format("column '{}' is given twice (or is run_id or point_index, which the store "
                                      "uses); expected one column per name, names differing in more than case",
                                      name),
                          name);
      }
    }
  }
  std::int64_t run_id = 0;
  impl_->in_transaction([&] {
    SqliteStatement insert = db.prepare(
        fmt::format("INSERT INTO runs (scenario_hash, tool_version, seed, command_line, started_at, points_planned) "
                    "VALUES (?, ?, ?, ?, {}, ?)",
                    kNow),
        "add a run");
    insert.bind_static(1, run.scenario_hash);
    insert.bind_static(2, run.tool_version);
    insert.bind(3, static_cast<std::int64_t>(run.seed));  // two's complement above 2^63 - 1 (C++20)
    insert.bind_static(4, run.command_line);
    insert.bind(5, static_cast<std::int64_t>(run.points_planned));
    insert.run();
    run_id = sqlite3_last_insert_rowid(db.handle());

    std::set<std::string> existing;
    SqliteStatement info = db.prepare("SELECT name FROM pragma_table_info('points')", "read the points columns");
    while (info.step()) existing.insert(lower_ascii(info.column_text(0)));

    SqliteStatement column = db.prepare("INSERT INTO run_columns (run_id, position, role, name) VALUES (?, ?, ?, ?)",
                                        "record a run's columns");
    std::int64_t position = 0;
    for (const auto& [list, role] :
         {std::pair{&run.input_columns, "input"}, std::pair{&run.output_columns, "output"}}) {
      for (const std::string& name : *list) {
        if (existing.insert(lower_ascii(name)).second) {
          db.execute(fmt::format("ALTER TABLE points ADD COLUMN {}", quote_identifier(name)),
                     fmt::format("add the column '{}'", name));
        }
        column.bind(1, run_id);
        column.bind(2, position++);
        column.bind_static(3, role);
        column.bind_static(4, name);
        column.run();
      }
    }
  });
  return run_id;
}

std::optional<std::int64_t> ResultsStore::find_run_to_resume(const RunDescription& run) {
  SqliteConnection& db = impl_->db;
  impl_->flush();
  SqliteStatement query = db.prepare(
      "SELECT run_id, scenario_hash, tool_version, seed, points_planned FROM runs WHERE command_line = ? "
      "ORDER BY run_id DESC LIMIT 1",
      "find the run to resume");
  query.bind_static(1, run.command_line);
  if (!query.step()) return std::nullopt;
  const std::int64_t id = query.column_integer(0);
  const std::string hash = query.column_text(1);
  const std::string version = query.column_text(2);
  const auto seed = static_cast<std::uint64_t>(query.column_integer(3));
  const auto planned = static_cast<std::size_t>(query.column_integer(4));
  const std::string advice = "expected the same inputs; run without --resume, or with another --out file";
  if (hash != run.scenario_hash) {
    throw store_error(db.file(), fmt::format("the store's run {} was computed from another scenario: hash {}, now "
                                             "{} (the scenario, an override or a file it reads changed); {}",
                                             id, hash, run.scenario_hash, advice));
  }
  if (version != run.tool_version) {
    throw store_error(db.file(), fmt::format("the store's run {} was computed by stratstab {}, this is {}; its "
                                             "values could differ; {}",
                                             id, version, run.tool_version, advice));
  }
  if (seed != run.seed || planned != run.points_planned) {
    throw store_error(db.file(), fmt::format("the store's run {} has seed {} and {} points, now seed {} and {} "
                                             "points; {}",
                                             id, seed, planned, run.seed, run.points_planned, advice));
  }
  const RunColumns columns = impl_->run_columns(id);
  if (columns.inputs != run.input_columns || columns.outputs != run.output_columns) {
    throw store_error(db.file(),
                      fmt::format("the store's run {} has the columns {} | {}, now {} | {}; {}", id,
                                  fmt::join(columns.inputs, ", "), fmt::join(columns.outputs, ", "),
                                  fmt::join(run.input_columns, ", "), fmt::join(run.output_columns, ", "), advice));
  }
  return id;
}

std::vector<bool> ResultsStore::done_points(std::int64_t run) {
  impl_->flush();
  std::vector<bool> done(impl_->planned_points(run), false);
  SqliteStatement query = impl_->db.prepare("SELECT point_index FROM points WHERE run_id = ?", "list a run's points");
  query.bind(1, run);
  while (query.step()) {
    const std::int64_t index = query.column_integer(0);
    if (index >= 0 && static_cast<std::size_t>(index) < done.size()) done[static_cast<std::size_t>(index)] = true;
  }
  return done;
}

std::vector<std::size_t> ResultsStore::missing_points(std::int64_t run) {
  const std::vector<bool> done = done_points(run);
  std::vector<std::size_t> missing;
  for (std::size_t i = 0; i < done.size(); ++i) {
    if (!done[i]) missing.push_back(i);
  }
  return missing;
}

void ResultsStore::write(std::int64_t run, const StoredPoint& point) {
  Impl& s = *impl_;
  s.activate(run);
  ActiveRun& active = *s.active;
  if (point.index >= active.planned || point.inputs.size() != active.inputs || point.outputs.size() != active.outputs) {
    throw Error(
        fmt::format("{}: results store: point {} of run {} has {} inputs and {} outputs; the run has {} "
                    "points, {} inputs and {} outputs",
                    s.db.file().string(), point.index, run, point.inputs.size(), point.outputs.size(), active.planned,
                    active.inputs, active.outputs));
  }
  if (s.pending == 0) {
    s.begin->run();
    s.batch_started = Clock::now();
  }
  try {
    SqliteStatement& insert = active.insert;
    insert.bind(1, run);
    insert.bind(2, static_cast<std::int64_t>(point.index));
    int column = 3;
    for (const StoredValue& value : point.inputs) {
      if (const double* number = std::get_if<double>(&value)) {
        insert.bind(column++, *number);
      } else if (const std::int64_t* whole = std::get_if<std::int64_t>(&value)) {
        insert.bind(column++, *whole);
      } else {
        insert.bind_static(column++, std::get<std::string>(value));
      }
    }
    for (const double value : point.outputs) insert.bind(column++, value);
    insert.run();
  } catch (const Error&) {
    s.abandon_batch();
    throw;
  }
  ++s.pending;
  if (s.pending >= s.options.batch_points || Clock::now() - s.batch_started >= s.options.batch_time) s.flush();
}

void ResultsStore::flush() {
  impl_->flush();
}

void ResultsStore::finish_run(std::int64_t run) {
  impl_->flush();
  SqliteStatement update =
      impl_->db.prepare(fmt::format("UPDATE runs SET finished_at = {} WHERE run_id = ?", kNow), "record the end time");
  update.bind(1, run);
  update.run();
  if (sqlite3_changes(impl_->db.handle()) != 1) {
    throw Error(fmt::format("{}: results store: there is no run {}", impl_->db.file().string(), run));
  }
}

}  // namespace stratstab
