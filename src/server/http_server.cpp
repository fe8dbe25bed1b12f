// The routes of `stratstab serve` on cpp-httplib 0.11 (Debian 12). Every answer is JSON except the
// page's own files; every refusal has a JSON body {"error", "message"} (input errors add the
// diagnostics); the page's files come from the binary (web_assets), never from disk.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <httplib.h>

#include "stratstab/catalog.hpp"
#include "stratstab/server.hpp"

namespace stratstab::server {

using nlohmann::json;

namespace {

constexpr const char* kJson = "application/json";

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(2) + "\n", kJson);
}

/// Requests must name this server by a loopback name when it is bound to loopback, so that a web
/// page elsewhere cannot reach it through a DNS name that resolves to 127.0.0.1 (DNS rebinding).
bool host_allowed(const httplib::Request& req, bool loopback) {
  if (!loopback) return true;
  std::string host = req.get_header_value("Host");
  if (host.empty()) return true;  // HTTP/1.0 clients (wrk, curl -0) send none; they are local processes
  if (host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

}  // namespace

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  ServerOptions options;
  std::vector<ApiCommand> commands;
  JobTable jobs;
  httplib::Server http;
  DataCatalog catalog;

  Impl(ServerOptions o, std::vector<ApiCommand> c, CommandRunner runner)
      : options(std::move(o)),
        commands(std::move(c)),
        jobs(std::move(runner), options.jobs),
        catalog(options.roots.data_dir) {
    routes();
  }

  const ApiCommand* find(const std::string& name) const {
    const auto it = std::find_if(commands.begin(), commands.end(), [&](const ApiCommand& c) { return c.name == name; });
    return it == commands.end() ? nullptr : &*it;
  }

  /// The command and its command line for POST /api/<name> with this body (ApiFailure otherwise).
  std::pair<const ApiCommand*, std::vector<std::string>> parse(const std::string& name, const std::string& text) const {
    const ApiCommand* command = find(name);
    if (command == nullptr) {
      std::string names;
      for (const ApiCommand& c : commands) names += (names.empty() ? "" : ", ") + c.name;
      throw ApiFailure(404, error_body("not_found", fmt::format("no computation '{}'; there are: {}", name, names)));
    }
    json body = json::object();
    if (!text.empty()) {
      body = json::parse(text, nullptr, false);
      if (body.is_discarded()) {
        throw ApiFailure(400, error_body("bad_request", "the request body is not valid JSON"));
      }
    }
    return {command, command_line(*command, body, options.roots)};
  }

  /// A job's answer: the command's JSON as printed (200), or its failure with its status.
  static void answer(httplib::Response& res, const JobStatus& s) {
    if (s.state == JobState::kDone) {
      res.status = 200;
      res.set_content(s.output.out, kJson);
      if (!s.output.err.empty()) res.set_header("X-Stratstab-Warnings", json(s.output.err).dump());
      return;
    }
    send_json(res, s.error_status != 0 ? s.error_status : 500, s.error);
  }

  json catalog_json() const {
    json names = json::array();
    for (const ApiCommand& c : commands) {
      names.push_back(json{{"name", c.name}, {"words", c.words}, {"long_running", c.long_running}});
    }
    return json{{"version", options.version},
                {"scenarios", catalog.scenario_names()},
                {"snapshots", catalog.snapshot_ids()},
                {"treaties", catalog.treaty_ids()},
                {"pathways", catalog.pathway_ids()},
                {"crises", catalog.crisis_ids()},
                {"arms_race", catalog.arms_race_ids()},
                {"commands", names},
                {"limits",
                 {{"max_body_bytes", options.max_body_bytes},
                  {"max_jobs", options.jobs.max_running},
                  {"request_seconds", std::chrono::duration<double>(options.request_time).count()},
                  {"job_seconds", std::chrono::duration<double>(options.jobs.time_limit).count()}}}};
  }

  void routes() {
    const bool loopback = is_loopback(options.host);
    http.new_task_queue = [n = options.http_threads] { return new httplib::ThreadPool(n); };
    http.set_payload_max_length(options.max_body_bytes);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy",
                               "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"}});
    http.set_pre_routing_handler([loopback](const httplib::Request& req, httplib::Response& res) {
      if (host_allowed(req, loopback)) return httplib::Server::HandlerResponse::Unhandled;
      send_json(res, 403, error_body("forbidden", "this server answers only to localhost / 127.0.0.1"));
      return httplib::Server::HandlerResponse::Handled;
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 413) {
        send_json(res, 413, error_body("too_large", "the request body is larger than this server takes"));
      } else if (res.status == 404) {
        send_json(res, 404, error_body("not_found", fmt::format("nothing at {}", req.path)));
      } else {
        send_json(res, res.status, error_body("http", fmt::format("HTTP {}", res.status)));
      }
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, const std::exception_ptr& ep) {
      try {
        std::rethrow_exception(ep);
      } catch (const ApiFailure& e) {
        send_json(res, e.status(), e.body());
      } catch (const std::exception& e) {
        send_json(res, 500, error_body("internal", fmt::format("internal error (please report): {}", e.what())));
      } catch (...) {
        send_json(res, 500, error_body("internal", "internal error (please report)"));
      }
    });

    http.Get("/", [](const httplib::Request& req, httplib::Response& res) { serve_asset("index.html", req, res); });
    http.Get(R"(/assets/([A-Za-z0-9._-]+))",
             [](const httplib::Request& req, httplib::Response& res) { serve_asset(req.matches[1].str(), req, res); });
    http.Get("/api/catalog",
             [this](const httplib::Request&, httplib::Response& res) { send_json(res, 200, catalog_json()); });
    http.Get(R"(/api/scenarios/([A-Za-z0-9._-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string id = req.matches[1].str();
      const std::vector<std::string> names = catalog.scenario_names();
      if (std::find(names.begin(), names.end(), id) == names.end()) {
        send_json(res, 404, error_body("not_found", fmt::format("no bundled scenario '{}'", id)));
        return;
      }
      std::ifstream in(catalog.scenario_path(id), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      send_json(res, 200, json{{"id", id}, {"yaml", text.str()}});
    });
    http.Post(R"(/api/jobs/([a-z-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      auto [command, argv] = parse(req.matches[1].str(), req.body);
      const std::string id = jobs.submit(command->name, std::move(argv));
      res.set_header("Location", "/api/jobs/" + id);
      send_json(res, 202, json{{"id", id}, {"state", "running"}});
    });
    http.Get("/api/jobs", [this](const httplib::Request&, httplib::Response& res) {
      json all = json::array();
      for (const JobStatus& s : jobs.list()) {
        json j = to_json(s);
        j.erase("result");  // the list is for progress; each job's own URL gives its result
        all.push_back(std::move(j));
      }
      send_json(res, 200, json{{"jobs", all}});
    });
    http.Get(R"(/api/jobs/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::optional<JobStatus> s = jobs.status(req.matches[1].str());
      if (!s) {
        send_json(res, 404, error_body("not_found", fmt::format("no job {}", req.matches[1].str())));
        return;
      }
      send_json(res, 200, to_json(*s));
    });
    http.Delete(R"(/api/jobs/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string id = req.matches[1].str();
      const std::optional<JobStatus> s = jobs.status(id);
      if (!s) {
        send_json(res, 404, error_body("not_found", fmt::format("no job {}", id)));
        return;
      }
      const bool asked = jobs.cancel(id);
      send_json(res, asked ? 202 : 409,
                asked ? json{{"id", id}, {"state", "cancelling"}}
                      : error_body("conflict", fmt::format("job {} has ended ({})", id, to_string(s->state))));
    });
    // A plain request: the computation runs as a job and the answer waits for it, up to the
    // request time limit (then the job is cancelled and the answer is 504).
    http.Post(R"(/api/([a-z-]+))", [this](const httplib::Request& req, httplib::Response& res) {
      auto [command, argv] = parse(req.matches[1].str(), req.body);
      const std::string id = jobs.submit(command->name, std::move(argv), options.request_time, options.request_time);
      const std::optional<JobStatus> s = jobs.wait(id, options.request_time + std::chrono::seconds(1));
      if (!s) throw ApiFailure(500, error_body("internal", "the job disappeared"));
      if (s->state == JobState::kRunning) {
        jobs.cancel(id);
        send_json(res, 504,
                  error_body("timeout",
                             fmt::format("{} ran over this server's {} s per request and was stopped; run it "
                                         "as a job (POST /api/jobs/{}) to follow its progress",
                                         command->name, std::chrono::duration<double>(options.request_time).count(),
                                         command->name)));
        return;
      }
      answer(res, *s);
    });
  }

  static void serve_asset(const std::string& path, const httplib::Request&, httplib::Response& res) {
    const std::vector<WebAsset>& assets = web_assets();
    const auto it = std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return path == a.path; });
    if (it == assets.end()) {
      send_json(res, 404, error_body("not_found", fmt::format("no file '{}' in the page", path)));
      return;
    }
    res.status = 200;
    res.set_content(reinterpret_cast<const char*>(it->data), it->size, it->mime);
    res.set_header("Cache-Control", "no-cache");
  }
};

Server::Server(ServerOptions options, std::vector<ApiCommand> commands, CommandRunner runner)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(commands), std::move(runner))) {}

Server::~Server() = default;

int Server::bind() {
  if (impl_->options.port == 0) return impl_->http.bind_to_any_port(impl_->options.host);
  return impl_->http.bind_to_port(impl_->options.host, impl_->options.port) ? impl_->options.port : -1;
}

void Server::listen() {
  impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->http.stop();
}

}  // namespace stratstab::server
