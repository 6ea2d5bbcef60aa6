"""The query commands of the command line: tables, JSON, exit statuses, help.

The commands are made from the `Dataset` query methods and the schema, so
several tests here derive what they expect from those methods' signatures
(``inspect.signature``) and from the query helpers `belatam` exports: a new
query or a new filter is checked without editing a list in this file.
"""

from __future__ import annotations

import functools
import inspect
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import belatam
import belatam.cli
import belatam.query.packaged
from belatam import Dataset
from belatam.cli import command_name, main, summary
from belatam.model import KINDS, record_type
from belatam.model.schema import describe
from belatam.read.codec import decode

QUERIES = sorted(set(belatam.query.packaged.__all__) - {"dataset", "load"})
"""Every query helper of `belatam` (each is a `Dataset` method of the same name)."""

DECLARED = {name: getattr(Dataset, name).__belatam__ for name in QUERIES}
"""What each query declares (`belatam.query.dataset.Query`): its kind, its options, whether its key is required."""

LISTINGS = [q for q in QUERIES if not DECLARED[q].required]
"""The queries that list records without their key (all but search and cite, which need one)."""

OTHERS = ["overview", "export", "verify-source"]
COMMANDS = [*(command_name(q) for q in QUERIES), *OTHERS]
"""Every command the parser lists: each query's, with dashes, and the others."""

KIND = {record_type(kind): kind for kind in KINDS}
"""The data-file name of each record class."""


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def ok(*args: str) -> str:
    status, out, err = run(*args)
    assert status == 0, err
    beside = r"(as of (?P<day>\S+)\n)?(and \d+ not known (on (?P=day)|in the span asked)\n)?"
    assert re.fullmatch(beside, err), err  # the day answered, and what it leaves out
    return out


def as_json(*args: str) -> Any:
    """A command's JSON; of a query that answers for a day or a span, its records (the rest: `answer_of`)."""
    found = json.loads(ok(*args, "--json"))
    timed = isinstance(found, dict) and set(found) == {"as_of", "records", "unknown"}
    return found["records"] if timed else found


def answer_of(*args: str) -> dict[str, Any]:
    """The whole JSON answer of a query that answers for a day or a span: as_of, records, unknown."""
    found: dict[str, Any] = json.loads(run(*args, "--json")[1])
    return found


def identity(record: object) -> Any:
    """What a record is known by: a country's code, a person's post by its title, else its id (trade figures too)."""
    if isinstance(record, belatam.Country):
        return record.code
    if isinstance(record, belatam.Role):
        return record.title
    return record.id  # type: ignore[attr-defined]


def looked_up(command: str) -> Any:
    """The kind of record a look-up command (one with a positional key) lists without its key; else None.

    That is the kind it returns, from its signature, or, for a look-up of
    something a record holds (``roles``: a person's posts), the kind of its
    key (``str | Person``: people); "any" for `Dataset.record`.
    """
    signature = inspect.signature(getattr(Dataset, command))
    parameters = list(signature.parameters.values())[1:]  # not self
    keys = [p for p in parameters if p.kind is inspect.Parameter.POSITIONAL_ONLY]
    if DECLARED[command].required or not keys:
        return None
    kinds = {cls.__name__: kind for cls, kind in KIND.items()}
    found = kinds.get(str(signature.return_annotation))
    if found is None:
        found = next((kinds[n] for n in str(keys[0].annotation).split(" | ") if n in kinds), "any")
    return found


def parse(table: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows (as header -> cell) of a table, cut where the rule's dashes say."""
    head, rule, *body = table.rstrip("\n").splitlines()
    assert set(rule) <= {"-", " "}, rule
    spans = [m.span() for m in re.finditer(r"-+", rule)]
    names = [head[a:b].strip() for a, b in spans]
    assert head.split() == names
    rows = [{n: line[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for line in body]
    return names, rows


def column(table: str, name: str) -> list[str]:
    return [row[name] for row in parse(table)[1]]


def fields(out: str) -> dict[str, str]:
    """A field/value table as a dict."""
    names, rows = parse(out)
    assert names == ["field", "value"]
    return {row["field"]: row["value"] for row in rows}


def plain(value: object) -> Any:
    """A value in the command line's JSON: money (a Decimal) as a string, tuples as lists."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def check_json(items: list[dict[str, Any]], records: tuple[Any, ...]) -> None:
    """The JSON of the command line is the records' data-file form plus their derived fields."""
    assert len(items) == len(records)
    for item, record in zip(items, records, strict=True):
        schema = describe(type(record))
        derived = {f.name for f in schema.derived}
        assert derived <= set(item), f"derived fields missing from {item}"
        for name in derived:
            assert item[name] == plain(getattr(record, name)), name
        stored = {k: v for k, v in item.items() if k not in derived}
        assert decode(KIND[type(record)], [stored]) == [record]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The packaged data written as a folder of JSON files (for ``--data``)."""
    target = tmp_path / "data"
    ok("export", "--format", "json", str(target))
    return target


# -- tables ------------------------------------------------------------------------


def test_countries_table_lists_the_33_states() -> None:
    out = ok("countries")
    names, rows = parse(out)
    assert names == ["code", "alpha3", "name", "subregion", "relations", "relations_established"]
    assert len(rows) == 33
    cuba = next(r for r in rows if r["code"] == "CU")
    established = str(belatam.country("CU").relations_established)
    assert list(cuba.values()) == ["CU", "CUB", "Cuba", "Caribbean", "yes", established]
    assert column(ok("countries", "--no-relations"), "code") == ["BS", "BB"]
    assert len(parse(ok("countries", "--relations"))[1]) == 31
    south = ok("countries", "--subregion", "south america")
    assert column(south, "code") == [c.code for c in belatam.countries(subregion="South America")]
    assert "Colombia" in south and "Cuba" not in south


def test_relations_as_of_a_day(data: Dataset) -> None:
    """``--as-of DAY`` asks which states had relations on that day; without it, the reference date."""
    reference = str(belatam.REFERENCE_DATE)
    assert reference == "2018-12-01"
    on_reference = column(ok("countries", "--relations", "--as-of", reference), "code")
    assert on_reference == column(ok("countries", "--relations"), "code")
    assert len(on_reference) == 31
    bahamas, barbados = (str(data.country(c).relations_established) for c in ("BS", "BB"))
    assert (bahamas, barbados) == ("2019-12-09", "2019-12-10")
    assert column(ok("countries", "--no-relations", "--as-of", bahamas), "code") == ["BB"]
    assert len(parse(ok("countries", "--relations", "--as-of", barbados))[1]) == 33
    status, out, err = run("countries", "--no-relations", "--as-of", barbados)
    assert status == 1 and out == ""
    assert err == f"belatam: nothing found: countries(relations=False, as_of='{barbados}') is empty\n"
    early = column(ok("countries", "--relations", "--as-of", "1992-04-15"), "code")
    assert early == [c.code for c in data.countries(relations=True, as_of="1992-04-15")]
    assert "CU" not in early and "CU" in column(ok("countries", "--relations", "--as-of", "1992-04-16"), "code")


def test_country_is_a_field_value_table() -> None:
    shown = fields(ok("country", "cuba"))
    assert shown["code"] == "CU" and shown["name"] == "Cuba"
    assert shown["relations_established"] == str(belatam.country("CU").relations_established) == "1992-04-16"
    assert "src-mfa-2019#3" in shown["sources"]  # a citation is source#paragraph
    assert fields(ok("country", "BY"))["name"] == "Belarus"


def test_partners_and_partnerships() -> None:
    assert column(ok("partners", "--strategic"), "name") == ["Cuba", "Venezuela"]
    assert column(ok("partners", "--no-strategic"), "name") == ["Brazil"]
    assert column(ok("partners"), "code") == ["BR", "CU", "VE"]
    names, rows = parse(ok("partnerships"))
    assert names[0] == "id"
    kinds = {r["country"]: r["kind"] for r in rows}
    assert kinds == {"BR": "major_trading", "CU": "strategic", "VE": "strategic"}
    assert column(ok("partnerships", "--strategic"), "country") == ["CU", "VE"]
    assert column(ok("partnerships", "--country", "Brazil"), "kind") == ["major_trading"]
    assert [p["strategic"] for p in as_json("partnerships")] == [False, True, True]
    later = "2019-06-01"  # a day after the source that shows them
    assert column(ok("partners", "--as-of", later), "code") == [c.code for c in belatam.partners(as_of=later)]
    assert column(ok("partners", "--as-of", later), "code") == ["BR", "CU", "VE"]
    for command in ("partners", "partnerships"):  # no source shows a partnership in force in 2010
        status, out, err = run(command_name(command), "--as-of", "2010-01-01")
        assert status == 1 and out == "" and err.startswith(f"belatam: nothing found: {command}(as_of='2010-01-01')")
        assert getattr(belatam, command)(as_of="2010-01-01") == ()


def test_missions() -> None:
    assert len(parse(ok("missions"))[1]) == len(belatam.missions()) == 22
    embassies = ok("missions", "--kind", "embassy", "--sending", "BY")
    assert column(embassies, "receiving") == ["AR", "BR", "CU", "EC", "VE"]
    assert set(column(embassies, "kind")) == {"embassy"}
    into = ok("missions", "--receiving", "Belarus", "--kind", "EMBASSY")
    assert set(column(into, "sending")) == {"BR", "CU", "VE"}
    assert "1997-05" in column(into, "opened")  # the opening date of Cuba's embassy


def test_missions_in_force_on_a_day(data: Dataset) -> None:
    """``missions`` gives the 22 in force on the reference date; the data holds earlier and later ones too."""
    every = data.records()["missions"]
    others = [m for m in every if m not in data.missions() and m not in data.missions().unknown]
    assert len(every) == 22 + len(others) + len(data.missions().unknown)
    assert {"mis-by-co-embassy", "mis-by-br-consulate-general"} <= {m.id for m in others}  # later; closed in 2013
    default = ids(as_json("missions"))
    assert default == ids(as_json("missions", "--as-of", str(belatam.REFERENCE_DATE)))
    assert default == [m.id for m in data.missions()] and len(default) == 22
    assert not {m.id for m in others} & set(default)
    now = ids(as_json("missions", "--as-of", "2022-01-01"))
    assert now == [m.id for m in data.missions(as_of="2022-01-01")]
    assert "mis-by-co-embassy" in now and "mis-by-ec-embassy" not in now  # Bogotá open, Quito closed
    early = data.missions(as_of="2010-06-01")
    assert ids(as_json("missions", "--as-of", "2010-06-01")) == [m.id for m in early] and set(early) < set(every)
    assert "mis-by-br-consulate-general" in [m.id for m in early]  # Rio de Janeiro, 2001-2013
    assert "mis-by-br-embassy" in [m.id for m in early.unknown]  # opened 2010 or June 2011: the pages disagree
    assert "mis-by-br-embassy" not in [m.id for m in data.missions(as_of="2010-01-01").unknown]  # not before March
    assert "mis-br-by-embassy" not in [m.id for m in (*early, *early.unknown)]  # opened June 2011


def test_missions_honorary_or_not(data: Dataset) -> None:
    career = ids(as_json("missions", "--no-honorary"))
    honorary = ids(as_json("missions", "--honorary"))
    assert career == ids(as_json("missions", "--kind", "embassy")) == [m.id for m in data.missions(honorary=False)]
    assert honorary == ids(as_json("missions", "--kind", "honorary_consulate"))
    assert career and honorary and sorted(career + honorary) == sorted(ids(as_json("missions")))
    assert all(m["honorary"] is False for m in as_json("missions", "--no-honorary"))


def test_accreditations_in_force_on_a_day(data: Dataset) -> None:
    """One is known in force on the reference date (from the embassy in Caracas); more on 1 July 2020."""
    default = data.accreditations()
    assert [(a.mission, a.receiving) for a in default] == [("mis-by-ve-embassy", "BO")]
    assert ids(as_json("accreditations")) == [a.id for a in default]
    status, out, err = run("accreditations", "--as-of", "1995-01-01")  # before any: nothing, and why
    assert data.accreditations(as_of="1995-01-01") == () and status == 1 and out == ""
    unknown = len(data.accreditations(as_of="1995-01-01").unknown)
    assert err.startswith("belatam: nothing found: accreditations(as_of=")
    assert err.endswith(f"{unknown} not known on 1995-01-01\n" if unknown else "is empty\n")
    day = "2020-07-01"
    expected = data.accreditations(as_of=day)
    names, rows = parse(ok("accreditations", "--as-of", day))
    assert names[0] == "id" and {"sending", "receiving", "mission", "head"} <= set(names)
    assert [r["id"] for r in rows] == [a.id for a in expected] and len(rows) >= 3
    assert [r["mission"] for r in rows] == [a.mission for a in expected]
    check_json(as_json("accreditations", "--as-of", day), expected)
    colombia = ids(as_json("accreditations", "--as-of", day, "--receiving", "Colombia"))
    assert colombia == [a.id for a in data.accreditations(as_of=day, receiving="CO")] and len(colombia) == 1
    later = ids(as_json("accreditations", "--as-of", "2022-01-01"))
    assert later == [a.id for a in data.accreditations(as_of="2022-01-01")] and later != [a.id for a in expected]


def test_roles_are_a_persons_posts_on_a_day(data: Dataset) -> None:
    """``roles KEY`` gives the posts held on ``--as-of`` (the reference date without it)."""
    castro = data.person("Raúl Castro")
    assert data.roles(castro.id) == ()  # he had left his post by the reference date
    status, out, err = run("roles", castro.id)
    assert status == 1 and out == "" and err.startswith("belatam: nothing found: roles(")
    day = "2016-01-01"
    held = data.roles(castro.id, as_of=day)
    assert held
    names, rows = parse(ok("roles", castro.id, "--as-of", day))
    assert names[:2] == ["title", "country"] and "id" not in names  # a post has no id of its own
    assert [r["title"] for r in rows] == [r.title for r in held]
    assert [r["until"] for r in rows] == [str(r.until) if r.until else "" for r in held]
    items = as_json("roles", "Raúl Castro", "--as-of", day)
    (person,) = decode("people", [{"id": castro.id, "name": castro.name, "roles": items}])
    assert person.roles == held
    canel = data.person("per-diaz-canel")
    now = column(ok("roles", canel.id), "title")
    assert now == [r.title for r in data.roles(canel.id)] and len(now) < len(canel.roles)


def test_trade_figures_table(data: Dataset) -> None:
    """Trade figures are known by an id, with the kind, the partner and the precision of every amount."""
    names, rows = parse(ok("trade-figures"))
    assert names[:2] == ["id", "year"]
    assert [r["id"] for r in rows] == [t.id for t in data.trade_figures()]
    years = [int(r["year"]) for r in rows]
    assert years == sorted(years)  # the series, in year order
    (row,) = [r for r in rows if r["id"] == "trd-2018"]
    assert row["year"] == "2018" and row["exports"] == "853,800,000"
    in_2018 = as_json("trade-figures", "--year", "2018")
    check_json(in_2018, data.trade_figures(year=2018))
    (item,) = [i for i in in_2018 if i["id"] == data.trade(2018).id]
    figures = data.trade(2018)
    for name in ("turnover", "exports", "imports", "balance"):
        assert item[f"{name}_precision"] == str(getattr(figures, f"{name}_precision"))
    assert item["balance_precision"] == str(max(figures.exports_precision, figures.imports_precision)) == "100000"
    shown = fields(ok("record", "trd-2018"))
    assert shown["id"] == "trd-2018" and shown["kind"] == "" and shown["partner"] == ""  # the source leaves them open
    for args in (["--year", "2017", "--partner", "CU"], ["--kind", "services", "--partner", "BR"], ["--year", "1990"]):
        status, out, err = run("trade-figures", *args)
        assert status == 1 and out == "" and err.startswith("belatam: nothing found: trade_figures(")


def test_trade_figures_filters(folder: Path) -> None:
    """Figures of goods, of a partner and of another year, in a copy of the data, are found by their filters."""
    path = folder / "trade.json"
    trade = json.loads(path.read_text(encoding="utf-8"))
    (region,) = [t for t in trade if t["id"] == "trd-2018"]
    goods = {**region, "id": "trd-2018-goods", "kind": "goods"}
    venezuela = {**region, "id": "trd-2017-ve", "year": 2017, "partner": "VE", "main_exports": []}
    path.write_text(json.dumps([region, goods, venezuela]), encoding="utf-8")
    data = belatam.load(folder)
    where = ["--data", str(folder)]
    assert ids(as_json("trade-figures", *where)) == ["trd-2017-ve", "trd-2018", "trd-2018-goods"]
    for args, kwargs, expected in (
        (["--kind", "goods"], {"kind": "goods"}, ["trd-2018-goods"]),
        (["--partner", "Venezuela"], {"partner": "VE"}, ["trd-2017-ve"]),
        (["--year", "2018"], {"year": 2018}, ["trd-2018", "trd-2018-goods"]),
        (["--year", "2017", "--year", "2018", "--kind", "goods"], {"year": [2017, 2018], "kind": "goods"}, None),
    ):
        shown = ids(as_json("trade-figures", *args, *where))
        assert shown == [t.id for t in data.trade_figures(**kwargs)], args
        assert expected is None or shown == expected, args
    status, out, err = run("trade", "2018", *where)  # two figures of the region for 2018: say which there are
    assert status == 2 and out == ""
    assert "year=2018 is ambiguous" in err and "trd-2018" in err and "trd-2018-goods" in err


def test_trade_of_a_partner(folder: Path) -> None:
    """``trade YEAR --partner STATE`` is the whole-year figures with that state; part of a year is not."""
    path = folder / "trade.json"
    (region,) = [t for t in json.loads(path.read_text(encoding="utf-8")) if t["id"] == "trd-2018"]
    venezuela = {**region, "id": "trd-2017-ve", "year": 2017, "partner": "VE", "main_exports": []}
    months = {**venezuela, "id": "trd-2016-ve-jan-oct", "year": 2016, "period": "2016-01/2016-10"}
    path.write_text(json.dumps([region, venezuela, months]), encoding="utf-8")
    data = belatam.load(folder)
    where = ["--data", str(folder)]
    assert data.trade(2017, partner="Venezuela").id == "trd-2017-ve"
    assert fields(ok("trade", "2017", "--partner", "VE", *where))["id"] == "trd-2017-ve"
    status, _, err = run("trade", "2016", "--partner", "VE", *where)  # January to October: not the year's
    assert status == 1 and "figures with partner=VE exist for 2017" in err
    with pytest.raises(LookupError, match="figures exist for 2018"):
        data.trade(2017)


def test_events_by_country_and_year() -> None:
    out = ok("events", "--country", "CO", "--year", "2018")
    names, rows = parse(out)
    assert names[:3] == ["id", "kind", "date"] and names[-1] == "summary"
    assert [r["id"] for r in rows] == [e.id for e in belatam.events(country="CO", year=2018)]
    # the two visits, the agreement, the observer status, what happened between the visits, and later pages' finds
    assert len(rows) == 7 and rows[0]["kind"] == "credentials" and rows[0]["date"] == "2018-01-16"
    first = rows[1]
    assert first["date"] == "2018-02" and first["kind"] == "visit" and "Bogotá" in first["summary"]
    assert any(r["countries"] == "CL, CO, MX, PE" and r["kind"] == "observer_status" for r in rows)
    assert column(ok("events", "--person", "per-makei"), "date")[0] == "2014-06"


def test_undated_events_known_within_a_year_lie_in_it() -> None:
    """Colombia's 2018 consultations and business meetings are undated, bounded by the two visits."""
    undated = [e for e in belatam.events(country="CO") if e.date is None and e.not_before is not None]
    assert {e.kind.value for e in undated} == {"consultations", "meeting"}
    assert all((str(e.not_before), str(e.not_after)) == ("2018-02", "2018-11") for e in undated)
    in_2018 = ids(as_json("events", "--country", "CO", "--year", "2018"))
    assert {e.id for e in undated} <= set(in_2018)  # their bounds lie inside 2018
    in_june = belatam.events(country="CO", since="2018-06", until="2018-06")
    assert set(undated) <= set(in_june.unknown)  # bounds that straddle June: not known to lie in it
    assert all(e.date is None for e in in_june.unknown)
    rows = parse(ok("events", "--country", "CO"))[1]
    every_undated = [e.id for e in belatam.events(country="CO") if e.date is None]
    assert [r["id"] for r in rows[-len(every_undated) :]] == every_undated  # undated last
    assert [r["date"] for r in rows[-len(every_undated) :]] == [""] * len(every_undated)
    assert all(r["date"] == "" for r in rows[-len(undated) :])
    consultations = next(e for e in undated if e.kind.value == "consultations")
    item = as_json("event", consultations.id)
    assert item["date"] is None and item["not_before"] == "2018-02" and item["not_after"] == "2018-11"


def test_trade_without_figures_is_nothing_found(folder: Path) -> None:
    (folder / "trade.json").write_text("[]", encoding="utf-8")
    status, out, err = run("trade", "--data", str(folder))
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: trade() is empty\n"
    status, _, err = run("trade", "2018", "--data", str(folder))
    assert status == 1 and "no trade figures for a whole year" in err


@pytest.mark.parametrize("command", [q for q in LISTINGS if q != "record"])
def test_the_identity_is_the_first_column(command: str, data: Dataset) -> None:
    """Every table starts with what its records are known by (a country's code, else an id: trade figures too)."""
    kind = looked_up(command)
    records = data.records()[kind] if kind else getattr(data, command)()  # a look-up without its key: its kind
    args: list[str] = []
    if not records:  # none in force on the reference date (accreditations): ask a day with some
        day = example(command, "as_of")[1]["as_of"]
        records, args = getattr(data, command)(as_of=day), ["--as-of", day]
    assert records
    names, rows = parse(ok(command_name(command), *args))
    assert names[0] == {"Country": "code"}.get(type(records[0]).__name__, "id")
    assert [row[names[0]] for row in rows] == [str(identity(r)) for r in records]


def test_record_without_an_id_lists_what_it_finds(data: Dataset) -> None:
    names, rows = parse(ok("record"))
    assert names[0] == "id" and names.count("id") == 1
    keys = [row["id"] for row in rows]
    assert "CU" in keys and "evt-2018-11-shestakov-panama" in keys and "src-mfa-2019" in keys
    assert "trd-2018" in keys  # trade figures have an id, and `record` finds them
    everything = [r for kind in KINDS for r in data.records()[kind]]
    assert keys == [str(identity(r)) for r in everything]
    for key in keys[::7]:
        assert identity(data.record(key)) == key


# -- single records ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "key", "expected"),
    [
        ("country", "Venezuela", "VE"),
        ("person", "per-makei", "per-makei"),
        ("person", "Vladimir Makei", "per-makei"),
        ("organization", "org-acs", "org-acs"),
        ("organization", "Association of Caribbean States", "org-acs"),
        ("event", "evt-2018-11-shestakov-panama", "evt-2018-11-shestakov-panama"),
        ("agreement", "agr-2018-11-colombia-visa-free", "agr-2018-11-colombia-visa-free"),
        ("source", "src-mfa-2019", "src-mfa-2019"),
        ("record", "evt-2018-11-shestakov-panama", "evt-2018-11-shestakov-panama"),
        ("record", "org-gomselmash-argentina", "org-gomselmash-argentina"),
        ("record", "CU", "CU"),
        ("record", "trd-2018", "trd-2018"),
    ],
)
def test_a_single_record_command(command: str, key: str, expected: str, data: Dataset) -> None:
    record = getattr(data, command)(key)
    assert identity(record) == expected
    shown = fields(ok(command_name(command), key))
    assert shown[{"Country": "code"}.get(type(record).__name__, "id")] == expected
    if hasattr(record, "sources"):  # every record cites its sources, last (a Source is one itself)
        assert list(shown)[-1] == "sources" and shown["sources"]
    item = as_json(command_name(command), key)
    assert isinstance(item, dict)
    check_json([item], (record,))


def test_a_single_record_shows_every_field_uncut() -> None:
    event = belatam.event("evt-2018-11-shestakov-panama")
    assert len(event.summary) > 72
    shown = fields(ok("event", event.id))
    assert shown["summary"] == event.summary
    assert shown["participants"] == "per-shestakov"
    assert shown["sources"] == "src-mfa-2019#25"
    assert shown["not_before"] == ""  # what the record leaves open stays empty
    person = fields(ok("person", "per-makei"))
    assert person["countries"] == "BY"  # a derived field


@pytest.mark.parametrize("command", [q for q in QUERIES if looked_up(q)])
def test_a_look_up_without_its_key_lists_its_kind(command: str, data: Dataset) -> None:
    items = as_json(command_name(command))
    assert isinstance(items, list) and items
    kind = looked_up(command)
    if kind == "any":  # record: every record it can find by its id (or code)
        records = tuple(data.record(i.get("id") or i["code"]) for i in items)
        assert {KIND[type(r)] for r in records} == set(KINDS)  # trade figures too, by their id
        check_json(items, records)
    else:
        check_json(items, data.records()[kind])
    if command == "country":
        assert len(items) == len(data.countries()) + 1  # Belarus too, as country("BY") finds it
    if command == "roles":  # a person's posts: without a person, the people
        assert ids(items) == [p.id for p in data.people()]


# -- the overview ------------------------------------------------------------------


def test_no_command_is_still_the_overview() -> None:
    assert ok().startswith('Source: "')
    assert ok() == ok("overview")


def test_overview_json_is_an_object(data: Dataset) -> None:
    facts = as_json("overview")
    assert isinstance(facts, dict)
    assert facts == json.loads(json.dumps(summary(data)))
    assert facts["states"] == 33 and facts["relations"] == 31
    assert facts["without_relations"] == ["BS", "BB"]
    assert {p["country"]: p["kind"] for p in facts["partners"]} == {
        "BR": "major_trading",
        "CU": "strategic",
        "VE": "strategic",
    }
    assert facts["missions"]["of_belarus"]["embassy"] == ["AR", "BR", "CU", "EC", "VE"]
    assert facts["missions"]["in_belarus"]["embassy"] == ["BR", "CU", "VE"]
    region = [t for t in data.trade_figures() if t.partner is None and t.period is None]
    assert [t["id"] for t in facts["trade"]] == [t.id for t in region]  # whole years with the region
    (trade,) = [t for t in facts["trade"] if t["year"] == 2018]
    assert trade["exports"] == "853800000" and trade["balance"] == "349200000"
    assert {m["organization"] for m in facts["memberships_of_belarus"]} >= {"org-pacific-alliance", "org-acs"}
    assert facts["events"] == len(data.events())
    assert facts["records"] == data.counts()
    assert facts["sources"]["checked"][0]["id"] == "src-mfa-2019"
    assert facts["sources"]["others"] == len(data.sources()) - 1


def test_overview_of_another_data_set(folder: Path) -> None:
    assert ok("overview", "--data", str(folder)) == ok("overview")
    (folder / "trade.json").write_text("[]", encoding="utf-8")
    facts = as_json("overview", "--data", str(folder))
    assert facts["trade"] == [] and facts["records"]["trade"] == 0
    assert "Trade 2018" in ok("overview") and "Trade 2018" not in ok("overview", "--data", str(folder))


# -- JSON --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["countries"], lambda: belatam.countries()),
        (
            ["countries", "--relations", "--subregion", "Caribbean"],
            lambda: belatam.countries(relations=True, subregion="Caribbean"),
        ),
        (["partners", "--strategic"], lambda: belatam.partners(strategic=True)),
        (["partnerships"], lambda: belatam.partnerships()),
        (["missions", "--sending", "CU"], lambda: belatam.missions(sending="CU")),
        (["events", "--country", "CO", "--year", "2018"], lambda: belatam.events(country="CO", year=2018)),
        (
            ["events", "--kind", "visit", "--person", "Evgeny Shestakov"],
            lambda: belatam.events(kind="visit", person="Evgeny Shestakov"),
        ),
        (["agreements", "--year", "2018"], lambda: belatam.agreements(year=2018)),
        (["organizations", "--kind", "branch"], lambda: belatam.organizations(kind="branch")),
        (["people", "--country", "EC"], lambda: belatam.people(country="EC")),
        (["memberships", "--role", "observer"], lambda: belatam.memberships(role="observer")),
        (["statements", "--country", "VE"], lambda: belatam.statements(country="VE")),
        (["sources"], lambda: belatam.sources()),
        (["trade"], lambda: belatam.dataset().records()["trade"]),
        (["trade-figures", "--year", "2018"], lambda: belatam.trade_figures(year=2018)),
        (["missions", "--as-of", "2022-01-01"], lambda: belatam.missions(as_of="2022-01-01")),
        (["accreditations", "--as-of", "2020-07-01"], lambda: belatam.accreditations(as_of="2020-07-01")),
        (["memberships", "--as-of", "2019-06-01"], lambda: belatam.memberships(as_of="2019-06-01")),
        (["partnerships", "--as-of", "2019-06-01"], lambda: belatam.partnerships(as_of="2019-06-01")),
        (
            ["countries", "--relations", "--as-of", "2019-12-10"],
            lambda: belatam.countries(relations=True, as_of="2019-12-10"),
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_json_lists_match_the_api(args: list[str], expected: Any) -> None:
    records = expected()
    assert records
    check_json(as_json(*args), records)


def test_json_of_one_record_is_an_object() -> None:
    check_json([as_json("country", "CU")], (belatam.country("CU"),))
    trade = as_json("trade", "2018")
    check_json([trade], (belatam.trade(2018),))
    assert as_json("partners", "--strategic")[0]["name"] == "Cuba"


def test_json_money_is_text_and_includes_the_balance() -> None:
    trade = as_json("trade", "2018")
    money = {f.name for f in describe(belatam.TradeFigures).all_fields() if f.kind == "money"}
    amounts = {"turnover", "exports", "imports", "balance"}
    assert money == amounts | {f"{name}_precision" for name in amounts}  # each amount with the unit it is exact to
    assert all(isinstance(trade[name], str) for name in money)
    assert trade["exports"] == "853800000" and trade["turnover"] == "1358000000"
    assert Decimal(trade["balance"]) == Decimal(trade["exports"]) - Decimal(trade["imports"]) == Decimal("349200000")
    assert '"exports": "853800000"' in ok("trade", "--json")  # the number is quoted in the output itself


def test_json_keeps_non_ascii_text() -> None:
    out = ok("people", "--country", "EC", "--json")
    assert "María Fernanda Espinosa Garcés" in out


# -- filters -----------------------------------------------------------------------


def ids(items: list[dict[str, Any]]) -> list[Any]:
    """What the records of a JSON list are known by, as `identity` says (a person's post: its title)."""
    return [i["id"] if "id" in i else i["code"] if "code" in i else i["title"] for i in items]


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--country", "CO", "--country", "PA"],
        ["events", "--year", "2012", "--year", "2019"],
        ["events", "--kind", "observer_status", "--kind", "forum"],
        ["events", "--person", "per-makei", "--person", "Evgeny Shestakov"],
        ["missions", "--sending", "CU", "--sending", "VE"],
        ["statements", "--topic", "trade", "--topic", "cooperation"],
        ["countries", "--subregion", "Caribbean", "--subregion", "Central America"],
        ["memberships", "--role", "observer", "--role", "member"],
    ],
    ids=" ".join,
)
def test_a_filter_given_twice_matches_either_value(args: list[str], data: Dataset) -> None:
    command, option, first, _, second = args
    name = option.removeprefix("--")
    one = ids(as_json(command_name(command), option, first))
    other = ids(as_json(command_name(command), option, second))
    both = ids(as_json(*args))
    assert one and other and set(one).isdisjoint(other)
    assert set(both) == set(one) | set(other)
    values = [int(v) if name == "year" else v for v in (first, second)]
    assert both == [identity(r) for r in getattr(data, command)(**{name: values})]  # in query order


def test_a_filter_given_twice_is_one_call_in_the_nothing_found_message() -> None:
    status, out, err = run("events", "--country", "BS", "--country", "BB", "--year", "2012")
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: events(country=['BS', 'BB'], year=2012) is empty\n"


def test_since_and_until(data: Dataset) -> None:
    since = as_json("events", "--since", "2019")
    assert ids(since) == [e.id for e in data.events(since="2019")]
    assert since and all((e.get("date") or e["not_before"]) >= "2019" or "/" in (e.get("date") or "") for e in since)
    until = as_json("events", "--until", "2013")
    assert ids(until) == [e.id for e in data.events(until="2013")]
    assert until and all((e.get("date") or e["not_after"]) < "2014" for e in until)
    window = as_json("agreements", "--since", "2018-06", "--until", "2018-12")
    assert ids(window) == ["agr-2018-11-colombia-visa-free"]
    month = as_json("events", "--since", "2018-11", "--until", "2018-11")
    assert set(ids(month)) >= {"evt-2018-11-shestakov-panama", "evt-2018-11-shestakov-colombia"}
    assert ids(month) == [e.id for e in data.events(since="2018-11", until="2018-11")]
    both = ids(as_json("events", "--since", "2018", "--until", "2018", "--country", "CO"))
    assert both == [e.id for e in data.events(year=2018, country="CO")]


YEARS = range(1991, 2027)
DAYS = [f"{year}-{month:02d}-01" for year in YEARS for month in (1, 7)]
REFERENCE = belatam.REFERENCE_DATE

SPAN_AND_DAY = [{"as_of", span} for span in ("year", "since", "until")]
"""Parameters a query refuses together: a day and a span."""

TIME: dict[str, list[Any]] = {
    "as_of": DAYS,
    "year": list(YEARS),
    "since": [*map(str, YEARS), "2099"],
    "until": [*map(str, YEARS), "1991-06"],
}
"""What the day and span parameters are tried with: every half year of the data's time, and beyond it."""


def tried(command: str, name: str, data: Dataset) -> list[Any]:
    """The values a query parameter is tried with, read from the schema and the packaged data."""
    if name in TIME:
        return TIME[name]
    declared = DECLARED[command]
    if name in declared.options:  # not a filter of the records answered (heads' sending): a state
        return sorted(c.code for c in data.records()["countries"])
    kind = declared.filters
    assert kind is not None
    schema = describe(record_type(kind))
    field = schema.filters.get(name) or schema.field(name)
    if field.kind.switch:
        return [True, False]
    if field.refers:  # every record it may name, held by some records or none
        return sorted(identity(r) for target in field.refers for r in data.records()[target])  # type: ignore[index]
    if field.vocabulary is not None:
        return [m.value for m in field.vocabulary]
    if field.choices:
        return list(field.choices)
    return sorted({v for r in data.records()[kind] for v in field.values(r)}, key=str)


def keys_of(command: str, data: Dataset) -> list[Any]:
    """The keys a look-up that also takes filters is tried with (``roles``: every person); else no key."""
    kind = looked_up(command)
    return [identity(r) for r in data.records()[kind]] if kind else [None]


@functools.cache
def example(command: str, name: str) -> tuple[Any, dict[str, Any], bool]:
    """A key (or None) and arguments for which ``name`` changes the query's answer, keeping some records where
    any value can; beside ``as_of`` where alone it changes nothing (no accreditation is in force on the
    reference date). None of it is written by hand: a new filter is tried as soon as its method has it. The
    last item says whether it changes the answer: only a span's start may not, where no record has ended."""
    data = belatam.dataset()
    contexts: list[dict[str, Any]] = [{}]
    for other in keyword_parameters(command):  # beside one other parameter, where alone it changes nothing
        if other.name != name and {name, other.name} not in SPAN_AND_DAY:
            contexts += [{other.name: value} for value in tried(command, other.name, data)]
    emptied: tuple[Any, dict[str, Any], bool] | None = None
    for context in contexts:
        for key in keys_of(command, data):
            method = getattr(data, command) if key is None else functools.partial(getattr(data, command), key)
            alone = [identity(r) for r in method(**context)]
            for value in tried(command, name, data):
                try:
                    found = [identity(r) for r in method(**{name: value}, **context)]
                except belatam.InvalidValueError:  # a span that ends before it starts
                    continue
                if found != alone:
                    if found:
                        return key, {name: value, **context}, True
                    emptied = emptied or (key, {name: value, **context}, True)
    if emptied is None:  # a span's start, where no record has ended: every later start keeps them all
        kind = DECLARED[command].filters
        assert name == "since" and kind is not None, f"{command}: no value of {name} changes the answer"
        assert all(r.in_force(REFERENCE) is not False for r in data.records()[kind]), f"{command}: {name}"
        return None, {name: TIME[name][0]}, False
    return emptied


def keyword_parameters(command: str) -> list[inspect.Parameter]:
    parameters = list(inspect.signature(getattr(Dataset, command)).parameters.values())[1:]
    return [p for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY]


def is_bool(parameter: inspect.Parameter) -> bool:
    return str(parameter.annotation).split(" | ")[0] == "bool"


@pytest.mark.parametrize("command", LISTINGS)
def test_every_option_is_its_filter(command: str, data: Dataset) -> None:
    """Each option of a query command asks the method's parameter of the same name."""
    if DECLARED[command].one:
        return  # a look-up: its keywords narrow which one record it finds (see test_trade_of_a_partner)
    for parameter in keyword_parameters(command):
        key, given, changes = example(command, parameter.name)
        method = getattr(data, command) if key is None else functools.partial(getattr(data, command), key)
        args: list[str] = []
        for name, each in given.items():
            option = "--" + name.replace("_", "-")
            if isinstance(each, bool):
                args.append(option if each else "--no-" + name.replace("_", "-"))
            else:
                args += [option, str(each)]
        expected = [identity(r) for r in method(**given)]
        alone = [identity(r) for r in method(**{k: v for k, v in given.items() if k != parameter.name})]
        assert (expected != alone) is changes, f"{given} is no example"
        keys = [] if key is None else [str(key)]
        assert answer(command_name(command), *keys, *args) == expected, args


def answer(*args: str) -> list[Any]:
    """What a query command prints as JSON, by identity; when that is nothing, it exits 1 ("nothing found")."""
    status, out, err = run(*args, "--json")
    printed = json.loads(out)
    found = ids(printed["records"] if isinstance(printed, dict) else printed)
    if found:
        assert status == 0 and not err, err
    else:
        assert status == 1 and err.startswith("belatam: nothing found: "), err
    return found


# -- help --------------------------------------------------------------------------


def options_in(help: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", help))


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command(command: str) -> None:
    status, out, err = run(command, "--help")
    assert status == 0 and not err
    assert out.startswith(f"usage: belatam {command} ")
    assert ("--json" in out) is (command != "verify-source")
    assert "``" not in out and "`" not in out  # docstring markup is not help text


@pytest.mark.parametrize("command", QUERIES)
def test_help_lists_the_options_of_the_method(command: str) -> None:
    """A query command's options are its method's parameters, as the signature says."""
    help = ok(command_name(command), "--help")
    expected = {"--help", "--json", "--data", "--wide"}
    for parameter in keyword_parameters(command):
        option = parameter.name.replace("_", "-")
        expected.add(f"--{option}")
        if is_bool(parameter):
            expected.add(f"--no-{option}")
    assert options_in(help) == expected
    if "--as-of" in expected:  # the default day is the reference date, and the help says which
        assert f"belatam.REFERENCE_DATE, {belatam.REFERENCE_DATE}" in " ".join(help.split())
    usage = help.split("\n\n")[0]
    parameters = list(inspect.signature(getattr(Dataset, command)).parameters.values())[1:]
    for parameter in parameters:
        if DECLARED[command].required and parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
            key = parameter.name.upper()  # the key, needed: a search without a text; cite takes several
            assert re.search(rf" {key}( \[{key} \.\.\.\])?$", usage)
            assert f"[{parameter.name.upper()}]" not in usage
        elif parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            assert f"[{parameter.name.upper()}]" in usage  # the key, optional: without it, list them
            assert "without it, list them all" in help


def test_every_query_helper_is_a_command() -> None:
    out = ok("--help")
    listed = re.findall(r"^    ([a-z]\S+)", out, flags=re.MULTILINE)
    assert sorted(listed) == sorted(COMMANDS)


def test_help_lists_every_command_and_the_exit_statuses() -> None:
    out = ok("--help")
    for command in COMMANDS:
        assert f"    {command} " in out or f"    {command}\n" in out
    words = " ".join(out.split())
    for status in ["1 nothing found", "2 usage error", "3 data error", "4 file error", "5 an optional extra"]:
        assert status in words
    assert "6 verify-source found problems" in words


# -- exit statuses and errors ------------------------------------------------------


def test_nothing_found_exits_1() -> None:
    status, out, err = run("events", "--country", "BS", "--year", "2012")
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: events(country='BS', year=2012) is empty\n"
    status, out, err = run("events", "--country", "BS", "--year", "2012", "--json")
    assert status == 1 and json.loads(out) == {"as_of": None, "records": [], "unknown": []}
    assert err.startswith("belatam: nothing found:")
    status, _, err = run("events", "--since", "2030")
    assert status == 1 and err == "belatam: nothing found: events(since='2030') is empty\n"
    status, out, err = run("missions", "--sending", "BS", "--as-of", "2030-01-01")
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: missions(sending='BS', as_of='2030-01-01') is empty\n"


def test_what_the_sources_cannot_place_is_said(data: Dataset) -> None:
    """An answer for a day says what it leaves out: a line after the table, a key of its own in JSON."""
    status, out, err = run("missions", "--as-of", "2021-10-15")
    day = data.missions(as_of="2021-10-15")
    assert status == 0 and err == f"as of 2021-10-15\nand {len(day.unknown)} not known on 2021-10-15\n"  # beside it
    assert column(out, "id") == [m.id for m in day]
    assert day.unknown and "mis-by-co-embassy" in [m.id for m in day.unknown]  # opened in October 2021
    printed = answer_of("missions", "--as-of", "2021-10-15")
    assert printed["as_of"] == "2021-10-15"
    assert ids(printed["records"]) == [m.id for m in day] and ids(printed["unknown"]) == [m.id for m in day.unknown]
    status, out, err = run("accreditations", "--as-of", "2010-01-01")  # none known in force: say why it is empty
    unknown = len(data.accreditations(as_of="2010-01-01").unknown)
    assert status == 1 and out == "" and unknown
    assert err == (
        f"belatam: nothing found: accreditations(as_of='2010-01-01') is empty; {unknown} not known on 2010-01-01\n"
    )
    status, out, err = run("accreditations", "--receiving", "PE", "--since", "1991")
    assert status == 0 and "acc-by-ar-pe" in out and err == "and 1 not known in the span asked\n"  # an undated one
    status, _, err = run("missions", "--as-of", "2020-01-01", "--year", "2020")
    assert status == 2 and "as_of='2020-01-01' and year=2020 ask two things" in err


def test_nothing_found_names_the_key_of_a_look_up() -> None:
    status, out, err = run("roles", "per-raul-castro")  # no post of his is in force on the reference date
    assert status == 1 and out == ""
    assert "per-raul-castro" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["trade", "2017"], ["year=2017", "2018"]),
        (["country", "Atlantis"], ["'Atlantis'"]),
        (["person", "nobody"], ["'nobody'"]),
        (["event", "evt-1900-none"], ["'evt-1900-none'"]),
        (["agreement", "agr-nothing"], ["'agr-nothing'"]),
        (["source", "src-nowhere"], ["'src-nowhere'"]),
        (["organization", "org-acz"], ["'org-acz'", "org-acs"]),
        (["record", "nothing-at-all"], ["'nothing-at-all'"]),
        (["roles", "nobody"], ["'nobody'"]),
        (["record", "trd-2017"], ["'trd-2017'"]),
        (["trade", "2018", "--partner", "CO"], ["year=2018", "partner=CO"]),  # a state without figures
    ],
)
def test_a_key_the_data_does_not_hold_exits_1(args: list[str], words: list[str]) -> None:
    status, out, err = run(*args)
    assert status == 1 and out == ""
    assert err.startswith("belatam: error: ") and err.count("\n") == 1
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["events", "--country", "Colombai"], ["country='Colombai'", "did you mean 'Colombia' (CO)"]),
        (["events", "--country", "Atlantis"], ["country='Atlantis'"]),
        (["events", "--person", "nobody"], ["person='nobody'"]),
        (["memberships", "--organization", "org-nowhere"], ["organization='org-nowhere'"]),
        (["trade-figures", "--partner", "Atlantis"], ["partner='Atlantis'"]),
        (["trade", "2018", "--partner", "Colombai"], ["partner='Colombai'"]),
        (["accreditations", "--receiving", "Atlantis", "--as-of", "2020-07-01"], ["receiving='Atlantis'"]),
    ],
)
def test_an_option_naming_nothing_exits_2(args: list[str], words: list[str]) -> None:
    """A filter's value that names no record is a usage error (a typo), not an empty answer."""
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert err.startswith("belatam: error: ") and err.count("\n") == 1
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["events", "--kind", "palace"], ["kind='palace'", "visit"]),
        (["events", "--year", "-5"], ["year=-5"]),
        (["trade", "-5"], ["year=-5"]),
        (["events", "--year", "abc"], ["--year", "invalid int value: 'abc'", "belatam events --help"]),
        (["events", "--since", "2019-13"], ["since='2019-13'"]),
        (["events", "--since", "2019", "--until", "2018"], ["until='2018'", "since='2019'"]),
        (["trade", "20.5"], ["invalid int value"]),
        (["no-such-command"], ["invalid choice: 'no-such-command'"]),
        (["events", "--no-such-option"], ["unrecognized arguments: --no-such-option"]),
        (["event", "a", "b"], ["unrecognized arguments: b"]),
        (["partners", "--strategic", "--no-strategic"], ["not allowed"]),
        (["countries", "--relations", "--no-relations"], ["not allowed"]),
        (["countries", "--subregion", "Europe"], ["subregion='Europe'", "Caribbean"]),
        (["missions", "--kind", "palace"], ["embassy"]),
        (["organizations", "--kind", ""], ["kind=''"]),
        (["statements", "--topic", "weather"], ["topic='weather'"]),
        (["memberships", "--role", "king"], ["role='king'"]),
        (["missions", "--as-of", "2018"], ["as_of='2018'", "a day"]),
        (["countries", "--relations", "--as-of", "2018-12"], ["as_of='2018-12'", "a day"]),
        (["memberships", "--as-of", "2018-02-30"], ["as_of='2018-02-30'"]),
        (["accreditations", "--as-of", "1990-01-01"], ["as_of='1990-01-01'", "1991"]),
        (["roles", "per-makei", "--as-of", "yesterday"], ["as_of='yesterday'"]),
        (["missions", "--honorary", "--no-honorary"], ["not allowed"]),
        (["trade-figures", "--kind", "barter"], ["kind='barter'", "goods"]),
        (["trade-figures", "--year", "-5"], ["year=-5"]),
        (["export", "--format", "xml", "out"], ["invalid choice: 'xml'"]),
        (["export", "out"], ["--format"]),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: list[str], words: list[str]) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert err.startswith("belatam: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err


def test_an_ambiguous_key_exits_2(folder: Path) -> None:
    path = folder / "organizations.json"
    organizations = json.loads(path.read_text(encoding="utf-8"))
    organizations[0]["name"] = "Cuba"  # now a state and an organization answer to it
    path.write_text(json.dumps(organizations), encoding="utf-8")
    status, out, err = run("memberships", "--member", "Cuba", "--data", str(folder))
    assert status == 2 and out == ""
    assert err.startswith("belatam: error: member='Cuba' is ambiguous") and err.count("\n") == 1
    assert "countries:CU" in err and f"organizations:{organizations[0]['id']}" in err
    day = "2019-06-01"  # a code says which (on a day Cuba's memberships are in force: a source of 2019 shows them)
    cuban = [m.id for m in belatam.load(folder).memberships(member="CU", as_of=day)]
    assert cuban and cuban == ids(as_json("memberships", "--member", "CU", "--as-of", day, "--data", str(folder)))


def test_invalid_data_exits_3(folder: Path, tmp_path: Path) -> None:
    (folder / "events.json").write_text("{", encoding="utf-8")
    status, out, err = run("events", "--data", str(folder))
    assert status == 3 and out == ""
    assert err.startswith(f"belatam: error: {folder / 'events.json'}") and err.count("\n") == 1  # the folder given
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = run("countries", "--data", str(empty))
    assert status == 3 and "holds none of the data files" in err


def test_a_file_error_exits_4(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    status, out, err = run("events", "--data", str(missing))
    assert status == 4 and out == ""
    assert err.startswith("belatam: error: ") and str(missing) in err and err.count("\n") == 1


def test_export_into_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    status, _, err = run("export", "--format", "csv", str(target))
    assert status == 2 and err.startswith("belatam: error:") and "a-file" in err
    assert target.read_text(encoding="utf-8") == "x"


def test_export_parquet_without_the_extra_exits_5(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status, out, err = run("export", "--format", "parquet", str(tmp_path / "out"))
    assert status == 5 and not out
    assert "'arrow' extra" in err and err.count("\n") == 1


def test_an_internal_error_exits_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(belatam.cli, "overview", broken)
    status, out, err = run("overview")
    assert status == 70 and out == ""
    assert err == "belatam: internal error (RuntimeError; please report it): a bug over two lines\n"


def test_main_reads_sys_argv(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["belatam", "trade", "2018"])
    assert main() == 0
    assert "853,800,000" in capsys.readouterr().out
    monkeypatch.setattr(sys, "argv", ["belatam", "trade", "2017"])
    assert main() == 1
    assert capsys.readouterr().err.startswith("belatam: error: year=2017")


def test_a_closed_output_ends_quietly() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    assert main(["events"], out=Closed(), err=err) == 141
    assert err.getvalue() == ""


def test_a_closed_standard_output_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    closed = Closed()
    monkeypatch.setattr(sys, "stdout", closed)  # no file descriptor: nothing to point at the null device
    err = io.StringIO()
    assert main(["events"], err=err) == 141
    assert err.getvalue() == ""


def test_a_closed_pipe_is_not_an_error() -> None:
    code = "import sys; from belatam.cli import main; sys.exit(main(['events', '--json']))"
    reader = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader goes away before the output is written
    status = reader.wait(timeout=60)
    assert reader.stderr.read() == b""
    assert status == 141


# -- export ------------------------------------------------------------------------


def test_export_json_reads_back(tmp_path: Path) -> None:
    folder = tmp_path / "json"
    out = ok("export", "--format", "json", str(folder))
    written = [Path(line) for line in out.splitlines()]
    assert {p.name for p in written} >= {"countries.json", "events.json", "trade.json"}
    assert all(p.parent == folder and p.stat().st_size > 0 for p in written)
    assert as_json("events", "--data", str(folder), "--year", "2018") == as_json("events", "--year", "2018")
    assert fields(ok("trade", "2018", "--data", str(folder)))["exports"] == "853,800,000"


@pytest.mark.parametrize(("format", "suffix"), [("csv", ".csv"), ("datapackage", ".csv"), ("parquet", ".parquet")])
def test_export_formats(tmp_path: Path, format: str, suffix: str) -> None:
    paths = [Path(p) for p in as_json("export", "--format", format, str(tmp_path))]
    assert (tmp_path / f"events{suffix}") in paths
    assert all(p.is_file() for p in paths)
    assert ((tmp_path / "datapackage.json") in paths) is (format == "datapackage")


# -- as a program ------------------------------------------------------------------


def program(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "belatam", *args], capture_output=True, text=True, check=False)


def test_python_dash_m_commands() -> None:
    done = program("partners", "--strategic")
    assert done.returncode == 0, done.stderr
    assert "Cuba" in done.stdout and "Venezuela" in done.stdout
    done = program("trade", "2018", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["exports"] == "853800000"
    done = program("event", "evt-2018-11-shestakov-panama", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["countries"] == ["PA"]


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["events", "--country", "BS", "--year", "2012"], 1),
        (["trade", "2017"], 1),
        (["events", "--kind", "palace"], 2),
        (["events", "--year", "abc"], 2),
        (["no-such-command"], 2),
        (["events", "--data", "/no/such/belatam/folder"], 4),
        (["events", "--help"], 0),
    ],
)
def test_python_dash_m_exit_statuses(args: list[str], status: int) -> None:
    done = program(*args)
    assert done.returncode == status, done.stderr
    if status:
        assert done.stderr.startswith("belatam: ") and done.stderr.count("\n") == 1
    else:
        assert done.stdout.startswith("usage: belatam events")


def test_console_script() -> None:
    script = shutil.which("belatam", path=str(Path(sys.executable).parent))
    assert script is not None, "the belatam console script is not installed beside this Python"
    done = subprocess.run([script, "events", "--country", "CO", "--year", "2018"], capture_output=True, text=True)
    assert done.returncode == 0 and "Bogotá" in done.stdout
    done = subprocess.run([script, "trade", "2017"], capture_output=True, text=True)
    assert done.returncode == 1 and "2018" in done.stderr
    done = subprocess.run([script, "events", "--year", "abc"], capture_output=True, text=True)
    assert done.returncode == 2


CLOSED_STDOUT = (
    "import os, sys; os.close(1); sys.stdout = None; from belatam.cli import main; sys.exit(main(['country', 'BY']))"
)


def test_a_closed_standard_output_is_an_error_not_silence() -> None:
    """``belatam country BY >&-``: the output cannot be printed, so say so and exit 4."""
    done = subprocess.run(
        [sys.executable, "-c", CLOSED_STDOUT],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 4
    assert "standard output is closed" in done.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_narrow_locale_still_prints(encoding: str) -> None:
    """Under LANG=C or PYTHONIOENCODING=ascii, text the encoding lacks is escaped, not fatal."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "LANG": "C", "LC_ALL": "C"}
    for args in (["country", "BY"], ["events", "--country", "CO"], ["person", "per-diaz-canel"], []):
        done = subprocess.run([sys.executable, "-m", "belatam", *args], capture_output=True, env=env, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode(encoding)
