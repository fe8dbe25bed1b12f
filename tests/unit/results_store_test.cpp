// The results store (include/stratstab/results_store.hpp): its tables as SQLite shows them, batched
// commits, resume bookkeeping, and a located error for each kind of bad file or mismatched run.
#include "stratstab/results_store.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "store_test_support.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::RawDb;
using test::store_point;
using test::store_run;

/// The single diagnostic of the InputError `body` throws (fails the test when none).
template <typename Body>
Diagnostic input_error_of(Body&& body) {
  try {
    body();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().size(), 1U);
    if (!e.diagnostics().empty()) return e.diagnostics()[0];
  }
  ADD_FAILURE() << "expected an InputError";
  return {};
}

TEST(ResultsStoreTest, StoresRunsAndPointsAsSqliteShowsThem) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    const std::int64_t run = store.begin_run(store_run(3));
    EXPECT_EQ(run, 1);
    for (std::size_t i = 0; i < 3; ++i) store.write(run, store_point(i));
    store.finish_run(run);
  }
  const RawDb db(file);
  EXPECT_EQ(db.scalar("PRAGMA journal_mode"), "text:wal");
  EXPECT_EQ(db.scalar("PRAGMA application_id"), "integer:1397969491");  // 0x53535253, "SSRS"
  EXPECT_EQ(db.scalar("PRAGMA user_version"), "integer:1");
  const auto runs = db.rows(
      "SELECT run_id, scenario_hash, tool_version, seed, command_line, points_planned, "
      "started_at GLOB '20[0-9][0-9]-[01][0-9]-[0-3][0-9]T*Z', finished_at >= started_at FROM runs");
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_EQ(runs[0],
            (std::vector<std::string>{"integer:1", "text:hash-a", "text:0.1.0-test", "integer:7",
                                      "text:" + store_run(3).command_line, "integer:3", "integer:1", "integer:1"}));
  EXPECT_EQ(db.rows("SELECT position, role, name FROM run_columns ORDER BY position"),
            (std::vector<std::vector<std::string>>{{"integer:0", "text:input", "text:sides.US.defence.interceptors"},
                                                   {"integer:1", "text:input", "text:options.posture"},
                                                   {"integer:2", "text:output", "text:US.C1"},
                                                   {"integer:3", "text:output", "text:RU.C1"},
                                                   {"integer:4", "text:output", "text:ratio"}}));
  // Key paths as column names, quoted; numbers REAL, words TEXT.
  const auto points = db.rows(
      "SELECT run_id, point_index, \"sides.US.defence.interceptors\", \"options.posture\", \"US.C1\", \"RU.C1\", "
      "ratio FROM points ORDER BY point_index");
  ASSERT_EQ(points.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(points[i], test::expected_row(1, i)) << "point " << i;
  EXPECT_EQ(db.scalar("SELECT typeof(\"options.posture\") FROM points WHERE point_index = 1"), "text:text");
  EXPECT_EQ(db.scalar("PRAGMA integrity_check"), "text:ok");
}

TEST(ResultsStoreTest, CommitsInBatchesOfTheGivenSize) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  ResultsStore store = ResultsStore::open(file, {.batch_points = 4, .batch_time = std::chrono::hours(1)});
  const std::int64_t run = store.begin_run(store_run(10));
  auto committed = [&] { return RawDb(file).scalar("SELECT count(*) FROM points"); };
  for (std::size_t i = 0; i < 3; ++i) store.write(run, store_point(i));
  EXPECT_EQ(committed(), "integer:0");  // another connection sees no partial batch
  store.write(run, store_point(3));
  EXPECT_EQ(committed(), "integer:4");
  for (std::size_t i = 4; i < 9; ++i) store.write(run, store_point(i));
  EXPECT_EQ(committed(), "integer:8");
  store.flush();
  EXPECT_EQ(committed(), "integer:9");
}

TEST(ResultsStoreTest, CommitsABatchOnceItsTimeHasPassed) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  ResultsStore store = ResultsStore::open(file, {.batch_points = 1000, .batch_time = std::chrono::milliseconds(0)});
  const std::int64_t run = store.begin_run(store_run(5));
  store.write(run, store_point(0));  // a batch 0 ms old is due at once
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM points"), "integer:1");
}

TEST(ResultsStoreTest, TheDestructorCommitsThePendingBatch) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    const std::int64_t run = store.begin_run(store_run(5));
    store.write(run, store_point(0));
    store.write(run, store_point(1));
  }
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM points"), "integer:2");

  // So does replacing a store by another.
  ResultsStore store = ResultsStore::open(file);
  store.write(1, store_point(2));
  store = ResultsStore::open(dir.path() / "other.sqlite");
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM points"), "integer:3");
}

TEST(ResultsStoreTest, MissingPointsAndResumeNeverDuplicate) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    EXPECT_FALSE(store.find_run_to_resume(store_run(6)).has_value());
    const std::int64_t run = store.begin_run(store_run(6));
    for (const std::size_t i : {0, 2, 5}) store.write(run, store_point(i));
    EXPECT_EQ(store.missing_points(run), (std::vector<std::size_t>{1, 3, 4}));  // pending points count
  }
  ResultsStore store = ResultsStore::open(file);
  const auto run = store.find_run_to_resume(store_run(6));
  ASSERT_EQ(run, std::optional<std::int64_t>(1));
  EXPECT_EQ(store.done_points(*run), (std::vector<bool>{true, false, true, false, false, true}));
  // Point 2 written again with other values: the first copy stays, once.
  StoredPoint again = store_point(2);
  again.outputs[0] = 99;
  store.write(*run, again);
  for (const std::size_t i : store.missing_points(*run)) store.write(*run, store_point(i));
  store.finish_run(*run);
  EXPECT_TRUE(store.missing_points(*run).empty());
  const RawDb db(file);
  const auto rows = db.rows("SELECT * FROM points ORDER BY point_index");
  ASSERT_EQ(rows.size(), 6U);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(rows[i], test::expected_row(1, i)) << "point " << i;
}

TEST(ResultsStoreTest, RunsOfOtherColumnsShareThePointsTableAndJoinOnTheIndex) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    const std::int64_t a = store.begin_run(store_run(2));
    RunDescription other = store_run(2);
    other.command_line = "another sweep";
    other.input_columns = {"sides.US.defence.layers[0].sspk"};
    other.output_columns = {"ratio", "a \"quoted\" name"};
    const std::int64_t b = store.begin_run(other);
    EXPECT_EQ(b, 2);
    for (std::size_t i = 0; i < 2; ++i) {
      store.write(a, store_point(i));
      store.write(b, StoredPoint{i, {0.25 * static_cast<double>(i)}, {10.0 + static_cast<double>(i), -1.0}});
    }
  }
  const RawDb db(file);
  EXPECT_EQ(
      db.rows("SELECT a.point_index, a.ratio, b.ratio, b.\"sides.US.defence.layers[0].sspk\", "
              "b.\"a \"\"quoted\"\" name\", b.\"US.C1\" FROM points a JOIN points b USING (point_index) "
              "WHERE a.run_id = 1 AND b.run_id = 2 ORDER BY point_index"),
      (std::vector<std::vector<std::string>>{{"integer:0", "real:1", "real:10", "real:0", "real:-1", "null"},
                                             {"integer:1", "real:0.5", "real:11", "real:0.25", "real:-1", "null"}}));
}

TEST(ResultsStoreTest, EachInputKeepsItsTypeInOneColumn) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    RunDescription run = store_run(3);
    run.input_columns = {"x"};
    run.output_columns = {"y"};
    const std::int64_t id = store.begin_run(run);
    store.write(id, StoredPoint{0, {std::int64_t{500}}, {1.0}});
    store.write(id, StoredPoint{1, {0.5}, {2.0}});
    store.write(id, StoredPoint{2, {std::string("generated")}, {3.0}});
  }
  EXPECT_EQ(RawDb(file).rows("SELECT typeof(x), x FROM points ORDER BY point_index"),
            (std::vector<std::vector<std::string>>{
                {"text:integer", "integer:500"}, {"text:real", "real:0.5"}, {"text:text", "text:generated"}}));
}

TEST(ResultsStoreTest, NanIsStoredAsNull) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    const std::int64_t run = store.begin_run(store_run(1));
    StoredPoint p = store_point(0);
    p.outputs[2] = std::nan("");
    store.write(run, p);
  }
  EXPECT_EQ(RawDb(file).scalar("SELECT typeof(ratio) FROM points"), "text:null");
}

TEST(ResultsStoreTest, ResumingAnotherScenarioIsALocatedError) {
  const test::TempDir dir;
  const auto file = dir.path() / "runs.sqlite";
  {
    ResultsStore store = ResultsStore::open(file);
    (void)store.begin_run(store_run(4, "aaaa"));
  }
  ResultsStore store = ResultsStore::open(file);
  const Diagnostic d = input_error_of([&] { (void)store.find_run_to_resume(store_run(4, "bbbb")); });
  EXPECT_EQ(d.where.file, file.string());
  EXPECT_NE(d.message.find("the store's run 1 was computed from another scenario: hash aaaa, now bbbb"),
            std::string::npos)
      << d.message;

  RunDescription newer = store_run(4, "aaaa");
  newer.tool_version = "9.9.9";
  EXPECT_NE(input_error_of([&] {
              (void)store.find_run_to_resume(newer);
            }).message.find("stratstab 0.1.0-test, this is 9.9.9"),
            std::string::npos);
  RunDescription more = store_run(5, "aaaa");
  EXPECT_NE(input_error_of([&] { (void)store.find_run_to_resume(more); }).message.find("4 points, now seed 7 and 5"),
            std::string::npos);
  RunDescription columns = store_run(4, "aaaa");
  columns.output_columns.pop_back();
  EXPECT_NE(input_error_of([&] { (void)store.find_run_to_resume(columns); }).message.find("has the columns"),
            std::string::npos);
}

TEST(ResultsStoreTest, BadFilesAreLocatedErrors) {
  const test::TempDir dir;
  const auto text = dir.write("notes.sqlite", "this is a text file, not a database, and long enough to be read as one");
  Diagnostic d = input_error_of([&] { (void)ResultsStore::open(text); });
  EXPECT_EQ(d.where.file, text.string());
  EXPECT_NE(d.message.find("is not an SQLite database"), std::string::npos) << d.message;

  // An SQLite database of another tool.
  const auto other = dir.path() / "other.sqlite";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE photos (id INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  d = input_error_of([&] { (void)ResultsStore::open(other); });
  EXPECT_EQ(d.where.file, other.string());
  EXPECT_NE(d.message.find("is an SQLite database of another tool (application_id 0"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("its tables: photos"), std::string::npos) << d.message;

  d = input_error_of([&] { (void)ResultsStore::open(dir.path()); });
  EXPECT_NE(d.message.find("is a folder"), std::string::npos) << d.message;
  d = input_error_of([&] { (void)ResultsStore::open(dir.path() / "no-such-folder" / "runs.sqlite"); });
  EXPECT_NE(d.message.find("does not exist"), std::string::npos) << d.message;

  // A store of a later format version.
  const auto later = dir.path() / "later.sqlite";
  { (void)ResultsStore::open(later); }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(later.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 2", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  d = input_error_of([&] { (void)ResultsStore::open(later); });
  EXPECT_NE(d.message.find("format version 2; this stratstab reads version 1"), std::string::npos) << d.message;
}

TEST(ResultsStoreTest, BadColumnsAndPointsAreRefused) {
  const test::TempDir dir;
  ResultsStore store = ResultsStore::open(dir.path() / "runs.sqlite");
  RunDescription twice = store_run(2);
  twice.output_columns.emplace_back("us.c1");  // SQLite identifiers ignore ASCII case
  EXPECT_EQ(input_error_of([&] { (void)store.begin_run(twice); }).where.key_path, "us.c1");
  RunDescription reserved = store_run(2);
  reserved.input_columns.emplace_back("point_index");
  EXPECT_EQ(input_error_of([&] { (void)store.begin_run(reserved); }).where.key_path, "point_index");
  RunDescription empty = store_run(2);
  empty.output_columns.emplace_back();
  (void)input_error_of([&] { (void)store.begin_run(empty); });
  // Refused runs left nothing behind.
  EXPECT_EQ(RawDb(dir.path() / "runs.sqlite").scalar("SELECT count(*) FROM runs"), "integer:0");

  const std::int64_t run = store.begin_run(store_run(2));
  EXPECT_THROW(store.write(run, store_point(2)), Error);  // index past points_planned
  StoredPoint short_point = store_point(0);
  short_point.outputs.pop_back();
  EXPECT_THROW(store.write(run, short_point), Error);
  EXPECT_THROW(store.write(run + 1, store_point(0)), Error);  // no such run
}

}  // namespace
}  // namespace stratstab
