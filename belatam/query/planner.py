"""The plan of a query: its steps, each the records that may pass one filter and the test of it.

A query over a table (`belatam.query.dataset.Dataset._select`) turns each of
its filters, its day or its span into a `Step`; `run` scans the smallest
step's records with the other steps' tests, so a query costs what its
smallest step holds, not what the table holds.

    >>> steps = [Step([1, 2, 3, 4], lambda n: n > 1), Step([2, 4], lambda n: n % 2 == 0)]
    >>> run(steps, lambda found: found)
    [2, 4]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from belatam.model.schema import Field

__all__ = ["Step", "holds", "member", "run"]

R = TypeVar("R")


class Step(NamedTuple):
    """One filter of a query: the records that may pass it, and the test a record passes it by."""

    candidates: Sequence[Any]
    """The records that may pass (a bucket of one value, a subset, the records of some years)."""
    test: Callable[[Any], bool]
    """Whether a record passes."""
    exact: bool = True
    """Whether every candidate passes (a bucket of the value asked): its test is then left out when its
    candidates are the ones scanned."""


def run(steps: Sequence[Step], answer: Callable[[Sequence[Any]], R]) -> R:
    """``answer`` of the records that pass every step: the smallest step's candidates, tested by the others.

    ``answer`` makes the result of the records found; it is given the smallest
    step's candidates themselves when nothing is left to test (a bucket is
    answered as it is).
    """
    ordered = sorted(steps, key=lambda step: len(step.candidates))
    smallest = ordered[0]
    tests = [step.test for step in ordered[1:]]
    if not smallest.exact:
        tests.append(smallest.test)
    if not tests:
        return answer(smallest.candidates)
    if len(tests) == 1:
        test = tests[0]
        return answer([r for r in smallest.candidates if test(r)])
    return answer([r for r in smallest.candidates if all(test(r) for test in tests)])


def member(name: str, keys: frozenset[Any]) -> Callable[[Any], bool]:
    """The test of belonging to a subset: the record's identity (field ``name``) is one of ``keys``."""
    return lambda record: getattr(record, name) in keys


def holds(field: Field, wanted: set[Any]) -> Callable[[Any], bool]:
    """The test of a filter: the record's field holds one of the wanted values."""
    if field.many:
        return lambda record: not wanted.isdisjoint(field.values(record))
    name = field.name
    return lambda record: getattr(record, name) in wanted
