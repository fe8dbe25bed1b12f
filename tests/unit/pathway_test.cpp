// Pathways (docs/methods.md §13.4): dates and ramps by hand, the weighted band on a hand case,
// located errors in pathway files, every bundled pathway's first date equal to `assess` on its base
// scenario, and the command's CSV and JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "stratstab/catalog.hpp"
#include "stratstab/pathway_run.hpp"
#include "stratstab/prepare.hpp"
#include "stratstab/version.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

const DataCatalog& catalog() {
  static const DataCatalog kCatalog{std::filesystem::path(kSourceDataDir)};
  return kCatalog;
}

TEST(PathwayTest, DatesStepByYearOrMonth) {
  const std::vector<std::string> years = pathway_dates("2026-11-01", "2036-12-31", PathwayStep::kYear);
  ASSERT_EQ(years.size(), 11U);
  EXPECT_EQ(years.front(), "2026-11-01");
  EXPECT_EQ(years.back(), "2036-11-01");
  // From the 31st, months fall on the 28th (every month has one); the first date is kept as given.
  const std::vector<std::string> months = pathway_dates("2026-01-31", "2026-04-30", PathwayStep::kMonth);
  EXPECT_EQ(months, (std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-28", "2026-04-28"}));
  EXPECT_THROW(pathway_dates("2026-11-01", "2026-01-01", PathwayStep::kYear), Error);
  EXPECT_THROW(pathway_dates("2026-13-01", "2027-01-01", PathwayStep::kYear), Error);
  // 2026-11-01 is day 20,758 after 1970-01-01 (56 years, 14 leap days, and 304 days of 2026).
  EXPECT_EQ(days_from_epoch("2026-11-01"), 56 * 365 + 14 + 304);
  EXPECT_EQ(days_from_epoch("1970-01-01"), 0);
}

PathwayEvent ramp(std::string key, std::string date, std::string until, double from, double to) {
  PathwayEvent e;
  e.kind = PathwayEvent::Kind::kRamp;
  e.key = std::move(key);
  e.date = std::move(date);
  e.until = std::move(until);
  e.from = from;
  e.to = to;
  return e;
}

TEST(PathwayTest, EventsBecomeOverridesInOrder) {
  Pathway p;
  PathwayEvent set;
  set.key = "treaty";
  set.value = "new-start-informal";
  set.date = "2026-11-01";
  p.events = {set, ramp("sides.US.withheld", "2027-01-01", "2029-01-01", 0.0, 0.2)};
  PathwayBranch b;
  PathwayEvent later = set;
  later.value = "aggregate-cap";
  later.date = "2028-01-01";
  PathwayEvent months = ramp("sides.RU.upload_months", "2027-01-01", "2028-01-01", 0, 12);
  months.figure_range = Range{0, 24};
  b.events = {later, months};
  // 2026-12-01: only the first set.
  auto o = pathway_overrides(p, b, "2026-12-01");
  ASSERT_EQ(o.size(), 1U);
  EXPECT_EQ(o[0].value, "new-start-informal");
  // 2028-01-01: 365 of the withheld ramp's 731 days (2028 is a leap year): 0.2 x 365/731; the
  // later set after the earlier one (it wins, as a later --set does); the months ramp done: 12,
  // its figure range first.
  o = pathway_overrides(p, b, "2028-01-01");
  ASSERT_EQ(o.size(), 5U);
  EXPECT_EQ(o[1].path, "sides.US.withheld");
  EXPECT_DOUBLE_EQ(std::stod(o[1].value), 0.2 * 365.0 / 731.0);
  EXPECT_EQ(o[2].value, "aggregate-cap");
  EXPECT_EQ(o[3].path, "sides.RU.upload_months.range");
  EXPECT_EQ(o[3].value, "[0, 24]");
  EXPECT_EQ(o[4].value, "12");
  // Half-way through the months ramp (2027-07-02, day 182 of 365): 5.98 rounds to 6 (whole ends).
  o = pathway_overrides(p, b, "2027-07-02");
  EXPECT_EQ(o.back().value, "6");
}

TEST(PathwayTest, EventRangesBecomeDrawsByHand) {
  Pathway pathway;
  PathwayBranch branch;
  branch.id = "b";
  // Interceptors ramp 0 -> 1,000 over 2027 (range of the end value 0-2,000), then 1,000 -> 2,000 over
  // 2028 (range 1,000-2,000); a sourced set without a range; a set with one; a word (no entry).
  pathway.events.push_back(ramp("sides.US.defence.interceptors", "2027-01-01", "2028-01-01", 0, 1000));
  pathway.events.back().range = Range{0, 2000};
  pathway.events.push_back(ramp("sides.US.defence.interceptors", "2028-01-01", "2029-01-01", 1000, 2000));
  pathway.events.back().range = Range{1000, 2000};
  PathwayEvent sourced;
  sourced.date = "2027-01-01";
  sourced.key = "sides.RU.systems.tu95ms.launchers_deployed";
  sourced.value = "37";
  branch.events.push_back(sourced);
  PathwayEvent ranged = sourced;
  ranged.key = "sides.RU.systems.sarmat.warheads_per_launcher";
  ranged.value = "10";
  ranged.range = Range{8, 10};
  branch.events.push_back(ranged);
  PathwayEvent word = sourced;
  word.key = "treaty";
  word.value = "new-start-informal";
  branch.events.push_back(word);
  // The base figure's range: interceptors [0, 500] (the others have none).
  const auto base = [](const std::string& path) -> std::optional<Range> {
    if (path == "sides.US.defence.interceptors") return Range{0, 500};
    return std::nullopt;
  };
  const auto entry = [&](const std::string& date, const std::string& path) {
    for (const UncertaintyEntry& e : pathway_uncertainty(pathway, branch, date, base)) {
      if (e.path == path) return e;
    }
    return UncertaintyEntry{};
  };
  // On the ramp's first day: the base figure's range, mode 0.
  UncertaintyEntry e = entry("2027-01-01", "sides.US.defence.interceptors");
  ASSERT_TRUE(e.dist.has_value());
  EXPECT_EQ(*e.low, 0);
  EXPECT_EQ(*e.mode, 0);
  EXPECT_EQ(*e.high, 500);
  // 2027-07-02 is 182 of 365 days along: mode round(1000 * 182/365) = 499, high 500 + 0.4986 * 1500 = 1247.9,
  // widened to the whole 1248.
  e = entry("2027-07-02", "sides.US.defence.interceptors");
  EXPECT_EQ(*e.mode, 499);
  EXPECT_EQ(*e.low, 0);
  EXPECT_EQ(*e.high, 1248);
  // Halfway along the second ramp (2028-07-02, 183 of 366 days): from [0, 2000] to [1000, 2000].
  e = entry("2028-07-02", "sides.US.defence.interceptors");
  EXPECT_EQ(*e.mode, 1500);
  EXPECT_EQ(*e.low, 500);
  EXPECT_EQ(*e.high, 2000);
  EXPECT_TRUE(entry("2027-03-01", "sides.RU.systems.tu95ms.launchers_deployed").fixed);
  e = entry("2027-03-01", "sides.RU.systems.sarmat.warheads_per_launcher");
  EXPECT_EQ(*e.low, 8);
  EXPECT_EQ(*e.mode, 10);
  EXPECT_EQ(*e.high, 10);
  EXPECT_EQ(entry("2027-03-01", "treaty").path, "");
  EXPECT_TRUE(pathway_uncertainty(pathway, branch, "2026-12-31", base).empty());  // nothing in force yet
}

TEST(PathwayTest, CostEventsAddUpAndChangeNoKey) {
  Pathway p;
  PathwayEvent base;
  base.kind = PathwayEvent::Kind::kCost;
  base.key = "US";
  base.date = "2026-01-01";
  base.until = "2034-12-31";
  base.usd_bn_per_year = 94.6;
  p.events = {base};
  PathwayBranch b;
  PathwayEvent dome = base;
  dome.date = "2026-11-01";
  dome.until = "2029-01-20";
  dome.usd_bn_per_year = 43.75;
  b.events = {dome};
  EXPECT_DOUBLE_EQ(pathway_cost(p, b, "US", "2027-11-01"), 94.6 + 43.75);
  EXPECT_DOUBLE_EQ(pathway_cost(p, b, "US", "2029-01-20"), 94.6 + 43.75);  // `until` is inclusive
  EXPECT_DOUBLE_EQ(pathway_cost(p, b, "US", "2029-01-21"), 94.6);
  EXPECT_DOUBLE_EQ(pathway_cost(p, b, "US", "2035-01-01"), 0.0);
  EXPECT_DOUBLE_EQ(pathway_cost(p, b, "RU", "2027-11-01"), 0.0);
  EXPECT_TRUE(pathway_overrides(p, b, "2027-11-01").empty());
}

TEST(PathwayTest, WeightedIndexAndItsBandByHand) {
  Figure p;
  p.value = 0.5;
  p.range = Range{0.2, 0.8};
  const PathwayWeighted w = weigh_branches({0.2, 0.4}, {p, p});
  EXPECT_DOUBLE_EQ(w.index, 0.3);
  // Corners (0.2, 0.8): (0.04 + 0.32) / 1 = 0.36; (0.8, 0.2): (0.16 + 0.08) / 1 = 0.24.
  EXPECT_DOUBLE_EQ(w.low, 0.24);
  EXPECT_DOUBLE_EQ(w.high, 0.36);
}

TEST(PathwayTest, EveryBundledPathwayStartsAtAssessOfItsBase) {
  const std::vector<std::string> ids = catalog().pathway_ids();
  ASSERT_GE(ids.size(), 3U);
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    const Pathway pathway = load_pathway(catalog().pathway_path(id));
    const auto base = catalog().scenario_path(pathway.scenario);
    const PathwayRun run = run_pathway(
        pathway, {pathway.from}, [&](const std::vector<Override>& o) { return load_scenario(base, o, &catalog()); },
        [](const Scenario&, std::size_t) { return TreatyCount{}; });
    const double assess = evaluate_scenario(prepare_scenario(load_scenario(base, {}, &catalog()))).index;
    for (const PathwayBranchRun& b : run.branches) EXPECT_EQ(b.points.front().result.index, assess) << b.id;
    // The two-sided bases are the default assessment's forces with an empty defence: 0.303658 (the
    // guide's figure); china-buildup's is us-ru-cn-2026, three-sided: 0.264292 (the guide's figure).
    EXPECT_NEAR(assess, id == "china-buildup" ? 0.264292 : 0.303658, 5e-7);
  }
}

TEST(PathwayTest, MalformedFilesAreLocated) {
  const test::TempDir dir;
  const std::string sources = std::string(kSourceDataDir) + "/sources/common.yaml";
  const auto first = [&](const std::string& events, const std::string& probability = "1") {
    const std::string text =
        "schema: 1\nid: p\nname: p\nscenario: us-ru-2026-11\nfrom: 2026-11-01\nto: 2030-01-01\n"
        "bibliography: [" +
        sources +
        "]\ncites: [stratstab-assumption]\nbranches:\n  - id: a\n"
        "    name: a\n    probability: {value: " +
        probability + ", grade: ASSUMED, src: stratstab-assumption, range: [0, 1]}\n    events:\n" + events;
    const auto d = read_pathway(dir.write("p.yaml", text)).diagnostics;
    return d.empty() ? Diagnostic{} : d.front();
  };
  const std::string ok =
      "      - {date: 2027-01-01, set: comply, value: true, grade: ASSUMED, src: stratstab-assumption, "
      "range: [2026, 2028], note: n}\n";
  EXPECT_EQ(first(ok).message, "");
  Diagnostic d = first(
      "      - {date: 2027-01-01, set: comply, value: true, grade: ASSUMED, src: stratstab-assumption, "
      "note: n}\n");
  EXPECT_EQ(d.where.key_path, "branches[0].events[0].range");
  d = first(
      "      - {date: 2027-01-01, set: comply, ramp: comply, value: true, grade: \"OFF\", src: "
      "stratstab-assumption, note: n}\n");
  EXPECT_EQ(d.where.key_path, "branches[0].events[0].ramp");
  d = first(
      "      - {date: 2027-01-01, until: 2026-01-01, ramp: sides.US.withheld, from: 0, to: 0.1, grade: \"OFF\", "
      "src: stratstab-assumption, note: n}\n");
  EXPECT_EQ(d.where.key_path, "branches[0].events[0].until");
  d = first("      - {date: 2027-01-01, set: comply, value: true, grade: \"OFF\", src: nowhere, note: n}\n");
  EXPECT_EQ(d.where.key_path, "branches[0].events[0].src");
  d = first(ok, "0.7");
  EXPECT_EQ(d.where.key_path, "branches");
  EXPECT_NE(d.message.find("sum to 0.7"), std::string::npos) << d.message;
}

TEST(PathwayTest, BandsFollowOneWorldAcrossBranchesAndDates) {
  // Two branches with the same events: under common draws their bands are equal draw for draw, so
  // the weighted band equals each (whatever the weights), and each band's point is the run's index.
  const test::TempDir dir;
  const std::string sources = std::string(kSourceDataDir) + "/sources/common.yaml";
  std::string text =
      "schema: 1\nid: p\nname: p\nscenario: us-ru-2026-11\nfrom: 2026-11-01\nto: 2027-12-31\n"
      "bibliography: [" +
      sources + "]\ncites: [stratstab-assumption]\nbranches:\n";
  for (const char* branch : {"a", "b"}) {
    text += std::string("  - id: ") + branch + "\n    name: " + branch +
            "\n    probability: {value: " + (branch[0] == 'a' ? "0.3" : "0.7") +
            ", grade: ASSUMED, src: stratstab-assumption, range: [0, 1]}\n    events:\n"
            "      - {date: 2027-01-01, until: 2027-11-01, ramp: sides.US.withheld, from: 0, to: 0.2, grade: "
            "ASSUMED, src: stratstab-assumption, range: [0, 0.3], note: n}\n";
  }
  const Pathway pathway = load_pathway(dir.write("p.yaml", text));
  const auto base = catalog().scenario_path(pathway.scenario);
  const auto at = [&](const std::vector<Override>& o) { return load_scenario(base, o, &catalog()); };
  const std::vector<std::string> dates = pathway_dates(pathway.from, pathway.to, PathwayStep::kYear);
  ASSERT_EQ(dates.size(), 2U);
  const PathwayRun run = run_pathway(pathway, dates, at, [](const Scenario&, std::size_t) { return TreatyCount{}; });
  const PathwayBands bands = pathway_bands({PathwayDraw{&pathway, dates, at}}, 24, 7, 2).front();
  ASSERT_EQ(bands.branches.size(), 2U);
  for (std::size_t d = 0; d < dates.size(); ++d) {
    SCOPED_TRACE(dates[d]);
    const OutputBand& a = bands.branches[0][d];
    const OutputBand& b = bands.branches[1][d];
    EXPECT_EQ(a.point, run.branches[0].points[d].result.index);
    EXPECT_EQ(a.quantiles, b.quantiles);
    for (std::size_t q = 0; q < a.quantiles.size(); ++q) {
      EXPECT_NEAR(bands.weighted[d].quantiles[q], a.quantiles[q], 1e-12) << q;
    }
    EXPECT_LT(a.quantiles[0], a.quantiles[4]);  // the data's ranges move the index
    EXPECT_LE(a.quantiles[0], a.point);
    EXPECT_GE(a.quantiles[4], a.point);
  }
  // The ramp (20% of US warheads withheld by 2027-11-01) moves the index, and the band with it.
  EXPECT_NE(bands.branches[0][1].point, bands.branches[0][0].point);
  EXPECT_NE(bands.branches[0][1].quantiles[2], bands.branches[0][0].quantiles[2]);
  // One thread or two, the same numbers.
  const std::vector<PathwayBands> serial =
      pathway_bands({PathwayDraw{&pathway, dates, at}, PathwayDraw{&pathway, dates, at}}, 24, 7, 1);
  EXPECT_EQ(serial[0].weighted[1].quantiles, bands.weighted[1].quantiles);
  // The same pathway twice is never below itself, draw for draw.
  const std::vector<std::vector<double>> below = pathways_below(serial);
  EXPECT_EQ(below[0][1], 0.0);
  EXPECT_EQ(below[1][0], 0.0);
  // The mean over dates, draw by draw, is the mean of the two dates' weighted draws: its point is.
  EXPECT_NEAR(serial[0].mean.point, (bands.weighted[0].point + bands.weighted[1].point) / 2, 1e-12);
}

TEST(PathwayTest, TheCommandPrintsEveryBranchAndDate) {
  const test::CliRun csv = test::run_cli("pathways alaska-failure --csv --quiet --to 2029-12-31");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::size_t lines = 0;
  for (char c : csv.out) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 1U + 2U * 4U);  // header, 2 branches x 4 dates (2026-11-01 ... 2029-11-01)
  const test::CliRun json = test::run_cli("pathways alaska-failure --json --quiet --to 2029-12-31");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j.at("weighted").size(), 4U);
  const auto& branches = j.at("branches");
  ASSERT_EQ(branches.size(), 2U);
  // The weighted index is the probability-weighted mean of the branches' (here 0.4 and 0.6).
  const double p0 = branches[0].at("probability").at("value").get<double>();
  const double p1 = branches[1].at("probability").at("value").get<double>();
  for (std::size_t d = 0; d < 4; ++d) {
    const double expected = p0 * branches[0].at("points")[d].at("index").get<double>() +
                            p1 * branches[1].at("points")[d].at("index").get<double>();
    EXPECT_NEAR(j.at("weighted")[d].at("index").get<double>(), expected, 1e-12) << d;
    const double cost = p0 * branches[0].at("points")[d].at("sides").at("US").at("usd_bn_per_year").get<double>() +
                        p1 * branches[1].at("points")[d].at("sides").at("US").at("usd_bn_per_year").get<double>();
    EXPECT_NEAR(j.at("weighted")[d].at("usd_bn_per_year").at("US").get<double>(), cost, 1e-9) << d;
  }
  const test::CliRun sampled = test::run_cli("pathways alaska-failure --json --quiet --to 2027-12-31 --samples 8");
  ASSERT_EQ(sampled.exit_code, 0) << sampled.err;
  const auto b = nlohmann::json::parse(sampled.out).at("bands");
  EXPECT_EQ(b.at("samples").get<int>(), 8);
  ASSERT_EQ(b.at("branches").size(), 2U);
  ASSERT_EQ(b.at("weighted").size(), 2U);
  const double first = nlohmann::json::parse(json.out).at("branches")[0].at("points")[0].at("index").get<double>();
  EXPECT_EQ(b.at("branches")[0].at("points")[0].at("point").get<double>(), first);
  const test::CliRun sampled_csv = test::run_cli("pathways alaska-failure --csv --quiet --to 2027-12-31 --samples 8");
  ASSERT_EQ(sampled_csv.exit_code, 0) << sampled_csv.err;
  EXPECT_NE(sampled_csv.out.find(",index_q05,index_q50,index_q95,weighted_q05,weighted_q50,weighted_q95\n"),
            std::string::npos);
  EXPECT_EQ(test::run_cli("pathways alaska-failure --samples 0").exit_code, 3);
  const test::CliRun step = test::run_cli("pathways alaska-failure --step week");
  EXPECT_EQ(step.exit_code, 3);
  EXPECT_NE(step.err.find("--step"), std::string::npos) << step.err;
  const test::CliRun unknown = test::run_cli("pathways alaska-fail");
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("alaska-failure"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace stratstab
