// Internal: reads an input file's bytes safely. Only a regular file is read (a FIFO would block
// open() forever, /dev/zero never ends), and never more than kMaxInputFileBytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace stratstab::io {

/// The largest input file read, 16 MiB: some hundred times the largest bundled file; a file
/// above it is refused (docs/io_formats.md, "Limits").
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{16} << 20;

/// "a directory", "a FIFO (named pipe)", "a character device", ... for what `path` is when it is
/// not a regular file; "a regular file" when it is one; nullopt when nothing is there.
std::optional<std::string> describe_file_kind(const std::filesystem::path& path);

/// The whole text of a regular file of at most kMaxInputFileBytes, or nullopt and `why` (e.g.
/// "file not found", "is a FIFO (named pipe), not a regular file", "is 20.0 MiB; the limit is
/// 16 MiB per file").
std::optional<std::string> read_input_file(const std::filesystem::path& path, std::string& why);

}  // namespace stratstab::io
