"""What the pipeline's shared kernel runs outside the notebooks: the warm-up at start, the
reset between notebooks, and the standby between runs (helpers.pipeline sends these calls;
they are plain functions so that they can be tested without a kernel)."""

from __future__ import annotations

import dataclasses
import gc
import importlib
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil

from helpers import memory, standby

log = logging.getLogger(__name__)


def warm_up(modules: Sequence[str]) -> None:
    """Import what the notebooks use, with the collector paused and the result frozen
    (helpers.memory), so that the first notebook starts with its libraries loaded. A module
    that fails to import is skipped: the notebook importing it reports the error."""
    with memory.collection_paused():
        for name in modules:
            _import(name)


def _import(name: str) -> None:
    """Import a module by name; a failure is logged, not raised."""
    try:
        importlib.import_module(name)
    except Exception as exc:  # reported again by the notebook that imports it
        log.debug("warm-up: importing %s failed: %s", name, exc)


def reset() -> None:
    """Forget every variable of the previous notebook (imported modules stay loaded), give the
    memory they held back to the system (on 10,000 articles, ~0.5 GB after ingest), and freeze
    what survives (modules a notebook imported, module-level caches): it lives as long as the
    kernel, and IPython's reset runs full collections that would scan it each time."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.run_line_magic("reset", "-f")
    memory.release_freed_memory()
    memory.freeze_survivors()


@dataclasses.dataclass
class _Standby:
    """When this kernel stops if no run takes it, and the slot it is recorded in."""

    deadline: float = float("inf")
    lock_path: Path | None = None
    record_path: Path | None = None
    watcher: threading.Thread | None = None


_STANDBY = _Standby()
# How often a kernel past its deadline checks again whether the run holding it has ended.
_BUSY_RECHECK_SECONDS = 5.0


def keep(lock_path: str, record_path: str, idle: float) -> None:
    """Stay up `idle` seconds from now, then stop, unless a run holds the slot's lock: that
    run calls keep again when it ends. Called when a run starts (so that a kernel whose run
    was killed still stops) and when it ends (the kernel then waits for the next run)."""
    _STANDBY.deadline = time.monotonic() + idle
    _STANDBY.lock_path, _STANDBY.record_path = Path(lock_path), Path(record_path)
    if _STANDBY.watcher is None or not _STANDBY.watcher.is_alive():
        _STANDBY.watcher = threading.Thread(target=_watch, name="standby", daemon=True)
        _STANDBY.watcher.start()


def settle() -> None:
    """Before waiting for the next run: collect everything (frozen objects too, which a run
    may have left unreachable) and give the freed memory back, then freeze what is left."""
    gc.unfreeze()
    memory.release_freed_memory()
    gc.freeze()


def _watch() -> None:
    """The standby timer (a thread): stop the kernel once past the deadline with no run."""
    while True:
        left = _STANDBY.deadline - time.monotonic()
        if left > 0:
            time.sleep(min(left, 30.0))
        elif not stop_if_idle():
            time.sleep(_BUSY_RECHECK_SECONDS)


def stop_if_idle(leave: Callable[[], object] | None = None) -> bool:
    """If the deadline has passed and no run holds the slot: forget this kernel's record and
    leave (stop the child processes, then exit). False if a run holds the slot or extended
    the deadline."""
    assert _STANDBY.lock_path is not None and _STANDBY.record_path is not None
    handle = standby.try_lock(_STANDBY.lock_path)
    if handle is None:
        return False
    with handle:
        if time.monotonic() < _STANDBY.deadline:
            return False
        try:
            if standby.Record.read(_STANDBY.record_path).pid == os.getpid():
                _STANDBY.record_path.unlink(missing_ok=True)
        except (OSError, ValueError, KeyError, TypeError):
            pass
        (leave or _leave)()
    return True


def _leave() -> None:
    """Stop this kernel's child processes (the NER worker and multiprocessing's helpers would
    outlive a kernel that exits without joining them), then exit at once."""
    standby.stop_processes(psutil.Process().children(recursive=True))
    log.info("standby kernel %d: idle, stopping", os.getpid())
    os._exit(0)
