// Reads an input file with POSIX calls: open with O_NONBLOCK so that a FIFO cannot block, then
// fstat the open descriptor (not the name, which could be swapped in between) and read only a
// regular file, up to the size limit plus one byte to notice a file that grew.
#include "input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace stratstab::io {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string mib(double bytes) {
  return fmt::format("{:g} MiB", bytes / (1024.0 * 1024.0));
}

/// Closes the descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::optional<std::string> describe_file_kind(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return kind_of(info.st_mode);
}

std::optional<std::string> read_input_file(const std::filesystem::path& path, std::string& why) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    why = errno == ENOENT || errno == ENOTDIR ? "file not found"
                                              : fmt::format("cannot be read ({})", std::strerror(errno));
    return std::nullopt;
  }
  // Refuse what is not a regular file before open(): opening a FIFO for reading waits for a writer.
  if (!S_ISREG(info.st_mode)) {
    why = fmt::format("is {}, not a regular file", kind_of(info.st_mode));
    return std::nullopt;
  }
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    why = fmt::format("cannot be read ({})", std::strerror(errno));
    return std::nullopt;
  }
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    why = fmt::format("is {}, not a regular file", kind_of(info.st_mode));
    return std::nullopt;
  }
  const auto too_large = [](std::size_t bytes) {
    return fmt::format("is {} bytes; the limit is {} bytes ({}) per file", bytes, kMaxInputFileBytes,
                       mib(static_cast<double>(kMaxInputFileBytes)));
  };
  if (static_cast<unsigned long long>(info.st_size) > kMaxInputFileBytes) {
    why = too_large(static_cast<std::size_t>(info.st_size));
    return std::nullopt;
  }
  std::string text;
  text.resize(static_cast<std::size_t>(info.st_size) + 1);
  std::size_t used = 0;
  while (true) {
    if (used == text.size()) {
      if (text.size() > kMaxInputFileBytes) {
        why = fmt::format("grew while being read to over {} bytes; the limit is {} per file", kMaxInputFileBytes,
                          mib(static_cast<double>(kMaxInputFileBytes)));
        return std::nullopt;
      }
      text.resize(std::min(kMaxInputFileBytes + 1, text.size() * 2));
    }
    const ssize_t got = ::read(fd.get(), text.data() + used, text.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      why = fmt::format("cannot be read ({})", std::strerror(errno));
      return std::nullopt;
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  text.resize(used);
  return text;
}

}  // namespace stratstab::io
