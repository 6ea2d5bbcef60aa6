"""The charts (needs the ``plot`` extra): rendered with Agg into PNG files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import belatam
from belatam import HOME, Dataset, PartialDate, Period
from belatam.errors import InvalidTypeError
from belatam.plots import NO_STATE, country_lanes, missions_chart, timeline

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def save(ax: Any, path: Path) -> bytes:
    ax.figure.savefig(path)
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5_000
    return data


def labels(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def with_events(data: Dataset, events: list[Any]) -> Dataset:
    records: dict[str, Any] = dict(data.records())
    records["events"] = events
    return Dataset(**records)


def test_timeline_png(tmp_path: Path, data: Dataset) -> None:
    ax = timeline()
    save(ax, tmp_path / "timeline.png")
    dated = [e for e in data.events() if e.date is not None]
    states = sorted({data.country(c).name for e in dated for c in e.countries})
    assert labels(ax) == [*states, NO_STATE]
    assert len(states) >= 12  # the states the primary source names events with, and the later pages' others
    assert "Colombia" in states and "Bahamas" in states
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"visit", "signing", "observer status"} <= set(legend)
    undated = len(data.events()) - len(dated)
    assert f"{undated} undated events not shown" in ax.get_xlabel()


def test_missions_chart_png(tmp_path: Path, data: Dataset) -> None:
    ax = missions_chart()
    save(ax, tmp_path / "missions.png")
    missions = data.missions()
    states = {m.receiving if m.sending == HOME else m.sending for m in missions}
    assert labels(ax) == sorted(data.country(c).name for c in states)
    assert len(labels(ax)) == 12
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["embassy", "honorary consulate"]
    bars = [p for p in ax.patches if p.get_width() != 0]
    assert sum(abs(round(p.get_width())) for p in bars) == len(missions)
    assert sum(1 for p in bars if p.get_width() < 0) == len(data.missions(receiving=HOME))


@pytest.mark.parametrize("day", [None, "2010-06-01", "2022-01-01", belatam.PartialDate(2025, 9, 1)])
def test_missions_chart_shows_the_day_asked_and_says_which(data: Dataset, day: Any) -> None:
    ax = missions_chart(as_of=day)
    missions = data.missions(as_of=day)
    assert str(missions.as_of) in ax.get_title()  # type: ignore[attr-defined]
    unknown = len(missions.unknown)  # type: ignore[attr-defined]
    assert (f"{unknown} more the sources cannot place" in ax.get_title()) == (unknown > 0)
    states = {m.receiving if m.sending == HOME else m.sending for m in missions}
    assert labels(ax) == sorted(data.country(c).name for c in states)
    bars = [p for p in ax.patches if p.get_width() != 0]
    assert sum(abs(round(p.get_width())) for p in bars) == len(missions)


def test_missions_chart_refuses_a_day_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="as_of='2022'"):
        missions_chart(as_of="2022")


def test_drawing_into_given_axes(tmp_path: Path) -> None:
    figure, (left, right) = plt.subplots(1, 2, figsize=(14, 6))
    assert timeline(ax=left) is left
    assert missions_chart(ax=right) is right
    figure.savefig(tmp_path / "both.png")
    assert (tmp_path / "both.png").read_bytes().startswith(PNG)


def test_open_periods_and_other_data(tmp_path: Path, data: Dataset) -> None:
    first, second, *rest = data.events()
    opened = attrs.evolve(first, date=Period(PartialDate(2016, 1), None))
    closed = attrs.evolve(second, date=Period(None, PartialDate(2013)))
    ax = timeline(data=with_events(data, [opened, closed, *rest]))
    save(ax, tmp_path / "periods.png")
    low, high = ax.get_xlim()
    assert low < 2013 and high > 2019


def test_no_dated_events(tmp_path: Path, data: Dataset) -> None:
    undated = [attrs.evolve(e, during=()) for e in data.events() if e.date is None]  # their visits are dated
    ax = timeline(data=with_events(data, undated))
    assert labels(ax) == []
    assert ax.get_legend() is None
    ax.figure.savefig(tmp_path / "empty.png")


def test_an_empty_data_set_draws_empty_charts(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no singular axis, no empty legend
        for draw in (lambda data: timeline(data=data), missions_chart):
            ax = draw(Dataset())
            assert labels(ax) == []
            assert not [p for p in ax.patches if p.get_width() != 0]
            ax.figure.savefig(tmp_path / f"{labels(ax)!r}.png")


def test_data_must_be_a_dataset() -> None:
    with pytest.raises(InvalidTypeError, match=r"data must be a belatam\.Dataset"):
        timeline(data="packaged")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="give a data set as data="):
        timeline(Dataset())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        missions_chart(belatam.events())  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["matplotlib"] = None
        import belatam.plots  # importing needs no matplotlib
        for draw in (belatam.plots.timeline, belatam.plots.missions_chart):
            try:
                draw()
            except ImportError as exc:
                print(exc)
            else:
                raise SystemExit("no ImportError")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    messages = done.stdout.splitlines()
    assert len(messages) == 2
    assert all("pip install '.[plot]'" in m and "'plot' extra" in m and "matplotlib" in m for m in messages)


def test_import_costs_no_matplotlib() -> None:
    code = "import sys, belatam.plots; print('matplotlib' in sys.modules, 'belatam.read.loader' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]  # nor reads the data


def test_a_states_chronicle(tmp_path: Path, data: Dataset) -> None:
    """``timeline(country)``: a lane per mission and head, the events, the trade turnover, as the data holds them."""
    lanes = country_lanes("Brazil")
    named = [lane.label for lane in lanes]
    embassies = [m for m in data.records()["missions"] if {m.sending, m.receiving} == {"BY", "BR"}]  # type: ignore[attr-defined]
    assert len([n for n in named if "Belarus in Brazil" in n or "Brazil in Belarus" in n]) == len(embassies)
    assert "Belarus's head: Sergei Lukashevich" in named and "Belarus's head: Andrei Andreyev" in named
    events = next(lane for lane in lanes if lane.label == "events")
    assert len(events.marks) == len([e for e in data.events(country="BR") if e.date is not None])
    (trade,) = [lane for lane in lanes if lane.label.startswith("trade turnover")]
    whole_years = [t for t in data.trade_figures(partner="BR") if t.period is None and t.turnover is not None]
    assert sorted(b[2] for b in trade.bars) == sorted(t.turnover for t in whole_years)
    assert max(b[1] for b in trade.bars) == 1.0
    (lukashevich,) = [lane for lane in lanes if lane.label.endswith("Lukashevich")]
    solid = [(a, b) for a, b, known in lukashevich.spans if known]  # in post from September 2021 to 22 April 2024
    assert solid and 2021.6 < solid[0][0] < 2021.8 and 2024.2 < solid[-1][1] < 2024.4
    ax = timeline("BR")
    assert labels(ax) == named and "Brazil" in ax.get_title()
    save(ax, tmp_path / "brazil.png")


def test_a_state_with_no_missions_has_its_events_lane_only() -> None:
    assert [lane.label for lane in country_lanes("JM")] == ["events"]
    with pytest.raises(LookupError, match="Atlantis"):
        timeline("Atlantis")
