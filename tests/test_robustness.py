"""Junk in, a precise `BelatamError` out: every public helper, every parameter.

In the spirit of python-stdnum's robustness test: each query helper and each of
its keywords is fed wrong types, impossible values, unknown names and ids,
empty and blank strings and emoji, and must answer with exactly the error the
design promises:

- a wrong type is an `InvalidTypeError` (a `TypeError`);
- an impossible value, an unknown enum value or an empty string is an
  `InvalidValueError` (a `ValueError`);
- a well-formed key the data does not hold is an `UnknownKeyError` (a `LookupError`);

all of them `BelatamError`, and each message names the parameter and shows the
value given. No `KeyError`, `AttributeError` or cattrs exception ever escapes.
"""

from __future__ import annotations

import datetime
import enum
import importlib.resources
import inspect
import os
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import belatam
from belatam import (
    Agreement,
    BelatamError,
    Country,
    Dataset,
    Event,
    EventKind,
    InvalidTypeError,
    InvalidValueError,
    Membership,
    MembershipRole,
    Mission,
    MissionKind,
    Organization,
    OrganizationKind,
    PartialDate,
    Partnership,
    Period,
    Person,
    Source,
    SourceRef,
    Statement,
    Topic,
    TradeFigures,
    UnknownKeyError,
)
from belatam.errors import quote

DATA = belatam.dataset()
EVENT_ID = DATA.events()[0].id
AGREEMENT_ID = DATA.agreements()[0].id
SUBREGIONS = ("Caribbean", "Central America", "South America")

# -- the public API under test -------------------------------------------------

# What each helper returns: a tuple of these records, one record, or a Dataset.
RESULT: dict[str, type] = {
    "countries": Country,
    "country": Country,
    "partners": Country,
    "partnerships": Partnership,
    "missions": Mission,
    "agreements": Agreement,
    "agreement": Agreement,
    "events": Event,
    "event": Event,
    "people": Person,
    "person": Person,
    "organizations": Organization,
    "organization": Organization,
    "memberships": Membership,
    "statements": Statement,
    "trade": TradeFigures,
    "source": Source,
    "record": belatam.Record,
    "accreditations": belatam.Accreditation,
    "trade_figures": TradeFigures,
    "roles": belatam.Role,
    "heads": belatam.Posting,
    "load": Dataset,
}
PLURAL = {"countries", "partners", "partnerships", "missions", "agreements", "events", "people"}
PLURAL |= {"organizations", "memberships", "statements", "accreditations", "trade_figures", "roles", "heads"}

# Every parameter of every helper, with the kind of argument it takes. An enum
# class stands for "a member of it or its value string".
KEYS = ("country", "person", "mission", "organization", "member", "event", "agreement", "source", "record")
PARAMS: list[tuple[str, str, str | type[enum.Enum]]] = [
    ("countries", "relations", "bool"),
    ("countries", "subregion", "subregion"),
    ("countries", "as_of", "day"),
    ("country", "key", "country"),
    ("partners", "strategic", "bool"),
    ("partners", "as_of", "day"),
    ("partnerships", "country", "country"),
    ("partnerships", "strategic", "bool"),
    ("partnerships", "as_of", "day"),
    ("partnerships", "year", "year"),
    ("partnerships", "since", "date"),
    ("partnerships", "until", "date"),
    ("missions", "sending", "country"),
    ("missions", "receiving", "country"),
    ("missions", "kind", MissionKind),
    ("missions", "honorary", "bool"),
    ("missions", "as_of", "day"),
    ("missions", "year", "year"),
    ("missions", "since", "date"),
    ("missions", "until", "date"),
    ("accreditations", "sending", "country"),
    ("accreditations", "receiving", "country"),
    ("accreditations", "head", "person"),
    ("accreditations", "as_of", "day"),
    ("accreditations", "year", "year"),
    ("accreditations", "since", "date"),
    ("accreditations", "until", "date"),
    ("heads", "mission", "mission"),
    ("heads", "sending", "country"),
    ("heads", "receiving", "country"),
    ("heads", "person", "person"),
    ("heads", "as_of", "day"),
    ("heads", "year", "year"),
    ("heads", "since", "date"),
    ("heads", "until", "date"),
    ("agreements", "country", "country"),
    ("agreements", "year", "year"),
    ("agreements", "since", "date"),
    ("agreements", "until", "date"),
    ("agreement", "id", "agreement"),
    ("events", "country", "country"),
    ("events", "year", "year"),
    ("events", "since", "date"),
    ("events", "until", "date"),
    ("events", "kind", EventKind),
    ("events", "person", "person"),
    ("event", "id", "event"),
    ("people", "country", "country"),
    ("person", "key", "person"),
    ("organizations", "kind", OrganizationKind),
    ("organizations", "country", "country"),
    ("organization", "key", "organization"),
    ("memberships", "organization", "organization"),
    ("memberships", "member", "member"),
    ("memberships", "role", MembershipRole),
    ("memberships", "as_of", "day"),
    ("memberships", "year", "year"),
    ("memberships", "since", "date"),
    ("memberships", "until", "date"),
    ("statements", "country", "country"),
    ("statements", "topic", Topic),
    ("trade", "year", "year"),
    ("trade", "partner", "country"),
    ("trade_figures", "year", "year"),
    ("trade_figures", "kind", belatam.TradeKind),
    ("trade_figures", "partner", "country"),
    ("roles", "key", "person"),
    ("roles", "as_of", "day"),
    ("roles", "year", "year"),
    ("roles", "since", "date"),
    ("roles", "until", "date"),
    ("source", "id", "source"),
    ("record", "id", "record"),
    ("load", "path", "path"),
]


def signature(helper: str) -> inspect.Signature:
    return inspect.signature(getattr(belatam, helper))


def is_filter(helper: str, param: str) -> bool:
    """A keyword filter of a query (which takes one value or an iterable of them), not a look-up key."""
    keyword = signature(helper).parameters[param].kind is inspect.Parameter.KEYWORD_ONLY
    return keyword and helper != "load" and (helper, param) not in NARROWING


def required(helper: str, param: str) -> bool:
    """A parameter without a default (None is then not "no filter" but junk)."""
    return signature(helper).parameters[param].default is inspect.Parameter.empty


def call(helper: str, param: str, value: object) -> Any:
    function: Callable[..., Any] = getattr(belatam, helper)
    if signature(helper).parameters[param].kind is inspect.Parameter.KEYWORD_ONLY:
        keys = KEYED.get(helper, ())  # a helper's required key, when the junk goes to a keyword
        return function(*keys, **{param: value})
    return function(value)


KEYED = {"roles": ("per-raul-castro",), "trade": (2018,)}
"""Helpers with a required key besides their keywords, and a key that works."""

NARROWING = {("trade", "partner")}
"""Keywords of a look-up that narrow which one record it finds: one value, never a list; the packaged data
holds no whole-year figures with a single partner, so a well-formed one finds nothing (a LookupError)."""


def label(value: object) -> str:
    text = repr(value) if not isinstance(value, type) else value.__name__
    return text if len(text) <= 30 else text[:27] + "..."


def cases(table: Callable[[str, str, str | type[enum.Enum]], list[object]]) -> list[Any]:
    """One pytest.param per (helper, parameter, value) that ``table`` gives."""
    return [
        pytest.param(helper, param, value, id=f"{helper}({param}={label(value)})")
        for helper, param, kind in PARAMS
        for value in table(helper, param, kind)
    ]


def names_parameter(message: str, param: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(param)}(?![\w-])", message) is not None


def assert_message(error: BaseException, param: str, value: object) -> None:
    message = str(error)
    assert "\n" not in message, message
    assert names_parameter(message, param), f"message does not name {param!r}: {message}"
    assert quote(value) in message, f"message does not show {value!r} (shortened): {message}"


def test_the_tables_cover_every_parameter_of_every_helper() -> None:
    """A new keyword on a helper must be added here, so it gets fuzzed too."""
    covered: dict[str, set[str]] = {}
    for helper, param, _ in PARAMS:
        covered.setdefault(helper, set()).add(param)
    assert set(covered) == set(RESULT)
    for helper, params in covered.items():
        assert set(signature(helper).parameters) == params, helper
    assert set(RESULT) <= set(belatam.__all__)


# -- well-formed arguments work (so the junk below fails for the right reason) --

GOOD: dict[str | type[enum.Enum], list[object]] = {
    "bool": [True, False],
    "subregion": ["Caribbean", "south america"],
    "country": ["AR", "arg", "032", "Argentina", "  argentina  "],
    "person": ["per-makei"],
    "mission": ["mis-by-ar-embassy"],
    "organization": ["org-acs"],
    "member": ["BY", "Cuba"],
    "event": [EVENT_ID],
    "agreement": [AGREEMENT_ID],
    "source": ["src-mfa-2019"],
    "year": [2018, numpy.int64(2018), numpy.int32(2018)],
    "date": ["2018", "2018-06", "2018-06-30", PartialDate(2018, 6), datetime.date(2018, 6, 30)],
    "day": ["2020-07-01", PartialDate(2020, 7, 1), datetime.date(2020, 7, 1)],
    "record": [EVENT_ID, "org-acs", "CU"],
    "path": [str(importlib.resources.files("belatam") / "data")],
    MissionKind: ["embassy", MissionKind.HONORARY_CONSULATE, " Embassy "],
    EventKind: ["visit", EventKind.SIGNING],
    OrganizationKind: ["enterprise", OrganizationKind.BANK],
    MembershipRole: ["observer", MembershipRole.MEMBER],
    Topic: ["trade", Topic.POLICY],
    belatam.TradeKind: ["goods", belatam.TradeKind.SERVICES],
}


def check_result(helper: str, result: object, param: str = "") -> None:
    if helper in PLURAL:
        assert isinstance(result, tuple), type(result)
        assert all(isinstance(r, RESULT[helper]) for r in result)
        timed = "as_of" in signature(helper).parameters
        if not (timed and param in ("as_of", "year", "since", "until")) and helper != "roles":
            # another day (or span) is another answer, not a narrower one
            # a filter can only narrow the unfiltered answer
            assert set(result) <= set(getattr(belatam, helper)())
    else:
        assert isinstance(result, RESULT[helper]), type(result)


def several(helper: str, param: str, kind: str | type[enum.Enum]) -> list[object]:
    """A filter's good values as a list and as a tuple (any of them matches), where it takes several."""
    if not is_filter(helper, param) or kind in ("bool", "date", "day"):
        return []
    return [list(GOOD[kind][:2]), tuple(GOOD[kind][:2])]


@pytest.mark.parametrize(("helper", "param", "value"), cases(lambda h, p, kind: GOOD[kind] + several(h, p, kind)))
def test_well_formed_arguments_are_accepted(helper: str, param: str, value: object) -> None:
    if (helper, param) in NARROWING:
        with pytest.raises(UnknownKeyError):
            call(helper, param, value)
        return
    check_result(helper, call(helper, param, value), param)


@pytest.mark.parametrize(
    ("helper", "param", "kind"),
    [
        pytest.param(h, p, k, id=f"{h}-{p}")
        for h, p, k in PARAMS
        if is_filter(h, p) and k not in ("bool", "date", "day")
    ],
)
def test_several_values_match_any_of_them(helper: str, param: str, kind: str | type[enum.Enum]) -> None:
    values = GOOD[kind][:2]
    union = {r for value in values for r in call(helper, param, value)}
    assert set(call(helper, param, values)) == union
    assert call(helper, param, []) == ()


@pytest.mark.parametrize(
    ("helper", "param"), [pytest.param(h, p, id=f"{h}-{p}") for h, p, _ in PARAMS if not required(h, p)]
)
def test_none_means_no_filter(helper: str, param: str) -> None:
    assert call(helper, param, None) == getattr(belatam, helper)(*KEYED.get(helper, ()))


# -- wrong types: InvalidTypeError ---------------------------------------------

A_RECORD = SourceRef(source="src-mfa-2019", paragraph=2)  # a record no parameter takes


class Opaque:
    def __repr__(self) -> str:
        return "<Opaque junk>"


def wrong_types(helper: str, param: str, kind: str | type[enum.Enum]) -> list[object]:
    values: list[object]
    if kind in KEYS:
        values = [32, 1.5, b"AR", {"AR": "AR"}, Opaque(), True, False, A_RECORD]
        if not is_filter(helper, param):  # a look-up takes one key, never a list
            values += [["AR"], ("AR",)]
    elif kind == "subregion":
        values = [5, 1.5, b"Caribbean", {"Caribbean": 1}, Opaque(), True]
    elif kind == "bool":
        values = ["yes", "True", "", 1, 0, 1.0, [], b"", Opaque()]
    elif kind == "year":
        values = ["2018", 2018.0, float("nan"), True, False, b"2018", Decimal(2018), Opaque()]
        if not is_filter(helper, param):
            values.append([2018])
    elif kind == "date":
        values = [5, 2018, 1.5, b"2018", Opaque(), True, ["2018"], Period(PartialDate(2018), None)]
    elif kind == "day":
        values = [5, 2020, 1.5, b"2020-07-01", Opaque(), True, ["2020-07-01"], Period(PartialDate(2020), None)]
    elif kind == "path":
        values = [5, 1.5, b"/tmp", ["/tmp"], {"path": "/tmp"}, Opaque(), True]
    else:
        assert isinstance(kind, type)
        other = EventKind.VISIT if kind is not EventKind else MissionKind.EMBASSY
        values = [5, 1.5, b"embassy", {"embassy": 1}, Opaque(), True, other]
    if required(helper, param):
        values.append(None)
    return values


@pytest.mark.parametrize(("helper", "param", "value"), cases(wrong_types))
def test_wrong_type_is_invalid_type_error(helper: str, param: str, value: object) -> None:
    with pytest.raises(InvalidTypeError) as info:
        call(helper, param, value)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, BelatamError)
    assert_message(info.value, param, value)


# -- impossible values: InvalidValueError ----------------------------------------


def impossible_values(helper: str, param: str, kind: str | type[enum.Enum]) -> list[object]:
    if kind in KEYS:
        return ["", "   ", "\t\n"]
    if kind == "subregion":
        return ["Europe", "", "   ", "🌴"]
    if kind == "year":
        return [0, -5, 10000, -2018, 10**100]
    if kind == "date":
        return ["", "2018-13", "yesterday", "0000", "2018/2019"]
    if kind == "day":
        return ["", "2020", "2020-07", "1990-12-31", "2020-13-01", "tomorrow", PartialDate(2020, 7)]
    if kind == "path":
        return [""]  # not "no path": Path("") would silently mean the current directory
    if kind == "bool":
        return []
    return ["palace", "", "   ", "🏰", "embassy_palace"]


@pytest.mark.parametrize(("helper", "param", "value"), cases(impossible_values))
def test_impossible_value_is_invalid_value_error(helper: str, param: str, value: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        call(helper, param, value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, BelatamError)
    assert not isinstance(info.value, LookupError)
    assert_message(info.value, param, value)


ENUM_PARAMS = [pytest.param(h, p, k, id=f"{h}-{p}") for h, p, k in PARAMS if isinstance(k, type)]


@pytest.mark.parametrize(("helper", "param", "vocabulary"), ENUM_PARAMS)
def test_unknown_enum_value_lists_the_valid_values(helper: str, param: str, vocabulary: type[enum.Enum]) -> None:
    with pytest.raises(InvalidValueError) as info:
        call(helper, param, "palace")
    message = str(info.value)
    assert "'palace'" in message
    for member in vocabulary:
        assert repr(member.value) in message, (member, message)


@pytest.mark.parametrize("value", ["Europe", "🌴"])
def test_unknown_subregion_lists_the_subregions(value: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        belatam.countries(subregion=value)
    assert all(name in str(info.value) for name in SUBREGIONS), str(info.value)


# -- well-formed keys the data does not hold: UnknownKeyError --------------------

UNKNOWN: dict[str, list[object]] = {
    "country": ["Narnia", "ZZ", "ZZZ", "999", "🦄", "Belarusia", "!!!"],
    "person": ["per-nobody", "Narnia", "🦄"],
    "mission": ["mis-nope", "🦄"],
    "organization": ["org-nope", "Narnia", "🦄"],
    "member": ["Narnia", "org-nope", "ZZ", "🦄"],
    "event": ["evt-nope", "Narnia", "🦄", AGREEMENT_ID],
    "agreement": ["agr-nope", "🦄", EVENT_ID],
    "source": ["src-nope", "🦄", EVENT_ID],
    "record": ["evt-nope", "🦄", "ZZ"],
}


def unknown_keys(helper: str, param: str, kind: str | type[enum.Enum]) -> list[object]:
    if helper == "trade" and param == "year":
        return [2017, 1, 9999]
    return UNKNOWN.get(kind, []) if isinstance(kind, str) else []


@pytest.mark.parametrize(("helper", "param", "value"), cases(unknown_keys))
def test_unknown_key_is_unknown_key_error(helper: str, param: str, value: object) -> None:
    with pytest.raises(UnknownKeyError) as info:
        call(helper, param, value)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, BelatamError)
    assert not isinstance(info.value, KeyError)  # a KeyError would quote its message
    assert info.value.parameter == param
    assert_message(info.value, param, value)


def padded(helper: str, param: str, kind: str | type[enum.Enum]) -> list[object]:
    return [" Narnia "] if kind in KEYS else []


@pytest.mark.parametrize(("helper", "param", "value"), cases(padded))
def test_unknown_key_message_quotes_the_input_as_given(helper: str, param: str, value: object) -> None:
    with pytest.raises(UnknownKeyError) as info:
        call(helper, param, value)
    assert_message(info.value, param, value)


def test_trade_for_a_year_without_figures_names_the_years_that_have_them() -> None:
    with pytest.raises(UnknownKeyError) as info:
        belatam.trade(2017)
    assert info.value.parameter == "year"
    assert info.value.value == 2017
    assert "2017" in str(info.value)
    assert "2018" in str(info.value)


def test_the_error_classes_form_one_hierarchy() -> None:
    assert issubclass(InvalidTypeError, TypeError)
    assert issubclass(InvalidValueError, ValueError)
    assert issubclass(UnknownKeyError, LookupError)
    assert issubclass(belatam.DataError, ValueError)
    for cls in (InvalidTypeError, InvalidValueError, UnknownKeyError, belatam.DataError):
        assert issubclass(cls, BelatamError)
    assert not issubclass(UnknownKeyError, KeyError)


# -- load(): the file system -------------------------------------------------------


def test_load_of_a_missing_folder_is_file_not_found_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    for path in (missing, str(missing)):
        with pytest.raises(FileNotFoundError) as info:
            belatam.load(path)
        assert str(missing) in str(info.value)


def test_load_of_a_file_is_file_not_found_naming_it(tmp_path: Path) -> None:
    file = tmp_path / "events.json"
    file.write_text("[]")
    with pytest.raises(FileNotFoundError) as info:
        belatam.load(file)
    assert str(file) in str(info.value)


def test_load_of_a_name_too_long_for_the_os_is_file_not_found(tmp_path: Path) -> None:
    missing = str(tmp_path / ("x" * 300))
    with pytest.raises(FileNotFoundError) as info:
        belatam.load(missing)
    assert "x" * 300 in str(info.value)


def test_load_of_a_number_is_a_type_error() -> None:
    with pytest.raises(TypeError) as info:
        belatam.load(5)  # type: ignore[arg-type]
    assert_message(info.value, "path", 5)


# -- nothing else ever escapes ---------------------------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.binary(),
    st.lists(st.integers()),
    st.dictionaries(st.text(), st.integers()),
    st.sampled_from(["", " ", "AR", "by", "Cuba", "visit", "embassy", "per-makei", "org-acs", EVENT_ID, "🦄"]),
    st.sampled_from([0, -5, 2018, 10000]),
    st.sampled_from(list(MissionKind) + list(EventKind) + list(Topic)),
    st.builds(object),
)


@pytest.fixture(scope="module")
def empty_cwd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty working directory, so load(<junk text>) cannot find real files."""
    return tmp_path_factory.mktemp("empty")


@pytest.mark.parametrize(("helper", "param"), [pytest.param(h, p, id=f"{h}-{p}") for h, p, _ in PARAMS])
@settings(max_examples=150, deadline=None)
@given(value=JUNK)
@example(value="/")  # once a flake: load("/") read the machine's root folder
def test_junk_gives_a_result_or_a_belatam_error(helper: str, param: str, empty_cwd: Path, value: object) -> None:
    result: object = None
    failure: BaseException | None = None
    before = Path.cwd()
    os.chdir(empty_cwd)
    if helper == "load" and isinstance(value, str) and os.path.isabs(value):
        # a folder the test makes, not the machine's own ("/" may hold any .json file)
        value = str(empty_cwd / value.lstrip("/\\"))
    try:
        result = call(helper, param, value)
    except BelatamError as error:
        failure = error
    except (FileNotFoundError, TypeError) as error:
        # load() alone may say the folder is missing, or (as documented) raise TypeError
        if helper != "load":
            raise
        failure = error
    finally:
        os.chdir(before)
    if failure is not None:
        assert "\n" not in str(failure), str(failure)
        named = helper == "load" and isinstance(value, str) and value in str(failure)  # the folder, by its path
        assert names_parameter(str(failure), param) or named, str(failure)
    else:
        check_result(helper, result, param)
