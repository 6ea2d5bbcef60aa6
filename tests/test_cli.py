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


def test_verify_source_passes_on_the_source(source_path: Path) -> None:
    status, out, _ = run("verify-source", str(source_path))
    assert status == 0
    assert "0 problem(s)" in out


def test_verify_source_fails_on_a_changed_copy(source_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(source_path.read_text(encoding="utf-8").replace("2013", "2014"), encoding="utf-8")
    status, out, _ = run("verify-source", str(copy))
    assert status == 1
    assert "SHA-256" in out


def test_bad_usage_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    status, out, err = run("verify-source", str(tmp_path / "missing.txt"))
    assert status == 2 and not out
    assert err.startswith("belatam: error:") and err.count("\n") == 1
    assert run("no-such-command")[0] == 2


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
    status, _, _ = run("--help")
    assert status == 0


def test_version_prints_the_code_and_data_versions() -> None:
    status, out, err = run("--version")
    assert status == 0 and not err
    assert out.strip() == f"belatam {belatam.__version__} (data {belatam.DATA_VERSION})"
