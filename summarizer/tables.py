"""Tables derived from a dependency's data, kept as JSON in the cache folder.

Some lists the stages read (wordfreq's word frequencies, GeoNames' towns) take a package's whole data to
build, which a new process would pay on its first article: half a second to a second of CPU and, for the
towns, a hundred megabytes of parsed JSON. The table built from them is written once to the cache folder
and loads in milliseconds afterwards. The file's name carries the package's version and the table's layout,
so another release of the data, or another shape of the table, builds a new file; a file that cannot be read
(cut short, not JSON) is built again, and a cache folder that cannot be written serves the table to this
process only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any


def cached_table(name: str, package: str, layout: int, build: Callable[[], Any]) -> Any:
    """The table ``name`` built by ``build()`` from ``package``'s data, read from the cache folder when there."""
    from .settings import default_cache_dir

    try:
        release = version(package)
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        release = "unknown"
    path = default_cache_dir() / f"{name}-{release}-{layout}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # not built yet, unreadable or cut short: build it again
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_text(json.dumps(table, separators=(",", ":")), encoding="utf-8")
        part.replace(path)
    except OSError:
        pass  # a read-only cache folder: the table serves this process only
    return table
