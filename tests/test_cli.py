"""The command line, in process and as a real subprocess."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import belatam
from belatam.cli import main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_overview_reports_the_data() -> None:
    status, out, err = run()
    assert status == 0 and not err
    assert "diplomatic relations with 31 (not yet: Bahamas, Barbados)" in out
    assert "Partners: Brazil (major trading), Cuba (strategic), Venezuela (strategic)" in out
    assert "embassies of Belarus (5): Argentina, Brazil, Cuba, Ecuador, Venezuela" in out
    assert "exports 853,800,000" in out
    assert f"Events ({len(belatam.events())})" in out
    assert run("overview")[1] == out


def test_overview_describes_the_reference_date() -> None:
    """Relations and missions are those in force on the reference date; the data holds later ones too."""
    out = run()[1]
    assert f"As of {belatam.REFERENCE_DATE} " in out
    in_force = belatam.missions()
    assert f"Missions: {len(in_force)}\n" in out and len(in_force) == 22
    held = len(belatam.dataset().records()["missions"])
    assert held > len(in_force) and f"{held} missions" in out  # the records, counted whole
    assert run("overview", "--as-of", str(belatam.REFERENCE_DATE))[1] == out


def test_overview_as_of_a_day() -> None:
    day = "2022-01-01"
    status, out, err = run("overview", "--as-of", day)
    assert status == 0 and not err
    assert f"As of {day} " in out
    assert f"diplomatic relations with {len(belatam.countries(relations=True, as_of=day))}\n" in out
    assert "not yet" not in out  # Bahamas and Barbados since December 2019
    assert f"Missions: {len(belatam.missions(as_of=day))}\n" in out
    embassies = [belatam.country(m.receiving).name for m in belatam.missions(sending="BY", kind="embassy", as_of=day)]
    assert f"embassies of Belarus ({len(embassies)}): {', '.join(embassies)}" in out
    assert "Colombia" in embassies  # opened in October 2021
    status, out, err = run("overview", "--as-of", "2018")
    assert status == 2 and not out and "as_of='2018'" in err


def test_verify_source_passes_on_the_source(source_path: Path) -> None:
    status, out, _ = run("verify-source", str(source_path))
    assert status == 0
    assert "0 problem(s)" in out


def test_verify_source_problems_exit_6(source_path: Path, tmp_path: Path) -> None:
    """Problems found are their own status (6), apart from "nothing found" (1) and errors."""
    copy = tmp_path / "copy.txt"
    copy.write_text(source_path.read_text(encoding="utf-8").replace("2013", "2014"), encoding="utf-8")
    status, out, err = run("verify-source", str(copy))
    assert status == 6 and not err
    assert "SHA-256" in out
    assert "0 problem(s)" not in out


def test_verify_source_of_a_missing_file_exits_4_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run("verify-source", str(missing))
    assert status == 4 and not out
    assert err.startswith("belatam: error:") and err.count("\n") == 1
    assert str(missing) in err


def test_verify_source_with_other_data(source_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run("export", "--format", "json", str(folder))[0] == 0
    status, out, _ = run("verify-source", str(source_path), "--data", str(folder))
    assert status == 0 and "0 problem(s)" in out
    status, _, err = run("verify-source", str(source_path), "--data", str(tmp_path / "nowhere"))
    assert status == 4 and "nowhere" in err


def test_bad_usage_exits_2_with_one_line_on_stderr() -> None:
    status, out, err = run("no-such-command")
    assert status == 2 and not out
    assert err.startswith("belatam: error:") and err.count("\n") == 1
    status, out, err = run("verify-source")
    assert status == 2 and not out and "FILE" in err.upper()


def test_python_dash_m(source_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "belatam"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "States of the region: 33" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "belatam", "verify-source", str(source_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "0 problem(s)" in done.stdout


def test_help() -> None:
    status, out, err = run("--help")
    assert status == 0 and not err
    assert out.startswith("usage: belatam ")
    assert "verify-source" in out and "overview" in out


def test_version_prints_the_code_and_data_versions() -> None:
    status, out, err = run("--version")
    assert status == 0 and not err
    assert out.strip() == f"belatam {belatam.__version__} (data {belatam.DATA_VERSION})"
