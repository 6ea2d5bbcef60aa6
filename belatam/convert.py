"""The cattrs converter between records and JSON: the reference path.

One converter turns JSON into records and back: dates as EDTF strings, money as
decimal strings, enums as their values, lists as tuples. It refuses what
cattrs would otherwise coerce (a number where a string belongs, a string where
a list belongs, an unknown field), and every failure becomes a `DataError`
naming the file, the record and the field. The loader's lean decoder
(`belatam.decode`) builds the same records faster and hands any data it
refuses to `structure_files` here for the precise error.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Union

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from belatam.checks import FILES
from belatam.dates import PartialDate, Period, parse_date
from belatam.errors import DataError
from belatam.queries import Dataset

__all__ = ["converter", "structure_files", "to_json"]

_DATES = {PartialDate, Period, type(None)}


def _strict(kind: type) -> Callable[[Any, type], Any]:
    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _decimal(value: Any, _: type) -> Decimal:
    if not isinstance(value, str):
        raise TypeError(f'amounts are decimal strings such as "853800000", got {type(value).__name__} {value!r}')
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None


def _is_date_union(tp: Any) -> bool:
    args = set(typing.get_args(tp))
    return typing.get_origin(tp) in (Union, types.UnionType) and bool(args) and args <= _DATES


def _date_union(tp: Any) -> Callable[[Any, type], Any]:
    allowed = set(typing.get_args(tp))

    def structure(value: Any, _: type) -> Any:
        if value is None and type(None) in allowed:
            return None
        if not isinstance(value, str):
            raise TypeError(f'dates are EDTF strings such as "2018-11", got {type(value).__name__} {value!r}')
        date = parse_date(value)
        if type(date) not in allowed:
            raise ValueError(f"a {type(date).__name__} is not allowed here: {value!r}")
        return date

    return structure


def _is_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook(Decimal, _decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(PartialDate, _date_union(PartialDate | None))
    conv.register_structure_hook(Period, _date_union(Period | None))
    conv.register_structure_hook_factory(_is_date_union, _date_union)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_unstructure_hook(Period, str)

    def tuple_factory(tp: Any) -> Callable[[Any, type], Any]:
        item_type = typing.get_args(tp)[0]
        item = conv.get_structure_hook(item_type)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
            return tuple(item(x, item_type) for x in value)

        return structure

    conv.register_structure_hook_factory(_is_tuple, tuple_factory)
    return conv


converter = _make_converter()
"""The cattrs converter between records and JSON-ready values."""


def _problem(exc: BaseException) -> tuple[str | None, str]:
    """The failing field (a path below the record) and what went wrong."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return ", ".join(sorted(exc.extra_fields)), "unknown field; the record class does not have it"
    if isinstance(exc, ClassValidationError):
        extra = [e for e in exc.exceptions if isinstance(e, ForbiddenExtraKeysError)]
        if extra:
            return _problem(extra[0])
        messages = cattrs.transform_error(exc, path="", format_exception=_describe)
        path, _, detail = messages[0].rpartition(" @ ")
        if not _:
            return None, messages[0]
        return detail.lstrip(".") or None, path
    return None, str(exc)


def _describe(exc: BaseException, _: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    return str(exc)


def _label(item: object, index: int) -> str:
    """A record's id (or code, or year) when it is well formed, else its position."""
    if isinstance(item, dict):
        for key in ("id", "code", "year"):
            value = item.get(key)
            if type(value) in (str, int) and str(value).strip():
                return str(value)
    return f"#{index}"


def structure_files(files: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Records from parsed JSON, ``{file stem: list of records}``, or a `DataError`."""
    parts: dict[str, list[Any]] = {}
    for name, cls in FILES.items():
        raw = files.get(name, [])
        if not isinstance(raw, list):
            raise DataError(f"{name}.json", None, None, f"must hold a JSON list of records, not {type(raw).__name__}")
        records = parts[name] = []
        for index, item in enumerate(raw):
            label = _label(item, index)
            if not isinstance(item, dict):
                raise DataError(
                    f"{name}.json", label, None, f"a record must be a JSON object, not {type(item).__name__}"
                )
            try:
                records.append(converter.structure(item, cls))
            except (ClassValidationError, ForbiddenExtraKeysError) as exc:
                field, problem = _problem(exc)
                raise DataError(f"{name}.json", label, field, problem) from None
            except (TypeError, ValueError) as exc:
                raise DataError(f"{name}.json", label, None, str(exc)) from None
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise DataError(f"{unknown[0]}.json", None, None, f"not a data file; expected {', '.join(FILES)}")
    return parts


def to_json(dataset: Dataset) -> dict[str, list[Any]]:
    """The JSON-ready form of every record, by file stem (the inverse of loading)."""
    out: dict[str, list[Any]] = {}
    for name, records in dataset.records().items():
        out[name] = [converter.unstructure(r) for r in records]
    return out
