"""Write the generated parts of ``belatam/__init__.pyi`` (the record types and the query helpers) and
of ``belatam/__init__.py`` (the table of every public name the stub lists, for the run time).

The record types are the kinds of `belatam.model.KINDS`: each module's public
classes (the record class and its vocabularies) become public names of
``belatam``. The helpers are the `Dataset` methods marked as queries: each is
typed as the method of the packaged data set (``events = _data.events``).
Run ``python .ci/stub.py`` after adding a record type or a query;
``tests/test_registry.py`` fails while the stub and the registry differ.
"""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path

STUB = Path(__file__).resolve().parents[1] / "belatam" / "__init__.pyi"
INIT = STUB.with_suffix(".py")
BEGIN = "# -- the record types and the query helpers: written by .ci/stub.py, checked by tests/test_registry.py --"
END = "# -- end of the generated part --"


def generated() -> str:
    """The generated part, markers included."""
    from belatam.model import KINDS
    from belatam.query.packaged import QUERIES

    imports = []
    for kind in KINDS:
        module = importlib.import_module(f"belatam.model.{kind}")
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and value.__module__ == module.__name__ and value.__name__ == name:
                imports.append(f"from {module.__name__} import {name} as {name}")
    lines = [BEGIN, "_data: Dataset", "", *sorted(imports), ""]
    lines += [f"{name} = _data.{name}" for name in sorted(QUERIES)]
    lines.append(END)
    return "\n".join(lines)


def rewritten(text: str) -> str:
    """The stub's text with its generated part made anew."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + generated() + tail


NAMES_BEGIN = "# -- the public names: written by .ci/stub.py from __init__.pyi, checked by tests/test_registry.py --"
NAMES_END = "# -- end of the generated part --"


def names(stub: str) -> dict[str, tuple[str, str | None]]:
    """``{name: (module, attribute)}`` for every public name of the stub's text, read with `ast`."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in ast.parse(stub).body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if alias.asname == alias.name:
                    whole = node.module == "belatam"
                    found[alias.name] = (f"belatam.{alias.name}", None) if whole else (node.module, alias.name)
        elif isinstance(node, ast.Assign) and ast.unparse(node.value) == f"_data.{ast.unparse(node.targets[0])}":
            found[ast.unparse(node.targets[0])] = ("belatam.query.packaged", ast.unparse(node.targets[0]))
    return dict(sorted(found.items()))


def rewritten_init(init: str, stub: str) -> str:
    """``__init__.py``'s text with its table of public names made anew from the stub's text."""
    head, _, rest = init.partition(NAMES_BEGIN)
    _, _, tail = rest.partition(NAMES_END)
    lines = [
        f"    {json.dumps(name)}: ({json.dumps(where[0])}, {json.dumps(where[1])}),"
        for name, where in names(stub).items()
    ]
    lines = [line.replace(", null)", ", None)") for line in lines]
    table = "_NAMES: dict[str, tuple[str, str | None]] = {\n" + "\n".join(lines) + "\n}"
    return head + NAMES_BEGIN + "\n" + table + "\n" + NAMES_END + tail


if __name__ == "__main__":
    text = STUB.read_text(encoding="utf-8")
    new = rewritten(text)
    if new != text:
        STUB.write_text(new, encoding="utf-8")
        print(f"{STUB}: rewritten", file=sys.stderr)
    init = INIT.read_text(encoding="utf-8")
    new_init = rewritten_init(init, new)
    if new_init != init:
        INIT.write_text(new_init, encoding="utf-8")
        print(f"{INIT}: rewritten", file=sys.stderr)
