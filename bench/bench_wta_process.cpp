// The whole `stratstab wta` command, as a user waits for it (start, read, solve, print), on a random
// 40 weapon kinds x 3,000 targets, density 0.3 (36,000 pairs), read two ways: all YAML (a 1.6 MB
// file, the kill probabilities as a list) and YAML with the kill probabilities in CSV
// (`kill_probability_csv`, docs/io_formats.md). Each timed iteration is one process; every run's
// exit code is checked, so a failing command cannot pass as a fast one. (Ipopt as a whole process
// is not timed here: the reference formulation of tests/reference takes over 10 minutes at this
// size on the 2-core machine; docs/methods.md §10 gives the comparison.)
// Run: build/bench/stratstab_bench --benchmark_filter=WtaProcess --benchmark_min_time=5
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ipopt_wta.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;

/// The problem's three files, written once into a temporary folder (removed at exit).
struct ProblemFiles {
  fs::path dir;
  fs::path yaml;      ///< all YAML
  fs::path yaml_csv;  ///< YAML with kill_probability_csv: pk.csv
  ProblemFiles() {
    dir = fs::temp_directory_path() / fmt::format("stratstab-wta-process-{}", getpid());
    fs::create_directories(dir);
    const stratstab::WtaProblem p = stratstab::test::random_wta_problem(40, 3000, 0.3, 20261204, false);
    yaml = dir / "problem.yaml";
    yaml_csv = dir / "problem-csv.yaml";
    std::string head = "weapons:\n";
    for (const auto& w : p.weapons) head += fmt::format("  - {{id: {}, available: {}}}\n", w.id, w.available);
    head += "targets:\n";
    for (const auto& t : p.targets) head += fmt::format("  - {{id: \"{}\", value: {}}}\n", t.id, t.value);
    std::string list = "kill_probability:\n";
    std::string csv = "weapon,target,p\n";
    for (const auto& k : p.kill_probability) {
      list += fmt::format("  - {{weapon: {}, target: \"{}\", p: {}}}\n", p.weapons[k.weapon].id, p.targets[k.target].id,
                          k.p);
      csv += fmt::format("{},{},{}\n", p.weapons[k.weapon].id, p.targets[k.target].id, k.p);
    }
    std::ofstream(yaml) << head << list;
    std::ofstream(yaml_csv) << head << "kill_probability_csv: pk.csv\n";
    std::ofstream(dir / "pk.csv") << csv;
  }
  ~ProblemFiles() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

const ProblemFiles& files() {
  static const ProblemFiles f;
  return f;
}

/// Runs `argv` with its output to /dev/null and returns its exit code.
int run(std::vector<std::string> argv) {
  std::vector<char*> args;
  for (std::string& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void time_process(benchmark::State& state, const std::vector<std::string>& argv) {
  for (auto _ : state) {
    if (run(argv) != 0) {
      state.SkipWithError(fmt::format("{} failed", fmt::join(argv, " ")).c_str());
      return;
    }
  }
}

void BM_WtaProcessYaml_40x3000(benchmark::State& state) {
  time_process(state, {STRATSTAB_EXE, "wta", files().yaml.string(), "--json"});
}
void BM_WtaProcessCsv_40x3000(benchmark::State& state) {
  time_process(state, {STRATSTAB_EXE, "wta", files().yaml_csv.string(), "--json"});
}
}  // namespace

BENCHMARK(BM_WtaProcessYaml_40x3000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_WtaProcessCsv_40x3000)->Unit(benchmark::kMillisecond)->UseRealTime();
