"""A cache of finished records, so that running the same articles again costs no model work.

Records live in one SQLite file (``results.sqlite`` in the cache folder). The key of a record is
a hash of the article's content (text, title, date, byline, url and the reader's warnings) and of
everything else its record depends on: the settings that change results, the identities of the
models, and summarizer's own code and data (taxonomy included). A model's identity is what it is,
not what it is called (:mod:`summarizer.fingerprint`): a digest of its weights, tokenizer and config
files, or its hub commit. Change any of them and the article is computed again; the same model
under another name or in another folder finds the same records. The id and source of a record are not part of the key:
the same text under another file name is found too, and gets its own id and source back.

The file keeps to a size (``Settings.result_cache_mb``): beyond it, the records stored first are
dropped, and SQLite reuses their pages; a file far larger than its records (made before the
limit, or under a higher one) is compacted. The write-ahead log beside it stays under 8 MB.

Only successful records are kept; a failure is always tried again. The cache never makes a run
fail: a file that cannot be opened, read or written is reported once and the run goes on
without it. Deleting the file is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path

from .records import Article, Result

log = logging.getLogger(__name__)

FILE_NAME = "results.sqlite"

#: Settings that do not change a record: where caches live, how work is batched, what is refused; and the
#: names of the models, which their identities replace.
_NOT_IN_KEY = {"cache_dir", "use_cache", "result_cache", "result_cache_mb", "batch_size", "jobs", "max_input_bytes",
               "allow_pickle", "embedder", "model"}


@functools.cache
def code_digest() -> str:
    """A digest of summarizer's own modules and data files, so that a changed install never reuses old records."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".jsonl", ".npz") and p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_WAL_LIMIT = 8_000_000  # bytes: SQLite's write-ahead log beside the file


def settings_key(settings: object, identities: Iterable[str]) -> str:
    """A digest of the settings that change a record and of the models' identities."""
    wanted = {f.name: getattr(settings, f.name) for f in fields(settings)  # type: ignore[arg-type]
              if f.name not in _NOT_IN_KEY}
    blob = json.dumps([wanted, list(identities)], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def article_key(article: Article, settings_digest: str) -> str:
    content = [article.text, article.title, article.date, article.byline, article.url, list(article.warnings)]
    blob = json.dumps([settings_digest, content], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """Finished records by key, in a SQLite file; every failure turns the cache off, never the run."""

    def __init__(self, folder: Path, settings_digest: str, max_bytes: int | None = None) -> None:
        self.path = folder / FILE_NAME
        self.settings_digest = settings_digest  # see settings_key: what every record of this run depends on
        self.max_bytes = max_bytes
        self._db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA journal_size_limit={_WAL_LIMIT}")  # the log is cut back to this after a checkpoint
            db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, record TEXT NOT NULL)")
            self._db = db
        except (OSError, sqlite3.Error) as exc:
            self._disable(f"could not open the result cache {self.path} ({exc}); running without it")

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _disable(self, message: str) -> None:
        log.warning("%s", message)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def key(self, article: Article) -> str:
        return article_key(article, self.settings_digest)

    def get_many(self, keys: Sequence[str]) -> dict[str, dict]:
        """The stored records (as dicts, without id and source) of those keys that are present."""
        if self._db is None or not keys:
            return {}
        found: dict[str, dict] = {}
        try:
            for start in range(0, len(keys), 500):  # SQLite limits the number of parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, record in self._db.execute(f"SELECT key, record FROM records WHERE key IN ({marks})", chunk):
                    found[key] = json.loads(record)
        except (sqlite3.Error, ValueError) as exc:
            self._disable(f"could not read the result cache {self.path} ({exc}); running without it")
            return {}
        return found

    def put_many(self, items: Sequence[tuple[str, Result]]) -> None:
        if self._db is None or not items:
            return
        rows = []
        for key, result in items:
            record = result.to_dict()
            del record["id"], record["source"]
            rows.append((key, json.dumps(record, ensure_ascii=False)))
        try:
            with self._db:  # one transaction per batch
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO records (key, record) VALUES (?, ?)", rows)
            if self.max_bytes is not None and self.used_bytes() > self.max_bytes:
                self._shrink(self.max_bytes)
        except sqlite3.Error as exc:
            self._disable(f"could not write to the result cache {self.path} ({exc}); running without it")

    def used_bytes(self) -> int:
        """The bytes of the database's pages in use (free pages left by dropped records not counted)."""
        if self._db is None:
            return 0
        pages = self._db.execute("PRAGMA page_count").fetchone()[0] - self._db.execute("PRAGMA freelist_count").fetchone()[0]
        return int(pages * self._db.execute("PRAGMA page_size").fetchone()[0])

    def _shrink(self, limit: int) -> None:
        """Drop the records stored first until the rest take at most 90% of ``limit``.

        The file keeps its size and reuses the freed pages for new records, so it stays about
        ``limit`` large.
        """
        assert self._db is not None
        target = int(limit * 0.9)
        used = self.used_bytes()
        while used > target:
            count = self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
            if not count:
                break
            n = max(1, int(count * (used - target) / used) + 1)
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM records WHERE rowid IN "
                                 "(SELECT rowid FROM records ORDER BY rowid LIMIT ?)", (n,))
            used = self.used_bytes()
        free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
        if free > self._db.execute("PRAGMA page_count").fetchone()[0] // 4:
            # Much more room than records (a cache from before the limit, or a lower limit): give it back.
            try:
                self._db.execute("VACUUM")
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file shrinks when the log is copied back
            except sqlite3.Error as exc:  # e.g. no room for its temporary copy: the space is reused anyway
                log.debug("could not compact the result cache %s (%s)", self.path, exc)
        log.debug("result cache %s: the oldest records were dropped; %d bytes in use", self.path, used)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def restore(record: dict, article: Article) -> Result:
    """The Result of a stored record, with the id and source of the article at hand."""
    return Result.from_dict({**record, "id": article.id, "source": article.source})
