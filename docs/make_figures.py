"""Render the documentation's figures from the packaged data into docs/_static/.

Run after a data change, with the ``plot`` extra installed, and commit the PNGs:

    python docs/make_figures.py

Writes ``timeline.png`` (`belatam.plots.timeline`) and ``missions.png``
(`belatam.plots.missions_chart`), and ``coverage/CC.png`` (``timeline(CC)``)
for each state the data holds more than events for (the coverage page). The PNGs carry no software version or date,
so the same data and matplotlib give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import belatam
from belatam.plots import country_lanes, missions_chart, timeline

STATIC = Path(__file__).resolve().parent / "_static"
FIGURES = {"timeline.png": timeline, "missions.png": missions_chart}


def main() -> None:
    STATIC.mkdir(exist_ok=True)
    for name, draw in FIGURES.items():
        ax = draw()
        path = STATIC / name
        ax.figure.savefig(path, dpi=120, metadata={"Software": None})
        plt.close("all")
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    (STATIC / "coverage").mkdir(exist_ok=True)
    for state in belatam.countries():
        if len(country_lanes(state)) < 2:  # events only, or nothing: the page's text says it all
            continue
        ax = timeline(state.code)
        path = STATIC / "coverage" / f"{state.code}.png"
        ax.figure.savefig(path, dpi=90, metadata={"Software": None}, bbox_inches="tight")
        plt.close("all")
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
