"""The integrity rules every data set must pass before it is used.

Ids are unique across all files, every reference points at a record that
exists, codes and amounts have their fixed shapes, and every record cites at
least one source. A failure is a `DataError` naming the file, the record and
the field, so a broken data set never half-loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from belatam.errors import DataError
from belatam.model import (
    Agreement,
    Country,
    Event,
    Membership,
    Mission,
    Organization,
    Partnership,
    Person,
    Source,
    Statement,
    TradeFigures,
)

__all__ = ["FILES", "SUBREGIONS", "validate"]

FILES: Mapping[str, type] = {
    "sources": Source,
    "countries": Country,
    "missions": Mission,
    "partnerships": Partnership,
    "people": Person,
    "organizations": Organization,
    "memberships": Membership,
    "agreements": Agreement,
    "events": Event,
    "statements": Statement,
    "trade": TradeFigures,
}
"""Each data file's stem and the record class it holds, in loading order."""

SUBREGIONS = ("Caribbean", "Central America", "South America")
"""The UN M49 sub-regions the 33 states fall into."""

_ALPHA2 = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_NUMERIC = re.compile(r"[0-9]{3}")
_ID = re.compile(r"[a-z]{3}-[0-9a-z]+(?:-[0-9a-z]+)*")


def record_label(record: object, index: int) -> str:
    """How an error names a record: its id, code or year, else its position."""
    for attr in ("id", "code", "year"):
        value = getattr(record, attr, None)
        if value is not None:
            return str(value)
    return f"#{index}"


class _Checker:
    def __init__(self, records: Mapping[str, Sequence[object]]) -> None:
        self.records = records
        self.countries = {c.code for c in records["countries"] if isinstance(c, Country)}
        self.sources = {s.id for s in records["sources"] if isinstance(s, Source)}
        self.ids: dict[str, set[str]] = {
            name: {str(getattr(r, "id", None)) for r in records[name]}
            for name in ("people", "organizations", "agreements", "events")
        }
        self.file = ""
        self.label = ""

    def fail(self, field: str | None, problem: str) -> DataError:
        return DataError(f"{self.file}.json", self.label, field, problem)

    def refs(self, field: str, values: Iterable[str | None], known: set[str], what: str) -> None:
        for value in values:
            if value is not None and value not in known:
                raise self.fail(field, f"unknown {what} {value!r}")

    def run(self) -> None:
        seen: dict[str, str] = {}
        for name, records in self.records.items():
            self.file = name
            for index, record in enumerate(records):
                self.label = record_label(record, index)
                key = str(
                    getattr(record, "id", getattr(record, "code", None) or f"trade-{getattr(record, 'year', '')}")
                )
                if key in seen:
                    raise self.fail("id", f"duplicate id {key!r} (also in {seen[key]}.json)")
                seen[key] = name
                self.check(record)

    def check(self, record: object) -> None:
        if isinstance(record, Source):
            self.id_shape(record.id)
            if record.sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", record.sha256):
                raise self.fail("sha256", f"not a SHA-256 hex digest: {record.sha256!r}")
            return
        sources = getattr(record, "sources", ())
        if not sources:
            raise self.fail("sources", "every record must cite at least one source")
        for ref in sources:
            if ref.source not in self.sources:
                raise self.fail("sources", f"unknown source {ref.source!r}")
            if ref.paragraph is not None and ref.paragraph < 1:
                raise self.fail("sources", f"paragraphs count from 1, got {ref.paragraph}")
        countries, orgs = self.countries, self.ids["organizations"]
        if isinstance(record, Country):
            for field, pattern in (("code", _ALPHA2), ("alpha3", _ALPHA3), ("numeric", _NUMERIC)):
                if not pattern.fullmatch(getattr(record, field)):
                    raise self.fail(field, f"not an ISO 3166-1 {field} code: {getattr(record, field)!r}")
            if record.subregion is not None and record.subregion not in SUBREGIONS:
                raise self.fail("subregion", f"{record.subregion!r} is not one of {', '.join(SUBREGIONS)}")
            return
        if not isinstance(record, TradeFigures):
            self.id_shape(getattr(record, "id", None))
        if isinstance(record, Mission):
            self.refs("sending", [record.sending], countries, "country")
            self.refs("receiving", [record.receiving], countries, "country")
            if record.sending == record.receiving:
                raise self.fail("receiving", "a mission cannot be sent to its own state")
        elif isinstance(record, Partnership):
            self.refs("country", [record.country], countries, "country")
            self.counts(treaties=record.treaties, legal_instruments=record.legal_instruments)
        elif isinstance(record, Person):
            for role in record.roles:
                self.refs("roles", [role.country], countries, "country")
                self.refs("roles", [role.organization], orgs, "organization")
        elif isinstance(record, Organization):
            self.refs("country", [record.country], countries, "country")
            self.refs("parent", [record.parent], orgs, "organization")
            if record.parent == record.id:
                raise self.fail("parent", "an organisation cannot be its own parent")
            self.counts(members=record.members, associate_members=record.associate_members)
        elif isinstance(record, Membership):
            self.refs("member", [record.member], countries | orgs, "country or organization")
            self.refs("organization", [record.organization], orgs, "organization")
        elif isinstance(record, Agreement):
            self.refs("parties", record.parties, countries, "country")
        elif isinstance(record, Event):
            self.refs("countries", record.countries, countries, "country")
            self.refs("participants", record.participants, self.ids["people"], "person")
            self.refs("organizations", record.organizations, orgs, "organization")
            self.refs("agreements", record.agreements, self.ids["agreements"], "agreement")
            self.refs("during", record.during, self.ids["events"], "event")
            if record.not_before and record.not_after and record.not_after < record.not_before:
                raise self.fail("not_after", f"{record.not_after} lies before not_before {record.not_before}")
            self.counts(round=record.round)
        elif isinstance(record, Statement):
            self.refs("countries", record.countries, countries, "country")
        elif isinstance(record, TradeFigures):
            if not re.fullmatch(r"[A-Z]{3}", record.currency):
                raise self.fail("currency", f"not an ISO 4217 code: {record.currency!r}")
            for field in ("turnover", "exports", "imports"):
                amount = getattr(record, field)
                if not amount.is_finite() or amount < 0 or amount != amount.to_integral_value():
                    raise self.fail(field, f"must be a whole, non-negative amount, got {amount}")

    def id_shape(self, value: object) -> None:
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise self.fail("id", f"ids are lowercase slugs with a type prefix such as 'evt-2018-...', got {value!r}")

    def counts(self, **values: int | None) -> None:
        for field, value in values.items():
            if value is not None and value < 0:
                raise self.fail(field, f"a count cannot be negative, got {value}")


def validate(records: Mapping[str, Sequence[object]]) -> None:
    """Check a data set given as ``{file stem: records}``; raise `DataError`."""
    _Checker(records).run()
