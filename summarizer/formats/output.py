"""Where results go: standard output; a file that is replaced only when writing succeeded
(whole-file formats); or a file that records are written to as they come (JSON Lines)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import TextIO

from ..errors import SummarizerError, UsageError


@contextlib.contextmanager
def open_output(path: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """A text stream for the results.

    ``None`` or ``"-"``: ``stdout`` (flushed, not closed). A file path: a temporary file next
    to it, UTF-8 with untranslated newlines (``newline=""``, right for CSV), moved onto
    ``path`` only if the ``with`` block ends without an exception; otherwise it is deleted and
    an existing file at ``path`` is left as it was.

    Raises UsageError when the file cannot be created (missing folder, a folder in the way).
    """
    if path is None or path == "-":
        yield stdout
        stdout.flush()
        return
    _check_not_folder(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temp_path = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    body_done = False
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            body_done = True
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_path, _mode_for(path))
        os.replace(temp_path, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        if body_done and isinstance(exc, OSError):  # our own flush/replace failed (disk full...)
            raise SummarizerError(f"could not write the output to {path} ({exc.strerror or exc})") from exc
        raise


@contextlib.contextmanager
def open_live_output(path: str, *, append: bool = False) -> Iterator[TextIO]:
    """A text stream writing straight into the file ``path``, for records written one by one.

    Unlike :func:`open_output`, what is written stays in the file even if the ``with`` block
    ends with an exception (Ctrl-C): the writer must write each record whole and flush it.
    ``append=False`` replaces an existing file (truncated when opened); ``append=True`` adds to
    its end. UTF-8 with untranslated newlines; flushed and synced to disk on exit.

    Raises UsageError when the file cannot be opened (missing folder, a folder in the way).
    """
    _check_not_folder(path)
    try:
        stream = open(path, "a" if append else "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    body_done = False
    try:
        with stream:
            yield stream
            body_done = True
            stream.flush()
            if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # not /dev/stdout, a pipe...
                os.fsync(stream.fileno())
    except OSError as exc:
        if body_done:  # our own flush/sync failed (disk full...)
            raise SummarizerError(f"could not write the output to {path} ({exc.strerror or exc})") from exc
        raise


def _check_not_folder(path: str) -> None:
    if os.path.isdir(path):
        raise UsageError(f"cannot write the output to {path}: it is a folder")


def _cannot_write(path: str, exc: OSError) -> UsageError:
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return UsageError(f"cannot write the output to {path}: the folder {folder} does not exist")
    return UsageError(f"cannot write the output to {path} ({exc.strerror or exc})")


def _mode_for(path: str) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual 0o666 - umask."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
