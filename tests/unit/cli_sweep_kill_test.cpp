// `stratstab sweep ... --out FILE.sqlite` killed with SIGKILL mid-run and continued with `--resume`
// ends with exactly the store of a run never interrupted: no point lost, none stored twice, every
// value bit for bit the same, and the file passes `PRAGMA integrity_check` after the kill.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store_test_support.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::RawDb;

// 101 x 601 = 60,701 points of the abstract worked example (about a second on one thread, at some
// 60,000 points a second through the store): the kill comes as soon as the first batch of 1,000 is
// committed, with some 60 batches still to go, so it lands mid-run however loaded the machine is.
const std::vector<std::string> kSweep = {
    "sweep",   "kent-thaler-example",           "--param", "sides.A.abstract.alert=0:1:0.01",
    "--param", "sides.B.abstract.nf=100:700:1", "--yes",   "--quiet"};
constexpr std::size_t kPoints = 101 * 601;

/// Starts `stratstab --data-dir DATA <kSweep> --out FILE [extra]` as a child process, its stderr
/// into `err` when given.
pid_t start_sweep(const std::filesystem::path& file, const std::vector<std::string>& extra,
                  const std::filesystem::path& err = {}) {
  std::vector<std::string> args = {STRATSTAB_EXE, "--data-dir", std::string(STRATSTAB_SOURCE_DIR) + "/data"};
  args.insert(args.end(), kSweep.begin(), kSweep.end());
  args.push_back("--out");
  args.push_back(file.string());
  args.insert(args.end(), extra.begin(), extra.end());
  const pid_t child = ::fork();
  if (child == 0) {
    if (!err.empty()) {
      const int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (fd < 0 || ::dup2(fd, STDERR_FILENO) < 0) ::_exit(126);
    }
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return child;
}

int wait_exit(pid_t child) {
  int status = 0;
  if (::waitpid(child, &status, 0) != child) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Points stored so far, through SQLite itself (0 while the file or its tables do not exist yet).
std::size_t stored(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return 0;
  const std::string count = RawDb(file).scalar("SELECT count(*) FROM points");
  return count.rfind("integer:", 0) == 0 ? std::stoul(count.substr(8)) : 0;
}

TEST(CliSweepKillTest, SigkillThenResumeGivesTheUninterruptedStore) {
  const test::TempDir dir;
  const auto killed = dir.path() / "killed.sqlite";
  const pid_t child = start_sweep(killed, {"--threads", "1"});
  ASSERT_GT(child, 0);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::size_t before_kill = 0;
  while ((before_kill = stored(killed)) == 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the sweep ended before the kill (status " << status << ")";

  EXPECT_EQ(RawDb(killed).scalar("PRAGMA integrity_check"), "text:ok");
  const std::size_t after_kill = stored(killed);
  EXPECT_GE(after_kill, before_kill);
  EXPECT_LT(after_kill, kPoints) << "the kill came after the last point: it tested nothing";
  EXPECT_EQ(RawDb(killed).scalar("SELECT finished_at IS NULL FROM runs"), "integer:1");

  const auto err = dir.path() / "resumed.err";
  const pid_t resumed = start_sweep(killed, {"--resume"}, err);
  ASSERT_EQ(wait_exit(resumed), 0);
  // Only the missing points were computed.
  EXPECT_EQ(test::slurp(err), "stratstab: run 1 of " + killed.string() + ": " + std::to_string(kPoints - after_kill) +
                                  " points computed, " + std::to_string(after_kill) + " already stored\n");
  const auto reference = dir.path() / "uninterrupted.sqlite";
  ASSERT_EQ(wait_exit(start_sweep(reference, {})), 0);

  const RawDb db(killed);
  EXPECT_EQ(db.scalar("PRAGMA integrity_check"), "text:ok");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM runs"), "integer:1");  // resumed, not begun again
  EXPECT_EQ(db.scalar("SELECT finished_at IS NOT NULL FROM runs"), "integer:1");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM points"), "integer:" + std::to_string(kPoints));
  EXPECT_EQ(db.scalar("SELECT count(DISTINCT point_index) FROM points"), "integer:" + std::to_string(kPoints));
  const std::string all = "SELECT * FROM points ORDER BY point_index";
  const auto resumed_rows = db.rows(all);
  const auto reference_rows = RawDb(reference).rows(all);
  ASSERT_EQ(resumed_rows.size(), kPoints);
  ASSERT_EQ(reference_rows.size(), kPoints);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < kPoints; ++i) {
    if (resumed_rows[i] != reference_rows[i] && ++differing <= 3) ADD_FAILURE() << "point " << i << " differs";
  }
  EXPECT_EQ(differing, 0U);
  // The rows carry the inputs of their index: alert = 0.01 (i / 601), nf = 100 + (i % 601).
  EXPECT_EQ(resumed_rows[601 * 50 + 100][2], "real:0.5");
  EXPECT_EQ(resumed_rows[601 * 50 + 100][3], "integer:200");
}

}  // namespace
}  // namespace stratstab
