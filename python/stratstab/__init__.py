"""stratstab from Python: the nuclear strategic-stability workbench without shelling out.

Every function runs the stratstab command of the same name in this process (the C++ library,
linked in) and returns what that command prints with ``--json``, parsed: ``assess(...)`` equals
``json.loads(`stratstab assess ... --json`)``. Sweeps and uncertainty runs return pandas
DataFrames with one row per point or sample. The engine runs with the GIL released, so calls from
several threads run at once.

Scenarios are given as a bundled name (``"us-ru-2026-11"``), a path, YAML text or a dict;
``set`` overrides keys by their dotted paths, as ``--set KEY=VALUE`` does::

    import stratstab
    r = stratstab.assess("golden-dome", set={"sides.US.defence.interceptors": 500})
    r["stability"]["index"]

Errors in the input raise :class:`InputError`, whose ``diagnostics`` carry the file, line,
column, key path and message of each problem, exactly as the CLI prints them.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _core

__version__: str = _core.__version__

__all__ = [
    "Diagnostic", "Error", "InputError", "NotFoundError", "UsageError",
    "run", "assess", "compare", "sweep", "sensitivity", "uncertainty", "uncertainty_summary",
    "treaty_count", "upload", "pathways", "data", "default_data_dir", "__version__",
]

Scenario = Union[str, os.PathLike, Mapping[str, Any]]
Overrides = Union[Mapping[str, Any], Sequence[str], None]


@dataclass(frozen=True)
class Diagnostic:
    """One located problem with an input, as the CLI prints it (``str(d)`` is the CLI's line)."""

    file: str
    line: int  #: 1-based; 0 when unknown
    column: int  #: 1-based; 0 when unknown
    key_path: str  #: dotted path of the offending key, e.g. ``sides.US.withheld``
    severity: str  #: "error" or "warning"
    message: str
    text: str  #: the CLI's formatted line, ``file:line:column: error: key.path: message``

    def __str__(self) -> str:
        return self.text


class Error(Exception):
    """Root of the errors stratstab raises."""


class InputError(Error):
    """The input (a scenario, a data file, an option value) is invalid. ``diagnostics`` holds every
    problem found, so that all of them can be fixed in one pass."""

    def __init__(self, message: str, diagnostics: List[Diagnostic]):
        super().__init__("\n".join([message] + [d.text for d in diagnostics]))
        self.message = message
        self.diagnostics = diagnostics


class NotFoundError(Error, LookupError):
    """Something named does not exist (an unknown scenario, snapshot or treaty id)."""


class UsageError(Error, ValueError):
    """The command line built from the arguments does not parse (an unknown option, say)."""


def default_data_dir() -> str:
    """The data folder used when none is given: ``$STRATSTAB_DATA_DIR``, else the bundled one."""
    return _core.default_data_dir()


def _raise(result: Dict[str, Any]) -> None:
    """Raises the exception for a refusal returned by _core.run."""
    kind = result["error"]
    if kind == "input":
        diagnostics = [Diagnostic(**d) for d in result["diagnostics"]]
        n = len(diagnostics)
        raise InputError(f"{n} problem{'' if n == 1 else 's'} in the input; nothing was run", diagnostics)
    if kind == "not_found":
        raise NotFoundError(result["message"])
    if kind == "usage":
        raise UsageError(result["message"])
    raise Error(f"internal error (please report): {result['message']}")


def run(*words: Any, data_dir: Optional[str] = None) -> str:
    """Runs ``stratstab WORDS...`` in this process and returns what it prints (stdout).

    Raises InputError, NotFoundError or UsageError as the CLI would report them, and Error when the
    command ends with a non-zero exit code (e.g. ``data check`` finding a problem)."""
    result = _core.run([str(w) for w in words], data_dir or "")
    if "error" in result:
        _raise(result)
    if result["exit_code"] != 0:
        raise Error(f"stratstab {' '.join(map(str, words))} ended with exit code {result['exit_code']}: "
                    f"{result['err'].strip()}")
    return result["out"]


def _json(*words: Any, data_dir: Optional[str] = None) -> Any:
    """Runs ``stratstab WORDS... --json`` and returns the parsed JSON."""
    return json.loads(run(*words, "--json", data_dir=data_dir))


def _value_word(value: Any) -> str:
    """A value as the command line spells it: numbers as Python prints them (the shortest form that
    reads back to the same float), booleans as true/false, lists and dicts as YAML flow (JSON)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value)
    return str(value)


def _set_words(overrides: Overrides) -> List[str]:
    """``set`` as ``--set KEY=VALUE`` words (a dict, or a list of "KEY=VALUE")."""
    if overrides is None:
        return []
    if isinstance(overrides, str):
        raise UsageError("set: give a dict {KEY: VALUE} or a list of 'KEY=VALUE'")
    words: List[str] = []
    if isinstance(overrides, Mapping):
        for key, value in overrides.items():
            words += ["--set", f"{key}={_value_word(value)}"]
    else:
        for item in overrides:
            if "=" not in item:
                raise UsageError(f"set: '{item}' is not KEY=VALUE")
            words += ["--set", item]
    return words


class _ScenarioArgument:
    """A scenario as the command line takes it: a bundled name or a file. YAML text and dicts go
    through a temporary file (removed after the call), named scenario.yaml in the diagnostics."""

    def __init__(self, scenario: Scenario):
        self._dir: Optional[tempfile.TemporaryDirectory] = None
        if isinstance(scenario, Mapping):
            self.word = self._write(json.dumps(scenario))  # JSON is YAML
        elif isinstance(scenario, os.PathLike):
            self.word = os.fspath(scenario)
        elif isinstance(scenario, str):
            is_text = "\n" in scenario or (": " in scenario and not os.path.exists(scenario))
            self.word = self._write(scenario) if is_text else scenario
        else:
            raise UsageError(f"scenario: expected a name, a path, YAML text or a dict, got {type(scenario).__name__}")

    def _write(self, text: str) -> str:
        """Writes `text` to a temporary scenario.yaml and returns its path."""
        self._dir = tempfile.TemporaryDirectory(prefix="stratstab-")
        path = os.path.join(self._dir.name, "scenario.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def __enter__(self) -> str:
        return self.word

    def __exit__(self, *exc: Any) -> None:
        if self._dir is not None:
            self._dir.cleanup()


def _options(**options: Any) -> List[str]:
    """Keyword options as --long-name VALUE (None: left out; True: a bare flag; lists repeated)."""
    words: List[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            words.append(flag)
        elif isinstance(value, (list, tuple)):
            for v in value:
                words += [flag, _value_word(v)]
        else:
            words += [flag, _value_word(value)]
    return words


def assess(scenario: Scenario = "us-ru-2026-11", set: Overrides = None, *, curves: Optional[int] = None,
           data_dir: Optional[str] = None) -> Dict[str, Any]:
    """First-strike stability (Kent and Thaler) of a scenario: the dict ``stratstab assess --json``
    prints (``["stability"]["index"]``, each side's ``c1``, ``c2``, ``ratio``, ``exchanges``,
    ``what_moved_it``, ...). ``curves=N`` adds C_A(s), C_B(s) and the surviving warheads along s."""
    with _ScenarioArgument(scenario) as word:
        return _json("assess", word, *_set_words(set), *_options(curves=curves), data_dir=data_dir)


def compare(scenarios: Sequence[Scenario], set: Overrides = None, *, samples: Optional[int] = None,
            seed: Optional[int] = None, threads: Optional[int] = None,
            data_dir: Optional[str] = None) -> Any:
    """Key figures of several scenarios side by side: what ``stratstab compare ... --json`` prints
    (one object per scenario; with ``samples``, the paired bands too)."""
    arguments = [_ScenarioArgument(s) for s in scenarios]
    try:
        words = [a.__enter__() for a in arguments]
        return _json("compare", *words, *_set_words(set), *_options(samples=samples, seed=seed, threads=threads),
                     data_dir=data_dir)
    finally:
        for a in arguments:
            a.__exit__()


def _param_word(key: str, values: Any) -> str:
    """One sweep axis as ``--param`` takes it: KEY=a,b,c or KEY=FROM:TO:STEP."""
    if isinstance(values, str):
        return f"{key}={values}"  # a list a,b,c or a range FROM:TO:STEP, as on the command line
    return f"{key}=" + ",".join(_value_word(v) for v in values)


def sweep(scenario: Scenario, params: Mapping[str, Any], set: Overrides = None, *, samples: Optional[int] = None,
          seed: Optional[int] = None, threads: Optional[int] = None, max_points: Optional[int] = None,
          data_dir: Optional[str] = None):
    """The index and each side's C1, C2 and ratio over a grid of keys' values: a pandas DataFrame
    with one row per point (the axes' values, ``index``, ``<side>.c1`` ..., and with ``samples``
    the band columns). ``params`` maps each key to its values, a list or a ``"FROM:TO:STEP"``
    string. The whole ``sweep --json`` is in ``df.attrs["json"]``."""
    import pandas as pd

    words: List[str] = []
    for key, values in params.items():
        words += ["--param", _param_word(key, values)]
    with _ScenarioArgument(scenario) as word:
        result = _json("sweep", word, *words, *_set_words(set),
                       *_options(samples=samples, seed=seed, threads=threads, max_points=max_points, quiet=True),
                       data_dir=data_dir)
    frame = pd.json_normalize(result["points"], sep=".")
    frame.attrs["json"] = result
    return frame


def sensitivity(scenario: Scenario = "us-ru-2026-11", set: Overrides = None, *, upload: Optional[str] = None,
                horizon_months: Optional[int] = None, draw_down: Optional[str] = None,
                data_dir: Optional[str] = None) -> Dict[str, Any]:
    """Arms-race sensitivity: the dict ``stratstab sensitivity --json`` prints (the index's change
    per launcher and warhead of each system, and the index along the upload path)."""
    with _ScenarioArgument(scenario) as word:
        return _json("sensitivity", word, *_set_words(set),
                     *_options(upload=upload, horizon_months=horizon_months, draw_down=draw_down), data_dir=data_dir)


def _uncertainty_words(samples, seed, method, sobol, threads) -> List[str]:
    """The options an uncertainty run shares between its sample table and its summary."""
    return _options(samples=samples, seed=seed, method=method, sobol=sobol, threads=threads, quiet=True)


def uncertainty(scenario: Scenario = "us-ru-2026-11", set: Overrides = None, *, samples: int = 1000,
                seed: int = 1, method: str = "lhs", threads: Optional[int] = None,
                data_dir: Optional[str] = None):
    """The band of an uncertainty run, one row per sample: a pandas DataFrame of every uncertain
    input's drawn value and every output (``index``, ``US.c1``, ...), as ``uncertainty --csv``
    prints it. The same seed gives the same rows; see uncertainty_summary for the quantiles,
    tornado and Sobol indices."""
    import io

    import pandas as pd

    with _ScenarioArgument(scenario) as word:
        text = run("uncertainty", word, *_set_words(set), *_uncertainty_words(samples, seed, method, 0, threads),
                   "--csv", data_dir=data_dir)
    return pd.read_csv(io.StringIO(text))


def uncertainty_summary(scenario: Scenario = "us-ru-2026-11", set: Overrides = None, *, samples: int = 1000,
                        seed: int = 1, method: str = "lhs", sobol: Optional[int] = None,
                        threads: Optional[int] = None, data_dir: Optional[str] = None) -> Dict[str, Any]:
    """The summary of an uncertainty run: the dict ``stratstab uncertainty --json`` prints (each
    output's quantiles and their confidence intervals, P(index < t), the tornado, Sobol indices,
    the index histogram)."""
    with _ScenarioArgument(scenario) as word:
        return _json("uncertainty", word, *_set_words(set),
                     *_uncertainty_words(samples, seed, method, sobol, threads), data_dir=data_dir)


def treaty_count(force: str, treaty: Optional[str] = None, *, limits: Optional[Mapping[str, float]] = None,
                 samples: Optional[int] = None, seed: Optional[int] = None,
                 data_dir: Optional[str] = None) -> Dict[str, Any]:
    """A snapshot counted under a treaty's limits (New START by default): the dict ``stratstab
    treaty count FORCE --json`` prints. ``limits`` sets limits, e.g. {"warheads": 1400}."""
    limit_words = [f"{k}={_value_word(v)}" for k, v in (limits or {}).items()]
    return _json("treaty", "count", os.fspath(force), *_options(treaty=treaty, limit=limit_words or None,
                                                                 samples=samples, seed=seed), data_dir=data_dir)


def upload(force: str, *, treaty: Optional[str] = None, limits: Optional[Mapping[str, float]] = None,
           horizon_months: Optional[int] = None, no_reopen: bool = False,
           data_dir: Optional[str] = None) -> Dict[str, Any]:
    """A snapshot's upload path month by month and when each treaty limit is crossed: the dict
    ``stratstab upload FORCE --json`` prints."""
    limit_words = [f"{k}={_value_word(v)}" for k, v in (limits or {}).items()]
    return _json("upload", os.fspath(force), *_options(treaty=treaty, limit=limit_words or None,
                                                       horizon_months=horizon_months, no_reopen=no_reopen),
                 data_dir=data_dir)


def pathways(*pathway: str, samples: Optional[int] = None, seed: Optional[int] = None,
             step: Optional[str] = None, data_dir: Optional[str] = None) -> Any:
    """Political pathways 2026-2036 (every bundled one when none is named): what ``stratstab
    pathways --json`` prints."""
    return _json("pathways", *pathway, *_options(samples=samples, seed=seed, step=step, quiet=True),
                 data_dir=data_dir)


from . import data  # noqa: E402  (stratstab.data.snapshot, stratstab.data.list; uses run above)
