// Forward systems by base and by posture (docs/methods.md §12.5): great-circle distance, reach per base
// from a launch point, the target classes split by reach, the readiness of dual-capable aircraft
// by posture, and the located errors of the `bases:` and `launch_point:` inputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "stratstab/catalog.hpp"
#include "stratstab/exchange.hpp"
#include "stratstab/forward_reach.hpp"
#include "stratstab/geo.hpp"
#include "stratstab/load.hpp"
#include "stratstab/scenario.hpp"
#include "test_support.hpp"

namespace stratstab {
namespace {

constexpr double kPi = std::numbers::pi;

TEST(GreatCircle, AgreesWithDistancesKnownInClosedForm) {
  // A quarter meridian, equator to pole: pi/2 R.
  EXPECT_NEAR(great_circle_km({0, 0}, {90, 0}), kPi / 2 * 6371.0, 1e-9);
  // A quarter of the equator, and half of it (antipodes): pi/2 R and pi R.
  EXPECT_NEAR(great_circle_km({0, 0}, {0, 90}), kPi / 2 * 6371.0, 1e-9);
  EXPECT_NEAR(great_circle_km({0, 0}, {0, 180}), kPi * 6371.0, 1e-9);
  // By hand with the spherical law of cosines: from (0, 0) to (45 N, 45 E),
  // cos c = cos 45 cos 45 = 1/2, so c = 60 degrees and the distance is pi/3 R = 6,671.70 km.
  EXPECT_NEAR(great_circle_km({0, 0}, {45, 45}), kPi / 3 * 6371.0, 1e-9);
  // One degree of longitude at 60 N on a parallel is shorter than the great circle between the
  // same points by a hair: the chord of the circle. Haversine by hand: h = cos^2(60) sin^2(0.5 deg),
  // d = 2 R asin(sqrt h) = 2 R asin(0.5 sin 0.5 deg).
  EXPECT_NEAR(great_circle_km({60, 10}, {60, 11}), 2 * 6371.0 * std::asin(0.5 * std::sin(0.5 * kPi / 180)), 1e-9);
  // Symmetric, zero on a point, signs of west and south respected.
  EXPECT_DOUBLE_EQ(great_circle_km({10, 20}, {-30, -40}), great_circle_km({-30, -40}, {10, 20}));
  EXPECT_DOUBLE_EQ(great_circle_km({51.5, -0.1}, {51.5, -0.1}), 0.0);
  EXPECT_NEAR(great_circle_km({0, -10}, {0, 10}), 20 * kPi / 180 * 6371.0, 1e-9);
}

Figure fig(double value) {
  Figure f;
  f.value = value;
  return f;
}

System make_system(const std::string& id, Basing basing, VehicleClass vehicle, double launchers, double each,
                   double yield_kt, double cep_m, double hardness_psi, double range_km) {
  System s;
  s.id = id;
  s.name = id;
  s.basing = basing;
  s.vehicle = vehicle;
  s.launchers_deployed = fig(launchers);
  s.warheads_per_launcher = fig(each);
  s.max_warheads_per_launcher = fig(each);
  s.warheads = {WarheadType{"w", fig(yield_kt), fig(1.0)}};
  s.cep_m = fig(cep_m);
  s.reliability = fig(1.0);
  s.range_km = fig(range_km);
  s.hardness_psi = fig(hardness_psi);
  s.untargetable_day_to_day = fig(0);
  s.untargetable_generated = fig(0);
  return s;
}

Base make_base(const std::string& id, double lat, double lon, double launchers) {
  Base b;
  b.id = id;
  b.name = id;
  b.lat_deg = lat;
  b.lon_deg = lon;
  b.launchers = fig(launchers);
  return b;
}

/// A striker with one forward missile of range 2,000 km at (0, 0) and a victim whose mobile
/// missiles sit at three bases on the equator: 10 E (1,111.95 km), 17 E (1,890.35 km) and 20 E
/// (2,223.90 km; distances 6371 pi/180 x degrees).
struct SmallForces {
  ForceSnapshot striker;
  ForceSnapshot victim;
  std::vector<ForwardDeployment> forward;
  StabilityParameters parameters;

  SmallForces() {
    striker.w80 = fig(100);
    System missile = make_system("fwd", Basing::kIntermediate, VehicleClass::kIrbm, 10, 1, 300, 100, 10, 2000);
    striker.systems = {missile};
    victim.w80 = fig(100);
    System mobile = make_system("mob", Basing::kMobile, VehicleClass::kIcbm, 60, 1, 300, 100, 10, 10000);
    mobile.bases = {make_base("a", 0, 10, 10), make_base("b", 0, 17, 20), make_base("c", 0, 20, 30)};
    victim.systems = {mobile};
    ForwardDeployment d;
    d.system = "fwd";
    d.flight_minutes = 10;
    d.reaches = {"mob"};
    d.launch_point = GeoPoint{0, 0};
    forward = {d};
    parameters.max_warheads_per_target = 2;
  }
  [[nodiscard]] SideOptions striker_options() const {
    SideOptions o;
    o.forward = forward;
    return o;
  }
};

TEST(ForwardReach, PerBaseFromTheLaunchPoint) {
  const SmallForces f;
  const std::vector<BaseReach> reach = base_reach(f.forward[0], f.striker.systems[0], f.victim);
  ASSERT_EQ(reach.size(), 3u);
  EXPECT_NEAR(reach[0].distance_km, 10 * kPi / 180 * 6371.0, 1e-9);
  EXPECT_NEAR(reach[1].distance_km, 17 * kPi / 180 * 6371.0, 1e-9);
  EXPECT_NEAR(reach[2].distance_km, 20 * kPi / 180 * 6371.0, 1e-9);
  EXPECT_TRUE(reach[0].reached);
  EXPECT_TRUE(reach[1].reached);
  EXPECT_FALSE(reach[2].reached);
  // Without a launch point nothing is measured: the whole class is reached (the upper bound).
  ForwardDeployment whole = f.forward[0];
  whole.launch_point.reset();
  EXPECT_TRUE(base_reach(whole, f.striker.systems[0], f.victim).empty());
  EXPECT_TRUE(reaches_base(whole, 2000, "mob", &f.victim.systems[0].bases[2]));
  EXPECT_FALSE(reaches_base(whole, 2000, "other", nullptr));
}

TEST(ForwardReach, TargetClassSplitsIntoReachedAndUnreachedBases) {
  const SmallForces f;
  const CounterforceProblem problem = counterforce_problem(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay,
                                                           f.parameters, f.striker_options(), SideOptions{});
  // Bases a and b (30 launchers) are in reach, c (30) is not: two classes of 30.
  ASSERT_EQ(problem.targets.size(), 2u);
  EXPECT_EQ(problem.targets[0].label, "mob [a, b]");
  EXPECT_EQ(problem.targets[1].label, "mob [c]");
  EXPECT_DOUBLE_EQ(problem.targets[1].count, 30);
  // The forward missile fired first (it cannot reach value): its kinds are not in the problem.
  EXPECT_TRUE(problem.kinds.empty());
  // With range 2,300 km base c is reached too, and the class is whole again.
  SmallForces far;
  far.striker.systems[0].range_km = fig(2300);
  const CounterforceProblem whole =
      counterforce_problem(far.striker, Posture::kDayToDay, far.victim, Posture::kDayToDay, far.parameters,
                           far.striker_options(), SideOptions{});
  ASSERT_EQ(whole.targets.size(), 1u);
  EXPECT_EQ(whole.targets[0].label, "mob");
}

TEST(ForwardReach, OnlyReachedBasesLoseLaunchersToTheFirstSalvo) {
  // The forward missile (reliability 1, 300 kt, CEP 300 m) on 1,000 psi launchers: docs/methods.md §4
  // LR = 2.62 nmi (0.3 Mt / 1000 psi)^(1/3) = 324.8 m, SSPK p = 1 - 0.5^((LR/CEP)^2) = 0.556. The
  // greedy salvo of 10 x 0.9 = 9 warheads goes one to a launcher (a second on the same one adds
  // only p(1 - p)), killing 9p launchers, all in the reached class.
  SmallForces f;
  f.striker.systems[0].cep_m = fig(300);
  f.victim.systems[0].hardness_psi = fig(1000);
  const StrikeInputs in = real_strike_inputs(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay, f.parameters,
                                             f.striker_options(), SideOptions{});
  EXPECT_NEAR(in.forward_spent, 9.0, 1e-9);
  const CounterforceProblem problem = counterforce_problem(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay,
                                                           f.parameters, f.striker_options(), SideOptions{});
  const double p = 1.0 - std::pow(0.5, std::pow(2.62 * 1852.0 * std::pow(0.3 / 1000.0, 1.0 / 3.0) / 300.0, 2));
  EXPECT_NEAR(p, 0.556, 5e-4);
  EXPECT_NEAR(problem.targets[0].count, 30.0 - 9.0 * p, 1e-6);
  EXPECT_DOUBLE_EQ(problem.targets[1].count, 30.0);
}

TEST(ForwardReach, FirstSalvoRemovesExactlyWhatItKills) {
  // The forward missile with reliability 0.8 and CEP 485.224 m, the victim's launchers 300 psi
  // with 2 warheads each at reliability 0.5. LR = 2.62 nmi x 1852 m x (0.3 Mt / 300 psi)^(1/3) =
  // 485.224 m = CEP, so SSPK = 1 - 0.5^1 = 0.5 and p = R SSPK = 0.4. The salvo is 10 x 0.9 = 9
  // warheads, all on the reached class [a, b] (30 launchers; base c is out of range, p = 0), one
  // to a launcher (a first shot kills 2 x 0.5 x 0.4 = 0.4 of the retaliation, a second on the same
  // launcher only 0.4 x 0.6 = 0.24): it destroys 9 x 0.4 = 3.6 launchers, 7.2 warheads as loaded,
  // 3.6 of the retaliation (7.2 x 0.5). Left: 30 - 3.6 = 26.4 launchers at a and b, 30 at c, and
  // 60 x 2 x 0.5 - 3.6 = 56.4 arriving warheads.
  SmallForces f;
  f.striker.systems[0].reliability = fig(0.8);
  f.striker.systems[0].cep_m = fig(2.62 * 1852.0 / 10.0);
  f.victim.systems[0].hardness_psi = fig(300);
  f.victim.systems[0].warheads_per_launcher = fig(2);
  f.victim.systems[0].max_warheads_per_launcher = fig(2);
  f.victim.systems[0].reliability = fig(0.5);
  const StrikeInputs in = real_strike_inputs(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay, f.parameters,
                                             f.striker_options(), SideOptions{});
  EXPECT_NEAR(in.forward_spent, 9.0, 1e-12);
  EXPECT_NEAR(in.forward_destroyed, 7.2, 1e-9);
  EXPECT_NEAR(in.victim_arriving, 56.4, 1e-9);
  EXPECT_DOUBLE_EQ(in.victim_warheads, 120.0);  // V as loaded is the whole force
  EXPECT_DOUBLE_EQ(in.striker_warheads, 0.0);   // the salvo is not in W
  const CounterforceProblem problem = counterforce_problem(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay,
                                                           f.parameters, f.striker_options(), SideOptions{});
  ASSERT_EQ(problem.targets.size(), 2u);
  EXPECT_NEAR(problem.targets[0].count, 26.4, 1e-9);
  EXPECT_DOUBLE_EQ(problem.targets[1].count, 30.0);
  // 40 missiles (36 ready) would go two to a launcher on 6 of the 30 (greedy: the 30 first shots,
  // worth 0.4 each, then second shots, worth 0.24): 30 x 0.4 + 6 x 0.24 = 13.44 of the
  // retaliation, 26.88 warheads as loaded; 30 - 13.44 = 16.56 launchers left at a and b.
  f.striker.systems[0].launchers_deployed = fig(40);
  const StrikeInputs big = real_strike_inputs(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay, f.parameters,
                                              f.striker_options(), SideOptions{});
  EXPECT_NEAR(big.forward_spent, 36.0, 1e-12);
  EXPECT_NEAR(big.forward_destroyed, 26.88, 1e-9);
  EXPECT_NEAR(big.victim_arriving, 60.0 - 13.44, 1e-9);
  EXPECT_NEAR(counterforce_problem(f.striker, Posture::kDayToDay, f.victim, Posture::kDayToDay, f.parameters,
                                   f.striker_options(), SideOptions{})
                  .targets[0]
                  .count,
              16.56, 1e-9);
}

TEST(ForwardReach, ReadinessByPostureSetsTheForwardWarheads) {
  // A dual-capable aircraft that reaches the other side's value: its warheads join the value
  // pool at launchers x warheads each x readiness in the striker's posture.
  SmallForces f;
  System& dca = f.striker.systems[0];
  dca.basing = Basing::kNonstrategic;
  dca.vehicle = VehicleClass::kAircraft;
  dca.launchers_deployed = fig(100);
  f.forward[0].reaches_value = true;
  f.forward[0].reaches = {};
  f.forward[0].launch_point.reset();
  const auto striker_warheads = [&](Posture posture) {
    return real_strike_inputs(f.striker, posture, f.victim, Posture::kDayToDay, f.parameters, f.striker_options(),
                              SideOptions{})
        .striker_warheads;
  };
  // Without a readiness: the striker availability, 100 x 0.9 = 90.
  EXPECT_NEAR(striker_warheads(Posture::kDayToDay), 90.0, 1e-9);
  dca.ready_day_to_day = fig(0.05);
  dca.ready_generated = fig(0.7);
  EXPECT_NEAR(striker_warheads(Posture::kDayToDay), 5.0, 1e-9);
  EXPECT_NEAR(striker_warheads(Posture::kGenerated), 70.0, 1e-9);
  // A forward salvo that cannot reach value changes by the same factor: 10 missiles x 0.25.
  SmallForces salvo;
  salvo.striker.systems[0].ready_day_to_day = fig(0.25);
  salvo.striker.systems[0].ready_generated = fig(0.5);
  const StrikeInputs in = real_strike_inputs(salvo.striker, Posture::kDayToDay, salvo.victim, Posture::kDayToDay,
                                             salvo.parameters, salvo.striker_options(), SideOptions{});
  EXPECT_NEAR(in.forward_spent, 2.5, 1e-9);
}

// --- Loading -------------------------------------------------------------------------------------

constexpr std::string_view kSnapshot = R"(schema: 1
id: us-2020-09-01
side: us
date: 2020-09-01
title: "Bases test"
sources:
  - {id: est-2021, title: "An estimate", date: 2021-06}
  - {id: map-2021, title: "A map", date: 2021-06}
inventory:
  warheads_deployed: {value: 100, grade: EST, src: est-2021}
  warheads_stored: {value: 0, grade: EST, src: est-2021}
  nonstrategic_warheads: {value: 0, grade: EST, src: est-2021}
w80: {value: 80, grade: ASSUMED, range: [40, 160], src: est-2021}
systems:
  - id: dca
    name: "Aircraft"
    basing: nonstrategic
    ready_day_to_day: {value: 0.05, grade: ASSUMED, range: [0, 0.2], src: est-2021}
    ready_generated: {value: 0.7, grade: ASSUMED, range: [0.5, 0.9], src: est-2021}
    bases:
      - {id: north, name: "North", lat_deg: 51.2, lon_deg: 5.5, src: map-2021, launchers: {value: 60, grade: EST, src: est-2021}}
      - {id: south, name: "South", lat_deg: 37.0, lon_deg: 35.4, src: map-2021, launchers: {value: 40, grade: EST, src: est-2021}}
    vehicle: aircraft
    launchers_deployed: {value: 100, grade: EST, src: est-2021}
    launchers_nondeployed: {value: 0, grade: EST, src: est-2021}
    warheads_per_launcher: {value: 1, grade: EST, src: est-2021}
    max_warheads_per_launcher: {value: 2, grade: EST, src: est-2021}
    warheads:
      - {type: B61, yield_kt: {value: 50, grade: EST, src: est-2021}, share: {value: 1, grade: EST, src: est-2021}}
    cep_m: {value: 30, grade: ASSUMED, range: [10, 150], src: est-2021}
    reliability: {value: 0.7, grade: ASSUMED, range: [0.5, 0.9], src: est-2021}
    range_km: {value: 1100, grade: ASSUMED, range: [500, 1400], src: est-2021}
    hardness_psi: {value: 20, grade: ASSUMED, range: [3, 100], src: est-2021}
    untargetable_day_to_day: {value: 0, grade: ASSUMED, range: [0, 0], src: est-2021}
    untargetable_generated: {value: 0.2, grade: ASSUMED, range: [0, 0.5], src: est-2021}
    new_start: {accountable: false, counting: none}
    upload_rate_per_month: {value: 30, grade: ASSUMED, range: [0, 100], src: est-2021}
)";

class BasesLoaderTest : public ::testing::Test {
 protected:
  LoadResult<ForceSnapshot> read(std::string_view text) {
    file_ = dir_.write("us-2020-09-01.yaml", text);
    return read_force_snapshot(file_);
  }
  test::TempDir dir_;
  std::filesystem::path file_;
};

TEST_F(BasesLoaderTest, ReadsBasesAndReadiness) {
  const auto result = read(kSnapshot);
  ASSERT_TRUE(result.value.has_value()) << test::dump(result.diagnostics);
  const System& dca = result.value->systems.at(0);
  ASSERT_EQ(dca.bases.size(), 2u);
  EXPECT_EQ(dca.bases[0].id, "north");
  EXPECT_DOUBLE_EQ(dca.bases[0].lat_deg, 51.2);
  EXPECT_DOUBLE_EQ(dca.bases[1].lon_deg, 35.4);
  EXPECT_DOUBLE_EQ(dca.bases[1].launchers.value, 40);
  EXPECT_EQ(dca.bases[1].source_id, "map-2021");
  EXPECT_EQ(dca.ready_share(Posture::kDayToDay), 0.05);
  EXPECT_EQ(dca.ready_share(Posture::kGenerated), 0.7);
}

TEST_F(BasesLoaderTest, LaunchersAtBasesMustSumToTheDeployed) {
  const std::string text =
      test::replace_once(std::string(kSnapshot), "launchers: {value: 40,", "launchers: {value: 30,");
  const auto result = read(text);
  EXPECT_FALSE(result.value.has_value());
  ASSERT_EQ(result.diagnostics.size(), 1u) << test::dump(result.diagnostics);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.where.file, file_.string());
  EXPECT_EQ(d.where.key_path, "systems[0].bases");
  EXPECT_EQ(d.where.line, test::line_of(text, "id: north"));
  EXPECT_EQ(d.message, "launchers at the bases sum to 90; expected them to sum to launchers_deployed 100");
}

TEST_F(BasesLoaderTest, BadBasesAreLocated) {
  // Latitude out of range.
  const auto lat = read(test::replace_once(std::string(kSnapshot), "lat_deg: 51.2", "lat_deg: 151.2"));
  ASSERT_FALSE(lat.value.has_value());
  const Diagnostic* d = test::find_by_key(lat.diagnostics, "systems[0].bases[0].lat_deg");
  ASSERT_NE(d, nullptr) << test::dump(lat.diagnostics);
  // Coordinates cite a source the bibliography does not have.
  const auto src = read(test::replace_once(std::string(kSnapshot), "src: map-2021, launchers: {value: 40",
                                           "src: atlas, launchers: {value: 40"));
  ASSERT_FALSE(src.value.has_value());
  d = test::find_by_key(src.diagnostics, "systems[0].bases[1].src");
  ASSERT_NE(d, nullptr) << test::dump(src.diagnostics);
  EXPECT_NE(d->message.find("unknown source id 'atlas'"), std::string::npos) << d->message;
  // Duplicate base id.
  const auto dup = read(test::replace_once(std::string(kSnapshot), "id: south", "id: north"));
  ASSERT_FALSE(dup.value.has_value());
  d = test::find_by_key(dup.diagnostics, "systems[0].bases[1].id");
  ASSERT_NE(d, nullptr) << test::dump(dup.diagnostics);
  EXPECT_NE(d->message.find("duplicate base id 'north'"), std::string::npos) << d->message;
  // A readiness for one posture only.
  const std::string one =
      test::replace_once(std::string(kSnapshot),
                         "    ready_generated: {value: 0.7, grade: ASSUMED, range: [0.5, 0.9], src: est-2021}\n", "");
  const auto half = read(one);
  ASSERT_FALSE(half.value.has_value());
  d = test::find_by_key(half.diagnostics, "systems[0].ready_generated");
  ASSERT_NE(d, nullptr) << test::dump(half.diagnostics);
}

// --- The bundled scenarios -------------------------------------------------------------------------

class BundledForward : public ::testing::Test {
 protected:
  Scenario load(const std::string& name, const std::vector<std::string>& sets = {}) {
    return load_scenario(catalog_.scenario_path(name), Override::parse_all(sets), &catalog_);
  }
  DataCatalog catalog_{STRATSTAB_SOURCE_DIR "/data"};
};

TEST_F(BundledForward, DarkEagleFromGrafenwoehrReachesOnlyTheWesternBases) {
  const Scenario s = load("dark-eagle-germany");
  const ForwardDeployment& d = s.sides[0].forward.at(0);
  const System& dark_eagle = *s.sides[0].forces->find_system("dark-eagle");
  std::vector<std::string> reached;
  std::vector<std::string> missed;
  for (const BaseReach& b : base_reach(d, dark_eagle, *s.sides[1].forces)) {
    (b.reached ? reached : missed).push_back(b.system + "/" + b.base);
  }
  // Distances from Grafenwöhr (49.717 N, 11.906 E) by an independent haversine (Python, R 6371):
  // Vypolzovo 1,683, Kozelsk 1,699, Teykovo 2,043, Tatishchevo 2,362, Engels 2,407, Gadzhiyevo
  // 2,455, Yoshkar-Ola 2,484 km (within 2,775); Nizhny Tagil 3,208, Dombarovsky 3,331, Novosibirsk
  // 4,646, Barnaul 4,773, Uzhur 5,030, Irkutsk 6,010, Ukrainka 7,294, Vilyuchinsk 8,175 km (not).
  const std::vector<std::string> expected_reached{
      "topol-m-silo/tatishchevo", "topol-m-mobile/teykovo", "yars-silo/kozelsk", "yars-mobile/teykovo",
      "yars-mobile/yoshkar-ola",  "yars-mobile/vypolzovo",  "tu95ms/engels",     "tu160/engels",
      "bulava/gadzhiyevo",        "sineva/gadzhiyevo"};
  const std::vector<std::string> expected_missed{
      "ss18/dombarovsky",        "ss18/uzhur",          "avangard/dombarovsky", "yars-mobile/nizhny-tagil",
      "yars-mobile/novosibirsk", "yars-mobile/irkutsk", "yars-mobile/barnaul",  "tu95ms/ukrainka",
      "bulava/vilyuchinsk"};
  const auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(reached), sorted(expected_reached));
  EXPECT_EQ(sorted(missed), sorted(expected_missed));
}

TEST_F(BundledForward, OreshnikFromBelarusReachesTheB61BasesAndNoUsCentralBase) {
  // Aimed at every US system with bases: from Krychaw (53.7194 N, 31.7139 E) the B61 bases are
  // 1,607-1,881 km away (within 5,500 km); the nearest US central base, Minot, is 7,833 km away
  // (independent haversine, Python), so no US central launcher is reached.
  const Scenario s =
      load("oreshnik-belarus",
           {"sides.RU.forward=[{system: oreshnik, flight_minutes: 8, reaches: [mm3, trident2, b52h, b2a, "
            "b61-europe], warheads_per_launcher: 6, launch_point: {lat_deg: 53.7194, lon_deg: 31.7139, "
            "source: test}}]"});
  const ForwardDeployment& d = s.sides[1].forward.at(0);
  double nearest_central_km = 1e9;
  for (const BaseReach& b : base_reach(d, *s.sides[1].forces->find_system("oreshnik"), *s.sides[0].forces)) {
    EXPECT_EQ(b.reached, b.system == "b61-europe") << b.system << "/" << b.base << " " << b.distance_km;
    if (b.system != "b61-europe") nearest_central_km = std::min(nearest_central_km, b.distance_km);
  }
  EXPECT_NEAR(nearest_central_km, 7833, 1.0);
}

TEST_F(BundledForward, LaunchPointNeedsBasesForEverySystemReached) {
  // 9m729 (16 launchers) lists no bases: reach from a launch point cannot be computed for it.
  // sarmat lists none either, but has no launchers deployed, so there is nothing to reach.
  const auto result =
      read_scenario(catalog_.scenario_path("dark-eagle-germany"),
                    {Override::parse("sides.US.forward=[{system: dark-eagle, flight_minutes: 12, reaches: [yars-silo, "
                                     "sarmat, 9m729], launch_point: {lat_deg: 49.7, lon_deg: 11.9, source: test}}]")},
                    &catalog_);
  ASSERT_FALSE(result.value.has_value());
  const Diagnostic* d = test::find_by_key(result.diagnostics, "sides.US.forward[0].reaches");
  ASSERT_NE(d, nullptr) << test::dump(result.diagnostics);
  EXPECT_EQ(d->message,
            "'9m729' of snapshot 'ru-2026-11-01' lists no `bases`; expected bases with coordinates for every "
            "system reached from a `launch_point`");
  // One error only: sarmat, with no launchers, has nothing to reach.
  EXPECT_EQ(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                          [](const Diagnostic& x) { return x.where.key_path == "sides.US.forward[0].reaches"; }),
            1)
      << test::dump(result.diagnostics);
}

TEST_F(BundledForward, DefaultScenarioHasNoSplitTargets) {
  // No forward systems: every victim system stays one class, labelled by its id.
  const Scenario s = load("us-ru-2026-11");
  const SideOptions us = side_options(s.sides[0]);
  const SideOptions ru = side_options(s.sides[1]);
  const CounterforceProblem problem = counterforce_problem(*s.sides[0].forces, Posture::kDayToDay, *s.sides[1].forces,
                                                           Posture::kDayToDay, s.parameters, us, ru);
  for (const CounterforceProblem::TargetClass& t : problem.targets) {
    EXPECT_NE(s.sides[1].forces->find_system(t.label), nullptr) << t.label;
  }
}

TEST(ForwardCli, B61ReadinessAndReachInTheAssessment) {
  // Day to day the US first strike in oreshnik-belarus is the default's plus the ready B61s:
  // 100 aircraft x 1 bomb x ready_day_to_day 0.05 = 5 (it was 100 x 0.9 = 90 before).
  const test::CliRun with = test::run_cli("assess oreshnik-belarus --json");
  const test::CliRun plain = test::run_cli("assess us-ru-2026-11 --json");
  ASSERT_EQ(with.exit_code, 0) << with.err;
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto j = nlohmann::json::parse(with.out);
  const auto p = nlohmann::json::parse(plain.out);
  EXPECT_NEAR(j.at("exchanges").at(0).at("striker_warheads").get<double>() -
                  p.at("exchanges").at(0).at("striker_warheads").get<double>(),
              5.0, 1e-9);
  // Generated, 0.7: 70 B61s on top of the default's generated first strike.
  const test::CliRun gen = test::run_cli("assess oreshnik-belarus --json --set options.posture=generated");
  const test::CliRun plain_gen = test::run_cli("assess us-ru-2026-11 --json --set options.posture=generated");
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  EXPECT_NEAR(nlohmann::json::parse(gen.out).at("exchanges").at(0).at("striker_warheads").get<double>() -
                  nlohmann::json::parse(plain_gen.out).at("exchanges").at(0).at("striker_warheads").get<double>(),
              70.0, 1e-9);
  // The reach of Oreshnik per base is in the JSON: all six B61 bases, Incirlik the farthest.
  const auto& forward = j.at("forward");
  ASSERT_EQ(forward.size(), 2U);
  const auto& oreshnik = forward.at(1);
  EXPECT_EQ(oreshnik.at("system"), "oreshnik");
  ASSERT_EQ(oreshnik.at("bases").size(), 6U);
  for (const auto& b : oreshnik.at("bases")) EXPECT_TRUE(b.at("reached").get<bool>()) << b.dump();
  EXPECT_NEAR(oreshnik.at("bases").at(5).at("distance_km").get<double>(), 1881, 1.0);  // Incirlik, Python haversine
  // The text report lists the bases in and out of reach.
  const test::CliRun text = test::run_cli("assess dark-eagle-germany");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("out of reach ss18/dombarovsky 3331 km"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("yars-mobile [teykovo, yoshkar-ola, vypolzovo]"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace stratstab
