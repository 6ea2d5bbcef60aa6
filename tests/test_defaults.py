"""The default answer of every query, pinned: a change to one is deliberate, reviewed and in the changelog.

Downstream packages pin a version and rely on the same answers from it. The
answer of each query asked with no filters (on the reference date, where it
answers for a day), and what it says it leaves out, is kept in
``tests/snapshots/default-answers.json``; the queries are read from the
`Dataset`'s declarations, so a new query is pinned without a test edit. When a
change of a default answer is intended (new data, a corrected fact), run the
tests with ``BELATAM_UPDATE_SNAPSHOTS=1``, review the diff, and say in
CHANGELOG.md which answers changed and why.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any

from belatam import Dataset
from belatam.model.schema import describe
from belatam.query.dataset import Query

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "default-answers.json"


def key(record: Any) -> str:
    identity = describe(type(record)).identity
    return str(getattr(record, identity.name)) if identity is not None else str(record)


def answers(data: Dataset) -> dict[str, Any]:
    """``{query: {"count", "ids", "unknown"}}`` for every listing query; ``roles`` once per person."""
    found: dict[str, Any] = {}
    for name, member in vars(Dataset).items():
        declared = getattr(member, "__belatam__", None)
        if not isinstance(declared, Query) or declared.one or declared.required or declared.text:
            continue
        keyed = [p for p in list(inspect.signature(member).parameters.values())[1:] if p.kind is p.POSITIONAL_ONLY]
        calls = {name: ()} if not keyed else {f"{name}({p.id})": (p.id,) for p in data.people()}
        for label, args in calls.items():
            result = getattr(data, name)(*args)
            found[label] = {
                "count": len(result),
                "ids": [key(r) for r in result],
                "unknown": [key(r) for r in getattr(result, "unknown", ())],
            }
    return found


def test_the_default_answers_are_the_pinned_ones(data: Dataset) -> None:
    now = json.dumps(answers(data), indent=1, ensure_ascii=False) + "\n"
    if os.environ.get("BELATAM_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(now, encoding="utf-8")
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = sorted(q for q in set(pinned) | set(json.loads(now)) if pinned.get(q) != json.loads(now).get(q))
    assert not changed, f"default answers changed: {', '.join(changed)} (see this module's docstring)"


def test_the_pinned_defaults_are_the_sources(data: Dataset) -> None:
    """The reference date's answers are the primary source's: 31 states with relations, 22 missions."""
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert pinned["missions"]["count"] == 22
    assert pinned["partners"]["ids"] == ["BR", "CU", "VE"]
    assert pinned["memberships"]["count"] == 32
    assert len(data.countries(relations=True)) == 31
