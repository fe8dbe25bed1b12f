// Treaty files (`data/treaties/<id>.yaml`): parse against the key table (schema/schema_treaty.cpp), then
// check what no single key can: id = file name, unique limit ids, `max` xor `reference_date`, rule
// options that belong to their rule kind, range bands, dates in order, inspection quotas adding
// up, and every source id against the bibliography.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bibliography_loader.hpp"
#include "enum_words.hpp"
#include "stratstab/treaty.hpp"
#include "yaml_reader.hpp"

namespace stratstab {
namespace {

using io::DiagnosticSink;
using io::error_at;
using io::MapReader;

using io::enum_from_word;
using io::kBasings;
using io::kVehicles;

constexpr std::array kCountKinds{CountKind::kReentryVehicles, CountKind::kOnePerVehicle, CountKind::kAttributed,
                                 CountKind::kAllWarheads, CountKind::kNonstrategicWarheads};
constexpr std::array kStatuses{LauncherStatus::kDeployed, LauncherStatus::kNondeployed, LauncherStatus::kAll};
constexpr std::array kPayloads{PayloadScope::kNuclear, PayloadScope::kConventional, PayloadScope::kAny};
constexpr std::array kTreatyStatuses{TreatyStatus::kInForce,    TreatyStatus::kExpired,  TreatyStatus::kTerminated,
                                     TreatyStatus::kSuperseded, TreatyStatus::kInformal, TreatyStatus::kProposed};

TreatyScope read_scope(MapReader& reader) {
  TreatyScope scope;
  if (auto words = reader.word_list("vehicle")) {
    for (const auto& w : *words) scope.vehicles.push_back(enum_from_word(w, kVehicles));
  }
  if (auto words = reader.word_list("basing")) {
    for (const auto& w : *words) scope.basings.push_back(enum_from_word(w, kBasings));
  }
  if (auto word = reader.word("payload")) scope.payload = enum_from_word(*word, kPayloads);
  if (auto word = reader.word("status")) scope.status = enum_from_word(*word, kStatuses);
  scope.range_min_km = reader.number("range_min_km");
  scope.range_max_km = reader.number("range_max_km");
  if (scope.range_min_km && scope.range_max_km && *scope.range_min_km > *scope.range_max_km) {
    error_at(reader, "range_max_km",
             fmt::format("range_max_km {:g} is below range_min_km {:g}; expected a band min <= max",
                         *scope.range_max_km, *scope.range_min_km));
  }
  if (auto words = reader.word_list("sides")) scope.sides = *words;
  if (auto words = reader.word_list("systems")) scope.systems = *words;
  return scope;
}

std::optional<CountRule> read_rule(const YAML::Node& node, const std::string& path, DiagnosticSink& sink) {
  MapReader reader(node, path, schema_section("count_rule"), sink);
  if (!reader.is_mapping()) return std::nullopt;
  CountRule rule;
  rule.where = reader.location();
  auto word = reader.word("rule");
  if (reader.has("scope")) {
    if (auto scope = reader.section("scope", "count_scope")) rule.scope = read_scope(*scope);
  }
  rule.attribution = reader.number("attribution");
  rule.first_launchers = reader.integer("first_launchers");
  rule.note = reader.string("note").value_or("");
  if (!word) return std::nullopt;
  rule.count = enum_from_word(*word, kCountKinds);
  if (rule.count != CountKind::kAttributed) {
    for (const char* key : {"attribution", "first_launchers"}) {
      if (reader.has(key)) {
        error_at(reader, key,
                 fmt::format("{} applies only to rule attributed, not {}; expected it removed or rule: attributed", key,
                             *word));
      }
    }
  } else if (rule.first_launchers && !rule.attribution) {
    error_at(reader, "first_launchers",
             "first_launchers needs an attribution for those launchers; expected an attribution key as well");
  }
  return rule;
}

/// Every source id the treaty names must be in its bibliography.
void check_source(const Bibliography& sources, MapReader& reader, std::string_view key, const std::string& id) {
  io::check_source_id(sources, reader, key, id, "treaty");
}

std::optional<TreatyLimit> read_limit(const YAML::Node& node, const std::string& path, const Bibliography& sources,
                                      DiagnosticSink& sink) {
  MapReader reader(node, path, schema_section("treaty_limit"), sink);
  if (!reader.is_mapping()) return std::nullopt;
  const std::size_t errors_before = sink.count();
  TreatyLimit limit;
  limit.where = reader.location();
  limit.id = reader.string("id").value_or("");
  limit.name = reader.string("name").value_or("");
  limit.max = reader.number("max");
  limit.range_low = reader.number("range_low");
  limit.reference_date = reader.string("reference_date").value_or("");
  limit.parameter = reader.boolean("parameter").value_or(false);
  limit.source_id = reader.string("src").value_or("");
  limit.note = reader.string("note").value_or("");
  check_source(sources, reader, "src", limit.source_id);
  const bool has_max = reader.has("max");
  const bool has_reference = reader.has("reference_date");
  if (has_max == has_reference) {
    error_at(reader, has_max ? "reference_date" : "max",
             has_max ? "a limit has either max or reference_date, not both; expected one of them"
                     : "missing the limit itself; expected max (a ceiling) or reference_date (a freeze)");
  }
  if (limit.max && limit.range_low && *limit.range_low > *limit.max) {
    error_at(reader, "range_low",
             fmt::format("range_low {:g} is above max {:g}; expected the lower end of the range", *limit.range_low,
                         *limit.max));
  }
  const std::vector<YAML::Node> rules = reader.list("count", true);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (auto rule = read_rule(rules[i], io::index_path(reader.key_path("count"), i), sink)) {
      limit.rules.push_back(std::move(*rule));
    }
  }
  if (sink.count() != errors_before) return std::nullopt;
  return limit;
}

Verification read_verification(MapReader& reader, const Bibliography& sources) {
  Verification v;
  v.inspections_per_year = reader.integer("inspections_per_year").value_or(0);
  const std::vector<YAML::Node> items =
      reader.has("inspections") ? reader.list("inspections", false) : std::vector<YAML::Node>{};
  long long quota_sum = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader item(items[i], io::index_path(reader.key_path("inspections"), i), schema_section("inspection"),
                   reader.sink());
    if (!item.is_mapping()) continue;
    InspectionKind kind;
    kind.name = item.string("name").value_or("");
    kind.per_year = item.integer("per_year").value_or(0);
    kind.description = item.string("description").value_or("");
    kind.sites = item.word("sites").value_or("");
    kind.counts_reentry_vehicles = item.boolean("counts_reentry_vehicles").value_or(false);
    quota_sum += kind.per_year;
    v.inspections.push_back(std::move(kind));
  }
  if (!items.empty() && quota_sum != v.inspections_per_year) {
    error_at(reader, "inspections",
             fmt::format("inspection quotas sum to {}; expected them to sum to inspections_per_year ({})", quota_sum,
                         v.inspections_per_year));
  }
  v.data_exchanges_per_year = reader.integer("data_exchanges_per_year").value_or(0);
  v.notifications = reader.boolean("notifications").value_or(false);
  v.national_technical_means = reader.boolean("national_technical_means").value_or(false);
  v.source_id = reader.string("src").value_or("");
  v.notes = reader.string("notes").value_or("");
  v.detection_given_inspected = reader.figure("detection_given_inspected");
  if (v.detection_given_inspected)
    check_source(sources, reader, "detection_given_inspected", v.detection_given_inspected->source_id);
  if (auto game = reader.section("inspection_game", "inspection_game")) {
    auto gain = game->figure("gain");
    auto penalty = game->figure("penalty");
    auto cost = game->figure("false_alarm_cost");
    auto rate = game->figure("false_alarm_rate");
    for (const auto& [key, figure] : {std::pair{"gain", &gain}, std::pair{"penalty", &penalty},
                                      std::pair{"false_alarm_cost", &cost}, std::pair{"false_alarm_rate", &rate}}) {
      if (*figure) check_source(sources, *game, key, (*figure)->source_id);
    }
    if (gain && penalty && cost && rate) v.game = InspectionGameFigures{*gain, *penalty, *cost, *rate};
  }
  const std::vector<YAML::Node> exchanges =
      reader.has("last_exchange") ? reader.list("last_exchange", false) : std::vector<YAML::Node>{};
  for (std::size_t i = 0; i < exchanges.size(); ++i) {
    MapReader item(exchanges[i], io::index_path(reader.key_path("last_exchange"), i), schema_section("last_exchange"),
                   reader.sink());
    if (!item.is_mapping()) continue;
    LastExchange e;
    e.side = item.word("side").value_or("");
    e.date = item.string("date").value_or("");
    e.source_id = item.string("src").value_or("");
    e.note = item.string("note").value_or("");
    check_source(sources, item, "src", e.source_id);
    v.last_exchange.push_back(std::move(e));
  }
  return v;
}

TreatyDates read_dates(MapReader& reader) {
  TreatyDates dates;
  dates.signed_on = reader.string("signed").value_or("");
  dates.in_force = reader.string("in_force").value_or("");
  dates.limits_by = reader.string("limits_by").value_or("");
  dates.ended = reader.string("ended").value_or("");
  // ISO dates compare as text.
  const auto check_order = [&](const std::string& earlier, std::string_view earlier_key, const std::string& later,
                               std::string_view later_key) {
    if (!earlier.empty() && !later.empty() && later < earlier) {
      error_at(reader, later_key,
               fmt::format("{} {} is before {} {}; expected dates in order", later_key, later, earlier_key, earlier));
    }
  };
  check_order(dates.signed_on, "signed", dates.in_force, "in_force");
  check_order(dates.in_force, "in_force", dates.limits_by, "limits_by");
  check_order(dates.in_force, "in_force", dates.ended, "ended");
  return dates;
}

constexpr std::array kComplianceActions{ComplianceAction::kDownload,  ComplianceAction::kDeactivate,
                                        ComplianceAction::kConvert,   ComplianceAction::kEliminate,
                                        ComplianceAction::kDismantle, ComplianceAction::kReduceNonstrategic};

Grade read_grade(MapReader& reader, Grade fallback) {
  if (auto word = reader.word("grade")) {
    if (auto grade = grade_from_string(*word)) return *grade;
  }
  return fallback;
}

/// `compliance[i]`: a party's rule; its steps must name a system exactly when they act on launchers,
/// and `floor` belongs to `download` alone.
std::optional<ComplianceRule> read_compliance(const YAML::Node& node, const std::string& path,
                                              const Bibliography& sources, DiagnosticSink& sink) {
  MapReader reader(node, path, schema_section("compliance"), sink);
  if (!reader.is_mapping()) return std::nullopt;
  ComplianceRule rule;
  rule.where = reader.location();
  rule.side = reader.word("side").value_or("");
  rule.grade = read_grade(reader, Grade::kAssumed);
  rule.source_id = reader.string("src").value_or("");
  check_source(sources, reader, "src", rule.source_id);
  rule.note = reader.string("note").value_or("");
  const std::vector<YAML::Node> steps = reader.list("steps", true);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    MapReader step_reader(steps[i], io::index_path(io::join_path(path, "steps"), i), schema_section("compliance_step"),
                          sink);
    if (!step_reader.is_mapping()) continue;
    ComplianceStep step;
    step.where = step_reader.location();
    auto action = step_reader.word("action");
    step.system_id = step_reader.string("system").value_or("");
    step.floor = step_reader.number("floor").value_or(1.0);
    step.keep = step_reader.number("keep").value_or(0.0);
    step.grade = read_grade(step_reader, rule.grade);
    step.source_id = step_reader.string("src").value_or("");
    check_source(sources, step_reader, "src", step.source_id);
    step.note = step_reader.string("note").value_or("");
    if (!action) continue;
    step.action = enum_from_word(*action, kComplianceActions);
    const bool stock =
        step.action == ComplianceAction::kDismantle || step.action == ComplianceAction::kReduceNonstrategic;
    if (stock && step_reader.has("system")) {
      error_at(step_reader, "system",
               fmt::format("action `{}` acts on the stockpile, not on a system; expected no `system`",
                           to_string(step.action)));
    }
    if (!stock && step.system_id.empty()) {
      error_at(
          step_reader, "system",
          fmt::format("action `{}` acts on a system's launchers; expected `system: <id>`", to_string(step.action)));
    }
    if (step.action != ComplianceAction::kDownload && step_reader.has("floor")) {
      error_at(step_reader, "floor", "`floor` belongs to action `download`; expected no `floor` here");
    }
    rule.steps.push_back(std::move(step));
  }
  return rule;
}

}  // namespace

LoadResult<Treaty> read_treaty(const std::filesystem::path& file) {
  DiagnosticSink sink(file.string());
  LoadResult<Treaty> result;
  const auto root = io::load_yaml_mapping(file, sink, "a treaty file (schema, id, name, status, dates, limits, ...)");
  if (root) {
    Treaty treaty;
    treaty.file = file.string();
    MapReader reader(*root, "", schema_section("treaty"), sink);
    reader.integer("schema");
    treaty.id = reader.string("id").value_or("");
    if (!treaty.id.empty() && file.stem() != treaty.id) {
      error_at(reader, "id",
               fmt::format("id '{}' does not match the file name '{}'; expected the file to be named {}.yaml",
                           treaty.id, file.filename().string(), treaty.id));
    }
    treaty.name = reader.string("name").value_or("");
    treaty.title = reader.string("title").value_or("");
    treaty.description = reader.string("description").value_or("");
    if (auto word = reader.word("status")) treaty.status = enum_from_word(*word, kTreatyStatuses);
    if (auto parties = reader.word_list("parties")) {
      treaty.parties = *parties;
      if (parties->empty()) error_at(reader, "parties", "expected at least one party, got an empty list");
    }
    if (reader.has("dates")) {
      if (auto dates = reader.section("dates", "treaty_dates")) treaty.dates = read_dates(*dates);
    }
    io::read_bibliographies(reader, file, treaty.sources, sink);
    if (auto cites = reader.word_list("cites")) {
      treaty.source_ids = *cites;
      const YAML::Node list = *reader.node("cites");
      for (std::size_t i = 0; i < cites->size(); ++i) {
        if (treaty.sources.find((*cites)[i]) != treaty.sources.end()) continue;
        sink.error(list[i].Mark(), io::index_path("cites", i),
                   fmt::format("unknown source id '{}'; expected an id defined in the treaty's bibliography files "
                               "({} known)",
                               (*cites)[i], treaty.sources.size()));
      }
    }
    const std::vector<YAML::Node> limits = reader.list("limits", true);
    std::set<std::string> limit_ids;
    for (std::size_t i = 0; i < limits.size(); ++i) {
      const std::string path = io::index_path("limits", i);
      auto limit = read_limit(limits[i], path, treaty.sources, sink);
      if (!limit) continue;
      // Limit ids are keys at the top level of `treaty count --json`, beside these.
      static const std::set<std::string, std::less<>> kReserved{
          "treaty", "treaty_name", "treaty_status", "snapshot", "side", "date", "limits", "compliant", "violations"};
      if (kReserved.count(limit->id) != 0) {
        sink.error(
            limits[i]["id"].Mark(), io::join_path(path, "id"),
            fmt::format("limit id '{}' is reserved (a key of the count's JSON); expected another id", limit->id));
        continue;
      }
      if (!limit_ids.insert(limit->id).second) {
        const YAML::Node id_node = limits[i]["id"];
        sink.error(id_node.Mark(), io::join_path(path, "id"),
                   fmt::format("duplicate limit id '{}'; expected ids unique within the treaty", limit->id));
        continue;
      }
      treaty.limits.push_back(std::move(*limit));
    }
    if (auto verification = reader.section("verification", "verification")) {
      treaty.verification = read_verification(*verification, treaty.sources);
      check_source(treaty.sources, *verification, "src", treaty.verification.source_id);
    }
    const std::vector<YAML::Node> rules = reader.list("compliance", false);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const std::string path = io::index_path("compliance", i);
      auto rule = read_compliance(rules[i], path, treaty.sources, sink);
      if (!rule) continue;
      if (!rule->side.empty() && std::ranges::find(treaty.parties, rule->side) == treaty.parties.end()) {
        SourceLocation where = rule->where;  // the rule's mapping: `side` may be absent
        where.key_path = io::join_path(path, "side");
        sink.add(Diagnostic{Severity::kError, where,
                            fmt::format("side '{}' is not a party; expected one of the parties ({})", rule->side,
                                        fmt::join(treaty.parties, ", "))});
        continue;
      }
      if (!rule->side.empty() && treaty.compliance_for(rule->side) != nullptr) {
        SourceLocation where = rule->where;
        where.key_path = io::join_path(path, "side");
        sink.add(Diagnostic{Severity::kError, where,
                            fmt::format("a second compliance rule for side '{}'; expected one per party", rule->side)});
        continue;
      }
      treaty.compliance.push_back(std::move(*rule));
    }
    if (!sink.has_errors()) result.value = std::move(treaty);
  }
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

Treaty load_treaty(const std::filesystem::path& file) {
  return value_or_throw(read_treaty(file));
}

}  // namespace stratstab
