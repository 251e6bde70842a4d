"""What a model is, as a short digest: the key of every cache that keeps a model's output.

A cache keyed by a model's name, or by the size of its weights file, returns old answers after the
model is fine-tuned, updated in place or moved to a newer hub revision. :func:`model_fingerprint`
names a model by its content instead, so the record cache, the taxonomy-vector cache and the
abstractive ``--model`` key change whenever the model does, and a copy of a model in another
folder is the same model.

What is covered:

* **A local folder**: every file a loader may read, by its path inside the folder and the
  SHA-256 of its bytes: weights (safetensors, GGUF, ONNX and its external data; pickle weights
  only where no safetensors file stands beside them, since the loaders then read the
  safetensors), config, tokenizer, generation config, chat template, sentence-transformers
  modules and pooling, spaCy components. Left out, because no loader here reads them: hidden
  files and folders (``.git``, ``.cache``), documentation and images, other frameworks'
  weights (TensorFlow ``.h5``, Flax ``.msgpack``, Rust ``.ot``), training state
  (``optimizer.pt``, ``training_args.bin``, ``checkpoint-*`` folders).
* **A single file**: a ``.gguf`` file is whole in itself (its tokenizer and config are inside).
  Any other file (an ``.onnx`` graph, a ``.safetensors`` file) is taken with the files beside it
  that are not other weights: its external data, config and tokenizer.
* **A Hugging Face hub id**: the commit that the local Hugging Face cache resolves the revision
  to (``main`` unless ``revision`` says otherwise), which stands for every file of the model at
  that revision. The cache is the one the loader used (``cache_dir``; by default that of
  ``HF_HUB_CACHE``/``HF_HOME``). No network call is ever made: a model is fingerprinted after it is loaded, so it
  is in the cache; a hub model that is not there is a :class:`~summarizer.errors.ModelError`
  rather than a guess (hashing nothing, or a snapshot of unknown revision, could return old
  records).

Hashing the 90 MB of the default model takes a fraction of a second, so each file's digest is
remembered by its real path, size, modification time (mtime), status-change time (ctime) and
inode: always within the process, and across processes in ``fingerprints.sqlite`` in the folder
that :func:`remember_in` names (the pipeline names its cache folder; with ``--no-cache`` nothing
is written). A file modified less than two seconds before it is hashed is not remembered, since a
second write within the same clock tick would leave all of these unchanged.

The limit of a memo by file metadata: a rewrite that keeps the size and puts back every one of
these values is not seen. On Linux and macOS the ctime cannot be set back by a program (setting
the mtime back moves the ctime forward), so an in-place rewrite is always seen there; on Windows
Python reports the creation time as ctime, and a same-size rewrite that also restores the mtime
is not seen. Deleting ``fingerprints.sqlite`` (or the cache folder) makes every model be hashed
again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import ModelError, NotInstalledError

log = logging.getLogger(__name__)

MEMO_FILE = "fingerprints.sqlite"
#: Hex digits of a fingerprint: 64 bits, plenty to tell a handful of models apart.
DIGEST_CHARS = 16
#: Bump when what a fingerprint covers changes, so that keys made the old way are not reused.
RECIPE = "model-fingerprint-v1"

#: Pickle weights (they may run code when loaded, but hashing their bytes is harmless).
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle")
#: Files of a training run that no loader reads as weights.
TRAINING_STATE_FILES = frozenset({"training_args.bin", "optimizer.pt", "scheduler.pt", "rng_state.pth", "scaler.pt"})
_WEIGHT_SUFFIXES = frozenset({".safetensors", ".gguf", ".onnx", *PICKLE_SUFFIXES})
#: Files that change no loaded model: documentation, images, and weights of other frameworks.
_UNREAD_SUFFIXES = frozenset({".md", ".rst", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
                              ".h5", ".msgpack", ".ot", ".tflite", ".keras"})
#: A file modified less than this (ns) before it is hashed may change again within the same clock tick, its
#: metadata unchanged: it is not remembered.
_SETTLE_NS = 2_000_000_000

_MEMO_FOLDER: ContextVar[Path | None] = ContextVar("summarizer_fingerprint_memo", default=None)
_SEEN: dict[tuple[str, tuple[int, ...]], str] = {}  # (real path, stat signature) -> SHA-256, this process
_SEEN_LOCK = threading.Lock()


@contextmanager
def remember_in(folder: Path | None) -> Iterator[None]:
    """Within this block, :func:`model_fingerprint` keeps file digests in ``folder/fingerprints.sqlite``
    (None: in this process only), so that a new process need not hash the same weights again."""
    token = _MEMO_FOLDER.set(folder)
    try:
        yield
    finally:
        _MEMO_FOLDER.reset(token)


def model_fingerprint(path_or_name: str | os.PathLike, *, revision: str | None = None,
                      cache_dir: str | os.PathLike | None = None) -> str:
    """A short hex digest that changes whenever the model does: a local folder or file by the content of
    its weights, tokenizer and config files; a hub id by the commit of ``revision`` (default ``main``)
    in the local Hugging Face cache (``cache_dir``, by default the one of ``HF_HUB_CACHE``/``HF_HOME``;
    sentence-transformers uses ``SENTENCE_TRANSFORMERS_HOME`` instead when it is set). See the module's
    docstring for what is covered and the limit of the memo. Raises ModelError for a hub id not in that
    cache, or a name that is neither a path nor a hub id.
    """
    name = os.fspath(path_or_name)
    path = Path(name).expanduser()
    if path.exists():
        try:
            if path.is_dir():
                what = ["folder", _digests(path, sorted(_folder_files(path)))]
            else:
                files = [path.name] if path.suffix.lower() == ".gguf" else sorted(_beside(path))
                what = ["file", path.suffix.lower(), _digests(path.parent, files)]
        except OSError as exc:
            raise ModelError(f"could not read the files of the model '{name}' to tell which model it is "
                             f"({exc.strerror or exc}: {exc.filename or name})") from exc
    else:
        what = ["hub", name, _hub_commit(name, revision, cache_dir)]
    blob = json.dumps([RECIPE, what], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_CHARS]


# --------------------------------------------------------------------------- which files


def _read_by_loaders(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() not in _UNREAD_SUFFIXES \
        and name not in TRAINING_STATE_FILES


def _folder_files(root: Path) -> Iterator[str]:
    """Paths (relative, with '/') of the files under ``root`` that a loader may read."""
    for folder, dirs, names in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.startswith("checkpoint-"))
        has_safetensors = any(n.endswith(".safetensors") for n in names)
        rel = Path(folder).relative_to(root)
        for n in names:
            if not _read_by_loaders(n) or not os.path.isfile(os.path.join(folder, n)):
                continue  # unread, or not a file (a broken link, a socket)
            if has_safetensors and Path(n).suffix.lower() in PICKLE_SUFFIXES:
                continue  # the loaders read the safetensors beside it
            yield (rel / n).as_posix()


def _beside(path: Path) -> Iterator[str]:
    """``path``'s name, and the names of the files beside it that are not weights of their own."""
    yield path.name
    for other in path.parent.iterdir():
        if other == path or not other.is_file() or not _read_by_loaders(other.name):
            continue
        if other.suffix.lower() not in _WEIGHT_SUFFIXES:
            yield other.name


# --------------------------------------------------------------------------- hub ids


def _hub_commit(name: str, revision: str | None, cache_dir: str | os.PathLike | None) -> str:
    """The commit that the local Hugging Face cache resolves ``revision`` of ``name`` to (never the network)."""
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.utils import HFValidationError, LocalEntryNotFoundError
    except ImportError as exc:  # pragma: no cover - a dependency of transformers
        raise NotInstalledError("huggingface-hub", "Identifying Hugging Face hub models") from exc
    try:
        folder = snapshot_download(name, revision=revision, cache_dir=None if cache_dir is None else os.fspath(cache_dir),
                                   local_files_only=True)
    except HFValidationError:
        raise ModelError(f"the model '{name}' is neither an existing file or folder nor a Hugging Face hub id "
                         "(such as facebook/bart-large-cnn)") from None
    except (LocalEntryNotFoundError, OSError, ValueError) as exc:
        which = f"its revision '{revision}'" if revision else "its main revision"
        where = f" in {cache_dir}" if cache_dir else ""
        raise ModelError(f"cannot tell which version of the hub model '{name}' is meant: {which} is not in the local "
                         f"Hugging Face cache{where}, and the caches of summarizer need it to keep the records of "
                         f"one version from another. Download it once with network access (hf download {name}), "
                         "or give the path of a local model folder") from exc
    return Path(folder).name  # snapshots/<commit>


# --------------------------------------------------------------------------- file digests and their memo


def _digests(root: Path, names: list[str]) -> list[list[str]]:
    """[relative path, SHA-256] of each file, from the memo where its metadata are unchanged."""
    memo: _Memo | None = None
    out = []
    try:
        for name in names:
            path = os.path.realpath(root / name)
            signature = _signature(path)
            with _SEEN_LOCK:
                digest = _SEEN.get((path, signature))
            if digest is None:
                if memo is None:
                    memo = _Memo(_MEMO_FOLDER.get())
                digest = memo.get(path, signature)
                if digest is None:
                    digest = _sha256(path)
                    if _signature(path) != signature or not _settled(signature):
                        out.append([name, digest])
                        continue  # changed while read, or may still change unseen: hash it again next time
                    memo.put(path, signature, digest)
                with _SEEN_LOCK:
                    _SEEN[(path, signature)] = digest
            out.append([name, digest])
    finally:
        if memo is not None:
            memo.close()
    return out


def _signature(path: str) -> tuple[int, ...]:
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _settled(signature: tuple[int, ...]) -> bool:
    return time.time_ns() - signature[1] > _SETTLE_NS


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _Memo:
    """Digests by real path and stat signature in ``folder/fingerprints.sqlite``; any failure turns it off
    (the digest is then computed, never wrong)."""

    def __init__(self, folder: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / MEMO_FILE, timeout=10, isolation_level=None)
            self._db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, signature TEXT NOT NULL, "
                             "digest TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._off(exc)

    def get(self, path: str, signature: tuple[int, ...]) -> str | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT signature, digest FROM files WHERE path = ?", (path,)).fetchone()
        except sqlite3.Error as exc:
            self._off(exc)
            return None
        return row[1] if row is not None and row[0] == json.dumps(signature) else None

    def put(self, path: str, signature: tuple[int, ...], digest: str) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO files (path, signature, digest) VALUES (?, ?, ?)",
                             (path, json.dumps(signature), digest))
        except sqlite3.Error as exc:
            self._off(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _off(self, exc: BaseException) -> None:
        log.debug("model fingerprints are not remembered on disk (%s)", exc)
        self.close()
