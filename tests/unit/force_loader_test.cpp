// The force-snapshot loader: a valid file reads into the model with provenance; every class of
// bad input gets a located message (file:line:column, key path, what was expected).
#include <sys/stat.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "stratstab/load.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

using test::find_by_key;
using test::line_of;
using test::replace_once;

// A valid one-system snapshot with an inline bibliography. Tests mutate one line of it.
constexpr std::string_view kValid = R"(schema: 1
id: us-2020-09-01
side: us
date: 2020-09-01
title: "Loader test"
sources:
  - {id: off-2020, title: "Official fact sheet", date: 2020-12-01}
  - {id: est-2021, title: "An estimate", date: 2021-06}
inventory:
  warheads_deployed: {value: 1800, grade: EST, src: est-2021}
  warheads_stored: {value: 2000, grade: EST, src: est-2021}
  nonstrategic_warheads: {value: 230, grade: EST, src: est-2021}
w80: {value: 800, grade: ASSUMED, range: [400, 1600], src: est-2021}
systems:
  - id: mm3
    name: "Minuteman III"
    basing: silo
    vehicle: icbm
    launchers_deployed: {value: 397, grade: OFF, src: off-2020}
    launchers_nondeployed: {value: 57, grade: OFF, src: off-2020}
    warheads_per_launcher: {value: 1, grade: EST, src: est-2021}
    max_warheads_per_launcher: {value: 3, grade: EST, src: est-2021}
    warheads:
      - {type: W87, yield_kt: {value: 300, grade: EST, src: est-2021}, share: {value: 0.5, grade: EST, src: est-2021}}
      - {type: W78, yield_kt: {value: 335, grade: EST, src: est-2021}, share: {value: 0.5, grade: EST, src: est-2021}}
    cep_m: {value: 120, grade: ASSUMED, range: [90, 200], src: est-2021}
    reliability: {value: 0.8, grade: ASSUMED, range: [0.7, 0.9], src: est-2021}
    range_km: {value: 9660, grade: OFF, src: off-2020, date: 2019-10}
    hardness_psi: {value: 2000, grade: ASSUMED, range: [1000, 3000], src: est-2021}
    untargetable_day_to_day: {value: 0, grade: ASSUMED, range: [0, 0], src: est-2021}
    untargetable_generated: {value: 0, grade: ASSUMED, range: [0, 0], src: est-2021}
    new_start: {accountable: true, counting: reentry_vehicles}
    upload_rate_per_month: {value: 20, grade: ASSUMED, range: [10, 50], src: est-2021}
)";

class ForceLoaderTest : public ::testing::Test {
 protected:
  /// Writes `text` as us-2020-09-01.yaml and reads it.
  LoadResult<ForceSnapshot> read(std::string_view text, const std::string& name = "us-2020-09-01.yaml") {
    file_ = dir_.write(name, text);
    return read_force_snapshot(file_);
  }
  /// Expects exactly one error, at `key_path`, on the line of `text` holding `line_needle`, whose
  /// message contains `expected`.
  void expect_single_error(std::string_view text, std::string_view key_path, std::string_view line_needle,
                           std::string_view expected) {
    const auto result = read(text);
    EXPECT_FALSE(result.value.has_value());
    ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
    const Diagnostic& d = result.diagnostics.front();
    EXPECT_EQ(d.where.file, file_.string());
    EXPECT_EQ(d.where.key_path, key_path) << format_diagnostic(d);
    EXPECT_EQ(d.where.line, line_of(text, line_needle)) << format_diagnostic(d);
    EXPECT_GT(d.where.column, 0);
    EXPECT_NE(d.message.find(expected), std::string::npos) << "message was: " << d.message;
    // The one-line form carries file:line:column and the key path.
    const std::string formatted = format_diagnostic(d);
    EXPECT_NE(formatted.find(file_.string() + ":" + std::to_string(d.where.line) + ":"), std::string::npos)
        << formatted;
    EXPECT_NE(formatted.find(std::string(key_path) + ": "), std::string::npos) << formatted;
  }

  test::TempDir dir_;
  std::filesystem::path file_;
};

TEST_F(ForceLoaderTest, ValidFileReadsEveryFigureWithProvenance) {
  const auto result = read(kValid);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty());
  const ForceSnapshot& s = *result.value;
  EXPECT_EQ(s.id, "us-2020-09-01");
  ASSERT_EQ(s.systems.size(), 1U);
  const System& mm3 = s.systems.front();
  EXPECT_EQ(mm3.basing, Basing::kSilo);
  EXPECT_EQ(mm3.launchers_deployed.value, 397);
  EXPECT_EQ(mm3.launchers_deployed.grade, Grade::kOfficial);
  EXPECT_EQ(mm3.launchers_deployed.source_id, "off-2020");
  EXPECT_EQ(mm3.launchers_deployed.date, "2020-12-01");  // taken from the source
  EXPECT_TRUE(mm3.launchers_deployed.date_from_source);
  EXPECT_EQ(mm3.range_km.date, "2019-10");  // its own date wins
  EXPECT_FALSE(mm3.range_km.date_from_source);
  ASSERT_TRUE(mm3.cep_m.range.has_value());
  EXPECT_EQ(mm3.cep_m.range->low, 90);
  EXPECT_EQ(mm3.cep_m.range->high, 200);
  EXPECT_EQ(mm3.cep_m.where.line, line_of(kValid, "cep_m:"));
  EXPECT_EQ(mm3.cep_m.where.key_path, "systems[0].cep_m");
  EXPECT_DOUBLE_EQ(mm3.mean_yield_kt(), 317.5);  // 0.5*300 + 0.5*335
  EXPECT_TRUE(mm3.new_start.accountable);
  EXPECT_EQ(mm3.new_start.counting, NewStartCounting::kReentryVehicles);
  EXPECT_EQ(mm3.payload, Payload::kNuclear);  // documented default
  EXPECT_FALSE(s.inventory.warheads_retired.has_value());
}

TEST_F(ForceLoaderTest, MissingRequiredKey) {
  const std::string text = replace_once(
      std::string(kValid), "    cep_m: {value: 120, grade: ASSUMED, range: [90, 200], src: est-2021}\n", "");
  // Reported where the system's mapping starts (its first key), naming the key.
  expect_single_error(text, "systems[0].cep_m", "- id: mm3", "missing required key 'cep_m'");
}

TEST_F(ForceLoaderTest, WrongTypeText) {
  const std::string text = replace_once(std::string(kValid), "cep_m: {value: 120,", "cep_m: {value: abc,");
  expect_single_error(text, "systems[0].cep_m.value", "cep_m:", "expected a number of m in [1, 20000], got 'abc'");
}

TEST_F(ForceLoaderTest, WrongTypeListForMapping) {
  const std::string text =
      replace_once(std::string(kValid), "new_start: {accountable: true, counting: reentry_vehicles}",
                   "new_start: [true, reentry_vehicles]");
  expect_single_error(text, "systems[0].new_start", "new_start:", "expected a mapping (New START status");
}

TEST_F(ForceLoaderTest, WrongTypeQuotedNumber) {
  const std::string text =
      replace_once(std::string(kValid), "launchers_deployed: {value: 397,", "launchers_deployed: {value: \"397\",");
  expect_single_error(text, "systems[0].launchers_deployed.value",
                      "launchers_deployed:", "write numbers without quotes");
}

TEST_F(ForceLoaderTest, WrongTypeBoolean) {
  const std::string text = replace_once(std::string(kValid), "accountable: true", "accountable: maybe");
  expect_single_error(text, "systems[0].new_start.accountable", "new_start:", "expected true or false, got 'maybe'");
}

TEST_F(ForceLoaderTest, NegativeCount) {
  const std::string text =
      replace_once(std::string(kValid), "launchers_deployed: {value: 397,", "launchers_deployed: {value: -5,");
  expect_single_error(text, "systems[0].launchers_deployed.value",
                      "launchers_deployed:", "expected a whole number of launchers in [0, 5000], got -5");
}

TEST_F(ForceLoaderTest, NonIntegerCount) {
  const std::string text =
      replace_once(std::string(kValid), "launchers_nondeployed: {value: 57,", "launchers_nondeployed: {value: 57.5,");
  expect_single_error(text, "systems[0].launchers_nondeployed.value",
                      "launchers_nondeployed:", "expected a whole number of launchers in [0, 5000], got 57.5");
}

TEST_F(ForceLoaderTest, ProbabilityAboveOne) {
  const std::string text =
      replace_once(std::string(kValid), "reliability: {value: 0.8, grade: ASSUMED, range: [0.7, 0.9]",
                   "reliability: {value: 1.2, grade: ASSUMED, range: [0.7, 0.9]");
  expect_single_error(text, "systems[0].reliability.value", "reliability:",
                      "expected a number of probability in [0, 1], either 0 or at least 1e-06, got 1.2");
}

TEST_F(ForceLoaderTest, ProbabilityBelowZeroBareNumber) {
  const std::string text = replace_once(
      std::string(kValid), "untargetable_generated: {value: 0, grade: ASSUMED, range: [0, 0], src: est-2021}",
      "untargetable_generated: -0.1");
  expect_single_error(text, "systems[0].untargetable_generated",
                      "untargetable_generated:", "expected a number of share in [0, 1], got -0.1");
}

TEST_F(ForceLoaderTest, NotANumber) {
  const std::string text =
      replace_once(std::string(kValid), "hardness_psi: {value: 2000,", "hardness_psi: {value: .nan,");
  expect_single_error(text, "systems[0].hardness_psi.value", "hardness_psi:", "got NaN");
}

TEST_F(ForceLoaderTest, Infinity) {
  const std::string text = replace_once(std::string(kValid), "range_km: {value: 9660,", "range_km: {value: .inf,");
  expect_single_error(text, "systems[0].range_km.value", "range_km:", "got infinity");
}

TEST_F(ForceLoaderTest, AbsurdMagnitude) {
  // 1e9 kt = 1,000,000 Mt: a unit slip (tons for kilotons).
  const std::string text = replace_once(std::string(kValid), "{value: 300, grade: EST", "{value: 1e9, grade: EST");
  expect_single_error(text, "systems[0].warheads[0].yield_kt.value", "{type: W87",
                      "expected a number of kt in [1e-06, 100000], got 1e+09");
}

TEST_F(ForceLoaderTest, UnknownBasing) {
  const std::string text = replace_once(std::string(kValid), "basing: silo", "basing: cave");
  expect_single_error(
      text, "systems[0].basing",
      "basing:", "unknown basing 'cave'; expected one of: silo | mobile | ssbn | bomber | nonstrategic | intermediate");
}

TEST_F(ForceLoaderTest, UnknownSide) {
  const std::string text =
      replace_once(replace_once(std::string(kValid), "side: us", "side: de"), "id: us-2020-09-01", "id: de-2020-09-01");
  const auto result = read(text, "de-2020-09-01.yaml");
  const Diagnostic* d = find_by_key(result.diagnostics, "side");
  ASSERT_NE(d, nullptr) << test::dump(result.diagnostics);
  EXPECT_EQ(d->where.line, 3);
  EXPECT_NE(d->message.find("unknown side 'de'; expected one of: us | ru | cn | uk | fr"), std::string::npos);
}

TEST_F(ForceLoaderTest, UnknownSourceId) {
  const std::string text =
      replace_once(std::string(kValid), "cep_m: {value: 120, grade: ASSUMED, range: [90, 200], src: est-2021}",
                   "cep_m: {value: 120, grade: ASSUMED, range: [90, 200], src: nobody-2030}");
  expect_single_error(text, "systems[0].cep_m.src", "cep_m:", "unknown source id 'nobody-2030'");
}

TEST_F(ForceLoaderTest, UnknownKeyWithSuggestion) {
  const std::string text = replace_once(std::string(kValid), "    cep_m:", "    cep: 5\n    cep_m:");
  expect_single_error(text, "systems[0].cep", "cep: 5", "unknown key 'cep' in System; did you mean 'cep_m'?");
}

TEST_F(ForceLoaderTest, DuplicateSystemIds) {
  std::string text(kValid);
  const auto systems_at = text.find("  - id: mm3");
  text += text.substr(systems_at);  // the same system twice
  const auto result = read(text);
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.where.key_path, "systems[1].id");
  const auto second_at = static_cast<long>(text.rfind("  - id: mm3"));
  EXPECT_EQ(d.where.line, 1 + static_cast<int>(std::count(text.begin(), text.begin() + second_at, '\n')));
  const std::string first_line = std::to_string(line_of(kValid, "- id: mm3"));
  EXPECT_NE(d.message.find("duplicate system id 'mm3' (first used by the system at line " + first_line + ")"),
            std::string::npos)
      << d.message;
}

TEST_F(ForceLoaderTest, DuplicateKey) {
  const std::string text =
      replace_once(std::string(kValid), "    basing: silo\n", "    basing: silo\n    basing: mobile\n");
  expect_single_error(
      text, "systems[0].basing", "basing: mobile",
      "duplicate key 'basing' (first given at line " + std::to_string(line_of(text, "basing: silo")) + ")");
}

TEST_F(ForceLoaderTest, MissingBibliographyFile) {
  const std::string text =
      replace_once(std::string(kValid), "sources:\n", "bibliography: [../sources/absent.yaml]\nsources:\n");
  expect_single_error(text, "bibliography[0]", "bibliography:", "bibliography file '../sources/absent.yaml' not found");
}

// A bibliography entry that exists but is not a regular file says what it is (it used to be
// "not found"); a FIFO is named without being opened (which would block).
TEST_F(ForceLoaderTest, BibliographyEntryThatIsNotARegularFileSaysWhatItIs) {
  std::filesystem::create_directories(dir_.path() / "sources" / "folder");
  const std::string fifo = (dir_.path() / "sources" / "pipe").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const auto& [entry, kind] :
       {std::pair{"sources/folder", "is a directory"}, std::pair{"sources/pipe", "is a FIFO (named pipe)"},
        std::pair{"../../../dev/null", "is a character device"}}) {
    SCOPED_TRACE(entry);
    const std::string text =
        replace_once(std::string(kValid), "sources:\n", fmt::format("bibliography: [{}]\nsources:\n", entry));
    const std::string path = (dir_.path() / entry).lexically_normal().string();
    expect_single_error(text, "bibliography[0]", "bibliography:",
                        fmt::format("bibliography file '{}' ({}) {}; expected a regular YAML file", entry, path, kind));
  }
}

// Magnitudes below the key table's floors are refused: a subnormal cep_m or w80 used to load and
// reach the JSON as null (the formulas divide by it).
TEST_F(ForceLoaderTest, SubnormalMagnitudesAreRefused) {
  struct Case {
    std::string_view from, to, key, expected;
  };
  for (const Case& c :
       {Case{"cep_m: {value: 120,", "cep_m: {value: 4.9e-324,", "systems[0].cep_m.value",
             "expected a number of m in [1, 20000], got 4.94066e-324"},
        Case{"w80: {value: 800,", "w80: {value: 1e-310,", "w80.value", "expected a number of warheads in [1, 100000]"},
        Case{"yield_kt: {value: 300,", "yield_kt: {value: 1e-7,", "systems[0].warheads[0].yield_kt.value",
             "expected a number of kt in [1e-06, 100000], got 1e-07"},
        Case{"reliability: {value: 0.8, grade: ASSUMED, range: [0.7, 0.9]",
             "reliability: {value: 5e-324, grade: ASSUMED, range: [0, 0.9]", "systems[0].reliability.value",
             "either 0 or at least 1e-06"}}) {
    SCOPED_TRACE(c.to);
    const std::string text = replace_once(std::string(kValid), c.from, c.to);
    expect_single_error(text, c.key, c.to, c.expected);
  }
}

TEST_F(ForceLoaderTest, BibliographyFileProblemsNameThatFile) {
  const auto bib = dir_.write("sources/bad.yaml", "schema: 1\nsources:\n  - {id: off-2020, title: Duplicate}\n");
  const std::string text =
      replace_once(std::string(kValid), "sources:\n", "bibliography: [sources/bad.yaml]\nsources:\n");
  const auto result = read(text);
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.where.file, bib.lexically_normal().string());
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.key_path, "sources[0].date");
  EXPECT_NE(d.message.find("missing required key 'date'"), std::string::npos);
}

TEST_F(ForceLoaderTest, DuplicateSourceIdAcrossFileAndInline) {
  dir_.write("sources/extra.yaml", "schema: 1\nsources:\n  - {id: est-2021, title: Again, date: 2022}\n");
  const std::string text =
      replace_once(std::string(kValid), "sources:\n", "bibliography: [sources/extra.yaml]\nsources:\n");
  const auto result = read(text);
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  EXPECT_EQ(result.diagnostics.front().where.key_path, "sources[1].id");
  EXPECT_NE(result.diagnostics.front().message.find("duplicate source id 'est-2021'"), std::string::npos);
}

TEST_F(ForceLoaderTest, EmptyFile) {
  for (const std::string_view text : {std::string_view(""), std::string_view("# only a comment\n\n")}) {
    const auto result = read(text);
    ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
    EXPECT_EQ(result.diagnostics.front().where.file, file_.string());
    EXPECT_NE(result.diagnostics.front().message.find("file is empty; expected a force snapshot"), std::string::npos);
  }
}

TEST_F(ForceLoaderTest, NotYaml) {
  const auto result = read("schema: 1\nid: [unclosed\nside: us\n");
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_GT(d.where.line, 0);
  EXPECT_NE(d.message.find("not valid YAML"), std::string::npos) << d.message;
}

TEST_F(ForceLoaderTest, BinaryFile) {
  const auto result =
      read(std::string_view("\x7f"
                            "ELF\0\0\x01",
                            7));
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  EXPECT_NE(result.diagnostics.front().message.find("binary file"), std::string::npos);
}

TEST_F(ForceLoaderTest, TopLevelNotAMapping) {
  const auto result = read("- just\n- a list\n");
  ASSERT_EQ(result.diagnostics.size(), 1U) << test::dump(result.diagnostics);
  EXPECT_EQ(result.diagnostics.front().where.line, 1);
  EXPECT_NE(result.diagnostics.front().message.find("(a mapping of keys), got a list"), std::string::npos);
}

TEST_F(ForceLoaderTest, MissingFile) {
  const auto result = read_force_snapshot(dir_.path() / "nowhere.yaml");
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_NE(result.diagnostics.front().message.find("file not found"), std::string::npos);
  EXPECT_THROW((void)load_force_snapshot(dir_.path() / "nowhere.yaml"), InputError);
}

TEST_F(ForceLoaderTest, ReportsAllProblemsAtOnce) {
  std::string text = replace_once(std::string(kValid), "basing: silo", "basing: cave");
  text = replace_once(text, "reliability: {value: 0.8,", "reliability: {value: 7,");
  text = replace_once(text, "launchers_deployed: {value: 397,", "launchers_deployed: {value: -1,");
  text = replace_once(text, "warheads_stored: {value: 2000,", "warheads_stored: {value: x,");
  const auto result = read(text);
  EXPECT_FALSE(result.value.has_value());
  EXPECT_EQ(result.diagnostics.size(), 4U) << test::dump(result.diagnostics);
  for (const std::string_view key : {"systems[0].basing", "systems[0].reliability.value",
                                     "systems[0].launchers_deployed.value", "inventory.warheads_stored.value"}) {
    EXPECT_NE(find_by_key(result.diagnostics, key), nullptr) << key << "\n" << test::dump(result.diagnostics);
  }
}

TEST_F(ForceLoaderTest, WarheadSharesMustSumToOne) {
  const std::string text =
      replace_once(std::string(kValid), "share: {value: 0.5, grade: EST, src: est-2021}}\n      - {type: W78",
                   "share: {value: 0.6, grade: EST, src: est-2021}}\n      - {type: W78");
  expect_single_error(text, "systems[0].warheads", "      - {type: W87",
                      "warhead shares sum to 1.1; expected them to sum to 1");
}

TEST_F(ForceLoaderTest, CapacityBelowLoading) {
  const std::string text = replace_once(std::string(kValid), "max_warheads_per_launcher: {value: 3,",
                                        "max_warheads_per_launcher: {value: 0.5,");
  expect_single_error(text, "systems[0].max_warheads_per_launcher",
                      "max_warheads_per_launcher:", "max_warheads_per_launcher 0.5 is below warheads_per_launcher 1");
}

TEST_F(ForceLoaderTest, AssumedRangeMustHoldTheValue) {
  const std::string text = replace_once(std::string(kValid), "cep_m: {value: 120, grade: ASSUMED, range: [90, 200]",
                                        "cep_m: {value: 250, grade: ASSUMED, range: [90, 200]");
  expect_single_error(text, "systems[0].cep_m.value", "cep_m:", "value 250 lies outside its range [90, 200]");
}

TEST_F(ForceLoaderTest, IdMustMatchSideDateAndFileName) {
  const std::string text = replace_once(std::string(kValid), "id: us-2020-09-01", "id: us-2021-01-01");
  expect_single_error(text, "id", "id: us-2021",
                      "id 'us-2021-01-01' does not match side and date; expected 'us-2020-09-01'");
  const auto renamed = read(kValid, "other-name.yaml");
  ASSERT_EQ(renamed.diagnostics.size(), 1U) << test::dump(renamed.diagnostics);
  EXPECT_NE(renamed.diagnostics.front().message.find("does not match the file name 'other-name.yaml'"),
            std::string::npos);
}

TEST_F(ForceLoaderTest, InvalidDate) {
  const std::string text = replace_once(std::string(kValid), "date: 2020-09-01", "date: 2020-02-30");
  const auto result = read(text);
  const Diagnostic* d = find_by_key(result.diagnostics, "date");
  ASSERT_NE(d, nullptr) << test::dump(result.diagnostics);
  EXPECT_NE(d->message.find("expected a date YYYY-MM-DD, got '2020-02-30'"), std::string::npos);
}

TEST_F(ForceLoaderTest, AccountableSystemNeedsACountingRule) {
  const std::string text = replace_once(std::string(kValid), "counting: reentry_vehicles", "counting: none");
  expect_single_error(text, "systems[0].new_start.counting", "new_start:", "an accountable system needs counting");
}

// `dist:` on a figure: read with its range; refused without one, or as an unknown word.
TEST_F(ForceLoaderTest, FigureDistributionReadWithItsRange) {
  const std::string text = replace_once(std::string(kValid), "cep_m: {value: 120, grade: ASSUMED, range: [90, 200],",
                                        "cep_m: {value: 120, grade: ASSUMED, range: [90, 200], dist: triangular,");
  const auto result = read(text);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const System& mm3 = result.value->systems.front();
  ASSERT_TRUE(mm3.cep_m.dist.has_value());
  EXPECT_EQ(*mm3.cep_m.dist, Distribution::kTriangular);
  EXPECT_FALSE(mm3.reliability.dist.has_value());
}

TEST_F(ForceLoaderTest, FigureDistributionWithoutRangeRefused) {
  const std::string text = replace_once(std::string(kValid), "range_km: {value: 9660, grade: OFF,",
                                        "range_km: {value: 9660, dist: normal, grade: OFF,");
  expect_single_error(text, "systems[0].range_km.dist", "range_km:", "`dist: normal` needs a `range: [low, high]`");
}

TEST_F(ForceLoaderTest, FigureDistributionUnknownWordRefused) {
  const std::string text = replace_once(std::string(kValid), "cep_m: {value: 120, grade: ASSUMED, range: [90, 200],",
                                        "cep_m: {value: 120, grade: ASSUMED, range: [90, 200], dist: gaussian,");
  expect_single_error(text, "systems[0].cep_m.dist", "cep_m:", "normal");
}

TEST(FigureDistribution, WordsRoundTrip) {
  for (const Distribution d : {Distribution::kTriangular, Distribution::kUniform, Distribution::kNormal}) {
    EXPECT_EQ(distribution_from_string(to_string(d)), d);
  }
  EXPECT_EQ(to_string(Distribution::kUniform), "uniform");
  EXPECT_FALSE(distribution_from_string("Uniform").has_value());
}

}  // namespace
}  // namespace stratstab
