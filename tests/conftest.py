"""Shared fixtures: the packaged data set and the primary source text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import belatam

# A busy CI machine must not turn a slow example into a failure.
settings.register_profile("belatam", deadline=None)
settings.load_profile("belatam")


def source_text_path() -> Path:
    """The primary source text: $BELATAM_SOURCE_TEXT, else ../shared beside the checkout."""
    configured = os.environ.get("BELATAM_SOURCE_TEXT")
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[2] / "shared/source/mfa-latin-america-2019.txt"
    )
    if not path.is_file():
        raise FileNotFoundError(
            f"the source text is needed for these tests; set BELATAM_SOURCE_TEXT (looked at {path})"
        )
    return path


@pytest.fixture(scope="session")
def data() -> belatam.Dataset:
    return belatam.dataset()


@pytest.fixture(scope="session")
def source_path() -> Path:
    return source_text_path()
