// Bibliography files: `schema: 1` and a list of sources with unique ids.
#include "bibliography_loader.hpp"

#include <fmt/format.h>

#include "input_file.hpp"
#include "stratstab/load.hpp"

namespace stratstab::io {

void read_source_entries(const std::vector<YAML::Node>& items, const std::string& list_path, Bibliography& into,
                         DiagnosticSink& sink) {
  const SchemaSection& section = schema_section("source");
  for (std::size_t i = 0; i < items.size(); ++i) {
    MapReader reader(items[i], index_path(list_path, i), section, sink);
    if (!reader.is_mapping()) continue;
    Source source;
    auto id = reader.string("id");
    auto title = reader.string("title");
    auto date = reader.string("date");
    source.author = reader.string("author").value_or("");
    source.publisher = reader.string("publisher").value_or("");
    source.url = reader.string("url").value_or("");
    if (!id || !title || !date) continue;
    source.id = *id;
    source.title = *title;
    source.date = *date;
    source.file = sink.file();
    source.line = reader.location().line;
    if (const auto existing = into.find(source.id); existing != into.end()) {
      sink.error(items[i].Mark(), reader.key_path("id"),
                 fmt::format("duplicate source id '{}' (already defined at {}:{})", source.id, existing->second.file,
                             existing->second.line));
      continue;
    }
    into.emplace(source.id, std::move(source));
  }
}

void read_bibliography_into(const std::filesystem::path& file, Bibliography& into, DiagnosticSink& sink) {
  const auto root = load_yaml_mapping(file, sink, "a bibliography file (schema, sources)");
  if (!root) return;
  MapReader reader(*root, "", schema_section("bibliography"), sink);
  reader.integer("schema");
  read_source_entries(reader.list("sources", true), "sources", into, sink);
}

void read_bibliographies(MapReader& reader, const std::filesystem::path& file, Bibliography& into,
                         DiagnosticSink& sink) {
  if (auto node = reader.node("bibliography")) {
    if (!node->IsSequence()) {
      sink.error(node->Mark(), "bibliography",
                 fmt::format("expected a list of file paths, got {}", describe_node(*node)));
    } else {
      for (std::size_t i = 0; i < node->size(); ++i) {
        const YAML::Node entry = (*node)[i];
        const std::string entry_path = index_path("bibliography", i);
        if (!entry.IsScalar()) {
          sink.error(entry.Mark(), entry_path, fmt::format("expected a file path, got {}", describe_node(entry)));
          continue;
        }
        const std::filesystem::path referenced = file.parent_path() / entry.Scalar();
        const std::optional<std::string> kind = describe_file_kind(referenced);
        if (!kind) {
          sink.error(
              entry.Mark(), entry_path,
              fmt::format("bibliography file '{}' not found (looked for {}); expected a path relative to this file",
                          entry.Scalar(), referenced.lexically_normal().string()));
          continue;
        }
        if (*kind != "a regular file") {
          sink.error(entry.Mark(), entry_path,
                     fmt::format("bibliography file '{}' ({}) is {}; expected a regular YAML file", entry.Scalar(),
                                 referenced.lexically_normal().string(), *kind));
          continue;
        }
        DiagnosticSink bibliography_sink(referenced.lexically_normal().string());
        read_bibliography_into(referenced, into, bibliography_sink);
        for (Diagnostic& d : bibliography_sink.diagnostics()) sink.add(std::move(d));
      }
    }
  }
  if (reader.has("sources")) read_source_entries(reader.list("sources", false), "sources", into, sink);
}

}  // namespace stratstab::io

namespace stratstab {

LoadResult<Bibliography> read_bibliography(const std::filesystem::path& file) {
  io::DiagnosticSink sink(file.string());
  Bibliography bibliography;
  io::read_bibliography_into(file, bibliography, sink);
  LoadResult<Bibliography> result;
  if (!sink.has_errors()) result.value = std::move(bibliography);
  result.diagnostics = std::move(sink.diagnostics());
  return result;
}

}  // namespace stratstab
