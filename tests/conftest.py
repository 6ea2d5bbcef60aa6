"""Shared fixtures: the packaged data set and the primary source text.

The source text is not shipped (see README.md). Tests that need it take the
``source_path`` fixture, which finds it at ``$BELATAM_SOURCE_TEXT`` or at
``../shared/source/`` beside the checkout, and skips them when it is absent.
``BELATAM_REQUIRE_SOURCE_TEXT=1`` (set by ``.ci/run``) turns that skip into a
failure, so CI can never pass without them.

Hypothesis runs with the ``belatam`` profile (no deadline: a busy machine
must not turn a slow example into a failure); ``HYPOTHESIS_PROFILE=ci``
selects ``belatam-ci``, derandomised and without an example database, so a
red CI run gives the same examples when it is run again.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import belatam

settings.register_profile("belatam", deadline=None)
settings.register_profile("belatam-ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("belatam-ci" if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else "belatam")

SOURCE_TEXT = "BELATAM_SOURCE_TEXT"
REQUIRE_SOURCE_TEXT = "BELATAM_REQUIRE_SOURCE_TEXT"


def source_text_path() -> Path | None:
    """The primary source text: $BELATAM_SOURCE_TEXT, else ../shared beside the checkout; None if absent."""
    configured = os.environ.get(SOURCE_TEXT)
    path = (
        Path(configured)
        if configured
        else Path(__file__).resolve().parents[2] / "shared/source/mfa-latin-america-2019.txt"
    )
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def data() -> belatam.Dataset:
    return belatam.dataset()


@pytest.fixture(scope="session")
def source_path() -> Path:
    path = source_text_path()
    if path is None:
        reason = f"the source text is not shipped; set {SOURCE_TEXT} to a copy of mfa-latin-america-2019.txt"
        if os.environ.get(REQUIRE_SOURCE_TEXT) == "1":
            pytest.fail(f"{REQUIRE_SOURCE_TEXT}=1 but {reason}")
        pytest.skip(reason)
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the property tests ``slow``: ``pytest -m "not slow"`` runs the rest, in well under a minute.

    A property test draws many data sets (hypothesis); they are most of the
    suite's time. The quick run keeps every example-based test, so it still
    covers every query, export and error path; the full run (CI's) adds the
    properties.
    """
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
