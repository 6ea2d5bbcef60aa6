"""The registry of record types holds together: each is a module, a data file, a name and a query.

A record type is its module in ``belatam/model/`` (with ``RECORD``), its data
file, its name in `belatam.Kind` and its query method; everything else follows.
These tests name what is missing when one of them is forgotten, and check that
the stub's generated part (written by ``.ci/stub.py``: the record types and the
query helpers) is what the registry says.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
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


def test_the_run_time_table_of_names_is_what_the_tool_reads_from_the_stub() -> None:
    stub = tool()
    text = Path(belatam.__file__).with_name("__init__.pyi").read_text(encoding="utf-8")
    init = Path(belatam.__file__).read_text(encoding="utf-8")
    assert stub.rewritten_init(init, text) == init, "run: python .ci/stub.py"
    assert stub.names(text) == belatam._NAMES
    assert stub.names("from belatam.dates import (\n    Period as Period,\n)\nx = _data.x\n") == {
        "Period": ("belatam.dates", "Period"),
        "x": ("belatam.query.packaged", "x"),
    }  # a parenthesised import is read as well


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


def test_every_model_module_with_a_record_type_is_registered() -> None:
    import belatam.model

    declared = []
    for module in pkgutil.iter_modules(belatam.model.__path__):
        imported = importlib.import_module(f"belatam.model.{module.name}")
        if hasattr(imported, "RECORD"):
            declared.append(module.name)
    assert sorted(declared) == sorted(KINDS), "add the module's name to belatam.model.Kind, in loading order"


def test_every_packaged_data_file_is_a_record_type() -> None:
    folder = Path(belatam.__file__).parent / "data"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(KINDS)


def test_a_dataset_takes_every_record_type_by_name() -> None:
    keywords = list(inspect.signature(belatam.Dataset).parameters)
    assert keywords == list(KINDS), "give Dataset() a keyword per record type, in loading order"


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_type_has_a_query(kind: str) -> None:
    marks = [getattr(belatam.Dataset, name).__belatam__ for name in QUERIES]
    assert any(mark.kind == kind and not mark.one for mark in marks), f"mark a Dataset method @query({kind!r})"
