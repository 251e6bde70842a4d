"""The story store: an SQLite file that keeps the analysed articles and the stories they were gathered
into, so that tomorrow's articles join today's stories (``summarizer digest --store FILE``).

Each article is kept with what :class:`~summarizer.stories.article.StoryArticle` holds (vectors as
float16 blobs) and the id of its story. A run adds its new articles in one transaction, taken with
``BEGIN IMMEDIATE`` before anything is read: a second run on the same store waits for the first
(``timeout`` seconds), then fails with :class:`StoreError`, and a run that is interrupted or fails
leaves the store exactly as it was. Stories are gathered by :func:`~summarizer.stories.digest.build`
with the stored stories fixed: new articles join them through the same neighbour search, or make
stories of their own, and two stored stories are never merged.

An article already stored (same id, same content) is skipped; one stored under its id with other
content replaces it and keeps its story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import SummarizerError
from ..records import Entity, Topic, from_plain
from .article import StoryArticle, pack_vectors, unpack_vectors
from .digest import Digest, Failure, build
from .group import DEFAULT_STORY, StoryWeights

SCHEMA_VERSION = 1
"""The layout of the store's tables; a store of another version is refused (never guessed at)."""

KIND = "summarizer story store"
"""The ``kind`` in a store's meta table: tells our file from another SQLite database."""

DEFAULT_TIMEOUT = 60.0
"""Seconds a run waits for another run on the same store to finish before it gives up."""

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,            -- the order articles were stored in
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,                 -- content_hash(): an article stored again unchanged is skipped
    input_hash TEXT,                    -- input_hash() of the article as read, when it came from an input
    story TEXT,                         -- its story's id (for a near-duplicate, the story of the article kept)
    added TEXT NOT NULL,                -- UTC time of the run that stored it
    source TEXT NOT NULL,
    title TEXT,
    date TEXT,
    url TEXT,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,            -- JSON list of strings
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,               -- dim little-endian float16
    sentence_vectors BLOB NOT NULL,     -- len(sentences) x dim little-endian float16
    entities TEXT NOT NULL,             -- JSON, as in the record
    topics TEXT NOT NULL,               -- JSON, as in the record
    date_mentions TEXT NOT NULL         -- JSON list of [sentence index, text]
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    articles INTEGER NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
"""


class StoreError(SummarizerError):
    """The story store cannot be used: in use by another run, made by another embedder or version, or not
    a story store at all. The message names the file."""


@dataclass(frozen=True)
class StoryChange:
    """A story that got new articles in a run (or was made by it)."""

    id: str
    label: str
    added: tuple[str, ...]
    """Ids of the articles this run added to it (near-duplicates not counted)."""
    articles: int
    """Its articles now."""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "label": self.label, "added": list(self.added), "articles": self.articles}


@dataclass(frozen=True)
class DuplicateNote:
    """A new article that is a near-duplicate of another."""

    id: str
    of: str
    stored: bool
    """True: ``of`` was already in the store; False: it came in the same run."""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "of": self.of, "stored": self.stored}


@dataclass(frozen=True)
class StoreChanges:
    """What a run changed in the store (see :meth:`format` for the short report)."""

    store: str
    added: tuple[str, ...] = ()
    """Articles stored by this run (near-duplicates included)."""
    new_stories: tuple[StoryChange, ...] = ()
    grown: tuple[StoryChange, ...] = ()
    duplicates: tuple[DuplicateNote, ...] = ()
    skipped: tuple[str, ...] = ()
    """Articles already in the store with the same content (or repeated in this run): nothing done."""
    updated: tuple[str, ...] = ()
    """Articles stored before under the same id with other content: replaced, in the same story."""
    failed: int = 0
    articles: int = 0
    """Articles in the store after the run."""
    stories: int = 0
    """Stories in the store after the run."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def to_dict(self) -> dict[str, object]:
        return {"store": self.store, "added": list(self.added), "new_stories": [s.to_dict() for s in self.new_stories],
                "grown": [s.to_dict() for s in self.grown], "duplicates": [d.to_dict() for d in self.duplicates],
                "skipped": list(self.skipped), "updated": list(self.updated), "failed": self.failed,
                "articles": self.articles, "stories": self.stories}

    def format(self, shown: int = 10) -> str:
        """The change report: a line of figures, then the stories that grew, the new ones and the duplicates."""
        head = (f"{self.store}: {len(self.added)} article(s) added, {len(self.skipped)} already stored, "
                f"{len(self.updated)} updated, {len(self.duplicates)} near-duplicate(s), {self.failed} failed; "
                f"now {self.articles} article(s) in {self.stories} story(ies)")
        lines = [head]
        if not self.changed:
            lines.append("  nothing new: the store is unchanged")
        for title, changes in (("grew", self.grown), ("new", self.new_stories)):
            for s in changes[:shown]:
                lines.append(f"  {title:<5} {s.id}  +{len(s.added)} -> {s.articles} article(s)  {_short(s.label)}")
            if len(changes) > shown:
                lines.append(f"  ... and {len(changes) - shown} more {title} story(ies)")
        for d in self.duplicates[:shown]:
            lines.append(f"  copy  {d.id} of {d.of} ({'stored' if d.stored else 'in this run'})")
        if len(self.duplicates) > shown:
            lines.append(f"  ... and {len(self.duplicates) - shown} more near-duplicate(s)")
        return "\n".join(lines)


@dataclass(frozen=True)
class StoreUpdate:
    """What :meth:`summarizer.Summarizer.update_store` returns: the digest of the whole store, and what changed."""

    digest: Digest
    changes: StoreChanges


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def content_hash(article: StoryArticle) -> str:
    """What makes an article the same one again: its cleaned text, title, date and address."""
    blob = json.dumps([article.text, article.title, article.date, article.url], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def input_hash(text: str, title: str | None, date: str | None, url: str | None) -> str:
    """The same for an article as read, before any model: a rerun skips it without analysing it again."""
    blob = json.dumps(["input", text, title, date, url], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


class StoryStore:
    """One story store file. Nothing is opened until it is used; every method opens and closes its own
    connection, so an instance holds no lock between calls."""

    def __init__(self, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout

    # -- reading --------------------------------------------------------------------------------------
    def check(self, embedder: str | None = None) -> None:
        """Raise StoreError now if the store cannot take articles of ``embedder`` (a missing file is fine)."""
        if not self.path.exists():
            return
        with self._connect() as db:
            self._check(db, embedder, create=False)

    def embedder(self) -> str | None:
        """The identity of the embedder whose vectors the store holds (None for a new or empty store)."""
        if not self.path.exists():
            return None
        with self._connect() as db:
            return self._meta(db).get("embedder") if self._check(db, None, create=False) else None

    def input_hashes(self) -> dict[str, str]:
        """Article id -> :func:`input_hash` of the stored articles that came from inputs."""
        if not self.path.exists():
            return {}
        with self._connect() as db:
            if not self._check(db, None, create=False):
                return {}
            return dict(db.execute("SELECT id, input_hash FROM articles WHERE input_hash IS NOT NULL"))

    def digest(self, *, story: StoryWeights = DEFAULT_STORY) -> Digest:
        """The digest of every stored article, in the stored stories."""
        if not self.path.exists():
            return build([], story=story, fixed={})
        with self._connect() as db:
            self._check(db, None, create=False)
            stored = list(self._articles(db))
        return build([a for a, _row in stored], story=story, fixed={a.id: row["story"] for a, row in stored
                                                                   if row["story"]})

    # -- adding ---------------------------------------------------------------------------------------
    def update(self, articles: Sequence[StoryArticle], failures: Sequence[Failure] = (), *, embedder: str | None,
               story: StoryWeights = DEFAULT_STORY, skipped: Sequence[str] = (),
               input_hashes: Mapping[str, str] | None = None) -> tuple[Digest, StoreChanges]:
        """Add ``articles`` (analysed by the model ``embedder``) to the store, in one transaction, and return
        the digest of the whole store with what changed. ``skipped``: ids the caller already found stored
        (by :meth:`input_hashes`); ``input_hashes``: id -> :func:`input_hash` of the articles given."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        input_hashes = input_hashes or {}
        with self._connect() as db, self._transaction(db):
            self._check(db, embedder if articles else None, create=True)
            if articles and embedder is not None and self._meta(db).get("embedder") is None:
                db.execute("INSERT INTO meta (key, value) VALUES ('embedder', ?)", (embedder,))
            stored = list(self._articles(db))
            by_id = {a.id: (a, row) for a, row in stored}
            known_stories = {sid for (sid,) in db.execute("SELECT id FROM stories")}
            skipped_ids = list(skipped)
            new: list[StoryArticle] = []
            updated: list[str] = []
            seen: set[str] = set()
            for article in articles:
                article = _as_stored(article)
                digest_of = content_hash(article)
                if article.id in seen or (article.id in by_id and by_id[article.id][1]["hash"] == digest_of):
                    skipped_ids.append(article.id)
                    continue
                seen.add(article.id)
                if article.id in by_id:
                    updated.append(article.id)
                new.append(article)
            old = [a for a, _row in stored if a.id not in set(updated)]
            fixed = {a.id: row["story"] for a, row in stored if row["story"]}
            everything = old + new
            found = build(everything, failures, story=story, fixed=fixed)
            story_of = _stories_of(found)
            new_ids = {a.id for a in new} - set(updated)
            for article in new:
                if article.id in by_id:
                    db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                db.execute(
                    "INSERT INTO articles (id, hash, input_hash, story, added, source, title, date, url, text, "
                    "sentences, dim, vector, sentence_vectors, entities, topics, date_mentions) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _row(article, story_of.get(article.id),
                                                                            now, input_hashes.get(article.id)))
            for a, row in stored:
                if story_of.get(a.id) != row["story"] and a.id not in updated:
                    db.execute("UPDATE articles SET story = ? WHERE id = ?", (story_of.get(a.id), a.id))
            duplicates = _duplicate_notes(found, new_ids)
            copies = {d.id for d in duplicates}
            grown, made = [], []
            for s in found.stories:
                added = tuple(m.id for m in s.articles if m.id in new_ids and m.id not in copies)
                total = len(s.articles) + sum(len(m.duplicates) for m in s.articles)
                if s.id in known_stories:
                    db.execute("UPDATE stories SET label = ?, articles = ?, updated = ? WHERE id = ?",
                               (s.label, total, now if added else _updated(db, s.id), s.id))
                    if added:
                        grown.append(StoryChange(s.id, s.label, added, total))
                else:
                    db.execute("INSERT INTO stories (id, label, articles, created, updated) VALUES (?, ?, ?, ?, ?)",
                               (s.id, s.label, total, now, now))
                    made.append(StoryChange(s.id, s.label, added, total))
            gone = known_stories - {s.id for s in found.stories}
            db.executemany("DELETE FROM stories WHERE id = ?", [(sid,) for sid in sorted(gone)])
            changes = StoreChanges(
                store=str(self.path), added=tuple(a.id for a in new if a.id in new_ids), new_stories=tuple(made),
                grown=tuple(grown), duplicates=tuple(duplicates), skipped=tuple(skipped_ids), updated=tuple(updated),
                failed=len(failures), articles=len(everything), stories=len(found.stories))
        return found, changes

    # -- the file -------------------------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the story store {self.path}: {exc}") from exc
        db.row_factory = sqlite3.Row
        try:
            yield db
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._explain(exc)) from exc
        finally:
            db.close()

    @contextmanager
    def _transaction(self, db: sqlite3.Connection) -> Iterator[None]:
        """BEGIN IMMEDIATE (the write lock first, so two runs never both read then write), COMMIT when the block
        ends, ROLLBACK when it raises (Ctrl-C included)."""
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(self._explain(exc)) from exc
        try:
            yield
        except BaseException:
            db.rollback()
            raise
        db.commit()

    def _explain(self, exc: sqlite3.Error) -> str:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return (f"the story store {self.path} is in use by another run, which did not finish within "
                    f"{self.timeout:g} s; try again when it has finished")
        if "not a database" in text or "malformed" in text:
            return f"{self.path} is not a story store (SQLite says: {text})"
        return f"the story store {self.path} cannot be used: {text}"

    def _meta(self, db: sqlite3.Connection) -> dict[str, str]:
        return dict(db.execute("SELECT key, value FROM meta").fetchall())

    def _check(self, db: sqlite3.Connection, embedder: str | None, *, create: bool) -> bool:
        """Check the store's kind, version and embedder; make the tables of a new one when ``create``. False
        for an empty file that has no tables yet."""
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if not create:
                return False
            for statement in _TABLES.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                           [("kind", KIND), ("schema_version", str(SCHEMA_VERSION)),
                            ("created", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))])
            return True
        if "meta" not in tables:
            raise StoreError(f"{self.path} is an SQLite file but not a story store (it has no meta table); give "
                             "--store a new file name or a store an earlier 'summarizer digest --store' made")
        meta = self._meta(db)
        if meta.get("kind") != KIND:
            raise StoreError(f"{self.path} is an SQLite file but not a story store")
        version = meta.get("schema_version")
        if version != str(SCHEMA_VERSION):
            raise StoreError(f"the story store {self.path} has layout version {version}, and this summarizer reads "
                             f"only version {SCHEMA_VERSION}; use the summarizer version that made it, or start a "
                             "new store")
        stored = meta.get("embedder")
        if embedder is not None and stored is not None and stored != embedder:
            raise StoreError(f"the story store {self.path} holds vectors of the embedder {stored!r}, not of "
                             f"{embedder!r}; vectors of two models cannot be compared. Use --embedder with the "
                             "store's model, or start a new store")
        return True

    def _articles(self, db: sqlite3.Connection) -> Iterator[tuple[StoryArticle, sqlite3.Row]]:
        if "articles" not in {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}:
            return
        for row in db.execute("SELECT * FROM articles ORDER BY seq"):
            yield StoryArticle(
                id=row["id"], source=row["source"], text=row["text"], sentences=tuple(json.loads(row["sentences"])),
                sentence_vectors=unpack_vectors(row["sentence_vectors"], row["dim"]),
                vector=unpack_vectors(row["vector"], row["dim"])[0], title=row["title"], date=row["date"],
                url=row["url"], entities=from_plain(tuple[Entity, ...], json.loads(row["entities"])),
                topics=from_plain(tuple[Topic, ...], json.loads(row["topics"])),
                date_mentions=tuple((int(i), str(t)) for i, t in json.loads(row["date_mentions"]))), row


def _updated(db: sqlite3.Connection, story_id: str) -> str:
    return str(db.execute("SELECT updated FROM stories WHERE id = ?", (story_id,)).fetchone()[0])


def _as_stored(article: StoryArticle) -> StoryArticle:
    """The article with its vectors as the store gives them back (float16), so that this run's digest is the
    one the next run makes from the store."""
    dim = int(article.vector.shape[-1])
    return replace(article, vector=unpack_vectors(pack_vectors(article.vector), dim)[0],
                   sentence_vectors=unpack_vectors(pack_vectors(article.sentence_vectors), dim))


def _row(a: StoryArticle, story: str | None, now: str, from_input: str | None) -> tuple[Any, ...]:
    import base64

    def blob(vectors: Any) -> bytes:
        return base64.b64decode(pack_vectors(vectors))

    return (a.id, content_hash(a), from_input, story, now, a.source, a.title, a.date, a.url, a.text,
            json.dumps(list(a.sentences), ensure_ascii=False), int(a.vector.shape[-1]), blob(a.vector),
            blob(a.sentence_vectors), json.dumps([e.to_dict() for e in a.entities], ensure_ascii=False),
            json.dumps([t.to_dict() for t in a.topics], ensure_ascii=False),
            json.dumps([list(m) for m in a.date_mentions], ensure_ascii=False))


def _stories_of(found: Digest) -> dict[str, str]:
    """Article id -> story id, near-duplicates in the story of the article kept for them."""
    out = {}
    for s in found.stories:
        for m in s.articles:
            out[m.id] = s.id
            for d in m.duplicates:
                out[d.id] = s.id
    return out


def _duplicate_notes(found: Digest, new_ids: set[str]) -> list[DuplicateNote]:
    """Each new article that is a near-duplicate, with the article it copies. A new article kept for a group
    (the fullest copy) is noted as a copy of a stored one, if the group has one."""
    notes = []
    for g in found.duplicates:
        for copy in g.copies:
            if copy.id in new_ids:
                notes.append(DuplicateNote(copy.id, g.kept, g.kept not in new_ids))
        stored = [c.id for c in g.copies if c.id not in new_ids]
        if g.kept in new_ids and stored:
            notes.append(DuplicateNote(g.kept, stored[0], True))
    return notes
