"""Give the memory a finished notebook freed back to the system: the four notebooks share
one kernel, whose footprint would otherwise stay at the largest any stage reached."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys


def release_freed_memory() -> None:
    """Collect garbage, then return freed heap pages to the system (glibc's malloc_trim)
    and pyarrow's unused buffers. Variables still referenced are not touched."""
    gc.collect()
    if "pyarrow" in sys.modules:
        sys.modules["pyarrow"].default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        # Not glibc (musl, say): nothing to trim.
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
