"""The documents the data is taken from."""

from __future__ import annotations

from typing import ClassVar

import attrs

from belatam.dates import DateLike, PartialDate
from belatam.errors import InvalidValueError
from belatam.model.record import Record, id_info, identifier, matches, nonempty
from belatam.model.schema import info

__all__ = ["RECORD", "Source"]


def _after_its_date(instance: Source, attribute: object, value: PartialDate | None) -> None:
    date = instance.date
    if value is not None and date is not None and value.bounds()[1] < date.bounds()[0]:
        raise InvalidValueError(f"consulted {value} before the document's date {date}", field="consulted")


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Source(Record):
    """A document the data is taken from."""

    ORDER: ClassVar[tuple[str, ...]] = ("sha256", "id")
    TYPES: ClassVar[tuple[str, ...]] = ("schema:CreativeWork",)
    """The sources whose text the data was checked against (with a ``sha256``) first, then by id."""

    id: str = attrs.field(validator=identifier("src"), metadata=id_info("the document"))
    title: str = attrs.field(
        validator=nonempty,
        metadata=info("Title of the document, as published.", table=True, long=True, term="dct:title"),
    )
    publisher: str = attrs.field(
        validator=nonempty, metadata=info("Who published the document.", table=True, term="dct:publisher")
    )
    url: str | None = attrs.field(
        default=None,
        validator=matches(
            r'https?://[^\s<>"{}|\\^`\x00-\x1f\x7f]+',  # a pattern JSON Schema (ECMA-262) reads alike
            "an absolute http(s) address without spaces, such as 'https://example.org/page'",
        ),
        metadata=info("Where the document was read.", term="schema:url", iri=""),
    )
    date: DateLike | None = attrs.field(
        default=None,
        metadata=info(
            "When the document dates from, as precisely as known (may be a range).", table=True, term="dct:date"
        ),
    )
    consulted: PartialDate | None = attrs.field(
        default=None,
        validator=_after_its_date,
        metadata=info("When the project last read the document (for citations: accessed), where known."),
    )
    language: str = attrs.field(
        default="en",
        validator=matches("[a-z]{2,3}", "an ISO 639 code"),
        metadata=info("Language of the document.", term="dct:language"),
    )
    sha256: str | None = attrs.field(
        default=None,
        repr=False,
        validator=matches("[0-9a-f]{64}", "a SHA-256 hex digest"),
        metadata=info("SHA-256 of the text the data was checked against (the primary source)."),
    )
    note: str | None = attrs.field(
        default=None,
        repr=False,
        validator=nonempty,
        metadata=info("What the document is and what it is used for.", long=True),
    )


RECORD = Source
