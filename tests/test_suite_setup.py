"""The suite itself: tests that need the unshipped source text skip without it, or fail when CI requires it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def run_suite(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("BELATAM_")} | env
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args],
        cwd=TESTS.parent,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_the_source_text_its_tests_skip_and_say_why(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.txt")
    done = run_suite(str(TESTS / "test_provenance.py"), BELATAM_SOURCE_TEXT=missing)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skipped" in done.stdout and "BELATAM_SOURCE_TEXT" in done.stdout


def test_ci_makes_the_source_text_tests_mandatory(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.txt")
    done = run_suite(str(TESTS / "test_provenance.py"), BELATAM_SOURCE_TEXT=missing, BELATAM_REQUIRE_SOURCE_TEXT="1")
    assert done.returncode == 1
    assert "BELATAM_REQUIRE_SOURCE_TEXT=1" in done.stdout
