"""The `Dataset` itself: how it is built, copied, compared, and what its look-ups promise."""

from __future__ import annotations

import copy
import datetime
import gc
import inspect
import pickle
from collections.abc import Iterator

import pytest

import belatam
from belatam import (
    AmbiguousKeyError,
    Country,
    Dataset,
    Event,
    EventKind,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    PartialDate,
    Period,
    Source,
    SourceRef,
    Statement,
    Topic,
)
from belatam.errors import (
    BelatamError,
    DataError,
    InvalidTypeError,
    InvalidValueError,
    MissingFolderError,
    UnknownKeyError,
)

REF = (SourceRef(source="src-a", paragraph=2),)
SOURCES = [
    Source(id="src-a", title="A", publisher="P", date=PartialDate(2018, 6)),
    Source(id="src-b", title="B", publisher="P"),
]
BY = Country(code="BY", alpha3="BLR", numeric="112", name="Belarus", sources=REF)
CU = Country(code="CU", alpha3="CUB", numeric="192", name="Cuba", subregion="Caribbean", relations=True, sources=REF)
PE = Country(
    code="PE", alpha3="PER", numeric="604", name="Peru", subregion="South America", relations=True, sources=REF
)


def event(id_: str, date: PartialDate | Period | None, *countries: str) -> Event:
    return Event(id=id_, kind=EventKind.VISIT, date=date, summary="s", countries=countries or ("CU",), sources=REF)


def test_any_iterables_build_a_data_set_generators_included() -> None:
    def events() -> Iterator[Event]:
        yield event("evt-a", PartialDate(2018))
        yield event("evt-b", PartialDate(2019))

    ds = Dataset(sources=iter(SOURCES), countries=(c for c in (BY, CU)), events=events())
    assert [e.id for e in ds.events()] == ["evt-a", "evt-b"]
    assert len(ds.events(year=2018)) == 1


def test_a_record_of_the_wrong_type_is_named_by_its_position() -> None:
    with pytest.raises(InvalidTypeError, match=r"events\[1\] must be a Event, not Country"):
        Dataset(sources=SOURCES, countries=[BY, CU], events=[event("evt-a", None), CU])  # type: ignore[list-item]


@pytest.mark.parametrize("copier", [copy.deepcopy, copy.copy, lambda ds: pickle.loads(pickle.dumps(ds))])
def test_a_copied_or_unpickled_data_set_answers_like_the_original(copier: object) -> None:
    ds = Dataset(
        sources=SOURCES,
        countries=[BY, CU],
        events=[event("evt-long", Period(PartialDate(2016), None)), event("evt-b", PartialDate(2018, 5))],
    )
    ds.events(year=2018)  # the original has built its indexes
    other = copier(ds)  # type: ignore[operator]
    assert other == ds
    assert other.events(year=2018) == ds.events(year=2018)
    assert [e.id for e in other.events(year=2017)] == ["evt-long"]


def test_the_packaged_data_set_pickles() -> None:
    ds = belatam.dataset()
    back = pickle.loads(pickle.dumps(ds))
    assert back == ds
    assert back.trade(2018) == ds.trade(2018)


def test_loading_leaves_the_garbage_collector_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    def refuse() -> None:
        raise AssertionError("a library must not switch the process's garbage collector")

    monkeypatch.setattr(gc, "disable", refuse)
    monkeypatch.setattr(gc, "enable", refuse)
    ds = Dataset(sources=SOURCES, countries=[BY, CU], events=[event("evt-a", PartialDate(2018))])
    assert ds.events(year=2018)
    belatam.load(belatam.__path__[0] + "/data")  # type: ignore[attr-defined]


def test_a_period_spanning_millennia_is_found_in_any_year_it_covers() -> None:
    ds = Dataset(
        sources=SOURCES,
        countries=[BY, CU, PE],
        events=[event("evt-forever", Period(PartialDate(1), PartialDate(9999)), "CU", "PE")],
    )
    for year in (1, 2018, 9999):
        assert [e.id for e in ds.events(year=year, country="PE")] == ["evt-forever"]


def test_a_short_period_is_found_in_each_year_it_covers_a_filter_given_first_or_not() -> None:
    ds = Dataset(
        sources=SOURCES,
        countries=[BY, CU, PE],
        events=[
            event("evt-short", Period(PartialDate(2016, 11), PartialDate(2018, 2)), "CU", "PE"),
            event("evt-open", Period(PartialDate(2017), None), "CU"),
        ],
    )
    for year in (2016, 2017, 2018):  # the year index of the bucket and of the whole table
        assert [e.id for e in ds.events(country="PE", year=year)] == ["evt-short"]
        assert "evt-short" in [e.id for e in ds.events(year=year)]
    assert [e.id for e in ds.events(year=2019)] == ["evt-open"]
    assert ds.events(country="PE", year=2015) == ds.events(country="PE", year=2019) == ()
    assert [e.id for e in ds.events(since="2018-03", until="2019")] == ["evt-open"]


def test_answers_as_of_many_days_stay_those_of_a_fresh_data_set() -> None:
    """The records in force are kept per day asked about, a bounded number of days: more days answer alike."""
    data = belatam.dataset()
    days = [datetime.date(1992 + i // 3, 1 + 4 * (i % 3), 1) for i in range(90)]
    asked = {day: (data.missions(as_of=day), data.countries(relations=True, as_of=day)) for day in days}
    for day in reversed(days):
        fresh = pickle.loads(pickle.dumps(data))
        assert (data.missions(as_of=day), data.countries(relations=True, as_of=day)) == asked[day]
        assert fresh.missions(as_of=day) == asked[day][0]
        assert fresh.countries(relations=True, as_of=day) == asked[day][1]
    assert len(data.missions(as_of="1995-01-01")) < len(data.missions()) == 22


def test_statements_follow_their_first_citation_source_by_source() -> None:
    statements = [
        Statement(id="stm-b-1", topic=Topic.POLICY, text="t", sources=(SourceRef(source="src-b", paragraph=1),)),
        Statement(id="stm-a-9", topic=Topic.POLICY, text="t", sources=(SourceRef(source="src-a", paragraph=9),)),
        Statement(
            id="stm-a-3",
            topic=Topic.POLICY,
            text="t",
            sources=(SourceRef(source="src-a", paragraph=3), SourceRef(source="src-b", paragraph=1)),
        ),
    ]
    ds = Dataset(sources=SOURCES, countries=[BY], statements=statements)
    assert [s.id for s in ds.statements()] == ["stm-a-3", "stm-a-9", "stm-b-1"]


def test_a_key_never_finds_two_records() -> None:
    clash = Country(code="PR", alpha3="PRX", numeric="630", name="Pe", aliases=("PE",), sources=REF)
    with pytest.raises(DataError, match="also finds"):
        Dataset(sources=SOURCES, countries=[BY, PE, clash])
    assert Dataset(sources=SOURCES, countries=[BY, PE]).country("pe") == Dataset(
        sources=SOURCES, countries=[BY, PE]
    ).country("PE")


def test_a_key_that_finds_records_of_two_types_is_ambiguous() -> None:
    org = Organization(id="org-cuba", name="Cuba", kind=OrganizationKind.PROJECT, sources=REF)
    bloc = Organization(id="org-bloc", name="Bloc", kind=OrganizationKind.REGIONAL_BLOC, sources=REF)
    member = Membership(
        id="mem-a",
        member="CU",
        organization="org-bloc",
        role=MembershipRole.MEMBER,
        since=PartialDate(2015),
        sources=REF,
    )
    ds = Dataset(sources=SOURCES, countries=[BY, CU], organizations=[org, bloc], memberships=[member])
    with pytest.raises(AmbiguousKeyError) as info:
        ds.memberships(member="Cuba")
    assert isinstance(info.value, LookupError)
    assert "countries:CU" in str(info.value) and "organizations:org-cuba" in str(info.value)
    assert ds.memberships(member="CU") == (member,)
    assert ds.memberships(member=CU) == (member,)


def test_a_record_given_as_an_argument_must_be_in_the_data() -> None:
    ds = Dataset(sources=SOURCES, countries=[BY, CU], events=[event("evt-a", PartialDate(2018))])
    stranger = Country(code="ZZ", alpha3="ZZZ", numeric="999", name="Nowhere", sources=REF)
    with pytest.raises(UnknownKeyError, match="not a record of this data"):
        ds.events(country=stranger)
    changed = Country(code="CU", alpha3="CUB", numeric="192", name="Cuba Libre", sources=REF)
    with pytest.raises(UnknownKeyError):
        ds.events(country=changed)


def test_record_finds_any_record_by_its_id() -> None:
    assert belatam.record("org-acs") == belatam.organization("org-acs")
    assert belatam.record("src-mfa-2019") == belatam.source("src-mfa-2019")
    assert belatam.record("CU") == belatam.country("CU")
    event_id = belatam.events()[0].id
    assert belatam.record(event_id) == belatam.event(event_id)
    with pytest.raises(UnknownKeyError):
        belatam.record("evt-nowhere")


def test_look_ups_take_their_key_positionally_only() -> None:
    with pytest.raises(TypeError):
        belatam.country(key="CU")  # type: ignore[call-arg]
    assert inspect.signature(belatam.country).parameters["key"].kind is inspect.Parameter.POSITIONAL_ONLY


@pytest.mark.parametrize("name", ["countries", "events", "country", "trade", "memberships", "record"])
def test_each_helper_has_its_methods_signature_and_docstring(name: str) -> None:
    helper, method = getattr(belatam, name), getattr(Dataset, name)
    assert helper.__doc__ == method.__doc__ and helper.__doc__
    parameters = list(inspect.signature(method).parameters.values())[1:]
    assert list(inspect.signature(helper).parameters.values()) == parameters
    assert helper.__name__ == name


def test_slicing_a_result_keeps_its_display_and_type() -> None:
    events = belatam.events(year=2018)
    part = events[:2]
    assert type(part) is type(events)
    assert "<table" in part._repr_html_()  # type: ignore[attr-defined]
    assert part == tuple(events)[:2]


def test_by_date_sorts_records_and_dates_of_any_precision() -> None:
    events = belatam.events()
    shuffled = [*events[1::2], *events[::2]]
    assert sorted(shuffled, key=belatam.by_date) == list(events)
    mixed = [PartialDate(2018, 2), PartialDate(2018), Period(PartialDate(2017), None), None]
    assert [str(d) for d in sorted(mixed, key=belatam.by_date)] == ["2017/..", "2018", "2018-02", "None"]
    with pytest.raises(InvalidTypeError):
        belatam.by_date(belatam.country("CU"))


@pytest.mark.parametrize(
    "error",
    [
        UnknownKeyError("year", 2017, [2018], hint="figures exist for 2018"),
        AmbiguousKeyError("key", "Cuba", ["countries:CU", "organizations:org-cuba"]),
        InvalidValueError("kind='palace' is not a known EventKind", field="kind"),
        InvalidTypeError("year must be an int"),
        DataError("events.json", "evt-x", "date", "not a date"),
        MissingFolderError("path='/nowhere': no such folder"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_error_survives_pickling(error: BelatamError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.__dict__ == error.__dict__
    assert isinstance(back, BelatamError)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"name": 5}, "name"),
        ({"aliases": ("Cuba", 3)}, "aliases"),
        ({"relations": "yes"}, "relations"),
        ({"relations_established": "1992-04"}, "relations_established"),
        ({"sources": ("src-a",)}, "sources"),
        ({"name": "Cu\ud800ba"}, "name"),
    ],
    ids=lambda v: str(v),
)
def test_records_of_the_wrong_field_types_are_refused_when_a_data_set_is_built(
    change: dict[str, object], field: str
) -> None:
    import attrs

    bad = attrs.evolve(CU, **change)  # attrs.evolve runs the field checks, but not every type check
    with pytest.raises(InvalidTypeError) as info:
        Dataset(sources=SOURCES, countries=[BY, bad])
    assert f"field {field!r}" in str(info.value) and "countries[1]" in str(info.value)


def test_dates_built_wrongly_are_belatam_errors() -> None:
    for build in (lambda: PartialDate(2018, 13), lambda: PartialDate(2018, 2, 30), lambda: PartialDate("2018")):  # type: ignore[arg-type]
        with pytest.raises(BelatamError):
            build()
    with pytest.raises(InvalidValueError):
        Period(PartialDate(2019), PartialDate(2018))
    with pytest.raises(InvalidTypeError):
        Period("2018", None)  # type: ignore[arg-type]


def test_amounts_hold_at_most_the_20_digits_every_export_keeps() -> None:
    from decimal import Decimal

    import attrs

    figures = belatam.trade(2018)
    assert attrs.evolve(figures, exports=Decimal("9" * 20), exports_precision=Decimal(1)).exports == Decimal("9" * 20)
    with pytest.raises(InvalidValueError, match="at most 20 digits"):
        attrs.evolve(figures, exports=Decimal("1" + "0" * 20))
