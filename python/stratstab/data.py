"""The bundled force data as pandas DataFrames: ``stratstab.data.list()`` and
``stratstab.data.snapshot("us-2026-11-01")`` (every figure with its value, grade, source, date and
range, as ``stratstab data show ID --json`` gives them)."""
from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Optional, Tuple

__all__ = ["list", "snapshot", "figures"]

_list = list  # the builtin, before `list` below shadows it in this module


def list(data_dir: Optional[str] = None):  # noqa: A001  (the issue's name: stratstab.data.list())
    """The bundled force snapshots, one row each: ``id``, ``side``, ``date``, ``title``, ``systems``,
    ``warheads_loaded`` (``stratstab data list --json``)."""
    import pandas as pd

    from . import run

    return pd.DataFrame(json.loads(run("data", "list", "--json", data_dir=data_dir)))


def _is_figure(node: Any) -> bool:
    """A figure of the JSON: an object with a value and a grade."""
    return isinstance(node, dict) and "value" in node and "grade" in node


def figures(tree: Any, path: str = "") -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Every figure of a snapshot's JSON with its dotted path (systems by id: ``systems.mm3.cep_m``;
    lists of entries without an id by position: ``bases[0].launchers``)."""
    if _is_figure(tree):
        yield path, tree
        return
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key == "sources":
                continue
            yield from figures(value, f"{path}.{key}" if path else key)
    elif isinstance(tree, _list):
        for i, item in enumerate(tree):
            name = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            yield from figures(item, f"{path}.{name}" if name else f"{path}[{i}]")


def snapshot(snapshot_id: str, data_dir: Optional[str] = None):
    """Every figure of a snapshot, one row each: ``path`` (e.g. ``systems.mm3.cep_m``), ``system``,
    ``field``, ``value``, ``grade``, ``source`` (the bibliography id), ``source_title``, ``url``,
    ``date``, ``low``, ``high`` (the stated range; NaN when none) and ``note``. The whole
    ``data show --json`` is in ``df.attrs["json"]``."""
    import pandas as pd

    from . import run

    shown = json.loads(run("data", "show", snapshot_id, "--json", data_dir=data_dir))
    sources = shown.get("sources", {})
    rows: List[Dict[str, Any]] = []
    for path, figure in figures(shown):
        parts = path.split(".")
        source = figure.get("src")
        entry = sources.get(source, {}) if source else {}
        low, high = (figure["range"] if figure.get("range") else (float("nan"), float("nan")))
        rows.append({
            "path": path,
            "system": parts[1] if parts[0] == "systems" and len(parts) > 2 else None,
            "field": parts[-1].split("[")[0],
            "value": figure["value"],
            "grade": figure["grade"],
            "source": source,
            "source_title": entry.get("title"),
            "url": entry.get("url"),
            "date": figure.get("date"),
            "low": low,
            "high": high,
            "note": figure.get("note"),
        })
    frame = pd.DataFrame(rows)
    frame.attrs["json"] = shown
    return frame
