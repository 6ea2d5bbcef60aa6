"""Rules every packaged record must keep, checked record by record."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest

import belatam
import belatam.read.integrity
from belatam import Agreement, Event, EventKind, Membership, MembershipRole, Organization, OrganizationKind
from belatam.model import KINDS, record_type

DATA = belatam.dataset()
ALL = [r for records in DATA.records().values() for r in records]
PREFIX = {
    kind: prefix
    for kind in KINDS
    if (prefix := getattr(getattr(attrs.fields_dict(record_type(kind)).get("id"), "validator", None), "prefix", None))
}
"""Each record type's id prefix, as its class's ``id`` validator states it (all but the countries)."""
REGION = {c.code for c in DATA.countries()}
OCCASIONS = {EventKind(kind) for kind in belatam.read.integrity.OCCASIONS}
"""The kinds of event others take place during: visits, commission sessions, consultations."""


def label(record: object) -> str:
    return str(getattr(record, "id", None) or getattr(record, "code", None) or getattr(record, "year", None))


@pytest.mark.parametrize("record", ALL, ids=label)
def test_every_record_but_a_source_cites_a_source(record: object) -> None:
    if isinstance(record, belatam.Source):
        assert record.title and record.publisher
        return
    refs = record.sources  # type: ignore[attr-defined]
    assert refs, "no sources"
    known = {s.id for s in DATA.sources()}
    for ref in refs:
        assert ref.source in known
        if ref.source == "src-mfa-2019":
            assert ref.paragraph is not None and 2 <= ref.paragraph <= 33


def test_every_record_type_with_ids_has_a_prefix() -> None:
    with_ids = {kind for kind in KINDS if "id" in attrs.fields_dict(record_type(kind))}
    assert set(PREFIX) == with_ids and "countries" not in with_ids  # a country is known by its code


@pytest.mark.parametrize(("name", "prefix"), PREFIX.items())
def test_ids_have_their_type_prefix_and_are_unique(name: str, prefix: str) -> None:
    ids = [r.id for r in DATA.records()[name]]  # type: ignore[attr-defined]
    assert all(re.fullmatch(rf"{prefix}-[0-9a-z]+(-[0-9a-z]+)*", i) for i in ids), ids
    assert len(ids) == len(set(ids))


def test_the_33_states_and_their_codes() -> None:
    states = DATA.countries()
    assert len(states) == 33 and "BY" not in REGION
    for codes in ({c.code for c in states}, {c.alpha3 for c in states}, {c.numeric for c in states}):
        assert len(codes) == 33
    for c in states:
        assert c.alpha3[0] == c.code[0] and re.fullmatch(r"\d{3}", c.numeric)
        assert c.subregion in {"Caribbean", "Central America", "South America"}
        assert "src-un-m49" in {r.source for r in c.sources}


def test_every_external_fact_has_its_own_source() -> None:
    for c in DATA.countries():
        if c.relations_established is not None:
            assert any(r.source not in ("src-mfa-2019", "src-un-m49") for r in c.sources), c.code


@pytest.mark.parametrize("event", DATA.events(), ids=label)
def test_event_references_are_consistent(event: Event) -> None:
    assert "BY" not in event.countries
    assert event.summary and event.summary[-1] == "."
    for parent in event.during:
        occasion = DATA.event(parent)
        assert occasion.kind in OCCASIONS and occasion.date is not None
        # the days the event may lie on meet the days of the occasion it took place during
        if event.date is None:
            assert event.not_before is not None and event.not_after is not None
            first, last = event.not_before.first_day(), event.not_after.last_day()
        else:
            first, last = event.date.first_day(), event.date.last_day()
        assert first <= occasion.date.last_day() and occasion.date.first_day() <= last
    if event.kind is EventKind.SIGNING:
        for agreement in event.agreements:
            signed = DATA.agreement(agreement).signed
            if signed is None or event.date is None:  # an undated signing only bounds the day
                assert signed is None and event.date is None
            else:
                assert signed.first_day() <= event.date.first_day() <= event.date.last_day() <= signed.last_day()
    if event.kind is EventKind.ESTABLISHMENT:
        assert any(DATA.organization(o).established == event.date for o in event.organizations)
    if event.kind is EventKind.OBSERVER_STATUS:
        (org,) = event.organizations
        (status,) = DATA.memberships(organization=org, member="BY")
        assert status.since == event.date
    if event.date is None:
        assert event.not_after is not None


@pytest.mark.parametrize("agreement", DATA.agreements(), ids=label)
def test_agreements_are_signed_by_belarus_and_recorded_as_signings(agreement: Agreement) -> None:
    assert "BY" in agreement.parties and len(set(agreement.parties)) == len(agreement.parties) >= 2
    signings = [e for e in DATA.events(kind="signing") if agreement.id in e.agreements]
    if agreement.signed is None:  # at most a signing the pages bound, not date
        assert len(signings) <= 1 and all(e.date is None for e in signings)
    elif len(signings) > 1:  # pages that disagree on the day: one signing each, no source in two
        cited = [{r.source for r in e.sources} for e in signings]
        assert all(a.isdisjoint(b) for i, a in enumerate(cited) for b in cited[i + 1 :])
    else:
        assert signings


@pytest.mark.parametrize("org", DATA.organizations(), ids=label)
def test_organisations(org: Organization) -> None:
    assert org.description
    if org.kind in (OrganizationKind.BRANCH, OrganizationKind.REPRESENTATIVE_OFFICE):
        assert org.parent is not None and DATA.organization(org.parent).kind is OrganizationKind.ENTERPRISE
        assert org.country in REGION
    if org.kind is OrganizationKind.REGIONAL_BLOC:
        assert org.country is None


@pytest.mark.parametrize("membership", DATA.memberships(), ids=label)
def test_memberships(membership: Membership) -> None:
    assert membership.member in REGION | {"BY"}
    if membership.role is MembershipRole.OBSERVER:
        assert membership.member == "BY" and membership.since is not None


def test_named_members_never_exceed_the_counts() -> None:
    every = DATA.records()["memberships"]
    for org in DATA.organizations():
        named = [m for m in every if m.organization == org.id and m.role is belatam.MembershipRole.MEMBER]
        if org.members is not None:
            assert len(named) == org.members


def test_trade_figures_add_up_within_the_rounding_of_the_source() -> None:
    for t in DATA.records()["trade"]:
        assert isinstance(t, belatam.TradeFigures)
        if t.exports is None or t.imports is None:
            continue
        assert t.balance == t.exports - t.imports
        if t.turnover is not None:  # each amount is rounded by its source, to a million at most
            assert abs(t.exports + t.imports - t.turnover) <= Decimal("500000") + 2 * Decimal("50000")


def test_people_take_part_in_events() -> None:
    """Everyone holds a post or heads a mission; everyone the primary source names takes part in one of its events."""
    for person in DATA.people():
        assert person.roles or any(p.person == person.id for p in DATA.records()["postings"]), person.id
        if any(ref.source == "src-mfa-2019" for ref in person.sources):
            assert DATA.events(person=person), person.id


def test_statements_are_short_own_words() -> None:
    for s in DATA.statements():
        assert 20 <= len(s.text) <= 300 and s.text.endswith(".")
        assert all(c in REGION for c in s.countries)
