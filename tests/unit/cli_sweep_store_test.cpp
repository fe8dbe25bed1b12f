// `stratstab sweep ... --out FILE.sqlite [--resume]` end to end, through the built command: the store
// holds exactly the rows `--csv` prints; a sweep killed with SIGKILL and resumed ends with exactly the
// rows and values of an uninterrupted run; a resume against a changed scenario is refused.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store_test_support.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::RawDb;

/// A grid of the abstract worked example (docs/methods.md §7): a numeric axis, a whole-number axis
/// and a word axis, 21 x 6 x 2 = 252 points.
const std::string kGrid =
    "sweep kent-thaler-example --param sides.A.abstract.alert=0:1:0.05 --param sides.B.abstract.nf=200:300:20 "
    "--param options.launch_under_attack=false,true --set options.max_warheads_per_target=1";

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, by);) out.push_back(item);
  return out;
}

/// "real:%.17g" of a CSV number (the shortest text that reads back to the double): equal text is
/// equal bits, the form RawDb gives a REAL.
std::string real_text(const std::string& csv) {
  char text[40];
  std::snprintf(text, sizeof text, "real:%.17g", std::strtod(csv.c_str(), nullptr));
  return text;
}

TEST(CliSweepStoreTest, OutHoldsExactlyTheRowsCsvPrints) {
  const test::TempDir dir;
  const auto file = dir.path() / "grid.sqlite";
  const test::CliRun csv = test::run_cli(kGrid + " --csv --quiet");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const test::CliRun both = test::run_cli(kGrid + " --csv --quiet --out '" + file.string() + "'");
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(both.out, csv.out);  // --out changes nothing printed
  EXPECT_NE(both.err.find("run 1 of"), std::string::npos) << both.err;
  EXPECT_NE(both.err.find("252 points computed"), std::string::npos) << both.err;

  std::vector<std::string> lines = split(csv.out, '\n');
  ASSERT_EQ(lines.size(), 253U);  // header + 252 points
  const std::vector<std::string> header = split(lines[0], ',');
  ASSERT_EQ(header.size(), 17U);  // point, 3 axes, index, 2 x 3 stability, 2 x 3 strike
  const RawDb db(file);
  EXPECT_EQ(db.scalar("PRAGMA integrity_check"), "text:ok");
  EXPECT_EQ(db.scalar("SELECT count(*) FROM points WHERE run_id = 1"), "integer:252");
  EXPECT_EQ(db.scalar("SELECT seed FROM runs WHERE run_id = 1"), "integer:0");
  EXPECT_EQ(db.scalar("SELECT points_planned FROM runs WHERE run_id = 1"), "integer:252");
  EXPECT_EQ(db.scalar("SELECT finished_at IS NOT NULL FROM runs WHERE run_id = 1"), "integer:1");
  std::string columns = "point_index";
  for (std::size_t c = 1; c < header.size(); ++c) columns += ", \"" + header[c] + "\"";
  const auto rows = db.rows("SELECT " + columns + " FROM points WHERE run_id = 1 ORDER BY point_index");
  ASSERT_EQ(rows.size(), 252U);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE("point " + std::to_string(i));
    const std::vector<std::string> fields = split(lines[i + 1], ',');
    ASSERT_EQ(fields.size(), header.size());
    ASSERT_EQ(rows[i].size(), header.size()) << rows[i].front();
    EXPECT_EQ(rows[i][0], "integer:" + fields[0]);
    EXPECT_EQ(rows[i][1], real_text(fields[1]));    // alert 0.05 steps: REAL
    EXPECT_EQ(rows[i][2], "integer:" + fields[2]);  // nf: a whole number, INTEGER
    EXPECT_EQ(rows[i][3], "text:" + fields[3]);     // false/true: TEXT
    for (std::size_t c = 4; c < header.size(); ++c) EXPECT_EQ(rows[i][c], real_text(fields[c])) << header[c];
  }
  // Hand-checked point: alert 0.5 is value 10 of the first axis, nf 300 the last of the second, LUA false.
  const std::size_t worked = 10 * 12 + 5 * 2 + 0;
  EXPECT_EQ(rows[worked][1], "real:0.5");
  EXPECT_EQ(rows[worked][2], "integer:300");

  // Without --resume the same command adds a run; --out alone prints no rows.
  const test::CliRun again = test::run_cli(kGrid + " --quiet --out '" + file.string() + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM runs"), "integer:2");
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM points WHERE run_id = 2"), "integer:252");
}

TEST(CliSweepStoreTest, ResumingAFinishedRunComputesNothing) {
  const test::TempDir dir;
  const auto file = dir.path() / "done.sqlite";
  const std::string command = kGrid + " --quiet --csv --out '" + file.string() + "'";
  ASSERT_EQ(test::run_cli(command).exit_code, 0);
  // A resumed run prints no rows (they would be a grid with holes): --csv with --resume is refused.
  const test::CliRun printing = test::run_cli(kGrid + " --resume --csv --out '" + file.string() + "'");
  EXPECT_EQ(printing.exit_code, 3) << printing.err;
  EXPECT_EQ(printing.out, "");
  EXPECT_NE(printing.err.find("--resume: a resumed run prints no rows"), std::string::npos) << printing.err;
  // --threads, --quiet and the printed format are not part of the command line a run is found by.
  const test::CliRun resumed = test::run_cli(kGrid + " --threads 1 --resume --out '" + file.string() + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("holds all 252 points already; nothing to compute"), std::string::npos) << resumed.err;
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM runs"), "integer:1");
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM points"), "integer:252");
}

TEST(CliSweepStoreTest, ResumeAgainstAChangedScenarioIsRefused) {
  const test::TempDir dir;
  const std::string original =
      test::slurp(std::string(STRATSTAB_SOURCE_DIR) + "/data/scenarios/kent-thaler-example.yaml");
  ASSERT_FALSE(original.empty());
  const auto scenario = dir.write("ex.yaml", original);
  const auto file = dir.path() / "s.sqlite";
  const std::string command = "sweep '" + scenario.string() +
                              "' --param sides.A.abstract.alert=0:1:0.25 --quiet --out '" + file.string() +
                              "' --resume";
  const test::CliRun first = test::run_cli(command);  // no run yet: --resume begins one
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string changed = original;
  const auto at = changed.find("w80: 800");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 8, "w80: 900");
  dir.write("ex.yaml", changed);
  const test::CliRun resumed = test::run_cli(command);
  EXPECT_EQ(resumed.exit_code, 3) << resumed.err;
  EXPECT_NE(resumed.err.find(file.string()), std::string::npos) << resumed.err;
  EXPECT_NE(resumed.err.find("computed from another scenario"), std::string::npos) << resumed.err;
  EXPECT_EQ(RawDb(file).scalar("SELECT count(*) FROM runs"), "integer:1");
}

TEST(CliSweepStoreTest, ResumeNeedsOutAndBandsAreNotStored) {
  const test::CliRun no_out = test::run_cli(kGrid + " --resume");
  EXPECT_EQ(no_out.exit_code, 2) << no_out.err;
  EXPECT_NE(no_out.err.find("--out"), std::string::npos) << no_out.err;
  const test::TempDir dir;
  const test::CliRun bands = test::run_cli(
      "sweep kent-thaler-example --param sides.A.abstract.alert=0:1:0.5 "
      "--samples 5 --out '" +
      (dir.path() / "b.sqlite").string() + "'");
  EXPECT_EQ(bands.exit_code, 3) << bands.err;
  EXPECT_NE(bands.err.find("--samples"), std::string::npos) << bands.err;
}

}  // namespace
}  // namespace stratstab
