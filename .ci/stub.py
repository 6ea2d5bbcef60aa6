"""Write the generated part of ``belatam/__init__.pyi``: the record types and the query helpers.

The record types are the kinds of `belatam.model.KINDS`: each module's public
classes (the record class and its vocabularies) become public names of
``belatam``. The helpers are the `Dataset` methods marked as queries: each is
typed as the method of the packaged data set (``events = _data.events``).
Run ``python .ci/stub.py`` after adding a record type or a query;
``tests/test_registry.py`` fails while the stub and the registry differ.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

STUB = Path(__file__).resolve().parents[1] / "belatam" / "__init__.pyi"
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


if __name__ == "__main__":
    text = STUB.read_text(encoding="utf-8")
    new = rewritten(text)
    if new != text:
        STUB.write_text(new, encoding="utf-8")
        print(f"{STUB}: rewritten", file=sys.stderr)
