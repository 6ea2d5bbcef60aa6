"""Write the data reference page from the packaged data.

conf.py calls `write` on every build; run it by hand with

    python docs/gen_data_reference.py [OUTPUT]

(default OUTPUT: docs/_generated/data-reference.md, which data.md includes).
For each record type, in the order of ``belatam.dataset().records()``: the
class docstring, a table of its fields, its count, and a table of every record
with a "sources" column (each `SourceRef` as ``src-id ¶N``).
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import attrs

import belatam
from belatam.dates import PartialDate, Period

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "_generated" / "data-reference.md"

# What each field means, in our words. Looked up by (class name, field) first,
# then by field name alone; a field missing from both gets an empty cell.
MEANING: dict[tuple[str, str] | str, str] = {
    "id": "Stable identifier, a slug with a type prefix; never changes once released.",
    "sources": "Where the record is stated: `SourceRef`s to a source id and paragraph.",
    "name": "English name as used in the data.",
    "aliases": "Other names the look-up helpers accept.",
    "kind": "Closed vocabulary: what sort of record this is.",
    "description": "A short description in the project's own words.",
    "countries": "Alpha-2 codes of the region's states concerned (Belarus not listed).",
    ("Source", "title"): "Title of the document, as published.",
    ("Source", "publisher"): "Who published the document.",
    ("Source", "url"): "Where the document was read.",
    ("Source", "date"): "When the document dates from, as precisely as known (may be a range).",
    ("Source", "language"): "ISO 639-1 code of the document's language.",
    ("Source", "sha256"): "SHA-256 of the text the data was checked against, for the primary source.",
    ("Source", "note"): "What the document is and what it is used for.",
    ("Country", "code"): "ISO 3166-1 alpha-2 code; the country's id.",
    ("Country", "alpha3"): "ISO 3166-1 alpha-3 code.",
    ("Country", "numeric"): "ISO 3166-1 numeric code, a three-digit string.",
    ("Country", "subregion"): "UN M49 sub-region: Caribbean, Central America or South America (None for Belarus).",
    ("Country", "relations"): "Diplomatic relations with Belarus at the reference date (None for Belarus).",
    ("Country", "relations_established"): "When relations began, where a source gives it.",
    ("Mission", "kind"): "Embassy or honorary consulate.",
    ("Mission", "sending"): "Alpha-2 code of the state the mission represents.",
    ("Mission", "receiving"): "Alpha-2 code of the state it is in.",
    ("Mission", "opened"): "When it opened, where a source gives it.",
    ("Partnership", "country"): "Alpha-2 code of the partner state.",
    ("Partnership", "kind"): "Strategic partner or major trading partner.",
    ("Partnership", "treaties"): "Number of treaties in force, where only the number is given.",
    ("Partnership", "legal_instruments"): "Number of further legal instruments, where only the number is given.",
    ("Person", "name"): "Full name as written in the data.",
    ("Person", "roles"): "Posts held, each a `Role` with its title and the state served.",
    ("Organization", "kind"): "Enterprise, branch, office, venture, plant, project, commission, bloc, ...",
    ("Organization", "country"): "Alpha-2 code of where it is or works; None for a multinational body.",
    ("Organization", "parent"): "Id of the organisation it belongs to, where known.",
    ("Organization", "legal_form"): "Legal form (OJSC, LLC, ...), where given.",
    ("Organization", "place"): "Town or region, where given.",
    ("Organization", "established"): "When it was founded or built, where given.",
    ("Organization", "members"): "Number of full members, where given without their names.",
    ("Organization", "associate_members"): "Number of associate members, where given without their names.",
    ("Membership", "member"): "Alpha-2 code of the member state, or an organisation id.",
    ("Membership", "organization"): "Id of the organisation.",
    ("Membership", "role"): "Member, associate member or observer.",
    ("Membership", "since"): "When the standing began, where known.",
    ("Agreement", "title"): "Title of the document.",
    ("Agreement", "kind"): "Legal form: intergovernmental agreement, road map or joint communiqué.",
    ("Agreement", "parties"): "Alpha-2 codes of every party, Belarus included.",
    ("Agreement", "signed"): "When it was signed, at the precision given.",
    ("Event", "kind"): "Visit, meeting, consultations, signing, founding, ...",
    ("Event", "date"): "A `PartialDate` or `Period` at the precision given; None if no date is given.",
    ("Event", "summary"): "One line on what happened, in the project's own words.",
    ("Event", "not_before"): "Earliest possible date of an undated event, where known.",
    ("Event", "not_after"): "Latest possible date of an undated event, where known.",
    ("Event", "place"): "Where it took place, as named.",
    ("Event", "participants"): "Ids of the people who took part.",
    ("Event", "organizations"): "Ids of organisations involved.",
    ("Event", "agreements"): "Ids of agreements signed or concerned.",
    ("Event", "during"): "Ids of the visits this event took place during.",
    ("Event", "visit"): "Official or working, for visits where the status is given.",
    ("Event", "round"): "Ordinal of a recurring meeting (third round, ...), where given.",
    ("Statement", "topic"): "What the aim or assessment is about.",
    ("Statement", "text"): "The statement, paraphrased in the project's own words.",
    ("TradeFigures", "year"): "Calendar year of the figures.",
    ("TradeFigures", "currency"): "ISO 4217 currency code of the amounts.",
    ("TradeFigures", "turnover"): "Exports plus imports, as stated by the source.",
    ("TradeFigures", "exports"): "Belarusian exports to the region.",
    ("TradeFigures", "imports"): "Belarusian imports from the region.",
    ("TradeFigures", "main_exports"): "The main export goods named.",
}

# Record columns per type: (heading, getter). "sources" is added to all but Source.
Column = tuple[str, Callable[[object], object]]


def _get(name: str) -> Callable[[object], object]:
    return lambda record: getattr(record, name)


COLUMNS: dict[str, list[Column]] = {
    "sources": [
        *((n, _get(n)) for n in ("id", "title", "publisher", "date", "language")),
        ("url", lambda s: f"<{s.url}>" if s.url else None),  # type: ignore[attr-defined]
        ("note", _get("note")),
    ],
    "countries": [
        (n, _get(n)) for n in ("code", "alpha3", "numeric", "name", "subregion", "relations", "relations_established")
    ],
    "missions": [(n, _get(n)) for n in ("id", "kind", "sending", "receiving", "opened")],
    "partnerships": [(n, _get(n)) for n in ("id", "country", "kind", "treaties", "legal_instruments", "description")],
    "people": [
        ("id", _get("id")),
        ("name", _get("name")),
        ("roles", lambda p: "; ".join(f"{r.title} ({r.country})" for r in p.roles)),  # type: ignore[attr-defined]
    ],
    "organizations": [(n, _get(n)) for n in ("id", "name", "kind", "country", "parent", "established", "description")],
    "memberships": [(n, _get(n)) for n in ("id", "member", "organization", "role", "since")],
    "agreements": [(n, _get(n)) for n in ("id", "title", "kind", "parties", "signed")],
    "events": [(n, _get(n)) for n in ("id", "date", "kind", "countries", "participants", "summary")],
    "statements": [(n, _get(n)) for n in ("id", "topic", "countries", "text")],
    "trade": [
        *((n, _get(n)) for n in ("year", "currency", "turnover", "exports", "imports")),
        ("balance", _get("balance")),
        ("main_exports", _get("main_exports")),
    ],
}

# Columns whose values are identifiers or codes, shown as code.
CODE_COLUMNS = {
    "id",
    "code",
    "alpha3",
    "numeric",
    "sending",
    "receiving",
    "country",
    "parent",
    "member",
    "organization",
    "kind",
    "role",
    "topic",
    "countries",
    "parties",
    "participants",
    "currency",
    "language",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def code(text: str) -> str:
    """Inline code (table pipes still need escaping inside code)."""
    return f"`{text}`".replace("|", "\\|")


def show_type(tp: object) -> str:
    """A type annotation as a short readable string: ``tuple[SourceRef, ...]``."""
    if isinstance(tp, str):
        return tp
    if isinstance(tp, type) and not isinstance(tp, types.GenericAlias):
        return tp.__name__
    text = str(tp)
    text = re.sub(r"\b(?:[a-z_]+\.)+([A-Z]\w*)", r"\1", text)  # belatam.dates.PartialDate -> PartialDate
    return text.replace("NoneType", "None").replace("typing.", "")


def show_value(value: object, column: str) -> str:
    """One cell: None as a dash, tuples joined, enums by value, dates as EDTF."""
    if value is None or value == ():
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return code(str(value.value))
    if isinstance(value, tuple):
        if column in CODE_COLUMNS:
            return ", ".join(code(str(v)) for v in value)
        return escape(", ".join(str(v) for v in value))
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, (PartialDate, Period)):
        return code(str(value))
    if column in CODE_COLUMNS:
        return code(str(value))
    if column == "url":
        return str(value)
    return escape(str(value))


def show_sources(record: object) -> str:
    refs: Iterable[object] = getattr(record, "sources", ())
    return "; ".join(code(str(ref)) for ref in refs) or "–"


def table(headings: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def docstring(cls: type) -> str:
    """The class docstring as Markdown (rST ``code`` and `refs` become inline code)."""
    text = inspect.getdoc(cls) or ""
    text = text.replace("``", "`")
    return text


def derived_properties(cls: type) -> list[tuple[str, str, str]]:
    """Read-only properties of a record class: (name, type, first docstring line)."""
    found = []
    for name, member in vars(cls).items():
        if isinstance(member, property) and not name.startswith("_"):
            hints = typing.get_type_hints(member.fget) if member.fget else {}
            doc = (inspect.getdoc(member) or "").splitlines()
            found.append((name, show_type(hints.get("return", "")), doc[0] if doc else ""))
    return found


def render(data: belatam.Dataset | None = None) -> str:
    """The whole reference page, as MyST Markdown (no top-level heading)."""
    data = data if data is not None else belatam.dataset()
    records = data.records()
    counts = data.counts()
    out: list[str] = [
        "<!-- Generated by docs/gen_data_reference.py from the packaged data; do not edit. -->",
        "",
        f"Generated from the data packaged in belatam {version('belatam')}: "
        + ", ".join(f"{counts[name]} {name}" for name in records)
        + ".",
        "",
    ]
    for name, recs in records.items():
        if not recs:
            continue
        cls = type(recs[0])
        out += [f"({name}-reference)=", f"## {name}: `{cls.__name__}`", ""]
        out += [docstring(cls), ""]
        out += [f"**Count:** {counts[name]} records, from `belatam.dataset().records()[{name!r}]`.", ""]
        if name == "countries":
            region = len(data.countries())
            out += [f"Belarus is among them; `countries()` lists the other {region}.", ""]
        out += ["**Fields**", ""]
        rows = []
        for field in attrs.fields(cls):
            default = "required" if field.default is attrs.NOTHING else code(repr(field.default))
            meaning = MEANING.get((cls.__name__, field.name)) or MEANING.get(field.name, "")
            rows.append([code(field.name), code(show_type(field.type)), default, escape(meaning)])
        for prop, tp, doc in derived_properties(cls):
            rows.append([code(prop), code(tp), "derived", escape(doc) + " (a read-only property)"])
        out += table(["field", "type", "default", "meaning"], rows)
        out += [""]
        columns = COLUMNS[name]
        headings = [c for c, _ in columns] + (["sources"] if cls is not belatam.Source else [])
        body = []
        for record in recs:
            row = [show_value(get(record), column) for column, get in columns]
            if cls is not belatam.Source:
                row.append(show_sources(record))
            body.append(row)
        out += [f"**Records** ({len(recs)})", ""]
        out += table(headings, body)
        out += [""]
    return "\n".join(out)


def write(path: Path = DEFAULT_OUTPUT) -> Path:
    """Write the page to ``path`` (only if it changed, so Sphinx rebuilds only then)."""
    text = render()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT))
