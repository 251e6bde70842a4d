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
        wanted = _extra_requirements(extra) if extra else []
        if wanted:
            hint = "pip install " + " ".join(f"'{req}'" for req in wanted)
        else:
            hint = f"pip install 'newsroom-summarizer[{extra}]'" if extra else f"pip install {package}"
        super().__init__(f"{purpose} needs the Python package '{package}', which is not installed. Install it with: {hint}")
        self.package = package


def _extra_requirements(extra: str) -> list[str]:
    """The requirements of one of our optional extras, as the installed package declares them.

    They install anywhere; the extra itself (``newsroom-summarizer[ray]``) only where our package
    can be found, which is not yet PyPI.
    """
    from importlib import metadata

    try:
        declared = metadata.requires("newsroom-summarizer") or []
    except metadata.PackageNotFoundError:
        return []
    out = []
    for line in declared:
        requirement, _, marker = line.partition(";")
        if marker.replace("'", '"').replace(" ", "") == f'extra=="{extra}"':
            out.append(requirement.strip())
    return out

