"""Charts of the data with matplotlib: events on a timeline (the region's, or one state's), missions by state.

Needs matplotlib (belatam's ``plot`` extra: ``pip install '.[plot]'`` from a checkout); it is
imported when a chart is drawn, never when belatam is.

    >>> from belatam.plots import missions_chart, timeline
    >>> ax = timeline()                                     # doctest: +SKIP
    >>> ax.figure.savefig("timeline.png")                   # doctest: +SKIP
    >>> timeline("Venezuela").figure.savefig("ve.png")      # doctest: +SKIP

Each function draws into ``ax`` when given (a matplotlib ``Axes``),
else into a new figure made with pyplot, and returns the axes; the figure is
``ax.figure``. ``data`` is a `Dataset` (the packaged one when None).
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from belatam.dates import LAST, Day, PartialDate, Period
from belatam.errors import InvalidTypeError
from belatam.extras import require
from belatam.model.accreditations import Accreditation
from belatam.model.countries import HOME, Country
from belatam.model.events import EventKind
from belatam.model.missions import Mission, MissionKind
from belatam.model.postings import Posting
from belatam.model.trade import TradeFigures
from belatam.model.validity import span_of
from belatam.query.dataset import Dataset
from belatam.query.packaged import given_or_packaged
from belatam.query.results import Results

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["KIND_STYLE", "NO_STATE", "Lane", "country_lanes", "missions_chart", "timeline"]

KIND_STYLE: dict[EventKind, tuple[str, str]] = {
    EventKind.VISIT: ("o", "C0"),
    EventKind.MEETING: ("s", "C1"),
    EventKind.CONSULTATIONS: ("D", "C2"),
    EventKind.COMMISSION_MEETING: ("P", "C3"),
    EventKind.FORUM: ("^", "C4"),
    EventKind.SIGNING: ("*", "C5"),
    EventKind.CREDENTIALS: ("<", "C5"),
    EventKind.ESTABLISHMENT: ("v", "C6"),
    EventKind.CONSTRUCTION: ("X", "C7"),
    EventKind.ACCESSION: ("h", "C9"),
    EventKind.OBSERVER_STATUS: ("p", "C8"),
    EventKind.RECOGNITION: ("d", "k"),
}
"""The marker and colour of each kind of event on the timeline."""

NO_STATE = "(no state named)"
"""The timeline's row for events that involve none of the region's states by name."""

_MISSION_COLOURS = {
    MissionKind.EMBASSY: "#1f4e79",
    MissionKind.CONSULATE_GENERAL: "#3c7fb1",
    MissionKind.HONORARY_CONSULATE: "#8fb8de",
}


def _label(kind: EventKind | MissionKind) -> str:
    return str(kind.value).replace("_", " ")


def _require() -> None:
    require("matplotlib", "plot")


def _axes(ax: Axes | None, rows: int) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(10, 1.6 + 0.38 * max(rows, 1)), layout="constrained")
    return new


def _year(day: datetime.date) -> float:
    """A day as a fractional year: 2018-07-02 is about 2018.5."""
    start = datetime.date(day.year, 1, 1).toordinal()
    length = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
    return day.year + (day.toordinal() - start) / length


def _span(date: PartialDate) -> tuple[float, float]:
    """The interval of a date as fractional years: from its first day to the end of its last."""
    return _year(date.first_day()), _year(date.last_day()) + 1 / 365


def _bounds(date: PartialDate | Period) -> tuple[float | None, float | None]:
    """The first and the last moment of a date as fractional years (None for an open end)."""
    if isinstance(date, Period):
        return (_span(date.start)[0] if date.start else None, _span(date.end)[1] if date.end else None)
    return _span(date)


def timeline(country: str | Country | None = None, *, data: Dataset | None = None, ax: Axes | None = None) -> Axes:
    """The dated events of the region, or one state's relationship with Belarus over the years.

    Without ``country``: one row per state (y), by date (x), one marker per
    event. An event is drawn on the row of every state it involves (the
    region's states, sorted by name; events naming none on a last row,
    `NO_STATE`), at the middle of its date's interval (2018 is mid-2018,
    2018-11 mid November). A period is a line from its start to its end; an
    open end runs to the edge of the chart. Kinds differ by marker and colour
    (`KIND_STYLE`), with a legend; undated events are counted in the x label.

    With ``country`` (a code, a name or a `belatam.Country`): that state's chronicle,
    a lane per mission (both ways) and per head of mission or accreditation,
    drawn where the sources show it in force (solid) and where they cannot
    tell (faint), a lane of its events and one of its whole-year trade
    turnover, each bar scaled to the largest (see `country_lanes`).
    """
    _require()
    if isinstance(country, Dataset):
        raise InvalidTypeError(
            "country must be a state (a code, a name or a Country), not a Dataset; give a data set as data="
        )
    if country is not None:
        return _country_timeline(country, given_or_packaged(data), ax)
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    data = given_or_packaged(data)
    events = data.events()
    dated = [e for e in events if e.date is not None]
    codes = sorted({c for e in dated for c in e.countries}, key=lambda c: (data.country(c).name, c))
    labels = [data.country(c).name for c in codes] + ([NO_STATE] if any(not e.countries for e in dated) else [])
    row = {code: i for i, code in enumerate(codes)}
    ax = _axes(ax, len(labels))
    bounds = [_bounds(e.date) for e in dated if e.date is not None]
    known = [x for pair in bounds for x in pair if x is not None]
    low, high = (min(known), max(known)) if known else (2000.0, 2001.0)
    marks = []  # (event, row, start, end, middle)
    for event, (first, last) in zip(dated, bounds, strict=True):
        start = low if first is None else first
        end = high if last is None else last
        for y in [row[c] for c in event.countries] or [len(codes)]:
            marks.append((event, y, start, end, round((start + end) / 2, 2)))
    together = Counter((y, x) for _, y, _, _, x in marks)  # marks at one spot are spread across the row
    placed: Counter[tuple[int, float]] = Counter()
    for event, y, start, end, x in marks:
        marker, colour = KIND_STYLE[event.kind]
        height = y + 0.18 * (placed[(y, x)] - (together[(y, x)] - 1) / 2)
        placed[(y, x)] += 1
        if isinstance(event.date, Period):
            ax.plot([start, end], [height] * 2, color=colour, linewidth=2.5, alpha=0.7, zorder=2)
            ax.plot([start, end], [height] * 2, color=colour, marker="|", markersize=10, linestyle="none", zorder=2)
        else:
            ax.plot(x, height, marker=marker, color=colour, linestyle="none", markersize=8, zorder=3)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.4, -0.6)
    ax.set_xlim(int(low) - 0.2, int(high) + 1.2)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", alpha=0.3)
    undated = len(events) - len(dated)
    ax.set_xlabel("year" + (f" ({undated} undated events not shown)" if undated else ""))
    ax.set_title("Events in Belarus's relations with Latin America and the Caribbean")
    present = dict.fromkeys(e.kind for e in dated)
    handles = [
        Line2D([], [], marker=KIND_STYLE[k][0], color=KIND_STYLE[k][1], linestyle="none", label=_label(k))
        for k in KIND_STYLE
        if k in present
    ]
    if any(isinstance(e.date, Period) for e in dated):
        handles.append(Line2D([], [], color="grey", linewidth=2.5, marker="|", label="period (start to end)"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def missions_chart(
    data: Dataset | None = None, ax: Axes | None = None, *, as_of: datetime.date | str | PartialDate | None = None
) -> Axes:
    """Diplomatic missions in both directions on one day, one row per state, split by kind.

    Bars to the right count Belarus's missions in the state, bars to the left
    the state's missions in Belarus, stacked by kind (embassy, honorary
    consulate). Rows are the states with a mission either way, sorted by name.
    ``as_of`` is the day shown (`belatam.REFERENCE_DATE` when None), as
    `belatam.missions` takes it; the title names it, and says how many
    missions the sources cannot place on that day.
    """
    _require()
    from matplotlib.ticker import FuncFormatter, MultipleLocator

    data = given_or_packaged(data)
    missions = data.missions(as_of=as_of)
    others = {m.receiving if m.sending == HOME else m.sending for m in missions} - {HOME}
    states = sorted((data.country(c) for c in others), key=lambda c: c.name)
    ax = _axes(ax, len(states))
    counts = Counter((m.sending, m.receiving, m.kind) for m in missions)
    ys = range(len(states))
    widest = 1
    kinds = [k for k in MissionKind if any(key[2] is k for key in counts)] or list(MissionKind)
    for sign, direction in ((1, "out"), (-1, "in")):
        done = [0] * len(states)
        for kind in kinds:
            width = [counts[(HOME, c.code, kind) if direction == "out" else (c.code, HOME, kind)] for c in states]
            label = _label(kind) if direction == "out" else None
            ax.barh(
                ys,
                [sign * w for w in width],
                left=[sign * d for d in done],
                color=_MISSION_COLOURS[kind],
                edgecolor="white",
                label=label,
            )
            done = [d + w for d, w in zip(done, width, strict=True)]
        widest = max(widest, *done) if done else widest
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(list(ys), [c.name for c in states])
    ax.set_ylim(max(len(states), 1) - 0.5, -0.5)  # no states: an empty row, not a singular axis
    ax.set_xlim(-widest - 0.5, widest + 0.5)
    ax.xaxis.set_major_locator(MultipleLocator(1))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    ax.set_xlabel("← the state's missions in Belarus          Belarus's missions in the state →")
    answer = missions if isinstance(missions, Results) else Results(missions)
    title = f"Diplomatic missions between Belarus and the states of the region on {answer.as_of}"
    if answer.unknown:
        title += f"\n({len(answer.unknown)} more the sources cannot place on that day)"
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize="small", framealpha=0.9)
    return ax


class Lane(NamedTuple):
    """One row of a state's chronicle: a label and what it draws.

    ``spans`` are (first, last, known) in fractional years: solid where the
    sources show the record in force, faint where they cannot tell; ``marks``
    are (x, kind) events; ``bars`` (x, height from 0 to 1, amount) trade.
    """

    label: str
    spans: tuple[tuple[float, float, bool], ...] = ()
    marks: tuple[tuple[float, EventKind], ...] = ()
    bars: tuple[tuple[float, float, Decimal], ...] = ()


def _at(day: Day) -> float:
    return _year(datetime.date(*day))


def _pieces(record: object, low: float, high: float) -> tuple[tuple[float, float, bool], ...]:
    """A relationship's span as drawn: faint while its start or end is not known, solid between."""
    span = span_of(record)
    begun = _at(span.latest_start) if span.latest_start else None
    if begun is None:  # never shown in force: faint over what the bounds allow
        first = _at(span.earliest_start) if span.earliest_start else low
        last = _at(span.latest_end) if span.latest_end else high
        return ((first, last, False),)
    first = _at(span.earliest_start) if span.earliest_start else low
    over = _at(span.earliest_end) if span.earliest_end else high
    gone = _at(span.latest_end) if span.latest_end else high
    pieces = [(first, begun, False), (begun, over, True), (over, gone, False)]
    return tuple(p for p in pieces if p[1] > p[0])


def country_lanes(country: str | Country, data: Dataset | None = None) -> tuple[Lane, ...]:
    """The rows of ``timeline(country)``, as data: missions, heads, events and trade of one state.

    Missions both ways come first (Belarus's, then the state's), then each
    head of a mission between the two and each head accredited from a third
    state, then one lane of the state's dated events and one of its
    whole-year trade turnover. Useful to draw the chronicle another way.
    """
    data = given_or_packaged(data)
    code = data.country(country).code
    records = data.records()
    first_day = datetime.date(1991, 1, 1)
    last_day = max(
        [e.date.last_day() for e in data.events(country=code) if e.date is not None] + [datetime.date(2025, 12, 31)]
    )
    low, high = _year(first_day), _year(last_day) + 1 / 365
    missions = [m for m in records["missions"] if isinstance(m, Mission) and {m.sending, m.receiving} == {code, HOME}]
    missions.sort(key=lambda m: (m.sending != HOME, m.kind.value, m.id))
    lanes = []
    for m in missions:
        who = "Belarus in " + data.country(code).name if m.sending == HOME else data.country(code).name + " in Belarus"
        lanes.append(Lane(f"{_label(m.kind)}: {who}", _pieces(m, low, high)))
    opened = {m.id: (m, span_of(m).earliest_start) for m in missions}
    heads = [p for p in records["postings"] if isinstance(p, Posting) and p.mission in opened]
    for p in sorted(heads, key=lambda p: (opened[p.mission][0].sending != HOME, span_of(p).latest_start or LAST)):
        mission, opening = opened[p.mission]
        side = "Belarus's" if mission.sending == HOME else f"{data.country(code).name}'s"
        floor = _at(opening) if opening else low  # a head serves no earlier than the mission exists
        pieces = tuple((max(x, floor), y, known) for x, y, known in _pieces(p, low, high) if y > floor)
        lanes.append(Lane(f"{side} head: {data.person(p.person).name}", pieces))
    for acc in records["accreditations"]:
        if isinstance(acc, Accreditation) and acc.receiving == code and acc.sending == HOME:
            who = data.person(acc.head).name if acc.head else "(not named)"
            lanes.append(Lane(f"accredited from elsewhere: {who}", _pieces(acc, low, high)))
    marks = []
    for e in data.events(country=code):
        if e.date is not None:
            start, end = _bounds(e.date)
            marks.append(((start if start is not None else low) / 2 + (end if end is not None else high) / 2, e.kind))
    lanes.append(Lane("events", marks=tuple(marks)))
    figures = [
        (t, t.turnover)
        for t in records["trade"]
        if isinstance(t, TradeFigures) and t.partner == code and t.period is None and t.turnover is not None
    ]
    if figures:
        top = max(amount for _, amount in figures)
        bars = tuple((t.year + 0.5, float(amount / top) if top else 0.0, amount) for t, amount in figures)
        lanes.append(Lane(f"trade turnover (top: {top:,} {figures[0][0].currency})", bars=bars))
    return tuple(lanes)


def _country_timeline(country: str | Country, data: Dataset, ax: Axes | None) -> Axes:
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    lanes = country_lanes(country, data)
    state = data.country(country)
    ax = _axes(ax, len(lanes))
    xs = [x for lane in lanes for s in lane.spans for x in s[:2]] + [m[0] for lane in lanes for m in lane.marks]
    xs += [b[0] for lane in lanes for b in lane.bars]
    low, high = (min(xs), max(xs)) if xs else (1991.0, 2026.0)
    for y, lane in enumerate(lanes):
        for first, last, known in lane.spans:
            ax.plot(
                [first, last],
                [y, y],
                color="#1f4e79",
                linewidth=6 if known else 3,
                alpha=1 if known else 0.3,
                solid_capstyle="butt",
            )
        for x, kind in lane.marks:
            marker, colour = KIND_STYLE[kind]
            ax.plot(x, y, marker=marker, color=colour, linestyle="none", markersize=7)
        for x, height, _ in lane.bars:
            ax.bar(x, -0.8 * height, bottom=y + 0.4, width=0.8, color="#8fb8de")
    ax.set_yticks(range(len(lanes)), [lane.label for lane in lanes])
    ax.set_ylim(len(lanes) - 0.4, -0.6)
    ax.set_xlim(int(low) - 0.5, int(high) + 1.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel("year (faint: the sources cannot tell whether it was in force)")
    ax.set_title(f"Belarus and {state.name}: missions, heads of mission, events and trade")
    kinds = dict.fromkeys(k for lane in lanes for _, k in lane.marks)
    handles = [
        Line2D([], [], marker=KIND_STYLE[k][0], color=KIND_STYLE[k][1], linestyle="none", label=_label(k))
        for k in KIND_STYLE
        if k in kinds
    ]
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax
