"""verify_source against the real text and against damaged copies of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import belatam
from belatam.provenance import paragraphs


def test_the_packaged_data_matches_the_source(source_path: Path) -> None:
    report = belatam.verify_source(source_path)
    assert report.ok, str(report)
    assert report.paragraphs == 33
    assert report.expected_sha256 == report.actual_sha256
    assert report.checked_refs > 150


def test_paragraphs_are_blank_line_blocks(source_path: Path) -> None:
    blocks = paragraphs(source_path.read_text(encoding="utf-8"))
    assert blocks[0] == "Latin America"
    assert blocks[2].startswith("Currently") and "31 out of 33" in blocks[2]
    assert paragraphs("a\r\n\r\nb\n  \nc") == ("a", "b", "c")


def damaged(source_path: Path, tmp_path: Path, old: str, new: str) -> Path:
    text = source_path.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "copy.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_another_text_is_one_finding_unless_forced(source_path: Path, tmp_path: Path) -> None:
    path = damaged(source_path, tmp_path, "853.8 million", "835.8 million")
    report = belatam.verify_source(path)
    assert not report.ok
    assert len(report.problems) == 1 and "SHA-256" in report.problems[0]
    assert report.checked_refs == 0
    assert len(belatam.verify_source(path, force=True).problems) > 1


def test_a_changed_amount_is_found(source_path: Path, tmp_path: Path) -> None:
    report = belatam.verify_source(damaged(source_path, tmp_path, "853.8 million", "835.8 million"), force=True)
    assert not report.ok
    assert any("SHA-256" in p for p in report.problems)
    assert any(p.startswith("trd-2018:") and "amount 853800000" in p for p in report.problems)


def test_a_changed_year_and_name_are_found(source_path: Path, tmp_path: Path) -> None:
    path = damaged(source_path, tmp_path, "In November 2018, Deputy", "In November 2017, Deputy")
    problems = belatam.verify_source(path, force=True).problems
    assert any(p.startswith("evt-2018-11-shestakov-panama") and "year 2018" in p for p in problems)
    path = damaged(source_path, tmp_path, "Pavel Kallaur", "Pavel Smith")
    assert any(p.startswith("per-kallaur") for p in belatam.verify_source(path, force=True).problems)


def test_a_dropped_paragraph_is_found(source_path: Path, tmp_path: Path) -> None:
    text = source_path.read_text(encoding="utf-8")
    last = paragraphs(text)[-1]
    path = tmp_path / "short.txt"
    path.write_text(text.replace(last, "").rstrip() + "\n", encoding="utf-8")
    problems = belatam.verify_source(path, force=True).problems
    assert any("cites paragraph 33, the text has 32" in p for p in problems)


def test_an_uncited_paragraph_is_found(source_path: Path, data: belatam.Dataset) -> None:
    records = data.records()
    statements = [
        s for s in records["statements"] if isinstance(s, belatam.Statement) and s.id != "stm-embassy-websites"
    ]
    missions = [
        attrs.evolve(m, sources=tuple(r for r in m.sources if r.paragraph != 33))
        for m in records["missions"]
        if isinstance(m, belatam.Mission)
    ]
    thinner = belatam.Dataset(**{**records, "statements": statements, "missions": missions})  # type: ignore[arg-type]
    problems = belatam.verify_source(source_path, data=thinner).problems
    assert problems == ("paragraphs never cited: 33",)


def test_a_wrong_citation_is_found(source_path: Path, data: belatam.Dataset) -> None:
    records = data.records()
    ref = belatam.SourceRef(source="src-mfa-2019", paragraph=10)
    events = [
        attrs.evolve(e, sources=(ref,)) if e.id == "evt-2018-05-espinosa-minsk" else e
        for e in records["events"]
        if isinstance(e, belatam.Event)
    ]
    moved = belatam.Dataset(**{**records, "events": events})  # type: ignore[arg-type]
    problems = belatam.verify_source(source_path, data=moved).problems
    assert any(p.startswith("evt-2018-05-espinosa-minsk: no cited paragraph (10)") for p in problems)


def test_the_source_is_chosen_by_its_hash_or_named(source_path: Path) -> None:
    assert belatam.verify_source(source_path, source="src-mfa-2019").ok
    with pytest.raises(LookupError, match="src-nope"):
        belatam.verify_source(source_path, source="src-nope")


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda tmp: tmp, belatam.DataError, "is a folder"),
        (lambda tmp: tmp / "absent.txt", belatam.MissingFileError, "no such file"),
        (
            lambda tmp: (tmp / "latin1.txt", (tmp / "latin1.txt").write_bytes("Bogot\xe1".encode("latin-1")))[0],
            belatam.DataError,
            "not UTF-8",
        ),
        (
            lambda tmp: (tmp / "bin", (tmp / "bin").write_bytes(bytes(range(256))))[0],
            belatam.DataError,
            "not UTF-8",
        ),
    ],
    ids=["folder", "missing", "latin-1", "binary"],
)
def test_a_path_that_is_no_text_file_is_a_clear_error(
    tmp_path: Path, make: Callable[[Path], Path], error: type[Exception], words: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(error, match=words) as info:
        belatam.verify_source(path)
    assert isinstance(info.value, belatam.BelatamError)
    assert str(path) in str(info.value)


def test_huge_numbers_are_read_without_error(tmp_path: Path) -> None:
    """A paragraph of 40,000 digits before an amount word (int() refuses more than 4,300 digits)."""
    path = tmp_path / "digits.txt"
    path.write_text("Title\n\n" + "9" * 40_000 + " million and " + "1" * 5_000 + "\n", encoding="utf-8")
    report = belatam.verify_source(path, force=True)
    assert not report.ok  # another text: its paragraphs state nothing the data needs
    assert any("never cited" in p or "cites paragraph" in p for p in report.problems)


def test_a_second_text_is_checked_against_its_own_source(tmp_path: Path) -> None:
    """The maintainer's path: a later page gets its own Source with its hash; verify-source checks its citations."""
    import hashlib

    import attrs

    text = "Later page\n\nBelarus keeps an embassy in Colombia.\n\nAn honorary consul serves in Bolivia.\n"
    path = tmp_path / "later.txt"
    path.write_text(text, encoding="utf-8")
    data = belatam.dataset()
    later = belatam.Source(
        id="src-later",
        title="Later page",
        publisher="Ministry of Foreign Affairs of the Republic of Belarus",
        date=belatam.PartialDate(2022),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    records = dict(data.records())
    records["sources"] = (*records["sources"], later)
    missions = []
    for m in records["missions"]:
        if m.id == "mis-by-co-embassy":
            m = attrs.evolve(m, sources=(*m.sources, belatam.SourceRef(source="src-later", paragraph=2)))
        if m.id == "mis-by-bo-honorary-consulate":
            m = attrs.evolve(m, sources=(*m.sources, belatam.SourceRef(source="src-later", paragraph=3)))
        missions.append(m)
    records["missions"] = tuple(missions)
    extended = belatam.Dataset(**records)  # type: ignore[arg-type]
    report = belatam.verify_source(path, data=extended, source="src-later")
    assert report.ok, report.problems
    assert (report.paragraphs, report.checked_refs) == (3, 2)
    moved = [
        attrs.evolve(m, sources=(belatam.SourceRef(source="src-later", paragraph=3),))
        if m.id == "mis-by-co-embassy"
        else m
        for m in missions
    ]
    records["missions"] = tuple(moved)
    problems = belatam.verify_source(path, data=belatam.Dataset(**records), source="src-later").problems  # type: ignore[arg-type]
    assert any(p.startswith("mis-by-co-embassy") for p in problems)
    assert "paragraphs never cited: 2" in problems
