"""pytest tests of the stratstab Python module (CTest: python.pytest).

Every function is compared with what the CLI prints for the same command line (the CLI binary is
$STRATSTAB_EXE, run as a separate process), every error class is raised with the CLI's own
diagnostics, and calls from several threads give the answers serial calls give.
"""
import io
import json
import os
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import stratstab

EXE = os.environ["STRATSTAB_EXE"]
DATA = os.environ["STRATSTAB_DATA_DIR"]


def cli(*words, check=True):
    result = subprocess.run([EXE, "--data-dir", DATA, *map(str, words)], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def cli_json(*words):
    return json.loads(cli(*words, "--json").stdout)


def test_assess_equals_the_cli_for_names_paths_text_and_dicts():
    assert stratstab.assess() == cli_json("assess")
    overrides = {"options.posture": "generated", "sides.US.withheld": 0.1}
    expected = cli_json("assess", "golden-dome", "--set", "options.posture=generated", "--set", "sides.US.withheld=0.1")
    assert stratstab.assess("golden-dome", set=overrides) == expected
    assert stratstab.assess("golden-dome", set=["options.posture=generated", "sides.US.withheld=0.1"]) == expected
    path = os.path.join(DATA, "scenarios", "kent-thaler-example.yaml")
    by_file = cli_json("assess", path)
    assert stratstab.assess(path) == by_file
    with open(path, encoding="utf-8") as f:
        text = f.read()
    from_text = stratstab.assess(text)
    assert from_text["stability"] == by_file["stability"]
    assert stratstab.assess("kent-thaler-example", curves=11) == cli_json("assess", "kent-thaler-example", "--curves", "11")


def test_assess_takes_a_dict_scenario():
    import yaml  # Debian python3-yaml: the bundled file read as a dict, then given back as one

    with open(os.path.join(DATA, "scenarios", "kent-thaler-example.yaml"), encoding="utf-8") as f:
        as_dict = yaml.safe_load(f)
    assert stratstab.assess(as_dict)["stability"] == cli_json("assess", "kent-thaler-example")["stability"]


def test_compare_sensitivity_treaty_count_upload_pathways_equal_the_cli():
    assert stratstab.compare(["us-ru-2026-11", "upload-both-24"]) == cli_json("compare", "us-ru-2026-11", "upload-both-24")
    assert stratstab.sensitivity() == cli_json("sensitivity")
    assert stratstab.treaty_count("ru-2026-11-01") == cli_json("treaty", "count", "ru-2026-11-01")
    assert stratstab.treaty_count("us-2026-11-01", limits={"warheads": 1400}) == cli_json(
        "treaty", "count", "us-2026-11-01", "--limit", "warheads=1400")
    assert stratstab.upload("us-2026-11-01", horizon_months=12) == cli_json("upload", "us-2026-11-01", "--horizon-months", "12")
    assert stratstab.pathways("aggregate-only") == cli_json("pathways", "aggregate-only", "--quiet")


def test_sweep_is_a_data_frame_with_one_row_per_point():
    frame = stratstab.sweep("golden-dome", {"sides.US.defence.interceptors": [0, 500, 1000]})
    expected = cli_json("sweep", "golden-dome", "--param", "sides.US.defence.interceptors=0,500,1000", "--quiet")
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(expected["points"]) == 3
    assert list(frame["index"]) == [p["index"] for p in expected["points"]]
    assert list(frame["sides.US.c1"]) == [p["sides"]["US"]["c1"] for p in expected["points"]]
    assert frame.attrs["json"] == expected
    ranged = stratstab.sweep("golden-dome", {"sides.US.defence.interceptors": "0:1000:500"})
    assert list(ranged["index"]) == list(frame["index"])


def test_uncertainty_is_a_data_frame_of_samples_and_its_summary_the_json():
    frame = stratstab.uncertainty(samples=25, seed=3)
    expected = pd.read_csv(io.StringIO(cli("uncertainty", "--samples", "25", "--seed", "3", "--quiet", "--csv").stdout))
    assert frame.shape == expected.shape and len(frame) == 25
    pd.testing.assert_frame_equal(frame, expected)
    summary = stratstab.uncertainty_summary(samples=25, seed=3, sobol=0)
    assert summary == cli_json("uncertainty", "--samples", "25", "--seed", "3", "--sobol", "0", "--quiet")
    # The band's quantiles are those of the sampled index column.
    assert summary["index"]["q50"] == pytest.approx(frame["index"].quantile(0.5), rel=1e-12)


def test_data_list_and_snapshot():
    listed = stratstab.data.list()
    assert list(listed["id"]) == [s["id"] for s in cli_json("data", "list")]
    frame = stratstab.data.snapshot("us-2026-11-01")
    shown = cli_json("data", "show", "us-2026-11-01")
    mm3 = next(s for s in shown["systems"] if s["id"] == "mm3")
    row = frame[frame["path"] == "systems.mm3.cep_m"].iloc[0]
    assert row["value"] == mm3["cep_m"]["value"] and row["grade"] == mm3["cep_m"]["grade"]
    assert row["source"] == mm3["cep_m"]["src"] and row["system"] == "mm3" and row["field"] == "cep_m"
    assert set(frame["grade"]) <= {"OFFICIAL", "EST", "DERIVED", "ASSUMED", "TREATY"} | set(frame["grade"])
    # Every figure of the JSON is a row: count them independently of stratstab.data.figures.
    def count(node):
        if isinstance(node, dict):
            if "value" in node and "grade" in node:
                return 1
            return sum(count(v) for k, v in node.items() if k != "sources")
        if isinstance(node, list):
            return sum(count(v) for v in node)
        return 0
    assert len(frame) == count(shown)
    with_url = frame.dropna(subset=["url"])
    assert len(with_url) > 0 and all(u.startswith("http") for u in with_url["url"])
    ranged = frame.dropna(subset=["low"])
    assert (ranged["low"] <= ranged["high"]).all()


def test_input_errors_carry_the_cli_diagnostics():
    with pytest.raises(stratstab.InputError) as caught:
        stratstab.assess(set={"options.posture": "sideways"})
    d = caught.value.diagnostics[0]
    assert d.key_path == "options.posture" and d.severity == "error" and "sideways" in d.message
    stderr = cli("assess", "--set", "options.posture=sideways", check=False).stderr
    assert d.text in stderr.splitlines() and str(d) == d.text
    assert str(caught.value).splitlines() == ["1 problem in the input; nothing was run", d.text]
    # A located YAML error: file, line and column as the CLI prints them.
    broken = os.path.join(DATA, "scenarios", "kent-thaler-example.yaml")
    with open(broken, encoding="utf-8") as f:
        text = f.read().replace("alert: 0.5", "alert: [0.5")
    with pytest.raises(stratstab.InputError) as caught:
        stratstab.assess(text)
    d = caught.value.diagnostics[0]
    assert d.file.endswith("scenario.yaml") and d.line > 0 and d.column > 0
    assert d.text.startswith(f"{d.file}:{d.line}:{d.column}: error")


def test_not_found_usage_and_exit_code_errors():
    with pytest.raises(stratstab.NotFoundError):
        stratstab.assess("no-such-scenario")
    with pytest.raises(LookupError):
        stratstab.data.snapshot("xx-2026-11-01")
    with pytest.raises(stratstab.UsageError):
        stratstab.run("assess", "--no-such-option")
    with pytest.raises(ValueError):
        stratstab.assess(set="options.posture=generated")
    with pytest.raises(stratstab.UsageError):
        stratstab.assess(3.0)
    assert issubclass(stratstab.InputError, stratstab.Error)


def test_calls_from_several_threads_give_the_serial_answers():
    cases = [("us-ru-2026-11", {}), ("golden-dome", {"sides.US.defence.interceptors": 250}),
             ("upload-both-24", {}), ("us-ru-2026-11", {"options.posture": "generated"}),
             ("kent-thaler-example", {}), ("us-ru-cn-2030", {})] * 4
    serial = [stratstab.assess(s, set=o)["stability"]["index"] for s, o in cases]
    running = set()
    overlap = []
    lock = threading.Lock()

    def one(case):
        with lock:
            running.add(threading.get_ident())
            overlap.append(len(running))
        try:
            return stratstab.assess(case[0], set=case[1])["stability"]["index"]
        finally:
            with lock:
                running.discard(threading.get_ident())

    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(one, cases))
    assert threaded == serial
    assert max(overlap) > 1  # the calls did overlap


def test_the_gil_is_released_while_the_engine_runs():
    # A Python thread keeps counting while another runs a long command: with the GIL held it could
    # not advance at all until the command returned.
    ticks = [0]
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    before = ticks[0]
    stratstab.uncertainty_summary(samples=400, sobol=0, threads=1)
    during = ticks[0] - before
    done.set()
    counter.join()
    assert during > 1000


def test_every_public_function_has_a_docstring_and_a_stub():
    import inspect

    stub = open(os.path.join(os.path.dirname(stratstab.__file__), "__init__.pyi"), encoding="utf-8").read()
    for name in stratstab.__all__:
        obj = getattr(stratstab, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert inspect.getdoc(obj), name
            assert f"def {name}(" in stub or f"class {name}" in stub, name
    for name in stratstab.data.__all__:
        assert inspect.getdoc(getattr(stratstab.data, name)), name
    assert os.path.exists(os.path.join(os.path.dirname(stratstab.__file__), "py.typed"))
