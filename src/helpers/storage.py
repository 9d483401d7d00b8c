"""Atomic writes: a table, figure or report appears complete or not at all."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas loads with the first table read (the CLI starts without it)
    import pandas as pd

# The problem tables of a run's data/processed/: problems.parquet (ingest), then one per later
# stage that sets rows aside (problems_timeline.parquet).
PROBLEM_TABLES = "problems*.parquet"
PROBLEM_COLUMNS = ["file", "stage", "reason"]
# Temporary file names: the process id and a counter make them unique.
_SERIAL = itertools.count()
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _new_temp(target: Path) -> tuple[int, Path]:
    """A new, empty, open temporary file beside target (its folder made if missing), named
    after the process and a counter: (file descriptor, path). Plain os calls, a third of
    tempfile's cost: a cold run writes tens of thousands of small cache files."""
    while True:
        tmp = target.with_name(f".{target.stem}.{os.getpid()}-{next(_SERIAL)}.tmp{target.suffix}")
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp  # the umask applies, as to any new file
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            pass  # left by a crashed process that had the same id: take the next name


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; move it onto target only if the block succeeds."""
    target = Path(target)
    fd, tmp = _new_temp(target)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> Path:
    """Write bytes atomically: into a new temporary file beside target, renamed onto it when
    complete."""
    target = Path(target)
    fd, tmp = _new_temp(target)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_text(target: Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return write_bytes(target, text.encode("utf-8"))


def write_json(target: Path, payload: Any) -> Path:
    """Write JSON (UTF-8, indented, non-ASCII kept) atomically."""
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
    return write_text(target, text + "\n")


def write_parquet(target: Path, frame: pd.DataFrame) -> Path:
    """Write a DataFrame to Parquet atomically, without the index."""
    with atomic_path(target) as tmp:
        frame.to_parquet(tmp, index=False)
    return Path(target)


def read_parquet(source: Path) -> pd.DataFrame:
    """Read a table written by write_parquet, with a message naming the missing file."""
    source = Path(source)
    if not source.exists():
        raise FileNotFoundError(
            f"{source} does not exist: run the stage that writes it first (see README, Pipeline)"
        )
    import pandas as pd

    return pd.read_parquet(source)


def read_problems(processed_dir: Path) -> pd.DataFrame:
    """Every problem the stages recorded (file, stage, reason), ingest's first; empty when none."""
    import pandas as pd

    paths = sorted(
        Path(processed_dir).glob(PROBLEM_TABLES), key=lambda p: (p.stem != "problems", p.name)
    )
    frames = [pd.read_parquet(path) for path in paths]
    if not frames:
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    return pd.concat(frames, ignore_index=True)[PROBLEM_COLUMNS]
