#include "stratstab/job_table.hpp"

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "stratstab/api_request.hpp"
#include "stratstab/error.hpp"

namespace stratstab::server {

using nlohmann::json;

std::string_view to_string(JobState state) {
  switch (state) {
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
    case JobState::kCancelled: return "cancelled";
  }
  return "running";
}

struct JobTable::Job {
  JobStatus status;  ///< guarded by the table's lock
  std::atomic<bool> cancel{false};
  std::atomic<bool> timed_out{false};
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point deadline;
  std::thread thread;
};

namespace {

/// The 400 body of an input error: every diagnostic located as the CLI prints it.
json input_error_body(const InputError& e) {
  json diagnostics = json::array();
  for (const Diagnostic& d : e.diagnostics()) {
    const SourceLocation& w = d.where;
    diagnostics.push_back(json{{"file", w.file.empty() ? json(nullptr) : json(w.file)},
                               {"line", w.line > 0 ? json(w.line) : json(nullptr)},
                               {"column", w.column > 0 ? json(w.column) : json(nullptr)},
                               {"key", w.key_path.empty() ? json(nullptr) : json(w.key_path)},
                               {"severity", d.severity == Severity::kError ? "error" : "warning"},
                               {"message", d.message},
                               {"text", format_diagnostic(d)}});
  }
  const std::size_t n = e.diagnostics().size();
  return json{{"error", "input"},
              {"message", fmt::format("{} problem{} in the input; nothing was run", n, n == 1 ? "" : "s")},
              {"diagnostics", diagnostics}};
}

/// A job id as the table keys it; nullopt for text that is not one.
std::optional<std::size_t> job_key(const std::string& id) {
  try {
    return static_cast<std::size_t>(std::stoull(id));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

JobTable::JobTable(CommandRunner runner, JobLimits limits) : runner_(std::move(runner)), limits_(limits) {}

JobTable::~JobTable() {
  std::vector<std::shared_ptr<Job>> all;
  {
    const std::lock_guard<std::mutex> guard(lock_);
    for (auto& [id, job] : jobs_) {
      job->cancel = true;
      all.push_back(job);
    }
  }
  for (const auto& job : all) {
    if (job->thread.joinable()) job->thread.join();
  }
}

std::string JobTable::submit(const std::string& command, std::vector<std::string> argv,
                             std::optional<std::chrono::milliseconds> time_limit,
                             std::chrono::milliseconds queue_wait) {
  std::unique_lock<std::mutex> guard(lock_);
  if (running_ >= limits_.max_running && queue_wait.count() > 0) {
    changed_.wait_for(guard, queue_wait, [&] { return running_ < limits_.max_running; });
  }
  if (running_ >= limits_.max_running) {
    throw ApiFailure(429, error_body("busy", fmt::format("{} computations are running already (the limit); try again "
                                                         "when one ends, or cancel one",
                                                         running_)));
  }
  auto job = std::make_shared<Job>();
  const std::size_t id = next_id_++;
  job->status.id = std::to_string(id);
  job->status.command = command;
  job->deadline = job->start + std::min(limits_.time_limit, time_limit.value_or(limits_.time_limit));
  ++running_;
  jobs_[id] = job;
  job->thread = std::thread([this, job, argv = std::move(argv)] { run(job, argv); });
  evict_locked();
  return job->status.id;
}

void JobTable::run(const std::shared_ptr<Job>& job, const std::vector<std::string>& argv) {
  const ProgressHook progress = [this, &job](std::string_view what, std::size_t done, std::size_t total) {
    {
      const std::lock_guard<std::mutex> guard(lock_);
      job->status.what = std::string(what);
      job->status.done = done;
      job->status.total = total;
    }
    if (std::chrono::steady_clock::now() > job->deadline) job->timed_out = true;
    if (job->cancel || job->timed_out) throw JobCancelled("cancelled");
  };
  JobState state = JobState::kDone;
  CommandOutput output;
  int error_status = 0;
  json error;
  try {
    output = runner_(argv, progress);
    if (output.exit_code != 0) {
      state = JobState::kFailed;
      error_status = 422;
      error =
          error_body("failed", fmt::format("the command ended with exit code {}: {}", output.exit_code, output.err));
    }
  } catch (const JobCancelled&) {
    state = JobState::kCancelled;
    error = job->timed_out ? error_body("timeout", "the computation ran over its time limit and was stopped")
                           : error_body("cancelled", "the computation was cancelled");
    error_status = job->timed_out ? 504 : 409;
  } catch (const InputError& e) {
    state = JobState::kFailed;
    error_status = 400;
    error = input_error_body(e);
  } catch (const NotFoundError& e) {
    state = JobState::kFailed;
    error_status = 404;
    error = error_body("not_found", e.what());
  } catch (const ApiFailure& e) {
    state = JobState::kFailed;
    error_status = e.status();
    error = e.body();
  } catch (const std::exception& e) {
    state = JobState::kFailed;
    error_status = 500;
    error = error_body("internal", fmt::format("internal error (please report): {}", e.what()));
  }
  {
    const std::lock_guard<std::mutex> guard(lock_);
    job->status.state = state;
    job->status.output = std::move(output);
    job->status.error_status = error_status;
    job->status.error = std::move(error);
    job->status.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - job->start).count();
    --running_;
  }
  changed_.notify_all();
}

void JobTable::evict_locked() {
  std::size_t ended = 0;
  for (const auto& [id, job] : jobs_) ended += job->status.state != JobState::kRunning ? 1 : 0;
  for (auto it = jobs_.begin(); it != jobs_.end() && ended > limits_.kept;) {
    if (it->second->status.state == JobState::kRunning) {
      ++it;
      continue;
    }
    // Ended: its thread has left run() or is about to (after notify); joining is immediate.
    if (it->second->thread.joinable()) it->second->thread.join();
    it = jobs_.erase(it);
    --ended;
  }
}

std::optional<JobStatus> JobTable::status(const std::string& id) const {
  const std::lock_guard<std::mutex> guard(lock_);
  const std::optional<std::size_t> key = job_key(id);
  if (!key) return std::nullopt;
  const auto it = jobs_.find(*key);
  if (it == jobs_.end()) return std::nullopt;
  JobStatus s = it->second->status;
  if (s.state == JobState::kRunning) {
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second->start).count();
  }
  return s;
}

std::optional<JobStatus> JobTable::wait(const std::string& id, std::chrono::milliseconds timeout) const {
  const std::optional<std::size_t> key = job_key(id);
  if (!key) return std::nullopt;
  {
    std::unique_lock<std::mutex> guard(lock_);
    changed_.wait_for(guard, timeout, [&] {
      const auto it = jobs_.find(*key);
      return it == jobs_.end() || it->second->status.state != JobState::kRunning;
    });
  }
  return status(id);
}

bool JobTable::cancel(const std::string& id) {
  const std::lock_guard<std::mutex> guard(lock_);
  const std::optional<std::size_t> key = job_key(id);
  if (!key) return false;
  const auto it = jobs_.find(*key);
  if (it == jobs_.end() || it->second->status.state != JobState::kRunning) return false;
  it->second->cancel = true;
  return true;
}

std::vector<JobStatus> JobTable::list() const {
  std::vector<std::size_t> ids;
  {
    const std::lock_guard<std::mutex> guard(lock_);
    for (const auto& entry : jobs_) ids.push_back(entry.first);
  }
  std::vector<JobStatus> out;
  for (const std::size_t id : ids) {
    if (auto s = status(std::to_string(id))) out.push_back(std::move(*s));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

unsigned JobTable::running() const {
  const std::lock_guard<std::mutex> guard(lock_);
  return running_;
}

json to_json(const JobStatus& status) {
  json out{{"id", status.id},          {"command", status.command}, {"state", to_string(status.state)},
           {"what", status.what},      {"done", status.done},       {"total", status.total},
           {"seconds", status.seconds}};
  if (status.state == JobState::kDone) {
    out["result"] = json::parse(status.output.out, nullptr, false);
    if (out["result"].is_discarded()) out["result"] = status.output.out;
  }
  if (status.state == JobState::kFailed || status.state == JobState::kCancelled) out["error"] = status.error;
  return out;
}

}  // namespace stratstab::server
