"""JSON Schemas (draft 2020-12) of the JSON data files, derived from the record classes.

A data file, ``events.json``, is a JSON list of records of one type; its
schema, ``events.schema.json``, describes that list from the record class's
fields (``belatam.model.schema.describe``), so any language with a JSON Schema
validator can check a folder of data before belatam reads it:

- each record is an object with the class's fields and no others
  (``additionalProperties: false``: the loader refuses unknown fields), those
  without a default ``required``, a field that may be None also ``null``;
- values by their kind (``belatam.model.kinds``): text, whole numbers,
  yes/no, money as a string of whole units, dates as EDTF strings (a single
  date, or also a period where the field takes one), lists, and nested
  records (a citation in ``sources``, a person's ``roles``, the ``names``)
  as objects described under ``$defs``;
- the values of closed vocabularies (``enum``), and what a field's validator
  asks of a value alone (``belatam.model.schema.checking``): an id's pattern, a
  code's, a count's minimum; a reference has the pattern of the identities it
  names; a list of references or nested records names none twice;
- the meaning of each field (its ``doc``) as its ``description``.

What only the whole data set shows (an id unique across files, a reference
that names a record that exists, a day that exists in its month, an end
after its start) is not expressible here: `belatam.load` checks it.

The package ships the schemas as ``belatam/data/schema/<kind>.schema.json``
(`packaged_schema` reads one) and every export writes them beside its files.

    >>> schema = json_schema("missions")
    >>> schema["items"], schema["$defs"]["Mission"]["required"]
    ({'$ref': '#/$defs/Mission'}, ['id', 'kind', 'sending', 'receiving', 'sources'])
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from belatam.exports.frames import kind_named
from belatam.exports.writing import dumps
from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import Field, describe
from belatam.read.loader import schema_file

__all__ = ["DIALECT", "json_schema", "packaged_schema", "schema_files"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the schemas: draft 2020-12."""


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a record type's data file (``"events"``: of ``events.json``)."""
    kind = kind_named(kind)
    cls = record_type(kind)
    definitions: dict[str, Any] = {}
    _define(cls, definitions, top=True)
    record = describe(cls)
    checks = "unique identities, existing references and consistent dates are the loader's to check"
    return {
        "$schema": DIALECT,
        "$id": f"urn:belatam:schema:{kind}",
        "title": f"{kind}.json",
        "description": (
            f"The belatam data file {kind}.json: a list of {cls.__name__} records ({_first_sentence(cls)}), "
            f"each known by its {record.identity.name if record.identity else 'position'}; {checks}."
        ),
        "type": "array",
        "items": {"$ref": f"#/$defs/{cls.__name__}"},
        "$defs": definitions,
    }


def _first_sentence(cls: type) -> str:
    text = " ".join((cls.__doc__ or cls.__name__).split())
    return text.split(". ", 1)[0].rstrip(".")


def _define(cls: type, definitions: dict[str, Any], top: bool) -> None:
    """Add the object schema of ``cls`` (and of the classes it nests) to ``definitions``."""
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # taken, before the nested classes are defined
    record = describe(cls)
    out: dict[str, Any] = {
        "type": "object",
        "description": _first_sentence(cls),
        "properties": {f.name: _property(f, definitions, top) for f in record.fields},
    }
    required = [f.name for f in record.fields if f.required or (top and _cites(f))]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    definitions[cls.__name__] = out


def _property(field: Field, definitions: dict[str, Any], top: bool) -> dict[str, Any]:
    """The schema of one field's value in the JSON form (`belatam.read.codec`)."""

    def nested(cls: type) -> str:
        _define(cls, definitions, top=False)
        return f"#/$defs/{cls.__name__}"

    value = field.kind.json_schema(field, nested, _checks(field))
    if top and _cites(field):
        value["minItems"] = 1
    if field.vocabulary is not None:
        value["enum"] = [member.value for member in field.vocabulary]
    elif field.choices:
        value["enum"] = list(field.choices)
    if field.optional:
        value = _or_null(value)
    out: dict[str, Any] = {"description": _description(field), **value}
    default = _default(field)
    if default is not attrs.NOTHING and not (top and _cites(field)):
        out["default"] = default
    return out


def _cites(field: Field) -> bool:
    """Whether the field is a record's citations, of which the loader wants one at least (`belatam.read.integrity`)."""
    return field.name == "sources" and field.nested is not None


def _checks(field: Field) -> dict[str, Any]:
    """What a field's validator asks of a text or number, and a reference's identity pattern."""
    checks = dict(field.checks)
    out: dict[str, Any] = {}
    patterns = []
    if "pattern" in checks:
        patterns.append(checks["pattern"])
    elif field.refers:
        targets = [describe(record_type(kind)).identity for kind in field.refers]  # type: ignore[arg-type]
        found = [t.checks.get("pattern") for t in targets if t is not None]
        if found and len(found) == len(targets) and all(found):
            distinct = list(dict.fromkeys(found))
            patterns.append(distinct[0] if len(distinct) == 1 else "|".join(f"(?:{p})" for p in distinct))
    if patterns:
        out["pattern"] = f"^(?:{patterns[0]})$"
    if checks.get("nonblank"):
        if "pattern" in out:
            out["allOf"] = [{"pattern": "\\S"}]
        else:
            out["pattern"] = "\\S"  # something besides white space
    for bound in ("minimum", "maximum"):
        if bound in checks:
            out[bound] = checks[bound]
    return out


def _or_null(value: dict[str, Any]) -> dict[str, Any]:
    """A value schema that also takes ``null`` (a field that may be None)."""
    if isinstance(value.get("type"), str) and "$ref" not in value:
        out = {**value, "type": [value["type"], "null"]}
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        return out
    return {"anyOf": [value, {"type": "null"}]}  # pragma: no cover - every value kind has one type


def _description(field: Field) -> str:
    if not field.refers:
        return field.doc
    named = " or ".join(f"{kind}.json (its {_identity(kind)})" for kind in field.refers)
    return f"{field.doc} Names a record of {named}.".strip()


def _identity(kind: str) -> str:
    identity = describe(record_type(kind)).identity  # type: ignore[arg-type]
    return identity.name if identity is not None else "position"


def _default(field: Field) -> Any:
    """A field's default in the JSON form, where it has a plain one (attrs.NOTHING otherwise)."""
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class at run time
        if default.takes_self:
            return attrs.NOTHING
        default = default.factory()
    if isinstance(default, tuple) and not default:
        return []
    if default is None or isinstance(default, (str, int, bool)):
        return default
    return attrs.NOTHING


def schema_files() -> dict[str, bytes]:
    """``{<kind>.schema.json: content}`` for every record type, as exports and the package hold them."""
    return {schema_file(kind): dumps(json_schema(kind)).encode() for kind in KINDS}


def packaged_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a data file as the package ships it (``belatam/data/schema/<kind>.schema.json``)."""
    from belatam.data import read

    text = read("schema", schema_file(kind_named(kind)))
    result: dict[str, Any] = json.loads(text)
    return result
