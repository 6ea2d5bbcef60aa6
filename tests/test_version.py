"""The code and data versions, and the changelog that announces them."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import belatam

CHANGELOG = (Path(__file__).resolve().parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")


def test_version_is_the_installed_distributions() -> None:
    assert belatam.__version__ == version("belatam")
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", belatam.__version__)


def test_changelog_has_an_entry_for_the_current_version() -> None:
    """A release is a dated section; a development version is the Unreleased one above them."""
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", CHANGELOG, flags=re.M)
    assert headings[0] == ("Unreleased", "")
    released = dict(headings[1:])
    assert all(released.values()), "every released section is dated"
    assert "0.1.0" in released
    base, _, dev = belatam.__version__.partition(".dev")
    if dev:
        assert base not in released, f"{base} is released; the development version must be above it"
    else:
        assert belatam.__version__ in released


def test_changelog_states_the_data_version() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", belatam.DATA_VERSION)
    assert f"Data version: {belatam.DATA_VERSION}" in CHANGELOG
