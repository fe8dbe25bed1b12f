// Internal: reads a YAML mapping against a schema section, collecting every problem as a located
// Diagnostic instead of stopping at the first. Used by the force and bibliography loaders (and,
// later, the scenario loader).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "stratstab/error.hpp"
#include "stratstab/figure.hpp"
#include "stratstab/schema.hpp"
#include "stratstab/source.hpp"

namespace stratstab::io {

/// At most this many diagnostics are kept per file; the rest are counted in one last line ("and
/// N more problems in this file"), so that a file whose aliases repeat a wrong entry cannot
/// print a million lines.
inline constexpr std::size_t kMaxDiagnosticsPerFile = 100;

/// Collects diagnostics for one file.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
  void error(const YAML::Mark& mark, std::string key_path, std::string message);
  void error_in_file(std::string message);  ///< about the file as a whole
  void add(Diagnostic diagnostic);
  /// A problem with several keys together (`decision_minutes_min <= decision_minutes_max`): located
  /// at their section and kept with the key paths it spans, so that a reader that changed one of
  /// them (the scenario loader's `--set`) can say so instead of pointing only at the file.
  void add_spanning(Diagnostic diagnostic, std::vector<std::string> key_paths);
  /// The key paths the kept diagnostic at `index` spans; empty for a problem with one key.
  [[nodiscard]] const std::vector<std::string>& spanned_keys(std::size_t index) const;
  [[nodiscard]] SourceLocation locate(const YAML::Mark& mark, std::string key_path) const;
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] bool has_errors() const;
  /// How many diagnostics were added, kept or left out (to tell whether a part added any).
  [[nodiscard]] std::size_t count() const { return diagnostics_.size() + left_out_; }
  /// The diagnostics kept, followed (once) by the count of those left out.
  [[nodiscard]] std::vector<Diagnostic>& diagnostics();

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> spans_;  ///< (index, key paths)
  std::size_t left_out_ = 0;
  bool left_out_errors_ = false;
  bool summarised_ = false;
};

/// Reads `path` and parses one YAML document whose root must be a mapping. On any problem
/// (missing, not a regular file, over the size limit, unreadable, empty, binary, not YAML, several
/// documents, too deep, too many aliases, out of memory, not a mapping) records a diagnostic and
/// returns nullopt. The only way loaders read YAML (input_file.hpp, yaml_document.hpp).
std::optional<YAML::Node> load_yaml_mapping(const std::filesystem::path& path, DiagnosticSink& sink,
                                            std::string_view expected_what);

/// `parent.key`, or `key` at the root.
std::string join_path(std::string_view parent, std::string_view key);
/// `parent[index]`.
std::string index_path(std::string_view parent, std::size_t index);

/// Parses a plain YAML scalar as a finite number. Returns nullopt and a reason when it is not one.
std::optional<double> parse_number(const YAML::Node& node, std::string* reason);
/// YYYY-MM-DD (or YYYY / YYYY-MM when `allow_partial`), with a valid month and day.
bool is_valid_date(std::string_view text, bool allow_partial);
/// Lower-case letters, digits and '-' (and '_' / '.'), starting with a letter or digit.
bool is_valid_id(std::string_view text);

/// A mapping node checked against a schema section: unknown and duplicate keys are reported on
/// construction; each accessor reports missing required keys and wrong values.
class MapReader {
 public:
  MapReader(const YAML::Node& node, std::string path, const SchemaSection& section, DiagnosticSink& sink);

  [[nodiscard]] bool is_mapping() const { return is_mapping_; }
  [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] SourceLocation location() const;
  [[nodiscard]] std::string key_path(std::string_view key) const { return join_path(path_, key); }

  /// The value node of `key` (reporting it missing if required), or nullopt.
  std::optional<YAML::Node> node(std::string_view key);
  std::optional<std::string> string(std::string_view key);
  std::optional<long long> integer(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  /// One of the spec's `allowed` words.
  std::optional<std::string> word(std::string_view key);
  /// A list of words (kEnumList: each one of the spec's `allowed`) or ids (kIdList); nullopt when
  /// absent or when any item is wrong (each reported).
  std::optional<std::vector<std::string>> word_list(std::string_view key);
  /// A plain number, checked against the key's bounds.
  std::optional<double> number(std::string_view key);
  /// A figure, checked against the key's bounds.
  std::optional<Figure> figure(std::string_view key);
  /// The nested section under `key`, read against schema section `section_id`; nullopt when it is
  /// absent (reported if required) or not a mapping (reported).
  std::optional<MapReader> section(std::string_view key, std::string_view section_id);
  /// The nodes of a list key (empty if missing or not a list; both reported).
  std::vector<YAML::Node> list(std::string_view key, bool must_be_nonempty);

  DiagnosticSink& sink() { return sink_; }

 private:
  struct Entry {
    std::string key;
    YAML::Node value;
    YAML::Mark key_mark;
  };
  [[nodiscard]] const Entry* find(std::string_view key) const;
  const KeySpec& spec(std::string_view key) const;
  /// The entry of `key`; reports a missing required key.
  const Entry* require(std::string_view key);
  std::optional<std::string> scalar_text(const Entry& entry, std::string_view expected);

  YAML::Node node_;
  std::string path_;
  const SchemaSection& section_;
  DiagnosticSink& sink_;
  bool is_mapping_ = false;
  std::vector<Entry> entries_;
};

/// Reports `message` at `key` of `reader`: at its value when the key is present, else at the
/// mapping (with the key's path), as a loader's cross-key checks need.
void error_at(MapReader& reader, std::string_view key, std::string message);

/// Reports `id` at `key` when it is not empty and not in `sources`; `owner` names the file kind
/// whose bibliography files were searched (`treaty`, `pathway`).
void check_source_id(const Bibliography& sources, MapReader& reader, std::string_view key, const std::string& id,
                     std::string_view owner);

/// Reads a figure node (a bare number or a {value, grade, ...} mapping) checked against `spec`.
std::optional<Figure> read_figure(const YAML::Node& node, const std::string& path, const KeySpec& spec,
                                  DiagnosticSink& sink);

/// A short description of what a node is, for "got ..." in messages.
std::string describe_node(const YAML::Node& node);

}  // namespace stratstab::io
