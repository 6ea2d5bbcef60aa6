"""The coverage page (docs/gen_coverage.py): a row and a section per state, from the data, and what was not found."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import belatam

DOCS = Path(__file__).resolve().parents[1] / "docs"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_coverage", DOCS / "gen_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_state_has_a_row_a_section_and_a_note_of_what_was_not_found() -> None:
    searched = json.loads((DOCS / "searched.json").read_text(encoding="utf-8"))
    codes = {c.code for c in belatam.countries()}
    assert set(searched) - {"_about"} == codes  # each of the 33, and nothing else
    page = generator().render()
    rows = [line for line in page.splitlines() if line.startswith("| {ref}")]
    assert len(rows) == 33
    for c in belatam.countries():
        assert f"## {c.name} ({c.code})" in page
        section = page.split(f"## {c.name} ({c.code})")[1].split("\n## ")[0]
        assert searched[c.code]["not_found"] in section


def test_the_rows_count_what_the_data_holds() -> None:
    page = generator().render()
    (row,) = [line for line in page.splitlines() if line.startswith("| {ref}`Venezuela")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    events = len(belatam.events(country="VE"))
    agreements = len(belatam.agreements(country="VE"))
    assert cells[1] == str(belatam.country("VE").relations_established)
    assert cells[4] == str(events) and cells[6] == str(agreements)
    years = sorted({t.year for t in belatam.trade_figures(partner="VE") if t.period is None})
    assert cells[7].startswith(", ".join(map(str, years)))
    (jamaica,) = [line for line in page.splitlines() if line.startswith("| {ref}`Jamaica")]
    assert re.fullmatch(r"\| \{ref\}`Jamaica <coverage-jm>` \| - \| 0 / 0 \| 0 \| 0 \| - \| 0 \| - \| \d+ \|", jamaica)
