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
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


def process_map(function: Callable[[list[T]], list[R]], items: Sequence[T], desc: str) -> list[R]:
    """function applied to chunks of items, in worker processes when there are enough items;
    the results of all chunks in input order (function returns one result per item)."""
    return list(progress(_results(function, items), desc, total=len(items)))


def map_uncached(
    function: Callable[[list[T]], list[R]],
    items: Sequence[T],
    is_cached: Callable[[T], bool],
    desc: str,
) -> list[R]:
    """function over items in input order: the cached ones here (a cache read is cheaper than
    a process start), the others in worker processes when there are enough of them."""
    cached = [is_cached(item) for item in items]
    todo = [item for item, hit in zip(items, cached, strict=True) if not hit]
    fresh = iter(process_map(function, todo, desc))
    here = iter(function([item for item, hit in zip(items, cached, strict=True) if hit]))
    return [next(here) if hit else next(fresh) for hit in cached]


def _results(function: Callable[[list[T]], list[R]], items: Sequence[T]) -> Iterator[R]:
    """Each item's result, in order, from a process pool or from this process; if the pool
    fails, the chunks it did not finish are computed here."""
    chunks = chunks_of(items)
    done = 0
    if n_workers(len(items)):
        try:
            with ProcessPoolExecutor(n_workers(len(items)), mp_context=spawn_context()) as pool:
                for result in pool.map(function, chunks):
                    yield from result
                    done += 1
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            log.warning("worker processes failed (%s); going on in this process", exc)
    for chunk in chunks[done:]:
        yield from function(chunk)
