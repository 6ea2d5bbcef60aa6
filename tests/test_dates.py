"""Laws of `PartialDate` and `Period`: text round trips, order, containment, years."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import date_likes, partial_dates, periods

from belatam import PartialDate, Period
from belatam.dates import parse_date

# -- text round trips ----------------------------------------------------------


@given(partial_dates())
def test_partial_date_str_parse_round_trip(d: PartialDate) -> None:
    text = str(d)
    assert PartialDate.parse(text) == d
    assert parse_date(text) == d
    assert str(PartialDate.parse(text)) == text


@given(periods())
def test_period_str_parse_round_trip(p: Period) -> None:
    text = str(p)
    assert "/" in text
    assert Period.parse(text) == p
    assert parse_date(text) == p
    assert str(Period.parse(text)) == text


@given(partial_dates())
def test_edtf_form_has_the_precision_of_the_date(d: PartialDate) -> None:
    text = str(d)
    assert len(text) == {"year": 4, "month": 7, "day": 10}[d.precision]
    assert text.isascii()
    if d.precision == "day":
        assert datetime.date.fromisoformat(text) == d.first_day() == d.last_day()


@given(st.from_regex(r"\d{4}(-\d{2}(-\d{2})?)?", fullmatch=True))
def test_accepted_text_is_already_the_edtf_form(text: str) -> None:
    """Whatever `parse` accepts, `str` gives back unchanged: EDTF is ASCII digits only."""
    try:
        d = PartialDate.parse(text)
    except ValueError:
        return
    assert str(d) == text


# -- order -----------------------------------------------------------------------


def key(d: PartialDate) -> tuple[datetime.date, datetime.date]:
    return (d.first_day(), d.last_day())


@given(partial_dates(), partial_dates())
def test_order_is_total_and_agrees_with_the_interval_and_equality(a: PartialDate, b: PartialDate) -> None:
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a < b) == (key(a) < key(b))
    assert (a > b) == (key(a) > key(b))
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    assert (a == b) == (key(a) == key(b))
    assert (a < b) == (b > a)
    if a == b:
        assert hash(a) == hash(b)


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_transitive(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    x, y, z = sorted([a, b, c])
    assert x <= y <= z
    assert x <= z
    assert [x, y, z] == sorted([a, b, c], key=key)


@given(st.lists(partial_dates(1990, 2030), max_size=12))
def test_sorting_is_by_interval_start_then_end(dates: list[PartialDate]) -> None:
    assert sorted(dates) == sorted(dates, key=key)


def test_order_examples() -> None:
    y, m, d, feb = PartialDate(2018), PartialDate(2018, 1), PartialDate(2018, 1, 1), PartialDate(2018, 2)
    assert d < m < y < feb
    assert PartialDate(2018, 12) > PartialDate(2018)
    assert PartialDate(2017, 12, 31) < PartialDate(2018)


def test_comparing_with_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        PartialDate(2018) < 2018  # type: ignore[operator]  # noqa: B015
    with pytest.raises(TypeError):
        PartialDate(2018) <= "2018"  # type: ignore[operator]  # noqa: B015
    assert PartialDate(2018) != "2018"  # type: ignore[comparison-overlap]
    assert PartialDate(2018) != Period(PartialDate(2018), PartialDate(2018))  # type: ignore[comparison-overlap]


# -- containment -----------------------------------------------------------------


@given(partial_dates())
def test_containment_is_reflexive(a: PartialDate) -> None:
    assert a.contains(a)


@given(partial_dates(1999, 2001), partial_dates(1999, 2001))
def test_mutual_containment_is_equality(a: PartialDate, b: PartialDate) -> None:
    assert (a.contains(b) and b.contains(a)) == (a == b)


@given(partial_dates(1999, 2001), partial_dates(1999, 2001), partial_dates(1999, 2001))
def test_containment_is_transitive(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    if a.contains(b) and b.contains(c):
        assert a.contains(c)


@given(partial_dates(1999, 2001), partial_dates(1999, 2001))
def test_containment_means_every_day_lies_inside(a: PartialDate, b: PartialDate) -> None:
    a_days = {a.first_day() + datetime.timedelta(n) for n in range((a.last_day() - a.first_day()).days + 1)}
    b_days = {b.first_day() + datetime.timedelta(n) for n in range((b.last_day() - b.first_day()).days + 1)}
    assert a.contains(b) == (b_days <= a_days)


@given(st.integers(1, 9999))
def test_a_year_contains_its_months_and_a_month_its_days(year: int) -> None:
    y = PartialDate(year)
    for month in range(1, 13):
        m = PartialDate(year, month)
        assert y.contains(m)
        assert not m.contains(y)
        days = [PartialDate(year, month, day) for day in range(1, 32) if _is_date(year, month, day)]
        assert m.first_day() == days[0].first_day() and m.last_day() == days[-1].last_day()
        for d in days:
            assert m.contains(d) and y.contains(d)
            assert not d.contains(m)
        assert y.last_day() >= m.last_day()
    assert y.first_day() == datetime.date(year, 1, 1) and y.last_day() == datetime.date(year, 12, 31)


@given(partial_dates(1999, 2001), partial_dates(1999, 2001))
def test_a_date_contains_only_what_starts_and_ends_inside_it(a: PartialDate, b: PartialDate) -> None:
    if b.year != a.year or (a.month is not None and b.month != a.month):
        assert not a.contains(b) or a == b


@given(periods(partial_dates(1990, 2030)), partial_dates(1990, 2030))
def test_period_contains_by_interval(p: Period, d: PartialDate) -> None:
    expected = (p.start is None or p.start.first_day() <= d.first_day()) and (
        p.end is None or d.last_day() <= p.end.last_day()
    )
    assert p.contains(d) == expected


@given(periods())
def test_period_contains_its_ends_unless_one_reaches_past_the_other(p: Period) -> None:
    """``2018/2018-03`` does not wholly contain ``2018``; ``2018-01/2018-03`` contains both ends."""
    if p.start is None or p.end is None:
        for end in (p.start, p.end):
            if end is not None:
                assert p.contains(end)
        return
    assert p.contains(p.start) == (p.start.last_day() <= p.end.last_day())
    assert p.contains(p.end) == (p.start.first_day() <= p.end.first_day())
    if p.start <= p.end and p.start.last_day() <= p.end.last_day():
        assert p.contains(p.start) and p.contains(p.end)


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


# -- years -----------------------------------------------------------------------


@given(partial_dates(), st.integers(1, 9999))
def test_partial_date_overlaps_year_day_by_day(d: PartialDate, year: int) -> None:
    day, last, hit = d.first_day(), d.last_day(), False
    while True:  # at most 366 days
        if day.year == year:
            hit = True
            break
        if day == last:
            break
        day += datetime.timedelta(1)
    assert d.overlaps_year(year) == hit


@given(partial_dates())
def test_partial_date_overlaps_its_own_year_only(d: PartialDate) -> None:
    assert d.overlaps_year(d.year)
    for other in (d.year - 1, d.year + 1):
        if 1 <= other <= 9999:
            assert not d.overlaps_year(other)


@given(periods(), st.integers(1, 9999))
def test_period_overlaps_year_iff_some_day_of_it_falls_in_that_year(p: Period, year: int) -> None:
    # the days of the span run through every year from its first day's to its last day's
    assert p.overlaps_year(year) == (p.first_day().year <= year <= p.last_day().year)


@given(partial_dates(1990, 2030), partial_dates(1990, 2030))
def test_closed_period_overlaps_exactly_the_years_it_spans(a: PartialDate, b: PartialDate) -> None:
    assume(a.first_day() <= b.last_day())
    p = Period(a, b)
    years = {y for y in range(1985, 2036) if p.overlaps_year(y)}
    assert years == set(range(a.year, b.year + 1))


@given(date_likes(), st.integers(1, 9999))
def test_a_date_that_overlaps_a_year_shares_a_day_with_it(d: PartialDate | Period, year: int) -> None:
    jan1, dec31 = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    assert d.overlaps_year(year) == (max(d.first_day(), jan1) <= min(d.last_day(), dec31))


@given(partial_dates())
def test_open_periods(d: PartialDate) -> None:
    since, until = Period(d, None), Period(None, d)
    assert str(since) == f"{d}/.." and str(until) == f"../{d}"
    assert since.first_day() == d.first_day() and since.last_day() == datetime.date.max
    assert until.first_day() == datetime.date.min and until.last_day() == d.last_day()
    assert since.overlaps_year(9999) and until.overlaps_year(1)
    assert since.contains(d) and until.contains(d)
    assert since.overlaps_year(d.year) and until.overlaps_year(d.year)
    if d.year > 1:
        assert not since.overlaps_year(d.year - 1)
    if d.year < 9999:
        assert not until.overlaps_year(d.year + 1)


# -- explicit examples -----------------------------------------------------------


def test_month_lengths() -> None:
    assert PartialDate(2018, 2).last_day() == datetime.date(2018, 2, 28)
    assert PartialDate(2020, 2).last_day() == datetime.date(2020, 2, 29)
    assert (PartialDate(2020, 2).last_day() - PartialDate(2020, 2).first_day()).days + 1 == 29
    assert PartialDate(1900, 2).last_day() == datetime.date(1900, 2, 28)
    assert PartialDate(2000, 2).last_day() == datetime.date(2000, 2, 29)
    assert PartialDate(2018).first_day() == datetime.date(2018, 1, 1)
    assert PartialDate(2018).last_day() == datetime.date(2018, 12, 31)
    assert PartialDate(2018, 11, 5).first_day() == PartialDate(2018, 11, 5).last_day() == datetime.date(2018, 11, 5)
    assert PartialDate(2020, 2, 29) == PartialDate.parse("2020-02-29")


def test_edtf_examples() -> None:
    assert str(PartialDate(2018)) == "2018"
    assert str(PartialDate(2018, 11)) == "2018-11"
    assert str(PartialDate(2018, 11, 5)) == "2018-11-05"
    assert str(PartialDate(5, 1, 2)) == "0005-01-02"
    assert str(Period(PartialDate(2016, 1), None)) == "2016-01/.."
    assert str(Period(None, PartialDate(2019))) == "../2019"
    assert Period.parse("2018-02/2018-11") == Period(PartialDate(2018, 2), PartialDate(2018, 11))
    assert Period.parse("2016-01/..") == Period(PartialDate(2016, 1), None)
    assert parse_date("2018-11") == PartialDate(2018, 11)
    assert parse_date("2018/2019") == Period(PartialDate(2018), PartialDate(2019))
    assert PartialDate(2018).precision == "year"
    assert PartialDate(2018, 2).precision == "month"
    assert PartialDate(2018, 2, 3).precision == "day"


def test_year_examples() -> None:
    assert PartialDate(2018, 2).overlaps_year(2018)
    assert not PartialDate(2018, 12, 31).overlaps_year(2019)
    assert Period(PartialDate(2017, 12), PartialDate(2018, 1)).overlaps_year(2018)
    assert Period(PartialDate(2017, 12), PartialDate(2018, 1)).overlaps_year(2017)
    assert not Period(PartialDate(2016), PartialDate(2017)).overlaps_year(2018)
    assert Period(PartialDate(2016, 1), None).overlaps_year(2030)
    assert PartialDate(2018).contains(PartialDate(2018, 2))
    assert not PartialDate(2018, 2).contains(PartialDate(2018))


# -- invalid input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2018-02-30",
        "2019-02-29",
        "2018-04-31",
        "2018-13",
        "2018-00",
        "2018-01-00",
        "2018-01-32",
        "0000",
        "2018-1",
        "2018-01-1",
        "18",
        "20181",
        "2018-",
        "2018-01-",
        "2018--05",
        "",
        " 2018",
        "2018 ",
        "2018\n",
        "+2018",
        "-2018",
        "2018/2019",
        "2018-11-05T00:00",
        "2018?",
        "abcd",
        "\u0662\u0660\u0661\u0668",  # 2018 in Arabic-Indic digits: EDTF is ASCII
        "\uff12\uff10\uff11\uff18-\uff10\uff12",  # fullwidth 2018-02
    ],
)
def test_invalid_partial_date_text_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    "text",
    ["2018", "", "/", "../..", "2018/2017", "2018-05/2018-04", "2018-02-30/2019", "2018/2019/2020", "2018-1/.."],
)
def test_invalid_period_text_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        Period.parse(text)


@pytest.mark.parametrize("text", ["", "2018-02-30", "2018-13", "2018-1", "/", "2019/2018"])
def test_parse_date_rejects_invalid_text(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_date(text)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((2018, 2, 30), ValueError),
        ((2019, 2, 29), ValueError),
        ((2018, 13), ValueError),
        ((2018, 0), ValueError),
        ((2018, None, 5), ValueError),
        ((0,), ValueError),
        ((10000,), ValueError),
        ((-5,), ValueError),
        (("2018",), TypeError),
        ((2018.0,), TypeError),
        ((True,), TypeError),
        ((2018, "02"), TypeError),
        ((2018, 2, 3.0), TypeError),
    ],
)
def test_invalid_partial_date_fields(args: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        PartialDate(*args)  # type: ignore[arg-type]


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 99))
def test_days_past_the_end_of_the_month_are_rejected(year: int, month: int, day: int) -> None:
    assume(not _is_date(year, month, day))
    with pytest.raises(ValueError, match="day"):
        PartialDate(year, month, day)
    text = f"{year:04d}-{month:02d}-{day:02d}"
    with pytest.raises(ValueError, match=r"."):
        PartialDate.parse(text)


@given(st.integers(1, 9999), st.integers(13, 99) | st.just(0))
def test_months_outside_1_to_12_are_rejected(year: int, month: int) -> None:
    with pytest.raises(ValueError, match="month"):
        PartialDate(year, month)
    with pytest.raises(ValueError, match=r"."):
        PartialDate.parse(f"{year:04d}-{month:02d}")


@given(partial_dates(), partial_dates())
def test_a_period_cannot_end_before_it_starts(a: PartialDate, b: PartialDate) -> None:
    if b.last_day() < a.first_day():
        with pytest.raises(ValueError, match="before"):
            Period(a, b)
        with pytest.raises(ValueError, match=r"."):
            Period.parse(f"{a}/{b}")
    else:
        assert Period(a, b).first_day() <= Period(a, b).last_day()


def test_a_period_needs_an_end() -> None:
    with pytest.raises(ValueError, match="start or an end"):
        Period(None, None)


@pytest.mark.parametrize("value", [None, 2018, b"2018", PartialDate(2018)])
def test_parsing_a_non_string_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        PartialDate.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Period.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_date(value)  # type: ignore[arg-type]


def test_period_ends_must_be_partial_dates() -> None:
    with pytest.raises(TypeError):
        Period("2018", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Period(PartialDate(2018), datetime.date(2019, 1, 1))  # type: ignore[arg-type]
