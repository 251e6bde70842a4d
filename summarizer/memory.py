"""Giving memory that the C allocator keeps but no longer uses back to the system."""

from __future__ import annotations

import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl, Windows)."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Give memory that is free but kept by the C allocator back to the system.

    Batches of different sizes leave glibc's arenas fragmented. In a long run that analysed in a
    second thread, the resident memory grew by about 270 kB per article (1.3 GB after 1,800
    articles of the BBC set, 1.74 GB after 3,500) while trimming showed under 0.5 GB in use.
    It takes under a millisecond.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
