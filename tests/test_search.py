"""`belatam.search`: records of any type by their names and texts, best first, forgiving but not wildly so."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import belatam
from belatam import Country, Event, InvalidTypeError, InvalidValueError, Person
from belatam.cli import main
from belatam.model import KINDS, record_type
from belatam.query.matching import Index, allowed, distance, romanize
from belatam.read.codec import encode
from belatam.text import fold


def key(record: Any) -> Any:
    return record.code if isinstance(record, Country) else record.id


def keys(found: tuple[Any, ...]) -> list[Any]:
    return [key(r) for r in found]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Brazil", "BR"),
        ("brazil", "BR"),
        ("Бразілія", "BR"),
        ("Bielorrusia", "BY"),
        ("Venezuala", "VE"),  # a typo
        ("Lukaschenko", "per-lukashenko"),
        ("Лукашенко", "per-lukashenko"),  # Cyrillic meets Latin
        ("lukashenka", "per-lukashenko"),
        ("Ovsyanko", "per-auseyanka"),
        ("potash", "org-belarusian-potash-company"),
        ("Pacific Alliance", "org-pacific-alliance"),
        ("Q2866", "per-lukashenko"),
        ("evt-2018-11-shestakov-panama", "evt-2018-11-shestakov-panama"),
        ("visa free travel for holders of diplomatic and service passports", "agr-2018-11-colombia-visa-free"),
    ],
)
def test_the_best_match_comes_first(text: str, first: str) -> None:
    found = belatam.search(text)
    assert found and key(found[0]) == first, keys(found)


def test_a_name_in_another_language_finds_its_country() -> None:
    """German "Kolumbien" is no name the data holds, but near Russian's Колумбия spelt in Latin."""
    assert key(belatam.search("Kolumbien", kind="countries")[0]) == "CO"
    # a page titled in German names it exactly, so it may rank above the country; the country is near the top
    assert "CO" in keys(belatam.search("Kolumbien", limit=3))


def test_an_unfinished_word_matches_the_words_it_starts() -> None:
    consulates = belatam.search("honorary consul", limit=None)
    assert {m.id for m in belatam.missions(kind="honorary_consulate")} <= {key(r) for r in consulates}
    assert key(belatam.search("Antig")[0]) == "AG"


def test_a_wide_gap_is_no_match() -> None:
    assert belatam.search("Aruba") == ()
    assert belatam.search("Atlantis", kind="countries") == ()


def test_names_rank_above_texts() -> None:
    found = belatam.search("Cuba")
    assert key(found[0]) == "CU"
    ranks = {key(r): i for i, r in enumerate(belatam.search("Cuba", limit=None))}
    assert ranks["org-mfa-cuba"] < ranks["evt-2012-06-lukashenko-cuba"]  # a name holding the word, then a text


def test_kind_keeps_one_record_type_or_several() -> None:
    events = belatam.search("Lukashenko", kind="events", limit=None)
    assert events and all(isinstance(e, Event) for e in events)
    assert events.record_type is Event  # type: ignore[attr-defined]
    mixed = belatam.search("Lukashenko", kind=["people", "events"], limit=None)
    assert {type(r) for r in mixed} == {Person, Event}
    assert isinstance(mixed[0], Person)
    assert belatam.search("Lukashenko", kind=" EVENTS ") == belatam.search("Lukashenko", kind="events")


def test_every_record_found_holds_the_word_or_a_near_miss() -> None:
    found = belatam.search("Ecuador", limit=None)
    assert len(found) > 10
    for record in found:
        words = romanize(fold(json.dumps(encode(record), ensure_ascii=False))).split()
        assert any(distance("ecuador", word, 2) <= 2 or word.startswith("ecuador") for word in words), record


def test_limit() -> None:
    assert len(belatam.search("Cuba", limit=3)) == 3
    assert len(belatam.search("Cuba")) == 10
    everything = belatam.search("Cuba", limit=None)
    assert len(everything) > 10 and everything[:10] == belatam.search("Cuba")


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: belatam.search(""), InvalidValueError, ["text=''", "nothing to search"]),
        (lambda: belatam.search("  ,.; "), InvalidValueError, ["nothing to search"]),
        (lambda: belatam.search("\u200b"), InvalidValueError, ["nothing to search"]),
        (lambda: belatam.search(None), InvalidTypeError, ["text must be a str", "NoneType"]),  # type: ignore[arg-type]
        (lambda: belatam.search(42), InvalidTypeError, ["int"]),  # type: ignore[arg-type]
        (lambda: belatam.search(b"Cuba"), InvalidTypeError, ["bytes"]),  # type: ignore[arg-type]
        (lambda: belatam.search("Cuba", limit=-1), InvalidValueError, ["limit=-1", "at least 1"]),
        (lambda: belatam.search("Cuba", limit=0), InvalidValueError, ["limit=0"]),
        (lambda: belatam.search("Cuba", limit="5"), InvalidTypeError, ["limit", "str"]),  # type: ignore[arg-type]
        (lambda: belatam.search("Cuba", limit=True), InvalidTypeError, ["limit", "bool"]),  # type: ignore[arg-type]
        (lambda: belatam.search("Cuba", kind="eventz"), InvalidValueError, ["kind='eventz'", "events"]),  # type: ignore[arg-type]
        (lambda: belatam.search("Cuba", kind=[]), InvalidValueError, ["kind=[]"]),
        (lambda: belatam.search("Cuba", kind=3), InvalidTypeError, ["kind", "int"]),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_a_clear_error(call: Any, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, belatam.BelatamError)
    for word in words:
        assert word in str(info.value)


def test_a_search_over_a_dataset_of_ones_own() -> None:
    cuba = belatam.country("CU")
    data = belatam.Dataset(sources=belatam.sources(), countries=[cuba, belatam.country("BY")])
    assert data.search("Kuba", kind="countries") == (cuba,)
    assert data.search("Brazil", kind="countries") == ()


@given(st.text(max_size=30))
def test_any_text_gives_records_or_a_clear_error(text: str) -> None:
    try:
        found = belatam.search(text, limit=5)
    except InvalidValueError:
        assert not fold(text)
    else:
        assert len(found) <= 5
        assert all(type(r) in {record_type(k) for k in KINDS} for r in found)


# -- the ranking ---------------------------------------------------------------------


def test_distance_counts_edits_and_stops_at_the_limit() -> None:
    assert distance("kitten", "sitting", 3) == 3
    assert distance("ab", "ba", 1) == 1  # a swap is one edit
    assert distance("aruba", "cuba", 1) == 2  # past the limit: the limit plus one
    assert distance("abc", "abcdefgh", 2) == 3


@given(st.text(alphabet="abcde", max_size=8), st.text(alphabet="abcde", max_size=8))
def test_distance_is_symmetric_and_zero_only_for_equal_words(a: str, b: str) -> None:
    assert distance(a, b, 10) == distance(b, a, 10)
    assert (distance(a, b, 10) == 0) is (a == b)


def test_allowed_typos_grow_with_the_word() -> None:
    assert [allowed("x" * n) for n in (1, 3, 4, 5, 6, 12)] == [0, 0, 1, 1, 2, 2]


def test_romanize_spells_cyrillic_in_latin() -> None:
    assert romanize(fold("Лукашенко")) == "lukashenko"
    assert romanize(fold("Беларусь")) == "belarus"
    assert romanize("cuba") == "cuba"


def test_index_order_breaks_ties() -> None:
    index = Index([("a", ["Saint Lucia"], []), ("b", ["Saint Kitts"], []), ("c", [], ["a saint"])])
    assert [k for k, _ in index.rank("saint")] == ["a", "b", "c"]
    assert index.rank("   ") == []
    assert len(index) == 3


# -- the command line ------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def test_the_search_command() -> None:
    status, out, err = run("search", "Kolumbien", "--kind", "countries", "--json")
    assert status == 0 and not err
    assert [c["code"] for c in json.loads(out)] == ["CO"]
    status, out, _ = run("search", "Lukashenko", "--limit", "2", "--kind", "events", "--kind", "people")
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("id") and len(lines) == 4
    assert lines[2].startswith("per-lukashenko")


def test_a_search_that_finds_nothing_exits_1() -> None:
    status, out, err = run("search", "Aruba")
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: search('Aruba', limit=10) is empty\n"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["search"], ["TEXT"]),
        (["search", "Cuba", "--limit", "-2"], ["limit=-2"]),
        (["search", "Cuba", "--limit", "x"], ["--limit"]),
        (["search", "Cuba", "--kind", "eventz"], ["--kind", "eventz"]),
        (["search", ""], ["nothing to search"]),
    ],
)
def test_bad_search_usage_exits_2(args: list[str], words: list[str]) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    for word in words:
        assert word in err
