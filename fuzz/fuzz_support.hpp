// Shared by the libFuzzer harnesses: the loaders read files by path, so each input is written to
// a file in a per-process scratch folder (in /dev/shm when there is one: no disk writes), laid out
// like the bundled data folder so relative references (`../sources/us.yaml`, `../forces/...`)
// resolve against the real bundled files.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#ifndef STRATSTAB_FUZZ_DATA_DIR
#error "STRATSTAB_FUZZ_DATA_DIR must name the bundled data folder"
#endif

namespace stratstab::fuzz {

/// The scratch folder of this process: <base>/stratstab-fuzz-<pid>/{in/, sources, forces, ...}.
class Scratch {
 public:
  Scratch() {
    namespace fs = std::filesystem;
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir_ = base / ("stratstab-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "in");
    const fs::path data = STRATSTAB_FUZZ_DATA_DIR;
    for (const char* sub : {"sources", "forces", "scenarios", "treaties", "wta"}) {
      std::error_code ignored;
      fs::create_directory_symlink(data / sub, dir_ / sub, ignored);
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  /// Writes `bytes` to in/<name> (replacing it) and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = dir_ / "in" / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "fuzz: cannot write %s\n", file.c_str());
      std::abort();
    }
    return file;
  }

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

/// The process's scratch folder, created on first use and removed at normal exit.
inline const Scratch& scratch() {
  static const Scratch instance;
  return instance;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Aborts (a libFuzzer crash with the input saved) when a checked property fails.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz: property violated: %s\n", what);
  std::abort();
}

}  // namespace stratstab::fuzz
