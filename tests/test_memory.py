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


def test_freeze_survivors_keeps_objects_out_of_later_collections(fresh_python) -> None:
    printed = fresh_python(
        "import gc\n"
        "from helpers.memory import collection_paused\n"
        "with collection_paused():\n"
        "    assert not gc.isenabled()\n"
        "    kept = [[i] for i in range(1000)]\n"
        "print(gc.isenabled(), gc.get_freeze_count() >= 1000, kept[999] == [999])\n"
    )
    assert printed.split() == ["True", "True", "True"]


def test_collection_resumes_even_when_the_block_fails(fresh_python) -> None:
    printed = fresh_python(
        "import gc\n"
        "from helpers.memory import collection_paused\n"
        "try:\n"
        "    with collection_paused():\n"
        "        raise ValueError\n"
        "except ValueError:\n"
        "    pass\n"
        "print(gc.isenabled())\n"
    )
    assert printed.strip() == "True"
