"""One exception hierarchy and the process exit codes, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``summarizer`` command."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class SummarizerError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(SummarizerError):
    """An input (file, line, text) cannot be read or is not an article."""


class ModelError(SummarizerError):
    """A model cannot be loaded or used."""


class UsageError(SummarizerError):
    """The caller asked for something that does not make sense (bad option, unknown name)."""


class NotInstalledError(ModelError):
    """An optional dependency is missing; the message says how to install it."""

    def __init__(self, package: str, purpose: str, extra: str | None = None) -> None:
        hint = f"pip install 'newsroom-summarizer[{extra}]'" if extra else f"pip install {package}"
        super().__init__(f"{purpose} needs the Python package '{package}', which is not installed. Install it with: {hint}")
        self.package = package
