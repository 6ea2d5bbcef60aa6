"""The package's layers: data flows one way, and no module imports one above it.

Every ``import`` of a belatam module is read from the source, those inside
functions included, and checked against the layers below, from the bottom:
the JSON files and the errors, the dates, the schema and the records, the
codec and the integrity checks, the data set and its queries, the loader, the
packaged helpers, then what turns records into output (exports, plots,
provenance) and the command line. No module imports one in a higher layer,
and there is no cycle at all, not even hidden in a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import belatam

PACKAGE = Path(belatam.__file__).parent

LAYERS: list[tuple[str, ...]] = [
    ("belatam.errors", "belatam.text", "belatam.extras", "belatam.data"),
    ("belatam.dates",),
    ("belatam.model.schema",),
    ("belatam.model.validity",),
    ("belatam.model", "belatam.model.columns", "belatam.model.html", "belatam.model.record"),
    ("belatam.model.*",),
    (
        "belatam.arguments",
        "belatam.citation",
        "belatam.codec",
        "belatam.integrity",
        "belatam.matching",
        "belatam.releases",
        "belatam.results",
        "belatam.timeline",
    ),
    ("belatam.queries",),
    ("belatam.loader",),
    ("belatam.packaged",),
    ("belatam.exports", "belatam.exports.*", "belatam.plots", "belatam.provenance"),
    ("belatam.cli", "belatam.__main__"),
]
"""From the bottom up; ``belatam`` itself, the lazy public facade, stands outside them."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(name: str) -> int:
    for rank, members in enumerate(LAYERS):
        if name in members:
            return rank
    for rank, members in enumerate(LAYERS):
        if any(m.endswith(".*") and name.startswith(m[:-1]) for m in members):
            return rank
    raise AssertionError(f"{name} is in no layer: add it to LAYERS where it belongs")


def imports(name: str) -> set[str]:
    """The belatam modules ``name`` imports anywhere in its source."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found |= {t for t in targets if t in MODULES and t != name}
    return found


GRAPH = {name: imports(name) for name in MODULES if name != "belatam"}


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_no_module_imports_one_in_a_higher_layer(name: str) -> None:
    above = sorted(t for t in GRAPH[name] if t != "belatam" and layer(t) > layer(name))
    assert not above, f"{name} (layer {layer(name)}) imports {above}"


def test_there_is_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join((*path[path.index(name) :], name)))
        if name in done:
            return
        for target in sorted(GRAPH.get(name, ())):
            visit(target, (*path, name))
        done.add(name)

    for name in sorted(GRAPH):
        visit(name, ())


def test_the_check_finds_an_upward_import() -> None:
    assert layer("belatam.queries") > layer("belatam.codec")
    assert "belatam.codec" in GRAPH["belatam.loader"]
    assert "belatam.queries" in GRAPH["belatam.packaged"]
