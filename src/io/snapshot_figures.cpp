// The figures of a force snapshot by key path (snapshot_figures.hpp). The names are the keys of each
// figure's section in the snapshot format (src/schema/schema.cpp), so a path and its bounds come
// from one table.
#include "stratstab/snapshot_figures.hpp"

#include <array>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "key_path.hpp"
#include "named_table.hpp"
#include "stratstab/closest_word.hpp"

namespace stratstab {
namespace {

using io::find_key;
using io::keys_of;
using io::suggestion;

template <typename Member>
struct Named {
  std::string_view key;
  Member member;
};

const std::array kSystemFigures{
    Named<Figure System::*>{"launchers_deployed", &System::launchers_deployed},
    Named<Figure System::*>{"launchers_nondeployed", &System::launchers_nondeployed},
    Named<Figure System::*>{"warheads_per_launcher", &System::warheads_per_launcher},
    Named<Figure System::*>{"max_warheads_per_launcher", &System::max_warheads_per_launcher},
    Named<Figure System::*>{"cep_m", &System::cep_m},
    Named<Figure System::*>{"reliability", &System::reliability},
    Named<Figure System::*>{"range_km", &System::range_km},
    Named<Figure System::*>{"hardness_psi", &System::hardness_psi},
    Named<Figure System::*>{"untargetable_day_to_day", &System::untargetable_day_to_day},
    Named<Figure System::*>{"untargetable_generated", &System::untargetable_generated},
    Named<Figure System::*>{"upload_rate_per_month", &System::upload_rate_per_month},
};
const std::array kSystemOptionalFigures{
    Named<std::optional<Figure> System::*>{"vehicles_deployed", &System::vehicles_deployed},
    Named<std::optional<Figure> System::*>{"vehicles_nondeployed", &System::vehicles_nondeployed},
    Named<std::optional<Figure> System::*>{"ready_day_to_day", &System::ready_day_to_day},
    Named<std::optional<Figure> System::*>{"ready_generated", &System::ready_generated},
    Named<std::optional<Figure> System::*>{"launchers_per_aim_point_day_to_day",
                                           &System::launchers_per_aim_point_day_to_day},
    Named<std::optional<Figure> System::*>{"launchers_per_aim_point_generated",
                                           &System::launchers_per_aim_point_generated},
};
const std::array kInventoryFigures{
    Named<Figure Inventory::*>{"warheads_deployed", &Inventory::warheads_deployed},
    Named<Figure Inventory::*>{"warheads_stored", &Inventory::warheads_stored},
    Named<Figure Inventory::*>{"nonstrategic_warheads", &Inventory::nonstrategic_warheads},
};
const std::array kInventoryOptionalFigures{
    Named<std::optional<Figure> Inventory::*>{"warheads_retired", &Inventory::warheads_retired},
    Named<std::optional<Figure> Inventory::*>{"warheads_retired_official", &Inventory::warheads_retired_official},
    Named<std::optional<Figure> Inventory::*>{"strategic_warheads_stored", &Inventory::strategic_warheads_stored},
};
const std::array kWarheadFigures{
    Named<Figure WarheadType::*>{"yield_kt", &WarheadType::yield_kt},
    Named<Figure WarheadType::*>{"share", &WarheadType::share},
};

[[noreturn]] void fail(std::string_view path, std::string message) {
  throw InputError({key_error(std::string(path), std::move(message))});
}

/// `form` is the path's shape after `sides.<ID>.`, for the message.
void expect_length(std::string_view path, const std::vector<io::PathStep>& steps, std::size_t n,
                   std::string_view form) {
  if (steps.size() != n) fail(path, fmt::format("expected `sides.<ID>.{}` ending at a figure", form));
}

void expect_no_index(std::string_view path, const io::PathStep& step) {
  if (!step.indices.empty()) fail(path, fmt::format("`{}` is not a list", step.key));
}

std::size_t list_index(std::string_view path, const io::PathStep& step, std::size_t size) {
  if (step.indices.size() != 1) {
    fail(path, fmt::format("`{}` is a list: give one index, e.g. `{}[0]`", step.key, step.key));
  }
  const std::size_t i = step.indices.front();
  if (i >= size) {
    fail(path, fmt::format("`{}[{}]`: the list has {} entr{}{}", step.key, i, size, size == 1 ? "y" : "ies",
                           size == 0 ? "" : fmt::format(" (0 to {})", size - 1)));
  }
  return i;
}

template <typename Locate>
SnapshotFigureRef ref(const KeySpec& spec, Locate locate) {
  return SnapshotFigureRef{&spec, std::function<Figure*(ForceSnapshot&)>(std::move(locate)), {}};
}

}  // namespace

bool is_snapshot_part(std::string_view part) {
  return part == "systems" || part == "inventory" || part == "w80";
}

SnapshotFigureRef resolve_snapshot_figure(const ForceSnapshot& snapshot, std::string_view path) {
  const std::optional<std::vector<io::PathStep>> parsed = io::parse_key_path(path);
  if (!parsed || parsed->size() < 3 || !is_snapshot_part((*parsed)[2].key)) {
    fail(path, "expected `sides.<ID>.systems.<system>.<figure>`, `sides.<ID>.inventory.<figure>` or `sides.<ID>.w80`");
  }
  const std::vector<io::PathStep>& steps = *parsed;
  const io::PathStep& head = steps[2];
  expect_no_index(path, head);
  if (head.key == "w80") {
    expect_length(path, steps, 3, "w80");
    return ref(key_spec("snapshot", "w80"), [](ForceSnapshot& s) { return &s.w80; });
  }
  if (head.key == "inventory") {
    expect_length(path, steps, 4, "inventory.<figure>");
    expect_no_index(path, steps[3]);
    const std::string& key = steps[3].key;
    if (const auto* named = find_key(kInventoryFigures, key)) {
      const auto member = named->member;
      return ref(key_spec("inventory", named->key), [member](ForceSnapshot& s) { return &(s.inventory.*member); });
    }
    if (const auto* named = find_key(kInventoryOptionalFigures, key)) {
      const auto member = named->member;
      if (!(snapshot.inventory.*member))
        fail(path, fmt::format("snapshot {} gives no `inventory.{}`", snapshot.id, key));
      return ref(key_spec("inventory", named->key), [member](ForceSnapshot& s) -> Figure* {
        auto& f = s.inventory.*member;
        return f ? &*f : nullptr;
      });
    }
    fail(path,
         "not an inventory figure" + suggestion(key, keys_of(kInventoryOptionalFigures, keys_of(kInventoryFigures))));
  }
  // systems.<id>.<key> | systems.<id>.warheads[i].<key> | systems.<id>.bases[i].launchers
  if (steps.size() < 5) fail(path, "expected `sides.<ID>.systems.<system id>.<figure>`");
  expect_no_index(path, steps[3]);
  std::vector<std::string> ids;
  std::size_t sys = snapshot.systems.size();
  for (std::size_t i = 0; i < snapshot.systems.size(); ++i) {
    ids.push_back(snapshot.systems[i].id);
    if (snapshot.systems[i].id == steps[3].key) sys = i;
  }
  if (sys == snapshot.systems.size()) {
    fail(path,
         fmt::format("snapshot {} has no system `{}`", snapshot.id, steps[3].key) + suggestion(steps[3].key, ids));
  }
  const System& system = snapshot.systems[sys];
  const io::PathStep& field = steps[4];
  if (field.key == "warheads") {
    expect_length(path, steps, 6, "systems.<system id>.warheads[i].<yield_kt or share>");
    const std::size_t w = list_index(path, field, system.warheads.size());
    expect_no_index(path, steps[5]);
    const auto* named = find_key(kWarheadFigures, steps[5].key);
    if (named == nullptr) fail(path, "not a warhead figure" + suggestion(steps[5].key, keys_of(kWarheadFigures)));
    const auto member = named->member;
    return ref(key_spec("warhead", named->key),
               [sys, w, member](ForceSnapshot& s) { return &(s.systems[sys].warheads[w].*member); });
  }
  if (field.key == "bases") {
    expect_length(path, steps, 6, "systems.<system id>.bases[i].launchers");
    const std::size_t b = list_index(path, field, system.bases.size());
    expect_no_index(path, steps[5]);
    if (steps[5].key != "launchers")
      fail(path, "the figure of a base is `launchers`" + suggestion(steps[5].key, {"launchers"}));
    return ref(key_spec("base", "launchers"),
               [sys, b](ForceSnapshot& s) { return &s.systems[sys].bases[b].launchers; });
  }
  expect_length(path, steps, 5, "systems.<system id>.<figure>");
  expect_no_index(path, field);
  if (const auto* named = find_key(kSystemFigures, field.key)) {
    const auto member = named->member;
    return ref(key_spec("system", named->key), [sys, member](ForceSnapshot& s) { return &(s.systems[sys].*member); });
  }
  if (const auto* named = find_key(kSystemOptionalFigures, field.key)) {
    const auto member = named->member;
    SnapshotFigureRef r = ref(key_spec("system", named->key), [sys, member](ForceSnapshot& s) -> Figure* {
      auto& f = s.systems[sys].*member;
      return f ? &*f : nullptr;
    });
    r.create = [sys, member](ForceSnapshot& s) {
      auto& f = s.systems[sys].*member;
      if (!f) f = Figure{};
    };
    return r;
  }
  fail(path,
       "not a figure of a system" +
           suggestion(field.key, keys_of(kSystemOptionalFigures, keys_of(kSystemFigures, {"warheads", "bases"}))));
}

void for_each_snapshot_figure(const ForceSnapshot& snapshot, const std::string& prefix,
                              const std::function<void(const std::string& path, const Figure& figure)>& visit) {
  for (const auto& named : kInventoryFigures) {
    visit(prefix + "inventory." + std::string(named.key), snapshot.inventory.*named.member);
  }
  for (const auto& named : kInventoryOptionalFigures) {
    if (const auto& f = snapshot.inventory.*named.member) visit(prefix + "inventory." + std::string(named.key), *f);
  }
  visit(prefix + "w80", snapshot.w80);
  for (const System& system : snapshot.systems) {
    const std::string sys = prefix + "systems." + system.id + ".";
    for (const auto& named : kSystemFigures) visit(sys + std::string(named.key), system.*named.member);
    for (const auto& named : kSystemOptionalFigures) {
      if (const auto& f = system.*named.member) visit(sys + std::string(named.key), *f);
    }
    for (std::size_t w = 0; w < system.warheads.size(); ++w) {
      for (const auto& named : kWarheadFigures) {
        visit(fmt::format("{}warheads[{}].{}", sys, w, named.key), system.warheads[w].*named.member);
      }
    }
    for (std::size_t b = 0; b < system.bases.size(); ++b) {
      visit(fmt::format("{}bases[{}].launchers", sys, b), system.bases[b].launchers);
    }
  }
}

}  // namespace stratstab
