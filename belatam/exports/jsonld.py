"""Records as linked data: JSON-LD with a context derived from the schema.

Each record is a node named ``rec:<id>`` (a country ``rec:BR``, trade figures
``rec:trade-2018``), typed by the package's class (``bt:Event``) and, where
one fits, schema.org's (``schema:Event``, ``schema:Person``, ...: a record
class's ``TYPES``). Each field is a property: the term its schema gives
(``schema:name``, ``schema:description``, ``dct:title``, ``schema:sameAs``,
...) or else the package's own, ``bt:<field>``. Values follow the schema too:

- a reference (``countries``, ``participants``) is the node it names;
- a Wikidata id is Wikidata's item (``wd:Q155``), a URL an IRI;
- a name in ``names`` is a node whose ``rdfs:label`` carries its language
  (``"Бразілія"@be``), with ``bt:official`` and its ``dct:source``;
- dates are their EDTF strings, money an ``xsd:decimal``, enums their values;
- derived fields (a partnership's ``strategic``, a year's ``balance``) are
  properties like the others.

Provenance is by named sources: every source is a node (``rec:src-mfa-2019``,
a ``schema:CreativeWork`` with its title, publisher, URL and dates), and a
record's ``bt:sources`` are citation nodes, each with its ``dct:source`` and
``bt:paragraph``. So ``?record bt:sources/dct:source rec:src-mfa-2019``
finds what rests on the ministry's page.

The graph's first node, ``urn:belatam:dataset`` (`dataset_node`), is the export
itself: a ``schema:Dataset`` whose ``schema:version`` is the data version, with
``bt:version`` (the package's) and ``bt:data_version``.

The context (`context`) names the package's own terms under
``urn:belatam:term:`` and its records under ``urn:belatam:record:`` (no site
is published for them yet); every export embeds it, so a reader needs no
network. Its snapshot is ``tests/snapshots/jsonld-context.json``.

    >>> import belatam
    >>> context()["@context"]["schema"]
    'https://schema.org/'
    >>> brazil = node(belatam.country("BR"))
    >>> brazil["@id"], brazil["wikidata"], brazil["names"][0]["rdfs:label"]
    ('rec:BR', 'wd:Q155', {'@value': 'Бразілія', '@language': 'be'})
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import Field, describe

if TYPE_CHECKING:
    from belatam.query.dataset import Dataset

__all__ = ["DATASET", "PREFIXES", "context", "dataset_node", "document", "node"]

PREFIXES = {
    "bt": "urn:belatam:term:",
    "rec": "urn:belatam:record:",
    "schema": "https://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
"""The prefixes of the context: the package's terms and records, and the vocabularies it borrows."""


def _classes() -> list[type]:
    """Every record class and every nested one, each once, in loading order."""
    found: dict[type, None] = {}

    def visit(cls: type) -> None:
        if cls in found:
            return
        found[cls] = None
        for field in describe(cls).fields:
            if field.nested is not None:
                visit(field.nested)

    for kind in KINDS:
        visit(record_type(kind))
    return list(found)


def _fields(cls: type) -> list[Field]:
    """The fields a node of ``cls`` has: all but a text's language (the language tag carries it)."""
    schema = describe(cls)
    languages = {f.language for f in schema.fields if f.language}
    return [f for f in schema.all_fields() if f.name not in languages]


def _definition(field: Field) -> dict[str, str]:
    """A field's term definition: its property, and how its values are read."""
    definition = {"@id": field.term or f"bt:{field.name}"}
    if field.refers or field.iri is not None:
        definition["@type"] = "@id"
    elif field.kind.linked_type is not None:
        definition["@type"] = field.kind.linked_type
    return definition


def _keys() -> dict[tuple[type, str], str]:
    """The JSON key of each (class, field): its name, or its property where two fields of that name differ."""
    definitions: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for cls in _classes():
        for field in _fields(cls):
            definitions.setdefault(field.name, set()).add(tuple(sorted(_definition(field).items())))
    return {
        (cls, field.name): field.name if len(definitions[field.name]) == 1 else _definition(field)["@id"]
        for cls in _classes()
        for field in _fields(cls)
    }


def context() -> dict[str, Any]:
    """The JSON-LD context of the export: prefixes, classes and a definition per field, from the schema."""
    terms: dict[str, Any] = dict(PREFIXES)
    keys = _keys()
    for cls in _classes():
        terms[cls.__name__] = f"bt:{cls.__name__}"
        for field in _fields(cls):
            definition = _definition(field)
            key = keys[(cls, field.name)]
            if key == field.name:
                terms[key] = definition
            elif "@type" in definition:  # a property used as the key needs its coercion all the same
                terms[key] = {"@type": definition["@type"]}
    return {"@context": terms}


def _value(field: Field, value: Any, record: object) -> Any:
    """One value of a field as JSON-LD."""
    if field.refers:
        return f"rec:{value}"
    if field.iri is not None:
        return f"{field.iri}{value}"
    return field.kind.linked(field, value, record, _nested)


def _nested(record: object) -> dict[str, Any]:
    return node(record, top=False)


def node(record: object, *, top: bool = True) -> dict[str, Any]:
    """A record as a JSON-LD node (a top-level record named by its identity, a nested one anonymous)."""
    cls = type(record)
    schema = describe(cls)
    out: dict[str, Any] = {}
    if top:
        assert schema.identity is not None
        identity = getattr(record, schema.identity.name)
        out["@id"] = f"rec:{identity}" if isinstance(identity, str) else f"rec:{_kind(cls)}-{identity}"
    out["@type"] = [cls.__name__, *getattr(cls, "TYPES", ())]
    keys = _keys_cached()
    for field in _fields(cls):
        values = [v for v in field.values(record) if v is not None]
        if not values:
            continue
        shown = [_value(field, v, record) for v in values]
        out[keys[(cls, field.name)]] = shown if field.many else shown[0]
    return out


_cache: dict[str, dict[tuple[type, str], str]] = {}


def _keys_cached() -> dict[tuple[type, str], str]:
    found = _cache.get("keys")
    if found is None:
        found = _cache["keys"] = _keys()
    return found


def _kind(cls: type) -> Kind:
    return next(kind for kind in KINDS if record_type(kind) is cls)


DATASET = "urn:belatam:dataset"
"""The node of the export itself, which carries the package and data versions."""


def dataset_node() -> dict[str, Any]:
    """The export as a node: a ``schema:Dataset`` with ``bt:version`` and ``bt:data_version``.

    The names are those every export gives the versions (``belatam:version``,
    ``belatam:data_version``, see `belatam.exports.versions`), as terms of the
    package; ``schema:version`` is the data version, as a Data Package's ``version``.
    """
    from belatam.exports.versions import DATA_VERSION_KEY, VERSION_KEY, versions

    found = versions()
    out: dict[str, Any] = {"@id": DATASET, "@type": ["schema:Dataset"], "schema:version": found[DATA_VERSION_KEY]}
    for key in (VERSION_KEY, DATA_VERSION_KEY):
        if key in found:
            out[f"bt:{key.removeprefix('belatam:')}"] = found[key]
    return out


def document(data: Dataset) -> dict[str, Any]:
    """Every record of a data set as one JSON-LD document: the context, then a graph of nodes.

    The graph's first node is the export itself (`dataset_node`), with the versions that wrote it.
    """
    graph = [dataset_node(), *(node(record) for kind in KINDS for record in data.records()[kind])]
    return {**context(), "@graph": graph}
