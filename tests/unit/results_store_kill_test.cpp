// A store survives SIGKILL at any moment (what `--resume` relies on): a child process writes points in
// batched transactions and is killed at a random moment, several times; after each kill the store
// passes `PRAGMA integrity_check`, holds whole batches only (a prefix of the points, each once),
// and resuming until done gives exactly the rows and values of a run that was never interrupted.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "store_test_support.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::RawDb;

// 60,500 points in batches of 1,000: the last batch is partial, written by finish_run. Batches are
// by size only here (batch_time an hour), so the committed points are always a whole number of
// batches, which is what the test checks.
constexpr std::size_t kPoints = 60'500;
constexpr StoreOptions kOptions{.batch_points = 1000, .batch_time = std::chrono::hours(1)};

/// Opens the store, finds or begins the run and writes its missing points in index order. After
/// each full batch (a commit) it writes one byte to `progress`, when given.
void write_missing(const std::filesystem::path& file, int progress = -1) {
  ResultsStore store = ResultsStore::open(file, kOptions);
  const RunDescription run = test::store_run(kPoints);
  const std::optional<std::int64_t> found = store.find_run_to_resume(run);
  const std::int64_t id = found ? *found : store.begin_run(run);
  for (const std::size_t i : store.missing_points(id)) {
    store.write(id, test::store_point(i));
    if (progress >= 0 && (i + 1) % kOptions.batch_points == 0) {
      const char byte = 1;
      if (::write(progress, &byte, 1) != 1) ::_exit(3);
    }
  }
  store.finish_run(id);
}

/// What a kill left: the number of points and whether they are points 0 .. n-1, each once.
struct Committed {
  std::size_t count = 0;
  bool prefix_without_duplicates = false;
};

Committed committed_points(const std::filesystem::path& file) {
  const RawDb db(file);
  const auto r = db.rows(
      "SELECT count(*), count(DISTINCT point_index), coalesce(min(point_index), 0), "
      "coalesce(max(point_index), -1) FROM points");
  // Killed after the file was created but before the store's tables were committed: an empty
  // database (valid; the next open creates the tables), holding no point.
  if (r.at(0).at(0) == "error: no such table: points") return {0, true};
  const std::size_t count = std::stoul(r.at(0).at(0).substr(8));
  const bool ok = r[0][1] == r[0][0] && r[0][2] == "integer:0" &&
                  r[0][3] == "integer:" + std::to_string(static_cast<long>(count) - 1);
  return {count, ok};
}

TEST(ResultsStoreKillTest, SigkillAtRandomMomentsLosesOnlyTheOpenBatchAndResumesExactly) {
  const test::TempDir dir;
  const auto file = dir.path() / "killed.sqlite";
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("random seed " + std::to_string(seed));
  std::mt19937 random(seed);

  int killed_mid_run = 0;
  std::size_t before = 0;
  // At least 5 rounds, and more (to 20) until a kill has landed in the middle of writing: under a
  // loaded machine a round's kill can land before the child's first new commit.
  for (int round = 0; round < 20 && (round < 5 || killed_mid_run == 0); ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(pipe_fds[0]);
      try {
        write_missing(file, pipe_fds[1]);
      } catch (...) {
        ::_exit(2);
      }
      ::_exit(0);
    }
    ::close(pipe_fds[1]);
    // Wait for a random number of the child's commits (0 to 20 of the ~60 of a whole run), then a
    // random 0-3 ms more, so the kill lands anywhere: between writes, inside a commit, or in a
    // WAL checkpoint.
    const int commits = std::uniform_int_distribution<int>(0, 20)(random);
    for (int seen = 0; seen < commits;) {
      pollfd p{pipe_fds[0], POLLIN, 0};
      if (::poll(&p, 1, 10'000) <= 0) break;  // the child finished or hung; the checks below tell
      char byte = 0;
      if (::read(pipe_fds[0], &byte, 1) != 1) break;
      ++seen;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ::close(pipe_fds[0]);
    // Killed, or finished cleanly before the signal; never failed.
    ASSERT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) << "status " << status;

    if (!std::filesystem::exists(file)) continue;  // killed before it created the store
    EXPECT_EQ(RawDb(file).scalar("PRAGMA integrity_check"), "text:ok");
    const Committed c = committed_points(file);
    EXPECT_TRUE(c.prefix_without_duplicates) << c.count << " points";
    EXPECT_TRUE(c.count % kOptions.batch_points == 0 || c.count == kPoints) << c.count << " points";
    EXPECT_GE(c.count, before);  // a kill never loses what an earlier round committed
    if (c.count > before && c.count < kPoints) ++killed_mid_run;
    before = c.count;
  }
  // The test means something only if some kill landed in the middle of writing.
  EXPECT_GE(killed_mid_run, 1);

  write_missing(file);  // resume to the end, in this process
  const auto reference = dir.path() / "uninterrupted.sqlite";
  write_missing(reference);

  const std::string all = "SELECT * FROM points ORDER BY run_id, point_index";
  const auto resumed_rows = RawDb(file).rows(all);
  const auto reference_rows = RawDb(reference).rows(all);
  ASSERT_EQ(resumed_rows.size(), kPoints);
  ASSERT_EQ(reference_rows.size(), kPoints);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < kPoints; ++i) {
    // Row by row against the uninterrupted run and against the closed forms of store_point.
    if (resumed_rows[i] != reference_rows[i] || resumed_rows[i] != test::expected_row(1, i)) {
      if (++differing <= 3) ADD_FAILURE() << "point " << i << " differs";
    }
  }
  EXPECT_EQ(differing, 0U);
  // Every round after the first resumed the run the first began: one run, finished.
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM runs"), "integer:1");
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"), "integer:1");
}

}  // namespace
}  // namespace stratstab
