"""The people the source names, with the posts it gives them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from belatam.dates import PartialDate
from belatam.model.names import Name, Named, names_of
from belatam.model.record import Record, SourceRef, citations, nonempty, qid, slug, wikidata
from belatam.model.schema import derived, info, records_of, strings

__all__ = ["RECORD", "Person", "Role"]


@attrs.frozen(kw_only=True)
class Role(Record):
    """A post a person holds, as the source names it. ``str()`` gives ``title (CC)`` or ``title (CC, org-id)``."""

    title: str = attrs.field(
        validator=nonempty, metadata=info("The post, as the source names it.", table=True, term="schema:roleName")
    )
    country: str = attrs.field(
        metadata=info("Alpha-2 code of the state the post serves.", refers="countries", table=True)
    )
    organization: str | None = attrs.field(
        default=None, metadata=info("Id of the organisation of the post, where named.", refers="organizations")
    )
    since: PartialDate | None = attrs.field(
        default=None, metadata=info("When the post was taken up, where a source says.", valid="start", table=True)
    )
    until: PartialDate | None = attrs.field(
        default=None, metadata=info("When the post was left, where a source says.", valid="end", table=True)
    )
    seen: PartialDate | None = attrs.field(
        default=None,
        metadata=info(
            "A date a source shows the post held on (a dated meeting), where no start is known.", valid="seen"
        ),
    )
    until_by: PartialDate | None = attrs.field(
        default=None,
        metadata=info(
            "A day by which the post had been left, where a source shows that without the day.", valid="ended_by"
        ),
    )

    def __str__(self) -> str:
        where = self.country if self.organization is None else f"{self.country}, {self.organization}"
        return f"{self.title} ({where})"


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return records_of(values)


@attrs.frozen(kw_only=True)
class Person(Named, Record):
    """Someone the source names, with the posts it gives them."""

    ORDER: ClassVar[tuple[str, ...]] = ("name", "id")
    TYPES: ClassVar[tuple[str, ...]] = ("schema:Person",)

    id: str = attrs.field(validator=slug, metadata=info("Stable identifier of the person.", identity=True, lookup=True))
    name: str = attrs.field(
        validator=nonempty,
        metadata=info("Full name as written in the data.", lookup=True, table=True, term="schema:name"),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        repr=False,
        metadata=info(
            "Other spellings of the name that the look-ups accept.", lookup=True, term="schema:alternateName"
        ),
    )
    roles: tuple[Role, ...] = attrs.field(
        default=(), converter=_roles, metadata=info("Posts held, each with the state served.", table=True, long=True)
    )
    names: tuple[Name, ...] = attrs.field(
        default=(),
        converter=names_of,
        repr=False,
        metadata=info("Names in other languages and scripts, where a cited source gives them.", lookup=True),
    )
    wikidata: str | None = attrs.field(default=None, validator=qid, metadata=wikidata("the person"))
    sources: tuple[SourceRef, ...] = attrs.field(
        default=(), converter=citations, repr=False, metadata=info("Where the record is stated.", long=True)
    )

    @property
    @derived("Alpha-2 codes of the states the person's posts serve.", filter="country", refers="countries")
    def countries(self) -> tuple[str, ...]:
        """Alpha-2 codes of the states the person's posts serve, in the order of the posts."""
        return tuple(dict.fromkeys(role.country for role in self.roles))


RECORD = Person
