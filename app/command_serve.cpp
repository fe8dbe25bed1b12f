// `stratstab serve [--host H] [--port P] [--data-dir DIR] [--results-dir DIR]`: the web page and its
// JSON API (src/server/). Each API request runs one of the commands below, built afresh and run on
// the request's job thread with its console pointed at buffers (console.hpp), so the answer is the
// CLI's own `--json`.
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "commands.hpp"
#include "console.hpp"
#include "exit_codes.hpp"
#include "run_command.hpp"
#include "stratstab/catalog.hpp"
#include "stratstab/server.hpp"
#include "stratstab/version.hpp"

namespace stratstab::app {
namespace {

/// The computations the API offers, each the CLI command of the same words (docs/usersguide.md
/// "The web page" lists them with their bodies).
std::vector<server::ApiCommand> api_commands() {
  using server::ApiCommand;
  return {
      ApiCommand{"assess", {"assess"}, true, true, false},
      ApiCommand{"compare", {"compare"}, false, true, false},
      ApiCommand{"sweep", {"sweep"}, true, true, true},
      ApiCommand{"sensitivity", {"sensitivity"}, true, true, false},
      ApiCommand{"uncertainty", {"uncertainty"}, true, true, true},
      ApiCommand{"treaty-list", {"treaty", "list"}, false, false, false},
      ApiCommand{"treaty-count", {"treaty", "count"}, false, false, false},
      ApiCommand{"treaty-comply", {"treaty", "comply"}, false, false, false},
      ApiCommand{"upload", {"upload"}, false, false, false},
      ApiCommand{"pathways", {"pathways"}, false, false, true},
      ApiCommand{"verify", {"verify"}, false, false, false},
      ApiCommand{"crisis", {"crisis"}, false, false, false},
      ApiCommand{"arms-race", {"arms-race"}, false, false, false},
      ApiCommand{"data-list", {"data", "list"}, false, false, false},
      ApiCommand{"data-show", {"data", "show"}, false, false, false},
      ApiCommand{"data-summary", {"data", "summary"}, false, false, false},
      ApiCommand{"data-check", {"data", "check"}, false, false, false},
      ApiCommand{"calc-kill", {"calc", "kill"}, false, false, false},
      ApiCommand{"calc-detect", {"calc", "detect"}, false, false, false},
      ApiCommand{"wta", {"wta"}, false, false, false},
  };
}

/// One request's command line, run as the CLI would (run_command.hpp), its refusals as the API's.
server::CommandOutput run_command(const std::shared_ptr<const DataCatalog>& catalog,
                                  const std::vector<std::string>& argv, const server::ProgressHook& progress) {
  try {
    CommandRun run = run_command_line(catalog, argv, progress);
    return server::CommandOutput{run.exit_code, std::move(run.out), std::move(run.err)};
  } catch (const UsageError& e) {
    throw server::ApiFailure(400, server::error_body("usage", e.what()));
  }
}

}  // namespace

void add_serve_command(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* cmd =
      app.add_subcommand("serve", "The web page and its JSON API on this machine (http://127.0.0.1:8080/ by default)");
  auto options = std::make_shared<server::ServerOptions>();
  auto data_dir = std::make_shared<std::filesystem::path>();
  auto results_dir = std::make_shared<std::filesystem::path>("stratstab-results");
  auto request_seconds = std::make_shared<double>(30.0);
  auto job_seconds = std::make_shared<double>(1800.0);
  options->jobs.max_running = std::max(1U, std::thread::hardware_concurrency());
  cmd->add_option("--host", options->host, "Address to listen on; anything but loopback is warned of")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "Port; 0 picks a free one (printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--data-dir", *data_dir, "Data folder served (default: the global --data-dir, else the bundled one)");
  cmd->add_option("--results-dir", *results_dir,
                  "The only folder the server writes to: pasted scenarios (pasted/); created when first needed")
      ->capture_default_str();
  cmd->add_option("--max-jobs", options->jobs.max_running, "Computations running at once (default: the cores)")
      ->check(CLI::Range(1U, 64U));
  cmd->add_option("--max-body", options->max_body_bytes, "Largest request body in bytes (larger: 413)")
      ->capture_default_str()
      ->check(CLI::Range(static_cast<std::size_t>(1024), static_cast<std::size_t>(64U << 20U)));
  cmd->add_option("--request-seconds", *request_seconds,
                  "Time limit of a plain request (then 504; long runs go through /api/jobs)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--job-seconds", *job_seconds, "Time limit of a job (then it is cancelled)")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 86400.0));
  cmd->callback([&run, &global, options, data_dir, results_dir, request_seconds, job_seconds] {
    run = [&global, options, data_dir, results_dir, request_seconds, job_seconds] {
      server::ServerOptions o = *options;
      const std::filesystem::path data =
          !data_dir->empty() ? *data_dir
                             : (!global.data_dir.empty() ? global.data_dir : DataCatalog::default_data_dir());
      o.roots = server::PathRoots{std::filesystem::absolute(data), std::filesystem::absolute(*results_dir)};
      o.request_time = std::chrono::milliseconds(static_cast<long long>(*request_seconds * 1000.0));
      o.jobs.time_limit = std::chrono::milliseconds(static_cast<long long>(*job_seconds * 1000.0));
      o.version = std::string(kVersion);
      if (!server::is_loopback(o.host)) {
        std::cerr << fmt::format(
            "stratstab: warning: listening on {}, not loopback: anyone who can reach this machine can run "
            "computations here (there is no authentication)\n",
            o.host);
      }
      // SIGINT / SIGTERM stop the server: blocked in every thread and taken by one that waits for them.
      sigset_t signals;
      sigemptyset(&signals);
      sigaddset(&signals, SIGINT);
      sigaddset(&signals, SIGTERM);
      pthread_sigmask(SIG_BLOCK, &signals, nullptr);
      // One catalogue: the snapshots are parsed once for all requests (restart after editing the data).
      const auto catalog = std::make_shared<const DataCatalog>(o.roots.data_dir);
      server::Server srv(o, api_commands(),
                         [catalog](const std::vector<std::string>& argv, const server::ProgressHook& progress) {
                           return run_command(catalog, argv, progress);
                         });
      const int port = srv.bind();
      if (port < 0) {
        std::cerr << fmt::format("stratstab: cannot listen on {}:{} (in use, or not an address of this machine)\n",
                                 o.host, o.port);
        return kExitUsage;
      }
      std::cout << fmt::format("stratstab: serving on http://{}:{}/ (data {}, results {}); Ctrl-C stops\n",
                               o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host, port,
                               o.roots.data_dir.string(), o.roots.results_dir.string())
                << std::flush;
      std::thread stopper([&srv, signals] {
        int received = 0;
        sigwait(&signals, &received);
        srv.stop();
      });
      srv.listen();
      stopper.join();
      std::cout << "stratstab: stopped\n";
      return kExitOk;
    };
  });
}

}  // namespace stratstab::app
