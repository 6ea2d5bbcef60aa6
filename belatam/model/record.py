"""What every record shares: the base class, vocabularies, field checks and citations.

`Record` gives each record class its notebook display; `Vocabulary` is the
base of every enum (values are the lowercase member names); the checks here
are attrs validators, so a record is checked the same way whether it is
built by hand or read from a data file; `SourceRef` is the citation every
record's ``sources`` holds.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from belatam.dates import PartialDate, day_of
from belatam.errors import InvalidValueError, quote
from belatam.model.schema import checking, describe, info, records_of
from belatam.model.validity import span_of

if TYPE_CHECKING:
    import datetime

__all__ = [
    "Lasting",
    "Record",
    "SourceRef",
    "Vocabulary",
    "citations",
    "count",
    "ended_by_info",
    "ended_info",
    "id_info",
    "identifier",
    "matches",
    "nonempty",
    "not_before_info",
    "note_info",
    "qid",
    "seen_info",
    "slug",
    "sources_info",
    "wikidata",
    "without",
]


class Record:
    """The base of every record class: frozen attrs classes with a notebook display.

    A record whose fields say when it held or existed (the schema's ``valid``
    parts) is refused when they contradict each other (an end before its start).
    A record class is described (``describe``) as soon as attrs has made it, so a
    field no kind of value claims, or a filter no kind can resolve, fails where
    the class is defined, not at its first query.
    """

    __slots__ = ()

    _SPANNED: ClassVar[bool] = False
    """Whether its fields say when it held, so that a record is checked for a span that holds together."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__attrs_attrs__" in vars(cls):  # attrs' final class (the class statement's own is not yet one)
            cls._SPANNED = bool(describe(cls).validity)

    def __attrs_post_init__(self) -> None:
        if self._SPANNED:
            span_of(self)

    def __repr__(self) -> str:
        """What attrs writes (``Mission(id='mis-...', kind=...)``, fields marked ``repr=False`` left out),
        written once here: the record classes skip attrs' own, which costs every first query its making."""
        cls = type(self)
        shown = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(cls) if a.repr)  # type: ignore[arg-type]
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"

    def _repr_html_(self) -> str:
        """A field/value table for Jupyter."""
        from belatam.model.html import record_html

        return record_html(self)


class Lasting(Record):
    """A relationship: a record that holds for a while (a mission, a membership, a role).

    Queries answer for a day (``as_of``) or a span (``since``, ``until``,
    ``year``) from what its fields say of when it held (see
    ``belatam.model.validity``); `in_force` asks the record itself.
    """

    __slots__ = ()

    LASTING: ClassVar[bool] = True

    def in_force(self, day: datetime.date | str | PartialDate) -> bool | None:
        """Whether it was in force on ``day``: True, False, or None where the sources cannot tell.

        ``day`` is a `datetime.date`, an ISO day (``"2020-06-30"``) or a
        day-precise `belatam.PartialDate`; a year or a month is refused (a
        `ValueError`), being more than one day.
        """
        return span_of(self).on(day_of("day", day))


class Vocabulary(enum.Enum):
    """An enum whose values are the lowercase member names (``"honorary_consulate"``)."""

    def __str__(self) -> str:
        return str(self.value)


_SLUG = re.compile(r"[a-z]{3}-[0-9a-z]+(?:-[0-9a-z]+)*")


@checking(pattern=_SLUG.pattern)
def slug(instance: object, attribute: Any, value: Any) -> None:
    """An id: a lowercase slug with a type prefix, such as ``evt-2018-11-shestakov-panama``."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise InvalidValueError(
            f"{attribute.name} must be a lowercase slug with a type prefix such as 'evt-2018-...', got {quote(value)}",
            field=attribute.name,
        )


def identifier(prefix: str) -> Any:
    """The validator of a record type's ``id``: a `slug` that begins with the type's own prefix and a hyphen.

    ``attrs.field(validator=identifier("evt"), metadata=id_info("the event"))``:
    an event's id is ``evt-...``, and one with another type's prefix (an event
    ``mis-...``) is refused, naming the data file whose ids begin so. The
    validator's ``prefix`` attribute holds the prefix.
    """
    start = f"{prefix}-"

    @checking(pattern=_SLUG.pattern)
    def check(instance: object, attribute: Any, value: Any) -> None:
        slug(instance, attribute, value)
        if not value.startswith(start):
            raise InvalidValueError(
                f"{attribute.name} must begin with {start!r} in {type(instance).__name__} records, "
                f"got {quote(value)}{_whose(value.partition('-')[0])}",
                field=attribute.name,
            )

    check.prefix = prefix  # type: ignore[attr-defined]
    return check


def _whose(prefix: str) -> str:
    """Which data file's ids begin with ``prefix`` and a hyphen, in words for an error (or nothing)."""
    from belatam.model import KINDS, record_type

    for kind in KINDS:
        cls = record_type(kind)
        field = attrs.fields_dict(cls).get("id")
        if field is not None and getattr(field.validator, "prefix", None) == prefix:
            return f"; {prefix + '-'!r} begins the ids of {kind}.json ({cls.__name__} records)"
    return ""


def id_info(what: str, *, lookup: bool = False) -> Any:
    """The metadata of a record's ``id``, its identity: ``id_info("the event")`` says "Stable identifier of the event.".

    ``lookup``: the id is a look-up key too (``belatam.person("per-...")``).
    """
    return info(f"Stable identifier of {what}.", identity=True, lookup=lookup)


@checking(nonblank=True)
def nonempty(instance: object, attribute: Any, value: Any) -> None:
    """A text that is not empty or blank (None passes: optional fields check only their text)."""
    if isinstance(value, str) and not value.strip():
        raise InvalidValueError(
            f"{attribute.name} must not be empty or blank, got {quote(value)}", field=attribute.name
        )


@checking(minimum=0)
def count(instance: object, attribute: Any, value: Any) -> None:
    """A count: a whole number of at least zero, or None."""
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError(
            f"{attribute.name} must be a whole number of at least 0, got {quote(value)}", field=attribute.name
        )


def matches(pattern: str, what: str) -> Any:
    """A validator: the text must match ``pattern`` wholly (None passes)."""
    compiled = re.compile(pattern)

    @checking(pattern=pattern)
    def check(instance: object, attribute: Any, value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not compiled.fullmatch(value)):
            raise InvalidValueError(f"{attribute.name} must be {what}, got {quote(value)}", field=attribute.name)

    return check


def without(value: str, why: str) -> Any:
    """A validator of a tuple of texts that never holds ``value``; ``why`` says why, in the error.

    ``attrs.field(converter=strings, validator=without(HOME, "..."))``: Belarus is never among the
    region's states an event concerns.
    """

    def check(instance: object, attribute: Any, values: Any) -> None:
        if isinstance(values, tuple) and value in values:
            raise InvalidValueError(
                f"{attribute.name} holds {quote(value)}, which it never may: {why}", field=attribute.name
            )

    return check


def wikidata(what: str) -> Any:
    """The metadata of a ``wikidata`` field (a QID such as ``"Q155"``, or None), a look-up key.

    ``attrs.field(default=None, validator=qid, metadata=wikidata("the state"))``.
    """
    return info(
        f"Wikidata item id (QID) of {what}, where a cited source gives it; joins with Wikidata and OpenSanctions.",
        lookup=True,
        term="schema:sameAs",
        iri="wd:",
    )


qid = matches("Q[1-9][0-9]*", "a Wikidata item id (QID) such as 'Q155'")
"""The validator of a ``wikidata`` field."""


@checking(minimum=1)
def _paragraph(instance: object, attribute: object, value: Any) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise InvalidValueError(f"paragraph counts from 1 (the title), got {value!r}", field="paragraph")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class SourceRef(Record):
    """A pointer to where a fact is stated: a `Source` id and a paragraph.

    Paragraphs are the blank-line-separated blocks of the document, counted
    from 1 (the title). ``paragraph`` is None for a source cited as a whole.
    ``str()`` gives ``src-mfa-2019#8``, the form every table and export shows.
    """

    source: str = attrs.field(metadata=info("The id of the source document.", refers="sources", term="dct:source"))
    paragraph: int | None = attrs.field(
        default=None, validator=_paragraph, metadata=info("The paragraph, counted from 1 (the title).")
    )

    def __str__(self) -> str:
        return self.source if self.paragraph is None else f"{self.source}#{self.paragraph}"


def not_before_info() -> Any:
    """The metadata of a relationship's ``not_before`` field: a date before which it had not begun.

    ``attrs.field(default=None, repr=False, metadata=not_before_info())``.
    """
    return info("A date before which it had not begun, where a source bounds its start.", valid="not_before")


def seen_info() -> Any:
    """The metadata of a relationship's ``seen`` field: when sources show it in force.

    ``attrs.field(default=None, repr=False, metadata=seen_info())``.
    """
    return info(
        "When sources show it in force: the date of one such source, or the span from the first to the last "
        "(EDTF, '2018-11/2021-10-27').",
        valid="seen",
    )


def ended_info() -> Any:
    """The metadata of a relationship's ``ended`` field (a posting's, an accreditation's): when it ended.

    ``attrs.field(default=None, metadata=ended_info())``.
    """
    return info("When it ended, where a source says.", valid="end", table=True)


def ended_by_info(unit: Literal["day", "date"]) -> Any:
    """The metadata of a relationship's ``ended_by`` field: a ``unit`` (a day, a date) by which it had ended.

    ``attrs.field(default=None, repr=False, metadata=ended_by_info("day"))``.
    """
    return info(f"A {unit} by which it had ended, where a source shows it but not when.", valid="ended_by")


def note_info() -> Any:
    """The metadata of a relationship's ``note``: how its dates were read, where the sources need explaining.

    ``attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())``.
    """
    return info(
        "How its dates were read from the sources, where they need explaining (pages that disagree).", long=True
    )


def citations(values: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    """The ``sources`` field of a record: citations, from any iterable."""
    return records_of(values)


def sources_info() -> Any:
    """The metadata of a record's ``sources``: where the record is stated.

    ``attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())``.
    """
    return info("Where the record is stated.", long=True)
