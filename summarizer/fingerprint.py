"""A digest of a model's files, for cache keys that say what a model is, not what it is called.

A minimal stand-in: the full version (weights, tokenizer and config files, hub revisions) comes
from the cache-keys work and replaces this file; the signature is the same.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def model_fingerprint(path_or_name: str | Path, *, revision: str | None = None) -> str:
    """A sha256 hex digest of a local model folder's files (names and contents, in a fixed order).

    For a name that is not a local folder (a hub id), the digest of the name and ``revision``.
    """
    digest = hashlib.sha256()
    path = Path(path_or_name).expanduser()
    if not path.is_dir():
        digest.update(f"{path_or_name}@{revision or ''}".encode())
        return digest.hexdigest()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode() + b"\0")
        with file.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()
