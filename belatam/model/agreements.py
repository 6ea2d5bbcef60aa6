"""Signed bilateral documents."""

from __future__ import annotations

import attrs

from belatam.dates import PartialDate
from belatam.model.record import Record, SourceRef, Vocabulary, citations, nonempty, slug
from belatam.model.schema import info, strings

__all__ = ["RECORD", "Agreement", "AgreementKind"]


class AgreementKind(Vocabulary):
    """The legal form of a signed document."""

    INTERGOVERNMENTAL_AGREEMENT = "intergovernmental_agreement"
    ROAD_MAP = "road_map"
    JOINT_COMMUNIQUE = "joint_communique"


@attrs.frozen(kw_only=True)
class Agreement(Record):
    """A signed bilateral document. ``parties`` are alpha-2 codes, Belarus included."""

    id: str = attrs.field(validator=slug, metadata=info("Stable identifier of the agreement.", identity=True))
    title: str = attrs.field(
        validator=nonempty, metadata=info("Title of the document.", table=True, long=True, term="dct:title")
    )
    kind: AgreementKind = attrs.field(
        metadata=info("Legal form: intergovernmental agreement, road map or joint communiqué.", table=True)
    )
    parties: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        metadata=info(
            "Alpha-2 codes of every party, Belarus included.", refers="countries", filter="country", table=True
        ),
    )
    signed: PartialDate | None = attrs.field(
        default=None, metadata=info("When it was signed, at the precision given.", when=True, table=True)
    )
    description: str = attrs.field(
        default="",
        repr=False,
        metadata=info("A short description in the project's own words.", long=True, term="schema:description"),
    )
    sources: tuple[SourceRef, ...] = attrs.field(
        default=(), converter=citations, repr=False, metadata=info("Where the record is stated.", long=True)
    )


RECORD = Agreement
