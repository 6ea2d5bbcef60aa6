"""The command line: ``python -m belatam`` and the ``belatam`` script.

Without a command it prints a readable overview of the packaged data;
``verify-source FILE`` checks the data against a copy of the source text.
Exit status: 0 on success, 1 when verification finds problems, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from belatam.errors import BelatamError
from belatam.model import MembershipRole, MissionKind
from belatam.queries import HOME, Dataset

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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="belatam", description="Belarus's relations with Latin America and the Caribbean, as sourced data."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("overview", help="print a readable overview of the data (the default)")
    verify = commands.add_parser("verify-source", help="check the data against a copy of the source text")
    verify.add_argument("file", help="the source text, e.g. mfa-latin-america-2019.txt")
    verify.add_argument("--source", help="id of the Source the file is a copy of (default: the hashed one)")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    from belatam.packaged import dataset

    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "verify-source":
            from belatam.provenance import verify_source

            report = verify_source(args.file, source=args.source)
            print(report, file=out)
            return 0 if report.ok else 1
        print(overview(dataset()), file=out)
        return 0
    except (BelatamError, OSError, ValueError) as exc:
        print(f"belatam: error: {exc}", file=err)
        return 2
