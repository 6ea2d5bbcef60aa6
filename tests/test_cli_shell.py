"""The command line as a shell user meets it: exit statuses, ``--data``, command names, help, the day answered.

The commands and options are read from the parser itself, so a new command
is checked without editing a list here.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import belatam
import belatam.cli
from belatam.cli import EXIT, main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every command the parser lists, by name (hidden aliases not included)."""
    parser = belatam.cli._parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    listed = {choice.dest for choice in action._choices_actions}
    return {name: sub for name, sub in action.choices.items() if name in listed}


COMMANDS = sorted(subcommands())


# -- the exit statuses -------------------------------------------------------------


class Closed(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def broken(*args: object) -> str:
    raise RuntimeError("a bug")


Case = Callable[[Path, pytest.MonkeyPatch, Path], int]
"""A case: given a temporary folder, a monkeypatch and the source text, run the command line; its status."""


def in_process(*args: str) -> int:
    return run(*args)[0]


def invalid_data(tmp_path: Path, _: pytest.MonkeyPatch, __: Path) -> int:
    (tmp_path / "events.json").write_text("{", encoding="utf-8")
    return in_process("events", "--data", str(tmp_path))


def without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _: Path) -> int:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    return in_process("export", "--format", "parquet", str(tmp_path / "out"))


def problems(tmp_path: Path, _: pytest.MonkeyPatch, source: Path) -> int:
    copy = tmp_path / "copy.txt"
    copy.write_text(source.read_text(encoding="utf-8").replace("2013", "2014"), encoding="utf-8")
    return in_process("verify-source", str(copy))


def internal(_: Path, monkeypatch: pytest.MonkeyPatch, __: Path) -> int:
    monkeypatch.setattr(belatam.cli, "overview", broken)
    return in_process("overview")


CASES: dict[str, Case] = {
    "ok": lambda *_: in_process("events", "--country", "CO"),
    "nothing found": lambda *_: in_process("country", "Atlantis"),
    "usage": lambda *_: in_process("events", "--country", "Colombai"),
    "data": invalid_data,
    "file": lambda tmp_path, *_: in_process("events", "--data", str(tmp_path / "nowhere")),
    "extra": without_the_extra,
    "problems": problems,
    "internal": internal,
    "pipe": lambda *_: main(["events"], out=Closed(), err=io.StringIO()),
}


def test_the_exit_statuses_are_distinct_and_each_has_a_case() -> None:
    assert len(set(EXIT.values())) == len(EXIT)
    assert set(CASES) == set(EXIT)


@pytest.mark.parametrize("name", list(EXIT))
def test_each_exit_status(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source_path: Path) -> None:
    assert CASES[name](tmp_path, monkeypatch, source_path) == EXIT[name]


def test_the_exit_statuses_are_a_table_in_the_help_and_the_docstring() -> None:
    status, out, _ = run("--help")
    assert status == 0
    doc = belatam.cli.__doc__
    assert doc is not None
    for code in EXIT.values():
        assert re.search(rf"^ *{code}  \S", out, re.MULTILINE), code
        assert re.search(rf"^ *{code}  \S", doc, re.MULTILINE), code


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["events", "--country", "Colombai"], 2),  # a typo in an option's value
        (["missions", "--sending", "Colombai"], 2),
        (["country", "Atlantis"], 1),  # a look-up's key the data does not hold
        (["trade", "2017"], 1),
        (["events", "--country"], 2),  # an option without its value
        (["missions", "--as-of"], 2),
        (["events", "--since", "2019-13"], 2),  # a bad date
        (["missions", "--as-of", "2018-02-30"], 2),
        (["events", "--person", "a"], 2),  # an ambiguous name (part of several names)
        (["no-such-command"], 2),
        (["events", "--no-such-option"], 2),
    ],
)
def test_exit_statuses(args: list[str], status: int) -> None:
    found, out, err = run(*args)
    assert found == status, err
    assert out == "" and err.startswith("belatam: ") and err.count("\n") == 1


# -- --data ------------------------------------------------------------------------


def test_data_naming_a_file_is_a_usage_error(tmp_path: Path) -> None:
    """A file where a folder is wanted is the command line's mistake: 2, one line naming the path."""
    file = tmp_path / "events.json"
    file.write_text("[]", encoding="utf-8")
    for args in (["events", "--data", str(file)], ["--data", str(file)], ["--data", str(file), "events"]):
        status, out, err = run(*args)
        assert status == EXIT["usage"] and out == ""
        assert err.startswith("belatam: error: ") and err.count("\n") == 1
        assert f"{file} is a file, not a folder" in err


def test_data_before_the_command(tmp_path: Path) -> None:
    """``belatam --data DIR`` is the overview of DIR, not DIR read as a command."""
    missing = tmp_path / "nonexistent"
    status, out, err = run("--data", str(missing))
    assert status == EXIT["file"] and out == "" and str(missing) in err and "invalid choice" not in err
    status, out, err = run("--data", str(missing), "events")
    assert status == EXIT["file"] and str(missing) in err
    folder = tmp_path / "data"
    assert run("export", "--format", "json", str(folder))[0] == 0
    assert run("--data", str(folder))[1] == run("overview", "--data", str(folder))[1] == run("overview")[1]
    status, out, _ = run("--data", str(folder), "--json", "trade", "2018")
    assert status == 0 and '"exports": "853800000"' in out
    status, _, err = run("--data", str(missing), "events", "--data", str(folder))  # after the command, it wins
    assert status == 0, err


# -- command names -----------------------------------------------------------------


def test_command_names_use_dashes() -> None:
    assert all("_" not in command for command in COMMANDS)
    assert "trade-figures" in COMMANDS and "verify-source" in COMMANDS


def test_trade_figures_and_its_deprecated_alias() -> None:
    status, out, err = run("trade-figures", "--year", "2018")
    assert status == 0 and "trd-2018" in out and not err
    status, old, err = run("trade_figures", "--year", "2018")  # old scripts keep working, warned
    assert status == 0 and old == out
    assert err == "belatam: warning: 'trade_figures' is deprecated; use 'trade-figures'\n"
    status, out, _ = run("--help")
    assert "trade-figures" in out and "trade_figures" not in out  # hidden
    status, out, _ = run("trade_figures", "--help")
    assert status == 0 and out.startswith("usage: belatam trade-figures ")


# -- help for the shell ------------------------------------------------------------


def help_of(*args: str) -> str:
    status, out, err = run(*args, "--help")
    assert status == 0 and not err
    return out


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_speaks_of_options_not_python(command: str) -> None:
    """Help names options and commands: no None, no call syntax, no parameter names, no docstring markup."""
    help = help_of(*([command] if command else []))
    words = " ".join(help.split())
    assert "None" not in words and "()" not in words
    assert "`" not in words and "belatam." not in words.replace("belatam.REFERENCE_DATE", "")
    assert not re.search(r"\b(as_of|True|False)\b", words)
    for option in re.findall(r"(?<![\w-])--[\w-]+", words):
        assert "_" not in option, option
    if "--as-of" in words:  # the default day is said, with its name and date
        assert f"the reference date, belatam.REFERENCE_DATE, {belatam.REFERENCE_DATE}" in words


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_a_description(command: str) -> None:
    sub = subcommands()[command]
    assert sub.description and sub.description.strip()
    listed = re.search(rf"^    {re.escape(command)}\s+(\S.*)$", help_of(), re.MULTILINE)
    assert listed is not None and listed[1].strip(), f"{command} has no line in the list of commands"
    assert help_of(command).split("\n\n")[1].strip()  # after the usage, the description


# -- the day answered --------------------------------------------------------------


def test_a_table_for_a_day_says_the_day_and_what_is_not_known_on_it() -> None:
    status, out, err = run("missions")
    answer = belatam.missions()
    assert status == 0 and out.startswith("id ")  # the rows alone on standard output
    assert err.startswith(f"as of {belatam.REFERENCE_DATE}\n")
    if answer.unknown:
        assert err.endswith(f"and {answer.left_out()}\n")
    status, out, err = run("missions", "--as-of", "2021-10-15")
    assert status == 0 and err.splitlines()[0] == "as of 2021-10-15"
    assert err.splitlines()[1] == f"and {belatam.missions(as_of='2021-10-15').left_out()}"


def test_json_and_undated_answers_have_no_day_line() -> None:
    status, out, err = run("missions", "--json")
    assert status == 0 and not err and out.startswith('{\n  "as_of": "2018-12-01"')
    status, out, err = run("events", "--country", "CO")
    assert status == 0 and out and not err
