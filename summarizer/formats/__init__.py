"""Readers of inputs (files, folders, globs, stdin -> articles) and writers of results.

Both sides are registries of small modules:

* a reader is a module in this package with ``EXTENSIONS`` (file endings it reads), ``KIND``
  (its name for content sniffing) and ``read(source) -> Iterator[Article | InputFailure]``;
  list it in :data:`READER_MODULES`;
* a writer is a :class:`~summarizer.formats.base.Writer` subclass; list it in :data:`WRITERS`.

Library code here never prints or exits: every problem with an input becomes an
:class:`~summarizer.records.InputFailure` and reading goes on with the next input.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Container, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import replace
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import BinaryIO, TextIO

from ..errors import InputError, UsageError
from ..records import Article, InputFailure
from .base import STDIN_NAME, ReadItem, Source, Writer, prefixed_stream
from .sniff import read_head, sniff_kind
from .url import DEFAULT_CONCURRENCY, Download, UrlFetcher, is_url, url_id

__all__ = [
    "DEFAULT_FORMAT",
    "FORMAT_NAMES",
    "OUTPUT_EXTENSIONS",
    "READER_MODULES",
    "WRITERS",
    "Writer",
    "get_writer",
    "iter_inputs",
    "endings_help",
    "known_extensions",
    "output_format",
]

READER_MODULES: tuple[str, ...] = ("text", "html", "jsonl", "json")
"""Reader modules of this package, by module name."""

WRITERS: dict[str, str | type[Writer]] = {
    "text": "summarizer.formats.writers.text:TextWriter",
    "json": "summarizer.formats.writers.json:JsonWriter",
    "jsonl": "summarizer.formats.writers.jsonl:JsonlWriter",
    "markdown": "summarizer.formats.writers.markdown:MarkdownWriter",
    "csv": "summarizer.formats.writers.csv:CsvWriter",
}
"""Output format name -> Writer class, or ``"module:Class"`` imported on first use."""

FORMAT_NAMES: tuple[str, ...] = tuple(WRITERS)

OUTPUT_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}
"""Lower-case ending of an output file -> the output format it stands for (see :func:`output_format`).
One table for every command; a command that cannot write a format (``run`` writes no html, only
``digest`` does) refuses a file with its ending."""

DEFAULT_FORMAT = "text"

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


# --- writing -------------------------------------------------------------------------------


def get_writer(name: str, stream: TextIO, *, with_model: bool = False) -> Writer:
    """A writer of the output format ``name`` (one of :data:`FORMAT_NAMES`) on ``stream``; ``with_model``:
    the records come from a run with a generative model (see :class:`~summarizer.formats.base.Writer`)."""
    key = name.strip().lower()
    if key not in WRITERS:
        raise UsageError(f"unknown output format {name!r}; choose one of: {', '.join(FORMAT_NAMES)}")
    entry = WRITERS[key]
    if isinstance(entry, str):
        module_name, _, class_name = entry.partition(":")
        entry = getattr(import_module(module_name), class_name)
        WRITERS[key] = entry
    return entry(stream, with_model=with_model)


def output_format(fmt: str | None, output: str | None, formats: tuple[str, ...] = FORMAT_NAMES,
                  default: str = DEFAULT_FORMAT) -> str:
    """The output format of a command that writes ``formats``: ``fmt`` when given, else the one the
    ``output`` file's ending stands for (:data:`OUTPUT_EXTENSIONS`), else ``default``.

    A format that contradicts the ending (csv into ``x.json``) is a UsageError rather than a file whose
    name misleads whoever opens it; so is an ending that stands for a format the command cannot write.
    ``output`` None or ``-`` is standard output.
    """
    if fmt is not None and fmt.strip().lower() not in formats:
        raise UsageError(f"unknown output format {fmt!r}; choose one of: {', '.join(formats)}")
    ending = os.path.splitext(output)[1].lower() if output and output != STDIN else ""
    implied = OUTPUT_EXTENSIONS.get(ending)
    if implied is not None and implied not in formats:
        raise UsageError(f"the output file {output} ends in {ending}, which stands for {implied}, a format this "
                         f"command does not write; choose one of: {', '.join(formats)}, and name the file for it")
    if fmt is None:
        return implied or default
    chosen = fmt.strip().lower()
    if implied is not None and implied != chosen:
        raise UsageError(f"--format {chosen} does not fit the output file {output}, whose ending {ending} stands "
                         f"for {implied}; leave out --format to write {implied}, or name the file "
                         f"{_suggested_name(output, chosen)}")  # type: ignore[arg-type]
    return chosen


def endings_help(formats: tuple[str, ...] = FORMAT_NAMES) -> str:
    """The endings that choose each of ``formats``, for a --format help: "..., .md or .markdown: markdown"."""
    return ", ".join(f"{' or '.join(e for e, f in OUTPUT_EXTENSIONS.items() if f == name)}: {name}"
                     for name in dict.fromkeys(OUTPUT_EXTENSIONS.values()) if name in formats)


def _suggested_name(output: str, fmt: str) -> str:
    ending = next(ext for ext, name in OUTPUT_EXTENSIONS.items() if name == fmt)
    return os.path.splitext(output)[0] + ending


# --- reading -------------------------------------------------------------------------------


@cache
def _reader_modules() -> dict[str, ModuleType]:
    return {name: import_module(f"{__name__}.{name}") for name in READER_MODULES}


def readers_by_extension() -> dict[str, ModuleType]:
    """Lower-case file ending (".txt") -> reader module."""
    return {ext: module for module in _reader_modules().values() for ext in module.EXTENSIONS}


def _reader_by_kind(kind: str) -> ModuleType:
    for module in _reader_modules().values():
        if module.KIND == kind:
            return module
    raise LookupError(f"no reader for {kind!r}")  # pragma: no cover - registry bug


def known_extensions() -> tuple[str, ...]:
    """File endings read when walking folders (".txt", ".md", ...), from the reader registry."""
    return tuple(readers_by_extension())


URL_LOOKAHEAD = 2 * DEFAULT_CONCURRENCY
"""How many inputs ahead of the one being read web pages are already downloaded (in the background)."""


def iter_inputs(
    inputs: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = 20_000_000,
    urls: Sequence[str] = (),
    done: Container[str] = (),
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Article | InputFailure]:
    """Articles read from ``inputs``, then from ``urls``, in order, one at a time.

    Each input is a file, a folder (searched recursively, sorted, hidden entries skipped, only
    known file endings), a glob pattern (``*``, ``?``, ``[...]``, ``**``), ``-`` for ``stdin``
    (default: the process's standard input) or a web address. ``urls`` holds web addresses only
    (a URL list's lines): anything else in it is reported as not a web address, never read as a
    file. Web pages are downloaded several at a time (see :class:`~summarizer.formats.url.UrlFetcher`),
    up to :data:`URL_LOOKAHEAD` inputs ahead, and still come out in input order.

    Anything that cannot be read becomes an InputFailure; nothing is raised for a bad input.
    Ids are made unique within one call (a repeated id gets ``-2``, ``-3``... and a warning).

    Items whose id is in ``done`` (the records of an earlier run, see ``--resume``) are left out,
    and ``on_skip`` is told each one's id. A web address is known by its id before it is read, so
    a page already done is not downloaded again.
    """
    unique = _UniqueIds()
    entries = [(given, is_url(given)) for given in inputs] + [(address, True) for address in urls]
    downloads: dict[int, Future[Download]] = {}
    ahead = 0  # the next entry to start downloading, if it is a web address
    with UrlFetcher(max_bytes=max_bytes) as fetcher:  # its thread starts with the first web address
        for index, (given, web) in enumerate(entries):
            ahead = max(ahead, index)
            while ahead < min(len(entries), index + URL_LOOKAHEAD):
                address, is_web = entries[ahead]
                # Ahead of time the id is known up to a renaming by inputs not yet read: an address whose
                # plain id is done waits until its turn, when its id is sure.
                if is_web and url_id(address) not in done:
                    downloads[ahead] = fetcher.submit(address)
                ahead += 1
            if web:
                ident, renamed = unique.assign(url_id(given))
                download = downloads.pop(index, None)
                if ident in done:
                    if download is not None:
                        download.cancel()
                    if on_skip is not None:
                        on_skip(ident)
                    continue
                item = fetcher.result(given, download if download is not None else fetcher.submit(given))
                yield unique.rename(item, ident) if renamed else item
            else:
                for item in _iter_one(given, stdin, max_bytes):
                    item = unique(item)
                    if item.id in done:
                        if on_skip is not None:
                            on_skip(item.id)
                        continue
                    yield item


def _iter_one(given: str, stdin: BinaryIO | None, max_bytes: int) -> Iterator[ReadItem]:
    if given == STDIN:
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
    elif os.path.isdir(given):
        yield from _read_directory(given, max_bytes)
    elif os.path.lexists(given):
        yield from _read_file(given, max_bytes)
    elif _GLOB_CHARS & set(given):
        yield from _read_glob(given, max_bytes)
    else:
        yield InputFailure(id=_stem(given), source=given, error=f"{given}: no such file or directory")


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[ReadItem]:
    def source_for(opener: Callable[[], BinaryIO]) -> Source:
        return Source(name=STDIN_NAME, stem="stdin", suffix="", max_bytes=max_bytes, opener=opener)

    def run(source: Source) -> Iterator[ReadItem]:
        head = read_head(stream, max_bytes)
        sniffed = source_for(lambda: prefixed_stream(head, stream))
        yield from _reader_by_kind(sniff_kind(head)).read(sniffed)

    yield from _guarded(source_for(lambda: stream), run)


def _read_file(path: str, max_bytes: int) -> Iterator[ReadItem]:
    """One file; a file with an unknown ending is sniffed like standard input."""
    suffix = os.path.splitext(path)[1].lower()
    try:
        size: int | None = os.stat(path).st_size
    except OSError:
        size = None  # a broken link or similar: opening it will report the reason
    source = Source(
        name=path,
        stem=_stem(path),
        suffix=suffix,
        max_bytes=max_bytes,
        opener=lambda: open(path, "rb"),  # noqa: SIM115 - the reader closes it
        size=size,
    )
    reader = readers_by_extension().get(suffix)

    def run(source: Source) -> Iterator[ReadItem]:
        chosen = reader
        if chosen is None:
            with source.open() as stream:
                chosen = _reader_by_kind(sniff_kind(read_head(stream, max_bytes)))
        yield from chosen.read(source)

    yield from _guarded(source, run)


def _guarded(source: Source, run: Callable[[Source], Iterator[ReadItem]]) -> Iterator[ReadItem]:
    """Run a reader, turning any exception into an InputFailure for this input."""
    try:
        yield from run(source)
    except InputError as exc:
        yield source.failure(str(exc))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield source.failure(f"could not read {source.name} ({reason})")
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        yield source.failure(f"unexpected error while reading {source.name} ({type(exc).__name__}: {exc})")


def _read_directory(root: str, max_bytes: int) -> Iterator[ReadItem]:
    found = False
    for entry in _walk(root):
        found = True
        if isinstance(entry, InputFailure):
            yield entry
        else:
            yield from _read_file(entry, max_bytes)
    if not found:
        endings = " ".join(known_extensions())
        yield InputFailure(
            id=_stem(root),
            source=root,
            error=f"the folder {root} contains no article files "
            f"(looked for files ending in {endings}; hidden files are skipped)",
        )


def _walk(root: str, extensions: Container[str] | None = None, exclude: str | None = None
          ) -> Iterator[str | InputFailure]:
    """Article files under ``root`` (those whose lower-cased ending is in ``extensions``, by default
    every ending with a reader), sorted by path, skipping hidden entries and the folder or file whose
    absolute path is ``exclude``; a folder that cannot be listed becomes an InputFailure. Symbolic
    links to folders are not followed."""
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield InputFailure(
            id=_stem(root), source=root, error=f"could not list the folder {root} ({exc.strerror or exc})"
        )
        return
    if extensions is None:
        extensions = readers_by_extension()
    for entry in entries:
        if entry.name.startswith(".") or (exclude and os.path.abspath(entry.path) == exclude):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, extensions, exclude)
        elif os.path.splitext(entry.name)[1].lower() in extensions:
            yield entry.path


def _read_glob(pattern: str, max_bytes: int) -> Iterator[ReadItem]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputFailure(id=pattern, source=pattern, error=f"the pattern {pattern} matched no files")
        return
    # A file with an unknown ending is read only if the pattern asks for that ending ("*.log").
    asked = os.path.splitext(pattern)[1].lower()
    asked = asked if asked and not (_GLOB_CHARS & set(asked)) else ""
    extensions = readers_by_extension()
    seen: set[str] = set()
    found = False
    for match in matches:
        entries: Iterator[str | InputFailure]
        if os.path.isdir(match):
            entries = _walk(match)
        elif os.path.splitext(match)[1].lower() in extensions or (asked and match.lower().endswith(asked)):
            entries = iter([match])
        else:
            continue
        for entry in entries:
            if isinstance(entry, InputFailure):
                found = True
                yield entry
                continue
            key = os.path.normpath(entry)
            if key in seen:
                continue
            seen.add(key)
            found = True
            yield from _read_file(entry, max_bytes)
    if not found:
        yield InputFailure(
            id=pattern,
            source=pattern,
            error=f"the pattern {pattern} matched no article files (only files with other endings "
            f"or empty folders; article files end in {' '.join(known_extensions())})",
        )


def _stem(path: str) -> str:
    name = Path(path.rstrip("/\\") or path)
    return name.stem or name.name or "input"


class _UniqueIds:
    """Renames repeated ids (``x`` -> ``x-2``) so each output record has its own id."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, item: ReadItem) -> ReadItem:
        ident, renamed = self.assign(item.id)
        return self.rename(item, ident) if renamed else item

    def assign(self, ident: str) -> tuple[str, bool]:
        """The id an item called ``ident`` gets (taken from now on), and whether it is another one."""
        if ident not in self.seen:
            self.seen.add(ident)
            return ident, False
        number = 2
        while f"{ident}-{number}" in self.seen:
            number += 1
        new_id = f"{ident}-{number}"
        self.seen.add(new_id)
        return new_id, True

    @staticmethod
    def rename(item: ReadItem, new_id: str) -> ReadItem:
        """``item`` under the id :meth:`assign` gave it, an article with a warning saying why."""
        if isinstance(item, Article):
            note = f"the id {item.id!r} was already used by an earlier input, so this article is {new_id!r}"
            return replace(item, id=new_id, warnings=(*item.warnings, note))
        return replace(item, id=new_id)
