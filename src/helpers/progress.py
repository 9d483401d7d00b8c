"""Progress for per-article loops: tqdm in Jupyter and terminals, plain lines in batch logs
(on stdout, which the pipeline logs at INFO; stderr is for warnings)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
# Set by the pipeline for the notebooks it runs: their output goes to a log, not a screen.
BATCH_ENV = "BRIEFING_BATCH"


def _fmt(seconds: float) -> str:
    """Seconds as 1m05s or 4.2s."""
    return f"{int(seconds // 60)}m{int(seconds % 60):02d}s" if seconds >= 60 else f"{seconds:.1f}s"


def progress(items: Iterable[T], desc: str, total: int | None = None) -> Iterator[T]:
    """Iterate items while reporting count, rate and ETA, readable in any output."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if not os.environ.get(BATCH_ENV):
        from tqdm.auto import tqdm

        yield from tqdm(items, desc=desc, total=total, mininterval=0.5)
        return
    start = time.perf_counter()
    step = max(1, (total or 0) // 10)
    for done, item in enumerate(items, start=1):
        yield item
        if done % step == 0 or done == total:
            elapsed = time.perf_counter() - start
            eta = elapsed / done * (total - done) if total else 0.0
            of = f"/{total}" if total else ""
            print(
                f"{desc}: {done}{of} elapsed {_fmt(elapsed)} ETA {_fmt(eta)}",
                file=sys.stdout,
                flush=True,
            )
