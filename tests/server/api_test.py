#!/usr/bin/env python3
"""API tests of `stratstab serve` (docs/usersguide.md "The web page"), run by CTest as server.api.

Starts the server on a free port (--port 0) and checks, over real HTTP on loopback:
  * every computation endpoint answers exactly what the CLI prints with --json for the same
    command line (the body compared byte for byte with `stratstab <words> ... --json`);
  * located input errors give 400 with the CLI's diagnostics; oversize bodies 413; paths that
    leave the data folder 403, missing files 404; unknown commands 404; refused options 403;
  * jobs report progress, can be cancelled, and the limit on running jobs gives 429; a plain
    request over its time limit gives 504;
  * the page and the plot library come from the binary; requests naming another host get 403.

Usage: api_test.py STRATSTAB_EXE DATA_DIR
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

EXE, DATA = sys.argv[1], sys.argv[2]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)


class Server:
    def __init__(self, *extra):
        self.results = tempfile.mkdtemp(prefix="stratstab-api-results-")
        self.proc = subprocess.Popen(
            [EXE, "serve", "--port", "0", "--data-dir", DATA, "--results-dir", self.results, *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))

    def request(self, method, path, body=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        res = conn.getresponse()
        text = res.read().decode("utf-8", "replace")
        conn.close()
        return res.status, text, dict(res.getheaders())

    def post(self, path, body):
        return self.request("POST", path, body)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            failures.append("server did not stop on SIGTERM within 20 s")
        shutil.rmtree(self.results, ignore_errors=True)


def cli(*words):
    out = subprocess.run([EXE, "--data-dir", DATA, *words], capture_output=True, text=True, check=False)
    return out.returncode, out.stdout


def same_as_cli(server, endpoint, body, words):
    status, text, _ = server.post(f"/api/{endpoint}", body)
    code, expected = cli(*words, "--json")
    check(code == 0, f"CLI {' '.join(words)} ran (exit {code})")
    check(status == 200, f"{endpoint}: status {status}: {text[:300]}")
    check(text == expected, f"{endpoint}: body equals `stratstab {' '.join(words)} --json` "
                            f"({len(text)} against {len(expected)} characters)")
    return json.loads(text) if status == 200 else None


def main():
    # A long request limit here (a sanitizer build runs the computations many times slower); the
    # default limit's 504 is checked on the second server, with --request-seconds 1.
    server = Server("--request-seconds", "900")
    try:
        # The catalogue lists what the data folder holds.
        status, text, headers = server.request("GET", "/api/catalog")
        catalog = json.loads(text)
        check(status == 200 and "us-ru-2026-11" in catalog["scenarios"], "catalog lists the bundled scenarios")
        check(sorted(os.path.splitext(f)[0] for f in os.listdir(os.path.join(DATA, "scenarios"))
                     if f.endswith(".yaml")) == sorted(catalog["scenarios"]), "catalog: every scenario file")
        check(headers.get("X-Content-Type-Options") == "nosniff", "security headers are set")
        status, text, _ = server.request("GET", "/api/scenarios/golden-dome")
        with open(os.path.join(DATA, "scenarios", "golden-dome.yaml"), encoding="utf-8") as f:
            check(status == 200 and json.loads(text)["yaml"] == f.read(), "a bundled scenario's YAML text")

        # Every computation equals the CLI's --json for the same command line.
        d = same_as_cli(server, "assess", {}, ["assess"])
        check(d is not None and 0 < d["stability"]["index"] <= 1, "assess: an index in (0, 1]")
        same_as_cli(server, "assess", {"scenario": "golden-dome", "set": {"options.posture": "generated"}},
                    ["assess", "golden-dome", "--set", "options.posture=generated"])
        d = same_as_cli(server, "assess", {"options": {"curves": 21}}, ["assess", "--curves", "21"])
        if d:
            c = d["curves"][0]
            check(len(c["s"]) >= 21 and min(c["c_a"]) >= c["c_a_at_s_star"] - 1e-12,
                  "assess --curves: no point of C_A below the cost at s*")
        same_as_cli(server, "compare", {"args": ["us-ru-2026-11", "upload-both-24"]},
                    ["compare", "us-ru-2026-11", "upload-both-24"])
        same_as_cli(server, "sweep", {"scenario": "golden-dome", "options": {
            "param": "sides.US.defence.interceptors=0:400:200", "quiet": True}},
            ["sweep", "golden-dome", "--param", "sides.US.defence.interceptors=0:400:200", "--quiet"])
        same_as_cli(server, "sensitivity", {}, ["sensitivity"])
        same_as_cli(server, "uncertainty", {"options": {"samples": 40, "quiet": True}},
                    ["uncertainty", "--samples", "40", "--quiet"])
        same_as_cli(server, "treaty-list", {}, ["treaty", "list"])
        same_as_cli(server, "treaty-count", {"args": ["ru-2026-11-01"]}, ["treaty", "count", "ru-2026-11-01"])
        same_as_cli(server, "upload", {"args": ["us-2026-11-01"], "options": {"horizon-months": 12}},
                    ["upload", "us-2026-11-01", "--horizon-months", "12"])
        same_as_cli(server, "pathways", {"args": ["aggregate-only"], "options": {"quiet": True}},
                    ["pathways", "aggregate-only", "--quiet"])
        same_as_cli(server, "verify", {"args": ["ru-2026-11-01"]}, ["verify", "ru-2026-11-01"])
        same_as_cli(server, "crisis", {"args": ["oreshnik-2024-11"], "options": {"runs": 500}},
                    ["crisis", "oreshnik-2024-11", "--runs", "500"])
        same_as_cli(server, "arms-race", {"args": ["us-ru"]}, ["arms-race", "us-ru"])
        same_as_cli(server, "data-list", {}, ["data", "list"])
        d = same_as_cli(server, "data-show", {"args": ["us-2026-11-01"]}, ["data", "show", "us-2026-11-01"])
        check(d is not None and len(d.get("sources", [])) > 0, "data-show: the snapshot's sources")
        same_as_cli(server, "data-summary", {}, ["data", "summary"])
        same_as_cli(server, "data-check", {"args": ["forces/us-2026-11-01.yaml"]},
                    ["data", "check", os.path.join(os.path.realpath(DATA), "forces", "us-2026-11-01.yaml")])
        same_as_cli(server, "calc-kill", {"options": {"yield-kt": 300, "hardness-psi": 2000, "cep-m": 185}},
                    ["calc", "kill", "--yield-kt", "300", "--hardness-psi", "2000", "--cep-m", "185"])
        same_as_cli(server, "calc-detect", {"options": {"sites": 50, "violating": 2, "inspected": 10}},
                    ["calc", "detect", "--sites", "50", "--violating", "2", "--inspected", "10"])
        same_as_cli(server, "wta", {"args": ["wta/counterforce-example.yaml"]},
                    ["wta", os.path.join(os.path.realpath(DATA), "wta", "counterforce-example.yaml")])

        # A pasted scenario: its YAML saved in the results folder, the answer as for the file.
        with open(os.path.join(DATA, "scenarios", "us-ru-2026-11.yaml"), encoding="utf-8") as f:
            yaml_text = f.read()
        status, text, _ = server.post("/api/assess", {"yaml": yaml_text})
        check(status == 200 and json.loads(text)["stability"]["index"] ==
              json.loads(cli("assess", "--json")[1])["stability"]["index"], "pasted YAML: the same index")
        check(len(os.listdir(os.path.join(server.results, "pasted"))) == 1, "pasted YAML saved once")

        # Located input errors: 400 with the CLI's diagnostics.
        status, text, _ = server.post("/api/assess", {"set": {"options.posture": "sideways"}})
        body = json.loads(text)
        check(status == 400 and body["error"] == "input", f"bad --set value gives 400 input: {status}")
        diag = body["diagnostics"][0] if body.get("diagnostics") else {}
        check(diag.get("key") == "options.posture" and "sideways" in diag.get("text", ""),
              f"the diagnostic names the key and the value: {diag}")
        cli_err = subprocess.run([EXE, "--data-dir", DATA, "assess", "--set", "options.posture=sideways"],
                                 capture_output=True, text=True, check=False).stderr
        check(diag.get("text", "?") in cli_err, "the diagnostic's text is the CLI's line")
        status, text, _ = server.post("/api/assess", {"yaml": "sides: [\n"})
        body = json.loads(text)
        check(status == 400 and body["diagnostics"][0]["line"] is not None,
              f"broken pasted YAML: 400 with a line: {text[:200]}")
        status, text, _ = server.request("POST", "/api/assess", raw="{not json")
        check(status == 400 and json.loads(text)["error"] == "bad_request", "malformed JSON body: 400")
        status, text, _ = server.post("/api/assess", {"options": {"no-such-option": 1}})
        check(status == 400 and json.loads(text)["error"] == "usage", f"unknown option: 400 usage ({status})")

        # Limits and paths.
        status, text, _ = server.request("POST", "/api/assess", raw="x" * (2 << 20))
        check(status == 413 and json.loads(text)["error"] == "too_large", f"a 2 MiB body: 413 ({status})")
        status, _, _ = server.post("/api/assess", {"scenario": "../../../etc/passwd"})
        check(status == 403, f"a scenario path out of the data folder: 403 ({status})")
        status, _, _ = server.post("/api/treaty-count", {"args": ["/etc/passwd"]})
        check(status == 403, f"an absolute path: 403 ({status})")
        status, _, _ = server.post("/api/assess", {"scenario": "scenarios/no-such.yaml"})
        check(status == 404, f"a missing file in the data folder: 404 ({status})")
        status, _, _ = server.post("/api/assess", {"scenario": "no-such-scenario"})
        check(status == 404, f"an unknown bundled name: 404 ({status})")
        status, _, _ = server.post("/api/sweep", {"scenario": "golden-dome", "options": {"out": "x.sqlite"}})
        check(status == 403, f"--out through the API: 403 ({status})")
        status, _, _ = server.post("/api/no-such-command", {})
        check(status == 404, f"an unknown command: 404 ({status})")
        status, _, _ = server.request("GET", "/assets/../../etc/passwd")
        check(status in (400, 403, 404), f"an asset path with ..: refused ({status})")
        status, _, _ = server.request("GET", "/api/scenarios/..%2F..%2Fetc%2Fpasswd")
        check(status in (400, 403, 404), f"an encoded traversal in the scenario id: refused ({status})")
        status, _, _ = server.request("GET", "/api/catalog", headers={"Host": "evil.example:80"})
        check(status == 403, f"another Host on a loopback server: 403 ({status})")

        # The page, from the binary.
        status, text, headers = server.request("GET", "/")
        check(status == 200 and "<html" in text.lower() and headers.get("Content-Type", "").startswith("text/html"),
              "GET / serves the page")
        for asset in ("d3.min.js", "plot.umd.min.js"):
            status, text, headers = server.request("GET", f"/assets/{asset}")
            with open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                   "web", "node_modules", "d3" if asset.startswith("d3") else "@observablehq/plot",
                                   "dist", asset), encoding="utf-8") as f:
                check(status == 200 and text == f.read(), f"/assets/{asset} is the npm file")

        # Jobs: progress, cancel, results.
        status, text, _ = server.post("/api/jobs/uncertainty", {"options": {"samples": 30, "quiet": True}})
        check(status == 202, f"a job is accepted: {status}")
        job = json.loads(text)["id"]
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            status, text, _ = server.request("GET", f"/api/jobs/{job}")
            state = json.loads(text)
            if state["state"] != "running":
                break
            time.sleep(0.05)
        check(state["state"] == "done" and state["done"] == state["total"] and state["what"] == "evaluations",
              f"the job ends done with its progress: {state.get('state')} {state.get('done')}/{state.get('total')}")
        check(state.get("result") == json.loads(cli("uncertainty", "--samples", "30", "--quiet", "--json")[1]),
              "the job's result is the CLI's JSON")
        status, text, _ = server.post("/api/jobs/uncertainty", {"options": {"samples": 100000, "method": "mc", "quiet": True,
                                                                            "threads": 1}})
        job = json.loads(text)["id"]
        seen_progress = False
        for _ in range(12000):
            state = json.loads(server.request("GET", f"/api/jobs/{job}")[1])
            if state["done"] > 0:
                seen_progress = True
                break
            time.sleep(0.05)
        check(seen_progress, "a long job reports progress while it runs")
        status, _, _ = server.request("DELETE", f"/api/jobs/{job}")
        check(status == 202, f"cancel: 202 ({status})")
        for _ in range(12000):
            state = json.loads(server.request("GET", f"/api/jobs/{job}")[1])
            if state["state"] != "running":
                break
            time.sleep(0.05)
        check(state["state"] == "cancelled", f"the cancelled job ends cancelled ({state['state']})")
        status, _, _ = server.request("GET", "/api/jobs/999999")
        check(status == 404, "an unknown job: 404")
    finally:
        server.stop()

    # One job at a time, and plain requests limited to 1 s.
    server = Server("--max-jobs", "1", "--request-seconds", "1")
    try:
        status, text, _ = server.post("/api/jobs/uncertainty", {"options": {"samples": 100000, "method": "mc", "quiet": True,
                                                                            "threads": 1}})
        job = json.loads(text)["id"]
        status, _, _ = server.post("/api/jobs/assess", {})
        check(status == 429, f"a second job while one runs: 429 ({status})")
        server.request("DELETE", f"/api/jobs/{job}")
        for _ in range(12000):
            if json.loads(server.request("GET", f"/api/jobs/{job}")[1])["state"] != "running":
                break
            time.sleep(0.05)
        status, text, _ = server.post("/api/uncertainty", {"options": {"samples": 100000, "method": "mc", "quiet": True,
                                                                       "threads": 1}})
        check(status == 504 and json.loads(text)["error"] == "timeout", f"over the request time: 504 ({status})")
    finally:
        server.stop()

    if failures:
        print(f"{len(failures)} API check(s) failed", file=sys.stderr)
        return 1
    print("all API checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
