"""The command line: ``python -m belatam`` and the ``belatam`` script.

Without a command it prints a readable overview of the packaged data;
``verify-source FILE`` checks the data against a copy of the source text. The
other commands are the query helpers of `belatam`, with their filters as
options::

    belatam partners --strategic
    belatam events --country CO --year 2018
    belatam trade 2018 --json
    belatam export --format csv out/

Each query prints an aligned table (``--json``: the records as JSON, a list,
or an object for ``country`` and ``trade``, in the form of the data files);
``--wide`` keeps long text uncut; ``--data DIR`` asks a folder of data files
(as `belatam.load` reads them) instead of the packaged data; ``belatam
COMMAND --help`` lists the options.

Exit status:

- **0**: results printed (files written, verification passed);
- **1**: nothing found: the query matched no records (``events --country BS
  --year 2012``), or named a well-formed key that the data does not hold
  (``trade 2017``, ``country Atlantis``, ``--person nobody``: the library's
  ``LookupError``); for ``verify-source``, problems found;
- **2**: bad usage: an unknown command or option, a missing or malformed
  argument (``--year abc``), a value that can never be valid (``--kind
  palace``, ``--year -5``: the library's ``ValueError`` and ``TypeError``), or
  what the command could not do (a file it cannot read or write, a missing
  optional extra). ``verify-source`` answers 2 to every error, as before;
- **141**: the reader of the output went away (``belatam events | head``),
  as for a process ended by SIGPIPE.

Errors go to standard error as one line, ``belatam: error: ...``; "nothing
found" too, as ``belatam: nothing found: ...`` (with ``--json``, ``[]`` is
still printed).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NoReturn, TextIO

from belatam.errors import BelatamError
from belatam.model import EventKind, MembershipRole, MissionKind, OrganizationKind, Topic
from belatam.queries import HOME, Dataset
from belatam.tables import cell, format_table, is_number, record_rows, shorten

__all__ = ["main", "overview"]


_PLURAL = {MissionKind.EMBASSY: "embassies", MissionKind.HONORARY_CONSULATE: "honorary consulates"}


def _money(amount: object) -> str:
    return f"{amount:,}"


def overview(data: Dataset) -> str:
    """A plain-text summary of a data set, section by section."""
    region = data.countries()
    without = [c.name for c in region if c.relations is False]
    lines: list[str] = []
    for src in data.sources():
        if src.sha256:
            lines.append(f'Source: "{src.title}", {src.publisher} ({src.date})')
    others = sum(1 for s in data.sources() if not s.sha256)
    lines += [
        f"Other sources: {others} public pages, for facts the source leaves open",
        "",
        f"States of the region: {len(region)}; diplomatic relations with {len(region) - len(without)}"
        + (f" (not yet: {', '.join(without)})" if without else ""),
    ]
    partners = ", ".join(
        f"{data.country(p.country).name} ({p.kind.value.replace('_', ' ')})" for p in data.partnerships()
    )
    lines.append(f"Partners: {partners}")
    lines.append(f"Missions: {len(data.missions())}")
    for direction, kwargs in (("of Belarus", {"sending": HOME}), ("in Belarus", {"receiving": HOME})):
        for kind in MissionKind:
            found = data.missions(kind=kind, **kwargs)
            other = ", ".join(data.country(m.receiving if m.sending == HOME else m.sending).name for m in found)
            lines.append(f"  {_PLURAL[kind]} {direction} ({len(found)}): {other}")
    for year in sorted({t.year for t in data.records()["trade"] if hasattr(t, "year")}):
        t = data.trade(year)
        lines += [
            f"Trade {year} ({t.currency}): turnover {_money(t.turnover)}, exports {_money(t.exports)}, "
            f"imports {_money(t.imports)}, balance {_money(t.balance)}",
            f"  main exports: {', '.join(t.main_exports)}",
        ]
    for m in data.memberships(member=HOME):
        since = f" since {m.since}" if m.since else ""
        role = "member" if m.role is MembershipRole.MEMBER else m.role.value.replace("_", " ")
        lines.append(f"Belarus is {role} of {data.organization(m.organization).name}{since}")
    lines += ["", f"Events ({len(data.events())}), in date order:"]
    for e in data.events():
        when = str(e.date) if e.date else "undated"
        body = textwrap.shorten(e.summary, 90, placeholder="...")
        lines.append(f"  {when:<16} {e.kind.value:<18} {body}")
    lines += ["", "Records: " + ", ".join(f"{n} {name}" for name, n in data.counts().items())]
    return "\n".join(lines)


# -- the query commands ------------------------------------------------------

_WIDTH = 72
"""Long text (summaries, titles, statements) is cut to about this width unless ``--wide``."""

Getter = Callable[[Dataset, Any], object]


class _Command:
    """A query command: its help, the helper it calls, and the columns of its table."""

    def __init__(
        self,
        help: str,
        query: Callable[[Dataset, argparse.Namespace], Any],
        columns: Sequence[tuple[str, Getter]] = (),
        long: Mapping[str, int] | None = None,
    ) -> None:
        self.help = help
        self.query = query
        self.columns = tuple(columns)
        self.long = dict(long or {})  # header: the width its cells are cut to

    @property
    def single(self) -> bool:
        """Whether the command answers with one record (a field/value table, a JSON object)."""
        return not self.columns


def _field(name: str) -> tuple[str, Getter]:
    return name, lambda data, record: getattr(record, name)


def _other_state(data: Dataset, mission: Any) -> str:
    code = mission.receiving if mission.sending == HOME else mission.sending
    return data.country(code).name


def _partnership(data: Dataset, country: Any) -> object:
    return tuple(p.kind for p in data.partnerships(country=country))


_COMMANDS: dict[str, _Command] = {
    "countries": _Command(
        "the 33 states of the region, sorted by name",
        lambda d, a: d.countries(relations=a.relations, subregion=a.subregion),
        [
            _field("code"),
            _field("alpha3"),
            _field("name"),
            _field("subregion"),
            _field("relations"),
            ("established", lambda d, c: c.relations_established),
        ],
    ),
    "country": _Command("one state (or Belarus) by code, name or alias", lambda d, a: d.country(a.key)),
    "partners": _Command(
        "the states the source calls partners of Belarus",
        lambda d, a: d.partners(strategic=a.strategic),
        [_field("code"), _field("name"), _field("subregion"), ("partnership", _partnership)],
    ),
    "missions": _Command(
        "diplomatic missions in both directions",
        lambda d, a: d.missions(sending=a.sending, receiving=a.receiving, kind=a.kind),
        [_field("kind"), _field("sending"), _field("receiving"), ("state", _other_state), _field("opened")],
    ),
    "events": _Command(
        "visits, consultations, signings and other events, in date order",
        lambda d, a: d.events(country=a.country, year=a.year, kind=a.kind, person=a.person),
        [_field("date"), _field("kind"), _field("countries"), _field("summary")],
        long={"summary": _WIDTH},
    ),
    "agreements": _Command(
        "signed bilateral documents, in date order",
        lambda d, a: d.agreements(country=a.country, year=a.year),
        [_field("signed"), _field("kind"), _field("parties"), _field("title")],
        long={"title": _WIDTH},
    ),
    "organizations": _Command(
        "enterprises, offices, projects and public bodies, sorted by name",
        lambda d, a: d.organizations(kind=a.kind, country=a.country),
        [_field("id"), _field("name"), _field("kind"), _field("country"), _field("established")],
        long={"name": _WIDTH},
    ),
    "people": _Command(
        "the people the source names, with their posts",
        lambda d, a: d.people(country=a.country),
        [_field("id"), _field("name"), _field("roles")],
        long={"roles": _WIDTH},
    ),
    "memberships": _Command(
        "memberships and observer statuses in organisations",
        lambda d, a: d.memberships(organization=a.organization, member=a.member, role=a.role),
        [_field("organization"), _field("member"), _field("role"), _field("since")],
    ),
    "statements": _Command(
        "the source's policy aims and assessments, in our words",
        lambda d, a: d.statements(country=a.country, topic=a.topic),
        [_field("id"), _field("topic"), _field("countries"), _field("text")],
        long={"text": _WIDTH},
    ),
    "trade": _Command("Belarus's trade in goods with the region in one year", lambda d, a: d.trade(a.year)),
    "sources": _Command(
        "the source documents",
        lambda d, a: d.sources(),
        [_field("id"), _field("date"), _field("publisher"), _field("title")],
        long={"publisher": 40, "title": 60},
    ),
}

_FORMATS = ("json", "csv", "datapackage", "parquet")
"""The formats of `belatam.exporting.export`."""


def _values(vocabulary: type[Any]) -> str:
    return ", ".join(str(m.value) for m in vocabulary)


def _options(name: str, parser: argparse.ArgumentParser) -> None:
    """The filters and arguments of one query command."""
    country = "a code, name or alias (CO, COL, 170, Colombia)"
    year = "a year such as 2018 (a date in it, or a period overlapping it)"
    if name == "countries":
        parser.add_argument(
            "--relations",
            action=argparse.BooleanOptionalAction,
            help="only states with (--relations) or without (--no-relations) diplomatic relations",
        )
        parser.add_argument("--subregion", metavar="S", help="Caribbean, 'Central America' or 'South America'")
    elif name == "country":
        parser.add_argument("key", metavar="KEY", help=f"the state: {country}, or BY for Belarus")
    elif name == "partners":
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument(
            "--strategic", dest="strategic", action="store_const", const=True, help="only the strategic partners"
        )
        choice.add_argument(
            "--not-strategic", dest="strategic", action="store_const", const=False, help="only the other partners"
        )
    elif name == "missions":
        parser.add_argument("--sending", metavar="STATE", help=f"the sending state: {country}, or BY")
        parser.add_argument("--receiving", metavar="STATE", help=f"the receiving state: {country}, or BY")
        parser.add_argument("--kind", metavar="KIND", help=f"one of: {_values(MissionKind)}")
    elif name == "events":
        parser.add_argument("--country", metavar="STATE", help=f"a state involved: {country}")
        parser.add_argument("--year", metavar="N", type=int, help=year)
        parser.add_argument("--kind", metavar="KIND", help=f"one of: {_values(EventKind)}")
        parser.add_argument("--person", metavar="PERSON", help="a participant: a person id or name")
    elif name == "agreements":
        parser.add_argument("--country", metavar="STATE", help=f"a party: {country}")
        parser.add_argument("--year", metavar="N", type=int, help="the year of signing, such as 2018")
    elif name == "organizations":
        parser.add_argument("--kind", metavar="KIND", help=f"one of: {_values(OrganizationKind)}")
        parser.add_argument("--country", metavar="STATE", help=f"where it is or works: {country}")
    elif name == "people":
        parser.add_argument("--country", metavar="STATE", help=f"the state they serve: {country}, or BY")
    elif name == "memberships":
        parser.add_argument("--organization", metavar="ORG", help="an organization id or name (see organizations)")
        parser.add_argument("--member", metavar="MEMBER", help=f"a member: {country}, BY, or an organization id")
        parser.add_argument("--role", metavar="ROLE", help=f"one of: {_values(MembershipRole)}")
    elif name == "statements":
        parser.add_argument("--country", metavar="STATE", help=f"a state it concerns: {country}")
        parser.add_argument("--topic", metavar="TOPIC", help=f"one of: {_values(Topic)}")
    elif name == "trade":
        parser.add_argument("year", metavar="YEAR", type=int, help="the year, such as 2018")


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


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="belatam",
        description="Belarus's relations with Latin America and the Caribbean, as sourced data.",
        epilog="Exit status: 0 results, 1 nothing found, 2 bad usage. 'belatam COMMAND --help' for a command.",
    )
    parser.add_argument("--version", action="version", version=f"belatam {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("overview", help="print a readable overview of the data (the default)")
    verify = commands.add_parser("verify-source", help="check the data against a copy of the source text")
    verify.add_argument("file", help="the source text, e.g. mfa-latin-america-2019.txt")
    verify.add_argument("--source", help="id of the Source the file is a copy of (default: the hashed one)")
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print the records as JSON, in the data files' form")
    common.add_argument("--data", metavar="DIR", help="query the data files in DIR instead of the packaged data")
    wide = _Parser(add_help=False)
    wide.add_argument("--wide", action="store_true", help="do not cut long text (summaries, titles) to fit the line")
    for name, command in _COMMANDS.items():
        parents = [common] if command.single else [common, wide]
        sub = commands.add_parser(name, help=command.help, description=f"Print {command.help}.", parents=parents)
        _options(name, sub)
    export = commands.add_parser(
        "export",
        help="write the data as JSON, CSV, a Data Package or Parquet",
        description="Write every data file into DIR in one format (give each format its own folder).",
        parents=[common],
    )
    export.add_argument("--format", required=True, choices=_FORMATS, help="the file format")
    export.add_argument("directory", metavar="DIR", help="the folder to write into (made if missing)")
    return parser


# -- running -----------------------------------------------------------------


def _dataset(args: argparse.Namespace) -> Dataset:
    if getattr(args, "data", None) is not None:
        from belatam.packaged import load

        return load(args.data)
    from belatam.packaged import dataset

    return dataset()


def _json(value: object) -> str:
    from belatam.convert import converter

    return json.dumps(converter.unstructure(value), indent=2, ensure_ascii=False)


def _table(data: Dataset, command: _Command, records: Sequence[object], wide: bool) -> str:
    raw = [[get(data, record) for _, get in command.columns] for record in records]
    right = {i for i in range(len(command.columns)) if any(is_number(row[i]) for row in raw)}
    headers = [header for header, _ in command.columns]
    widths = {} if wide else {i: command.long[h] for i, h in enumerate(headers) if h in command.long}
    rows = [[shorten(cell(v), widths[i]) if i in widths else cell(v) for i, v in enumerate(row)] for row in raw]
    return format_table(headers, rows, right=right)


def _filters(args: argparse.Namespace, skip: Sequence[str]) -> str:
    given = {k: v for k, v in vars(args).items() if k not in skip and v is not None}
    return ", ".join(f"{k}={v!r}" for k, v in given.items())


def _query(name: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    command = _COMMANDS[name]
    data = _dataset(args)
    result = command.query(data, args)
    if command.single:
        print(_json(result) if args.json else format_table(["field", "value"], record_rows(result)), file=out)
        return 0
    if args.json:
        print(_json(list(result)), file=out)
    elif result:
        print(_table(data, command, result, args.wide), file=out)
    if not result:
        call = _filters(args, ("command", "json", "wide", "data"))
        print(f"belatam: nothing found: {name}({call}) is empty", file=err)
        return 1
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from belatam.exporting import export

    data = _dataset(args) if args.data is not None else None
    written = export(args.directory, args.format, data)
    if args.json:
        print(json.dumps([str(path) for path in written], indent=2), file=out)
    else:
        for path in written:
            print(path, file=out)
    return 0


def _fail(err: TextIO, exc: BaseException, status: int) -> int:
    """Report an error as one line on ``err``; returns ``status``."""
    message = " ".join(str(exc).splitlines()) or type(exc).__name__
    print(f"belatam: error: {message}", file=err)
    return status


def _silence(out: TextIO) -> None:
    """Point a closed standard output at the null device, so exiting cannot fail on a flush."""
    if out is sys.stdout:
        import os

        with contextlib.suppress(OSError, ValueError):
            target = sys.stdout.fileno()
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, target)
            os.close(null)


def _verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from belatam.provenance import verify_source

    try:
        report = verify_source(args.file, source=args.source)
    except (BelatamError, OSError, ValueError) as exc:
        return _fail(err, exc, 2)
    print(report, file=out)
    return 0 if report.ok else 1


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    ``out`` and ``err`` default to standard output and standard error.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with contextlib.redirect_stdout(out):  # --help prints to standard output
            args = _parser().parse_args(argv)
    except _UsageError as exc:
        return _fail(err, exc, 2)
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    if args.command == "verify-source":
        return _verify(args, out, err)
    try:
        if args.command == "export":
            return _export(args, out)
        if args.command in _COMMANDS:
            return _query(args.command, args, out, err)
        from belatam.packaged import dataset

        print(overview(dataset()), file=out)
        return 0
    except BrokenPipeError:  # the reader stopped early (belatam events | head)
        _silence(out)
        return 141
    except LookupError as exc:
        return _fail(err, exc, 1)
    except (BelatamError, OSError, ValueError, TypeError, ImportError) as exc:
        return _fail(err, exc, 2)
