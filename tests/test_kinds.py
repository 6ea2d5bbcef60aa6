"""Value kinds are objects: the package asks a field's kind and never switches on its name.

`belatam.model.kinds` holds one object per kind of value. These tests check
that every field of every record type has one, that no module outside the
kinds module compares a kind with its name (the rule that keeps a new kind of
value to one class), and that a record class a kind cannot serve is refused
where it is defined.
"""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest

import belatam
from belatam.model import KINDS, record_type
from belatam.model.kinds import DAY, Problem, ValueKind
from belatam.model.kinds import KINDS as VALUE_KINDS
from belatam.model.record import Record
from belatam.model.schema import describe, info

PACKAGE = Path(belatam.__file__).parent
NAMES = {str(k) for k in (*VALUE_KINDS, DAY)}


def every_field() -> list[tuple[str, object]]:
    found = []
    for kind in KINDS:
        for field in describe(record_type(kind)).all_fields():
            found.append((f"{kind}.{field.name}", field))
            found += [(f"{kind}.{field.name}.{f.name}", f) for f in field.inner]
    return found


@pytest.mark.parametrize(("where", "field"), every_field(), ids=[w for w, _ in every_field()])
def test_every_field_has_a_value_kind_that_reads_as_its_name(where: str, field: object) -> None:
    kind = field.kind  # type: ignore[attr-defined]
    assert isinstance(kind, ValueKind) and kind in VALUE_KINDS, where
    assert kind == str(kind) and str(kind) in NAMES


def test_a_value_kind_is_equal_to_its_name_and_hashes_alike() -> None:
    assert {k: str(k) for k in VALUE_KINDS} == {str(k): str(k) for k in VALUE_KINDS}
    assert len(set(VALUE_KINDS)) == len(VALUE_KINDS)


def names_a_kind(node: ast.expr) -> bool:
    """``kind``, ``x.kind``, ``x.kind.name`` or ``str(x.kind)``: what a kind's value is compared by."""
    return any(
        (isinstance(n, ast.Name) and n.id == "kind") or (isinstance(n, ast.Attribute) and n.attr == "kind")
        for n in ast.walk(node)
    )


def branches_on_a_kind_name(path: Path) -> list[str]:
    """Comparisons of something with a kind's name (``x.kind == "money"``, ``kind in ("texts", ...)``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(names_a_kind(side) for side in (node.left, *node.comparators)):
            for side in (node.left, *node.comparators):
                values = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
                if any(isinstance(v, ast.Constant) and v.value in NAMES for v in values):
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Match) and names_a_kind(node.subject):
            for case in node.cases:
                if isinstance(case.pattern, ast.MatchValue):
                    value = case.pattern.value
                    if isinstance(value, ast.Constant) and value.value in NAMES:
                        found.append(f"{path.name}:{case.pattern.lineno}: case {value.value!r}")
    return found


def test_no_module_but_the_kinds_module_branches_on_a_kind_name() -> None:
    found = [b for p in sorted(PACKAGE.rglob("*.py")) if p.name != "kinds.py" for b in branches_on_a_kind_name(p)]
    assert found == []


def test_the_check_finds_a_branch_on_a_kind_name(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        'if field.kind == "money":\n    pass\nok = kind in ("texts", "records")\nmatch c.kind:\n    case "date": pass\n'
        'other = cls.__name__ == "date"\n',
        encoding="utf-8",
    )
    assert len(branches_on_a_kind_name(module)) == 3


def test_a_filter_no_kind_can_resolve_is_refused_where_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match=r"Bad\.note: filter 'note' cannot be resolved"):

        @attrs.frozen
        class Bad(Record):
            id: str = attrs.field(metadata=info("x", identity=True))
            note: str = attrs.field(metadata=info("y", filter="note"))


def test_a_field_no_kind_claims_is_refused_where_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match=r"field 'weight': the schema has no kind for <class 'float'>"):

        @attrs.frozen
        class Heavy(Record):
            id: str = attrs.field(metadata=info("x", identity=True))
            weight: float = attrs.field(metadata=info("y"))


def test_a_problem_says_where_below_the_record() -> None:
    assert Problem("bad").path is None
    assert Problem("bad", "paragraph").at(0).at("sources").path == "sources[0].paragraph"
    assert Problem("bad", 2).at("aliases").path == "aliases[2]"
