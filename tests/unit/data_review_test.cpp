// docs/data-2026.md, the review of the 2026 snapshots, quotes figures as `snapshot: key = value`
// and sources as `@id`: each quoted figure must be the snapshot's own value and each id a source of
// data/sources, so the page cannot drift from the data it reviews.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "stratstab/catalog.hpp"
#include "stratstab/snapshot_figures.hpp"
#include "stratstab/version.hpp"

namespace stratstab {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DataReviewTest, EveryFigureAndSourceOnThePageIsTheData) {
  const std::filesystem::path data(kSourceDataDir);
  const std::string page = read_text(data.parent_path() / "docs" / "data-2026.md");
  ASSERT_FALSE(page.empty());
  const DataCatalog catalog{data};

  // `us-2026-11-01: systems.mm3.launchers_deployed = 400`
  const std::regex figure_pattern(R"(`([a-z]{2}-\d{4}-\d{2}-\d{2}): ([A-Za-z0-9_.\-\[\]]+) = ([0-9.]+)`)");
  std::map<std::string, std::map<std::string, double>> values;  // snapshot -> path -> value
  std::size_t figures = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), figure_pattern); it != std::sregex_iterator(); ++it) {
    const std::string snapshot = (*it)[1];
    const std::string path = (*it)[2];
    const double quoted = std::stod((*it)[3]);
    if (!values.contains(snapshot)) {
      for_each_snapshot_figure(catalog.load_snapshot(snapshot), "",
                               [&](const std::string& p, const Figure& f) { values[snapshot][p] = f.value; });
    }
    const auto found = values[snapshot].find(path);
    ASSERT_NE(found, values[snapshot].end()) << snapshot << ": " << path << " names no figure";
    EXPECT_NEAR(found->second, quoted, 1e-9) << snapshot << ": " << path;
    ++figures;
  }
  EXPECT_GE(figures, 14U);  // the page's figures were all matched by the pattern

  std::set<std::string> ids;
  const std::regex id_line(R"(^\s*- id: (\S+))");
  for (const std::filesystem::path& file : catalog.bibliography_files()) {
    std::istringstream lines(read_text(file));
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
      if (std::regex_search(line, m, id_line)) ids.insert(m[1]);
    }
  }
  ASSERT_GT(ids.size(), 100U);
  const std::regex cite("`@([a-z0-9\\-]+)`");
  std::size_t cited = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), cite); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(ids.contains((*it)[1])) << "@" << (*it)[1] << " is no source of data/sources";
    ++cited;
  }
  EXPECT_GE(cited, 15U);
}

}  // namespace
}  // namespace stratstab
