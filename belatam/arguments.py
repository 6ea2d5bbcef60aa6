"""Checking and normalising the arguments of the queries.

Each function takes the parameter's name, so that its error says which
argument was wrong, what was given (shortened) and what would be valid.
Resolving a key against the data (a country's name, a person's id) is the
`Dataset`'s work; what can be checked without the data is here.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, Union

from belatam.dates import Day, PartialDate, day_of, is_date
from belatam.errors import CallError, InvalidTypeError, InvalidValueError, quote

if TYPE_CHECKING:
    import datetime
    import inspect

__all__ = [
    "CITATION_FORMATS",
    "EARLIEST_DAY",
    "CitationFormat",
    "check_bool",
    "check_choice",
    "check_count",
    "check_day",
    "check_enum",
    "check_int",
    "check_key",
    "check_year",
    "day_range",
    "each",
    "misfit",
]

if TYPE_CHECKING:  # named in the query signatures (strings), so type checkers alone need them
    _T = TypeVar("_T")

    OneOrMany: TypeAlias = Union[_T, Iterable[_T], None]  # noqa: UP007
    """A filter's argument: one value, an iterable of them (any of them matches), or None (no filter)."""

    When: TypeAlias = Union[str, datetime.date, PartialDate, None]  # noqa: UP007
    """A day or a span's end: an ISO date string (``"2018"``, ``"2018-06-30"``), a `datetime.date`
    or a `belatam.PartialDate`; None when not asked."""

EARLIEST_DAY: Day = (1991, 1, 1)
"""The earliest ``as_of``: Belarus has had relations of its own since its independence in 1991."""

CitationFormat = Literal["text", "bibtex", "csl-json"]
CITATION_FORMATS: tuple[CitationFormat, ...] = ("text", "bibtex", "csl-json")
"""The forms a citation is written in (`belatam.cite`'s ``format``)."""

E = TypeVar("E", bound=enum.Enum)
S = TypeVar("S", bound=str)


def each(parameter: str, value: object) -> tuple[Any, ...]:
    """A filter's values: one value, or the items of an iterable of them (any of them matches).

    A string, a record, an enum member, a date or a 0-d array is one value; a
    list, tuple, set or generator is many. Bytes and mappings are refused.
    """
    if isinstance(value, (str, enum.Enum, PartialDate, int)) or hasattr(value, "__attrs_attrs__") or is_date(value):
        return (value,)
    if getattr(value, "ndim", None) == 0 and hasattr(value, "item"):  # a 0-d array (numpy): its one value
        return (value.item(),)
    if isinstance(value, (bytes, bytearray, dict)):
        raise InvalidTypeError(
            f"{parameter} takes a value or a list of values, not {type(value).__name__}: {quote(value)}"
        )
    if isinstance(value, Iterable):
        return tuple(value)
    return (value,)


def _integer(parameter: str, value: object, what: str) -> int:
    """An integer of any integer type (numpy's included), never a bool or a string."""
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise InvalidTypeError(f"{parameter} must be {what}, not {type(value).__name__}: {quote(value)}")


def check_int(parameter: str, value: object) -> int:
    """A whole number, as any integer type (numpy's included), never a bool or a string."""
    return _integer(parameter, value, "an int")


def check_year(parameter: str, value: object) -> int:
    """A year from 1 to 9999, as any integer type (numpy's included), never a bool or a string."""
    year = _integer(parameter, value, "an int year such as 2018")
    if not 1 <= year <= 9999:
        raise InvalidValueError(f"{parameter}={quote(value)} is not a possible year; give a year from 1 to 9999")
    return year


def check_bool(parameter: str, value: object) -> bool:
    """True or False (None is handled by the caller as "no filter")."""
    if type(value) is not bool:
        raise InvalidTypeError(f"{parameter} must be True, False or None, not {type(value).__name__}: {quote(value)}")
    return value


def check_enum(parameter: str, value: object, vocabulary: type[E]) -> E:
    """A member of ``vocabulary``, given as the member or its value string."""
    if isinstance(value, vocabulary):
        return value
    valid = ", ".join(repr(m.value) for m in vocabulary)
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{parameter} must be a {vocabulary.__name__} or one of {valid}, not {type(value).__name__}: {quote(value)}"
        )
    for member in vocabulary:
        if member.value == value.strip().lower():
            return member
    raise InvalidValueError(f"{parameter}={quote(value)} is not a known {vocabulary.__name__}; valid: {valid}")


def check_key(parameter: str, value: object, what: str) -> str:
    """A non-empty string key (a code, a name or an id), stripped."""
    if not isinstance(value, str):
        raise InvalidTypeError(f"{parameter} must be {what}, not {type(value).__name__}: {quote(value)}")
    key = value.strip()
    if not key:
        raise InvalidValueError(f"{parameter}={quote(value)} is empty; give {what}")
    return key


def check_choice(parameter: str, value: object, choices: tuple[S, ...]) -> S:
    """One of ``choices`` (strings), case and surrounding blanks ignored."""
    valid = ", ".join(map(repr, choices))
    if not isinstance(value, str):
        raise InvalidTypeError(f"{parameter} must be one of {valid}, not {type(value).__name__}: {quote(value)}")
    wanted = value.strip().lower()
    for choice in choices:
        if choice == wanted:
            return choice
    raise InvalidValueError(f"{parameter}={quote(value)} is not one of {valid}")


def check_count(parameter: str, value: object) -> int:
    """A whole number of at least 1, as any integer type, never a bool or a string."""
    count = _integer(parameter, value, "a whole number of at least 1 (or None)")
    if count < 1:
        raise InvalidValueError(
            f"{parameter}={quote(value)} is less than 1; give a whole number of at least 1, or None"
        )
    return count


def _date(parameter: str, value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if is_date(value):
        return PartialDate(value.year, value.month, value.day)  # type: ignore[attr-defined]
    if isinstance(value, str):
        try:
            return PartialDate.parse(value.strip())
        except (InvalidValueError, InvalidTypeError):
            pass
        raise InvalidValueError(
            f"{parameter}={quote(value)} is not a date; give an ISO date such as '2018', '2018-06' or '2018-06-30'"
        )
    raise InvalidTypeError(
        f"{parameter} must be a date, an ISO date string or a PartialDate, not {type(value).__name__}: {quote(value)}"
    )


def day_range(since: object, until: object) -> tuple[Day, Day]:
    """The days from ``since``'s first to ``until``'s last (either may be None: open).

    ``since="2018"`` starts on 1 January 2018; ``until="2018-06"`` ends on 30 June.
    """
    first: Day = (1, 1, 1)
    last: Day = (9999, 12, 31)
    if since is not None:
        first = _date("since", since).bounds()[0]
    if until is not None:
        last = _date("until", until).bounds()[1]
    if last < first:
        raise InvalidValueError(f"until={quote(until)} lies before since={quote(since)}; nothing can match")
    return first, last


def check_day(parameter: str, value: object) -> Day:
    """One day: a `datetime.date`, an ISO day string (``"2022-01-01"``) or a `PartialDate` to the day.

    A year or a month is refused (it is not one day), and so is a day before 1991.
    """
    day = day_of(parameter, value)
    if day < EARLIEST_DAY:
        raise InvalidValueError(f"{parameter}={quote(value)} is before 1991, when Belarus's own relations begin")
    return day


def _none(word: str) -> Sequence[str]:
    return ()


def misfit(
    function: str,
    signature: inspect.Signature,
    args: Sequence[object],
    kwargs: Mapping[str, object],
    alike: Callable[[str], Sequence[str]] = _none,
) -> CallError | None:
    """Why a call of ``function`` with ``args`` and ``kwargs`` does not fit ``signature``; None when it does.

    Only asked once a call has raised `TypeError`, so the normal path pays
    nothing. A wrong keyword is answered with the keywords the function
    takes, the nearest ones first: those spelt alike, then what ``alike``
    suggests (the filters taking the same kind of value: ``sending`` and
    ``receiving`` for a ``country``).
    """
    import difflib
    import inspect

    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        pass
    else:
        return None
    parameters = list(signature.parameters.values())
    by_position = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = [p for p in parameters if p.kind in by_position]
    keywords = [p.name for p in parameters if p.kind is not inspect.Parameter.POSITIONAL_ONLY]
    takes = f"its keywords: {', '.join(keywords)}" if keywords else "it takes no keywords"

    def error(message: str, suggestions: Iterable[str] = ()) -> CallError:
        return CallError(message, function=function, keywords=keywords, suggestions=suggestions)

    def call(keys: Iterable[object], named: Iterable[str] = ()) -> str:
        return f"{function}({', '.join([*map(quote, keys), *named])})"

    misplaced = [
        (i, p) for i, p in enumerate(positional) if p.kind is inspect.Parameter.POSITIONAL_ONLY and p.name in kwargs
    ]
    if misplaced:  # a key given as a keyword: say how to give it
        names = " and ".join(p.name for _, p in misplaced)
        rest = [f"{k}={quote(v)}" for k, v in kwargs.items() if k not in {p.name for _, p in misplaced}]
        if any(i < len(args) for i, _ in misplaced):
            return error(f"{function} got {names} twice, positionally and as a keyword: {call(args, rest)}")
        keys = [*args, *(kwargs[p.name] for _, p in misplaced)]
        return error(f"{function} takes {names} positionally, not as a keyword: {call(keys, rest)}")
    known = {p.name for p in parameters}
    unknown = [k for k in kwargs if k not in known]
    if unknown:
        word = unknown[0]
        near = [*difflib.get_close_matches(word, keywords, n=3, cutoff=0.6), *alike(word)]
        suggestions = [k for k in dict.fromkeys(near) if k in keywords]
        guess = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
        return error(f"{function} takes no keyword {word}{guess} ({takes})", suggestions)
    if len(args) > len(positional):
        given = ", ".join(map(quote, args[len(positional) :]))
        if not positional:
            return error(f"{function} takes no positional arguments ({given} given; {takes})")
        names = ", ".join(p.name for p in positional)
        return error(f"{function} takes {len(positional)} positional argument(s), {names}; {given} too many")
    missing = [
        p.name
        for p in parameters[len(args) :]
        if p.default is inspect.Parameter.empty
        and p.name not in kwargs
        and p.kind is not inspect.Parameter.VAR_POSITIONAL
    ]
    if missing:
        return error(f"{function} needs {' and '.join(missing)}: {function}({', '.join(missing)})")
    return error(f"the arguments do not fit {function}{signature}")
