"""The record types: one module per type, named for its data file.

``belatam/model/events.py`` holds `belatam.Event` and its vocabularies, and is read
from ``belatam/data/events.json``; the same holds for every name in `belatam.Kind`,
which lists the record types in loading order. A module is imported when its
records are first needed, so a query pays only for the classes it uses.

    >>> record_type("missions").__name__
    'Mission'
"""

from __future__ import annotations

import importlib
import typing
from typing import Literal

from belatam.errors import InvalidTypeError, InvalidValueError, quote

__all__ = ["KINDS", "Kind", "check_kind", "kind_of", "record_type"]

Kind = Literal[
    "sources",
    "countries",
    "missions",
    "accreditations",
    "partnerships",
    "people",
    "postings",
    "organizations",
    "memberships",
    "agreements",
    "events",
    "statements",
    "trade",
]
"""The name of a record type: its data file (``events.json``) and its module (``belatam.model.events``)."""

KINDS: tuple[Kind, ...] = typing.get_args(Kind)
"""Every record type, in loading order."""


def record_type(kind: Kind) -> type:
    """The record class of a kind (its module is imported on first use)."""
    return importlib.import_module(f"{__name__}.{kind}").RECORD  # type: ignore[no-any-return]


def kind_of(cls: type) -> Kind:
    """The kind of a record class, from the module it is defined in."""
    kind = cls.__module__.rpartition(".")[2]
    if cls.__module__ != f"{__name__}.{kind}" or kind not in KINDS or record_type(kind) is not cls:
        raise ValueError(f"{cls.__name__} is not a record type of belatam")
    return kind


def check_kind(parameter: str, value: object) -> Kind:
    """A record type's name (``"events"``), case and surrounding blanks ignored."""
    valid = ", ".join(KINDS)
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{parameter} must be a record type ({valid}), not {type(value).__name__}: {quote(value)}"
        )
    name = value.strip().lower()
    if name not in KINDS:
        raise InvalidValueError(f"{parameter}={quote(value)} is not a record type; valid: {valid}")
    return name
