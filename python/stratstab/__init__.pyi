# Type stubs of the stratstab package (the functions are documented in __init__.py).
import os
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import pandas

from . import data as data

__version__: str

Scenario = Union[str, os.PathLike[str], Mapping[str, Any]]
Overrides = Union[Mapping[str, Any], Sequence[str], None]

class Diagnostic:
    file: str
    line: int
    column: int
    key_path: str
    severity: str
    message: str
    text: str
    def __init__(self, file: str, line: int, column: int, key_path: str, severity: str, message: str,
                 text: str) -> None: ...

class Error(Exception): ...

class InputError(Error):
    message: str
    diagnostics: List[Diagnostic]
    def __init__(self, message: str, diagnostics: List[Diagnostic]) -> None: ...

class NotFoundError(Error, LookupError): ...
class UsageError(Error, ValueError): ...

def default_data_dir() -> str: ...
def run(*words: Any, data_dir: Optional[str] = ...) -> str: ...
def assess(scenario: Scenario = ..., set: Overrides = ..., *, curves: Optional[int] = ...,
           data_dir: Optional[str] = ...) -> Dict[str, Any]: ...
def compare(scenarios: Sequence[Scenario], set: Overrides = ..., *, samples: Optional[int] = ...,
            seed: Optional[int] = ..., threads: Optional[int] = ..., data_dir: Optional[str] = ...) -> Any: ...
def sweep(scenario: Scenario, params: Mapping[str, Any], set: Overrides = ..., *, samples: Optional[int] = ...,
          seed: Optional[int] = ..., threads: Optional[int] = ..., max_points: Optional[int] = ...,
          data_dir: Optional[str] = ...) -> pandas.DataFrame: ...
def sensitivity(scenario: Scenario = ..., set: Overrides = ..., *, upload: Optional[str] = ...,
                horizon_months: Optional[int] = ..., draw_down: Optional[str] = ...,
                data_dir: Optional[str] = ...) -> Dict[str, Any]: ...
def uncertainty(scenario: Scenario = ..., set: Overrides = ..., *, samples: int = ..., seed: int = ...,
                method: str = ..., threads: Optional[int] = ..., data_dir: Optional[str] = ...) -> pandas.DataFrame: ...
def uncertainty_summary(scenario: Scenario = ..., set: Overrides = ..., *, samples: int = ..., seed: int = ...,
                        method: str = ..., sobol: Optional[int] = ..., threads: Optional[int] = ...,
                        data_dir: Optional[str] = ...) -> Dict[str, Any]: ...
def treaty_count(force: str, treaty: Optional[str] = ..., *, limits: Optional[Mapping[str, float]] = ...,
                 samples: Optional[int] = ..., seed: Optional[int] = ...,
                 data_dir: Optional[str] = ...) -> Dict[str, Any]: ...
def upload(force: str, *, treaty: Optional[str] = ..., limits: Optional[Mapping[str, float]] = ...,
           horizon_months: Optional[int] = ..., no_reopen: bool = ..., data_dir: Optional[str] = ...) -> Dict[str, Any]: ...
def pathways(*pathway: str, samples: Optional[int] = ..., seed: Optional[int] = ..., step: Optional[str] = ...,
             data_dir: Optional[str] = ...) -> Any: ...
