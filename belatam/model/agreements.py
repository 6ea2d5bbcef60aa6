"""Signed bilateral documents."""

from __future__ import annotations

import attrs

from belatam.dates import PartialDate
from belatam.errors import InvalidValueError, quote
from belatam.model.countries import HOME
from belatam.model.record import (
    Record,
    SourceRef,
    Vocabulary,
    citations,
    id_info,
    identifier,
    nonempty,
    note_info,
    sources_info,
)
from belatam.model.schema import info, strings

__all__ = ["RECORD", "Agreement", "AgreementKind"]


def _after_signing(
    instance: Agreement, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
) -> None:
    signed = instance.signed
    if value is not None and signed is not None and value.bounds()[1] < signed.bounds()[0]:
        raise InvalidValueError(f"{attribute.name} ({value}) lies before the signing ({signed})", field=attribute.name)


def _with_belarus(instance: Agreement, attribute: object, value: tuple[str, ...]) -> None:
    if value and (HOME not in value or len(value) < 2):
        raise InvalidValueError(
            f"parties {quote(list(value))} must hold Belarus ({HOME}) and another state: every document here is "
            "one Belarus signed (or none, where the source does not name the parties)",
            field="parties",
        )


class AgreementKind(Vocabulary):
    """The legal form of a signed document."""

    TREATY = "treaty"
    INTERGOVERNMENTAL_AGREEMENT = "intergovernmental_agreement"
    INTERDEPARTMENTAL_AGREEMENT = "interdepartmental_agreement"
    """An agreement between two ministries (the economy ministries' commission of 2008)."""
    PROTOCOL = "protocol"
    MEMORANDUM = "memorandum"
    PROGRAMME = "programme"
    ROAD_MAP = "road_map"
    JOINT_COMMUNIQUE = "joint_communique"


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Agreement(Record):
    """A signed bilateral document. ``parties`` are alpha-2 codes, Belarus included.

    ``ratified`` and ``entered_into_force`` are the later steps where a
    source gives them: a treaty is in force from the second, a day the
    signing alone does not give.
    """

    id: str = attrs.field(validator=identifier("agr"), metadata=id_info("the agreement"))
    title: str = attrs.field(
        validator=nonempty, metadata=info("Title of the document.", table=True, long=True, term="dct:title")
    )
    kind: AgreementKind = attrs.field(
        metadata=info(
            "Legal form: treaty, agreement, protocol, memorandum, programme, road map, communiqué.", table=True
        )
    )
    parties: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        validator=_with_belarus,
        metadata=info(
            "Alpha-2 codes of every party, Belarus included.", refers="countries", filter="country", table=True
        ),
    )
    signed: PartialDate | None = attrs.field(
        default=None, metadata=info("When it was signed, at the precision given.", when=True, table=True)
    )
    ratified: PartialDate | None = attrs.field(
        default=None,
        repr=False,
        validator=_after_signing,
        metadata=info("When Belarus ratified it, where a source says."),
    )
    entered_into_force: PartialDate | None = attrs.field(
        default=None,
        validator=_after_signing,
        metadata=info("When it entered into force, where a source says.", table=True),
    )
    description: str = attrs.field(
        default="",
        repr=False,
        metadata=info("A short description in the project's own words.", long=True, term="schema:description"),
    )
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())


RECORD = Agreement
