// Internal: reading bibliography entries, shared by bibliography files and inline `sources:`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "stratstab/source.hpp"
#include "yaml_reader.hpp"

namespace stratstab::io {

/// Reads `sources[]` entries into `into`, reporting duplicate ids against what is already there.
void read_source_entries(const std::vector<YAML::Node>& items, const std::string& list_path, Bibliography& into,
                         DiagnosticSink& sink);

/// Reads a whole bibliography file into `into`; its diagnostics go to `sink` (labelled with the
/// bibliography file's own name).
void read_bibliography_into(const std::filesystem::path& file, Bibliography& into, DiagnosticSink& sink);

/// Reads the `bibliography` path list (files relative to `file`) and any inline `sources` of the
/// file `reader` reads, into `into`.
void read_bibliographies(MapReader& reader, const std::filesystem::path& file, Bibliography& into,
                         DiagnosticSink& sink);

}  // namespace stratstab::io
