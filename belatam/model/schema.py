"""The schema: each record type's fields, read once from its attrs class.

A record class states everything about a field beside its type, in the
field's metadata (`info`): what it means, what it refers to, whether it
identifies the record or finds it, which query parameter filters on it, and
how tables show it. `describe` reads a class once into a `RecordType`; the
codec, the integrity checks, the indexes and queries, the columns of every
table and export, the data reference and the command line all work from that
description, so adding a field is one edit to its class (plus its data).

    >>> from belatam.model.missions import Mission
    >>> [f.name for f in describe(Mission).fields][:4]
    ['id', 'kind', 'sending', 'receiving']
    >>> describe(Mission).field("receiving").refers
    ('countries',)
"""

from __future__ import annotations

import enum
import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, ParamSpec, TypeVar

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import InvalidTypeError, quote
from belatam.model.kinds import classify, tuple_item

__all__ = [
    "VALIDITY",
    "Field",
    "Info",
    "RecordType",
    "Validity",
    "by_date",
    "checking",
    "derived",
    "describe",
    "info",
    "lookup_values",
    "records_of",
    "strings",
]

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
P = ParamSpec("P")

Validity = Literal["start", "not_before", "seen", "end", "ended_by", "held"]
"""A field's part in a record's time of validity (see `info`)."""

VALIDITY: dict[str, str] = {
    "start": "when it began: not in force before, not known inside a month or a year given",
    "not_before": "a date before which it had not begun",
    "seen": "when sources show it in force: begun by the first such date, not ended before the last",
    "end": "when it ended: not in force from then on (half-open)",
    "ended_by": "a date by which a source shows it over: in force before, as far as shown, not from then on",
    "held": "whether it held at the reference date (None: not known)",
}
"""What each part of a record's time of validity says, in words (the data reference shows these)."""


def _names(refers: str | tuple[str, ...]) -> tuple[str, ...]:
    """An ``Info``'s ``refers``: one record type's name, or a tuple of them, as a tuple."""
    return (refers,) if isinstance(refers, str) else refers


@attrs.frozen(repr=False, slots=False)  # made at import: no slotted copy, and a repr of what differs
class Info:
    """What the schema knows of one field beside its type; `info` puts it in a field's metadata.

    - ``doc``: what the field means, in a sentence (the data reference, the
      Table Schema and the command line's help show it);
    - ``refers``: the record types (data-file names) whose identifiers its
      values are, such as ``"countries"``; every value must exist there;
    - ``identity``: the field that identifies a record (``id``, a country's
      ``code``, a year of trade figures); unique across the data;
    - ``lookup``: a look-up key (``country("Venezuela")``): matched without
      case or accents, and no two records may share one;
    - ``filter``: the query parameter that filters on this field
      (``events(country=...)`` filters on ``Event.countries``);
    - ``when``: the date that orders the records and that ``year=``,
      ``since=`` and ``until=`` filter on;
    - ``table``: shown in the command line's table of the records;
    - ``long``: long text, cut in tables and shown last;
    - ``choices``: the closed set of values of a text field;
    - ``valid``: the field's part in the record's time of validity, for
      records that hold for a while (a mission, a membership): ``"start"``
      (when it began), ``"not_before"`` (a day before which it had not
      begun), ``"seen"`` (when sources show it in force: a date, or the span
      from the first such date to the last), ``"end"`` (when it ended),
      ``"ended_by"`` (a date by which a source shows it over, without saying
      when) or ``"held"`` (a yes/no: whether it held at the reference date,
      for a record that may say it did not, such as a country's
      ``relations``); `belatam.model.validity` reads these, for ``as_of``,
      spans and ``in_force``. An organisation's ``established`` and a
      person's ``died`` are parts of the same kind: when it existed;
    - ``within``: a reference whose record must be in force (or not known)
      whenever this one is (an accreditation and its resident mission, a
      mission and the relations between its two states);
    - ``bound``: the field bounds the ``when`` date where that is not known:
      ``"low"`` (not before) or ``"high"`` (not after);
    - ``term``: the linked-data property the field is, as a compact IRI
      (``"schema:name"``); by default the package's own term for the field;
    - ``iri``: the field's values are IRIs, made by putting this before each
      (``"wd:"`` makes ``Q155`` Wikidata's Brazil; ``""`` for a whole URL);
    - ``language``: the field holding the language of this text
      (``Name.text`` is in the language ``Name.lang`` gives).

    A frozen attrs class: ``doc`` may be given by position, every other
    parameter by keyword only; ``refers`` is always kept as a tuple.
    """

    doc: str
    refers: tuple[str, ...] = attrs.field(default=(), converter=_names, kw_only=True)
    identity: bool = attrs.field(default=False, kw_only=True)
    lookup: bool = attrs.field(default=False, kw_only=True)
    filter: str | None = attrs.field(default=None, kw_only=True)
    when: bool = attrs.field(default=False, kw_only=True)
    table: bool = attrs.field(default=False, kw_only=True)
    long: bool = attrs.field(default=False, kw_only=True)
    choices: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    valid: Validity | None = attrs.field(default=None, kw_only=True)
    term: str | None = attrs.field(default=None, kw_only=True)
    iri: str | None = attrs.field(default=None, kw_only=True)
    language: str | None = attrs.field(default=None, kw_only=True)
    within: bool = attrs.field(default=False, kw_only=True)
    bound: Literal["low", "high"] | None = attrs.field(default=None, kw_only=True)

    def __repr__(self) -> str:
        given = [
            f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(Info)[1:] if getattr(self, a.name) != a.default
        ]
        return f"Info({', '.join([repr(self.doc), *given])})"


def _metadata(make: Callable[P, Info]) -> Callable[P, dict[str, Info]]:
    def metadata(*args: P.args, **kwargs: P.kwargs) -> dict[str, Info]:
        return {"belatam": make(*args, **kwargs)}

    return metadata


info = _metadata(Info)
"""The metadata of a record field, for ``attrs.field(metadata=info(...))``: `Info`'s parameters."""


def derived(
    doc: str,
    *,
    filter: str | None = None,
    table: bool = False,
    refers: str | tuple[str, ...] = (),
    term: str | None = None,
) -> Callable[[F], F]:
    """Mark a property's getter as a derived field: shown and exported like a field.

    Use under ``@property``; the return annotation is its type. The keywords
    mean what they mean for `info`.
    """

    def mark(getter: F) -> F:
        getter.__belatam__ = Info(doc, filter=filter, table=table, refers=refers, term=term)  # type: ignore[attr-defined]
        return getter

    return mark


def checking(
    *, pattern: str | None = None, minimum: int | None = None, maximum: int | None = None, nonblank: bool = False
) -> Callable[[F], F]:
    """Mark a field validator with what it asks of a value alone, so schemas of the data can say it too.

    ``pattern``: a regular expression the whole text matches; ``minimum`` and
    ``maximum``: bounds of a whole number; ``nonblank``: a text holding more
    than white space. `Field.checks` reads the mark; the JSON Schema of the
    data files states it. What a validator asks of several fields together
    (an end after its start) stays unmarked: only the loader checks that.
    """
    found: dict[str, Any] = {"pattern": pattern, "minimum": minimum, "maximum": maximum, "nonblank": nonblank or None}

    def mark(validator: F) -> F:
        validator.__belatam_checks__ = {k: v for k, v in found.items() if v is not None}  # type: ignore[attr-defined]
        return validator

    return mark


def _checks(validator: Any) -> dict[str, Any]:
    """What a field's validator (or each of several) asks of a value alone, from `checking`'s mark."""
    out: dict[str, Any] = {}
    for each in getattr(validator, "_validators", None) or (validator,):
        out.update(getattr(each, "__belatam_checks__", {}))
    return out


def strings(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple field of strings, from any iterable; a lone string is refused, not split into letters."""
    if isinstance(values, str):
        raise InvalidTypeError(f"expected a sequence of strings, not a single string: {quote(values)}")
    return tuple(values)


def records_of(values: Iterable[T]) -> tuple[T, ...]:
    """A tuple field of nested records, from any iterable."""
    if isinstance(values, (str, bytes)):
        raise InvalidTypeError(f"expected a sequence of records, not a string: {quote(values)}")
    return tuple(values)


class Field:
    """One field (or derived property) of a record type, as the schema reads it."""

    __slots__ = (
        "bound",
        "checks",
        "choices",
        "default",
        "derived",
        "doc",
        "filter",
        "identity",
        "iri",
        "item",
        "kind",
        "language",
        "long",
        "lookup",
        "name",
        "nested",
        "optional",
        "periods",
        "refers",
        "required",
        "table",
        "term",
        "type",
        "valid",
        "vocabulary",
        "when",
        "within",
    )

    def __init__(
        self, name: str, hint: Any, meta: Info, default: Any, derived: bool = False, validator: Any = None
    ) -> None:
        self.name = name
        self.type = hint
        self.doc = meta.doc
        self.refers = meta.refers
        self.identity = meta.identity
        self.lookup = meta.lookup
        self.filter = meta.filter
        self.when = meta.when
        self.table = meta.table or meta.identity
        self.long = meta.long
        self.choices = meta.choices
        self.valid = meta.valid
        self.term = meta.term
        self.iri = meta.iri
        self.language = meta.language
        self.within = meta.within
        self.bound = meta.bound
        self.derived = derived
        self.default = default
        self.required = default is attrs.NOTHING and not derived
        self.checks: dict[str, Any] = _checks(validator)
        """What the field's validator asks of a value alone (see `checking`): ``pattern``, ``minimum``, ..."""
        self.kind, self.optional = classify(name, hint)
        """The kind of value (`belatam.model.kinds`): how values are read, checked, shown and typed."""
        inner = [a for a in (typing.get_args(hint) if _is_union(hint) else (hint,)) if a is not type(None)]
        one = inner[0] if len(inner) == 1 else None
        self.vocabulary: type[enum.Enum] | None = one if isinstance(one, type) and issubclass(one, enum.Enum) else None
        self.item: type | None = tuple_item(one)
        self.periods = Period in inner
        self.nested: type | None = self.item if self.item is not None and attrs.has(self.item) else None
        """The class of the nested records a ``records`` field holds (`SourceRef`, `Role`); else None."""

    def __repr__(self) -> str:
        return f"<Field {self.name}: {self.kind}{' | None' if self.optional else ''}>"

    @property
    def many(self) -> bool:
        """Whether the field holds a tuple of values (``texts`` or ``records``)."""
        return self.kind.many

    @property
    def inner(self) -> tuple[Field, ...]:
        """The fields of the nested records a ``records`` field holds (none for other fields)."""
        return describe(self.nested).fields if self.nested is not None else ()

    def values(self, record: object) -> tuple[Any, ...]:
        """The field's values on a record as a tuple: none, one or many."""
        value = getattr(record, self.name)
        if self.many:
            return tuple(value)
        return () if value is None else (value,)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


@functools.cache
def _compiled(annotation: str) -> types.CodeType:
    return compile(annotation, "<annotation>", "eval")


def _evaluate(annotation: Any, namespace: dict[str, Any]) -> Any:
    """An annotation, evaluated in the namespace of the module that wrote it where it is a string.

    What `typing.get_type_hints` does for these simple annotations, at a fraction of its cost: each
    distinct annotation is compiled once (``str | None`` recurs in every record class).
    """
    return eval(_compiled(annotation), namespace) if isinstance(annotation, str) else annotation


def _hints(cls: type) -> dict[str, Any]:
    """The evaluated annotation of each attrs field of ``cls``, in the module of the class that declares it."""
    found: dict[str, Any] = {}
    for attribute in attrs.fields(cls):
        owner = next(c for c in cls.__mro__ if attribute.name in inspect.get_annotations(c))
        namespace = vars(sys.modules[owner.__module__])
        found[attribute.name] = _evaluate(inspect.get_annotations(owner)[attribute.name], namespace)
    return found


class RecordType:
    """A record class as the schema reads it: its kind, fields and keys."""

    __slots__ = (
        "bounds",
        "cls",
        "derived",
        "exclusive",
        "fields",
        "filters",
        "identity",
        "lasting",
        "lookups",
        "name",
        "validity",
        "when",
    )

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.name = cls.__name__
        hints = _hints(cls)
        self.fields = tuple(
            Field(a.name, hints[a.name], a.metadata.get("belatam") or Info(""), a.default, validator=a.validator)
            for a in attrs.fields(cls)
        )
        derived_fields = []
        for attribute, member in vars(cls).items():
            getter = getattr(member, "fget", None)
            meta = getattr(getter, "__belatam__", None)
            if isinstance(meta, Info) and callable(getter):
                hint = _evaluate(inspect.get_annotations(getter)["return"], vars(sys.modules[getter.__module__]))
                derived_fields.append(Field(attribute, hint, meta, attrs.NOTHING, derived=True))
        self.derived = tuple(derived_fields)
        identities = [f for f in self.fields if f.identity]
        self.identity = identities[0] if identities else None
        self.lookups = tuple(f for f in self.fields if f.lookup)
        whens = [f for f in self.fields if f.when]
        self.when = whens[0] if whens else None
        self.filters = {f.filter: f for f in (*self.fields, *self.derived) if f.filter}
        for parameter, field in self.filters.items():
            if not field.kind.filters(field):
                raise TypeError(
                    f"{self.name}.{field.name}: filter {parameter!r} cannot be resolved; a {field.kind} field "
                    "filters only with a vocabulary, choices or a reference (or as a yes/no)"
                )
        self.validity: dict[str, Field] = {f.valid: f for f in self.fields if f.valid}
        """The fields that say when the record held: ``{"start": ..., "end": ..., "ended_by": ...}``."""
        self.lasting: bool = bool(getattr(cls, "LASTING", False))
        """Whether its records are relationships that queries answer for a day (``as_of``) or a span."""
        self.bounds: dict[str, Field] = {f.bound: f for f in self.fields if f.bound}
        """The fields that bound the ``when`` date where it is not known: ``{"low": ..., "high": ...}``."""
        self.exclusive: tuple[tuple[str, ...], ...] = getattr(cls, "EXCLUSIVE", ())
        """Groups of fields that no two records in force on one day may share (one head per mission)."""

    def __repr__(self) -> str:
        return f"<RecordType {self.name}>"

    def field(self, name: str) -> Field:
        """The field (or derived property) of that name."""
        for field in (*self.fields, *self.derived):
            if field.name == name:
                return field
        raise KeyError(name)

    def all_fields(self) -> tuple[Field, ...]:
        """The fields, with the derived ones before ``sources`` (or last)."""
        plain = [f for f in self.fields if f.name != "sources"]
        tail = [f for f in self.fields if f.name == "sources"]
        return (*plain, *self.derived, *tail)

    def label(self, record: object, position: int) -> str:
        """How errors name a record: its identity, else its position in the file."""
        if self.identity is not None:
            value = getattr(record, self.identity.name, None)
            if value is not None:
                return str(value)
        return f"#{position}"


def describe(cls: type) -> RecordType:
    """The `RecordType` of a record class (or of a nested class such as `SourceRef`), read once."""
    return _described(cls)


@functools.cache
def _described(cls: type) -> RecordType:
    """`describe`'s reading, kept for each class: always called with the class by position, so one key each."""
    return RecordType(cls)


def lookup_values(schema: RecordType, record: object) -> Iterator[tuple[str, str]]:
    """(field, text) for every look-up key of a record, the look-up fields of its nested records included.

    A nested record (a `Name` in ``names``) gives the values of its own
    look-up fields (the name's text), so a name in any language finds the
    record that holds it.
    """
    for field in schema.lookups:
        for value in field.values(record):
            if isinstance(value, str):
                yield field.name, value
            elif field.nested is not None:
                for _, text in lookup_values(describe(field.nested), value):
                    yield field.name, text


def by_date(item: object) -> tuple[Any, ...]:
    """A sort key that orders dated records (or bare dates) by time, whatever their precision.

    A record sorts by its date (``Event.date``, ``Agreement.signed``): the
    start of the date's interval, then its end, undated ones last; then by
    its identity. ``sorted(events, key=belatam.by_date)`` is the order
    `belatam.events` returns.

    >>> from belatam.dates import PartialDate, Period
    >>> dates = [PartialDate(2018, 2), PartialDate(2018), Period(PartialDate(2017), None)]
    >>> [str(d) for d in sorted(dates, key=by_date)]
    ['2017/..', '2018', '2018-02']
    """
    from belatam.dates import date_key

    if item is None or isinstance(item, (PartialDate, Period)):
        return date_key(item)
    schema = describe(type(item)) if attrs.has(type(item)) else None
    if schema is None or schema.when is None:
        raise InvalidTypeError(f"by_date sorts dated records or dates, not {type(item).__name__}: {quote(item)}")
    identity = getattr(item, schema.identity.name) if schema.identity else ""
    return (*date_key(getattr(item, schema.when.name)), identity)
