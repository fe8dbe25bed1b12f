// Golden-file regression runner. A case is a folder tests/regression/<case>/ with
//   args           the stratstab arguments, one line (e.g. `data show us-2023-03-01 --json`)
//   expected.json  the JSON the command printed when the case was last reviewed
// Numbers are compared with a relative tolerance of 1e-9; everything else exactly. Every key of the
// golden must be in the output with its value; a key the output has and the golden does not is a new
// key (an addition): it is listed and the case passes, so that adding a report field does not mean
// regenerating goldens (docs/devguide.md, "Golden files").
// Usage: stratstab_regression STRATSTAB_EXE DATA_DIR CASE_DIR [--update]
// --update rewrites expected.json: a deliberate act, reviewed in the diff like code.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

constexpr double kRelativeTolerance = 1e-9;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Appends every difference between `expected` and `actual` to `diffs`, and every object key of
/// `actual` that `expected` lacks to `additions`, each with its JSON path.
void compare(const json& expected, const json& actual, const std::string& path, std::vector<std::string>& diffs,
             std::vector<std::string>& additions) {
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.get<double>();
    const double a = actual.get<double>();
    if (std::abs(a - e) > kRelativeTolerance * std::max({1.0, std::abs(e), std::abs(a)})) {
      diffs.push_back(fmt::format("{}: expected {}, got {}", path, e, a));
    }
    return;
  }
  if (expected.type() != actual.type()) {
    diffs.push_back(fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump()));
    return;
  }
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        diffs.push_back(fmt::format("{}.{}: missing", path, key));
      } else {
        compare(value, actual.at(key), path + "." + key, diffs, additions);
      }
    }
    for (const auto& [key, value] : actual.items()) {
      if (!expected.contains(key)) additions.push_back(fmt::format("{}.{}", path, key));
    }
  } else if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      diffs.push_back(fmt::format("{}: expected {} items, got {}", path, expected.size(), actual.size()));
      return;
    }
    for (std::size_t i = 0; i < expected.size(); ++i)
      compare(expected[i], actual[i], fmt::format("{}[{}]", path, i), diffs, additions);
  } else if (expected != actual) {
    diffs.push_back(fmt::format("{}: expected {}, got {}", path, expected.dump(), actual.dump()));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: stratstab_regression STRATSTAB_EXE DATA_DIR CASE_DIR [--update]\n";
    return 2;
  }
  const std::string exe = argv[1];
  const std::string data_dir = argv[2];
  const std::string case_dir = argv[3];
  const bool update = argc > 4 && std::string(argv[4]) == "--update";
  std::string args = read_file(case_dir + "/args");
  while (!args.empty() && (args.back() == '\n' || args.back() == ' ')) args.pop_back();
  const std::string command = fmt::format("'{}' --data-dir '{}' {}", exe, data_dir, args);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::cerr << "cannot run " << command << '\n';
    return 1;
  }
  std::string output;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) {
    std::cerr << command << " failed with status " << status << '\n';
    return 1;
  }
  const json actual = json::parse(output, nullptr, false);
  if (actual.is_discarded()) {
    std::cerr << command << " did not print JSON\n";
    return 1;
  }
  const std::string expected_file = case_dir + "/expected.json";
  if (update) {
    std::ofstream(expected_file) << actual.dump(2) << '\n';
    std::cout << "updated " << expected_file << '\n';
    return 0;
  }
  const json expected = json::parse(read_file(expected_file), nullptr, false);
  if (expected.is_discarded()) {
    std::cerr << expected_file << " is missing or not JSON; run with --update to create it\n";
    return 1;
  }
  std::vector<std::string> diffs;
  std::vector<std::string> additions;
  compare(expected, actual, "$", diffs, additions);
  for (const auto& a : additions) std::cout << "new key (not in the golden; passes): " << a << '\n';
  for (const auto& d : diffs) std::cerr << d << '\n';
  if (!diffs.empty()) {
    std::cerr << diffs.size() << " differences in " << case_dir << '\n';
    return 1;
  }
  std::cout << "ok " << case_dir;
  if (!additions.empty())
    std::cout << fmt::format(" ({} new key{})", additions.size(), additions.size() == 1 ? "" : "s");
  std::cout << '\n';
  return 0;
}
