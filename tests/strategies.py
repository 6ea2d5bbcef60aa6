"""Hypothesis strategies for belatam values, kept in one place (as attrs does).

`datasets()` builds a small `belatam.Dataset` that passes every integrity rule
of `belatam.read.integrity`: ids are typed slugs unique across all files, every
reference points at a record that exists, and every record but a `Source`
cites at least one existing source. Its dates also keep the rules of time
(`belatam.read.timeline`): a record whose drawn bounds contradict each other loses
the later ones, and a mission or membership in force when its country's
relations or its organisation are not loses its dates. Sizes stay small so
tests are fast.
"""

from __future__ import annotations

import calendar
import string
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from hypothesis import strategies as st

from belatam import (
    Agreement,
    AgreementKind,
    Country,
    Dataset,
    Event,
    EventKind,
    InvalidValueError,
    Membership,
    MembershipRole,
    Mission,
    MissionKind,
    Organization,
    OrganizationKind,
    PartialDate,
    Partnership,
    PartnershipKind,
    Period,
    Person,
    Role,
    Source,
    SourceRef,
    Statement,
    Topic,
    TradeFigures,
    TradeKind,
    VisitKind,
)
from belatam.model.countries import SUBREGIONS
from belatam.model.schema import describe
from belatam.model.validity import span_of
from belatam.read.timeline import conflict

__all__ = [
    "MAX",
    "datasets",
    "date_likes",
    "ids",
    "partial_dates",
    "periods",
    "source_refs",
    "sublists",
]

T = TypeVar("T")

MAX = 8
"""The most records of one type a generated data set holds."""

HOME = "BY"

COUNTRY_NAMES = (
    "Aurelia",
    "Borduria",
    "Carpania",
    "Drusselstein",
    "Elbonia",
    "Freedonia",
    "Genovia",
    "Latveria",
    "Molvania",
    "Orsinia",
    "Ruritania",
    "Syldavia",
    "San Lorenzo",
    "Santa Prisca",
    "Costa Luna",
    "São Rico",
    "Curaçao Nova",
    "República Bolívar",
)
"""Names of at least five letters, distinct after folding, none an ISO code."""

FIRST_NAMES = ("Ana", "Boris", "Carmen", "Dmitri", "Elena", "Félix", "Gleb", "Inés", "Oleg", "Raúl")
LAST_NAMES = ("Torres", "Ivanov", "Márquez", "Petrov", "Sánchez", "Kozlov", "Gómez", "Orlov")
ORG_WORDS = ("Tractor", "Potash", "Trading", "Agro", "Motor", "Energy", "Textile", "Harbour")
ORG_TAILS = ("Works", "House", "Office", "Bank", "Commission", "Chamber", "Plant", "Bloc")

_SLUG = st.from_regex(r"[0-9a-z]{1,6}(-[0-9a-z]{1,4}){0,2}", fullmatch=True)
_SAMPLE_TEXTS = (
    "Official visit",
    "Minsk",
    "Havana, Cuba",
    "Díaz-Canel «visit» — 2018",
    'quotes " and \\ backslash',
    "line\nbreak\ttab",
    "Ж ж ñ ü ç 中文 🇧🇾",
)
_UNIT = st.sampled_from([Decimal(1), Decimal(1000), Decimal(100000), Decimal(1000000)])
_TEXT = st.sampled_from(_SAMPLE_TEXTS)
"""Cheap text for most fields (never blank: records refuse blank names and texts);
`_ANY_TEXT` (arbitrary Unicode) for a few; `_DESCRIPTION` may be empty, as descriptions may."""
_ANY_TEXT = st.text(min_size=1, max_size=12).filter(str.strip)
_DESCRIPTION = st.just("") | _TEXT


# -- dates ---------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    """A `PartialDate` of year, month or day precision."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


@st.composite
def periods(draw: st.DrawFn, dates: st.SearchStrategy[PartialDate] | None = None) -> Period:
    """A valid `Period`: the end not before the start; one end (never both) may be open."""
    dates = partial_dates() if dates is None else dates
    shape = draw(st.sampled_from(("closed", "open_end", "open_start")))
    a = draw(dates)
    if shape == "open_end":
        return Period(a, None)
    if shape == "open_start":
        return Period(None, a)
    b = draw(dates)
    if b.last_day() < a.first_day():
        a, b = b, a  # then b.first_day() <= b.last_day() < a.first_day() <= a.last_day()
    return Period(a, b)


def date_likes(dates: st.SearchStrategy[PartialDate] | None = None) -> st.SearchStrategy[PartialDate | Period]:
    """Either a `PartialDate` or a `Period`."""
    dates = partial_dates() if dates is None else dates
    return st.one_of(dates, periods(dates))


DATA_DATES = st.one_of(partial_dates(1990, 2025), partial_dates())
"""Dates for records: mostly recent years, sometimes anywhere in 1..9999."""
_DATA_DATE_LIKES = date_likes(DATA_DATES)
_OPT_DATE = st.none() | DATA_DATES
_OPT_DATE_LIKE = st.none() | _DATA_DATE_LIKES
_OPT_TEXT = st.none() | _TEXT
_OPT_COUNT = st.none() | st.integers(0, 40)
_SHA256 = st.none() | st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
_URL = (
    st.none()
    | st.just("https://example.org/")
    | st.sampled_from(("http://mfa.gov.by/a?b=1", "https://life.ru/t/новости/1"))
)
_LANGUAGE = st.sampled_from(("en", "ru", "es", "be"))
_CURRENCY = st.just("USD") | st.from_regex(r"[A-Z]{3}", fullmatch=True)
_AMOUNT = st.integers(0, 10**12).map(Decimal)
_SUBREGION = st.none() | st.sampled_from(SUBREGIONS)
_RELATIONS = st.sampled_from((True, False, None))
_LETTER = st.sampled_from(string.ascii_uppercase)
_CODES = st.lists(
    st.text(string.ascii_uppercase, min_size=2, max_size=2).filter(lambda c: c != HOME), unique=True, max_size=MAX - 1
)
_ORG_NAME = st.tuples(st.sampled_from(ORG_WORDS), st.sampled_from(ORG_TAILS)).map(" ".join)
_PERSON_NAME = st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(LAST_NAMES)).map(" ".join)
_PARAGRAPH = st.none() | st.integers(1, 40)
_BOUNDS = st.lists(DATA_DATES, max_size=2)
_LEGAL_FORM = st.none() | st.sampled_from(("LLC", "JSC", "OJSC"))
_VISIT = st.none() | st.sampled_from(VisitKind)


# -- references ----------------------------------------------------------------


def source_refs(source_ids: Sequence[str]) -> st.SearchStrategy[tuple[SourceRef, ...]]:
    """One to three `SourceRef`s, each pointing at one of ``source_ids``."""
    ref = st.builds(
        SourceRef,
        source=st.sampled_from(tuple(source_ids)),
        paragraph=_PARAGRAPH,
    )
    return st.lists(ref, min_size=1, max_size=3, unique=True).map(tuple)  # a citation once per record


def ids(prefix: str, min_size: int = 0, max_size: int = MAX) -> st.SearchStrategy[list[str]]:
    """Distinct slugs ``prefix-...`` that match the id rule of the records (`belatam.model.record.slug`)."""
    return st.lists(_SLUG, unique=True, min_size=min_size, max_size=max_size).map(
        lambda slugs: [f"{prefix}-{s}" for s in slugs]
    )


def sublists(pool: Sequence[T], max_size: int = 3) -> st.SearchStrategy[list[T]]:
    """A few distinct members of ``pool`` (nothing when it is empty)."""
    if not pool:
        return st.just([])
    return st.lists(st.sampled_from(tuple(pool)), unique=True, max_size=min(max_size, len(pool)))


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _keeping_time(cls: type[T], **fields: object) -> T:
    """``cls(**fields)``, dropping the time fields that contradict the others (the later parts first)."""
    parts = describe(cls).validity
    droppable = [parts[p].name for p in ("ended_by", "end", "seen", "not_before", "start") if p in parts]
    for name in [None, *droppable]:
        if name is not None:
            fields[name] = None
        try:
            return cls(**fields)
        except InvalidValueError:
            continue
    raise AssertionError(f"no {cls.__name__} from {fields}")


def _within(record: T, outer: object, *names: str) -> T:
    """``record``, without its time fields ``names`` if it is in force on a day ``outer`` is not."""
    if outer is None or conflict(span_of(record), span_of(outer)) is None:
        return record
    import attrs

    return attrs.evolve(record, **dict.fromkeys(names))  # type: ignore[misc]


# -- the data set --------------------------------------------------------------


def _sources(draw: st.DrawFn) -> list[Source]:
    return [
        Source(
            id=id_,
            title=draw(_ANY_TEXT),
            publisher=draw(_TEXT),
            url=draw(_URL),
            date=draw(_OPT_DATE_LIKE),
            language=draw(_LANGUAGE),
            sha256=draw(_SHA256),
            note=draw(_OPT_TEXT),
        )
        for id_ in draw(ids("src", 1, 4))
    ]


def _countries(draw: st.DrawFn, refs: st.SearchStrategy[tuple[SourceRef, ...]]) -> list[Country]:
    codes = draw(_CODES)
    names = draw(st.lists(st.sampled_from(COUNTRY_NAMES), unique=True, min_size=len(codes), max_size=len(codes)))
    numerics = draw(
        st.lists(
            st.integers(0, 999).map("{:03d}".format), unique=True, min_size=len(codes) + 1, max_size=len(codes) + 1
        )
    )
    countries = [
        Country(
            code=HOME,
            alpha3="BLR",
            numeric=numerics[-1],
            name="Belarus",
            aliases=draw(st.sampled_from(((), ("Republic of Belarus",)))),
            subregion=None,
            relations=None,
            sources=draw(refs),
        )
    ]
    for code, name, numeric in zip(codes, names, numerics, strict=False):
        countries.append(
            _keeping_time(
                Country,
                code=code,
                alpha3=draw(_LETTER.map(code.__add__).filter(lambda alpha3: alpha3 != "BLR")),  # Belarus's
                numeric=numeric,
                name=name,
                aliases=draw(st.sampled_from(((), (f"Republic of {name}",)))),
                subregion=draw(_SUBREGION),
                relations=draw(_RELATIONS),
                relations_established=draw(_OPT_DATE),
                sources=draw(refs),
            )
        )
    return draw(st.permutations(countries))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """A small, referentially valid `Dataset` with a bit of everything."""
    sources = _sources(draw)
    refs = source_refs([s.id for s in sources])
    countries = _countries(draw, refs)
    codes = [c.code for c in countries]
    region = [c for c in codes if c != HOME]

    # organisations first: people's roles and memberships point at them
    org_ids = draw(ids("org"))
    org_names = draw(
        st.lists(
            _ORG_NAME,
            unique=True,
            min_size=len(org_ids),
            max_size=len(org_ids),
        )
    )
    organizations = [
        _keeping_time(
            Organization,
            id=id_,
            name=name,
            kind=draw(st.sampled_from(OrganizationKind)),
            country=draw(_optional(st.sampled_from(tuple(codes)))),
            parent=draw(_optional(st.sampled_from(tuple(org_ids[:i])))) if i else None,
            legal_form=draw(_LEGAL_FORM),
            place=draw(_OPT_TEXT),
            established=draw(_OPT_DATE),
            members=draw(_OPT_COUNT),
            associate_members=draw(_OPT_COUNT),
            description=draw(_DESCRIPTION),
            sources=draw(refs),
        )
        for i, (id_, name) in enumerate(zip(org_ids, org_names, strict=True))
    ]

    person_ids = draw(ids("per"))
    person_names = draw(
        st.lists(
            _PERSON_NAME,
            unique=True,
            min_size=len(person_ids),
            max_size=len(person_ids),
        )
    )
    role = st.builds(
        _keeping_time,
        st.just(Role),
        title=_TEXT,
        country=st.sampled_from(tuple(codes)),
        organization=_optional(st.sampled_from(tuple(org_ids))) if org_ids else st.none(),
        since=_OPT_DATE,
        seen=_OPT_DATE_LIKE.filter(lambda d: not isinstance(d, Period) or d.start is not None),
        until=_OPT_DATE,
    )
    people = [
        Person(
            id=id_,
            name=name,
            aliases=draw(sublists((name.upper(), ", ".join(reversed(name.split()))), 1)),
            roles=tuple(draw(st.lists(role, max_size=3, unique=True))),  # the same post once
            sources=draw(refs),
        )
        for id_, name in zip(person_ids, person_names, strict=True)
    ]

    missions = []
    if len(codes) >= 2:
        for id_ in draw(ids("mis")):
            sending, receiving = draw(st.permutations(codes))[:2]
            mission = _keeping_time(
                Mission,
                id=id_,
                kind=draw(st.sampled_from(MissionKind)),
                sending=sending,
                receiving=receiving,
                opened=draw(_OPT_DATE),
                seen=draw(_OPT_DATE),
                closed=draw(_OPT_DATE),
                closed_by=draw(_OPT_DATE),
                sources=draw(refs),
            )
            for code in (sending, receiving):
                outer = next(c for c in countries if c.code == code)
                mission = _within(mission, outer, "opened", "not_before", "seen", "closed", "closed_by")
            missions.append(mission)

    partnerships = (
        [
            _keeping_time(
                Partnership,
                id=id_,
                country=draw(st.sampled_from(tuple(region))),
                kind=draw(st.sampled_from(PartnershipKind)),
                description=draw(_TEXT),
                treaties=draw(_OPT_COUNT),
                legal_instruments=draw(_OPT_COUNT),
                since=draw(_OPT_DATE),
                seen=draw(_OPT_DATE),
                until=draw(_OPT_DATE),
                sources=draw(refs),
            )
            for id_ in draw(ids("ptn"))
        ]
        if region
        else []
    )

    memberships = []
    for id_ in draw(ids("mem")) if org_ids else []:
        membership = _keeping_time(
            Membership,
            id=id_,
            member=draw(st.sampled_from((*codes, *org_ids))),
            organization=draw(st.sampled_from(tuple(org_ids))),
            role=draw(st.sampled_from(MembershipRole)),
            since=draw(_OPT_DATE),
            seen=draw(_OPT_DATE),
            until=draw(_OPT_DATE),
            sources=draw(refs),
        )
        outer = next(o for o in organizations if o.id == membership.organization)
        memberships.append(_within(membership, outer, "since", "not_before", "seen", "until"))

    agreements = [
        Agreement(
            id=id_,
            title=draw(_TEXT),
            kind=draw(st.sampled_from(AgreementKind)),
            parties=tuple(draw(sublists(codes))),
            signed=draw(_OPT_DATE),
            description=draw(_DESCRIPTION),
            sources=draw(refs),
        )
        for id_ in draw(ids("agr"))
    ]
    agreement_ids = [a.id for a in agreements]

    event_ids = draw(ids("evt"))
    events = []
    for i, id_ in enumerate(event_ids):
        bounds = sorted(draw(_BOUNDS))
        not_before = not_after = None
        if len(bounds) == 2:
            not_before, not_after = bounds
        elif bounds:
            not_before, not_after = draw(st.sampled_from(((bounds[0], None), (None, bounds[0]))))
        date = draw(_OPT_DATE_LIKE)
        if date is not None:
            first, last = date.bounds()
            if (not_before and first < not_before.bounds()[0]) or (not_after and last > not_after.bounds()[1]):
                date = None  # an event's date lies within its own bounds
        events.append(
            Event(
                id=id_,
                kind=draw(st.sampled_from(EventKind)),
                date=date,
                summary=draw(_ANY_TEXT),
                not_before=not_before,
                not_after=not_after,
                place=draw(_OPT_TEXT),
                countries=tuple(draw(sublists(region))),
                participants=tuple(draw(sublists(person_ids))),
                organizations=tuple(draw(sublists(org_ids))),
                agreements=tuple(draw(sublists(agreement_ids))),
                during=tuple(draw(sublists(event_ids[:i], 2))),
                visit=draw(_VISIT),
                round=draw(_OPT_COUNT),
                sources=draw(refs),
            )
        )

    statements = [
        Statement(
            id=id_,
            topic=draw(st.sampled_from(Topic)),
            text=draw(_ANY_TEXT),
            countries=tuple(draw(sublists(region))),
            sources=draw(refs),
        )
        for id_ in draw(ids("stm"))
    ]

    def stated(unit: Decimal) -> Decimal:
        """An amount stated to ``unit``: a whole number of it."""
        return draw(_AMOUNT) // unit * unit

    units = [[draw(_UNIT) for _ in range(3)] for _ in range(4)]
    trade = [
        TradeFigures(
            id=f"trd-{year}",
            year=year,
            kind=draw(st.none() | st.sampled_from(TradeKind)),
            currency=draw(_CURRENCY),
            turnover=stated(unit[0]),
            turnover_precision=unit[0],
            exports=stated(unit[1]),
            exports_precision=unit[1],
            imports=stated(unit[2]),
            imports_precision=unit[2],
            main_exports=tuple(draw(st.lists(_TEXT, max_size=3))),
            sources=draw(refs),
        )
        for year, unit in zip(draw(st.lists(st.integers(1990, 2030), unique=True, max_size=4)), units, strict=False)
    ]

    return Dataset(
        sources=sources,
        countries=countries,
        missions=missions,
        partnerships=partnerships,
        people=people,
        organizations=organizations,
        memberships=memberships,
        agreements=agreements,
        events=events,
        statements=statements,
        trade=trade,
    )
