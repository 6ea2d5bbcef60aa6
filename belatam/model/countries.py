"""The states: the 33 of Latin America and the Caribbean, and Belarus."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from belatam.dates import PartialDate
from belatam.errors import InvalidValueError, quote
from belatam.model.names import Name, Named, names_of
from belatam.model.record import (
    Lasting,
    SourceRef,
    citations,
    matches,
    nonempty,
    note_info,
    qid,
    sources_info,
    wikidata,
)
from belatam.model.schema import info, strings

__all__ = ["HOME", "RECORD", "SUBREGIONS", "Country"]

HOME = "BY"
"""The alpha-2 code of Belarus, the state every relation here is with."""

SUBREGIONS = ("Caribbean", "Central America", "South America")
"""The UN M49 sub-regions the 33 states fall into."""


def _region_only(instance: Country, attribute: Any, value: object) -> None:
    """A field that only the region's states have: None for Belarus (its own sub-region, its relations with itself)."""
    if instance.code == HOME and value is not None:
        raise InvalidValueError(
            f"{attribute.name} is None for Belarus ({HOME}): it is said of the region's states, got {quote(value)}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Country(Named, Lasting):
    """A state: one of the 33 of Latin America and the Caribbean, or Belarus.

    ``names`` holds its name in each language of the relationship (CLDR's)
    and its official name where a source gives one; `name_in` picks one.
    The relationship it stands for is its diplomatic relations with Belarus:
    ``in_force`` answers for those.
    """

    ORDER: ClassVar[tuple[str, ...]] = ("name", "code")
    TYPES: ClassVar[tuple[str, ...]] = ("schema:Country",)
    """Linked-data classes the records are, besides the package's own (see `belatam.exports.jsonld`)."""

    code: str = attrs.field(
        validator=matches("[A-Z]{2}", "an ISO 3166-1 alpha-2 code such as 'AR'"),
        metadata=info("ISO 3166-1 alpha-2 code; the country's id.", identity=True, lookup=True),
    )
    alpha3: str = attrs.field(
        validator=matches("[A-Z]{3}", "an ISO 3166-1 alpha-3 code such as 'ARG'"),
        metadata=info("ISO 3166-1 alpha-3 code.", lookup=True, table=True),
    )
    numeric: str = attrs.field(
        validator=matches("[0-9]{3}", "an ISO 3166-1 numeric code of three digits such as '032'"),
        metadata=info("ISO 3166-1 numeric code, a three-digit string.", lookup=True),
    )
    name: str = attrs.field(
        validator=nonempty,
        metadata=info("English name as used in the data.", lookup=True, table=True, term="schema:name"),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        metadata=info("Other names the look-ups accept.", lookup=True, term="schema:alternateName"),
    )
    names: tuple[Name, ...] = attrs.field(
        default=(),
        converter=names_of,
        repr=False,
        metadata=info(
            "Names in the languages of the relationship, official ones marked, each with its source.", lookup=True
        ),
    )
    subregion: str | None = attrs.field(
        default=None,
        validator=[matches("|".join(SUBREGIONS), "one of " + ", ".join(SUBREGIONS)), _region_only],
        metadata=info("UN M49 sub-region (None for Belarus).", filter="subregion", table=True, choices=SUBREGIONS),
    )
    relations: bool | None = attrs.field(
        default=None,
        validator=_region_only,
        metadata=info(
            "Diplomatic relations with Belarus at the reference date (None where not known, and for Belarus).",
            filter="relations",
            table=True,
            valid="held",
        ),
    )
    relations_established: PartialDate | None = attrs.field(
        default=None, metadata=info("When relations began, where a source gives it.", table=True, valid="start")
    )
    wikidata: str | None = attrs.field(default=None, validator=qid, metadata=wikidata("the state"))
    note: str | None = attrs.field(default=None, repr=False, validator=nonempty, metadata=note_info())
    sources: tuple[SourceRef, ...] = attrs.field(default=(), converter=citations, repr=False, metadata=sources_info())

    # pycountry's names, as read-only views of the fields above (nothing is stored twice)

    @property
    def alpha_2(self) -> str:
        """The ISO 3166-1 alpha-2 code, as pycountry names it: `code`."""
        return self.code

    @property
    def alpha_3(self) -> str:
        """The ISO 3166-1 alpha-3 code, as pycountry names it: `alpha3`."""
        return self.alpha3

    @property
    def common_name(self) -> str:
        """The English name in common use, as pycountry names it: `name` (``"Venezuela"``)."""
        return self.name

    @property
    def official_name(self) -> str | None:
        """The official English name where a source gives one (``"Bolivarian Republic of Venezuela"``), else None.

        pycountry leaves the attribute out where ISO 3166-1 has no official
        name; here it is None, so ``country.official_name or country.name``
        always gives a name.
        """
        found = [n for n in self.names if n.lang == "en" and n.official]
        return min(found, key=lambda n: n.translated).text if found else None


RECORD = Country
