"""The local engine's one way to spread per-article work over processes, results in order.

Large corpora use every core; small ones, or a session where processes cannot start (a
script without a __main__ guard), run in the calling process instead. The processes live
for one stage call (a `with Pool()` block) and exit with their parent, even killed with -9.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, TypeVar

from helpers.progress import progress

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)

# Below this many items, starting processes (and loading a model in each) costs more than it
# saves.
PARALLEL_FROM = 200
# Items sent to a worker at a time.
CHUNK = 32


def exit_with_parent(parent: int | None = None, poll_seconds: float = 1.0) -> None:
    """Make this process exit as soon as its parent (parent: its id, as the parent saw it;
    default: the current one) is gone, even killed with -9 (a daemon thread watches the
    parent's id): no worker outlives its kernel."""
    parent = os.getppid() if parent is None else parent

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_seconds)
        os._exit(1)  # the parent is gone: nobody waits for this process's work

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class ParentBoundProcess(SpawnProcess):
    """A spawned process that exits when its parent does (see exit_with_parent), also when
    the parent dies while the child is still starting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.creator_pid = os.getpid()  # travels to the child with the process object

    def run(self) -> None:
        exit_with_parent(self.creator_pid)
        # An interrupt is for the parent, which stops its workers: a kernel's interrupt (which
        # jupyter_client also sends before shutting a kernel down) reaches its whole group.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        super().run()


class ParentBoundContext(SpawnContext):
    """The "spawn" start method, with processes that exit when their parent does."""

    Process = ParentBoundProcess


def spawn_context() -> SpawnContext:
    """The "spawn" start method (safe in a Jupyter kernel, which runs threads); its processes
    exit when the process that started them does (a killed run leaves no worker behind)."""
    restore_main_spec()
    return ParentBoundContext()


def restore_main_spec() -> None:
    """Give __main__ back the __spec__ attribute that IPython's %reset (and helpers.kernel's
    namespace reset) delete in a kernel: starting a process with spawn or forkserver reads it
    ("module '__main__' has no attribute '__spec__'")."""
    main = sys.modules["__main__"]
    if not hasattr(main, "__spec__"):
        main.__spec__ = None


def n_workers(n_items: int) -> int:
    """Processes for n items: every core (at most one per item) from PARALLEL_FROM items,
    else none (this one)."""
    cores = os.cpu_count() or 1
    return min(cores, n_items) if n_items >= PARALLEL_FROM and cores > 1 else 0


def chunks_of(items: Sequence[T], size: int = CHUNK) -> list[list[T]]:
    """Items in consecutive chunks of at most size."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


class Pool:
    """Worker processes for the duration of a `with` block (the stage call that uses them):
    they start at the first process_map with enough items, run initializer(*initargs) once
    each as they start (e.g. loading a model), and stop when the block ends."""

    def __init__(
        self, initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = ()
    ) -> None:
        self._initializer = initializer
        self._initargs = initargs
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def executor(self, n_items: int) -> Executor | None:
        """The processes (started now if needed and worth it for n items), None when not
        worth it; processes already running are used whatever n."""
        if self._executor is None:
            workers = n_workers(n_items)
            if not workers:
                return None
            self._executor = ProcessPoolExecutor(
                workers,
                mp_context=spawn_context(),
                initializer=self._initializer,
                initargs=self._initargs,
            )
        return self._executor

    def close(self) -> None:
        """Stop the processes (they finish the task at hand, the others are cancelled)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def process_map(
    function: Callable[[list[T]], list[R]],
    items: Sequence[T],
    desc: str,
    workers: Pool | None = None,
) -> list[R]:
    """function applied to chunks of items, in worker processes when there are enough items
    (those of workers if given, else processes for this call only); the results of all chunks
    in input order (function returns one result per item)."""
    return map_uncached(function, items, lambda _: False, desc, workers)


def map_uncached(
    function: Callable[[list[T]], list[R]],
    items: Sequence[T],
    is_cached: Callable[[T], bool],
    desc: str,
    workers: Pool | None = None,
) -> list[R]:
    """function over items in input order: the others go to worker processes when there are
    enough of them, and meanwhile the cached ones are done here (a cache read is cheaper than
    sending the item to a process)."""
    cached = [is_cached(item) for item in items]
    chunks = chunks_of([item for item, hit in zip(items, cached, strict=True) if not hit])
    with nullcontext(workers) if workers is not None else Pool() as active:
        submitted = _submit(function, chunks, active)
        here = iter(function([item for item, hit in zip(items, cached, strict=True) if hit]))
        results = _results(function, chunks, submitted, active)
        fresh = iter(list(progress(results, desc, total=cached.count(False))))
    return [next(here) if hit else next(fresh) for hit in cached]


def _submit(
    function: Callable[[list[T]], list[R]], chunks: list[list[T]], workers: Pool
) -> Iterator[list[R]] | None:
    """The chunks handed to the worker processes now (their results, in order, as they come),
    or None when they are done here (too few items, or the processes cannot start)."""
    try:
        executor = workers.executor(sum(len(chunk) for chunk in chunks))
        return None if executor is None else executor.map(function, chunks)
    except (OSError, RuntimeError, BrokenProcessPool) as exc:
        log.warning("worker processes failed (%s); going on in this process", exc)
        workers.close()
        return None


def _results(
    function: Callable[[list[T]], list[R]],
    chunks: list[list[T]],
    submitted: Iterator[list[R]] | None,
    workers: Pool,
) -> Iterator[R]:
    """Each item's result, in order, from the worker processes or from this process; if the
    processes fail, the chunks they did not finish are computed here."""
    done = 0
    try:
        for result in submitted or ():
            yield from result
            done += 1
    except (OSError, RuntimeError, BrokenProcessPool) as exc:
        log.warning("worker processes failed (%s); going on in this process", exc)
        workers.close()
    for chunk in chunks[done:]:
        yield from function(chunk)
