#include "stratstab/api_request.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace stratstab::server {

using nlohmann::json;

ApiFailure::ApiFailure(int status, json body)
    : std::runtime_error(body.value("message", std::string("refused"))), status_(status), body_(std::move(body)) {}

json error_body(const std::string& kind, const std::string& message) {
  return json{{"error", kind}, {"message", message}};
}

namespace {

[[noreturn]] void bad_request(const std::string& message) {
  throw ApiFailure(400, error_body("bad_request", message));
}

/// An option's value as the command line spells it: strings as they are, numbers as JSON prints
/// them (the shortest form that reads back to the same double), booleans as true/false.
std::string word(const json& value, const std::string& where) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  bad_request(fmt::format("{}: expected a string, a number or true/false, got {}", where, value.type_name()));
}

/// FNV-1a of the text: names a pasted scenario by its content, so the same text is one file.
std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

bool inside(const std::filesystem::path& path, const std::filesystem::path& root) {
  const auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

std::filesystem::path canonical_root(const std::filesystem::path& root) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(root), ec);
  return ec ? root : p;
}

/// Writes the pasted scenario under results/pasted/ (whole or not at all: a temporary file renamed
/// into place) and returns its path.
std::filesystem::path save_pasted(const std::string& yaml, const PathRoots& roots) {
  if (roots.results_dir.empty()) throw ApiFailure(403, error_body("forbidden", "this server has no results folder"));
  const std::filesystem::path dir = roots.results_dir / "pasted";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw ApiFailure(500, error_body("internal", fmt::format("cannot create {}: {}", dir.string(), ec.message())));
  std::filesystem::path file = dir / fmt::format("scenario-{:016x}.yaml", fnv1a(yaml));
  if (std::filesystem::exists(file)) return file;
  const std::filesystem::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << yaml;
    if (!out.flush()) throw ApiFailure(500, error_body("internal", "cannot write the pasted scenario"));
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw ApiFailure(500, error_body("internal", "cannot write the pasted scenario"));
  return file;
}

/// A word from the request: a path is checked (and made absolute), anything else passes as it is.
std::string argument(const std::string& value, const PathRoots& roots) {
  return looks_like_path(value) ? checked_path(value, roots).string() : value;
}

bool valid_option_name(const std::string& name) {
  if (name.empty() || name.size() > 40 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

const std::vector<std::string>& refused_options() {
  // --out / --resume write a results store where the request says; --csv, --jsonl and --json choose
  // the output form (the API's is JSON); --data-dir would leave the served data.
  static const std::vector<std::string> kRefused{"out", "resume", "csv", "jsonl", "json", "data-dir", "help"};
  return kRefused;
}

bool looks_like_path(const std::string& value) {
  if (value.find('/') != std::string::npos || value.find('\\') != std::string::npos) return true;
  if (!value.empty() && (value.front() == '.' || value.front() == '~')) return true;
  static constexpr std::array<std::string_view, 6> kExtensions{".yaml", ".yml", ".csv", ".json", ".sqlite", ".db"};
  return std::any_of(kExtensions.begin(), kExtensions.end(), [&](std::string_view e) {
    return value.size() > e.size() && value.compare(value.size() - e.size(), e.size(), e) == 0;
  });
}

std::filesystem::path checked_path(const std::string& value, const PathRoots& roots) {
  const std::filesystem::path data = canonical_root(roots.data_dir);
  std::filesystem::path requested(value);
  if (requested.is_relative()) requested = data / requested;
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(requested, ec);
  if (ec) throw ApiFailure(403, error_body("forbidden", fmt::format("'{}' is not a path this server reads", value)));
  const bool in_data = inside(resolved, data);
  const bool in_results = !roots.results_dir.empty() && inside(resolved, canonical_root(roots.results_dir));
  if (!in_data && !in_results) {
    throw ApiFailure(403, error_body("forbidden", fmt::format("'{}' is outside the data folder", value)));
  }
  if (!std::filesystem::is_regular_file(resolved, ec)) {
    throw ApiFailure(404, error_body("not_found", fmt::format("'{}': no such file in the data folder", value)));
  }
  return resolved;
}

std::vector<std::string> command_line(const ApiCommand& command, const json& body, const PathRoots& roots) {
  if (!body.is_object()) bad_request("the request body must be a JSON object");
  static const std::array<std::string_view, 5> kFields{"scenario", "yaml", "set", "options", "args"};
  for (const auto& [key, value] : body.items()) {
    if (std::find(kFields.begin(), kFields.end(), key) == kFields.end()) {
      bad_request(fmt::format("unknown field '{}'; the body takes scenario, yaml, set, options and args", key));
    }
  }
  std::vector<std::string> argv = command.words;
  if (body.contains("scenario") || body.contains("yaml")) {
    if (!command.takes_scenario) bad_request(fmt::format("{} takes no scenario", command.name));
    if (body.contains("scenario") && body.contains("yaml")) bad_request("give either scenario or yaml, not both");
    if (body.contains("yaml")) {
      const json& yaml = body["yaml"];
      if (!yaml.is_string()) bad_request("yaml: expected the scenario's YAML text as a string");
      argv.push_back(save_pasted(yaml.get<std::string>(), roots).string());
    } else {
      argv.push_back(argument(word(body["scenario"], "scenario"), roots));
    }
  }
  if (body.contains("args")) {
    const json& args = body["args"];
    if (!args.is_array()) bad_request("args: expected an array of positional arguments");
    for (const json& a : args) {
      const std::string w = word(a, "args");
      if (!w.empty() && w.front() == '-') bad_request(fmt::format("args: '{}' is an option; put it in options", w));
      argv.push_back(argument(w, roots));
    }
  }
  if (body.contains("set")) {
    if (!command.takes_set) bad_request(fmt::format("{} takes no set overrides", command.name));
    const json& set = body["set"];
    const auto add = [&](const std::string& key, const std::string& value) {
      argv.emplace_back("--set");
      argv.push_back(key + "=" + (looks_like_path(value) ? checked_path(value, roots).string() : value));
    };
    if (set.is_object()) {
      for (const auto& [key, value] : set.items()) add(key, word(value, "set." + key));
    } else if (set.is_array()) {
      for (const json& item : set) {
        const std::string text = word(item, "set");
        const std::size_t eq = text.find('=');
        if (eq == std::string::npos) bad_request(fmt::format("set: '{}' is not KEY=VALUE", text));
        add(text.substr(0, eq), text.substr(eq + 1));
      }
    } else {
      bad_request("set: expected an object {KEY: VALUE} or an array of \"KEY=VALUE\"");
    }
  }
  if (body.contains("options")) {
    const json& options = body["options"];
    if (!options.is_object()) bad_request("options: expected an object {\"long-option-name\": value}");
    for (const auto& item : options.items()) {
      const std::string& name = item.key();
      const json& value = item.value();
      if (!valid_option_name(name)) bad_request(fmt::format("options: '{}' is not an option name", name));
      const auto& refused = refused_options();
      if (std::find(refused.begin(), refused.end(), name) != refused.end()) {
        throw ApiFailure(403,
                         error_body("forbidden", fmt::format("option --{} is not available through the API", name)));
      }
      if (name == "set") bad_request("options: put overrides in set");
      const auto add = [&](const json& v) {
        if (v.is_boolean()) {
          if (v.get<bool>()) argv.push_back("--" + name);
          return;
        }
        argv.push_back("--" + name);
        argv.push_back(argument(word(v, "options." + name), roots));
      };
      if (value.is_array()) {
        for (const json& v : value) add(v);
      } else {
        add(value);
      }
    }
  }
  argv.emplace_back("--json");
  return argv;
}

}  // namespace stratstab::server
