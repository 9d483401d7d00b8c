"""Atomic writes: a table, figure or report appears complete or not at all."""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import itertools
import json
import os
import re
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
# A temporary file name of _new_temp, ".articles.4242-7.tmp.parquet": the process id in "pid".
TEMP_NAME = re.compile(r"^\..+\.(?P<pid>\d+)-\d+\.tmp(?:\.[^.]*)?$")
# The lock file a run holds in its output folder, and what it says about the run.
LOCK_FILE = Path("reports") / ".briefing.lock"
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


class FolderBusy(RuntimeError):
    """Another process holds the lock of an output folder."""

    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(
            f"{folder} is in use by another run ({holder}): wait for it to end, "
            "or choose another --out-dir"
        )
        self.folder = folder
        self.holder = holder


@contextmanager
def folder_lock(folder: Path) -> Iterator[Path]:
    """Hold the output folder's lock for the block (released by the system if the process
    dies); FolderBusy at once when another process holds it. Yields the lock file."""
    path = Path(folder) / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            raise FolderBusy(Path(folder), holder or "process unknown") from None
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"process {os.getpid()}, started {started}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # releases the lock


def _process_alive(pid: int) -> bool:
    """True when a process of this id exists (it may belong to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path) -> int:
    """Delete the temporary files under folder that a killed process left (its id no longer
    runs); returns how many. Call it with the folder's lock held."""
    removed = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            match = TEMP_NAME.match(name)
            if match and not _process_alive(int(match["pid"])):
                try:
                    os.remove(os.path.join(parent, name))
                    removed += 1
                except OSError:
                    pass
    return removed


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


def write_json_on_full_disk(target: Path, payload: Any) -> Path:
    """write_json, and when the disk is full, the existing file overwritten in place instead
    (its own blocks are reused): what a failed run's manifest needs to still say so."""
    try:
        return write_json(target, payload)
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EDQUOT) or not Path(target).is_file():
            raise
    data = (json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n").encode()
    with open(target, "r+b") as handle:
        handle.truncate(0)
        handle.write(data)
    return Path(target)


def write_parquet(target: Path, frame: pd.DataFrame) -> Path:
    """Write a DataFrame to Parquet atomically, without the index."""
    with atomic_path(target) as tmp:
        frame.to_parquet(tmp, index=False)
    return Path(target)


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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
