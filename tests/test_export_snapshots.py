"""The export contracts as reviewed snapshots: the Arrow schema and the Table Schema of every record type.

Both are derived from the record classes (`belatam.exports.arrow.schema`,
`belatam.exports.datapackage.table_schema`), so no hand-written copy of them
exists to compare against. Instead the derived contract is kept in a file under
``tests/snapshots/``, and a test fails, showing a unified diff, when what the
code derives differs from the file:

- ``tests/snapshots/arrow-schemas.txt``: one block per record type, a line per
  column (``name: type``, ``not null`` where a value is always present);
- ``tests/snapshots/table-schemas.json``: ``{kind: Table Schema}``;
- ``tests/snapshots/jsonld-context.json``: the JSON-LD context of the export
  (`belatam.exports.jsonld.context`), the terms linked data is read by.

When a change of the contract is intended (a new field, a new type), run the
tests with ``BELATAM_UPDATE_SNAPSHOTS=1``: the files are rewritten from the code
instead of compared, and the change shows up in ``git diff``. A human reviews
that diff and commits it with the change that caused it; downstream users read
the same diff in the history, since these schemas are what their Parquet
readers and Frictionless validators see.

Needs pyarrow (the test-extras).
"""

from __future__ import annotations

import difflib
import json
import os
import warnings
from pathlib import Path

import pytest

from belatam.exports.arrow import schema
from belatam.exports.datapackage import table_schema
from belatam.exports.jsonld import context
from belatam.model import KINDS

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = "BELATAM_UPDATE_SNAPSHOTS"


def arrow_schemas() -> str:
    """The Arrow schema of every record type, as text a diff reads well."""
    blocks = [
        "# The Arrow schema of every record type (belatam.exports.arrow.schema): a column per line.\n"
        f"# Derived from the record classes; regenerate with {UPDATE}=1 and review the diff.\n"
    ]
    for kind in KINDS:
        lines = [f"[{kind}]"]
        lines += [f"{f.name}: {f.type}{'' if f.nullable else ' not null'}" for f in schema(kind)]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def table_schemas() -> str:
    """The Table Schema of every record type's CSV file, as indented JSON."""
    return json.dumps({kind: table_schema(kind) for kind in KINDS}, indent=2, ensure_ascii=False) + "\n"


def check_snapshot(path: Path, derived: str) -> None:
    """Compare ``derived`` to the snapshot at ``path``: fail with a diff, or rewrite the file under the variable."""
    if os.environ.get(UPDATE) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != derived:
            path.write_text(derived, encoding="utf-8", newline="\n")
            warnings.warn(f"rewrote the snapshot {path}: review the diff before committing it", stacklevel=2)
        return
    if not path.is_file():
        pytest.fail(f"no snapshot {path}; run the tests with {UPDATE}=1 to write it, then review and commit it")
    recorded = path.read_text(encoding="utf-8")
    if recorded != derived:
        diff = difflib.unified_diff(
            recorded.splitlines(keepends=True),
            derived.splitlines(keepends=True),
            fromfile=f"{path.name} (the reviewed snapshot)",
            tofile=f"{path.name} (derived from the code)",
        )
        pytest.fail(
            f"the derived contract differs from {path}:\n{''.join(diff)}\n"
            f"If the change is intended, run the tests with {UPDATE}=1 and commit the reviewed diff.",
            pytrace=False,
        )


# -- the contracts ---------------------------------------------------------------------


def test_the_arrow_schemas_are_the_reviewed_snapshot() -> None:
    check_snapshot(SNAPSHOTS / "arrow-schemas.txt", arrow_schemas())


def test_the_table_schemas_are_the_reviewed_snapshot() -> None:
    check_snapshot(SNAPSHOTS / "table-schemas.json", table_schemas())


def test_the_jsonld_context_is_the_reviewed_snapshot() -> None:
    check_snapshot(SNAPSHOTS / "jsonld-context.json", json.dumps(context(), indent=2, ensure_ascii=False) + "\n")


def test_the_snapshots_cover_every_record_type() -> None:
    arrow = (SNAPSHOTS / "arrow-schemas.txt").read_text(encoding="utf-8")
    assert [line[1:-1] for line in arrow.splitlines() if line.startswith("[")] == list(KINDS)
    tables = json.loads((SNAPSHOTS / "table-schemas.json").read_text(encoding="utf-8"))
    assert list(tables) == list(KINDS)


# -- the mechanism ---------------------------------------------------------------------


def test_a_difference_fails_with_a_readable_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE, raising=False)
    snapshot = tmp_path / "arrow-schemas.txt"
    derived = arrow_schemas()
    snapshot.write_text(derived.replace("year: int64 not null", "year: int32 not null"), encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failure:
        check_snapshot(snapshot, derived)
    message = str(failure.value)
    assert "-year: int32 not null\n" in message
    assert "+year: int64 not null\n" in message
    assert "[trade]" in message  # the context names the record type
    assert f"{UPDATE}=1" in message
    snapshot.write_text(derived, encoding="utf-8")
    check_snapshot(snapshot, derived)  # the same text passes


def test_a_missing_snapshot_fails_and_says_how_to_write_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE, raising=False)
    with pytest.raises(pytest.fail.Exception, match=f"{UPDATE}=1 to write it"):
        check_snapshot(tmp_path / "absent.txt", "anything\n")


def test_the_update_variable_rewrites_the_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = tmp_path / "snapshots" / "table-schemas.json"
    monkeypatch.setenv(UPDATE, "1")
    with pytest.warns(UserWarning, match="rewrote the snapshot"):
        check_snapshot(snapshot, table_schemas())  # written where there was none
    snapshot.write_text("{}\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="review the diff"):
        check_snapshot(snapshot, table_schemas())  # and rewritten where it differs
    assert snapshot.read_text(encoding="utf-8") == table_schemas()
    monkeypatch.delenv(UPDATE)
    check_snapshot(snapshot, table_schemas())  # which now passes
