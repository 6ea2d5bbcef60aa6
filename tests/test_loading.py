"""Loading happens on first use, once, thread-safely, from the package's resources."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest

import belatam
from belatam.model import KINDS
from belatam.query import packaged


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_reads_nothing_and_leaves_cattrs_unimported() -> None:
    out = run_python(
        "import sys, belatam, belatam.query.packaged as p;"
        "print('cattrs' in sys.modules, 'belatam.read.loader' in sys.modules, p._data is None)"
    )
    assert out == "False False True"


def test_import_defines_no_records_until_a_name_is_used() -> None:
    out = run_python("import sys, belatam; print(sorted(m for m in sys.modules if m.startswith('belatam')))")
    assert out == "['belatam']"


def test_every_public_name_resolves_and_is_listed() -> None:
    for name in belatam.__all__:
        assert getattr(belatam, name) is not None, name
    assert set(belatam.__all__) <= set(dir(belatam))
    assert {"plots", "__version__", "DATA_VERSION", "Dataset", "events"} <= set(dir(belatam))


def test_plots_is_an_attribute_after_import_belatam() -> None:
    out = run_python("import belatam; print(belatam.plots.__name__, callable(belatam.plots.timeline))")
    assert out == "belatam.plots True"


def test_star_import_gives_the_public_names() -> None:
    out = run_python("from belatam import *; print(Country.__name__, events.__name__, 'evnets' in dir())")
    assert out == "Country events False"


def test_first_query_loads_once_without_cattrs_or_importlib_resources() -> None:
    out = run_python(
        "import sys, belatam, belatam.query.packaged as p;"
        "belatam.partners(); d = p._data; belatam.events(year=2018);"
        "print('cattrs' in sys.modules, 'importlib.resources' in sys.modules, d is p._data is belatam.dataset())"
    )
    assert out == "False False True"


def test_concurrent_first_use_builds_one_dataset() -> None:
    from belatam.read import loader

    calls: list[int] = []
    real = loader.packaged

    def counting() -> Callable[[str], list[Any]]:
        calls.append(1)
        return real()

    setattr(loader, "packaged", counting)  # noqa: B010
    saved = packaged._data
    packaged._data = None
    try:
        barrier = threading.Barrier(8)
        seen: list[belatam.Dataset] = []

        def worker() -> None:
            barrier.wait()
            seen.append(belatam.dataset())

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(calls) == 1
        assert len({id(d) for d in seen}) == 1
    finally:
        setattr(loader, "packaged", real)  # noqa: B010
        packaged._data = saved


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert belatam.__version__ == version("belatam")


def test_unknown_module_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="nonexistent"):
        belatam.nonexistent  # type: ignore[attr-defined]  # noqa: B018


def test_no_submodule_shadows_a_public_name() -> None:
    """Importing a submodule binds it on the package: none may be named like a public function."""
    out = run_python(
        "import importlib, pkgutil, types, belatam\n"
        "for m in pkgutil.walk_packages(belatam.__path__, 'belatam.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "bad = [n for n in belatam.__all__ if isinstance(getattr(belatam, n), types.ModuleType) and n != 'plots']\n"
        "print(bad, callable(belatam.dataset), callable(belatam.export))"
    )
    assert out == "[] True True"


def test_the_run_time_reader_of_the_stub_sees_every_name_the_type_checkers_see() -> None:
    """``__init__.py`` reads ``__init__.pyi`` with `ast`: every import re-exported as itself, and
    every ``NAME = _data.NAME`` helper, is a public name at run time, and nothing else is."""
    import ast
    from pathlib import Path

    stub = Path(belatam.__file__).with_name("__init__.pyi").read_text(encoding="utf-8")
    declared: set[str] = set()
    for node in ast.parse(stub).body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                assert alias.asname == alias.name, f"{ast.unparse(node)}: re-export it as itself (import X as X)"
                declared.add(alias.name)
        elif isinstance(node, ast.Assign):  # a query helper, typed as the method of the packaged data set
            assert ast.unparse(node.value) == f"_data.{ast.unparse(node.targets[0])}", ast.unparse(node)
            declared.add(ast.unparse(node.targets[0]))
        else:  # the docstring, ``__version__: str`` and ``_data: Dataset``
            assert isinstance(node, (ast.Expr, ast.AnnAssign)), ast.unparse(node)
    assert declared == set(belatam.__all__)


@pytest.mark.parametrize("kind", KINDS)
def test_the_packaged_files_pass_what_a_folder_is_refused_for(kind: str) -> None:
    """The packaged files are read as plain JSON (`belatam.read.loader.packaged`): what `load` refuses
    in a folder (a key twice, ``NaN``, an unpaired surrogate) is checked here once, for every file."""
    import json

    from belatam.data import read
    from belatam.read.loader import read_json

    content = read(f"{kind}.json")
    assert read_json(f"{kind}.json", content) == json.loads(content)
