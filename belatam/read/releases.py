"""What changed in the data between releases: a fingerprint per release, compared field by field.

A release keeps no copy of its data, only a fingerprint of it
(``belatam/data/releases/<version>.json.gz``): for every record, by record type
and id, a short digest of each field's JSON value. Comparing the fingerprint
of an earlier release with the records of a data set gives `Change` records:
what was added, what was removed, and which fields of the rest changed.
``.ci/release.py`` writes the fingerprint when a release is cut.

A field whose value is its default (None, an empty list, the class's default)
counts as absent, so a default written out in one release and left out in
another is no change.

    >>> from belatam.model.statements import Statement, Topic
    >>> before = fingerprint({"statements": [{"id": "stm-a", "topic": "trade", "text": "Old."}]})
    >>> after = Statement(id="stm-a", topic=Topic.TRADE, text="New.")
    >>> [(c.id, c.change.value, c.fields) for c in compare(before, {"statements": [after]})]
    [('stm-a', 'changed', ('text',))]
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from belatam.data import read
from belatam.errors import InvalidTypeError, UnknownReleaseError, quote
from belatam.model import KINDS, Kind, record_type
from belatam.model.record import Vocabulary
from belatam.model.schema import describe, info, strings

__all__ = [
    "RELEASES",
    "Change",
    "ChangeKind",
    "Fingerprint",
    "compare",
    "diff",
    "fingerprint",
    "release_fingerprint",
    "releases",
]

Fingerprint = dict[str, dict[str, dict[str, str]]]
"""Record type -> record id -> field -> digest of the field's JSON value."""

RELEASES = "releases"
"""The folder of ``belatam/data`` that holds a fingerprint per release."""

_VERSION = re.compile(r"\d+\.\d+\.\d+")


class ChangeKind(Vocabulary):
    """How a record differs from the release compared with."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@attrs.frozen(kw_only=True)
class Change:
    """A record added, removed or changed since an earlier release, and the fields that changed.

    ``id`` is the record's identity (its ``id``, a country's code); look the
    record up with ``belatam.record(change.id)`` (a removed one is not there).
    """

    ORDER: ClassVar[tuple[str, ...]] = ("kind", "id")

    kind: str = attrs.field(metadata=info("The record type, as its data file is named ('events').", table=True))
    id: str = attrs.field(metadata=info("The record's identity (its id; a country's code).", table=True))
    change: ChangeKind = attrs.field(
        converter=ChangeKind, metadata=info("Added, removed, or changed since the release.", table=True)
    )
    fields: tuple[str, ...] = attrs.field(
        default=(),
        converter=strings,
        metadata=info("The fields whose values differ (changed records only).", table=True),
    )


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=5).hexdigest()


@functools.cache
def _defaults(kind: Kind) -> tuple[str, dict[str, object]]:
    """The identity field of a record type and its fields' default values, as JSON writes them."""
    cls = record_type(kind)
    schema = describe(cls)
    identity = next((f.name for f in schema.fields if f.identity), "id")
    defaults: dict[str, object] = {}
    for field in attrs.fields(cls):
        default = field.default
        if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            continue
        defaults[field.name] = default.value if isinstance(default, enum.Enum) else default
    return identity, defaults


def _fields(kind: Kind, record: Mapping[str, Any]) -> dict[str, str]:
    _, defaults = _defaults(kind)
    return {
        name: _digest(value)
        for name, value in record.items()
        if value not in (None, [], {}, ()) and not (name in defaults and value == defaults[name])
    }


def fingerprint(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> Fingerprint:
    """The fingerprint of records in their JSON form, by record type (the form of the data files)."""
    found: Fingerprint = {}
    for kind in KINDS:
        identity, _ = _defaults(kind)
        if kind in tables:
            found[kind] = {str(r.get(identity, r.get("id"))): _fields(kind, r) for r in tables[kind]}
    return found


@functools.cache
def releases() -> tuple[str, ...]:
    """The releases whose fingerprints the package holds, oldest first ('0.1.0', '0.2.0', ...)."""
    return tuple(json.loads(read(RELEASES, "index.json")))


@functools.cache
def release_fingerprint(version: str) -> Fingerprint:
    """The fingerprint of a release's data, read from the package."""
    import gzip

    stored = json.loads(gzip.decompress(read(RELEASES, f"{version}.json.gz")))
    records: Fingerprint = stored["records"]
    return records


def check_release(since: object) -> str:
    """``since`` as a release the package holds a fingerprint of, else a clear error listing them."""
    known = releases()
    if not isinstance(since, str):
        raise InvalidTypeError(
            f"since must be a release as a string, such as {quote(known[-1])}, not {type(since).__name__}: "
            f"{quote(since)}; releases: {', '.join(known)}"
        )
    wanted = since.strip().removeprefix("v")
    if wanted not in known:
        shape = "" if _VERSION.fullmatch(wanted) else "a release is written major.minor.patch; "
        raise UnknownReleaseError("since", since, known, hint=shape)
    return wanted


def compare(before: Fingerprint, tables: Mapping[str, Sequence[object]]) -> tuple[Change, ...]:
    """The changes from a release's fingerprint to these records (by record type), in loading order, then by id."""
    from belatam.read.codec import encode_all

    return diff(before, fingerprint(encode_all(tables)))


def diff(before: Fingerprint, after: Fingerprint) -> tuple[Change, ...]:
    """The changes between two fingerprints, for the record types ``after`` holds."""
    changes: list[Change] = []
    for kind in KINDS:
        if kind not in after:
            continue
        old, new = before.get(kind, {}), after[kind]
        for key in sorted(old.keys() | new.keys()):
            if key not in old:
                changes.append(Change(kind=kind, id=key, change=ChangeKind.ADDED))
            elif key not in new:
                changes.append(Change(kind=kind, id=key, change=ChangeKind.REMOVED))
            else:
                a, b = old[key], new[key]
                fields = sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
                if fields:
                    changes.append(Change(kind=kind, id=key, change=ChangeKind.CHANGED, fields=tuple(fields)))
    return tuple(changes)
