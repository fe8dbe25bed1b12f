#include "wta_csv.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "input_file.hpp"
#include "stratstab/closest_word.hpp"
#include "stratstab/schema.hpp"

namespace stratstab::io {
namespace {

constexpr std::array<std::string_view, 3> kColumns{"weapon", "target", "p"};

YAML::Mark at(int line, int column) {
  YAML::Mark mark;
  mark.line = line - 1;  // yaml-cpp's marks are 0-based
  mark.column = column - 1;
  return mark;
}

std::string_view trim(std::string_view s, std::size_t& offset) {
  offset = 0;
  while (offset < s.size() && (s[offset] == ' ' || s[offset] == '\t')) ++offset;
  std::size_t end = s.size();
  while (end > offset && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r')) --end;
  return s.substr(offset, end - offset);
}

/// A field's text: trimmed, and a "quoted" field without its quotes (a doubled "" inside is one ").
std::string_view unquote(std::string_view field, std::string& scratch) {
  if (field.size() < 2 || field.front() != '"' || field.back() != '"') return field;
  field = field.substr(1, field.size() - 2);
  if (field.find("\"\"") == std::string_view::npos) return field;
  scratch.clear();
  for (std::size_t i = 0; i < field.size(); ++i) {
    scratch.push_back(field[i]);
    if (field[i] == '"' && i + 1 < field.size() && field[i + 1] == '"') ++i;
  }
  return scratch;
}

/// Splits a line at commas outside quotes into at most `out.size()` fields (and counts them all).
/// Each field comes with its 1-based column.
std::size_t split(std::string_view line, std::array<std::string_view, 3>& out, std::array<int, 3>& columns) {
  std::size_t count = 0;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') quoted = !quoted;
    if (i == line.size() || (line[i] == ',' && !quoted)) {
      if (count < out.size()) {
        std::size_t lead = 0;
        out[count] = trim(line.substr(start, i - start), lead);
        columns[count] = static_cast<int>(start + lead) + 1;
      }
      ++count;
      start = i + 1;
    }
  }
  return count;
}

}  // namespace

std::string did_you_mean_id(std::string_view id, const std::unordered_map<std::string, std::size_t>& known) {
  std::string best_id;
  std::size_t best = 3;  // suggest only near misses
  for (const auto& [candidate, index] : known) {
    const std::size_t distance = edit_distance(std::string(id), candidate);
    if (distance < best || (distance == best && !best_id.empty() && candidate < best_id)) {
      best = distance;
      best_id = candidate;
    }
  }
  return best_id.empty() ? "" : fmt::format("; did you mean '{}'?", best_id);
}

void read_kill_probability_csv(const std::filesystem::path& file,
                               const std::unordered_map<std::string, std::size_t>& weapon_ids,
                               const std::unordered_map<std::string, std::size_t>& target_ids,
                               std::vector<WtaKillProbability>& pairs, std::vector<CsvRowCells>& cells,
                               DiagnosticSink& sink) {
  std::string why;
  const std::optional<std::string> text = read_input_file(file, why);
  if (!text) {
    sink.error_in_file(fmt::format("cannot read the kill-probability table: {}", why));
    return;
  }
  // Views of the ids, so that a row's id is looked up without building a string.
  std::unordered_map<std::string_view, std::size_t> weapons;
  std::unordered_map<std::string_view, std::size_t> targets;
  for (const auto& [id, index] : weapon_ids) weapons.emplace(id, index);
  for (const auto& [id, index] : target_ids) targets.emplace(id, index);
  const KeySpec& p_spec = key_spec("wta_kill_probability", "p");

  const std::string_view all(*text);
  const auto lines = static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')) + 1;
  cells.reserve(lines);
  pairs.reserve(lines);
  std::array<std::string_view, 3> fields;
  std::array<int, 3> columns{};
  std::string scratch;
  bool header = true;
  int line_number = 0;
  std::size_t row = 0;
  for (std::size_t pos = 0; pos < all.size();) {
    const std::size_t end = std::min(all.find('\n', pos), all.size());
    const std::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    std::size_t lead = 0;
    const std::string_view content = trim(line, lead);
    if (content.empty() || content.front() == '#') continue;  // blank lines and comments
    const std::size_t count = split(line, fields, columns);
    if (header) {
      header = false;
      const bool named = count == 3 && fields[0] == kColumns[0] && fields[1] == kColumns[1] && fields[2] == kColumns[2];
      if (!named) {
        sink.error(at(line_number, 1), "kill_probability_csv",
                   fmt::format("expected the header line weapon,target,p, got '{}'", content));
        return;
      }
      continue;
    }
    // The key path is built only for a row with a problem: no string per row otherwise.
    const std::size_t index = row;
    const auto path = [index] { return index_path("kill_probability", index); };
    CsvRowCells where;
    for (std::size_t k = 0; k < 3; ++k) {
      where.line[k] = line_number;
      where.column[k] = k < count ? columns[k] : static_cast<int>(line.size()) + 1;
    }
    cells.push_back(where);
    ++row;
    if (count != 3) {
      sink.error(at(line_number, 1), path(), fmt::format("expected 3 fields weapon,target,p, got {}", count));
      continue;
    }
    const auto resolve = [&](std::size_t k, const std::unordered_map<std::string_view, std::size_t>& ids,
                             const std::unordered_map<std::string, std::size_t>& known, const char* what,
                             const char* list) -> std::optional<std::size_t> {
      const std::string_view id = unquote(fields[k], scratch);
      const auto it = ids.find(id);
      if (it != ids.end()) return it->second;
      sink.error(at(line_number, columns[k]), join_path(path(), kColumns[k]),
                 id.empty() ? fmt::format("expected a {} id from {}, got an empty field", what, list)
                            : fmt::format("unknown {} id '{}'{}; expected an id from {}", what, id,
                                          did_you_mean_id(id, known), list));
      return std::nullopt;
    };
    const auto weapon = resolve(0, weapons, weapon_ids, "weapon", "weapons[]");
    const auto target = resolve(1, targets, target_ids, "target", "targets[]");
    double p = 0;
    const std::string_view p_text = fields[2];
    const auto [ptr, error] = std::from_chars(p_text.data(), p_text.data() + p_text.size(), p);
    const bool number = !p_text.empty() && error == std::errc() && ptr == p_text.data() + p_text.size();
    if (!number || !within_bounds(p, p_spec)) {
      sink.error(at(line_number, columns[2]), join_path(path(), "p"),
                 fmt::format("expected {}, got {}", expected_number_text(p_spec),
                             number ? fmt::format("{:g}", p) : fmt::format("'{}'", p_text)));
      continue;
    }
    if (weapon && target) pairs.push_back({*weapon, *target, p});
  }
  if (header) sink.error_in_file("expected the header line weapon,target,p; the file has no line");
}

}  // namespace stratstab::io
