"""The kernel kept on standby between runs: after a successful run, the pipeline leaves its
Jupyter kernel running (libraries imported, caches warm) for `idle` seconds, and the next run
with the same code, environment and notebooks takes it over instead of starting a new one.

A rebuild then skips the kernel start, the imports and (one NER worker stays with the kernel)
the model load: one new article in a 1,000-article corpus, 12.0 s instead of 14.5 s (bench).
Like Gradle's daemon, the kernel stops by itself once idle (helpers.kernel.keep runs the
timer inside it); `briefing --stop-kernel` or `make clean` stop it at once.

Files, per user (helpers.config.user_cache_dir): `<checkout>-<code>.json`, the standby
kernel's address (connection info and pid), present only while the kernel waits, idle and
healthy; `<checkout>-<code>.lock`, held by the run using the kernel (fcntl.flock), so that two
runs never share it and the kernel never stops in the middle of a run; `<checkout>.log`, the
kernel's own output. The folder is private (0700): the connection info holds the key that
signs the kernel's messages.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import fcntl
import hashlib
import json
import logging
import os
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import psutil

from helpers import config, storage

log = logging.getLogger(__name__)

IDLE_ENV = "BRIEFING_KERNEL_IDLE"
# An analyst's next run (another corpus, a parameter changed) usually comes within half an hour.
DEFAULT_IDLE_SECONDS = 1800
# Environment variables that change from shell to shell without changing what the kernel does
# (they do not count in the identity, so that `make report` and `briefing` share a kernel),
# and two that pandera sets on import in every process that loads it (the kernel included),
# so that a second run from the same Python process finds the kernel of the first.
_VOLATILE_ENV = frozenset(
    {
        "PYARROW_IGNORE_TIMEZONE",
        "SPARK_LOCAL_IP",
        "_",
        "COLUMNS",
        "JPY_PARENT_PID",
        "LINES",
        "MAKEFLAGS",
        "MAKELEVEL",
        "MAKE_TERMERR",
        "MAKE_TERMOUT",
        "MFLAGS",
        "OLDPWD",
        "PS1",
        "PWD",
        "SHLVL",
        "SSH_CLIENT",
        "SSH_CONNECTION",
        "SSH_TTY",
        "TERM_SESSION_ID",
        "WINDOWID",
    }
)


def idle_seconds(value: str | None = None) -> float:
    """How long a kernel stays on standby after a run: value, else $BRIEFING_KERNEL_IDLE, in
    seconds, else 1800; 0 means none (the kernel stops with the run). ValueError if it is not
    a number >= 0."""
    text = os.environ.get(IDLE_ENV) if value is None else value
    if text is None or not text.strip():
        return DEFAULT_IDLE_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # negative, or not a number (NaN included)
        raise ValueError(f"expected a number of seconds >= 0, got {text!r}")
    return seconds


def _folder_path() -> Path:
    return config.user_cache_dir() / "kernels"


def folder() -> Path:
    """Where standby kernels are recorded (created private if missing)."""
    path = _folder_path()
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)  # the records hold the keys that sign the kernels' messages
    return path


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _code_digest() -> str:
    """The helpers package's files (code and resources): an edit means a new kernel."""
    package = Path(__file__).resolve().parent
    sha = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            sha.update(str(path.relative_to(package)).encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def _installed_digest() -> list[int]:
    """Installing, upgrading or removing a package changes its site-packages folder's entries
    (and so the folder's modification time): the kernel's loaded libraries would be stale."""
    folders = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    stamps = []
    for name in sorted(folders):
        with contextlib.suppress(OSError):
            stamps.append(os.stat(name).st_mtime_ns)
    return stamps


def identity(kernel: str, cwd: Path, environ: dict[str, str]) -> tuple[str, str]:
    """(checkout, code): the checkout part names the kernel name and notebooks folder; the
    code part changes with anything the kernel has loaded or inherited (this interpreter, the
    helpers package, installed packages, environment variables)."""
    checkout = _digest(kernel, str(Path(cwd).resolve()))[:16]
    env = {key: value for key, value in environ.items() if key not in _VOLATILE_ENV}
    code = _digest(
        os.path.realpath(sys.executable), sys.version, _code_digest(), _installed_digest(), env
    )[:16]
    return checkout, code


@dataclasses.dataclass(frozen=True)
class Record:
    """A standby kernel's address: its process and its connection info (ports, key)."""

    pid: int
    started: float  # the process's start time (psutil), which tells it from a reused pid
    connection: dict[str, Any]

    @classmethod
    def of(cls, pid: int, connection: dict[str, Any]) -> Record:
        """The record of a running kernel process."""
        info = dict(connection)
        if isinstance(info.get("key"), bytes):
            info["key"] = info["key"].decode()
        return cls(pid, psutil.Process(pid).create_time(), info)

    @classmethod
    def read(cls, path: Path) -> Record:
        """The record in a file (OSError, ValueError, KeyError or TypeError if unreadable)."""
        payload = json.loads(path.read_text(encoding="utf-8"))
        return cls(int(payload["pid"]), float(payload["started"]), dict(payload["connection"]))

    def running(self) -> bool:
        """Whether the recorded kernel process still runs."""
        return _process(self.pid, self.started) is not None

    def stop(self, grace: float = 2.0) -> bool:
        """Stop the recorded kernel and the processes it started (NER worker, painters):
        SIGTERM, then SIGKILL to those still running after grace seconds. True if it was
        running."""
        process = _process(self.pid, self.started)
        if process is None:
            return False
        with contextlib.suppress(psutil.Error):
            stop_processes([*process.children(recursive=True), process], grace)
        return True


@dataclasses.dataclass
class Claim:
    """This run's hold on a checkout's standby slot (the lock is held until released)."""

    record_path: Path
    lock_path: Path
    log_path: Path

    def take(self) -> Record | None:
        """The kernel waiting on standby, if any; its record is removed (a kernel in use, or
        in an unknown state after a crash, is never on record)."""
        try:
            record: Record | None = Record.read(self.record_path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning(
                "standby kernel record %s unreadable (%s): starting a new kernel",
                self.record_path,
                exc,
            )
            record = None
        self.record_path.unlink(missing_ok=True)
        return record if record is not None and record.running() else None

    def keep(self, record: Record) -> None:
        """Put a kernel on standby for the next run (written whole, or not at all)."""
        storage.write_json(self.record_path, dataclasses.asdict(record))


def try_lock(path: Path) -> IO[str] | None:
    """An open handle holding an exclusive lock on path (released when closed), or None when
    another process holds it. A lock file removed meanwhile by its holder is created anew."""
    while True:
        handle = path.open("a", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return None
            raise
        try:
            if os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
                return handle
        except FileNotFoundError:
            pass
        handle.close()  # locked a file just deleted by its previous holder: lock the new one


@contextlib.contextmanager
def claimed(checkout: str, code: str) -> Iterator[Claim | None]:
    """Hold the standby slot of (checkout, code) for the block, or yield None when another run
    holds it (this run then uses a kernel of its own). Kernels on standby for an older version
    of the same checkout are stopped."""
    base = folder()
    lock_path = base / f"{checkout}-{code}.lock"
    handle = try_lock(lock_path)
    if handle is None:
        yield None
        return
    with handle:
        for other in base.glob(f"{checkout}-*.lock"):
            if other != lock_path:
                stop(other)
        yield Claim(base / f"{checkout}-{code}.json", lock_path, base / f"{checkout}.log")


def stop(lock_path: Path) -> bool:
    """Stop the standby kernel of one slot if no run holds it, and remove the slot's files;
    True if a kernel was stopped."""
    handle = try_lock(lock_path)
    if handle is None:
        return False  # a run is using it: it stops, or goes on standby, after the run
    with handle:
        record_path = lock_path.with_suffix(".json")
        stopped = False
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            stopped = Record.read(record_path).stop()
        record_path.unlink(missing_ok=True)
        lock_path.unlink(missing_ok=True)
    return stopped


def stop_all() -> int:
    """Stop every standby kernel of this user that no run is using; how many were stopped."""
    base = _folder_path()
    if not base.is_dir():
        return 0
    return sum(stop(lock_path) for lock_path in sorted(base.glob("*.lock")))


def _process(pid: int, started: float) -> psutil.Process | None:
    """The process with this pid if it is still the one that started at `started` (a pid can
    be reused by an unrelated process once the kernel is gone)."""
    try:
        process = psutil.Process(pid)
        if abs(process.create_time() - started) > 0.01:
            return None
    except psutil.Error:
        return None
    return process if _still_running(process) else None


def stop_processes(processes: list[psutil.Process], grace: float = 2.0) -> None:
    """SIGTERM to each process, then SIGKILL to those still running after grace seconds."""
    for signal_them in (psutil.Process.terminate, psutil.Process.kill):
        for process in processes:
            with contextlib.suppress(psutil.Error):
                signal_them(process)
        processes = _running_after(processes, grace)
        if not processes:
            return


def _running_after(processes: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    """Those of the processes still running after up to `seconds`. A zombie counts as ended:
    an orphaned kernel's parent (init, or a container's first process) may reap it late."""
    deadline = time.monotonic() + seconds
    while True:
        running = [p for p in processes if _still_running(p)]
        if not running or time.monotonic() >= deadline:
            return running
        time.sleep(0.01)


def _still_running(process: psutil.Process) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
