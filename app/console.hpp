// Where a command's output goes. On the command line that is stdout and stderr; `stratstab serve`
// runs the same commands inside the server, each request on its own thread, and points that
// thread's console at the request's buffers, so that the API returns exactly what the command
// prints. A thread-local pointer rather than a parameter because the commands write from deep
// helpers (sweep sinks, progress lines) that would otherwise each take the streams; the engine
// below never writes to either.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string_view>

namespace stratstab::app {

/// Called with the noun counted ("points", "evaluations"), the work done and the total, from the
/// command's own thread. May throw to stop the command (the engine unwinds cleanly from its
/// progress calls: evaluate_rows and run_grid catch and rethrow after joining their threads).
using ProgressHook = std::function<void(std::string_view what, std::size_t done, std::size_t total)>;

struct Console {
  std::ostream* out = nullptr;  ///< results (the command's stdout)
  std::ostream* err = nullptr;  ///< warnings and notes (its stderr)
  ProgressHook progress;        ///< empty: a progress line on a terminal stderr (progress.hpp)
};

/// The calling thread's console: stdout and stderr unless a ConsoleScope is active on it.
[[nodiscard]] const Console& console();
inline std::ostream& console_out() {
  return *console().out;
}
inline std::ostream& console_err() {
  return *console().err;
}

/// Points the calling thread's console at `console` for its lifetime (then restores the previous one).
class ConsoleScope {
 public:
  explicit ConsoleScope(const Console& console);
  ~ConsoleScope();
  ConsoleScope(const ConsoleScope&) = delete;
  ConsoleScope& operator=(const ConsoleScope&) = delete;

 private:
  const Console* previous_;
};

}  // namespace stratstab::app
