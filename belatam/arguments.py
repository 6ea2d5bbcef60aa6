"""Checking and normalising the arguments of the query helpers.

Each function takes the parameter's name so that its error can say which
argument was wrong, what was given and what would be valid.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import TypeVar

from belatam.errors import InvalidTypeError, InvalidValueError

__all__ = ["check_bool", "check_enum", "check_key", "check_year", "fold"]

E = TypeVar("E", bound=enum.Enum)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Fold a name for matching: no accents, no case, no punctuation.

    >>> fold("  Bolivia (Plurinational State of) ")
    'bolivia plurinational state of'
    >>> fold("Trinidad & Tobago") == fold("trinidad and tobago")
    True
    """
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", text).strip()


def check_year(parameter: str, value: object) -> int:
    """An int year between 1 and 9999."""
    if type(value) is not int:
        raise InvalidTypeError(f"{parameter} must be an int year such as 2018, not {type(value).__name__}: {value!r}")
    if not 1 <= value <= 9999:
        raise InvalidValueError(f"{parameter}={value!r} is not a possible year; give a year from 1 to 9999")
    return value


def check_bool(parameter: str, value: object) -> bool:
    """True or False (None is handled by the caller as "no filter")."""
    if type(value) is not bool:
        raise InvalidTypeError(f"{parameter} must be True, False or None, not {type(value).__name__}: {value!r}")
    return value


def check_enum(parameter: str, value: object, vocabulary: type[E]) -> E:
    """A member of ``vocabulary``, given as the member or its value string."""
    if isinstance(value, vocabulary):
        return value
    valid = ", ".join(repr(m.value) for m in vocabulary)
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{parameter} must be a {vocabulary.__name__} or one of {valid}, not {type(value).__name__}: {value!r}"
        )
    try:
        return vocabulary(value.strip().lower())
    except ValueError:
        raise InvalidValueError(f"{parameter}={value!r} is not a known {vocabulary.__name__}; valid: {valid}") from None


def check_key(parameter: str, value: object, what: str) -> str:
    """A non-empty string key (a code, a name or an id), stripped."""
    if not isinstance(value, str):
        raise InvalidTypeError(f"{parameter} must be {what}, not {type(value).__name__}: {value!r}")
    key = value.strip()
    if not key:
        raise InvalidValueError(f"{parameter}={value!r} is empty; give {what}")
    return key
