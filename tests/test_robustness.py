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

The helpers and their parameters are read from the query declarations
(``__belatam__``, a `belatam.query.dataset.Query`) and their signatures, and what each
parameter takes from the schema: a filter's field (a reference, a vocabulary, a
closed set of choices, a boolean, a year), a query's options, the time a query
asks about, or a look-up's key. Good, wrong and unknown values follow from
that, good keys from the packaged records themselves (their names in every
language included), so a new query or keyword is fuzzed without an edit here;
only free text (a search, a release) needs an example (`TEXT`).
"""

from __future__ import annotations

import datetime
import enum
import importlib.resources
import inspect
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import belatam
import belatam.query.packaged
from belatam import (
    BelatamError,
    Dataset,
    EventKind,
    InvalidTypeError,
    InvalidValueError,
    MissionKind,
    PartialDate,
    Period,
    SourceRef,
    Topic,
    UnknownKeyError,
)
from belatam.errors import quote
from belatam.model import KINDS, record_type
from belatam.model.schema import Field, describe, lookup_values
from belatam.query.dataset import Query

DATA = belatam.dataset()

# -- the public API under test, read from the query declarations -----------------


@dataclass(frozen=True)
class Refers:
    """A key or filter that names a record of one of ``kinds`` (by itself, its identity or a look-up key)."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Choices:
    """A text that is one of a closed set (a sub-region, a record type, a citation format)."""

    values: tuple[str, ...]


Category = str | type[enum.Enum] | Refers | Choices
"""What a parameter takes: ``Refers``, ``Choices``, a vocabulary (an enum class: a member or its value),
``"record"`` (the id of any record), ``"bool"``, ``"year"``, ``"date"`` (a since/until bound), ``"day"``
(``as_of``), ``"count"`` (a whole number), ``"path"`` (a folder) or ``"text"`` (free text)."""

TIME: dict[str, Category] = {"as_of": "day", "year": "year", "since": "date", "until": "date"}
"""The parameters that ask about a day or a span of days, beside the filters on fields."""


def declared(helper: str) -> Query | None:
    found = getattr(getattr(Dataset, helper, None), "__belatam__", None)
    return found if isinstance(found, Query) else None


QUERIES = [name for name in belatam.query.packaged.__all__ if declared(name) is not None]
"""Every public query: the helpers whose `Dataset` method is declared one."""
HELPERS = [*QUERIES, "load"]
"""What is fuzzed here: every query, and `belatam.load`."""


def signature(helper: str) -> inspect.Signature:
    return inspect.signature(getattr(belatam, helper))


def of_field(field: Field) -> Category:
    if field.kind == "boolean":
        return "bool"
    if field.vocabulary is not None:
        return field.vocabulary
    if field.choices:
        return Choices(field.choices)
    if field.refers:
        return Refers(field.refers)
    assert field.kind == "integer", field
    return "year" if (field.checks.get("minimum"), field.checks.get("maximum")) == (1, 9999) else "count"


def through(query: Query, param: str) -> Field | None:
    """The field a parameter filters on: the query's records' own, or that of a record they refer to."""
    if query.filters is None:
        return None
    schema = describe(record_type(query.filters))
    if param in schema.filters:
        return schema.filters[param]
    for via in schema.fields:
        if len(via.refers) == 1 and not via.many and via.refers[0] != query.filters:
            target = describe(record_type(via.refers[0]))  # type: ignore[arg-type]
            if param in target.filters:
                return target.filters[param]
    return None


def category(helper: str, param: str) -> Category:
    """What a parameter takes, from the schema (a filter's field), the query's options, or its key."""
    if helper == "load":
        return "path"
    query = declared(helper)
    assert query is not None
    field = through(query, param)
    if field is not None:
        return of_field(field)
    option = query.options.get(param)
    if option is not None:
        if option.choices:
            return Choices(option.choices)
        return "count" if option.type is int else "text"
    if param in TIME:
        return TIME[param]
    assert signature(helper).parameters[param].kind is not inspect.Parameter.KEYWORD_ONLY, (helper, param)
    return Refers((query.kind,)) if query.kind is not None else "record"  # a look-up's key


PARAMS: list[tuple[str, str, Category]] = [
    (helper, param, category(helper, param)) for helper in HELPERS for param in signature(helper).parameters
]
"""Every parameter of every helper, with what it takes."""


def result_type(helper: str) -> Any:
    """What a helper returns, from its annotation: a record class, ``tuple[X, ...]``, ``str`` or a Dataset."""
    names = {name: getattr(belatam, name) for name in belatam.__all__}
    return eval(signature(helper).return_annotation, names)  # an annotation of belatam's own


def required(helper: str, param: str) -> bool:
    """A parameter without a default (None is then not "no filter" but junk)."""
    return signature(helper).parameters[param].default is inspect.Parameter.empty


def is_filter(helper: str, param: str) -> bool:
    """A keyword filter of a query (which takes one value or an iterable of them), not a look-up key,
    an option (a limit, a format) or the narrowing keyword of a look-up."""
    query = declared(helper)
    if query is None or query.one or query.text:
        return False
    keyword = signature(helper).parameters[param].kind is inspect.Parameter.KEYWORD_ONLY
    return keyword and (through(query, param) is not None or param in TIME)


def narrowing(helper: str, param: str) -> bool:
    """A keyword of a look-up that narrows which one record it finds: one value, never a list."""
    query = declared(helper)
    kind = signature(helper).parameters[param].kind
    return query is not None and query.one and not query.text and kind is inspect.Parameter.KEYWORD_ONLY


def several_values(helper: str, param: str) -> bool:
    """Whether the parameter takes an iterable of values, any of which matches."""
    if is_filter(helper, param):
        return True
    query = declared(helper)
    option = query.options.get(param) if query is not None else None
    return option is not None and option.many


def call(helper: str, param: str, value: object) -> Any:
    function: Callable[..., Any] = getattr(belatam, helper)
    if signature(helper).parameters[param].kind is inspect.Parameter.KEYWORD_ONLY:
        return function(*keyed(helper), **{param: value})  # a helper's required key, when the junk goes to a keyword
    return function(value)


def keyed(helper: str) -> tuple[object, ...]:
    """Good values of a helper's required positional parameters (a person for ``roles``, a year for ``trade``)."""
    return tuple(
        good_values(helper, p.name, category(helper, p.name))[0]
        for p in signature(helper).parameters.values()
        if p.kind is not p.KEYWORD_ONLY and p.default is p.empty
    )


def label(value: object) -> str:
    text = repr(value) if not isinstance(value, type) else value.__name__
    return text if len(text) <= 30 else text[:27] + "..."


def cases(table: Callable[[str, str, Category], list[object]]) -> list[Any]:
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
    """Every query (and load) is fuzzed, every parameter of it, with what it takes."""
    covered: dict[str, set[str]] = {}
    for helper, param, _ in PARAMS:
        covered.setdefault(helper, set()).add(param)
    assert set(covered) == set(QUERIES) - {h for h in QUERIES if not signature(h).parameters} | {"load"}
    for helper, params in covered.items():
        assert set(signature(helper).parameters) == params, helper
    assert set(HELPERS) <= set(belatam.__all__)
    # at least every helper and parameter the hand-written table of 0.3 held
    assert {
        "countries", "country", "partners", "partnerships", "missions", "agreements", "agreement", "events",
        "event", "people", "person", "organizations", "organization", "memberships", "statements", "trade",
        "source", "record", "accreditations", "trade_figures", "roles", "heads", "load",
    } <= set(covered)  # fmt: skip
    assert ("countries", "subregion", Choices(("Caribbean", "Central America", "South America"))) in PARAMS
    assert ("memberships", "member", Refers(("countries", "organizations"))) in PARAMS
    assert ("heads", "sending", Refers(("countries",))) in PARAMS
    assert ("trade", "year", "year") in PARAMS and ("roles", "key", Refers(("people",))) in PARAMS


def test_every_free_text_parameter_has_a_working_example() -> None:
    """Free text is what the schema cannot describe: each such parameter needs an example here."""
    for helper, param, kind in PARAMS:
        if kind == "text":
            assert (helper, param) in TEXT, f"give {helper}({param}=...) a working example in TEXT"


# -- well-formed arguments work (so the junk below fails for the right reason) --

TEXT: dict[tuple[str, str], object] = {
    ("search", "text"): "Cuba",
    ("cite", "item"): "src-mfa-2019",
    ("changes", "since"): "0.2.0",
}
"""Free-text parameters (not filters or keys the schema describes), each with a value that works."""


def first(kind: str) -> Any:
    return DATA.records()[kind][0]  # type: ignore[index]


def identity(record: object) -> Any:
    found = describe(type(record)).identity
    assert found is not None
    return getattr(record, found.name)


def good_keys(kinds: tuple[str, ...]) -> list[object]:
    """The identities of two records of ``kinds``, then every look-up key of the first (its names in every
    language, codes, aliases, Wikidata id), its longest in capitals padded with blanks, another in small
    letters."""
    records = [r for kind in kinds for r in DATA.records()[kind][:2]]  # type: ignore[index]
    keys = [text for _, text in lookup_values(describe(type(records[0])), records[0])]
    longest = max(keys, key=len, default=None)
    written = [f"  {longest.upper()}  ", keys[-1].lower()] if longest else []
    found = [identity(records[0]), identity(records[-1]), *keys, *written]
    return list(dict.fromkeys(found))


def good(kind: Category) -> list[object]:
    if isinstance(kind, Refers):
        return good_keys(kind.kinds)
    if isinstance(kind, Choices):
        return [kind.values[0], kind.values[-1].lower(), f"  {kind.values[0].upper()}  "]
    if isinstance(kind, type):
        members = list(kind)
        return [members[0].value, members[-1], f" {members[0].value.title()} "]
    return {
        "bool": [True, False],
        "year": [2018, numpy.int64(2018), numpy.int32(2018)],
        "date": ["2018", "2018-06", "2018-06-30", PartialDate(2018, 6), datetime.date(2018, 6, 30)],
        "day": ["2020-07-01", PartialDate(2020, 7, 1), datetime.date(2020, 7, 1)],
        "record": [identity(first(kind)) for kind in KINDS],
        "path": [str(importlib.resources.files("belatam") / "data")],
        "count": [1, 5, 10**100],
    }[kind]  # type: ignore[index]


GOOD: dict[Category, list[object]] = {kind: good(kind) for _, _, kind in PARAMS if kind != "text"}
GOOD |= {"text": []}


def good_values(helper: str, param: str, kind: Category) -> list[object]:
    return [TEXT[helper, param]] if kind == "text" else GOOD[kind]


def check_result(helper: str, result: object, param: str = "") -> None:
    expected = result_type(helper)
    if getattr(expected, "__origin__", None) is tuple:
        (item, _) = expected.__args__
        assert isinstance(result, tuple), type(result)
        assert all(isinstance(r, item) for r in result)
        timed = "as_of" in signature(helper).parameters
        if not (timed and param in TIME) and not keyed(helper):
            # another day (or span) is another answer, not a narrower one
            # a filter can only narrow the unfiltered answer
            assert set(result) <= set(getattr(belatam, helper)())
    else:
        assert isinstance(result, expected), type(result)


def several(helper: str, param: str, kind: Category) -> list[object]:
    """A filter's good values as a list and as a tuple (any of them matches), where it takes several."""
    if not several_values(helper, param) or kind in ("bool", "date", "day"):
        return []
    values = good_values(helper, param, kind)[:2]
    return [list(values), tuple(values)]


@pytest.mark.parametrize(
    ("helper", "param", "value"), cases(lambda h, p, kind: good_values(h, p, kind) + several(h, p, kind))
)
def test_well_formed_arguments_are_accepted(helper: str, param: str, value: object) -> None:
    if narrowing(helper, param):
        # the packaged data holds no whole-year figures with a single partner: a well-formed one finds nothing
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
def test_several_values_match_any_of_them(helper: str, param: str, kind: Category) -> None:
    values = GOOD[kind][:2]
    union = {r for value in values for r in call(helper, param, value)}
    assert set(call(helper, param, values)) == union
    assert call(helper, param, []) == ()


@pytest.mark.parametrize(
    ("helper", "param"),
    [pytest.param(h, p, id=f"{h}-{p}") for h, p, _ in PARAMS if signature(h).parameters[p].default is None],
)
def test_none_means_no_filter(helper: str, param: str) -> None:
    assert call(helper, param, None) == getattr(belatam, helper)(*keyed(helper))


# -- wrong types: InvalidTypeError ---------------------------------------------

A_RECORD = SourceRef(source="src-mfa-2019", paragraph=2)  # a record no parameter takes


class Opaque:
    def __repr__(self) -> str:
        return "<Opaque junk>"


def is_key(kind: Category) -> bool:
    """A key or reference: a record, its identity or a look-up key."""
    return isinstance(kind, Refers) or kind == "record"


def wrong_types(helper: str, param: str, kind: Category) -> list[object]:
    values: list[object]
    if is_key(kind):
        values = [32, 1.5, b"AR", {"AR": "AR"}, Opaque(), True, False, A_RECORD]
        if not several_values(helper, param):  # a look-up takes one key, never a list
            values += [["AR"], ("AR",)]
    elif isinstance(kind, Choices):
        values = [5, 1.5, kind.values[0].encode(), {kind.values[0]: 1}, Opaque(), True]
    elif kind == "bool":
        values = ["yes", "True", "", 1, 0, 1.0, [], b"", Opaque()]
    elif kind == "year":
        values = ["2018", 2018.0, float("nan"), True, False, b"2018", Decimal(2018), Opaque()]
        if not several_values(helper, param):
            values.append([2018])
    elif kind == "date":
        values = [5, 2018, 1.5, b"2018", Opaque(), True, ["2018"], Period(PartialDate(2018), None)]
    elif kind == "day":
        values = [5, 2020, 1.5, b"2020-07-01", Opaque(), True, ["2020-07-01"], Period(PartialDate(2020), None)]
    elif kind == "path":
        values = [5, 1.5, b"/tmp", ["/tmp"], {"path": "/tmp"}, Opaque(), True]
    elif kind == "count":
        values = ["5", 1.5, True, b"5", Decimal(5), Opaque()]
    elif kind == "text":
        values = [5, 1.5, b"text", Opaque(), True]
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


def impossible_values(helper: str, param: str, kind: Category) -> list[object]:
    if is_key(kind):
        return ["", "   ", "\t\n"]
    if isinstance(kind, Choices):
        return ["Europe", "", "   ", "🌴"]
    if kind == "year":
        return [0, -5, 10000, -2018, 10**100]
    if kind == "date":
        return ["", "2018-13", "yesterday", "0000", "2018/2019"]
    if kind == "day":
        return ["", "2020", "2020-07", "1990-12-31", "2020-13-01", "tomorrow", PartialDate(2020, 7)]
    if kind == "path":
        return [""]  # not "no path": Path("") would silently mean the current directory
    if kind == "count":
        return [0, -1]
    if kind in ("bool", "text"):
        return []  # free text: what is impossible depends on the parameter (an empty search, a release)
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


CHOICE_PARAMS = [
    pytest.param(h, p, k, v, id=f"{h}-{p}-{v}")
    for h, p, k in PARAMS
    if isinstance(k, Choices)
    for v in ("Europe", "🌴")
]


@pytest.mark.parametrize(("helper", "param", "choices", "value"), CHOICE_PARAMS)
def test_an_unknown_choice_lists_the_choices(helper: str, param: str, choices: Choices, value: str) -> None:
    """A sub-region, a record type, a citation format: a value not among them is refused, naming them all."""
    with pytest.raises(InvalidValueError) as info:
        call(helper, param, value)
    assert all(name in str(info.value) for name in choices.values), str(info.value)


# -- well-formed keys the data does not hold: UnknownKeyError --------------------

NOWHERE = ["Narnia", "🦄", "!!!"]
"""Keys that find nothing anywhere."""


def shaped(kinds: tuple[str, ...]) -> list[str]:
    """Keys of the shape a look-up field's pattern asks for that no record holds (``ZZ``, ``ZZZ``, ``999``)."""
    found = []
    for kind in kinds:
        schema = describe(record_type(kind))  # type: ignore[arg-type]
        held = {text for r in DATA.records()[kind] for _, text in lookup_values(schema, r)}  # type: ignore[index]
        for field in schema.lookups:
            pattern = field.checks.get("pattern")
            if pattern is None:
                continue
            candidates = [c * n for c in "Z9" for n in range(1, 5)] + ["Q" + "9" * n for n in range(1, 9)]
            found += [c for c in candidates if re.fullmatch(pattern, c) and c not in held][:1]
    return found


def prefixes(kinds: Iterable[str]) -> list[str]:
    """``xyz-nope`` for each kind whose ids are typed slugs ``xyz-...``."""
    return [
        f"{identity(first(kind)).partition('-')[0]}-nope"
        for kind in kinds
        if DATA.records()[kind] and "-" in str(identity(first(kind)))  # type: ignore[index]
    ]


def unknown(kind: Category) -> list[object]:
    """Keys of the right kind that find nothing: nowhere, typed ids and codes no record has, a near miss of
    a name (one letter more), and the id of a record of another kind."""
    if kind == "record":
        return [*prefixes(KINDS), "🦄", *shaped(("countries",))]
    assert isinstance(kind, Refers)
    record = first(kind.kinds[0])
    keys = [text for _, text in lookup_values(describe(type(record)), record)]
    near = [f"{max(keys, key=len)}x"] if keys else []
    other = next(k for k in KINDS if k not in kind.kinds and "-" in str(identity(first(k))))
    return [*NOWHERE, *prefixes(kind.kinds), *shaped(kind.kinds), *near, identity(first(other))]


def unknown_keys(helper: str, param: str, kind: Category) -> list[object]:
    query = declared(helper)
    if kind == "year" and query is not None and query.one:  # a look-up by year: years without figures
        return [2017, 1, 9999]
    return unknown(kind) if is_key(kind) else []


@pytest.mark.parametrize(("helper", "param", "value"), cases(unknown_keys))
def test_unknown_key_is_unknown_key_error(helper: str, param: str, value: object) -> None:
    with pytest.raises(UnknownKeyError) as info:
        call(helper, param, value)
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, BelatamError)
    assert not isinstance(info.value, KeyError)  # a KeyError would quote its message
    assert info.value.parameter == param
    assert_message(info.value, param, value)


def test_the_unknown_keys_cover_those_of_the_hand_table() -> None:
    assert {"Narnia", "ZZ", "ZZZ", "999", "🦄", "!!!"} <= set(unknown(Refers(("countries",))))
    assert {"per-nope", "Narnia", "🦄"} <= set(unknown(Refers(("people",))))
    assert {"evt-nope", "🦄", "ZZ"} <= set(unknown("record"))


def padded(helper: str, param: str, kind: Category) -> list[object]:
    return [" Narnia "] if is_key(kind) else []


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
    st.sampled_from(
        ["", " ", "AR", "by", "Cuba", "visit", "embassy", "per-makei", "org-acs", identity(first("events")), "🦄"]
    ),
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
