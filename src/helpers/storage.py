"""Atomic writes: a table, figure or report appears complete or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; move it onto target only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600 files; outputs are meant to be shared
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> Path:
    """Write bytes atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


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
    return pd.read_parquet(source)
