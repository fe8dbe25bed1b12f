#include "yaml_reader.hpp"

#include "input_file.hpp"
#include "stratstab/closest_word.hpp"
#include "yaml_document.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <new>
#include <stdexcept>
#include <variant>

#include <fmt/format.h>

namespace stratstab::io {
namespace {

// Tags as yaml-cpp reports them: "?" for a plain scalar, "!" for a quoted one, and the resolved
// URI for the standard `!!` tags.
constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";
constexpr std::string_view kIntTag = "tag:yaml.org,2002:int";
constexpr std::string_view kFloatTag = "tag:yaml.org,2002:float";

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split_allowed(std::string_view allowed) {
  std::vector<std::string_view> words;
  while (!allowed.empty()) {
    const auto bar = allowed.find('|');
    words.push_back(trim(allowed.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    allowed.remove_prefix(bar + 1);
  }
  return words;
}

/// "a, b, c": the keys a section allows, for messages.
std::string key_names(const SchemaSection& section) {
  std::string names;
  for (const KeySpec& key : section.keys) {
    if (!names.empty()) names += ", ";
    names += key.name;
  }
  return names;
}

std::string quote_scalar(const std::string& text) {
  constexpr std::size_t kMaxShown = 40;
  if (text.size() > kMaxShown) return fmt::format("'{}...'", text.substr(0, kMaxShown));
  return fmt::format("'{}'", text);
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays.at(static_cast<std::size_t>(month - 1));
}

bool parse_digits(std::string_view text, int& out) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc{};
}

}  // namespace

// ---- DiagnosticSink ----------------------------------------------------------------------------

SourceLocation DiagnosticSink::locate(const YAML::Mark& mark, std::string key_path) const {
  SourceLocation where{file_, 0, 0, std::move(key_path)};
  if (mark.line >= 0) {  // yaml-cpp marks are 0-based; -1 means "no position"
    where.line = mark.line + 1;
    where.column = mark.column + 1;
  }
  return where;
}

void DiagnosticSink::error(const YAML::Mark& mark, std::string key_path, std::string message) {
  add(Diagnostic{Severity::kError, locate(mark, std::move(key_path)), std::move(message)});
}

void DiagnosticSink::error_in_file(std::string message) {
  add(Diagnostic{Severity::kError, SourceLocation{file_, 0, 0, ""}, std::move(message)});
}

void DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostics_.size() < kMaxDiagnosticsPerFile && !summarised_) {
    diagnostics_.push_back(std::move(diagnostic));
    return;
  }
  ++left_out_;
  left_out_errors_ = left_out_errors_ || diagnostic.severity == Severity::kError;
}

void DiagnosticSink::add_spanning(Diagnostic diagnostic, std::vector<std::string> key_paths) {
  if (diagnostics_.size() < kMaxDiagnosticsPerFile && !summarised_)
    spans_.emplace_back(diagnostics_.size(), std::move(key_paths));
  add(std::move(diagnostic));
}

const std::vector<std::string>& DiagnosticSink::spanned_keys(std::size_t index) const {
  static const std::vector<std::string> kNone;
  for (const auto& [at, keys] : spans_) {
    if (at == index) return keys;
  }
  return kNone;
}

std::vector<Diagnostic>& DiagnosticSink::diagnostics() {
  if (left_out_ > 0 && !summarised_) {
    diagnostics_.push_back(Diagnostic{left_out_errors_ ? Severity::kError : Severity::kWarning,
                                      SourceLocation{file_, 0, 0, ""},
                                      fmt::format("and {} more problem{} in this file (only the first {} are listed)",
                                                  left_out_, left_out_ == 1 ? "" : "s", kMaxDiagnosticsPerFile)});
    summarised_ = true;
  }
  return diagnostics_;
}

bool DiagnosticSink::has_errors() const {
  return left_out_errors_ || std::any_of(diagnostics_.begin(), diagnostics_.end(),
                                         [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

// ---- free helpers ------------------------------------------------------------------------------

std::string join_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return fmt::format("{}.{}", parent, key);
}

std::string index_path(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

std::string describe_node(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null: return "nothing (an empty value)";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: break;
  }
  if (node.Tag() == "!") return fmt::format("the quoted text {}", quote_scalar(node.Scalar()));
  if (node.Tag() == kStrTag) return fmt::format("the text {} (tagged !!str)", quote_scalar(node.Scalar()));
  if (node.Tag() != "?" && !node.Tag().empty()) {
    return fmt::format("{} tagged '{}'", quote_scalar(node.Scalar()), node.Tag());
  }
  return quote_scalar(node.Scalar());
}

std::optional<double> parse_number(const YAML::Node& node, std::string* reason) {
  if (!node.IsScalar()) {
    *reason = fmt::format("got {}", describe_node(node));
    return std::nullopt;
  }
  // A scalar is a number only when plain or tagged as one: '5' and !!str 5 are both text.
  const std::string& tag = node.Tag();
  if (tag == "!" || tag == kStrTag) {
    *reason = fmt::format("got {}; write numbers without quotes or tags", describe_node(node));
    return std::nullopt;
  }
  if (tag != "?" && !tag.empty() && tag != kIntTag && tag != kFloatTag) {
    *reason = fmt::format("got {}; write numbers without tags", describe_node(node));
    return std::nullopt;
  }
  std::string_view text = trim(node.Scalar());
  const std::string lowered = to_lower(text);
  if (lowered == ".nan" || lowered == "nan") {
    *reason = "got NaN (not a number)";
    return std::nullopt;
  }
  if (lowered.find("inf") != std::string::npos) {
    *reason = fmt::format("got infinity ({})", quote_scalar(std::string(text)));
    return std::nullopt;
  }
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    *reason = fmt::format("got {}, which is out of range", quote_scalar(node.Scalar()));
    return std::nullopt;
  }
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) {
    *reason = fmt::format("got {}", describe_node(node));
    return std::nullopt;
  }
  if (!std::isfinite(value)) {
    *reason = "got a value that is not finite";
    return std::nullopt;
  }
  return value;
}

bool is_valid_date(std::string_view text, bool allow_partial) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() < 4 || !parse_digits(text.substr(0, 4), year)) return false;
  if (text.size() == 4) return allow_partial;
  if (text.size() < 7 || text[4] != '-' || !parse_digits(text.substr(5, 2), month) || month < 1 || month > 12) {
    return false;
  }
  if (text.size() == 7) return allow_partial;
  if (text.size() != 10 || text[7] != '-' || !parse_digits(text.substr(8, 2), day)) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

bool is_valid_id(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  const auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const auto ok = [&](char c) { return ok_first(c) || c == '-' || c == '_' || c == '.'; };
  return ok_first(text.front()) && std::all_of(text.begin(), text.end(), ok);
}

std::optional<YAML::Node> load_yaml_mapping(const std::filesystem::path& path, DiagnosticSink& sink,
                                            std::string_view expected_what) {
  // Out of memory while reading or parsing is a problem with this input (the limits below make it
  // unlikely), not an internal error.
  try {
    std::string why;
    const std::optional<std::string> text = read_input_file(path, why);
    if (!text) {
      sink.error_in_file(fmt::format("{}; expected {}", why, expected_what));
      return std::nullopt;
    }
    if (text->find('\0') != std::string::npos) {
      sink.error_in_file(
          fmt::format("is a binary file (it contains NUL bytes); expected {} as YAML text", expected_what));
      return std::nullopt;
    }
    auto parsed = parse_yaml_document(*text);
    if (auto* error = std::get_if<YamlParseError>(&parsed)) {
      sink.error(error->mark, "", fmt::format("{}; expected {}", error->message, expected_what));
      return std::nullopt;
    }
    YAML::Node root = std::get<YAML::Node>(std::move(parsed));
    if (!root.IsDefined() || root.IsNull()) {
      sink.error_in_file(fmt::format("file is empty; expected {}", expected_what));
      return std::nullopt;
    }
    if (!root.IsMap()) {
      sink.error(root.Mark(), "",
                 fmt::format("expected {} (a mapping of keys), got {}", expected_what, describe_node(root)));
      return std::nullopt;
    }
    return root;
  } catch (const std::bad_alloc&) {
    sink.error_in_file(fmt::format("ran out of memory reading the file; expected {}", expected_what));
  } catch (const std::length_error&) {
    sink.error_in_file(fmt::format("ran out of memory reading the file; expected {}", expected_what));
  }
  return std::nullopt;
}

// ---- MapReader ---------------------------------------------------------------------------------

MapReader::MapReader(const YAML::Node& node, std::string path, const SchemaSection& section, DiagnosticSink& sink)
    : node_(node), path_(std::move(path)), section_(section), sink_(sink) {
  if (!node.IsMap()) {
    sink_.error(node.Mark(), path_,
                fmt::format("expected a mapping ({}, keys: {}), got {}", section.title, key_names(section),
                            describe_node(node)));
    return;
  }
  is_mapping_ = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key_node = it->first;
    if (!key_node.IsScalar()) {
      sink_.error(key_node.Mark(), path_, fmt::format("expected a key name, got {}", describe_node(key_node)));
      continue;
    }
    std::string key = key_node.Scalar();
    if (const Entry* earlier = find(key)) {
      sink_.error(key_node.Mark(), join_path(path_, key),
                  fmt::format("duplicate key '{}' (first given at line {})", key, earlier->key_mark.line + 1));
      continue;
    }
    if (section.find(key) == nullptr) {
      std::string hint;
      std::size_t best = 3;  // suggest only near misses
      for (const KeySpec& spec : section.keys) {
        const std::size_t distance = edit_distance(key, spec.name);
        if (distance < best) {
          best = distance;
          hint = fmt::format("; did you mean '{}'?", spec.name);
        }
      }
      sink_.error(
          key_node.Mark(), join_path(path_, key),
          fmt::format("unknown key '{}' in {}{}; expected one of: {}", key, section.title, hint, key_names(section)));
      continue;
    }
    entries_.push_back(Entry{std::move(key), it->second, key_node.Mark()});
  }
}

SourceLocation MapReader::location() const {
  return sink_.locate(node_.Mark(), path_);
}

const MapReader::Entry* MapReader::find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const KeySpec& MapReader::spec(std::string_view key) const {
  const KeySpec* found = section_.find(key);
  if (found == nullptr)
    throw std::logic_error(fmt::format("stratstab: key '{}' not in section '{}'", key, section_.id));
  return *found;
}

const MapReader::Entry* MapReader::require(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  if (!is_mapping_) return nullptr;
  const Entry* entry = find(key);
  if (entry == nullptr && key_spec.required) {
    sink_.error(node_.Mark(), join_path(path_, key),
                fmt::format("missing required key '{}' in {}: {}", key, section_.title, key_spec.description));
  }
  return entry;
}

std::optional<std::string> MapReader::scalar_text(const Entry& entry, std::string_view expected) {
  if (!entry.value.IsScalar()) {
    sink_.error(entry.value.Mark(), join_path(path_, entry.key),
                fmt::format("expected {}, got {}", expected, describe_node(entry.value)));
    return std::nullopt;
  }
  return entry.value.Scalar();
}

std::optional<YAML::Node> MapReader::node(std::string_view key) {
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  return entry->value;
}

std::optional<std::string> MapReader::string(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  const std::string_view expected = key_spec.kind == KeyKind::kId     ? "an id (lower-case letters, digits, '-')"
                                    : key_spec.kind == KeyKind::kDate ? "a date YYYY-MM-DD"
                                                                      : "text";
  auto text = scalar_text(*entry, expected);
  if (!text) return std::nullopt;
  if (key_spec.kind == KeyKind::kId && !is_valid_id(*text)) {
    sink_.error(entry->value.Mark(), join_path(path_, key),
                fmt::format("expected an id of lower-case letters, digits and '-', got {}", quote_scalar(*text)));
    return std::nullopt;
  }
  if (key_spec.kind == KeyKind::kDate) {
    const bool partial = section_.id == "figure" || section_.id == "source";
    if (!is_valid_date(*text, partial)) {
      sink_.error(entry->value.Mark(), join_path(path_, key),
                  fmt::format("expected a date {}, got {}", partial ? "YYYY, YYYY-MM or YYYY-MM-DD" : "YYYY-MM-DD",
                              quote_scalar(*text)));
      return std::nullopt;
    }
  }
  if (key_spec.kind == KeyKind::kString && trim(*text).empty() && key_spec.required) {
    sink_.error(entry->value.Mark(), join_path(path_, key), "expected non-empty text, got nothing");
    return std::nullopt;
  }
  return text;
}

std::optional<long long> MapReader::integer(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  std::string reason;
  const auto value = parse_number(entry->value, &reason);
  KeySpec whole = key_spec;
  whole.integer = true;
  if (!value || !within_bounds(*value, whole)) {
    if (value) reason = fmt::format("got {:g}", *value);
    sink_.error(entry->value.Mark(), join_path(path_, key),
                fmt::format("expected {}, {}", expected_number_text(whole), reason));
    return std::nullopt;
  }
  return static_cast<long long>(*value);
}

std::optional<double> MapReader::number(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  std::string reason;
  const auto value = parse_number(entry->value, &reason);
  if (!value || !within_bounds(*value, key_spec)) {
    if (value) reason = fmt::format("got {:g}", *value);
    sink_.error(entry->value.Mark(), join_path(path_, key),
                fmt::format("expected {}, {}", expected_number_text(key_spec), reason));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> MapReader::boolean(std::string_view key) {
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  auto text = scalar_text(*entry, "true or false");
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "True" || *text == "TRUE") return true;
  if (*text == "false" || *text == "False" || *text == "FALSE") return false;
  sink_.error(entry->value.Mark(), join_path(path_, key),
              fmt::format("expected true or false, got {}", describe_node(entry->value)));
  return std::nullopt;
}

std::optional<std::string> MapReader::word(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  auto text = scalar_text(*entry, fmt::format("one of {}", key_spec.allowed));
  if (!text) return std::nullopt;
  for (std::string_view allowed : split_allowed(key_spec.allowed)) {
    if (allowed == *text) return text;
  }
  sink_.error(entry->value.Mark(), join_path(path_, key),
              fmt::format("unknown {} {}; expected one of: {}", key, quote_scalar(*text), key_spec.allowed));
  return std::nullopt;
}

std::optional<std::vector<std::string>> MapReader::word_list(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  const bool ids = key_spec.kind == KeyKind::kIdList;
  const std::string expected =
      ids ? std::string("a list of ids") : fmt::format("a list of words, each one of {}", key_spec.allowed);
  if (!entry->value.IsSequence()) {
    sink_.error(entry->value.Mark(), join_path(path_, key),
                fmt::format("expected {}, got {}", expected, describe_node(entry->value)));
    return std::nullopt;
  }
  std::vector<std::string> words;
  bool ok = true;
  const std::vector<std::string_view> allowed = split_allowed(key_spec.allowed);
  for (std::size_t i = 0; i < entry->value.size(); ++i) {
    const YAML::Node item = entry->value[i];
    const std::string item_path = index_path(join_path(path_, key), i);
    if (!item.IsScalar()) {
      sink_.error(item.Mark(), item_path,
                  fmt::format("expected {}, got {}", ids ? "an id" : "a word", describe_node(item)));
      ok = false;
      continue;
    }
    const std::string& text = item.Scalar();
    if (ids && !is_valid_id(text)) {
      sink_.error(item.Mark(), item_path,
                  fmt::format("expected an id of lower-case letters, digits and '-', got {}", quote_scalar(text)));
      ok = false;
      continue;
    }
    if (!ids && std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
      sink_.error(item.Mark(), item_path,
                  fmt::format("unknown {} {}; expected one of: {}", key, quote_scalar(text), key_spec.allowed));
      ok = false;
      continue;
    }
    words.push_back(text);
  }
  if (!ok) return std::nullopt;
  return words;
}

std::optional<Figure> MapReader::figure(std::string_view key) {
  const KeySpec& key_spec = spec(key);
  const Entry* entry = require(key);
  if (entry == nullptr) return std::nullopt;
  return read_figure(entry->value, join_path(path_, key), key_spec, sink_);
}

std::optional<MapReader> MapReader::section(std::string_view key, std::string_view section_id) {
  auto value = node(key);
  if (!value) return std::nullopt;
  MapReader reader(*value, key_path(key), schema_section(section_id), sink_);
  if (!reader.is_mapping()) return std::nullopt;
  return reader;
}

std::vector<YAML::Node> MapReader::list(std::string_view key, bool must_be_nonempty) {
  const Entry* entry = require(key);
  if (entry == nullptr) return {};
  if (!entry->value.IsSequence()) {
    sink_.error(entry->value.Mark(), join_path(path_, key),
                fmt::format("expected a list, got {}", describe_node(entry->value)));
    return {};
  }
  if (must_be_nonempty && entry->value.size() == 0) {
    sink_.error(entry->value.Mark(), join_path(path_, key),
                "expected a list with at least one entry, got an empty list");
    return {};
  }
  std::vector<YAML::Node> items;
  items.reserve(entry->value.size());
  for (const YAML::Node& item : entry->value) items.push_back(item);
  return items;
}

// ---- figures -----------------------------------------------------------------------------------

std::optional<Figure> read_figure(const YAML::Node& node, const std::string& path, const KeySpec& spec,
                                  DiagnosticSink& sink) {
  Figure figure;
  YAML::Node value_node = node;
  std::string value_path = path;
  if (node.IsMap()) {
    MapReader reader(node, path, schema_section("figure"), sink);
    auto value = reader.node("value");
    if (!value) return std::nullopt;
    value_node = *value;
    value_path = reader.key_path("value");
    if (auto grade = reader.word("grade")) figure.grade = grade_from_string(*grade);
    if (auto src = reader.string("src")) figure.source_id = *src;
    if (auto date = reader.string("date")) figure.date = *date;
    if (auto note = reader.string("note")) figure.note = *note;
    if (auto dist = reader.word("dist")) {
      figure.dist = distribution_from_string(*dist);
      if (!reader.has("range")) {
        sink.error(
            (*reader.node("dist")).Mark(), reader.key_path("dist"),
            fmt::format("`dist: {}` needs a `range: [low, high]` to spread over; give one or drop `dist`", *dist));
      }
    }
    if (reader.has("range")) {
      const YAML::Node range = *reader.node("range");
      const std::string range_path = reader.key_path("range");
      if (!range.IsSequence() || range.size() != 2) {
        sink.error(range.Mark(), range_path, fmt::format("expected a range [low, high], got {}", describe_node(range)));
      } else {
        std::string reason_low;
        std::string reason_high;
        const auto low = parse_number(range[0], &reason_low);
        const auto high = parse_number(range[1], &reason_high);
        if (!low || !high) {
          sink.error(range.Mark(), range_path,
                     fmt::format("expected a range [low, high] of numbers, {}", !low ? reason_low : reason_high));
        } else if (!within_bounds(*low, spec) || !within_bounds(*high, spec) || *low > *high) {
          sink.error(range.Mark(), range_path,
                     fmt::format("expected a range [low, high] with low <= high, each {}, got [{:g}, {:g}]",
                                 expected_number_text(spec), *low, *high));
        } else {
          figure.range = Range{*low, *high};
        }
      }
    }
  } else if (!node.IsScalar()) {
    sink.error(node.Mark(), path,
               fmt::format("expected a figure ({} or a mapping {{value, grade, src}}), got {}",
                           expected_number_text(spec), describe_node(node)));
    return std::nullopt;
  }
  figure.where = sink.locate(value_node.Mark(), path);
  std::string reason;
  const auto value = parse_number(value_node, &reason);
  if (!value) {
    sink.error(value_node.Mark(), value_path, fmt::format("expected {}, {}", expected_number_text(spec), reason));
    return std::nullopt;
  }
  if (!within_bounds(*value, spec)) {
    sink.error(value_node.Mark(), value_path, fmt::format("expected {}, got {:g}", expected_number_text(spec), *value));
    return std::nullopt;
  }
  figure.value = *value;
  if (figure.range && (figure.value < figure.range->low || figure.value > figure.range->high)) {
    sink.error(value_node.Mark(), value_path,
               fmt::format("value {:g} lies outside its range [{:g}, {:g}]", figure.value, figure.range->low,
                           figure.range->high));
    return std::nullopt;
  }
  return figure;
}

void error_at(MapReader& reader, std::string_view key, std::string message) {
  if (auto node = reader.has(key) ? reader.node(key) : std::nullopt) {
    reader.sink().error(node->Mark(), reader.key_path(key), std::move(message));
  } else {
    SourceLocation where = reader.location();
    where.key_path = reader.key_path(key);
    reader.sink().add(Diagnostic{Severity::kError, where, std::move(message)});
  }
}

void check_source_id(const Bibliography& sources, MapReader& reader, std::string_view key, const std::string& id,
                     std::string_view owner) {
  if (id.empty() || sources.find(id) != sources.end()) return;
  error_at(reader, key,
           fmt::format("unknown source id '{}'; expected an id defined in the {}'s bibliography files ({} known)", id,
                       owner, sources.size()));
}

}  // namespace stratstab::io
