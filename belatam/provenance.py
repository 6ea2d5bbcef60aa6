"""Checking the data against a copy of its source text.

The source text is not shipped; whoever holds a copy can check that it is the
very text the data was taken from (its SHA-256), that every cited paragraph
exists, that the paragraphs a record cites state its key values (each value
in one of them, and each of them at least one value), and that no paragraph
from 2 on was left uncited. Paragraphs are the blank-line-separated blocks, counted from 1.

Key values, per record type (names match without case, accents or
punctuation; a name matches when each of its words of four or more letters,
less up to three final letters, starts a word of the paragraph, so "Ministry"
finds "Ministers" and "Commission" finds "Commissions"):

- the years of an event's date, an agreement's signing, an organisation's
  founding and a membership's start, unless the record cites another source
  as well (a founding date that a later page gives, beside the paragraph
  that names the organisation);
- the states a record concerns, Belarus aside: named in the paragraph, or in
  the nearest paragraph before it that names a state (the paragraph
  continues that state's section);
- people's names or aliases (an event's participants only where it cites no
  other source, which may be the one naming them); organisation names,
  agreement titles;
- trade amounts (as "$ 853.8 million") and counts (treaties, members);
- a state cited for the aggregate "relations with N of M" must find both
  numbers, as the data counts them, in the paragraph.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from belatam.dates import PartialDate, Period
from belatam.errors import DataError, InvalidTypeError, InvalidValueError, MissingFileError, quote
from belatam.model.agreements import Agreement
from belatam.model.countries import HOME, Country
from belatam.model.events import Event
from belatam.model.memberships import Membership
from belatam.model.missions import Mission
from belatam.model.organizations import Organization
from belatam.model.partnerships import Partnership
from belatam.model.people import Person
from belatam.model.schema import describe
from belatam.model.statements import Statement
from belatam.model.trade import TradeFigures
from belatam.query.dataset import Dataset
from belatam.query.packaged import given_or_packaged
from belatam.text import fold

__all__ = ["VerificationReport", "paragraphs", "verify_source"]

_SCALE = {"billion": Decimal(10) ** 9, "million": Decimal(10) ** 6, "thousand": Decimal(10) ** 3}
# Bounded and anchored, so a paragraph of 40,000 digits is scanned in linear time.
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,15}(?:[.,]\d{1,15})?)\s*(billion|million|thousand)")
_NUMBER = re.compile(r"(?<!\d)\d{1,18}(?!\d)")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def paragraphs(text: str) -> tuple[str, ...]:
    """The blank-line-separated blocks of ``text``; number ``n`` is at ``n - 1``."""
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())
    return tuple(b.strip() for b in blocks if b.strip())


@attrs.frozen(kw_only=True)
class VerificationReport:
    """The outcome of `verify_source`: empty ``problems`` means all is well."""

    source: str
    expected_sha256: str | None
    actual_sha256: str
    paragraphs: int
    checked_refs: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether the text and the data agree in every checked respect."""
        return not self.problems

    def __str__(self) -> str:
        head = (
            f"{self.source}: {self.paragraphs} paragraphs, {self.checked_refs} citations checked, "
            f"{len(self.problems)} problem(s)"
        )
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


class _Text:
    """The folded paragraphs of the source, with the matching rules."""

    def __init__(self, blocks: tuple[str, ...], data: Dataset) -> None:
        self.raw = blocks
        self.folded = tuple(f" {fold(b)} " for b in blocks)
        self.words = tuple(set(f.split()) for f in self.folded)
        region = [c for c in data.records()["countries"] if isinstance(c, Country) and c.code != HOME]
        self.names = {c.code: (c.name, *c.aliases) for c in region}

    def has_phrase(self, n: int, phrase: str) -> bool:
        return f" {fold(phrase)} " in self.folded[n - 1]

    def has_name(self, n: int, name: str) -> bool:
        words = fold(name).split()
        stems = [w[: max(4, len(w) - 3)] for w in words if len(w) >= 4] or words
        return all(any(word.startswith(stem) for word in self.words[n - 1]) for stem in stems)

    def names_state(self, n: int, code: str) -> bool:
        return any(self.has_phrase(n, name) for name in self.names.get(code, ()))

    def section_names(self, n: int, code: str) -> bool:
        """Whether the state is named here or in the section this paragraph continues."""
        for m in range(n, 1, -1):
            if any(self.names_state(m, other) for other in self.names):
                return self.names_state(m, code)
        return False

    def numbers(self, n: int) -> set[int]:
        return {int(x) for x in _NUMBER.findall(self.raw[n - 1])}

    def amounts(self, n: int) -> set[Decimal]:
        return {Decimal(num.replace(",", ".")) * _SCALE[unit] for num, unit in _AMOUNT.findall(self.raw[n - 1])}


def _years(date: PartialDate | Period | None) -> set[int]:
    if isinstance(date, PartialDate):
        return {date.year}
    if isinstance(date, Period):
        return {d.year for d in (date.start, date.end) if d is not None}
    return set()


def _checks(record: object, text: _Text, data: Dataset) -> Iterator[tuple[str, object]]:
    """(what, value) pairs the cited paragraph must contain."""
    if isinstance(record, Country):
        yield ("country", record.code)
        return
    years: set[int] = set()
    states: Iterable[str] = ()
    others = len({r.source for r in getattr(record, "sources", ())}) > 1  # other pages cited beside this one
    if isinstance(record, Event):
        years, states = _years(record.date), record.countries
        for pid in () if others else record.participants:  # participants another cited page names
            yield ("person", data.person(pid))
    elif isinstance(record, Mission):
        states = (record.sending, record.receiving)
    elif isinstance(record, Partnership):
        states = (record.country,)
        yield from (("number", n) for n in (record.treaties, record.legal_instruments) if n is not None)
    elif isinstance(record, Agreement):
        years, states = _years(record.signed), record.parties
        yield ("name", record.title)
    elif isinstance(record, Person):
        yield ("person", record)
    elif isinstance(record, Organization):
        years = _years(record.established)
        yield ("name", record.name)
        yield from (("number", n) for n in (record.members, record.associate_members) if n is not None)
    elif isinstance(record, Membership):
        years = _years(record.since)
        yield ("name", data.organization(record.organization).name)
        if record.member in text.names:
            states = (record.member,)
    elif isinstance(record, Statement):
        states = record.countries
    elif isinstance(record, TradeFigures):
        years = {record.year}
        yield from (("amount", a) for a in (record.turnover, record.exports, record.imports))
    if others and not isinstance(record, TradeFigures):
        years = set()  # the dates may come from the other sources
    yield from (("year", y) for y in sorted(years))
    yield from (("state", s) for s in states if s != HOME)


def _holds(what: str, value: object, n: int, text: _Text, region_counts: tuple[int, int]) -> bool:
    if what == "year":
        return str(value) in _YEAR.findall(text.raw[n - 1])
    if what == "state":
        return text.section_names(n, str(value))
    if what == "country":
        return text.section_names(n, str(value)) or set(region_counts) <= text.numbers(n)
    if what == "person":
        assert isinstance(value, Person)
        return any(text.has_name(n, name) for name in (value.name, *value.aliases))
    if what == "name":
        return text.has_name(n, str(value))
    if what == "number":
        return value in text.numbers(n)
    if what == "amount":
        return value in text.amounts(n)
    raise AssertionError(what)  # pragma: no cover


def _read_text(path: object) -> bytes:
    """The bytes of the source text at ``path``, or an error that names it."""
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path must be a str or Path of a text file, not {type(path).__name__}: {quote(path)}")
    from belatam.read.loader import read_file

    name = os.fspath(path)
    if not os.path.lexists(name):
        raise MissingFileError(f"path={quote(str(path), 1000)}: no such file")
    # the loader's reader: regular files only (no FIFO, device or folder), and no larger than it reads
    return read_file(name, str(name), "the source text")


def _list(numbers: Iterable[int]) -> str:
    return ", ".join(map(str, numbers))


def verify_source(
    path: str | os.PathLike[str], *, data: Dataset | None = None, source: str | None = None, force: bool = False
) -> VerificationReport:
    """Check ``data`` (default: the packaged data) against the text file at ``path``.

    ``source`` is the id of the `Source` the text is a copy of; by default the
    one source that records a SHA-256. When the text's SHA-256 is not the one
    the source records, that is the one problem reported (every other finding
    would follow from reading another text); ``force=True`` checks the
    paragraphs even so. The file is read as the loader reads data files (a
    regular file, no larger than it reads): a path that is not a readable
    UTF-8 text file is a `DataError` (a missing one a `MissingFileError`)
    naming it.
    """
    import hashlib

    data = given_or_packaged(data)
    raw = _read_text(path)
    if source is None:
        hashed = [s.id for s in data.sources() if s.sha256]
        if len(hashed) != 1:
            raise InvalidValueError(
                f"source=None is ambiguous: give one of {', '.join(hashed) or '(no hashed sources)'}"
            )
        source = hashed[0]
    expected = data.source(source).sha256
    actual = hashlib.sha256(raw).hexdigest()
    try:
        blocks = paragraphs(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(
            str(os.fspath(path)), None, None, f"is not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    if expected is not None and expected != actual and not force:
        return VerificationReport(
            source=source,
            expected_sha256=expected,
            actual_sha256=actual,
            paragraphs=len(blocks),
            checked_refs=0,
            problems=(
                f"SHA-256 of the text is {actual}, the data records {expected}: not the text the data was taken from",
            ),
        )
    text = _Text(blocks, data)
    region = data.countries()
    counts = (sum(1 for c in region if c.relations), len(region))
    problems: list[str] = []
    if expected != actual:
        problems.append(f"SHA-256 of the text is {actual}, the data records {expected}")
    cited: set[int] = set()
    checked = 0
    for records in data.records().values():
        for record in records:
            refs = sorted({r.paragraph for r in getattr(record, "sources", ()) if r.source == source and r.paragraph})
            if not refs:
                continue
            checked += len(refs)
            label = describe(type(record)).label(record, 0)
            bad = [n for n in refs if not 1 <= n <= len(blocks)]
            if bad:
                problems.append(f"{label}: cites paragraph {bad[0]}, the text has {len(blocks)}")
                continue
            cited.update(refs)
            wanted = list(_checks(record, text, data))
            found = {n: [w for w in wanted if _holds(*w, n, text, counts)] for n in refs}
            for what, value in wanted:
                if not any((what, value) in hits for hits in found.values()):
                    shown = value.name if isinstance(value, Person) else value
                    problems.append(f"{label}: no cited paragraph ({_list(refs)}) states its {what} {shown}")
            for n, hits in found.items():
                if wanted and not hits:
                    problems.append(f"{label}: paragraph {n} states none of its key values")
    missing = [n for n in range(2, len(blocks) + 1) if n not in cited]
    if missing:
        problems.append(f"paragraphs never cited: {', '.join(map(str, missing))}")
    return VerificationReport(
        source=source,
        expected_sha256=expected,
        actual_sha256=actual,
        paragraphs=len(blocks),
        checked_refs=checked,
        problems=tuple(problems),
    )
