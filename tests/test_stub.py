"""The stub's generated part is what the registry says: every record type and every query.

``.ci/stub.py`` writes the record types (the classes of each module of
`belatam.model.KINDS`) and the query helpers (the `Dataset` methods marked as
queries) into ``belatam/__init__.pyi``; a record type or a query added without
running it fails here, naming what is missing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import belatam
from belatam.model import KINDS, record_type
from belatam.query.packaged import QUERIES

TOOL = Path(__file__).resolve().parents[1] / ".ci" / "stub.py"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stub_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stub_is_what_the_tool_writes() -> None:
    stub = tool()
    text = Path(belatam.__file__).with_name("__init__.pyi").read_text(encoding="utf-8")
    assert stub.BEGIN in text and stub.END in text
    assert stub.rewritten(text) == text, "run: python .ci/stub.py"


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_type_is_a_public_name(kind: str) -> None:
    cls = record_type(kind)  # type: ignore[arg-type]
    assert getattr(belatam, cls.__name__) is cls
    assert cls.__name__ in belatam.__all__


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_is_a_helper(name: str) -> None:
    helper = getattr(belatam, name)
    assert helper.__name__ == name and helper.__module__ == "belatam"
    assert helper.__doc__ == getattr(belatam.Dataset, name).__doc__


def test_the_tool_refuses_nothing_it_did_not_write() -> None:
    stub = tool()
    text = Path(belatam.__file__).with_name("__init__.pyi").read_text(encoding="utf-8")
    broken = text.replace("events = _data.events\n", "")
    assert stub.rewritten(broken) == text  # the tool puts the missing helper back
