#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "console.hpp"

namespace stratstab::app {

ProgressLine::ProgressLine(std::string what, bool enabled)
    : what_(std::move(what)),
      hook_(console().progress),
      shown_(enabled && !hook_ && isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressLine::~ProgressLine() {
  finish();
}

void ProgressLine::update(std::size_t done, std::size_t total) {
  if (hook_) hook_(what_, done, total);
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0.0 ? static_cast<double>(done) / seconds : 0.0;
  const double left = rate > 0.0 && total > done ? static_cast<double>(total - done) / rate : 0.0;
  const double share = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  std::fputs(
      fmt::format("\r\033[K{}/{} {} ({:.0f}%), {:.0f}/s, {:.0f} s left", done, total, what_, 100.0 * share, rate, left)
          .c_str(),
      stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace stratstab::app
