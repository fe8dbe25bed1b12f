// The web server's computations, each run as a job on its own thread: a limit on how many run at
// once, progress from the command's progress line, cancellation through it, a time limit, and the
// finished jobs kept (in memory, newest first) for the page to collect.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace stratstab::server {

/// Thrown from a job's progress hook once it is cancelled or out of time; the engine unwinds from
/// its progress calls and the job ends as "cancelled".
class JobCancelled : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using ProgressHook = std::function<void(std::string_view what, std::size_t done, std::size_t total)>;

/// What a command printed (its stdout is the API's answer) and its exit code.
struct CommandOutput {
  int exit_code = 0;
  std::string out;
  std::string err;
};

/// Runs one command line on the calling thread, its progress reported to `progress` (which may
/// throw JobCancelled). Throws what the command throws (InputError, NotFoundError, ...).
using CommandRunner = std::function<CommandOutput(const std::vector<std::string>& argv, const ProgressHook& progress)>;

enum class JobState { kRunning, kDone, kFailed, kCancelled };
[[nodiscard]] std::string_view to_string(JobState state);

/// A copy of a job's state at one moment.
struct JobStatus {
  std::string id;
  std::string command;
  JobState state = JobState::kRunning;
  std::string what;  ///< the noun the progress counts ("points", "evaluations"); empty before any
  std::size_t done = 0;
  std::size_t total = 0;
  double seconds = 0;    ///< run time so far (or in all, once ended)
  CommandOutput output;  ///< once done
  int error_status = 0;  ///< once failed: the HTTP status of the failure (400, 404, 500, 504)
  nlohmann::json error;  ///< once failed or cancelled: the refusal's body
};

struct JobLimits {
  unsigned max_running = 2;                       ///< jobs running at once (the machine's cores by default)
  std::chrono::milliseconds time_limit{1800000};  ///< a job still running then is cancelled
  std::size_t kept = 64;                          ///< ended jobs kept for collection
};

class JobTable {
 public:
  JobTable(CommandRunner runner, JobLimits limits);
  ~JobTable();  ///< cancels every running job and waits for it
  JobTable(const JobTable&) = delete;
  JobTable& operator=(const JobTable&) = delete;

  /// Starts `argv` as a job named `command` and returns its id. When max_running jobs run already it
  /// waits up to `queue_wait` for one to end, then throws ApiFailure 429 (at once by default: a
  /// job asked for explicitly; a plain request waits its turn). `time_limit` (if shorter) overrides
  /// the table's.
  std::string submit(const std::string& command, std::vector<std::string> argv,
                     std::optional<std::chrono::milliseconds> time_limit = std::nullopt,
                     std::chrono::milliseconds queue_wait = std::chrono::milliseconds(0));
  /// The job's state; nullopt for an unknown (or evicted) id.
  [[nodiscard]] std::optional<JobStatus> status(const std::string& id) const;
  /// Waits until the job ends or `timeout` passes; its state then.
  std::optional<JobStatus> wait(const std::string& id, std::chrono::milliseconds timeout) const;
  /// Asks a running job to stop (at its next progress report); false for an unknown or ended job.
  bool cancel(const std::string& id);
  /// Every kept job, newest first.
  [[nodiscard]] std::vector<JobStatus> list() const;
  [[nodiscard]] unsigned running() const;

 private:
  struct Job;
  void run(const std::shared_ptr<Job>& job, const std::vector<std::string>& argv);
  void evict_locked();

  CommandRunner runner_;
  JobLimits limits_;
  mutable std::mutex lock_;
  mutable std::condition_variable changed_;
  std::map<std::size_t, std::shared_ptr<Job>> jobs_;
  std::size_t next_id_ = 1;
  unsigned running_ = 0;
};

/// A job's state as the API reports it: {"id", "command", "state", "what", "done", "total",
/// "seconds", "result" (the command's JSON once done), "error" (once failed or cancelled)}.
[[nodiscard]] nlohmann::json to_json(const JobStatus& status);

}  // namespace stratstab::server
