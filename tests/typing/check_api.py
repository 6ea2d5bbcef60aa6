"""Static typing checks of user code, run by ``mypy --strict`` and ``pyright`` (strict; never executed).

Each ``assert_type`` states what a user's type checker infers; each
``# type: ignore[...]`` marks a call that must be rejected (pyright honours these too): with
``warn_unused_ignores`` (part of ``--strict``), an ignore that is no longer
needed is itself an error, so a filter that stopped rejecting a wrong type
fails the check.
"""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

from matplotlib.axes import Axes

import belatam
from belatam import (
    Agreement,
    Country,
    Dataset,
    Event,
    EventKind,
    Membership,
    Mission,
    Organization,
    PartialDate,
    Partnership,
    Period,
    Person,
    Source,
    Statement,
    TradeFigures,
)

assert_type(belatam.partners(), tuple[Country, ...])
assert_type(belatam.partners(strategic=True), tuple[Country, ...])
assert_type(belatam.countries(relations=True, subregion="Caribbean"), tuple[Country, ...])
assert_type(belatam.country("AR"), Country)
assert_type(belatam.trade(2018), TradeFigures)
assert_type(belatam.trade(2018).exports, Decimal | None)  # a source may give no exports
assert_type(belatam.trade(2018).balance, Decimal | None)
assert_type(belatam.missions(sending="BY"), tuple[Mission, ...])
assert_type(belatam.partnerships(), tuple[Partnership, ...])
assert_type(belatam.agreements(year=2018), tuple[Agreement, ...])
assert_type(belatam.events(kind=EventKind.VISIT), tuple[Event, ...])
assert_type(belatam.event("evt-2012-06-lukashenko-cuba").date, PartialDate | Period | None)
assert_type(belatam.people(), tuple[Person, ...])
assert_type(belatam.organizations(kind="plant"), tuple[Organization, ...])
assert_type(belatam.memberships(member="BY"), tuple[Membership, ...])
assert_type(belatam.statements(topic="trade"), tuple[Statement, ...])
assert_type(belatam.sources(), tuple[Source, ...])
assert_type(belatam.dataset(), Dataset)
assert_type(belatam.load("folder"), Dataset)
assert_type(belatam.country("CU").relations, bool | None)
assert_type(belatam.country("CU").sources[0].paragraph, int | None)
assert_type(belatam.verify_source("source.txt").ok, bool)

# wrong types are rejected before the code runs
belatam.trade("2018")  # type: ignore[arg-type]
belatam.partners(strategic="yes")  # type: ignore[arg-type]
belatam.events(year="2018")  # type: ignore[arg-type]
belatam.events(kind=3)  # type: ignore[arg-type]
belatam.country(32)  # type: ignore[arg-type]
belatam.missions("BY")  # type: ignore[call-arg]
belatam.countries(relations="yes")  # type: ignore[arg-type]

# records are frozen
belatam.country("AR").name = "x"  # type: ignore[misc]

# records are built from any sequence and hold tuples
ref = belatam.SourceRef(source="src-x", paragraph=3)
state = Country(code="XX", alpha3="XXX", numeric="999", name="X", aliases=["Ex"], sources=(ref,))
assert_type(state.aliases, tuple[str, ...])
person = Person(id="per-x", name="X", roles=[belatam.Role(title="t", country="XX")], sources=[ref])
assert_type(person.roles, tuple[belatam.Role, ...])
Country(code="XX", alpha3="XXX", numeric="999", name="X", aliases=[1])  # type: ignore[list-item]

# every public name has its real type; a misspelt one is an error, not Any
assert_type(belatam.__version__, str)
assert_type(belatam.DATA_VERSION, str)
assert_type(belatam.plots.timeline(), Axes)
belatam.evnets(contry="CO")  # type: ignore[attr-defined]
belatam.Contry  # type: ignore[attr-defined]  # noqa: B018

# the record types' names are a Literal: a misspelt one is an error
belatam.to_frame("eventz")  # type: ignore[arg-type]

belatam.to_frame(belatam.events(year=2018))

# look-ups take their key positionally; filters take one value or several
belatam.country(key="AR")  # type: ignore[call-arg]
assert_type(belatam.events(country=["CO", "EC"], kind=("visit", EventKind.SIGNING)), tuple[Event, ...])
assert_type(belatam.events(since="2018", until=PartialDate(2018, 6)), tuple[Event, ...])
assert_type(belatam.record("org-acs"), belatam.Record)
assert_type(sorted(belatam.events(), key=belatam.by_date), list[Event])

# names, search and citations
assert_type(belatam.country("Бразілія").name_in("be"), str)
assert_type(belatam.country("BR").name_in("pt", official=True), str)
assert_type(belatam.country("BR").names, tuple[belatam.Name, ...])
assert_type(belatam.country("BR").wikidata, str | None)
assert_type(belatam.person("per-makei").wikidata, str | None)
assert_type(belatam.LANGUAGES, tuple[str, ...])
assert_type(belatam.search("Kolumbien"), tuple[belatam.Record, ...])
assert_type(belatam.search("visa", kind=["agreements", "events"], limit=None), tuple[belatam.Record, ...])
assert_type(belatam.cite("per-makei", format="bibtex"), str)
assert_type(belatam.cite(belatam.source("src-mfa-2019")), str)
belatam.search("visa", kind="eventz")  # type: ignore[arg-type]
belatam.cite("per-makei", format="mla")  # type: ignore[arg-type]
belatam.search(42)  # type: ignore[arg-type]
belatam.Name(text="Brasil", lang="pt", official=True, source="src-cldr-49")
