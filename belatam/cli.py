"""The command line: ``python -m belatam`` and the ``belatam`` script.

Without a command it prints a readable overview of the packaged data. Every
query of `belatam.Dataset` is a command of the same name, written with dashes
(``trade_figures``: ``trade-figures``; the old name with an underscore still
works, deprecated, with a warning), with its filters as options and its key as
an argument, made from the method's signature and the schema of its records::

    belatam partners --strategic
    belatam events --country CO --country PA --year 2018
    belatam event evt-2018-11-shestakov-panama
    belatam trade              # every trade figure; belatam trade 2018: the region's year
    belatam export --format csv out/
    belatam verify-source mfa-latin-america-2019.txt

A query prints a table (the record's id or code first, long text cut unless
``--wide``), a look-up a field/value table. A query that answers for a day
says which on standard error, ``as of 2018-12-01`` before the table, and
after it what the sources cannot place on that day (``and 3 not known on
2018-12-01``), so that a pipe reads the rows alone; ``--json`` prints the records in
their JSON form instead (money as strings, derived fields such as
``balance`` included). ``--data DIR`` asks a folder of data files (as
`belatam.load` reads it) instead of the packaged data; a file given there is
a usage error (2), a folder that does not exist a file error (4). ``--data``
and ``--json`` may come before the command too (``belatam --data DIR`` is the
overview of DIR). A filter given twice matches either value.

Exit status (the same table ends ``belatam --help``)::

      0  found: records printed, files written, the source verified
      1  nothing found: no record matches the query, or a look-up names a
         key the data does not hold (country Atlantis, trade 2017)
      2  usage error: an unknown command or option, an option without its
         value, a value no record or vocabulary has (--country Colombai,
         --kind palace, changes 9.9), an ambiguous name, a malformed date,
         --data naming a file rather than a folder
      3  data error: the folder given with --data holds invalid data
      4  file error: a file could not be read or written, or the --data
         folder does not exist
      5  an optional extra this needs is not installed
      6  verify-source found problems
     70  internal error (a bug: please report it)
    141  the reader of the output went away (belatam events | head)

A filter's value is told from a look-up's key by the argument the
`belatam.UnknownKeyError` names (its ``parameter``): an option's value that names
nothing is a usage error, a look-up's key the data lacks is "nothing found".
Errors go to standard error as one line, ``belatam: error: ...``; "nothing
found" too, as ``belatam: nothing found: ...`` (with ``--json``, ``[]`` is
still printed).
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TextIO

from belatam.data import REFERENCE_DAY
from belatam.errors import AmbiguousKeyError, BelatamError, DataError, UnknownKeyError, UnknownReleaseError
from belatam.model import KINDS, record_type
from belatam.model.columns import Column, columns, text
from belatam.model.countries import HOME
from belatam.model.schema import Field, describe
from belatam.query.dataset import Dataset, Query
from belatam.query.results import Results
from belatam.text import shorten

__all__ = ["EXIT", "main", "overview", "summary"]

EXIT = {
    "ok": 0,
    "nothing found": 1,
    "usage": 2,
    "data": 3,
    "file": 4,
    "extra": 5,
    "problems": 6,
    "internal": 70,
    "pipe": 141,
}
"""The exit statuses (see the module docstring)."""

_WIDTH = 72
"""Long text (summaries, titles, statements) is cut to about this width unless ``--wide``."""


# -- the overview ----------------------------------------------------------------


def summary(data: Dataset, as_of: object = None) -> dict[str, Any]:
    """The overview of a data set as plain values (what ``overview --json`` prints).

    Relations, partners, missions and memberships are those in force on
    ``as_of`` (the reference date when None), which ``as_of`` names.
    """
    region = data.countries()
    related = set(data.countries(relations=True, as_of=as_of))  # type: ignore[arg-type]
    missions = data.missions(as_of=as_of)  # type: ignore[arg-type]
    day = getattr(missions, "as_of", None)
    out: dict[str, Any] = {
        "as_of": str(day) if day is not None else None,
        "sources": {
            "checked": [
                {"id": s.id, "title": s.title, "publisher": s.publisher, "date": str(s.date) if s.date else None}
                for s in data.sources()
                if s.sha256
            ],
            "others": sum(1 for s in data.sources() if not s.sha256),
        },
        "states": len(region),
        "relations": len(related),
        "without_relations": [c.code for c in region if c not in related],
        "partners": [{"country": p.country, "kind": p.kind.value} for p in data.partnerships(as_of=as_of)],  # type: ignore[arg-type]
        "missions_count": len(missions),
        "missions": {
            direction: {
                kind.value: [m.receiving if direction == "of_belarus" else m.sending for m in found]
                for kind in dict.fromkeys(m.kind for m in missions)
                if (found := [m for m in missions if m.kind is kind and getattr(m, side) == HOME])
            }
            for direction, side in (("of_belarus", "sending"), ("in_belarus", "receiving"))
        },
        "trade": [_plain(t) for t in data.trade_figures() if t.partner is None and t.period is None],
        "memberships_of_belarus": [
            {"organization": m.organization, "role": m.role.value, "since": str(m.since) if m.since else None}
            for m in data.memberships(member=HOME, as_of=as_of)  # type: ignore[arg-type]
        ],
        "events": len(data.events()),
        "records": data.counts(),
    }
    return out


def overview(data: Dataset, as_of: object = None) -> str:
    """A plain-text summary of a data set, section by section, as of a day (the reference date when None)."""
    facts = summary(data, as_of)
    name = {c.code: c.name for c in data.records()["countries"]}  # type: ignore[attr-defined]
    lines = [f'Source: "{s["title"]}", {s["publisher"]} ({s["date"]})' for s in facts["sources"]["checked"]]
    without = [name[c] for c in facts["without_relations"]]
    lines += [
        f"Other sources: {facts['sources']['others']}, for facts and names the source leaves open",
        "",
        f"As of {facts['as_of']} (relations, partners, missions and memberships then in force)",
        f"States of the region: {facts['states']}; diplomatic relations with {facts['relations']}"
        + (f" (not yet: {', '.join(without)})" if without else ""),
        "Partners: " + ", ".join(f"{name[p['country']]} ({p['kind'].replace('_', ' ')})" for p in facts["partners"]),
        f"Missions: {facts['missions_count']}",
    ]
    plural = {"embassy": "embassies", "honorary_consulate": "honorary consulates"}
    for direction, label in (("of_belarus", "of Belarus"), ("in_belarus", "in Belarus")):
        for kind, states in facts["missions"][direction].items():
            heading = plural.get(kind, kind.replace("_", " "))
            lines.append(f"  {heading} {label} ({len(states)}): {', '.join(name[s] for s in states)}")
    for t in facts["trade"]:  # the whole-year figures with the region, each as its source states it
        amounts = [f"{n} {text(_decimal(t[n]))}" for n in ("turnover", "exports", "imports", "balance") if t.get(n)]
        kind = f" {t['kind']}" if t.get("kind") else ""
        lines.append(f"Trade {t['year']}{kind} ({t['currency']}, {t['sources'][0]['source']}): {', '.join(amounts)}")
        if t.get("main_exports"):
            lines.append(f"  main exports: {', '.join(t['main_exports'])}")
    for m in facts["memberships_of_belarus"]:
        since = f" since {m['since']}" if m["since"] else ""
        role = m["role"].replace("_", " ")
        lines.append(f"Belarus is {role} of {data.organization(m['organization']).name}{since}")
    events = data.events()
    years = Counter(e.date.first_day().year for e in events if e.date is not None)
    undated = sum(1 for e in events if e.date is None)
    lines += ["", f"Events ({facts['events']}) by year (`belatam events --year YEAR` lists a year's):"]
    per_line = 8
    cells = [f"{year}: {n}" for year, n in sorted(years.items())]
    lines += ["  " + ", ".join(cells[i : i + per_line]) for i in range(0, len(cells), per_line)]
    if undated:
        lines.append(f"  and {undated} undated (`belatam events` lists them last)")
    lines += ["", "Records: " + ", ".join(f"{n} {kind}" for kind, n in facts["records"].items())]
    return "\n".join(printable(line) for line in lines)


def _decimal(value: str) -> Any:
    from decimal import Decimal

    return Decimal(value)


def _plain(record: object) -> Any:
    """A record's JSON form with its derived fields (money as strings)."""
    from belatam.read.codec import encode

    return encode(record, derived=True)


# -- commands from the queries --------------------------------------------------


def _queries() -> dict[str, tuple[Callable[..., Any], Query]]:
    """Every query method of `Dataset`, by name, with its declaration."""
    found = {}
    for name, member in vars(Dataset).items():
        declared = getattr(member, "__belatam__", None)
        if isinstance(declared, Query):
            found[name] = (member, declared)
    return found


def _doc(method: Callable[..., Any], name: str, brief: bool = False) -> str:
    """The first paragraph of a method's docstring, on one line, written for the shell (for --help).

    ``brief``, for the list of commands, leaves the default day to the command's own help.
    """
    first = (inspect.getdoc(method) or name).split("\n\n")[0]
    return _shell(" ".join(first.split()), method, brief)


def _day(parts: tuple[int, ...]) -> str:
    return "-".join(f"{part:02d}" for part in parts)


_DEFAULT_DAY = f"default: the reference date, belatam.REFERENCE_DATE, {_day(REFERENCE_DAY)}"
"""What ``--as-of`` is when not given."""


def _shell(doc: str, method: Callable[..., Any] | None = None, brief: bool = False) -> str:
    """Docstring text as help for the shell: options for parameters, commands for calls, no None, no markup.

    ``as_of`` becomes ``--as-of DAY`` with its default day; ``since="1991"``
    ``--since 1991``; a key parameter its metavar (``YEAR``); ``sources()``
    the command ``belatam sources``; a remark on None is dropped.
    """
    parameters = {} if method is None else dict(list(inspect.signature(method).parameters.items())[1:])

    def option(name: str) -> str | None:
        parameter = parameters.get(name)
        if parameter is None:
            return None
        return name.upper() if _key(parameter) else f"--{name.replace('_', '-')}"

    def assignment(found: re.Match[str]) -> str:
        named = option(found[1])
        return found[0] if named is None else f"{named} {found[2]}"

    def name(found: re.Match[str]) -> str:
        return option(found[1]) or found[1]

    def call(found: re.Match[str]) -> str:
        return f"belatam {command_name(found[1])}" if found[1] in _queries() else found[1]

    default = "default: the reference date" if brief else _DEFAULT_DAY
    doc = re.sub(r"``as_of``\s*\(the reference date[^)]*\)", f"--as-of DAY ({default})", doc)
    doc = re.sub(r"``(\w+)=\"?([^`\"]*)\"?``", assignment, doc)
    doc = re.sub(r"``(\w+)``", name, doc)
    doc = re.sub(r"`+([^`]*)`+", r"\1", doc)
    doc = re.sub(r"\b(?:belatam\.)?(\w+)\(\)", call, doc)
    doc = re.sub(r";?\s*\([^()]*\bNone\b[^()]*\)|;[^;]*\bNone\b[^;.]*", "", doc)
    return doc


def _what(field: Field) -> str:
    """What a filter's values are, for its help."""
    refers = set(field.refers)
    if refers == {"countries"}:
        return "a state: code, name or alias (CO, COL, 170, Colombia; BY for Belarus)"
    if refers == {"countries", "organizations"}:
        return "a state (code or name) or an organization (id or name)"
    if refers == {"people"}:
        return "a person: id or name"
    if refers == {"organizations"}:
        return "an organization: id or name"
    if field.vocabulary is not None:
        return "one of: " + ", ".join(str(m.value) for m in field.vocabulary)
    if field.choices:
        return "one of: " + ", ".join(field.choices)
    return _field_doc(field)


def _field_doc(field: Field, method: Callable[..., Any] | None = None) -> str:
    """A field's doc as an option's help: for the shell, lower case, no full stop."""
    doc = _shell(field.doc, method).rstrip(".")
    if method is not None and "as_of" in inspect.signature(method).parameters:  # the field is read on that day
        doc = doc.replace("at the reference date", "on --as-of DAY")
    return doc[:1].lower() + doc[1:] if doc[1:2].islower() else doc


_DATES = {
    "year": ("N", "a year such as 2018 (a date in it, or a period overlapping it); repeat for any of several"),
    "since": ("DATE", "from this day on: 2018, 2018-06 or 2018-06-30 (from its first day)"),
    "until": ("DATE", "up to this day: 2018, 2018-06 or 2018-06-30 (to its last day)"),
    "as_of": (
        "DAY",
        f"the day the answer describes, such as 2022-01-01 ({_DEFAULT_DAY})",
    ),
}


def _key(parameter: inspect.Parameter) -> bool:
    """Whether a query's parameter is its key: an argument before the keyword-only ones."""
    return parameter.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _options(parser: argparse.ArgumentParser, method: Callable[..., Any], declared: Query) -> None:
    schema = describe(record_type(declared.filters)) if declared.filters else None
    for parameter in list(inspect.signature(method).parameters.values())[1:]:
        name = parameter.name
        if _key(parameter):
            if declared.required:
                spec = declared.options.get(name)
                parser.add_argument(
                    name,
                    metavar=name.upper(),
                    nargs="+" if spec and spec.many else None,  # cite A B: one answer for several
                    help=spec.help if spec else f"the {name}",
                )
                continue
            what = "the year" if name == "year" else f"the {name} (an id, a code or a name)"
            parser.add_argument(
                name,
                metavar=name.upper(),
                nargs="?",
                type=int if name == "year" else str,
                help=f"{what}; without it, list them all",
            )
            continue
        option = f"--{name.replace('_', '-')}"
        if name in declared.options:
            spec = declared.options[name]
            parser.add_argument(
                option,
                metavar=name.upper(),
                action="append" if spec.many else "store",
                type=spec.type,
                choices=spec.choices or None,
                help=spec.help + ("; repeat for any of several" if spec.many else ""),
            )
            continue
        if name in _DATES:
            metavar, help = _DATES[name]
            action = "append" if name == "year" else "store"
            parser.add_argument(option, metavar=metavar, action=action, type=int if name == "year" else str, help=help)
            continue
        assert schema is not None
        field = schema.filters[name]
        if field.kind.switch:  # --strategic or --no-strategic, not both
            either = parser.add_mutually_exclusive_group()
            doc = _field_doc(field, method)
            either.add_argument(option, dest=name, action="store_const", const=True, help=f"only where yes: {doc}")
            negative = f"--no-{name.replace('_', '-')}"
            either.add_argument(
                negative, dest=name, action="store_const", const=False, help=f"only where no (the opposite of {option})"
            )
        else:
            metavar = name.upper()
            help = f"{_what(field)}; repeat for any of several"
            parser.add_argument(option, metavar=metavar, action="append", help=help)


# -- parsing -----------------------------------------------------------------


class _UsageError(Exception):
    """A command line that argparse refuses (its message, without the usage text)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and whose exit is the caller's."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _version() -> str:
    """The installed belatam's version, and the data version beside it."""
    from importlib.metadata import version

    from belatam.data import DATA_VERSION

    return f"{version('belatam')} (data {DATA_VERSION})"


def _statuses() -> str:
    """The table of exit statuses, from the module docstring (where ``python -OO`` drops it: their names)."""
    found = re.search(r"^Exit status[^\n]*::\n\n(.*?)\n\n", __doc__ or "", re.DOTALL | re.MULTILINE)
    if found is None:
        return "\n".join(f"{code:>5}  {name}" for name, code in EXIT.items())
    return found.group(1)


def command_name(query: str) -> str:
    """The command of a query: its name with dashes (``trade_figures``: ``trade-figures``)."""
    return query.replace("_", "-")


def _folder(path: str) -> str:
    """``--data``'s value: a folder (one that does not exist is the loader's to report, as a file error)."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise argparse.ArgumentTypeError(f"{path} is a file, not a folder of data files")
    return path


_DATA_HELP = "ask the data files in folder DIR instead of the packaged data"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="belatam",
        description=(
            "Belarus's relations with Latin America and the Caribbean, as sourced data.\n"
            "Without a command: the overview. --data and --json may also come before\n"
            "the command. A query that answers for a day takes --as-of DAY\n"
            f"({_DEFAULT_DAY})."
        ),
        epilog=f"exit status:\n{_statuses()}\n\n'belatam COMMAND --help' for a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"belatam {_version()}")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--data", metavar="DIR", type=_folder, help=_DATA_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = _Parser(add_help=False)  # given after the command, they win over the same given before it
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of a table")
    common.add_argument("--data", metavar="DIR", type=_folder, default=argparse.SUPPRESS, help=_DATA_HELP)
    wide = _Parser(add_help=False)
    wide.add_argument("--wide", action="store_true", help="do not cut long text (summaries, titles) to fit the line")
    overview_ = commands.add_parser(
        "overview",
        help="A readable overview of the data (the command when none is given)",
        description=(
            "A readable overview of the data: its sources, the relations, partners, missions and memberships "
            "in force on --as-of DAY, trade with the region, and the events by year."
        ),
        parents=[common],
    )
    overview_.add_argument("--as-of", metavar="DAY", help=_DATES["as_of"][1])
    for name, (method, declared) in _queries().items():
        doc = _doc(method, name)
        command = command_name(name)
        brief = _doc(method, name, brief=True).rstrip(".")
        sub = commands.add_parser(command, help=brief, description=doc, parents=[common, wide])
        sub.set_defaults(query=name)
        _options(sub, method, declared)
        if command != name:  # the old name still works, unlisted (see DEPRECATED)
            old = commands.add_parser(name, prog=f"belatam {command}", description=doc, parents=[common, wide])
            old.set_defaults(query=name, deprecated=command)
            _options(old, method, declared)
    from belatam.exports import FORMATS

    export = commands.add_parser(
        "export",
        help="Write the data as JSON, CSV, a Data Package, JSON-LD or Parquet",
        description=(
            "Write every data file into DIR in one format (give each format its own folder), "
            "with the JSON Schema of each data file and the package and data versions."
        ),
        parents=[common],
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="the file format")
    export.add_argument("directory", metavar="DIR", help="the folder to write into (made if missing)")
    verify = commands.add_parser(
        "verify-source",
        help="Check the data against a copy of the source text",
        description=(
            "Check the data against a copy of the source text: the text's SHA-256, and that every paragraph "
            "the records cite is there and every paragraph from 2 on is cited (exit status 6 on a problem)."
        ),
    )
    verify.add_argument("file", help="the source text, e.g. mfa-latin-america-2019.txt")
    verify.add_argument("--source", help="id of the Source the file is a copy of (default: the hashed one)")
    verify.add_argument(
        "--data",
        metavar="DIR",
        type=_folder,
        default=argparse.SUPPRESS,
        help="check the data files in folder DIR instead of the packaged data",
    )
    verify.add_argument(
        "--force", action="store_true", help="check the paragraphs even when the text is not the one recorded"
    )
    return parser


# -- running -----------------------------------------------------------------


def _dataset(args: argparse.Namespace) -> Dataset:
    if getattr(args, "data", None) is not None:
        from belatam.query.packaged import load

        return load(args.data)
    from belatam.query.packaged import dataset

    return dataset()


def _json(value: object) -> str:
    if isinstance(value, tuple):
        return json.dumps([_plain(r) for r in value], indent=2, ensure_ascii=False)
    return json.dumps(_plain(value), indent=2, ensure_ascii=False)


def _identity(cls: type) -> Field | None:
    """The field a record type is known by (None for nested records such as a person's posts)."""
    return describe(cls).identity


def _table(records: Sequence[object], wide: bool) -> str:
    """Records as a table: the identity first, then the fields marked for tables, long text last.

    Records of several types (``belatam record``) share one first column,
    ``id``, with each record's identity (a country's code).
    """
    classes = list(dict.fromkeys(type(r) for r in records))
    identities = {identity.name for cls in classes if (identity := _identity(cls)) is not None}
    mixed = len(identities) > 1
    table: list[Column] = []
    for cls in classes:
        names = {c.name for c in table}
        table += [c for c in columns(cls, table=True) if c.name not in names and not (mixed and c.field.identity)]
    table = [c for c in table if not c.field.long] + [c for c in table if c.field.long]
    rows = []
    for record in records:
        identity = _identity(type(record))
        row = [text(getattr(record, identity.name)) if identity else ""] if mixed else []
        for column in table:
            cell = text(column.raw(record)) if hasattr(record, column.field.name) else ""
            row.append(cell if wide or not column.field.long else shorten(cell, _WIDTH))
        rows.append(row)
    first = ["id"] if mixed else []
    right = {i + len(first) for i, c in enumerate(table) if c.kind.numeric}
    return format_table(first + [c.name for c in table], rows, right=right)


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters from the data (an escape sequence, a bell, a
    line break inside a cell) shown as Python escapes (``\\x1b``), never acted on."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """Rows of cells as aligned plain text: a header row, a rule of dashes, one line per row.

    >>> print(format_table(["code", "name"], [["CU", "Cuba"], ["VE", "Venezuela"]]))
    code  name
    ----  ---------
    CU    Cuba
    VE    Venezuela
    """
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"{len(row)} cells for {len(headers)} columns: {row!r}")
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(row) for row in rows)])


def _record_table(record: object) -> str:
    return format_table(["field", "value"], [[c.name, text(c.raw(record))] for c in columns(type(record))])


def _arguments(args: argparse.Namespace, method: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    """The positional and keyword arguments of the query call that the command line asks for."""
    kwargs: dict[str, Any] = {}
    positional = []
    for parameter in list(inspect.signature(method).parameters.values())[1:]:
        value = getattr(args, parameter.name, None)
        if _key(parameter):
            positional.append(value[0] if isinstance(value, list) and len(value) == 1 else value)
        elif value is None and parameter.default is not inspect.Parameter.empty:
            kwargs[parameter.name] = parameter.default  # an option not given: the method's default (limit=10)
        elif isinstance(value, list) and len(value) == 1:
            kwargs[parameter.name] = value[0]
        else:
            kwargs[parameter.name] = value
    return positional, kwargs


def _call(args: argparse.Namespace, method: Callable[..., Any], data: Dataset) -> Any:
    positional, kwargs = _arguments(args, method)
    if positional and positional[0] is None:
        return None  # a look-up without its key: the caller lists the records
    return method(data, *positional, **kwargs)


def _query(name: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    method, declared = _queries()[name]
    data = _dataset(args)
    try:
        result = _call(args, method, data)
    except UnknownKeyError as exc:  # an option's value that names nothing is bad usage; a look-up's key, not found
        if exc.parameter in _filters(method):
            raise _UsageError(str(exc)) from exc
        raise
    if result is None:  # a look-up without its key
        if declared.kind is None:  # `record`: every record it finds by id (or code)
            result = tuple(r for kind in KINDS for r in data.records()[kind])
        else:
            result = data.records()[declared.kind]
    elif declared.text:  # a citation: the text itself (with --json, as a JSON string)
        print(json.dumps(result, ensure_ascii=False) if args.json else result, file=out)
        return EXIT["ok"]
    elif declared.one:
        print(_json(result) if args.json else _record_table(result), file=out)
        return EXIT["ok"]
    left_out = result.left_out() if isinstance(result, Results) else ""
    if args.json:
        if _timed(method):  # the day, the records and what the sources cannot place, each under its key
            day = getattr(result, "as_of", None)
            answer = {
                "as_of": None if day is None else str(day),
                "records": [_plain(r) for r in result],
                "unknown": [_plain(r) for r in getattr(result, "unknown", ())],
            }
            print(json.dumps(answer, indent=2, ensure_ascii=False), file=out)
        else:
            print(_json(tuple(result)), file=out)
    elif result:  # the day answered and what is not known on it: beside the table, so a pipe reads the rows alone
        day = getattr(result, "as_of", None)
        if day is not None:
            print(f"as of {day}", file=err)
        print(_table(result, args.wide), file=out)
        if left_out:
            out.flush()
            print(f"and {left_out}", file=err)
    if not result:
        keys, given = _arguments(args, method)
        call = ", ".join(
            [*(repr(k) for k in keys if k is not None), *(f"{k}={v!r}" for k, v in given.items() if v is not None)]
        )
        also = f"; {left_out}" if left_out else ""
        print(f"belatam: nothing found: {name}({call}) is empty{also}", file=err)
        return EXIT["nothing found"]
    return EXIT["ok"]


def _filters(method: Callable[..., Any]) -> set[str]:
    """The names of a query's keyword-only parameters: its filters and options, not its key."""
    parameters = inspect.signature(method).parameters.values()
    return {p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}


def _timed(method: Callable[..., Any]) -> bool:
    """Whether a query answers for a day or a span (its JSON then says which, and what it cannot place)."""
    return not {"as_of", "since", "until"}.isdisjoint(inspect.signature(method).parameters)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from belatam.exports import export

    data = _dataset(args) if args.data is not None else None
    written = export(args.directory, args.format, data)
    if args.json:
        print(json.dumps([str(path) for path in written], indent=2), file=out)
    else:
        for path in written:
            print(path, file=out)
    return EXIT["ok"]


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    from belatam.provenance import verify_source

    data = _dataset(args) if args.data is not None else None
    report = verify_source(args.file, data=data, source=args.source, force=args.force)
    print(report, file=out)
    return EXIT["ok"] if report.ok else EXIT["problems"]


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "verify-source":
        return _verify(args, out)
    if args.command == "export":
        return _export(args, out)
    if getattr(args, "deprecated", None):
        print(f"belatam: warning: '{args.command}' is deprecated; use '{args.deprecated}'", file=err)
    if getattr(args, "query", None) is not None:
        return _query(args.query, args, out, err)
    data = _dataset(args) if getattr(args, "data", None) is not None else None
    if data is None:
        from belatam.query.packaged import dataset

        data = dataset()
    if getattr(args, "json", False):
        print(json.dumps(summary(data, getattr(args, "as_of", None)), indent=2, ensure_ascii=False), file=out)
    else:
        print(overview(data, getattr(args, "as_of", None)), file=out)
    return EXIT["ok"]


def _fail(err: TextIO, exc: BaseException, status: int, label: str = "error") -> int:
    """Report an error as one line on ``err``; returns ``status``."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    with contextlib.suppress(Exception):
        print(f"belatam: {label}: {message}", file=err)
    return status


@contextlib.contextmanager
def _encodable(stream: TextIO) -> Iterator[None]:
    """Let text the stream's encoding cannot hold (a pilcrow under LANG=C) be escaped, not fatal."""
    reconfigure = getattr(stream, "reconfigure", None)
    errors = getattr(stream, "errors", None)
    if reconfigure is not None and errors in ("strict", "surrogateescape"):  # a narrow locale (LC_ALL=POSIX)
        with contextlib.suppress(Exception):
            reconfigure(errors="backslashreplace")
    yield


def _silence(out: TextIO) -> None:
    """Point a closed standard output at the null device, so exiting cannot fail on a flush."""
    if out is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            target = sys.stdout.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, target)
            os.close(null)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    ``out`` and ``err`` default to standard output and standard error.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if out is None:  # started with standard output closed (belatam ... >&-): say so, never print into nothing
        if err is not None:
            print("belatam: error: standard output is closed; nothing can be printed", file=err)
        return EXIT["file"]
    with _encodable(out), _encodable(err):
        try:
            with contextlib.redirect_stdout(out):  # --help and --version print to standard output
                args = _parser().parse_args(argv)
        except _UsageError as exc:
            return _fail(err, exc, EXIT["usage"])
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else EXIT["ok"]
        try:
            status = _run(args, out, err)
            out.flush()
            return status
        except BrokenPipeError:  # the reader stopped early (belatam events | head)
            _silence(out)
            return EXIT["pipe"]
        except _UsageError as exc:
            return _fail(err, exc, EXIT["usage"])
        except (AmbiguousKeyError, UnknownReleaseError) as exc:
            return _fail(err, exc, EXIT["usage"])
        except LookupError as exc:
            return _fail(err, exc, EXIT["nothing found"])
        except DataError as exc:
            return _fail(err, exc, EXIT["data"])
        except OSError as exc:  # before BelatamError: a missing --data folder is one (MissingFolderError)
            return _fail(err, exc, EXIT["file"])
        except ImportError as exc:
            return _fail(err, exc, EXIT["extra"])
        except (BelatamError, ValueError, TypeError) as exc:
            return _fail(err, exc, EXIT["usage"])
        except Exception as exc:  # a bug: say so, in one line, with what to report
            return _fail(err, exc, EXIT["internal"], f"internal error ({type(exc).__name__}; please report it)")
