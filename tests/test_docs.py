"""The examples in the README and in docstrings run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import belatam

README = Path(__file__).resolve().parents[1] / "README.md"
MODULES = [
    "belatam",
    *sorted(m.name for m in pkgutil.walk_packages(belatam.__path__, "belatam.") if not m.name.endswith("__main__")),
]


def test_readme_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
