"""The facts of the primary source, asked through the public API.

One test per paragraph (or fact) of the source, so a reader can hold this file
beside the text and tick it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import pytest

import belatam
from belatam import (
    AgreementKind,
    EventKind,
    MembershipRole,
    MissionKind,
    OrganizationKind,
    PartialDate,
    Topic,
    VisitKind,
)

T = TypeVar("T")


def codes(records: object) -> list[str]:
    return [r.code for r in records]  # type: ignore[attr-defined]


def cited(record: object) -> set[int]:
    return {r.paragraph for r in record.sources if r.source == "src-mfa-2019"}  # type: ignore[attr-defined]


def lies_in(date: object, stated: PartialDate) -> bool:
    """Whether a record's date lies within what the page states (later pages may narrow it)."""
    return date is not None and stated.first_day() <= date.first_day() <= date.last_day() <= stated.last_day()  # type: ignore[attr-defined]


def on_page(records: Sequence[T], *paragraphs: int) -> list[T]:
    """The records that cite the primary source (at one of ``paragraphs``, if given): later pages add others."""
    return [r for r in records if (found := cited(r)) and (not paragraphs or found & set(paragraphs))]


def test_p2_region_is_a_priority_and_has_strategic_partners() -> None:
    topics = {s.topic for s in belatam.statements() if 2 in cited(s)}
    assert {Topic.POLICY, Topic.RELATIONS, Topic.COOPERATION} <= topics


def test_p3_relations_with_31_of_33() -> None:
    assert len(belatam.countries()) == 33
    assert len(belatam.countries(relations=True)) == 31
    assert codes(belatam.countries(relations=False)) == ["BS", "BB"]


def test_the_two_without_relations_established_them_in_december_2019() -> None:
    assert belatam.country("BS").relations_established == PartialDate(2019, 12, 9)
    assert belatam.country("BB").relations_established == PartialDate(2019, 12, 10)
    assert {r.source for r in belatam.country("BS").sources} >= {"src-newskitchen-bahamas", "src-mfa-2019"}
    communiques = [a for a in belatam.agreements(year=2019) if set(a.parties) & {"BS", "BB"}]
    assert {a.kind for a in communiques} == {AgreementKind.JOINT_COMMUNIQUE}
    assert sorted(p for a in communiques for p in a.parties if p != "BY") == ["BB", "BS"]


def test_p4_missions_of_belarus() -> None:
    embassies = belatam.missions(sending="BY", kind="embassy")
    assert sorted(m.receiving for m in embassies) == ["AR", "BR", "CU", "EC", "VE"]
    consuls = belatam.missions(sending="Belarus", kind=MissionKind.HONORARY_CONSULATE)
    assert sorted(m.receiving for m in consuls) == ["AR", "BO", "BR", "DO", "MX", "NI", "UY"]


def test_p5_missions_in_belarus() -> None:
    assert sorted(m.sending for m in belatam.missions(receiving="BY", kind="embassy")) == ["BR", "CU", "VE"]
    consuls = belatam.missions(receiving="BY", kind="honorary_consulate")
    assert sorted(m.sending for m in consuls) == ["CL", "DO", "EC", "MX", "NI", "PE", "UY"]


def test_22_missions_in_both_directions() -> None:
    assert len(belatam.missions()) == 22


def test_cuban_missions_have_opening_dates_from_their_own_source() -> None:
    havana = belatam.missions(sending="BY", receiving="CU", kind="embassy")[0]
    assert havana.opened == PartialDate(1998, 11)
    assert "src-acn-cuba" in {r.source for r in havana.sources}
    assert belatam.missions(sending="CU", receiving="BY", kind="embassy")[0].opened == PartialDate(1997, 5)


def test_p4_p5_concurrent_accreditation_statements() -> None:
    paragraphs = {p for s in belatam.statements(topic="diplomacy") for p in cited(s)}
    assert {4, 5} <= paragraphs


def test_p6_p7_framing() -> None:
    assert {6, 7} <= {p for s in belatam.statements() for p in cited(s)}


def test_p8_trade_2018() -> None:
    t = belatam.trade(2018)
    assert (t.turnover, t.exports, t.imports) == (Decimal("1358000000"), Decimal("853800000"), Decimal("504600000"))
    assert t.currency == "USD"
    assert t.balance == Decimal("349200000")
    assert t.main_exports == ("fertilizers", "complex technical products")


def test_partners() -> None:
    assert [c.name for c in belatam.partners()] == ["Brazil", "Cuba", "Venezuela"]
    assert [c.name for c in belatam.partners(strategic=True)] == ["Cuba", "Venezuela"]
    assert [c.name for c in belatam.partners(strategic=False)] == ["Brazil"]


def test_p9_kallaur_delegation_to_argentina() -> None:
    (visit,) = on_page(belatam.events(country="Argentina", kind="visit"), 9)
    assert visit.date == PartialDate(2018, 3)
    assert visit.participants == ("per-kallaur",)
    kallaur = belatam.person("Pavel Kallaur")
    assert kallaur.roles[0].title == "Chairman of the Board of the National Bank of Belarus"
    (consultations,) = on_page(belatam.events(country="AR", kind="consultations"), 9)
    assert consultations.during == (visit.id,)


def test_p10_enterprises_in_argentina() -> None:
    names = {o.name for o in belatam.organizations(country="AR")}
    assert {"Gomselmash branch in Argentina", "Belatra representative office in Argentina"} <= names
    assert belatam.organization("org-gomselmash").legal_form == "OJSC"
    assert belatam.organization("org-belatra").legal_form == "LLC"
    assert belatam.organization("org-gomselmash-argentina").parent == "org-gomselmash"


def test_p11_brazil_major_trading_partner() -> None:
    (brazil,) = belatam.partnerships(country="BR")
    assert brazil.kind is belatam.PartnershipKind.MAJOR_TRADING
    assert not brazil.strategic


def test_p12_potash_company_in_brazil() -> None:
    office = belatam.organization("org-bpc-brazil")
    assert office.kind is OrganizationKind.REPRESENTATIVE_OFFICE and office.country == "BR"
    assert belatam.organization(office.parent or "").legal_form == "JSC"


def test_p13_brazil_consultations() -> None:
    consultations = belatam.events(country="BR", kind="consultations")
    assert [(str(e.date), e.place, e.round) for e in consultations] == [
        ("2017-07", "Brazil", None),
        ("2017-10", "Minsk", 3),
    ]
    assert belatam.events(country="BR", person="per-shestakov", kind="visit")[0].date == PartialDate(2017, 7)


def test_p14_kalinin_commission_and_forum() -> None:
    (visit,) = belatam.events(country="BR", year=2017, person="Anatoly Kalinin")
    assert visit.kind is EventKind.VISIT
    during = {e.kind for e in belatam.events(country="BR", year=2017) if visit.id in e.during}
    assert during == {EventKind.COMMISSION_MEETING, EventKind.FORUM}  # the paragraph names no one at them
    forum = belatam.events(kind="forum")[0]
    assert forum.date == PartialDate(2017, 11) and forum.round == 1
    commission = belatam.organization("Belarus-Brazil Joint Commission on Economic Cooperation")
    assert commission.kind is OrganizationKind.COMMISSION


def test_p15_p17_venezuela_strategic_partnership_and_treaties() -> None:
    (venezuela,) = belatam.partnerships(country="VE")
    assert venezuela.strategic
    assert (venezuela.treaties, venezuela.legal_instruments) == (32, 4)
    (road_map,) = on_page(belatam.agreements(country="VE"), 15, 17)
    assert road_map.kind is AgreementKind.ROAD_MAP and road_map.signed == PartialDate(2017, 11)
    assert road_map.title.startswith("Road Map of Bilateral Cooperation")


def test_p16_venezuelan_joint_ventures_plant_trading_house_agrotown() -> None:
    ventures = {o.name for o in belatam.organizations(kind="joint_venture", country="VE")}
    assert ventures == {
        "Petrolera BeloVenezolana",
        "Sísmica BeloVenezolana",
        "Venezuelagazstroy",
        "MAZ-VEN",
        "VeneMinsk Tractores",
    }
    (plant,) = belatam.organizations(kind="plant")
    assert plant.established == PartialDate(2012) and plant.country == "VE"
    assert belatam.organizations(kind="trading_house")[0].name == "VENBELKOM S.A."
    (agrotown,) = belatam.organizations(kind="project")
    assert agrotown.place == "Guárico"


def test_p18_venezuelan_commissions() -> None:
    commissions = belatam.organizations(kind="commission", country="VE")
    assert len(commissions) == 3
    assert all(c.country is None and c.parties == ("BY", "VE") for c in commissions)  # bilateral, not Venezuelan


def test_p19_cuba() -> None:
    assert belatam.partnerships(country="CU")[0].strategic
    visit, meeting = on_page(belatam.events(country="CU", year=2012) + belatam.events(country="CU", year=2015), 19)
    assert visit.visit is VisitKind.OFFICIAL and lies_in(visit.date, PartialDate(2012, 6))
    assert set(meeting.participants) == {"per-lukashenko", "per-raul-castro"}
    diaz_canel = belatam.events(person="Miguel Díaz-Canel", kind="visit")[0]
    assert diaz_canel.date == PartialDate(2016, 5) and diaz_canel.place == "Belarus"  # a later page dates it
    meetings = belatam.events(person="per-diaz-canel", kind="meeting", year=2016)
    (meeting,) = [m for m in meetings if "per-lukashenko" in m.participants]
    assert str(meeting.date) == "2016-05-23" and meeting.during == (diaz_canel.id,)
    assert [r.title for r in belatam.person("per-diaz-canel").roles][-1] == "Head of the Cuban State"


def test_p20_makei_visit_and_deliveries_agreement() -> None:
    (signing,) = on_page(belatam.events(country="CU", kind="signing"), 20)
    (agreement,) = signing.agreements
    assert lies_in(belatam.agreement(agreement).signed, PartialDate(2014, 6))
    assert signing.during == ("evt-2014-06-makei-cuba",)


def test_p21_p22_cuba_commission_and_tractor_office() -> None:
    assert belatam.organization("org-commission-cuba-science").established == PartialDate(2016, 5)
    assert belatam.organization("org-mtz-cuba").established == PartialDate(2017)
    assert len(belatam.events(country="CU", kind="establishment")) == 2


def test_p23_colombia_panama_ecuador() -> None:
    (statement,) = belatam.statements(country="PA", topic="relations")
    assert set(statement.countries) == {"CO", "PA", "EC"}


def test_p24_colombia() -> None:
    visits = on_page(belatam.events(country="CO", kind="visit"), 24)
    assert [str(v.date) for v in visits] == ["2018-02", "2018-11"]
    assert all(v.place == "Bogotá" for v in visits)
    (consultations,) = on_page(belatam.events(country="CO", kind="consultations"), 24)
    assert consultations.date is None  # held during the visits: one of two dates, which the source does not say
    assert (consultations.not_before, consultations.not_after) == (PartialDate(2018, 2), PartialDate(2018, 11))
    assert set(consultations.during) == {v.id for v in visits}
    assert not consultations.participants
    (visa,) = on_page(belatam.agreements(country="Colombia"), 24)
    assert visa.signed == PartialDate(2018, 11) and visa.parties == ("BY", "CO")


def test_p25_panama_working_visit() -> None:
    (visit,) = on_page(belatam.events(country="PA"), 25)
    assert visit.visit is VisitKind.WORKING and visit.date == PartialDate(2018, 11)
    assert "org-parlatino" in visit.organizations


def test_p26_p27_ecuador() -> None:
    visits = [v for v in on_page(belatam.events(country="EC", kind="visit", since="1991"), 26, 27) if v.date]
    stated = [PartialDate(2012, 6), PartialDate(2013), PartialDate(2018, 2), PartialDate(2018, 5)]
    assert len(visits) == len(stated) and all(lies_in(v.date, s) for v, s in zip(visits, stated, strict=True))
    (quito,) = on_page(belatam.events(country="EC", kind="commission_meeting", since="1991"), 26)
    assert (quito.place, quito.round, quito.date, quito.not_before) == ("Quito", 2, None, PartialDate(2013))
    espinosa = belatam.events(person="per-espinosa")[0]
    assert set(espinosa.participants) == {"per-espinosa", "per-lukashenko", "per-makei", "per-andreichenko"}


def test_p29_belorusneft_in_ecuador() -> None:
    branch = belatam.organization("org-belorusneft-ecuador")
    assert (branch.kind, branch.country, branch.parent) == (OrganizationKind.BRANCH, "EC", "org-belorusneft")


def test_p30_pacific_alliance() -> None:
    members = belatam.memberships(organization="Pacific Alliance", role="member")
    assert sorted(m.member for m in members) == ["CL", "CO", "MX", "PE"]
    (observer,) = belatam.memberships(organization="org-pacific-alliance", member="BY")
    assert observer.role is MembershipRole.OBSERVER and observer.since == PartialDate(2018, 6)
    assert belatam.memberships(organization="org-eaeu", member="BY")[0].role is MembershipRole.MEMBER


def test_p31_association_of_caribbean_states() -> None:
    acs = belatam.organization("Association of Caribbean States")
    assert (acs.members, acs.associate_members) == (25, 12)
    (observer,) = belatam.memberships(organization=acs, member="Belarus")
    assert observer.since == PartialDate(2016, 1)
    named = belatam.memberships(organization=acs, role="member")  # in force on the reference date
    assert len(named) == acs.members  # ¶31 counts them; it does not name them, so the members cite other pages
    assert all(m.since == acs.established == PartialDate(1994, 7, 24) for m in named)  # the founding states
    assert all("src-mfa-2019" not in {r.source for r in m.sources} for m in named)
    assert not belatam.memberships(organization=acs, role="member", as_of="1994-07-23")  # before the founding


def test_p32_p33_closing_statements() -> None:
    assert belatam.statements(topic="further_reading")[0].countries == ("AR", "BR", "VE", "CU", "EC")
    assert 32 in {p for s in belatam.statements(topic="policy") for p in cited(s)}


def test_nine_people_from_the_page() -> None:
    """The nine the primary source names; the later pages name the others."""
    assert len(on_page(belatam.people())) == 9
    assert {p.id for p in on_page(belatam.people(country="CU"))} == {"per-raul-castro", "per-diaz-canel"}
    assert len(belatam.people()) > 9


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("AR", "AR"),
        ("arg", "AR"),
        ("032", "AR"),
        ("argentina", "AR"),
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("St Kitts & Nevis", "KN"),
        ("BY", "BY"),
        ("republic of belarus", "BY"),
        ("PERU", "PE"),
    ],
)
def test_country_keys(key: str, code: str) -> None:
    assert belatam.country(key).code == code


def test_belarus_is_a_country_but_not_listed() -> None:
    belarus = belatam.country("BY")
    assert (belarus.subregion, belarus.relations) == (None, None)
    assert belarus not in belatam.countries()


def test_subregions() -> None:
    sizes = {s: len(belatam.countries(subregion=s)) for s in ("Caribbean", "Central America", "South America")}
    assert sizes == {"Caribbean": 13, "Central America": 8, "South America": 12}
    assert belatam.countries(subregion="south america") == belatam.countries(subregion="South America")


def test_events_year_includes_periods_and_month_dates() -> None:
    in_2018 = belatam.events(year=2018)
    assert any(isinstance(e.date, PartialDate) and e.date.precision == "month" for e in in_2018)
    dated = [e for e in in_2018 if e.date is not None]
    assert all(e.date.overlaps_year(2018) for e in dated)
    assert len(on_page(in_2018)) == 12 and len(on_page(dated)) == 10
    colombia = [e for e in on_page(belatam.events(country="CO")) if e.date is None]  # between the two 2018 visits
    assert colombia and set(colombia) <= set(in_2018)
    assert all(e.not_before.year == e.not_after.year == 2018 for e in colombia)
