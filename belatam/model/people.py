"""The people the source names, with the posts it gives them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.model.names import Name, Named, names_of
from belatam.model.record import (
    Lasting,
    Record,
    SourceRef,
    Vocabulary,
    citations,
    id_info,
    identifier,
    nonempty,
    not_before_info,
    note_info,
    qid,
    sources_info,
    wikidata,
)
from belatam.model.schema import derived, info, records_of, strings

__all__ = ["RECORD", "Office", "Person", "Role"]


class Office(Vocabulary):
    """An office that one person holds at a time in a state (head of state, foreign minister)."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FOREIGN_MINISTER = "foreign_minister"
    SPEAKER = "speaker"
    """The chair of a parliament's chamber (Belarus's House of Representatives)."""
    CENTRAL_BANK_GOVERNOR = "central_bank_governor"


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Role(Lasting):
    """A post a person holds, as the source names it. ``str()`` gives ``title (CC)`` or ``title (CC, org-id)``.

    ``office`` says which single-holder office it is, where it is one: no two
    people hold one office of one state on the same day.
    """

    EXCLUSIVE: ClassVar[tuple[tuple[str, ...], ...]] = (("office", "country"),)

    title: str = attrs.field(
        validator=nonempty, metadata=info("The post, as the source names it.", table=True, term="schema:roleName")
    )
    country: str = attrs.field(
        metadata=info("Alpha-2 code of the state the post serves.", refers="countries", table=True)
    )
    organization: str | None = attrs.field(
        default=None, metadata=info("Id of the organisation of the post, where named.", refers="organizations")
    )
    office: Office | None = attrs.field(
        default=None, metadata=info("The single-holder office the post is, where it is one.")
    )
    since: PartialDate | None = attrs.field(
        default=None, metadata=info("When the post was taken up, where a source says.", valid="start", table=True)
    )
    not_before: PartialDate | None = attrs.field(default=None, repr=False, metadata=not_before_info())
    until: PartialDate | None = attrs.field(
        default=None, metadata=info("When the post was left, where a source says.", valid="end", table=True)
    )
    seen: PartialDate | Period | None = attrs.field(
        default=None,
        metadata=info(
            "When sources show the post held (a dated meeting, a dated report): a date, or the span from the "
            "first such date to the last.",
            valid="seen",
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


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Person(Named, Record):
    """Someone the source names, with the posts it gives them."""

    ORDER: ClassVar[tuple[str, ...]] = ("name", "id")
    TYPES: ClassVar[tuple[str, ...]] = ("schema:Person",)

    id: str = attrs.field(validator=identifier("per"), metadata=id_info("the person", lookup=True))
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
    died: PartialDate | None = attrs.field(
        default=None, repr=False, metadata=info("When the person died, where a source says.", valid="end")
    )
    wikidata: str | None = attrs.field(default=None, validator=qid, metadata=wikidata("the person"))
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    @property
    @derived("Alpha-2 codes of the states the person's posts serve.", filter="country", refers="countries")
    def countries(self) -> tuple[str, ...]:
        """Alpha-2 codes of the states the person's posts serve, in the order of the posts."""
        return tuple(dict.fromkeys(role.country for role in self.roles))


RECORD = Person
