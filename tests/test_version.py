"""The code and data versions, and the changelog that announces them."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import belatam

CHANGELOG = (Path(__file__).resolve().parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")


def test_version_is_the_installed_distributions() -> None:
    assert belatam.__version__ == version("belatam")
    assert re.fullmatch(r"\d+\.\d+\.\d+", belatam.__version__)


def test_changelog_has_an_entry_for_the_current_version() -> None:
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", CHANGELOG, flags=re.M)
    assert headings[0] == ("Unreleased", "")
    released = dict(headings[1:])
    assert belatam.__version__ in released
    assert released[belatam.__version__]


def test_changelog_states_the_data_version() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", belatam.DATA_VERSION)
    assert f"Data version: {belatam.DATA_VERSION}" in CHANGELOG
