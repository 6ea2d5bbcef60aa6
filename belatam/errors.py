"""The exceptions `belatam` raises, all under `BelatamError`.

Each is also a subclass of the built-in a caller would expect (``LookupError``,
``ValueError``, ``TypeError``), so ``except LookupError`` keeps working. Every
one survives pickling (a process pool, a cache) with its message and its
attributes, and quotes what it was given in at most ``QUOTE`` characters, so a
huge input never makes a huge message.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

__all__ = [
    "QUOTE",
    "AmbiguousKeyError",
    "BelatamError",
    "CallError",
    "DataError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingFileError",
    "MissingFolderError",
    "UnknownKeyError",
    "quote",
]

QUOTE = 80
"""The longest quotation of an input in an error message, in characters."""


def quote(value: object, limit: int = QUOTE) -> str:
    """``repr(value)``, cut in the middle to at most ``limit`` characters.

    >>> quote("x" * 1000)[:12], len(quote("x" * 1000))
    ("'xxxxxxxxxxx", 80)
    """
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real error
        text = f"<{type(value).__name__} object>"
    if len(text) <= limit:
        return text
    keep = limit - 1
    return f"{text[: keep - keep // 3]}…{text[-(keep // 3) :]}"


class BelatamError(Exception):
    """The base of every error raised by `belatam`."""


class InvalidValueError(BelatamError, ValueError):
    """A value of the right type that can never be valid (``year=-5``, ``kind="palace"``).

    ``field`` names the record field a record's own check refused, where one did.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidTypeError(BelatamError, TypeError):
    """An argument of the wrong type (``year="2018"``)."""


class CallError(InvalidTypeError):
    """A call that does not fit the function's signature (``belatam.missions(country="CO")``).

    An unknown keyword, a key given as a keyword (``belatam.trade(year=2018)``),
    too many or too few arguments. ``function`` names what was called
    (``"belatam.missions"``), ``keywords`` the keywords it takes and
    ``suggestions`` those nearest to a wrong one.
    """

    def __init__(
        self, message: str, *, function: str, keywords: Iterable[str] = (), suggestions: Iterable[str] = ()
    ) -> None:
        super().__init__(message)
        self.function = function
        self.keywords = tuple(keywords)
        self.suggestions = tuple(suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__))


class UnknownKeyError(BelatamError, LookupError):
    """A well-formed key (a name, an id, a year) that the data does not hold.

    ``parameter`` and ``value`` say what was asked; ``known`` holds the valid
    keys where they are few (the years with trade figures), else nothing.
    """

    def __init__(self, parameter: str, value: object, known: Iterable[object] = (), *, hint: str = "") -> None:
        self.parameter = parameter
        self.value = value
        self.known = tuple(known)
        self.hint = hint
        message = f"{parameter}={quote(value)} is not in the data"
        if hint:
            message += f"; {hint}"
        elif self.known:
            message += "; known: " + ", ".join(map(str, self.known[:12]))
            if len(self.known) > 12:
                message += f", ... ({len(self.known)} in all)"
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__))


class AmbiguousKeyError(UnknownKeyError):
    """A key that matches several records; ``matches`` holds their ids, which are unambiguous."""

    def __init__(self, parameter: str, value: object, matches: Iterable[str], *, advice: str = "give an id") -> None:
        self.matches = tuple(matches)
        super().__init__(
            parameter, value, hint=f"it matches {len(self.matches)} records: {', '.join(self.matches)}; {advice}"
        )
        self.args = (f"{parameter}={quote(value)} is ambiguous; it matches {', '.join(self.matches)}; {advice}",)


class UnknownReleaseError(UnknownKeyError):
    """A release whose data `belatam.changes` cannot compare with; ``known`` lists those it can."""

    def __init__(self, parameter: str, value: object, known: Iterable[str], *, hint: str = "") -> None:
        super().__init__(parameter, value, known)
        shown = ", ".join(map(str, self.known))
        self.args = (f"{parameter}={quote(value)} is not a release belatam holds the data of; {hint}releases: {shown}",)


class DataError(BelatamError, ValueError):
    """A data file that is malformed, unknown in shape or inconsistent.

    ``file``, ``record`` (its id, or its position) and ``field`` say where;
    ``folder`` is the folder given to `belatam.load`, where there is one (the
    message then names the file by its path in it).
    """

    def __init__(
        self, file: str, record: str | None, field: str | None, problem: str, *, folder: str | None = None
    ) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem
        self.folder = folder
        where = file if folder is None or file == folder else os.path.join(folder, file)
        if record is not None:
            where += f", record {quote(record, 60)[1:-1] if isinstance(record, str) else record}"
        if field is not None:
            where += f", field {quote(field, 60)}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__))


class MissingFolderError(BelatamError, FileNotFoundError):
    """A data folder that does not exist (also a `FileNotFoundError`)."""


class MissingFileError(BelatamError, FileNotFoundError):
    """A file that does not exist, such as the source text given to `belatam.verify_source`."""


class ExportError(BelatamError, OSError):
    """An export that could not be written (also an `OSError`): what the system refused, and the path.

    Nothing was changed where it failed: an export replaces its files whole or not at all.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]) -> BaseException:
    """Unpickle an error whose ``__init__`` takes other arguments than its ``args``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error
