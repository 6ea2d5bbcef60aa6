"""The package's layers are its folders: data flows one way, and no module imports one above it.

Every ``import`` of a belatam module is read from the source, those inside
functions included. The layers, from the bottom: the base (the modules at the
top of the package that import no folder: the errors, the dates, the text
helpers, the packaged files), then the folders in the order data flows through
them (``model``, ``read``, ``query``, ``exports``), then the front ends (the
modules at the top that do import a folder: the command line, the charts, the
source check). No module imports one in a higher layer, no folder imports a
front end, and there is no cycle at all, not even hidden in a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import belatam

PACKAGE = Path(belatam.__file__).parent

FOLDERS = ("model", "read", "query", "exports")
"""The folders in the order data flows through them; a new folder must take its place here."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def folder(name: str) -> str | None:
    """The folder a module is in (None for a module at the top of the package)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else None


def front(name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a module at the top imports a folder, itself or through another module at the top."""
    return any(
        folder(t) in FOLDERS or (folder(t) is None and t not in seen and front(t, seen | {name}))
        for t in GRAPH[name]
        if t != "belatam"
    )


def layer(name: str) -> int:
    """0 for the base, 1 and up for the folders in order, one above them for the front ends."""
    where = folder(name)
    if where is None:
        return len(FOLDERS) + 1 if front(name) else 0
    if where == "data":
        return 0
    assert where in FOLDERS, f"belatam/{where}/ is no layer: add it to FOLDERS where data flows through it"
    return FOLDERS.index(where) + 1


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


def test_the_layers_are_what_the_folders_say() -> None:
    assert [layer(n) for n in ("belatam.errors", "belatam.dates", "belatam.data")] == [0, 0, 0]
    assert layer("belatam.model.schema") < layer("belatam.read.codec") < layer("belatam.query.dataset")
    assert layer("belatam.query.dataset") < layer("belatam.exports.arrow") < layer("belatam.cli")
    assert layer("belatam.__main__") == layer("belatam.plots") == layer("belatam.cli")


def test_the_check_finds_an_upward_import() -> None:
    assert layer("belatam.query.dataset") > layer("belatam.read.codec")
    assert "belatam.read.codec" in GRAPH["belatam.read.loader"]
    assert "belatam.query.dataset" in GRAPH["belatam.query.packaged"]
