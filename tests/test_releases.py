"""`belatam.changes`: the data compared, record by record and field by field, with an earlier release."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import attrs
import pytest

import belatam
from belatam import Change, ChangeKind, Dataset
from belatam.read.codec import encode_all
from belatam.read.releases import compare, diff, fingerprint, release_fingerprint, releases

ROOT = Path(__file__).resolve().parent.parent


def modified(**tables: object) -> Dataset:
    return Dataset(**{**belatam.dataset().records(), **tables})  # type: ignore[arg-type]


def test_the_package_names_its_releases_oldest_first() -> None:
    known = releases()
    assert known[:2] == ("0.1.0", "0.2.0")
    assert list(known) == sorted(known, key=lambda v: tuple(map(int, v.split("."))))


def test_a_release_is_fingerprinted_when_it_is_cut() -> None:
    """A release version on main has its fingerprint, and the packaged data is what it fingerprints."""
    version = belatam.__version__
    if re.fullmatch(r"\d+\.\d+\.\d+", version):
        assert version == releases()[-1]
        assert belatam.changes(version) == ()
    else:  # between releases: the changelog says what is unreleased, and it is newer than the last release
        base = tuple(int(p) for p in re.findall(r"\d+", version)[:3])
        assert base > tuple(map(int, releases()[-1].split(".")))
        assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text("utf-8")


def test_an_edited_field_a_removed_and_an_added_record_are_each_one_change() -> None:
    records = belatam.dataset().records()
    first, *rest = records["events"]
    edited = attrs.evolve(first, summary=first.summary + " More.")
    removed = records["trade"][0]
    added = attrs.evolve(records["statements"][0], id="stm-new-in-a-test")
    data = modified(
        events=[edited, *rest],
        trade=records["trade"][1:],
        statements=[*records["statements"], added],
    )
    now = fingerprint(encode_all(records))  # the packaged data as if it were a release
    assert compare(now, records) == ()
    assert set(compare(now, data.records())) == {
        Change(kind="events", id=first.id, change="changed", fields=("summary",)),
        Change(kind="trade", id=removed.id, change="removed"),
        Change(kind="statements", id="stm-new-in-a-test", change="added"),
    }


def test_a_default_written_out_is_no_change() -> None:
    plain = {"id": "src-a", "title": "A", "publisher": "P"}
    explicit = {**plain, "language": "en", "note": None}
    assert diff(fingerprint({"sources": [plain]}), fingerprint({"sources": [explicit]})) == ()


def test_the_changes_since_0_2_0_are_this_rounds() -> None:
    """What the 0.3 round did, as the changelog tells it: the chronicle added, the ACS memberships dated."""
    changes = belatam.changes("0.2.0")
    by = {(c.kind, c.id): c for c in changes}
    assert by["postings", "pst-aleksandrov-cu"].change is ChangeKind.ADDED
    assert "since" in by["memberships", "mem-ag-acs"].fields  # founding members from 24 July 1994
    assert ("sources", "src-mfa-2019") not in by or by["sources", "src-mfa-2019"].change is ChangeKind.CHANGED
    counts = Counter(c.change for c in changes)
    assert counts[ChangeKind.ADDED] > 600 and counts[ChangeKind.REMOVED] == 0
    assert list(changes) == sorted(changes, key=lambda c: (belatam.model.KINDS.index(c.kind), c.id))


def test_kind_keeps_the_changes_of_those_record_types() -> None:
    every = belatam.changes("0.2.0")
    some = belatam.changes("0.2.0", kind=["trade", "statements"])
    assert some == tuple(c for c in every if c.kind in ("trade", "statements"))
    assert belatam.changes("v0.2.0") == every


def test_a_release_fingerprint_is_compact() -> None:
    stored = ROOT / "belatam" / "data" / "releases"
    if stored.is_dir():  # in a checkout; the wheel's copy is read through the package
        for path in stored.glob("*.json.gz"):
            assert path.stat().st_size < 100_000, path  # a tenth of the data files, not a copy
    assert all(len(d) == 10 for fields in release_fingerprint("0.2.0")["events"].values() for d in fields.values())


@pytest.mark.parametrize(
    ("since", "error", "words"),
    [
        ("9.9", LookupError, ["9.9", "major.minor.patch", "0.2.0"]),
        ("9.9.9", LookupError, ["9.9.9", "0.1.0", "0.2.0"]),
        (3, TypeError, ["since", "int", "0.2.0"]),
        (None, TypeError, ["since", "NoneType"]),
    ],
)
def test_an_unknown_release_names_the_known_ones(since: object, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as info:
        belatam.changes(since)  # type: ignore[arg-type]
    assert isinstance(info.value, belatam.BelatamError)
    assert all(w in str(info.value) for w in words)


def test_a_bad_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        belatam.changes("0.2.0", kind="event")  # type: ignore[arg-type]


def test_changes_are_a_frame_and_a_table() -> None:
    pytest.importorskip("pandas")
    frame = belatam.to_frame(belatam.changes("0.2.0", kind="statements"))
    assert list(frame.columns) == ["kind", "id", "change", "fields"]
    assert frame.loc[0, "fields"] == ["text"]
