"""Time that holds together: three answers, half-open spans, spans on queries, one picture per day.

The meaning of the time fields is `belatam.model.validity`'s; these tests
check it from the outside: a record's own answer (`in_force`), the answers
of the queries for a day and for a span and what they say they leave out,
the loader's refusal of a folder that says two incompatible things about one
day, and a walk over every day of the packaged data.
"""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import partial_dates

import belatam
from belatam import DataError, Dataset, InvalidTypeError, InvalidValueError, Mission, MissionKind, PartialDate
from belatam.dates import Day
from belatam.model.validity import Span, span_of
from belatam.read.timeline import overlap

PACKAGED = Path(belatam.__file__).parent / "data"

# -- a record's own answer: True, False or None --------------------------------------


def mission(**fields: Any) -> Mission:
    return Mission(id="mis-x", kind=MissionKind.EMBASSY, sending="BY", receiving="CU", **fields)


def test_a_start_to_the_day_and_an_end_to_the_day_are_half_open() -> None:
    m = mission(opened=PartialDate(2010, 3, 1), closed=PartialDate(2012, 5, 2))
    assert [m.in_force(d) for d in ("2010-02-28", "2010-03-01", "2012-05-01", "2012-05-02")] == [
        False,
        True,
        True,
        False,  # what ended on E is not in force on E
    ]


def test_a_start_of_month_or_year_precision_is_not_known_inside_it() -> None:
    month = mission(opened=PartialDate(2021, 10))
    assert [month.in_force(d) for d in ("2021-09-30", "2021-10-01", "2021-10-30", "2021-10-31")] == [
        False,
        None,
        None,
        True,  # by its last day it had begun
    ]
    year = mission(opened=PartialDate(2000))
    assert (year.in_force("1999-12-31"), year.in_force("2000-07-01"), year.in_force("2001-01-01")) == (
        False,
        None,
        True,
    )


def test_without_a_start_a_record_is_not_known_before_a_source_shows_it() -> None:
    m = mission(seen=PartialDate(2018, 11))
    assert (m.in_force("2010-01-01"), m.in_force("2018-11-15"), m.in_force("2018-12-01")) == (None, None, True)
    bounded = mission(not_before=PartialDate(2015), seen=PartialDate(2018, 11))
    assert (bounded.in_force("2014-12-31"), bounded.in_force("2016-01-01")) == (False, None)
    assert mission().in_force("2020-01-01") is None  # nothing said of its time: nothing known


def test_over_by_a_day_is_out_from_that_day_and_in_force_before_it() -> None:
    m = mission(seen=PartialDate(2014, 5), closed_by=PartialDate(2021, 10, 27))
    assert (m.in_force("2021-10-26"), m.in_force("2021-10-27"), m.in_force("2030-01-01")) == (True, False, False)
    vague = mission(seen=PartialDate(2014, 5), closed_by=PartialDate(2021, 10))
    assert (vague.in_force("2021-09-30"), vague.in_force("2021-10-15"), vague.in_force("2021-10-31")) == (
        True,
        None,
        False,
    )


def test_relations_held_at_the_reference_date_or_not() -> None:
    with_ = belatam.country("AR")  # relations since 1992, no day given
    assert (with_.in_force("1991-12-31"), with_.in_force("1992-06-01"), with_.in_force("1993-01-01")) == (
        False,
        None,
        True,
    )
    peru = belatam.country("PE")  # relations at the reference date; no source says since when
    assert (peru.in_force("2010-01-01"), peru.in_force(belatam.REFERENCE_DATE)) == (None, True)
    bahamas = belatam.country("BS")
    assert (bahamas.in_force("2019-12-08"), bahamas.in_force("2019-12-09")) == (False, True)


@pytest.mark.parametrize(
    ("day", "error"),
    [
        (2018, InvalidTypeError),
        (2018.0, InvalidTypeError),
        (None, InvalidTypeError),
        ("2018", InvalidValueError),
        ("2018-06", InvalidValueError),
        (PartialDate(2018, 6), InvalidValueError),
        ("yesterday", InvalidValueError),
        ("2018-02-30", InvalidValueError),
    ],
)
def test_in_force_takes_one_day(day: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        belatam.country("AR").in_force(day)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith("day") and " such as '" in message  # names the parameter, shows a valid one


def test_in_force_takes_a_date_a_datetime_an_iso_day_or_a_partial_date() -> None:
    m = mission(opened=PartialDate(2010, 3, 1))
    forms = [datetime.date(2010, 3, 1), datetime.datetime(2010, 3, 1, 12), "2010-03-01", PartialDate(2010, 3, 1)]
    assert [m.in_force(d) for d in forms] == [True] * 4


# -- the span of days: what `during` says is what the days say -------------------------


def day(d: datetime.date) -> Day:
    return (d.year, d.month, d.day)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """The span of a mission with random, consistent time fields (contradictions are dropped)."""
    dates = st.none() | partial_dates(2000, 2003)
    fields = {"opened": draw(dates), "not_before": draw(dates), "seen": draw(dates), "closed": draw(dates)}
    fields["closed_by"] = draw(dates)
    for name in (None, "closed_by", "closed", "seen", "not_before"):
        if name is not None:
            fields[name] = None
        try:
            return span_of(mission(**fields))
        except InvalidValueError:
            continue
    return span_of(mission())


@given(spans(), st.dates(datetime.date(1999, 6, 1), datetime.date(2004, 6, 1)), st.integers(0, 400))
def test_a_span_answers_what_its_days_answer(span: Span, first: datetime.date, length: int) -> None:
    days = [day(first + datetime.timedelta(days=n)) for n in range(length + 1)]
    answers = {span.on(d) for d in days}
    expected = True if True in answers else (None if None in answers else False)
    assert span.during(days[0], days[-1]) is expected


@given(spans(), st.dates(datetime.date(1999, 6, 1), datetime.date(2004, 6, 1)))
def test_the_answer_changes_only_where_the_span_turns(span: Span, start: datetime.date) -> None:
    turns = set(span.turns())
    today = span.on(day(start))
    for n in range(1, 60):
        d = day(start + datetime.timedelta(days=n))
        if span.on(d) != today:
            assert d in turns
            today = span.on(d)


# -- queries: a day, a span, and what is left out ---------------------------------------


def test_who_has_represented_belarus_in_peru() -> None:
    found = belatam.accreditations(receiving="PE", since="1991")
    assert [a.id for a in found] == ["acc-by-ar-pe"]
    assert [a.id for a in found.unknown] == ["acc-by-ar-pe-kozintsev"]  # an undated interview: no span
    (peru,) = found
    assert (peru.mission, peru.head, str(peru.not_before), str(peru.seen), str(peru.ended)) == (
        "mis-by-ar-embassy",
        "per-astapenka",
        "2018",
        "2020-09-29/2020-10-28",
        "2020-11-03",
    )
    assert belatam.accreditations(receiving="PE", as_of="2020-10-15") == found
    assert belatam.accreditations(receiving="PE", as_of="2020-11-03") == ()  # ended that day
    assert peru in belatam.accreditations(receiving="PE", as_of="2019-06-01").unknown  # in post; not known
    heads = belatam.heads(receiving="AR", since="1991")
    assert [p.id for p in heads] == ["pst-astapenka-ar"] and [p.id for p in heads.unknown] == ["pst-kozintsev-ar"]


def test_on_the_day_of_the_report_one_embassy_covers_three_states() -> None:
    day = "2021-10-27"
    found = belatam.accreditations(head="per-auseyanka", as_of=day)
    assert {a.mission for a in found} == {"mis-by-co-embassy"}
    assert sorted(a.receiving for a in found) == ["EC", "NI", "PA"]
    assert [p.mission for p in belatam.heads(person="per-auseyanka", as_of=day)] == ["mis-by-co-embassy"]
    before = belatam.accreditations(head="per-auseyanka", as_of="2021-10-26")
    assert {a.mission for a in before} == {"mis-by-ec-embassy"} and len(before) == 3
    assert not set(before) & set(found)


def test_no_state_has_a_resident_ambassador_and_one_accredited_from_elsewhere_on_one_day() -> None:
    data = belatam.dataset()
    missions = {m.id: m for m in data.records()["missions"]}
    resident = [
        p
        for p in data.records()["postings"]
        if missions[p.mission].sending == "BY" and not missions[p.mission].honorary
    ]
    for accreditation in data.records()["accreditations"]:
        for posting in resident:
            if missions[posting.mission].receiving == accreditation.receiving:
                day = overlap(span_of(accreditation), span_of(posting))
                assert day is None, (accreditation.id, posting.id, day)


def test_no_day_of_the_ambassador_in_two_embassies() -> None:
    for n in range(-400, 400):
        d = (datetime.date(2021, 10, 27) + datetime.timedelta(days=n)).isoformat()
        assert len(belatam.heads(person="per-auseyanka", as_of=d)) <= 1, d
        covered = [a.receiving for a in belatam.accreditations(head="per-auseyanka", as_of=d)]
        assert len(covered) == len(set(covered)), d


def test_the_default_memberships_name_every_member_the_sources_name() -> None:
    found = belatam.memberships()
    by_org: dict[str, set[str]] = {}
    for m in found:
        by_org.setdefault(m.organization, set()).add(m.member)
    assert by_org["org-pacific-alliance"] == {"BY", "CL", "CO", "MX", "PE"}
    assert len(by_org["org-acs"]) == 26 and "BY" in by_org["org-acs"]  # 25 members and Belarus, an observer
    assert by_org["org-eaeu"] == {"BY"}
    assert len(found) == 32 and not found.unknown


def test_belarus_is_a_member_of_the_eurasian_economic_union_from_its_first_day() -> None:
    (eaeu,) = belatam.memberships(organization="org-eaeu")
    assert str(eaeu.since) == "2015-01-01" == str(belatam.organization("org-eaeu").established)
    assert belatam.memberships(organization="org-eaeu", as_of="2014-12-31") == ()
    assert belatam.memberships(organization="org-pacific-alliance", role="member", as_of="2011-04-28")


# people who take part in an event after leaving every post the data records for them
OUT_OF_OFFICE = {
    ("evt-2024-07-golovchenko-cuba", "per-raul-castro"),  # met in 2024 as the revolution's leader
    ("evt-2024-07-golovchenko-raul-castro", "per-raul-castro"),
    ("evt-2025-07-ryzhenkov-brics-rio", "per-rousseff"),  # as head of a bank, not of a state
}


def test_people_leave_office_and_hold_it_on_the_days_of_their_events() -> None:
    assert belatam.roles("per-kalinin") == () and belatam.roles("per-kalinin", as_of="2018-08-17")
    assert belatam.roles("per-espinosa") == ()
    # her last act on the 11th; her successor took up the post on the 13th: in office until then
    assert belatam.roles("per-espinosa", as_of="2018-06-12") and not belatam.roles("per-espinosa", as_of="2018-06-13")
    assert belatam.roles("per-makei", as_of="2023-01-01") == ()
    assert str(belatam.person("per-makei").died) == "2022-11-26"
    assert belatam.roles("per-makei", as_of="2022-11-25")
    postings = belatam.dataset().records()["postings"]
    for event in belatam.events():  # on the last day an event can be, its participants held a post
        if event.date is None:
            continue
        last = event.date.last_day()
        for pid in event.participants:
            held = [*belatam.person(pid).roles, *(p for p in postings if p.person == pid)]
            if (event.id, pid) in OUT_OF_OFFICE:
                assert held and all(h.in_force(last) is False for h in held)
                continue
            assert not held or any(h.in_force(last) is not False for h in held), (event.id, pid)


def test_events_known_only_within_a_year_lie_in_it() -> None:
    in_2018 = belatam.events(year=2018)
    bounded = [e for e in in_2018 if e.date is None]
    assert {e.id for e in bounded} >= {
        "evt-2018-colombia-business-meetings",
        "evt-2018-colombia-political-consultations",
    }
    for e in bounded:  # the bounds lie in the year
        assert e.not_before is not None and e.not_after is not None
        assert e.not_before.first_day().year == e.not_after.last_day().year == 2018, e.id
    straddling = {e.id for e in in_2018.unknown}  # bounded 2013 to 2019: not known to lie in 2018
    assert straddling >= {"evt-ecuador-agency-visits", "evt-ecuador-commission-quito"}
    for e in in_2018.unknown:
        low = e.not_before.first_day().year if e.not_before else None
        high = e.not_after.last_day().year if e.not_after else None
        assert e.date is None and (low, high) != (2018, 2018) and (low or 2018) <= 2018 <= (high or 2018), e.id
    in_2017 = belatam.events(year=2017)
    assert not set(bounded) & set(in_2017)
    assert {"evt-ecuador-agency-visits", "evt-ecuador-commission-quito"} <= {e.id for e in in_2017.unknown}


def test_a_day_and_a_span_together_are_refused() -> None:
    for span in ({"year": 2018}, {"since": "2018"}, {"until": "2019-06"}):
        with pytest.raises(InvalidValueError) as info:
            belatam.missions(as_of="2018-06-01", **span)  # type: ignore[arg-type]
        (name,) = span
        assert "as_of='2018-06-01'" in str(info.value) and f"{name}=" in str(info.value)
    with pytest.raises(InvalidValueError, match="lies before since"):
        belatam.memberships(since="2019", until="2018")


def test_an_empty_answer_says_why() -> None:
    empty = belatam.accreditations(as_of="2010-01-01")
    assert empty == () and empty.unknown
    assert repr(empty) == f"() and {len(empty.unknown)} not known on 2010-01-01"
    assert "not known on that day" in empty._repr_html_()  # type: ignore[attr-defined]
    assert repr(belatam.partners()) == repr(tuple(belatam.partners()))  # nothing left out: the plain tuple


def test_countries_without_relations_are_not_those_not_known() -> None:
    early = belatam.countries(relations=False, as_of="1995-01-01")
    assert {c.code for c in early} == {"BS", "BB", "VE"}  # relations began in 1997 and in December 2019
    known = {c.code for c in belatam.countries(relations=True, as_of="1995-01-01")}
    assert {c.code for c in early.unknown}.isdisjoint(known | {"BS", "BB", "VE"})
    assert len(early) + len(early.unknown) + len(known) == 33


# -- one picture per day: the loader refuses a folder that says two things ---------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for path in PACKAGED.glob("*.json"):
        shutil.copy(path, target / path.name)
    return target


def edit(folder: Path, stem: str, change: Callable[[list[dict[str, Any]]], None]) -> None:
    path = folder / f"{stem}.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def find(records: list[dict[str, Any]], key: str, value: str = "") -> dict[str, Any]:
    return next(r for r in records if r.get("id", r.get("code")) == key)


def set_fields(key: str, **fields: Any) -> Callable[[list[dict[str, Any]]], None]:
    def change(records: list[dict[str, Any]]) -> None:
        record = find(records, key)
        for name, value in fields.items():
            if value is None:
                record.pop(name, None)
            else:
                record[name] = value

    return change


def added(record: dict[str, Any]) -> Callable[[list[dict[str, Any]]], None]:
    def change(records: list[dict[str, Any]]) -> None:
        records.append(record)

    return change


SOURCES = [{"source": "src-mfa-2019", "paragraph": 4}]

REFUSED: list[tuple[str, str, Callable[[list[dict[str, Any]]], None], tuple[str, ...]]] = [
    ("missions", "an end before the start", set_fields("mis-by-ar-embassy", closed="1999"), ("mis-by-ar-embassy",)),
    (
        "missions",
        "gone by a day before the start",
        set_fields("mis-by-cu-embassy", closed_by="1998-10-31"),
        ("mis-by-cu-embassy", "closed_by"),
    ),
    (
        "countries",
        "relations true, established after the reference date",
        set_fields("PE", relations_established="2019-05"),
        ("PE", "relations"),
    ),
    (
        "countries",
        "relations false, established before it",
        set_fields("BS", relations_established="2015"),
        ("BS", "relations"),
    ),
    (
        "accreditations",
        "sent by another state than its mission",
        set_fields("acc-by-ar-pe", sending="CU"),
        ("acc-by-ar-pe", "sending", "mis-by-ar-embassy"),
    ),
    (
        "accreditations",
        "to the mission's own host",
        set_fields("acc-by-ar-pe", receiving="AR"),
        ("acc-by-ar-pe", "receiving", "host"),
    ),
    (
        "accreditations",
        "through an honorary consulate",
        set_fields("acc-by-ar-pe", mission="mis-by-uy-honorary-consulate", not_before=None, seen="2020-10"),
        ("acc-by-ar-pe",),
    ),
    (
        "events",
        "a date outside its own bounds",
        set_fields("evt-2018-02-shestakov-colombia", not_after="2017-12"),
        ("evt-2018-02-shestakov-colombia", "date"),
    ),
    (
        "trade",
        "two region-wide figures for one year",
        lambda rs: rs.append({**rs[0], "id": "trd-2018-again"}),
        ("trd-2018-again", "year", "trd-2018"),
    ),
    ("trade", "an amount finer than its precision", set_fields("trd-2018", exports="853812345"), ("trd-2018",)),
    (
        "sources",
        "read before it was published",
        set_fields("src-sputnik-colombia-2021", consulted="2020-01-01"),
        ("src-sputnik-colombia-2021", "consulted"),
    ),
    (
        "accreditations",
        "in force while its embassy is closed",
        set_fields("acc-by-ec-pa", ended_by=None, seen="2020-06-29/2022-03-01"),
        ("acc-by-ec-pa", "mis-by-ec-embassy", "2021-10-27"),
    ),
    (
        "postings",
        "two heads of one mission on one day",
        added(
            {
                "id": "pst-other-ar",
                "person": "per-kallaur",
                "mission": "mis-by-ar-embassy",
                "title": "Ambassador",
                "seen": "2019-05-01",
                "sources": SOURCES,
            }
        ),
        ("pst-other-ar", "pst-astapenka-ar", "2019-05-01"),
    ),
    (
        "postings",
        "one person at the head of two missions on one day",
        added(
            {
                "id": "pst-astapenka-cu-2019",
                "person": "per-astapenka",
                "mission": "mis-by-bo-honorary-consulate",  # a mission no one is shown heading in 2019
                "title": "Honorary Consul",
                "seen": "2019-05-01",
                "ended_by": "2020-01",
                "sources": SOURCES,
            }
        ),
        ("pst-astapenka-cu-2019", "pst-astapenka-ar", "2019-05-01"),
    ),
    (
        "people",
        "one office held by two people on one day",
        lambda rs: find(rs, "per-kalinin")["roles"].append(
            {"title": "President", "country": "BY", "office": "head_of_state", "seen": "2017-11"}
        ),
        ("per-kalinin", "head_of_state", "people lukashenko"),
    ),
    (
        "people",
        "a post after its holder's death",
        set_fields("per-kallaur", died="2018-01-01"),
        ("per-kallaur", "roles[0]", "2018-03-31"),
    ),
    (
        "missions",
        "a mission before the relations between its states",
        set_fields("mis-by-cu-embassy", opened="1991-06"),
        ("mis-by-cu-embassy", "countries CU", "1991-06-30"),
    ),
    (
        "memberships",
        "a membership before its organisation",
        set_fields("mem-by-eaeu", since="2014-06"),
        ("mem-by-eaeu", "organizations org-eaeu", "2014-06-30"),
    ),
]


@pytest.mark.parametrize(("stem", "what", "change", "named"), REFUSED, ids=[r[1] for r in REFUSED])
def test_a_folder_that_says_two_things_about_a_day_is_refused(
    folder: Path, stem: str, what: str, change: Callable[[list[dict[str, Any]]], None], named: tuple[str, ...]
) -> None:
    edit(folder, stem, change)
    with pytest.raises(DataError) as info:
        belatam.load(folder)
    message = str(info.value)
    assert message.startswith(f"{folder / stem}.json, record "), (
        message
    )  # the file in the folder, the record, the field
    assert info.value.file == f"{stem}.json" and info.value.folder == str(folder)
    for part in named:
        assert part.replace("people ", "people per-") in message or part in message, (part, message)


def test_relations_not_known_at_the_reference_date_are_not_no_relations(folder: Path) -> None:
    edit(folder, "countries", set_fields("PE", relations=None))
    loaded = belatam.load(folder)
    assert "PE" not in {c.code for c in loaded.countries(relations=False)}
    assert "PE" in {c.code for c in loaded.countries(relations=False).unknown}


def test_a_refused_folder_leaves_nothing_half_loaded(folder: Path) -> None:
    edit(folder, "memberships", set_fields("mem-by-eaeu", since="2014-06"))
    before = belatam.memberships()
    with pytest.raises(DataError):
        belatam.load(folder)
    assert belatam.memberships() == before and belatam.dataset().counts()["memberships"] == 32


# -- the walk: every day of the packaged data ----------------------------------------


def test_every_day_from_1991_to_the_end_of_the_data_gives_one_picture(data: Dataset) -> None:
    """Each rule of DESIGN's "Time", checked on each day on its own (the loader checks only the days
    where an answer turns)."""
    records = data.records()
    spans = {kind: {id(r): span_of(r) for r in rs} for kind, rs in records.items()}
    by_id = {getattr(r, "id", getattr(r, "code", None)): r for rs in records.values() for r in rs}

    def on(record: Any, d: Day) -> bool | None:
        for kind_spans in spans.values():
            if id(record) in kind_spans:
                return kind_spans[id(record)].on(d)
        return span_of(record).on(d)

    roles = [(p, r) for p in records["people"] for r in p.roles]  # type: ignore[attr-defined]
    role_spans = {id(r): span_of(r) for _, r in roles}
    dates = [d for rs in records.values() for r in rs for d in _dates(r)]
    last = max(dates)
    assert last >= datetime.date(2024, 1, 1)  # the data reaches well past its 2019 source
    d = datetime.date(1991, 1, 1)
    walked = 0
    while d <= last:
        t = (d.year, d.month, d.day)
        for m in records["missions"]:
            if on(m, t):
                for code in (m.sending, m.receiving):  # type: ignore[attr-defined]
                    assert on(by_id[code], t) is not False, (m, t)
        for a in records["accreditations"]:
            if on(a, t):
                assert on(by_id[a.mission], t) is not False, (a, t)  # type: ignore[attr-defined]
                assert on(by_id[a.receiving], t) is not False, (a, t)  # type: ignore[attr-defined]
        heads: dict[str, str] = {}
        posts: dict[str, str] = {}
        for p in records["postings"]:
            if on(p, t):
                assert heads.setdefault(p.mission, p.id) == p.id, (p, t)  # type: ignore[attr-defined]
                assert posts.setdefault(p.person, p.id) == p.id, (p, t)  # type: ignore[attr-defined]
                assert on(by_id[p.mission], t) is not False and on(by_id[p.person], t) is not False
        holders: dict[tuple[str, str], str] = {}
        for person, role in roles:
            if role_spans[id(role)].on(t):
                assert on(person, t) is not False, (person.id, role, t)  # no post after death
                if role.office is not None:
                    key = (role.office.value, role.country)
                    assert holders.setdefault(key, person.id) == person.id, (key, t)
        for ms in records["memberships"]:
            if on(ms, t):
                assert on(by_id[ms.organization], t) is not False, (ms, t)  # type: ignore[attr-defined]
        d += datetime.timedelta(days=1)
        walked += 1
    assert walked > 12_000


def _dates(record: Any) -> list[datetime.date]:
    """The last days of every date a record holds (nested records' too)."""
    import attrs

    found: list[datetime.date] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if isinstance(item, (belatam.PartialDate, belatam.Period)):
                end = item.end if isinstance(item, belatam.Period) else item
                if end is not None:
                    found.append(end.last_day())
            elif attrs.has(type(item)):
                found += _dates(item)
    return found
