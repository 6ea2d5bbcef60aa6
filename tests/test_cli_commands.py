"""The query commands of the command line: tables, JSON, exit statuses, help."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import belatam
from belatam.cli import main
from belatam.convert import converter

COMMANDS = [
    "countries",
    "country",
    "partners",
    "missions",
    "events",
    "agreements",
    "organizations",
    "people",
    "memberships",
    "statements",
    "trade",
    "sources",
    "export",
]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def ok(*args: str) -> str:
    status, out, err = run(*args)
    assert status == 0, err
    assert not err
    return out


def as_json(*args: str) -> Any:
    return json.loads(ok(*args, "--json"))


def unstructured(value: object) -> Any:
    return json.loads(json.dumps(converter.unstructure(value)))


def lines(table: str) -> list[str]:
    """The body rows of a table (after the header and its rule)."""
    _head, rule, *body = table.splitlines()
    assert set(rule) <= {"-", " "}
    return body


def row_of(table: str, first: str) -> list[str]:
    """The cells (split on runs of 2+ blanks) of the first body row that starts with ``first``."""
    import re

    for line in lines(table):
        if line.startswith(first):
            return re.split(r"\s{2,}", line)
    raise AssertionError(f"no row starts with {first!r} in\n{table}")


# -- tables ------------------------------------------------------------------------


def test_countries_table_lists_the_33_states() -> None:
    out = ok("countries")
    assert out.splitlines()[0].split() == ["code", "alpha3", "name", "subregion", "relations", "established"]
    assert len(lines(out)) == 33
    assert row_of(out, "CU") == ["CU", "CUB", "Cuba", "Caribbean", "yes", "1992-04"]
    assert [r.split()[0] for r in lines(ok("countries", "--no-relations"))] == ["BS", "BB"]
    assert len(lines(ok("countries", "--relations"))) == 31
    south = ok("countries", "--subregion", "south america")
    assert len(lines(south)) == len(belatam.countries(subregion="South America"))
    assert "Colombia" in south and "Cuba" not in south


def test_country_is_a_field_value_table() -> None:
    out = ok("country", "cuba")
    assert out.splitlines()[0].split() == ["field", "value"]
    assert row_of(out, "name") == ["name", "Cuba"]
    assert row_of(out, "relations_established") == ["relations_established", "1992-04"]
    assert "src-mfa-2019 ¶3" in row_of(out, "sources")[1]
    assert row_of(ok("country", "BY"), "name") == ["name", "Belarus"]


def test_partners() -> None:
    strategic = ok("partners", "--strategic")
    assert [r.split()[1] for r in lines(strategic)] == ["Cuba", "Venezuela"]
    assert row_of(strategic, "VE")[-1] == "strategic"
    assert [r.split()[1] for r in lines(ok("partners", "--not-strategic"))] == ["Brazil"]
    assert row_of(ok("partners"), "BR")[-1] == "major_trading"


def test_missions() -> None:
    assert len(lines(ok("missions"))) == len(belatam.missions()) == 22
    embassies = ok("missions", "--kind", "embassy", "--sending", "BY")
    assert [r.split()[3] for r in lines(embassies)] == ["Argentina", "Brazil", "Cuba", "Ecuador", "Venezuela"]
    into = ok("missions", "--receiving", "Belarus", "--kind", "EMBASSY")
    assert {r.split()[1] for r in lines(into)} == {"BR", "CU", "VE"}
    assert "1997-05" in into  # the opening date of Cuba's embassy


def test_events_by_country_and_year() -> None:
    out = ok("events", "--country", "CO", "--year", "2018")
    body = lines(out)
    assert len(body) == len(belatam.events(country="CO", year=2018)) == 6
    assert body[0].startswith("2018-02 ") and "visit" in body[0] and "Bogotá" in body[0]
    assert any(r.startswith("2018-02/2018-11") and "consultations" in r for r in body)
    assert any("CL, CO, MX, PE" in r for r in body)
    assert lines(ok("events", "--person", "per-makei"))[0].startswith("2014-06")
    assert len(lines(ok("events", "--kind", "accession"))) == len(belatam.events(kind="accession"))


def test_long_text_is_cut_unless_wide() -> None:
    longest = max(belatam.events(), key=lambda e: len(e.summary))
    assert len(longest.summary) > 72
    assert longest.summary not in ok("events")
    assert "…" in ok("events")
    assert longest.summary in ok("events", "--wide")
    assert all(len(line) < 140 for line in ok("events").splitlines())


def test_agreements_organizations_people_memberships_statements_sources() -> None:
    agreements = ok("agreements", "--country", "CO")
    assert len(lines(agreements)) == 1 and row_of(agreements, "2018-11")[2] == "BY, CO"
    assert len(lines(ok("agreements", "--year", "2019"))) == len(belatam.agreements(year=2019)) == 2
    organizations = ok("organizations", "--country", "AR")
    assert row_of(organizations, "org-gomselmash-argentina")[2] == "branch"
    assert len(lines(ok("organizations", "--kind", "ministry"))) == len(belatam.organizations(kind="ministry"))
    people = ok("people", "--country", "BY")
    assert row_of(people, "per-makei")[1:] == [
        "Vladimir Makei",
        "Minister of Foreign Affairs of Belarus (BY, org-mfa-belarus)",
    ]
    memberships = ok("memberships", "--member", "BY")
    assert row_of(memberships, "org-pacific-alliance") == ["org-pacific-alliance", "BY", "observer", "2018-06"]
    observers = ok("memberships", "--organization", "org-pacific-alliance", "--role", "observer")
    assert len(lines(observers)) == len(belatam.memberships(organization="org-pacific-alliance", role="observer"))
    statements = ok("statements", "--topic", "trade", "--country", "CU")
    assert [r.split()[0] for r in lines(statements)] == [s.id for s in belatam.statements(topic="trade", country="CU")]
    sources = ok("sources")
    assert len(lines(sources)) == len(belatam.sources())
    assert row_of(sources, "src-mfa-2019")[1] == "2018-06/2019-12-09"


def test_trade_shows_the_figures_with_separators() -> None:
    out = ok("trade", "2018")
    assert row_of(out, "exports") == ["exports", "853,800,000"]
    assert row_of(out, "turnover") == ["turnover", "1,358,000,000"]
    assert row_of(out, "balance") == ["balance", "349,200,000"]
    assert row_of(out, "main_exports")[1] == "fertilizers, complex technical products"


def test_no_command_is_still_the_overview() -> None:
    assert ok().startswith('Source: "')
    assert ok() == ok("overview")


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
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_json_lists_match_the_api(args: list[str], expected: Any) -> None:
    records = expected()
    assert records
    assert as_json(*args) == [unstructured(r) for r in records]


def test_json_of_one_record_is_an_object() -> None:
    assert as_json("country", "CU") == unstructured(belatam.country("CU"))
    trade = as_json("trade", "2018")
    assert trade == unstructured(belatam.trade(2018))
    assert trade["exports"] == "853800000"
    assert as_json("partners", "--strategic")[0]["name"] == "Cuba"


def test_json_keeps_non_ascii_text() -> None:
    out = ok("people", "--country", "EC", "--json")
    assert "María Fernanda Espinosa Garcés" in out


# -- exit statuses and errors ------------------------------------------------------


def test_nothing_found_exits_1() -> None:
    status, out, err = run("events", "--country", "BS", "--year", "2012")
    assert status == 1 and out == ""
    assert err == "belatam: nothing found: events(country='BS', year=2012) is empty\n"
    status, out, err = run("events", "--country", "BS", "--year", "2012", "--json")
    assert status == 1 and json.loads(out) == []
    assert err.startswith("belatam: nothing found:")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["trade", "2017"], ["year=2017", "2018"]),
        (["country", "Atlantis"], ["'Atlantis'"]),
        (["events", "--country", "Atlantis"], ["country='Atlantis'"]),
        (["events", "--person", "nobody"], ["person='nobody'", "per-makei"]),
        (["memberships", "--organization", "org-nowhere"], ["organization='org-nowhere'"]),
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
        (["events", "--kind", "palace"], ["kind='palace'", "visit"]),
        (["events", "--year", "-5"], ["year=-5"]),
        (["events", "--year", "abc"], ["--year", "invalid int value: 'abc'", "belatam events --help"]),
        (["trade", "20.5"], ["invalid int value"]),
        (["trade"], ["YEAR"]),
        (["no-such-command"], ["invalid choice: 'no-such-command'"]),
        (["events", "--no-such-option"], ["unrecognized arguments: --no-such-option"]),
        (["partners", "--strategic", "--not-strategic"], ["not allowed"]),
        (["countries", "--subregion", "Europe"], ["subregion='Europe'", "Caribbean"]),
        (["missions", "--kind", "palace"], ["embassy"]),
        (["organizations", "--kind", ""], ["kind=''"]),
        (["statements", "--topic", "weather"], ["topic='weather'"]),
        (["memberships", "--role", "king"], ["role='king'"]),
        (["export", "--format", "xml", "out"], ["invalid choice: 'xml'"]),
        (["export", "out"], ["--format"]),
        (["events", "--data", "/no/such/folder"], ["/no/such/folder"]),
    ],
)
def test_bad_usage_exits_2_with_one_line(args: list[str], words: list[str]) -> None:
    status, out, err = run(*args)
    assert status == 2 and out == ""
    assert err.startswith("belatam: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_each_command(command: str) -> None:
    status, out, err = run(command, "--help")
    assert status == 0 and not err
    assert out.startswith(f"usage: belatam {command} ")
    assert "--json" in out


def test_help_lists_every_command_and_the_exit_statuses() -> None:
    out = ok("--help")
    for command in COMMANDS:
        assert f"    {command} " in out or f"    {command}\n" in out
    assert "1 nothing found" in out


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
    assert row_of(ok("trade", "2018", "--data", str(folder)), "exports")[1] == "853,800,000"


@pytest.mark.parametrize(("format", "suffix"), [("csv", ".csv"), ("datapackage", ".csv"), ("parquet", ".parquet")])
def test_export_formats(tmp_path: Path, format: str, suffix: str) -> None:
    paths = [Path(p) for p in as_json("export", "--format", format, str(tmp_path))]
    assert (tmp_path / f"events{suffix}") in paths
    assert all(p.is_file() for p in paths)
    assert ((tmp_path / "datapackage.json") in paths) is (format == "datapackage")


def test_export_into_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    status, _, err = run("export", "--format", "csv", str(target))
    assert status == 2 and err.startswith("belatam: error:") and "a-file" in err


def test_export_parquet_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    status, out, err = run("export", "--format", "parquet", str(tmp_path))
    assert status == 2 and not out
    assert "'arrow' extra" in err and err.count("\n") == 1


# -- as a program ------------------------------------------------------------------


def program(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "belatam", *args], capture_output=True, text=True, check=False)


def test_python_dash_m_commands() -> None:
    done = program("partners", "--strategic")
    assert done.returncode == 0, done.stderr
    assert "Cuba" in done.stdout and "Venezuela" in done.stdout
    done = program("trade", "2018", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["exports"] == "853800000"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["events", "--country", "BS", "--year", "2012"], 1),
        (["trade", "2017"], 1),
        (["events", "--kind", "palace"], 2),
        (["events", "--year", "abc"], 2),
        (["no-such-command"], 2),
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
