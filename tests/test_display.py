"""Notebook display (HTML), the text of cells, and the command line's plain-text tables."""

from __future__ import annotations

import doctest
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pytest

import belatam
import belatam.cli
import belatam.model.columns
import belatam.model.html
import belatam.text
from belatam import Country, Event, EventKind, PartialDate, Period, Person, Role, Source, SourceRef, TradeFigures
from belatam.cli import format_table
from belatam.model.columns import columns
from belatam.model.columns import text as cell
from belatam.model.html import MAX_CELL, record_html, records_html
from belatam.query.results import Results
from belatam.text import shorten


class Table(HTMLParser):
    """The structure of an HTML table: header cells, body rows (as cell texts), attributes of cells."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tables = 0
        self.caption = ""
        self.head: list[str] = []
        self.rows: list[list[str]] = []
        self.titles: list[str] = []
        self.links: list[str] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed tags: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        found = dict(attrs)
        if tag == "table":
            self.tables += 1
        if tag == "tr" and "tbody" in self.stack:
            self.rows.append([])
        if tag in ("td", "th") and "tbody" in self.stack:
            self.rows[-1].append("")
        if tag == "td" and found.get("title"):
            self.titles.append(str(found["title"]))
        if tag == "a":
            self.links.append(str(found.get("href")))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "caption" in self.stack:
            self.caption += data
        elif "thead" in self.stack and self.stack[-1] == "th":
            self.head.append(data)
        elif "tbody" in self.stack and self.stack[-1] in ("td", "th", "a"):
            self.rows[-1][-1] += data


# -- one record ----------------------------------------------------------------


def test_record_html_is_a_field_value_table() -> None:
    cuba = belatam.country("CU")
    html = record_html(cuba)
    table = Table(html)
    assert html.startswith("<table") and html.endswith("</table>")
    assert table.tables == 1 and table.caption == "Country"
    assert table.head == ["field", "value"]
    shown = dict(table.rows)
    assert list(shown) == [f.name for f in attrs.fields(Country)]
    assert shown["name"] == "Cuba"
    assert shown["relations"] == "yes"
    assert shown["relations_established"] == "1992-04-16"
    assert shown["sources"] == "; ".join(str(r) for r in belatam.country("CU").sources)
    assert shown["sources"].startswith("src-un-m49; src-mfa-2019#3; src-acn-cuba")
    assert shown["wikidata"] == "Q241"


def test_record_html_shows_derived_fields_before_the_sources() -> None:
    makei = belatam.person("per-makei")
    shown = dict(Table(record_html(makei)).rows)
    assert list(shown) == [*(f.name for f in attrs.fields(Person) if f.name != "sources"), "countries", "sources"]
    assert shown["countries"] == "BY"
    assert shown["roles"] == "Minister of Foreign Affairs of Belarus (BY, org-mfa-belarus)"


def test_record_html_escapes() -> None:
    odd = Country(code="XX", alpha3="XXX", numeric="999", name='<script>alert("x")</script> & co', aliases=("a<b",))
    html = record_html(odd)
    assert "<script>" not in html and "a<b" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert dict(Table(html).rows)["name"] == '<script>alert("x")</script> & co'


def test_record_html_of_trade_and_sources() -> None:
    shown = dict(Table(record_html(belatam.trade(2018))).rows)
    assert shown["exports"] == "853,800,000"
    assert shown["balance"] == "349,200,000"
    source = next(s for s in belatam.sources() if s.url)
    table = Table(record_html(source))
    assert table.links == [source.url]
    with pytest.raises(belatam.InvalidValueError, match="absolute http"):  # never a link to run
        Source(id="src-x", title="t", publisher="p", url='javascript:alert("x")')


def test_reprs_stay_short() -> None:
    assert len(repr(belatam.country("CU"))) < 300
    assert all(len(repr(c)) < 300 for c in belatam.countries())


# -- many records --------------------------------------------------------------


def test_records_html_has_a_row_per_record_and_a_column_per_field() -> None:
    events = belatam.events(year=2018)
    html = records_html(events)
    table = Table(html)
    assert html.startswith("<table") and table.tables == 1
    assert table.caption == f"{len(events)} records (Event)"  # the records alone: no day, nothing left out
    assert Table(events._repr_html_()).caption == (  # type: ignore[attr-defined]
        f"{len(events)} records (Event); and {len(events.unknown)} not known in the span asked"  # type: ignore[attr-defined]
    )
    assert sorted(table.head) == sorted(f.name for f in attrs.fields(Event))
    assert table.head[0] == "id"
    assert table.head.index("kind") < table.head.index("summary")  # short ones first
    assert len(table.rows) == len(events)
    assert all(len(row) == len(table.head) for row in table.rows)
    assert table.head[-3:] == ["summary", "note", "sources"]  # long text last
    column = {name: i for i, name in enumerate(table.head)}
    assert [row[column["id"]] for row in table.rows] == [e.id for e in events]
    assert [row[column["date"]] for row in table.rows] == ["" if e.date is None else str(e.date) for e in events]
    assert "2018-11" in html
    sources = Table(records_html(belatam.sources()))
    assert "2018-11/2019-12-09" in [row[sources.head.index("date")] for row in sources.rows]  # a period


def test_records_html_cuts_long_text_and_keeps_it_as_a_tooltip() -> None:
    longest = max(belatam.events(), key=lambda e: len(e.summary))
    assert len(longest.summary) > MAX_CELL
    table = Table(records_html([longest]))
    summary = table.rows[0][table.head.index("summary")]
    assert summary.endswith("…") and len(summary) <= MAX_CELL
    assert longest.summary in table.titles
    assert table.caption == "1 record (Event)"


def test_records_html_escapes_and_aligns_numbers() -> None:
    odd = Country(code="XX", alpha3="XXX", numeric="999", name="<i>x</i> " + "& more " * 20)
    html = records_html([odd, belatam.country("CU")])
    assert "<i>" not in html and "&lt;i&gt;x&lt;/i&gt;" in html
    assert 'title="&lt;i&gt;x&lt;/i&gt; &amp; more' in html
    trade = records_html([belatam.trade(2018)])
    assert 'text-align: right; vertical-align: top">853,800,000</td>' in trade


def test_records_html_of_nothing_and_of_mixed_records() -> None:
    table = Table(records_html(()))
    assert table.caption == "0 records" and table.head == [] and table.rows == []
    empty = Table(records_html(Results((), Event)))  # a query result knows its record type
    assert empty.caption == "0 records (Event)" and empty.head == Table(records_html(belatam.events()[:1])).head
    assert empty.rows == []
    mixed = Table(records_html([belatam.country("CU"), belatam.trade(2018)]))
    assert mixed.caption == "2 records (Country, TradeFigures)"
    assert "code" in mixed.head and "exports" in mixed.head
    assert mixed.rows[0][mixed.head.index("exports")] == ""


@pytest.mark.parametrize("kind", ["countries", "missions", "people", "organizations", "statements", "sources"])
def test_every_kind_displays(kind: str) -> None:
    records = belatam.dataset().records()[kind]
    table = Table(records_html(records))
    assert len(table.rows) == len(records)
    for record in records[:3]:
        assert Table(record_html(record)).rows


# -- the text cells and tables -------------------------------------------------


def test_cells() -> None:
    """The one human text of a value: the HTML cells, the terminal tables and the field/value tables."""
    assert cell(None) == "" and cell(()) == ""
    assert cell(False) == "no"
    assert cell(2018) == "2018"
    assert cell(Decimal("-349200000")) == "-349,200,000"
    assert cell(EventKind.COMMISSION_MEETING) == "commission_meeting"
    assert cell(Period(PartialDate(2016, 1), None)) == "2016-01/.."
    assert cell(SourceRef(source="src-un-m49")) == "src-un-m49"
    assert (
        cell(SourceRef(source="src-mfa-2019", paragraph=8))
        == "src-mfa-2019#8"
        == str(SourceRef(source="src-mfa-2019", paragraph=8))
    )
    assert (
        cell(Role(title="Minister", country="BY", organization="org-mfa-belarus")) == "Minister (BY, org-mfa-belarus)"
    )
    assert cell((Role(title="A", country="CU"), Role(title="B", country="CU"))) == "A (CU); B (CU)"
    assert cell("two\nlines") == "two lines"


def test_shorten() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("one two three four five", 12) == "one two…"
    assert shorten("x" * 20, 10) == "x" * 9 + "…"


def test_columns_of_a_record_type() -> None:
    """Every field, the identity first, derived fields (``balance``) before the sources."""
    trade = belatam.trade(2018)
    names = [c.name for c in columns(TradeFigures)]
    derived = {"balance", "balance_precision"}
    assert names[0] == "id" and set(names) == {f.name for f in attrs.fields(TradeFigures)} | derived
    assert names[-3:] == ["balance", "balance_precision", "sources"]
    rows = Table(record_html(trade)).rows
    assert rows[-3:] == [["balance", "349,200,000"], ["balance_precision", "100,000"], ["sources", "src-mfa-2019#8"]]
    table = [c.name for c in columns(TradeFigures, table=True)]
    assert table[0] == "id" and "balance" in table and "sources" not in table


def test_format_table() -> None:
    text = format_table(["name", "n"], [["a", "1"], ["bbb", "10"]], right={1})
    assert text.splitlines() == ["name   n", "----  --", "a      1", "bbb   10"]
    assert format_table(["a"], []) == "a\n-"
    with pytest.raises(ValueError, match="2 cells for 1 columns"):
        format_table(["a"], [["x", "y"]])
    with pytest.raises(ValueError, match="1 cells for 2 columns"):
        format_table(["a", "b"], [["x"]])


@pytest.mark.parametrize("module", [belatam.model.html, belatam.model.columns, belatam.text, belatam.cli])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted and not result.failed


def test_records_and_results_render_in_jupyter() -> None:
    cuba = belatam.country("CU")
    html = cuba._repr_html_()  # type: ignore[attr-defined]
    assert html.startswith("<") and "<table" in html and "Cuba" in html
    events = belatam.events(year=2018)
    table = events._repr_html_()  # type: ignore[attr-defined]
    assert "<table" in table and all(e.id in table for e in events)
    empty = belatam.events(country="BS", year=2012)
    assert empty == () and "0 records" in empty._repr_html_()  # type: ignore[attr-defined]
    for query in (belatam.countries(), belatam.partners(), belatam.missions(), belatam.statements()):
        assert isinstance(query, tuple) and hasattr(query, "_repr_html_")


def test_a_slice_of_a_query_result_still_renders() -> None:
    events = belatam.events(year=2018)
    assert len(events) > 3
    first = events[:3]
    assert isinstance(first, tuple) and first == tuple(events)[:3]
    table = Table(first._repr_html_())  # type: ignore[attr-defined]
    assert table.caption == "3 records (Event)"  # a part of the answer: what the whole leaves out is not its to say
    assert [row[table.head.index("id")] for row in table.rows] == [e.id for e in events[:3]]
    every_other = Table(events[::2]._repr_html_())  # type: ignore[attr-defined]
    assert len(every_other.rows) == len(tuple(events)[::2])
    assert Table(events[-1:]._repr_html_()).rows[0][0] == events[-1].id  # type: ignore[attr-defined]
    nothing = Table(events[len(events) :]._repr_html_())  # type: ignore[attr-defined]
    assert nothing.caption == "0 records (Event)" and nothing.head == table.head
    assert isinstance(events[0], Event)  # an index is a record, not a result
