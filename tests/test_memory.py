"""Memory a finished stage freed goes back to the system."""

from __future__ import annotations

import gc

import psutil

from helpers.memory import release_freed_memory


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def test_release_keeps_live_objects_and_does_not_grow_the_process() -> None:
    live = {i: str(i) * 3 for i in range(100_000)}
    freed = [bytearray(1000) for _ in range(100_000)]  # ~100 MB of small heap blocks
    del freed
    gc.collect()
    before = _rss_mb()
    release_freed_memory()
    assert _rss_mb() <= before + 1
    assert live[99_999] == "999999999999999"
