"""Chunks of per-article work spread over worker processes, results in input order.

Large corpora use both cores; small ones, one core, or a session where processes cannot
start (a script without a __main__ guard) run in the calling process instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext
from multiprocessing.context import SpawnContext
from typing import TypeVar

from helpers.progress import progress

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)

# Below this many items, starting processes costs more than it saves.
PARALLEL_FROM = 200
# Items sent to a worker at a time.
CHUNK = 32


def spawn_context() -> SpawnContext:
    """The "spawn" start method (safe in a Jupyter kernel, which runs threads)."""
    main = sys.modules["__main__"]
    if not hasattr(main, "__spec__"):
        # IPython's %reset deletes it from the kernel's namespace; spawn reads it.
        main.__spec__ = None
    return multiprocessing.get_context("spawn")


def n_workers(n_items: int) -> int:
    """Processes for n items: every core from PARALLEL_FROM items, else none (this one)."""
    cores = os.cpu_count() or 1
    return cores if n_items >= PARALLEL_FROM and cores > 1 else 0


def chunks_of(items: Sequence[T], size: int = CHUNK) -> list[list[T]]:
    """Items in consecutive chunks of at most size."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class Pool:
    """Worker processes that several process_map calls share (ingest's two passes): they
    start at the first call with enough items and stop when the `pool()` block ends."""

    def __init__(self) -> None:
        self._executor: ProcessPoolExecutor | None = None

    def executor(self, n_items: int) -> Executor | None:
        """The processes for n items (started now if needed), None when not worth it."""
        workers = n_workers(n_items)
        if not workers:
            return None
        if self._executor is None:
            self._executor = ProcessPoolExecutor(workers, mp_context=spawn_context())
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


@contextmanager
def pool() -> Iterator[Pool]:
    """A Pool for the duration of the block."""
    shared = Pool()
    try:
        yield shared
    finally:
        shared.close()


def process_map(
    function: Callable[[list[T]], list[R]],
    items: Sequence[T],
    desc: str,
    workers: Pool | None = None,
) -> list[R]:
    """function applied to chunks of items, in worker processes when there are enough items
    (those of workers if given); the results of all chunks in input order (function returns
    one result per item)."""
    with nullcontext(workers) if workers is not None else pool() as active:
        return list(progress(_results(function, items, active), desc, total=len(items)))


def map_uncached(
    function: Callable[[list[T]], list[R]],
    items: Sequence[T],
    is_cached: Callable[[T], bool],
    desc: str,
    workers: Pool | None = None,
) -> list[R]:
    """function over items in input order: the cached ones here (a cache read is cheaper than
    a process start), the others in worker processes when there are enough of them."""
    cached = [is_cached(item) for item in items]
    todo = [item for item, hit in zip(items, cached, strict=True) if not hit]
    fresh = iter(process_map(function, todo, desc, workers))
    here = iter(function([item for item, hit in zip(items, cached, strict=True) if hit]))
    return [next(here) if hit else next(fresh) for hit in cached]


def _results(
    function: Callable[[list[T]], list[R]], items: Sequence[T], workers: Pool
) -> Iterator[R]:
    """Each item's result, in order, from the worker processes or from this process; if the
    processes fail, the chunks they did not finish are computed here."""
    chunks = chunks_of(items)
    done = 0
    try:
        executor = workers.executor(len(items))
        if executor is not None:
            for result in executor.map(function, chunks):
                yield from result
                done += 1
    except (OSError, RuntimeError, BrokenProcessPool) as exc:
        log.warning("worker processes failed (%s); going on in this process", exc)
        workers.close()
    for chunk in chunks[done:]:
        yield from function(chunk)
