"""Write the coverage page: what the data holds for each of the 33 states, and what was searched for in vain.

conf.py calls `write` on every build; run it by hand with

    python docs/gen_coverage.py [OUTPUT]

(default OUTPUT: docs/_generated/coverage.md, which coverage.md includes).
A summary table (a row per state), then a section per state: relations,
missions each way, heads of mission, the last visit, agreements, the years
with trade figures, the sources, what the research looked for and did not
find (``docs/searched.json``) and, where there is more than events to show,
its chronicle as drawn by ``belatam.plots.timeline(country)`` (rendered by
``docs/make_figures.py``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import belatam
from belatam import Country, Dataset

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "_generated" / "coverage.md"
SEARCHED = HERE / "searched.json"
FIGURES = HERE / "_static" / "coverage"


def _when(record: Any, start: str, end: str) -> str:
    """A record's span in words from its fields: ``2012-09 to 2021-12-15 at the latest``."""
    first = getattr(record, start, None)
    seen = getattr(record, "seen", None)
    last = getattr(record, end, None)
    by = getattr(record, end + "_by", None) if end != "until" else getattr(record, "until_by", None)
    left = str(first) if first else (f"seen {seen}" if seen else "start not known")
    if last:
        right = str(last)
    elif by:
        right = f"over by {by}"
    else:
        right = ""
    return f"{left} to {right}" if right else (f"{left}, no end known" if first else left)


def _facts(data: Dataset, state: Country) -> dict[str, Any]:
    code = state.code
    every = data.records()
    missions = [m for m in every["missions"] if {m.sending, m.receiving} == {code, "BY"}]  # type: ignore[attr-defined]
    ids = {m.id for m in missions}  # type: ignore[attr-defined]
    postings = [p for p in every["postings"] if p.mission in ids]  # type: ignore[attr-defined]
    accredited = [a for a in every["accreditations"] if a.receiving == code]  # type: ignore[attr-defined]
    events = [e for e in every["events"] if code in e.countries]  # type: ignore[attr-defined]
    agreements = [a for a in every["agreements"] if code in a.parties]  # type: ignore[attr-defined]
    trade = [t for t in every["trade"] if t.partner == code]  # type: ignore[attr-defined]
    visits = [e for e in events if e.kind is belatam.EventKind.VISIT and e.date is not None]
    held: list[Any] = [state, *missions, *postings, *accredited, *events, *agreements, *trade]
    sources = {r.source for record in held for r in record.sources}
    return {
        "missions": missions,
        "postings": postings,
        "accredited": accredited,
        "events": events,
        "agreements": agreements,
        "trade": trade,
        "last_visit": max(visits, key=belatam.by_date) if visits else None,
        "sources": sources - {"src-un-m49", "src-cldr-49", "src-iso-codes", "src-rigour-territories"},
    }


def _cell(values: Iterable[str]) -> str:
    found = [v for v in values if v]
    return "; ".join(found) if found else "-"


def _mission(data: Dataset, m: Any) -> str:
    kind = m.kind.value.replace("_", " ")
    where = f" in {m.city}" if m.city else ""
    return f"{kind}{where}, {_when(m, 'opened', 'closed')}"


def _head(data: Dataset, record: Any, start: str, end: str) -> str:
    who = getattr(record, "person", None) or getattr(record, "head", None)
    name = data.person(who).name if who else "not named"
    return f"{name} ({_when(record, start, end)})"


def _years(trade: list[Any]) -> str:
    whole = sorted({t.year for t in trade if t.period is None})
    part = sorted({t.year for t in trade if t.period is not None} - set(whole))
    text = ", ".join(map(str, whole))
    if part:
        text += ("; " if text else "") + "part of " + ", ".join(map(str, part))
    return text or "-"


def render(data: Dataset | None = None, searched: dict[str, Any] | None = None) -> str:
    """The page's Markdown."""
    data = data or belatam.dataset()
    searched = searched if searched is not None else json.loads(SEARCHED.read_text(encoding="utf-8"))
    states = sorted(data.countries(), key=lambda c: c.name)
    facts = {c.code: _facts(data, c) for c in states}
    lines = [
        "| State | Relations since | Missions (of Belarus / in Belarus) | Heads of mission | Events | Last visit "
        "| Agreements | Trade years | Sources |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for c in states:
        f = facts[c.code]
        out = sum(1 for m in f["missions"] if m.sending == "BY")
        last = f["last_visit"]
        lines.append(
            f"| {{ref}}`{c.name} <coverage-{c.code.lower()}>` | {c.relations_established or '-'} "
            f"| {out} / {len(f['missions']) - out} | {len(f['postings']) + len(f['accredited'])} "
            f"| {len(f['events'])} | {last.date if last else '-'} | {len(f['agreements'])} "
            f"| {_years(f['trade'])} | {len(f['sources'])} |"
        )
    held = sum(1 for c in states if any(facts[c.code][k] for k in ("missions", "events", "agreements", "trade")))
    lines += ["", f"The data holds missions, events, agreements or trade for {held} of the 33 states.", ""]
    for c in states:
        f = facts[c.code]
        lines += [f"(coverage-{c.code.lower()})=", f"## {c.name} ({c.code})", ""]
        relations = str(c.relations_established) if c.relations_established else "not known"
        lines.append(f"- **Relations established**: {relations}" + (f" ({c.note})" if c.note else ""))
        lines.append(
            "- **Belarus's missions**: " + _cell(_mission(data, m) for m in f["missions"] if m.sending == "BY")
        )
        lines.append(
            f"- **Missions of {c.name} in Belarus**: "
            + _cell(_mission(data, m) for m in f["missions"] if m.sending != "BY")
        )
        heads = [_head(data, p, "began", "ended") for p in f["postings"]]
        heads += [_head(data, a, "began", "ended") + " from another state" for a in f["accredited"]]
        lines.append("- **Heads of mission**: " + _cell(heads))
        last = f["last_visit"]
        lines.append("- **Last visit**: " + (f"{last.date}: {last.summary}" if last else "-"))
        lines.append(
            "- **Agreements**: " + _cell(f"{a.title} ({a.signed or 'signing date not known'})" for a in f["agreements"])
        )
        lines.append("- **Trade figures**: " + _years(f["trade"]))
        lines.append("- **Sources**: " + (", ".join(f"`{s}`" for s in sorted(f["sources"])) or "-"))
        found = searched.get(c.code)
        if found:
            lines.append(f"- **Searched for and not found** ({found['languages']}): {found['not_found']}")
        if (FIGURES / f"{c.code}.png").exists():
            lines += ["", f"![The chronicle of Belarus and {c.name}](_static/coverage/{c.code}.png)"]
        lines.append("")
    return "\n".join(lines) + "\n"


def write(path: Path = DEFAULT_OUTPUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
