"""The exceptions `belatam` raises, all under `BelatamError`.

Each is also a subclass of the built-in a caller would expect (``LookupError``,
``ValueError``, ``TypeError``), so ``except LookupError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "BelatamError",
    "DataError",
    "InvalidTypeError",
    "InvalidValueError",
    "UnknownKeyError",
]


class BelatamError(Exception):
    """The base of every error raised by `belatam`."""


class UnknownKeyError(BelatamError, LookupError):
    """A well-formed key (a name, an id, a year) that the data does not hold."""

    def __init__(self, parameter: str, value: object, known: Iterable[object] = (), *, hint: str = "") -> None:
        self.parameter = parameter
        self.value = value
        self.known = tuple(known)
        message = f"{parameter}={value!r} is not in the data"
        if hint:
            message += f"; {hint}"
        elif self.known:
            message += "; known: " + ", ".join(map(str, self.known[:12]))
            if len(self.known) > 12:
                message += f", ... ({len(self.known)} in all)"
        super().__init__(message)

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0])


class InvalidValueError(BelatamError, ValueError):
    """A value of the right type that can never be valid (``year=-5``)."""


class InvalidTypeError(BelatamError, TypeError):
    """An argument of the wrong type (``year="2018"``)."""


class DataError(BelatamError, ValueError):
    """A data file that is malformed, unknown in shape or inconsistent.

    ``file``, ``record`` (its id, or its position) and ``field`` say where.
    """

    def __init__(self, file: str, record: str | None, field: str | None, problem: str) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem
        where = file
        if record is not None:
            where += f", record {record}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")
