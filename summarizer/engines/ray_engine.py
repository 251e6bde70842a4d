r"""Run the pipeline on Ray Data: one model-holding actor per worker, JSON Lines or Parquet in and out.

Two entry points:

* :func:`run_ray` reads JSON Lines (``.jsonl``, ``.ndjson``) or Parquet files, folders or glob
  patterns (local paths or ``s3://``-style URIs), summarises every article on a Ray cluster and
  writes the records into an output **folder** of ``part-*.jsonl`` or ``part-*.parquet`` files.
  ``summarizer run INPUT --engine ray --output FOLDER`` calls it.
* :func:`summarize_dataset` adds the summarising stage to a Ray Dataset you built yourself
  (``ray.data.read_parquet(...)``, ``read_json(...)``, ...) and returns the Dataset of records.

Records are the dicts of :meth:`summarizer.records.Result.to_dict` (``record.schema.json``),
stored with the nested Arrow types of :func:`record_schema`: lists stay lists and topics, keywords
and entities stay lists of structs, in Parquet as in JSON Lines; nothing is turned into a JSON
string. Parsed, a JSON Lines row equals the record ``summarizer run --format jsonl`` writes for
the same input row; only the text differs a little, as Ray writes JSON with pandas (``/`` is
escaped as ``\/``). With a generative model (``Settings.model``) every record has the columns
``summary_method``, ``input_tokens`` and ``chunks``, null in error records, which the single
process leaves out of error records.

Same records as the single process. :func:`run_ray` reads each file with the same readers as
``summarizer run``, so the ids, sources and per-row errors are the same, and it hands each actor
the same batches (``batch_size`` consecutive rows of one file); a record does not depend on the
other articles of its batch, but keeping the batches costs nothing. One difference remains: an
id repeated in two different files is kept in both (the single process renames the second one
``<id>-2``; within one file both runs rename it).

How a run goes: the files are read in Ray tasks (one per file) into rows that each hold one
batch; they are materialised and spread one batch per block; a fixed pool of actors (each with
one :class:`~summarizer.api.Summarizer`, models loaded once) summarises them in input order; the
records are materialised, counted and written. The stages run one after the other, not streamed,
because a pool of actors holding every CPU would otherwise starve the read and write tasks; the
whole input and all records pass through Ray's object store (which spills to disk when full).

On a cluster: install summarizer with its ``ray`` extra on every node, and give inputs and output on storage
every node sees (a shared file system, or ``s3://``, ``gs://``... URIs): files are read and
written by the workers, not by the driver.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import math
import os
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ModelError, NotInstalledError, SummarizerError, UsageError
from ..formats import _guarded, _stem, _UniqueIds, known_extensions
from ..formats import _walk as walk_files  # summarizer run's folder walk
from ..formats import jsonl as jsonl_reader
from ..formats.base import ReadItem, Source, article_from_object
from ..formats.jsonl import given_id
from ..records import Article, InputFailure, from_plain, type_hints
from ..schema import arrow_schema, arrow_type
from ..settings import Settings, quiet_model_libraries

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

log = logging.getLogger(__name__)

#: File endings read by this engine, and the reader of each.
INPUT_EXTENSIONS: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
#: Output formats: JSON Lines or Parquet files in the output folder.
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "parquet")
#: At most this many records go into one output file.
ROWS_PER_FILE = 50_000
#: Columns of a Parquet input that are read (the others are never loaded).
PARQUET_COLUMNS: tuple[str, ...] = ("id", "text", "title", "date", "byline", "author", "url")

_INSTALL_PURPOSE = "Running on Ray (--engine ray)"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class RayRun:
    """What :func:`run_ray` did."""

    records: int
    """Records written (one per article or per input that could not be read)."""
    failed: int
    """Records with an ``error``."""
    output: str
    """The output folder."""
    output_format: str
    """``jsonl`` or ``parquet``."""
    files: tuple[str, ...]
    """Names of the files written into the output folder, in record order."""


# --- Ray, imported only when used ------------------------------------------------------------


def _require_ray() -> Any:
    """The ``ray`` module with Ray Data and pyarrow importable; NotInstalledError (with the pip command) if not."""
    try:
        import pyarrow  # noqa: F401
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise NotInstalledError("ray[data]", _INSTALL_PURPOSE, extra="ray") from exc
    except Exception as exc:  # e.g. an old Ray with a newer pyarrow or pandas
        raise SummarizerError(f"Ray Data is installed but cannot be imported ({type(exc).__name__}: {exc}); "
                              "install a version that fits this environment with: "
                              "pip install --upgrade 'ray[data]'") from exc
    return ray


# --- Arrow schemas --------------------------------------------------------------------------


def record_schema(with_model: bool = False, with_story: bool = False) -> pa.Schema:
    """The Arrow schema of output records: :func:`summarizer.schema.arrow_schema`, derived from the record
    model (the fields of ``Result.to_dict()``, in its order).

    ``with_model`` adds the fields of abstractive runs (``summary_method``, ``input_tokens``,
    ``chunks``); every record of such a run has them (null in error records). ``with_story`` adds the
    ``story`` struct of runs with ``--story-fields`` (null in error records).
    """
    return arrow_schema(with_model, with_story)


@cache
def _packed_schema() -> pa.Schema:
    """Rows of the read stage: each holds one batch of articles (or inputs that could not be read): the
    fields of :class:`~summarizer.records.Article` and an ``error``."""
    import pyarrow as pa

    hints = type_hints(Article)
    article = pa.struct([*((f.name, arrow_type(hints[f.name])) for f in fields(Article)), ("error", pa.string())])
    return pa.schema([("articles", pa.list_(article))])


def records_table(records: Sequence[dict[str, Any]], with_model: bool = False, with_story: bool = False) -> pa.Table:
    """Records (``Result.to_dict()`` dicts) as an Arrow table of :func:`record_schema`."""
    import pyarrow as pa

    schema = record_schema(with_model, with_story)
    unknown = {key for record in records for key in record} - set(schema.names)
    if unknown:  # a new record field: never drop it silently
        raise SummarizerError(f"internal error: {', '.join(sorted(unknown))} are not fields of the record model "
                              "(summarizer/records.py); records must be Result.to_dict() dicts")
    return pa.Table.from_pylist(list(records), schema=schema)


# --- listing the inputs (on the driver) -------------------------------------------------------


def _entry(path: str, name: str, kind: str) -> dict[str, str]:
    return {"path": path, "name": name, "kind": kind, "id": "", "error": ""}


def _failed_entry(name: str, error: str, ident: str | None = None) -> dict[str, str]:
    return {"path": "", "name": name, "kind": "", "id": ident or _stem(name), "error": error}


def _kind(path: str) -> str | None:
    return INPUT_EXTENSIONS.get(os.path.splitext(path)[1].lower())


def _endings() -> str:
    return ", ".join(INPUT_EXTENSIONS)


def list_inputs(inputs: Sequence[str], exclude: str | None = None) -> list[dict[str, str]]:
    """The files to read, in order: one entry per file, or per input that has none (with its error).

    Local files, folders (searched recursively, sorted, hidden entries skipped, only .jsonl,
    .ndjson and .parquet files) and glob patterns are listed here, on the driver, with the names
    ``summarizer run`` gives them; the workers open them by absolute path. ``scheme://`` URIs are
    listed with pyarrow's file systems. ``exclude`` (the output folder) is never read.
    Raises UsageError for inputs this engine cannot read at all (standard input, web pages, other
    file types given by name, folders holding only such files); other files in a folder beside
    readable ones are skipped with a warning.
    """
    excluded = os.path.abspath(exclude) if exclude and "://" not in exclude else None
    entries: list[dict[str, str]] = []
    for given in inputs:
        if given == "-":
            raise UsageError("--engine ray cannot read standard input; give .jsonl, .ndjson or .parquet files, "
                             "folders or glob patterns")
        if given.lower().startswith(("http://", "https://")):
            raise UsageError(f"--engine ray reads files, not web pages ({given}); run without --engine ray to "
                             "summarise web pages")
        if "://" in given:
            entries.extend(_list_uri(given))
        elif os.path.isdir(given):
            entries.extend(_list_folder(given, excluded))
        elif os.path.lexists(given):
            kind = _kind(given)
            if kind is None:
                raise UsageError(f"--engine ray reads JSON Lines and Parquet files ({_endings()}), not {given}; "
                                 "run without --engine ray for other kinds of files")
            entries.append(_entry(os.path.abspath(given), given, kind))
        elif _GLOB_CHARS & set(given):
            entries.extend(_list_glob(given, excluded))
        else:
            entries.append(_failed_entry(given, f"{given}: no such file or directory"))
    return entries


def _walk(root: str, excluded: str | None, skipped: list[str] | None = None) -> Iterator[dict[str, str]]:
    """Readable files under ``root`` as ``summarizer run`` walks a folder (sorted by path, hidden entries
    skipped), only those of :data:`INPUT_EXTENSIONS`, and never the ``excluded`` folder. The files that
    ``summarizer run`` would read but this engine cannot (.txt, .html, ...) are added to ``skipped``."""
    for found in walk_files(root, {*INPUT_EXTENSIONS, *known_extensions()}, excluded):
        if isinstance(found, InputFailure):  # a folder that cannot be listed
            yield _failed_entry(found.source, found.error)
        elif kind := _kind(found):
            yield _entry(os.path.abspath(found), found, kind)
        elif skipped is not None:
            skipped.append(found)


def _list_folder(folder: str, excluded: str | None) -> list[dict[str, str]]:
    """The entries of a folder; UsageError when it holds only files of kinds this engine cannot read."""
    skipped: list[str] = []
    entries = list(_walk(folder, excluded, skipped))
    readable = sum(1 for entry in entries if entry["path"])
    if skipped and not readable:
        raise UsageError(f"--engine ray reads JSON Lines and Parquet files ({_endings()}), and the folder {folder} "
                         f"holds none: only {len(skipped)} file(s) of other kinds, such as {skipped[0]}. Run "
                         "without --engine ray to summarise them.")
    if skipped:
        log.warning("--engine ray skips %d file(s) of %s that it cannot read, such as %s (it reads only %s "
                    "files); run without --engine ray to summarise them", len(skipped), folder, skipped[0],
                    _endings())
    return entries or [_failed_entry(folder, f"the folder {folder} contains no {_endings()} files "
                                             "(hidden files are skipped)")]


def _list_glob(pattern: str, excluded: str | None) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    seen: set[str] = set()
    for match in sorted(glob.glob(pattern, recursive=True)):
        found = _walk(match, excluded) if os.path.isdir(match) else (
            [_entry(os.path.abspath(match), match, kind)] if (kind := _kind(match)) else [])
        for entry in found:
            if entry["path"] and entry["path"] in seen:
                continue
            seen.add(entry["path"])
            entries.append(entry)
    return entries or [_failed_entry(pattern, f"the pattern {pattern} matched no {_endings()} files", pattern)]


def _list_uri(uri: str) -> list[dict[str, str]]:
    """Files at a ``scheme://`` URI (a file or a folder), listed with pyarrow's file systems."""
    import pyarrow.fs as pafs

    try:
        fs, root = pafs.FileSystem.from_uri(uri)
        info = fs.get_file_info(root)
        if info.type == pafs.FileType.NotFound:
            return [_failed_entry(uri, f"{uri}: no such file or directory")]
        if info.type != pafs.FileType.Directory:
            if _kind(root) is None:
                raise UsageError(f"--engine ray reads JSON Lines and Parquet files ({_endings()}), not {uri}")
            return [_entry(uri, uri, _kind(root) or "")]
        found = fs.get_file_info(pafs.FileSelector(root, recursive=True))
    except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
        return [_failed_entry(uri, f"could not open {uri} ({exc})")]
    prefix, root = uri.rstrip("/"), root.rstrip("/")
    entries = []
    for file in sorted(found, key=lambda f: f.path):
        relative = file.path[len(root):]
        if file.type == pafs.FileType.File and _kind(file.path) and not any(
                part.startswith(".") for part in relative.split("/")):
            entries.append(_entry(prefix + relative, prefix + relative, _kind(file.path) or ""))
    return entries or [_failed_entry(uri, f"the folder {uri} contains no {_endings()} files")]


# --- reading (in Ray tasks) -------------------------------------------------------------------


def _read_packed(files: pa.Table, max_bytes: int, batch_size: int) -> Iterator[pa.Table]:
    """Ray Data function of the read stage: file entries -> rows of ``batch_size`` articles each."""
    import pyarrow as pa

    for entry in files.to_pylist():
        items = _read_entry(entry, max_bytes)
        while chunk := list(islice(items, batch_size)):
            yield pa.Table.from_pylist([{"articles": [_item_to_row(item) for item in chunk]}],
                                       schema=_packed_schema())


def _read_entry(entry: dict[str, str], max_bytes: int) -> Iterator[ReadItem]:
    """The articles of one listed file, exactly as ``summarizer run`` reads them (ids unique within the file)."""
    if entry["error"]:
        yield InputFailure(entry["id"], entry["name"], entry["error"])
        return
    name, path, kind = entry["name"], entry["path"], entry["kind"]
    seekable = kind == "parquet"
    size = None if "://" in path else _size(path)
    source = Source(name=name, stem=_stem(name), suffix=os.path.splitext(name)[1].lower(), max_bytes=max_bytes,
                    opener=lambda: _open(path, seekable), size=size)
    unique = _UniqueIds()
    for item in _guarded(source, jsonl_reader.read if kind == "jsonl" else _read_parquet):
        yield unique(item)


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def _open(path: str, seekable: bool) -> Any:
    """A binary file object of a local path or a ``scheme://`` URI."""
    if "://" not in path:
        return open(path, "rb")  # noqa: SIM115 - the reader closes it
    import io

    import pyarrow.fs as pafs

    fs, inner = pafs.FileSystem.from_uri(path)
    return fs.open_input_file(inner) if seekable else io.BufferedReader(fs.open_input_stream(inner))


def _read_parquet(source: Source) -> Iterator[ReadItem]:
    """Articles from the rows of a Parquet file: a ``text`` column, and optionally id, title, date, byline
    (or author), url. Row ``n`` (from 0) is named ``<file>, row n``; its default id is ``<stem>-n`` and its
    source ``<file>[n]``, as for the items of a JSON array. Dates and timestamps become ISO 8601 text."""
    import pyarrow.parquet as pq

    with source.open() as stream:
        table = pq.ParquetFile(stream)
        names = table.schema_arrow.names
        if "text" not in names:
            raise InputError(f'{source.name} has no "text" column (its columns: {", ".join(names[:8]) or "none"})')
        if table.metadata.num_rows == 0:
            raise InputError(f"{source.name} is empty (it has no rows)")
        index = 0
        for batch in table.iter_batches(batch_size=1024, columns=[c for c in PARQUET_COLUMNS if c in names]):
            for row in batch.to_pylist():
                yield _parquet_item(source, index, row)
                index += 1


def _parquet_item(source: Source, index: int, row: dict[str, Any]) -> ReadItem:
    record_id, record_source, where = source.record_id(index), f"{source.name}[{index}]", f"{source.name}, row {index}"
    row = _iso_dates(row)
    text = row.get("text")
    try:
        if isinstance(text, str) and len(text.encode("utf-8", "surrogatepass")) > source.max_bytes:
            raise InputError(f"{where}: the text is longer than the limit of {source.max_bytes:,} bytes. "
                             "Raise it with the --max-input-bytes option.")
        return article_from_object(row, where=where, default_id=record_id, source=record_source)
    except InputError as exc:
        return source.failure(str(exc), record_id=given_id(row) or record_id, source=record_source)


def _iso_dates(row: dict[str, Any]) -> dict[str, Any]:
    """Dates and timestamps (Parquet's date and timestamp columns) as ISO 8601 text."""
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in row.items()}


def _item_to_row(item: ReadItem) -> dict[str, Any]:
    """A row of :func:`_packed_schema`: the Article's fields, or those of the InputFailure (the rest null)."""
    if isinstance(item, InputFailure):
        return {"id": item.id, "source": item.source, "error": item.error}
    return {**{f.name: getattr(item, f.name) for f in fields(Article)}, "error": None}


def _item_from_packed(row: dict[str, Any]) -> ReadItem:
    """The Article (or InputFailure) that :func:`_item_to_row` stored, unchanged."""
    if row["error"] is not None:
        return InputFailure(row["id"], row["source"], row["error"])
    return from_plain(Article, {k: v for k, v in row.items() if k != "error"})


def item_from_row(row: dict[str, Any]) -> ReadItem:
    """An Article from a row of any Dataset, checked like a JSON Lines row (InputFailure when unusable).

    Used columns: ``text`` (required), ``id``, ``title``, ``date`` (text, or a date or timestamp),
    ``byline`` (or ``author``), ``url``, ``source``, ``warnings`` (a list of strings kept with the
    article) and ``error`` (a row with an error becomes that error record). A row without an ``id``
    gets ``ray-<12 hex digits>``, a digest of the row, the same in every run.
    """
    ident = given_id(row) or "ray-" + hashlib.sha256(
        json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8", "surrogatepass")
    ).hexdigest()[:12]
    given_source = row.get("source")
    source = given_source if isinstance(given_source, str) and given_source.strip() else "<ray dataset>"
    error = row.get("error")
    if isinstance(error, str) and error:
        return InputFailure(ident, source, error)
    where = source if source != "<ray dataset>" else f"row {ident}"
    try:
        article = article_from_object(_iso_dates(row), where=where, default_id=ident, source=source)
    except InputError as exc:
        return InputFailure(ident, source, str(exc))
    earlier = row.get("warnings")
    if isinstance(earlier, list | tuple) and earlier:
        article = replace(article, warnings=(*(str(w) for w in earlier), *article.warnings))
    return article


# --- the summarising stage (in Ray actors) ----------------------------------------------------


class SummarizeActor:
    """A Ray Data callable class: one :class:`~summarizer.api.Summarizer` per actor, models loaded once.

    ``ds.map_batches(SummarizeActor, fn_constructor_kwargs={"settings": settings},
    batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=N))`` turns a batch of
    article rows (see :func:`item_from_row`) into a table of records (:func:`record_schema`), one
    per row, in the same order. A row that is not a usable article becomes an error record; no
    row makes the batch fail. With ``packed=True`` each input row holds a whole batch (the rows of
    :func:`run_ray`'s read stage), summarised together as the single process would.
    """

    def __init__(self, settings: Settings | None = None, packed: bool = False) -> None:
        quiet_model_libraries()  # workers print nothing but errors
        from ..api import Summarizer

        self.settings = settings or Settings.from_env()
        self.packed = packed
        # No result cache: many actors of a node would share one SQLite file, and a cluster's nodes would each
        # keep their own; a Ray job computes every record.
        # Ray runs one actor per CPU already: no analysis helpers of its own unless asked for.
        self.summarizer = Summarizer(replace(self.settings, result_cache=False, jobs=self.settings.jobs or 1))
        self.summarizer.pipeline.load()  # once per actor, before the first batch

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        if self.packed:
            groups = [[_item_from_packed(article) for article in row["articles"]] for row in rows]
        else:
            groups = [[item_from_row(row) for row in rows]]
        records = [result.to_dict() for items in groups for result in self.summarizer.summarize_batch(items)]
        return records_table(records, with_model=self.settings.model is not None,
                             with_story=self.settings.story_fields)


def _settings(settings: Settings | None, batch_size: int | None) -> Settings:
    settings = settings or Settings.from_env()
    return replace(settings, batch_size=batch_size) if batch_size is not None else settings


def _actors(ray: Any, concurrency: int | None, cpus_per_actor: float) -> int:
    """``concurrency``, or as many actors as the cluster's CPUs hold (at least one)."""
    return concurrency or max(1, int(float(ray.cluster_resources().get("CPU", 1)) // cpus_per_actor))


def summarize_dataset(ds: ray.data.Dataset, settings: Settings | None = None, *, concurrency: int | None = None,
                      batch_size: int | None = None, cpus_per_actor: float = 1.0) -> ray.data.Dataset:
    """The Dataset of records of the articles in ``ds`` (lazy: nothing runs until you consume it).

    ``ds`` has one article per row: a ``text`` column and optionally ``id``, ``title``, ``date``,
    ``byline`` (or ``author``), ``url``, ``source`` (see :func:`item_from_row`). Each record is
    ``Result.to_dict()`` of its row, with the Arrow types of :func:`record_schema`; rows without a
    usable text become error records naming the row.

    The stage is ``ds.map_batches(SummarizeActor, ...)`` with an autoscaling pool of 1 to
    ``concurrency`` actors (default: the cluster's CPUs / ``cpus_per_actor``), ``batch_size``
    rows per call (default: ``settings.batch_size``). Should a run stall with every CPU held by
    actors while read or write tasks wait for one, lower ``concurrency``.

    When the Dataset runs, Ray logs an error-level line about the actors' "constructor arguments in
    the object store" (ray-project/ray#57733); it is about Ray Data's own arguments and harmless
    here (:func:`run_ray` leaves it out unless ``verbose``).
    """
    ray = _require_ray()
    settings = _settings(settings, batch_size)
    size = _actors(ray, concurrency, cpus_per_actor)
    return ds.map_batches(SummarizeActor, fn_constructor_kwargs={"settings": settings},
                          batch_size=settings.batch_size, batch_format="pyarrow", num_cpus=cpus_per_actor,
                          compute=ray.data.ActorPoolStrategy(min_size=1, max_size=size))


# --- run_ray: files in, folder of files out ---------------------------------------------------


def run_ray(inputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], output: str | os.PathLike[str],
            settings: Settings | None = None, *, output_format: str | None = None, address: str | None = None,
            num_cpus: int | None = None, concurrency: int | None = None, batch_size: int | None = None,
            cpus_per_actor: float = 1.0, progress: bool = False, verbose: bool = False) -> RayRun:
    """Summarise JSON Lines or Parquet inputs on Ray and write the records into the folder ``output``.

    ``inputs``: files, folders (searched recursively for .jsonl, .ndjson and .parquet files) or
    glob patterns, local or ``s3://``-style URIs. JSON Lines rows are read exactly as by
    ``summarizer run``; Parquet files need a ``text`` column and may have ``id``, ``title``,
    ``date``, ``byline`` (or ``author``) and ``url`` columns.

    ``output``: a folder that does not exist yet or is empty. Ray writes the records into it as
    ``part-00000-<id of the write>.jsonl``, ``part-00001-<id>.jsonl``... (or ``.parquet``), at
    most 50,000 records per file; read in name order, the files hold the records in input order.
    ``output_format``: ``jsonl`` or ``parquet`` (default: ``parquet`` when the folder's name ends
    in ``.parquet``).

    Ray: when Ray is already initialised in this process it is used as it is; otherwise
    ``ray.init(address=address)`` connects to a cluster (``address`` or $RAY_ADDRESS) or starts a
    local instance with ``num_cpus`` CPUs (default: all), shut down again at the end.
    ``concurrency``: the number of actors, each holding its own models (default: the cluster's
    CPUs / ``cpus_per_actor``, and no more than there are batches). ``batch_size``: articles per
    batch (default: ``settings.batch_size``). ``progress`` shows Ray Data's progress bars;
    ``verbose`` lets Ray's log messages and the workers' output through (without it, Ray's
    known and harmless line about actor constructor arguments is left out of standard error).

    Returns a :class:`RayRun` (records written, failures, files). Raises NotInstalledError
    without Ray, UsageError for inputs or an output it cannot use.

    >>> import ray                                                        # doctest: +SKIP
    >>> ray.init(address="ray://head-node:10001")                         # doctest: +SKIP
    >>> run_ray("s3://bucket/news/", "s3://bucket/records/")              # doctest: +SKIP
    RayRun(records=120000, failed=3, output='s3://bucket/records/', output_format='jsonl', files=(...))
    """
    ray = _require_ray()
    settings = _settings(settings, batch_size)
    given = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    if not given:
        raise UsageError("no input given: name one or more .jsonl, .ndjson or .parquet files, folders or patterns")
    target = os.fspath(output)
    if "://" not in target:
        target = os.path.abspath(target)  # the workers' working folder is not ours
    fmt = (output_format or ("parquet" if target.rstrip("/").lower().endswith(".parquet") else "jsonl")).lower()
    if fmt not in OUTPUT_FORMATS:
        raise UsageError(f"unknown output format {output_format!r} for Ray; choose one of: {', '.join(OUTPUT_FORMATS)}")
    if concurrency is not None and concurrency < 1:
        raise UsageError(f"concurrency must be at least 1 (got {concurrency})")
    _check_output(target)
    entries = list_inputs([os.fspath(p) for p in given], exclude=target)
    with _ray_session(ray, address, num_cpus, progress, verbose):
        try:
            return _run(ray, entries, target, fmt, settings, concurrency, cpus_per_actor)
        except SummarizerError:
            raise
        except Exception as exc:  # e.g. a model that cannot be loaded: Ray reports that the actors died
            ours = _summarizer_error(exc)
            if ours is None:
                raise
            raise ours from exc


def _run(ray: Any, entries: list[dict[str, str]], target: str, fmt: str, settings: Settings,
         concurrency: int | None, cpus_per_actor: float) -> RayRun:
    # 1. read: one task per file; each row is one batch of articles, as the single process makes them
    packed = ray.data.from_items(entries).map_batches(
        _read_packed, batch_size=1, batch_format="pyarrow",
        fn_kwargs={"max_bytes": settings.max_input_bytes, "batch_size": settings.batch_size}).materialize()
    batches = packed.count()
    if batches > 1:  # one batch per block, so that every actor gets work
        packed = packed.repartition(batches).materialize()
    # 2. summarise: a fixed pool of actors, each holding the models
    actors = min(_actors(ray, concurrency, cpus_per_actor), max(batches, 1))
    results = packed.map_batches(
        SummarizeActor, fn_constructor_kwargs={"settings": settings, "packed": True}, batch_size=1,
        batch_format="pyarrow", num_cpus=cpus_per_actor, compute=ray.data.ActorPoolStrategy(size=actors),
    ).materialize()
    records = results.count()
    failed = sum(batch.num_rows - batch.column("error").null_count
                 for batch in results.select_columns(["error"]).iter_batches(batch_format="pyarrow"))
    # 3. write: at most ROWS_PER_FILE records per file, in order
    files = max(1, math.ceil(records / ROWS_PER_FILE))
    if results.num_blocks() != files:
        results = results.repartition(files)
    names = _part_names(fmt)
    if fmt == "parquet":
        results.write_parquet(target, filename_provider=names)
    else:
        results.write_json(target, filename_provider=names, force_ascii=False)
    return RayRun(records=records, failed=failed, output=target, output_format=fmt, files=_written(target, fmt))


def _summarizer_error(exc: BaseException) -> SummarizerError | None:
    """Our error inside a Ray error: the exception itself, its causes, or the last one its traceback text names.

    Ray passes the error of a task as its cause, but the error of an actor's ``__init__`` only as
    the text of an ActorDiedError.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, SummarizerError):
            return seen
        seen = getattr(seen, "cause", None) or seen.__cause__
        seen = seen if isinstance(seen, BaseException) else None
    named = re.findall(r"^summarizer\.errors\.(\w+): (.+)$", str(exc), flags=re.MULTILINE)
    if not named:
        return None
    kind, message = named[-1]
    return UsageError(message) if kind == "UsageError" else ModelError(message)


def _part_names(fmt: str) -> Any:
    """Ray's FilenameProvider for ``part-00000-<write id>.<fmt>``, ``part-00001-<write id>.<fmt>``...: in
    name order, the files hold the records in order. (Ray wants the id of the write in every name.)"""
    from ray.data.datasource import FilenameProvider

    class PartNames(FilenameProvider):  # type: ignore[misc]
        def get_filename_for_task(self, write_uuid: str, task_index: int) -> str:
            return f"part-{task_index:05d}-{write_uuid}.{fmt}"

    return PartNames()


def _check_output(target: str) -> None:
    """The output must be a new or empty folder: Ray adds files to it and must not mix them with others."""
    if "://" in target:
        import pyarrow.fs as pafs

        try:
            fs, inner = pafs.FileSystem.from_uri(target)
            info = fs.get_file_info(inner)
            if info.type == pafs.FileType.File:
                raise UsageError(f"the output {target} is a file; give a folder for the record files")
            if info.type == pafs.FileType.Directory and fs.get_file_info(pafs.FileSelector(inner)):
                raise UsageError(f"the output folder {target} is not empty; give a new or empty folder")
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot use {target} as the output folder ({exc})") from exc
        return
    if os.path.isfile(target):
        raise UsageError(f"the output {target} is a file; with --engine ray the output is a folder that Ray "
                         "fills with part-*.jsonl or part-*.parquet files")
    if os.path.isdir(target) and os.listdir(target):
        raise UsageError(f"the output folder {target} is not empty; give a new or empty folder (Ray writes "
                         "several files into it)")


def _written(target: str, fmt: str) -> tuple[str, ...]:
    if "://" in target:
        import pyarrow.fs as pafs

        fs, inner = pafs.FileSystem.from_uri(target)
        names = [info.base_name for info in fs.get_file_info(pafs.FileSelector(inner))]
    else:
        names = os.listdir(target) if os.path.isdir(target) else []
    return tuple(sorted(name for name in names if name.endswith(f".{fmt}")))


@contextmanager
def _ray_session(ray: Any, address: str | None, num_cpus: int | None, progress: bool, verbose: bool) -> Iterator[None]:
    """Ray initialised (unless it already is) and Ray Data set to keep input order; undone on exit."""
    started = False
    if ray.is_initialized():
        if address is not None or num_cpus is not None:
            log.warning("Ray is already initialised in this process; address and num_cpus are ignored")
    else:
        options: dict[str, Any] = {"address": address, "log_to_driver": verbose,
                                   "logging_level": logging.INFO if verbose else logging.ERROR}
        if address is None and not os.environ.get("RAY_ADDRESS"):
            options.update(num_cpus=num_cpus, include_dashboard=False)  # a local instance
        elif num_cpus is not None:
            raise UsageError("num_cpus is for a local Ray instance; a cluster has its own CPUs")
        try:
            ray.init(**options)
        except ConnectionError as exc:
            raise UsageError(f"could not connect to the Ray cluster at {address or os.environ.get('RAY_ADDRESS')} "
                             f"({exc})") from exc
        started = True
    if not verbose:  # Ray Data logs every stage it starts and ends
        logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    saved = context.execution_options.preserve_order, context.enable_progress_bars
    context.execution_options.preserve_order = True  # records in input order
    context.enable_progress_bars = progress
    try:
        with nullcontext() if verbose else _stderr_without(_KNOWN_RAY_LINE):
            yield
    finally:
        context.execution_options.preserve_order, context.enable_progress_bars = saved
        if started:
            ray.shutdown()


#: Ray Data hands every actor of a pool object-store references as constructor arguments (its data
#: context and the map function), and Ray's core then logs, at error level, that such an actor may fail
#: to restart (ray-project/ray#57733; #53727 for the restart itself). Nothing we pass causes it, the
#: references live as long as the run, and Ray Data's actors are restarted on failure by design:
#: without --verbose the line is left out.
_KNOWN_RAY_LINE = b"has constructor arguments in the object store and max_restarts > 0"


#: Where a line of Ray's C++ log starts: ``[2026-11-28 13:40:21,551 E 16127 16127] ``, or JSON.
_RAY_LOG_LINE = re.compile(rb"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[,.]\d+ [A-Z] \d+ \d+\]|\{\"asctime\"")


def _without(chunk: bytes, marker: bytes) -> bytes:
    """``chunk`` without the lines that hold ``marker``: from the start of the log line that holds it (or
    of the line) to its newline. Text before it on the same line (a progress bar's) is kept."""
    kept = []
    for line in re.split(b"(?<=\n)", chunk):
        at = line.find(marker)
        if at < 0:
            kept.append(line)
        else:
            starts = [match.start() for match in _RAY_LOG_LINE.finditer(line, 0, at)]
            kept.append(line[: starts[-1]] if starts else b"")
    return b"".join(kept)


@contextmanager
def _stderr_without(marker: bytes) -> Iterator[None]:
    """Standard error of this process with the lines that hold ``marker`` left out, until the block ends.

    Ray's core (C++) writes to file descriptor 2 directly, past ``sys.stderr`` and Python's logging,
    so the descriptor itself is pointed at a pipe whose reader thread passes everything else on at
    once (progress bars too). A line of Ray's log is one write of less than ``PIPE_BUF`` bytes, so
    it arrives whole in one read (see :func:`_without`). If the descriptor cannot be redirected, nothing is filtered.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    read_end, write_end = os.pipe()

    def copy() -> None:
        while chunk := os.read(read_end, 65536):
            kept = memoryview(_without(chunk, marker))
            while kept:
                try:
                    kept = kept[os.write(saved, kept):]
                except OSError:  # standard error went away: keep draining the pipe
                    break

    reader = threading.Thread(target=copy, name="summarizer-stderr-filter", daemon=True)
    reader.start()
    os.dup2(write_end, 2)
    os.close(write_end)
    try:
        yield
    finally:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)  # closes the pipe's last write end: the reader sees its end and stops
        reader.join(timeout=5)
        if not reader.is_alive():  # else a process started meanwhile still holds the pipe: leave both open
            os.close(read_end)
            os.close(saved)
