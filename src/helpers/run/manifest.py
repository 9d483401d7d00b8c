"""The run manifest: inputs, parameters, versions, timings, problems, outputs."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

from helpers import provenance
from helpers.ingest import inputs
from helpers.storage import sha256_of

# File times come from a coarse clock (a few ms behind time.time()): a file written just after
# a run started can look older by that much.
MTIME_SLACK = 0.02


def input_files(raw_dir: Path) -> list[dict[str, Any]]:
    """Every readable file of the corpus folder with its size and SHA-256 (not a link out of
    the folder, nor a special file: see helpers.ingest.inputs)."""
    files, _ = inputs.list_entries(Path(raw_dir))
    return [{"file": p.name, "bytes": p.stat().st_size, "sha256": sha256_of(p)} for p in files]


def new_manifest(
    raw_dir: Path, out_dir: Path, parameters: dict[str, Any], previous: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A manifest at the start of a run; stages and outputs are filled in as they finish. The
    outputs of the previous run (its manifest) are listed until this run replaces them, each
    with the run it comes from."""
    generated_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return {
        "run_id": f"{generated_at} pid {os.getpid()}",
        "generated_at": generated_at,
        "started": time.time(),  # outputs changed since then are this run's
        "raw_dir": str(Path(raw_dir).resolve()),
        "out_dir": str(Path(out_dir).resolve()),
        "parameters": parameters,
        "inputs": input_files(raw_dir),
        "environment": provenance.environment(),
        "stages": [],
        "problems": [],
        "outputs": _carried_outputs(previous or {}),
        "status": "running",
        # Identical inputs, parameters and code give identical tables and HTML, except:
        "varies_between_runs": [
            "run_id, generated_at, started, stages (timings)",
            "briefing.html, briefing.pdf: the generation date on the cover",
            "briefing.pdf: its creation time (PDF metadata)",
        ],
    }


def output_entries(out_dir: Path, paths: list[Path], run_id: str) -> list[dict[str, Any]]:
    """Outputs relative to out_dir with size, SHA-256 and the run that wrote them."""
    return [
        {
            "path": str(p.relative_to(out_dir)),
            "bytes": p.stat().st_size,
            "sha256": sha256_of(p),
            "run": run_id,
        }
        for p in paths
        if p.exists()
    ]


def read_previous(path: Path) -> dict[str, Any]:
    """The manifest an earlier run left at path, or {} (none, or unreadable)."""
    try:
        previous = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return previous if isinstance(previous, dict) else {}


def _carried_outputs(previous: dict[str, Any]) -> list[dict[str, Any]]:
    """The previous run's outputs, each marked with the run that wrote it."""
    run = previous.get("run_id") or previous.get("generated_at") or "an earlier run"
    entries = previous.get("outputs")
    if not isinstance(entries, list):
        return []
    return [{**e, "run": e.get("run", run)} for e in entries if isinstance(e, dict) and "path" in e]


def mark_replaced(run: dict[str, Any], out_dir: Path, started: float) -> None:
    """Mark the outputs this run has rewritten since started (a time.time() value) as its own:
    after a kill, the manifest tells which output comes from which run."""
    for entry in run["outputs"]:
        path = Path(out_dir) / str(entry["path"])
        try:
            rewritten = path.stat().st_mtime >= started - MTIME_SLACK
        except OSError:
            continue
        if rewritten:
            entry.update(run=run["run_id"], sha256=None, bytes=None)
