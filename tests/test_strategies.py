"""The generated data sets (`strategies.datasets`) draw every record type and what the schema says they hold.

They are built from the schema, so a new record type is drawn without an edit;
these tests show that each is, and that what the hand-written strategies of
0.3 never drew (accreditations, postings, names in other languages, Wikidata
ids) now turns up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import NoSuchExample
from strategies import DRAWING_ORDER, datasets, refers

from belatam import Dataset
from belatam.model import KINDS, record_type

FIND = settings(database=None, max_examples=500, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
"""Draw until each has turned up (not shrinking what was found: that would take minutes)."""


def test_every_kind_is_drawn_after_the_kinds_it_refers_to() -> None:
    assert sorted(DRAWING_ORDER) == sorted(KINDS)
    for position, kind in enumerate(DRAWING_ORDER):
        assert refers(record_type(kind)) - {kind} <= set(DRAWING_ORDER[:position]), kind


def holding(kind: str) -> Callable[[Dataset], bool]:
    return lambda ds: bool(ds.records()[kind])  # type: ignore[index]


def every(ds: Dataset) -> list[object]:
    return [r for records in ds.records().values() for r in records]


WANTED: dict[str, Callable[[Dataset], bool]] = {
    **{f"some {kind}": holding(kind) for kind in KINDS},
    "a name in another language": lambda ds: any(getattr(r, "names", ()) for r in every(ds)),
    "a Wikidata id": lambda ds: any(getattr(r, "wikidata", None) for r in every(ds)),
    "a role with an office": lambda ds: any(role.office for p in ds.people() for role in p.roles),
    "an accreditation with a date": lambda ds: any(a.began or a.seen for a in ds.records()["accreditations"]),  # type: ignore[attr-defined]
    "an organisation with parties": lambda ds: any(o.parties for o in ds.organizations()),
}


@pytest.mark.slow  # draws data sets until each of these has turned up
def test_the_data_sets_hold_every_record_type_and_what_the_schema_allows() -> None:
    seen: set[str] = set()

    def all_seen(ds: Dataset) -> bool:
        seen.update(what for what, holds in WANTED.items() if holds(ds))
        return seen == set(WANTED)

    with contextlib.suppress(NoSuchExample):
        find(datasets(), all_seen, settings=FIND)
    assert set(WANTED) - seen == set()
