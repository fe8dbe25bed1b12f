// A progress line on stderr for commands that run for seconds: points done of the total, the rate
// and the time left, redrawn in place at most a few times a second; nothing when stderr is not a
// terminal or `--quiet` was given. Where the thread's console has a progress hook (console.hpp: a
// command run by `stratstab serve`), every update goes to the hook instead, `--quiet` or not.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "console.hpp"

namespace stratstab::app {

class ProgressLine {
 public:
  /// `what`: the noun counted, e.g. "evaluations". Shown only when `enabled` and stderr is a terminal.
  ProgressLine(std::string what, bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::size_t done, std::size_t total);
  /// Clears the line (called by the destructor too).
  void finish();

 private:
  std::string what_;
  ProgressHook hook_;
  bool shown_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace stratstab::app
