"""The examples on the documentation site (docs/*.md) run as doctests.

Every page with a ``>>>`` example is run with the flags the Sphinx doctest
builder uses (docs/conf.py), so the site never shows an answer the package
does not give. Needs only the package and pytest, not Sphinx.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(p for p in DOCS.glob("*.md") if ">>>" in p.read_text(encoding="utf-8"))
MUST_HAVE_EXAMPLES = {"tutorial.md", "quickstart.md"}
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def test_the_pages_with_examples_are_found() -> None:
    assert {p.name for p in PAGES} >= MUST_HAVE_EXAMPLES, f"looked in {DOCS}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_examples(page: Path) -> None:
    result = doctest.testfile(str(page), module_relative=False, optionflags=FLAGS, encoding="utf-8")
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {page.name}"
    if page.name in MUST_HAVE_EXAMPLES:
        assert result.attempted > 0
