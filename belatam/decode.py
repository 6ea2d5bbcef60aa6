"""A lean, strict JSON-to-record decoder: the fast path of the loader.

It builds exactly the records the cattrs converter in `belatam.convert` builds
(a test proves it on the packaged data and on generated data sets), without
importing cattrs, and shares repeated values: one `PartialDate` per date
string, one `SourceRef` per citation, one string per repeated code. It
refuses every value the converter refuses but says nothing about why: on
`Invalid` the loader runs the cattrs path, whose errors name the field.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from belatam import model
from belatam.dates import PartialDate, parse_date

__all__ = ["Decoder", "Invalid"]


class Invalid(Exception):
    """A value the strict converter would refuse; the loader reports it."""


Field = Callable[[Any], Any]


class Decoder:
    """Turns JSON objects into records of one data set, sharing repeated values."""

    def __init__(self) -> None:
        self._dates: dict[str, Any] = {}
        self._refs: dict[tuple[str, int | None], model.SourceRef] = {}
        self._strings: dict[str, str] = {}
        self._classes: dict[type, Callable[[Any], Any]] = {}

    def records(self, cls: type, items: list[Any]) -> list[Any]:
        """Decode a JSON list of objects into records of ``cls``."""
        decode = self._class(cls)
        return [decode(item) for item in items]

    # -- building the decoders ------------------------------------------------

    def _class(self, cls: type) -> Callable[[Any], Any]:
        if cls in self._classes:
            return self._classes[cls]
        # the annotation strings, not field.type: cattrs may have resolved those to objects
        annotations = cls.__annotations__
        fields = [(f.name, self._field(annotations[f.name]), f.default is attrs.NOTHING) for f in attrs.fields(cls)]
        names = frozenset(name for name, _, _ in fields)
        required = frozenset(name for name, _, needed in fields if needed)

        def decode(item: Any) -> Any:
            if type(item) is not dict or not names.issuperset(item) or not required.issubset(item):
                raise Invalid(cls.__name__)
            kwargs = {}
            for name, field, _ in fields:
                if name in item:
                    kwargs[name] = field(item[name])
            try:
                return cls(**kwargs)
            except (TypeError, ValueError) as exc:
                raise Invalid(str(exc)) from None

        self._classes[cls] = decode
        return decode

    def _field(self, text: str) -> Field:
        optional = text.endswith(" | None")
        base = text.removesuffix(" | None")
        field = self._base(base)
        if not optional:
            return field

        def maybe(value: Any) -> Any:
            return None if value is None else field(value)

        return maybe

    def _base(self, base: str) -> Field:
        if base == "str":
            strings = self._strings

            def string(value: Any) -> Any:
                if type(value) is not str:
                    raise Invalid(base)
                return strings.setdefault(value, value)

            return string
        if base in ("int", "bool"):
            kind: type[Any] = int if base == "int" else bool

            def exact(value: Any) -> Any:
                if type(value) is not kind:
                    raise Invalid(base)
                return value

            return exact
        if base in ("PartialDate", "DateLike"):
            wanted = PartialDate if base == "PartialDate" else object
            dates = self._dates

            def date(value: Any) -> Any:
                found = dates.get(value) if type(value) is str else None
                if found is None:
                    if type(value) is not str:
                        raise Invalid(base)
                    try:
                        found = dates[value] = parse_date(value)
                    except (TypeError, ValueError):
                        raise Invalid(value) from None
                if not isinstance(found, wanted):
                    raise Invalid(value)
                return found

            return date
        if base == "Decimal":

            def money(value: Any) -> Decimal:
                if type(value) is not str:
                    raise Invalid(base)
                try:
                    return Decimal(value)
                except InvalidOperation:
                    raise Invalid(value) from None

            return money
        if base.startswith("tuple[") and base.endswith(", ...]"):
            return self._tuple(base[len("tuple[") : -len(", ...]")])
        vocabulary = getattr(model, base, None)
        if isinstance(vocabulary, type) and issubclass(vocabulary, enum.Enum):
            members = {m.value: m for m in vocabulary}

            def member(value: Any) -> Any:
                if type(value) is not str or value not in members:
                    raise Invalid(base)
                return members[value]

            return member
        raise AssertionError(f"no decoder for {base}")  # pragma: no cover - a new annotation needs one

    def _tuple(self, item: str) -> Field:
        if item == "SourceRef":
            refs = self._refs

            def ref_list(value: Any) -> tuple[model.SourceRef, ...]:
                if type(value) is not list:
                    raise Invalid("sources")
                out = []
                for ref in value:
                    if type(ref) is not dict or not {"source"} <= ref.keys() <= {"source", "paragraph"}:
                        raise Invalid("sources")
                    source, paragraph = ref["source"], ref.get("paragraph")
                    if type(source) is not str or not (paragraph is None or type(paragraph) is int):
                        raise Invalid("sources")
                    key = (source, paragraph)
                    shared = refs.get(key)
                    if shared is None:
                        shared = refs[key] = model.SourceRef(source=source, paragraph=paragraph)
                    out.append(shared)
                return tuple(out)

            return ref_list
        if item == "str":

            def strings(value: Any) -> tuple[str, ...]:
                if type(value) is not list:
                    raise Invalid(item)
                for v in value:
                    if type(v) is not str:
                        raise Invalid(item)
                return tuple(value)

            return strings
        element = self._class(getattr(model, item))

        def items(value: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise Invalid(item)
            return tuple(element(v) for v in value)

        return items
