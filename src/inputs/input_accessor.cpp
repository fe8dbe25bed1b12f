// Key paths resolved into accessors of a validated scenario (scenario_inputs.hpp). The path
// grammar is that of `--set` (docs/io_formats.md, "Key paths"); the names of each number are the
// keys of its section in the file format (src/schema/), so a path and its bounds come from one table.
#include <charconv>
#include <utility>

#include <fmt/format.h>

#include "inputs/input_tables.hpp"
#include "io/named_table.hpp"
#include "stratstab/closest_word.hpp"
#include "stratstab/scenario_inputs.hpp"
#include "stratstab/schema.hpp"
#include "stratstab/snapshot_figures.hpp"

namespace stratstab {
namespace {

using io::find_key;
using io::keys_of;
using io::suggestion;

using namespace inputs;  // NOLINT(google-build-using-namespace): the tables of this stage

/// One segment of a dotted path: a key and an optional list index (`layers[0]`).
struct Segment {
  std::string key;
  std::optional<std::size_t> index;
};

[[noreturn]] void fail(std::string_view path, std::string message) {
  throw InputError({key_error(std::string(path), std::move(message))});
}

std::vector<Segment> split(std::string_view path) {
  if (!Override::is_key_path(path)) fail(path, "expected a dotted key path such as sides.US.systems.mm3.cep_m");
  std::vector<Segment> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    Segment seg;
    const std::size_t bracket = part.find('[');
    seg.key = std::string(part.substr(0, bracket));
    if (bracket != std::string_view::npos) {
      std::size_t i = 0;
      const std::string_view digits = part.substr(bracket + 1, part.size() - bracket - 2);
      std::from_chars(digits.data(), digits.data() + digits.size(), i);
      seg.index = i;
    }
    out.push_back(std::move(seg));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

std::size_t side_index(const Scenario& scenario, std::string_view path, std::string_view id) {
  for (std::size_t i = 0; i < scenario.sides.size(); ++i) {
    if (scenario.sides[i].id == id) return i;
  }
  fail(path,
       fmt::format("no side `{}` in this scenario (sides: {}, {})", id, scenario.sides[0].id, scenario.sides[1].id));
}

void expect_length(std::string_view path, const std::vector<Segment>& segs, std::size_t n) {
  if (segs.size() != n) fail(path, fmt::format("expected {} segments ending at a number, got {}", n, segs.size()));
}

void expect_no_index(std::string_view path, const Segment& seg) {
  if (seg.index) fail(path, fmt::format("`{}` is not a list", seg.key));
}

std::size_t list_index(std::string_view path, const Segment& seg, std::size_t size) {
  if (!seg.index) fail(path, fmt::format("`{}` is a list: give an index, e.g. `{}[0]`", seg.key, seg.key));
  if (*seg.index >= size) {
    fail(path, fmt::format("`{}[{}]`: the list has {} entr{}", seg.key, *seg.index, size, size == 1 ? "y" : "ies"));
  }
  return *seg.index;
}

}  // namespace

double InputAccessor::get(const Scenario& scenario) const {
  // The address functions only compute a pointer; reading through it does not modify.
  Scenario& s = const_cast<Scenario&>(scenario);  // NOLINT(cppcoreguidelines-pro-type-const-cast): read only
  if (create_) {
    // An absent optional number reads as what the evaluation would use: the created default.
    double* p = address_(s);
    if (p == nullptr) return spec_->default_value.value_or(0.0);
    return *p;
  }
  return *address_(s);
}

void InputAccessor::set(Scenario& scenario, double value) const {
  double* p = address_(scenario);
  if (p == nullptr && create_) {
    create_(scenario);
    p = address_(scenario);
  }
  *p = value;
}

const Figure* InputAccessor::figure(const Scenario& scenario) const {
  return figure_ ? figure_(scenario) : nullptr;
}

InputAccessor InputAccessor::resolve(const Scenario& scenario, std::string_view path) {
  const std::vector<Segment> segs = split(path);
  InputAccessor a;
  a.path_ = std::string(path);
  const auto figure_at = [&a](auto locate) {
    a.figure_ = [locate](const Scenario& s) -> const Figure* {
      return locate(const_cast<Scenario&>(s));  // NOLINT(cppcoreguidelines-pro-type-const-cast): read only
    };
    a.address_ = [locate](Scenario& s) -> double* {
      Figure* f = locate(s);
      return f == nullptr ? nullptr : &f->value;
    };
  };

  if (segs[0].key == "options") {
    expect_length(path, segs, 2);
    expect_no_index(path, segs[1]);
    const auto* named = find_key(kOptionNumbers, segs[1].key);
    if (named == nullptr) {
      fail(path, "not a number of `options` that can vary" + suggestion(segs[1].key, keys_of(kOptionNumbers)));
    }
    const auto member = named->member;
    a.spec_ = &key_spec("options", named->key);
    a.address_ = [member](Scenario& s) { return &(s.parameters.*member); };
    return a;
  }
  if (segs[0].key != "sides" || segs.size() < 3) {
    fail(path, "expected `options.<key>` or `sides.<ID>.<...>`" + suggestion(segs[0].key, {"options", "sides"}));
  }
  expect_no_index(path, segs[1]);
  const std::size_t side = side_index(scenario, path, segs[1].key);
  const ScenarioSide& sd = scenario.sides[side];
  const Segment& head = segs[2];
  const std::string& part = head.key;

  // --- a real side's snapshot figures (one resolver with the loader's `--set`) -----------------
  if (is_snapshot_part(part) && (part != "w80" || sd.forces)) {
    if (!sd.forces) fail(path, fmt::format("side `{}` is abstract: it has no force snapshot", sd.id));
    a.snapshot_side_ = side;
    SnapshotFigureRef ref = resolve_snapshot_figure(*sd.forces, path);
    a.spec_ = ref.spec;
    auto locate = [side, at = std::move(ref.locate)](Scenario& s) { return at(*s.sides[side].forces); };
    figure_at(locate);
    if (ref.create) a.create_ = [side, make = std::move(ref.create)](Scenario& s) { make(*s.sides[side].forces); };
    return a;
  }

  // --- the scenario's own numbers --------------------------------------------------------------
  if (part == "abstract") {
    if (!sd.abstract) fail(path, fmt::format("side `{}` is real: it has no `abstract` form", sd.id));
    expect_length(path, segs, 4);
    const auto* named = find_key(kAbstractNumbers, segs[3].key);
    if (named == nullptr) fail(path, "not a number of `abstract`" + suggestion(segs[3].key, keys_of(kAbstractNumbers)));
    const auto member = named->member;
    a.spec_ = &key_spec("abstract_side", named->key);
    a.address_ = [side, member](Scenario& s) { return &(*s.sides[side].abstract.*member); };
    return a;
  }
  if (part == "defence" || part == "defense") {
    if (!sd.defence) fail(path, fmt::format("side `{}` has no `defence`", sd.id));
    if (segs.size() >= 4 && segs[3].key == "layers") {
      expect_length(path, segs, 5);
      const std::size_t l = list_index(path, segs[3], sd.defence->layers.size());
      const auto* named = find_key(kLayerNumbers, segs[4].key);
      if (named == nullptr)
        fail(path, "not a number of a defence layer" + suggestion(segs[4].key, keys_of(kLayerNumbers)));
      const auto member = named->member;
      a.spec_ = &key_spec("defence_layer", named->key);
      a.address_ = [side, l, member](Scenario& s) { return &(s.sides[side].defence->layers[l].*member); };
      return a;
    }
    expect_length(path, segs, 4);
    const auto* named = find_key(kDefenceNumbers, segs[3].key);
    if (named == nullptr) {
      fail(path, "not a number of `defence`" + suggestion(segs[3].key, keys_of(kDefenceNumbers, {"layers"})));
    }
    const auto member = named->member;
    a.spec_ = &key_spec("defence", named->key);
    a.address_ = [side, member](Scenario& s) { return &(s.sides[side].defence.value().*member); };
    return a;
  }
  if (part == "command") {
    if (segs.size() >= 4 && segs[3].key == "devolution") {
      expect_length(path, segs, 5);
      const std::size_t r = list_index(path, segs[3], sd.devolution.size());
      a.spec_ =
          &key_spec("devolution_route", segs[4].key == "survival_generated" ? "survival_generated" : "reliability");
      if (segs[4].key == "survival_generated") {
        a.address_ = [side, r](Scenario& s) -> double* {
          auto& v = s.sides[side].devolution[r].survival_generated;
          return v ? &*v : nullptr;
        };
        a.create_ = [side, r](Scenario& s) {
          auto& route = s.sides[side].devolution[r];
          if (!route.survival_generated) route.survival_generated = route.survival_day_to_day;
        };
        return a;
      }
      const auto* named = find_key(kRouteNumbers, segs[4].key);
      if (named == nullptr) {
        fail(path, "not a number of a devolution route" +
                       suggestion(segs[4].key, keys_of(kRouteNumbers, {"survival_generated"})));
      }
      const auto member = named->member;
      a.spec_ = &key_spec("devolution_route", named->key);
      a.address_ = [side, r, member](Scenario& s) { return &(s.sides[side].devolution[r].*member); };
      return a;
    }
    expect_length(path, segs, 4);
    if (const auto* named = find_key(kCommandNumbers, segs[3].key)) {
      const auto member = named->member;
      a.spec_ = &key_spec("command", named->key);
      a.address_ = [side, member](Scenario& s) { return &(s.sides[side].command.*member); };
      return a;
    }
    if (const auto* named = find_key(kCommandOptionalNumbers, segs[3].key)) {
      const auto member = named->member;
      a.spec_ = &key_spec("command", named->key);
      a.address_ = [side, member](Scenario& s) -> double* {
        auto& v = s.sides[side].command.*member;
        return v ? &*v : nullptr;
      };
      // Absent, the generated figure is the day-to-day one (command.hpp): start from it.
      const bool survival = named->key == "survival_generated";
      a.create_ = [side, member, survival](Scenario& s) {
        auto& c = s.sides[side].command;
        if (!(c.*member)) c.*member = survival ? c.survival : c.nodes;
      };
      return a;
    }
    fail(path, "not a number of `command`" +
                   suggestion(segs[3].key, keys_of(kCommandOptionalNumbers, keys_of(kCommandNumbers, {"devolution"}))));
  }
  if (part == "warning") {
    expect_length(path, segs, 4);
    const auto* named = find_key(kWarningNumbers, segs[3].key);
    if (named == nullptr) fail(path, "not a number of `warning`" + suggestion(segs[3].key, keys_of(kWarningNumbers)));
    const auto member = named->member;
    a.spec_ = &key_spec("warning", named->key);
    a.address_ = [side, member](Scenario& s) { return &(s.sides[side].warning.*member); };
    return a;
  }
  if (part == "flight_minutes") {
    expect_length(path, segs, 4);
    const std::string key = segs[3].key;
    if (key == "icbm" || key == "slbm") {
      a.spec_ = &key_spec("flight_minutes", key);
      const bool icbm = key == "icbm";
      a.address_ = [side, icbm](Scenario& s) {
        FlightTimes& f = s.sides[side].flight;
        return icbm ? &f.icbm_minutes : &f.slbm_minutes;
      };
      return a;
    }
    std::vector<std::string> keys{"icbm", "slbm"};
    for (std::size_t i = 0; i < sd.flight.by_system.size(); ++i) {
      keys.push_back(sd.flight.by_system[i].first);
      if (sd.flight.by_system[i].first == key) {
        a.spec_ = &key_spec("flight_minutes", "icbm");
        a.address_ = [side, i](Scenario& s) { return &s.sides[side].flight.by_system[i].second; };
        return a;
      }
    }
    fail(path, "not a flight time this side gives" + suggestion(key, keys));
  }
  expect_length(path, segs, 3);
  if (const auto* named = find_key(kSideNumbers, part)) {
    const auto member = named->member;
    a.spec_ = &key_spec("scenario_side", named->key);
    a.address_ = [side, member](Scenario& s) { return &(s.sides[side].*member); };
    return a;
  }
  std::vector<std::string> parts =
      keys_of(kSideNumbers, {"abstract", "defence", "command", "warning", "flight_minutes"});
  if (sd.forces) parts.insert(parts.end(), {"systems", "inventory", "w80"});
  fail(path, fmt::format("not a number of side `{}`", sd.id) + suggestion(part, parts));
}

}  // namespace stratstab
