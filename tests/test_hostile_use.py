"""Hostile use, round two: threads on first use, long inputs, exports that read back, keys, shared answers, the shell.

Each case here is one a probe of 0.2 found: it failed then, and passes now.
Timings of long inputs are measured in ``benchmarks/`` (never asserted here);
what a test holds them to is the memory they leave behind and the caches'
bounds.
"""

from __future__ import annotations

import datetime
import gc
import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import numpy
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import datasets

import belatam
from belatam import DataError, Dataset, ExportError, InvalidValueError, Source
from belatam.cli import main
from belatam.exports import export
from belatam.exports.arrow import to_arrow
from belatam.query.matching import Index
from belatam.text import SHORT, fold

PACKAGED = Path(belatam.__file__).parent / "data"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **(env or {})},
        check=False,
    )


# -- threads on first use -------------------------------------------------------------

THREADS = textwrap.dedent(
    """
    import json, sys, threading
    sys.setswitchinterval(1e-6)
    import belatam
    names = sorted(n for n in belatam.__all__ if not n.startswith("_"))
    barrier = threading.Barrier(32)
    results, errors = {}, []

    def work(n):
        try:
            barrier.wait()
            for name in names:
                getattr(belatam, name)
            answer = (
                [m.id for m in belatam.missions(as_of="2022-01-01")],
                [c.code for c in belatam.countries(relations=True, as_of="1995-01-01")],
                [e.id for e in belatam.events(year=2018)],
                [str(getattr(r, "id", None) or getattr(r, "code", None)) for r in belatam.search("Kolumbien")],
                belatam.country("Бразілія").code,
            )
            results[n] = answer
        except BaseException as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"errors": errors, "answers": sorted({json.dumps(a) for a in results.values()})}))
    """
)


@pytest.mark.slow  # seconds of threads or of long inputs: the full run has them
def test_first_use_from_many_threads_gives_every_thread_the_single_threaded_answer() -> None:
    single = (
        [m.id for m in belatam.missions(as_of="2022-01-01")],
        [c.code for c in belatam.countries(relations=True, as_of="1995-01-01")],
        [e.id for e in belatam.events(year=2018)],
        [str(getattr(r, "id", None) or getattr(r, "code", None)) for r in belatam.search("Kolumbien")],
        belatam.country("Бразілія").code,
    )
    for _ in range(5):  # each a fresh process: first use again
        done = run("-c", THREADS)
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
        assert found["errors"] == []
        assert found["answers"] == [json.dumps(list(single))]


# -- long inputs: bounded caches, nothing kept alive ---------------------------------------


@pytest.mark.slow  # seconds of threads or of long inputs: the full run has them
def test_long_inputs_leave_nothing_behind() -> None:
    belatam.country("AR")
    belatam.search("Cuba")  # the tables and indexes built
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for letter in "abc":
        with pytest.raises(LookupError):
            belatam.country(letter * 1_000_000)
        belatam.search(letter * 500_000)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 200_000, kept  # 0.2 kept about 7 MB a search


def test_the_folding_cache_keeps_only_short_texts() -> None:
    fold.__wrapped__ if hasattr(fold, "__wrapped__") else None  # fold itself is not cached
    long = "Ж" * (SHORT + 1)
    assert fold(long) == fold(long)
    from belatam.text import _fold_short

    before = _fold_short.cache_info().currsize
    fold("Z" * (SHORT * 4))
    assert _fold_short.cache_info().currsize == before  # a long text is folded, not kept
    assert _fold_short.cache_info().maxsize is not None


def test_near_misses_are_bounded_by_words_and_by_size() -> None:
    index = Index([(1, ["República de Colombia"], ["a text"]), (2, ["Cuba"], [])])
    assert [k for k, _ in index.rank(" ".join(["republika"] * Index.MAX_WORDS))] == [1]  # a typo, a near miss
    many = " ".join(["republika"] * (Index.MAX_WORDS + 1))
    assert index.rank(many) == []  # too many words to be a near miss of any name
    assert [k for k, _ in index.rank("republika de colombia")] == [1]
    for n in range(3000):
        index.rank(f"word{n}x")
    assert index._near_size <= Index.MAX_CACHED


# -- verify-source reads as the loader does ----------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "binary"])
def test_verify_source_reads_only_a_regular_text_file(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "bin.txt"
        path.write_bytes(bytes(range(256)))
    with pytest.raises(DataError) as info:
        belatam.verify_source(path, source="src-mfa-2019")
    assert str(path) in str(info.value)
    done = run("-m", "belatam", "verify-source", str(path), "--source", "src-mfa-2019")
    assert done.returncode == 3, done.stderr  # a data error, not bad usage


# -- exports that always read back -------------------------------------------------------


@pytest.mark.parametrize("url", ["rec:CO", "_:b0", "page 2.html", "https://x.org/a b", "javascript:alert(1)"])
def test_a_source_address_is_an_absolute_http_iri(tmp_path: Path, url: str) -> None:
    with pytest.raises(InvalidValueError, match="absolute http"):
        Source(id="src-x", title="T", publisher="P", url=url)
    folder = tmp_path / "data"
    folder.mkdir()
    for path in PACKAGED.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    sources[0]["url"] = url
    (folder / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    with pytest.raises(DataError, match=r"sources\.json, record src-mfa-2019, field 'url'"):
        belatam.load(folder)


@pytest.mark.parametrize(("given", "written"), [("1E+2", "100"), ("100.0", "100"), ("-0", "0"), ("1.0E+3", "1000")])
def test_amounts_are_canonical_and_read_back(tmp_path: Path, given: str, written: str) -> None:
    figures = attrs.evolve(belatam.trade(2018), exports=Decimal(given), exports_precision=Decimal("1E+0"))
    assert str(figures.exports) == written
    data = Dataset(**{**belatam.dataset().records(), "trade": [figures]})  # type: ignore[arg-type]
    export(tmp_path, "json", data)
    assert json.loads((tmp_path / "trade.json").read_text(encoding="utf-8"))[0]["exports"] == written
    assert belatam.load(tmp_path).records()["trade"] == (figures,)


def test_an_amount_of_more_digits_than_the_exports_hold_is_refused_in_any_form() -> None:
    for big in ("1E+25", "1" + "0" * 25, "99999999999999999999.0E+1"):
        with pytest.raises(InvalidValueError, match="at most 20 digits"):
            attrs.evolve(belatam.trade(2018), exports=Decimal(big), exports_precision=Decimal(1))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=datasets())
def test_any_data_set_reads_back_from_parquet(tmp_path: Path, ds: Dataset) -> None:
    folder = tmp_path / f"p{id(ds)}"
    export(folder, "parquet", ds)
    for kind, records in ds.records().items():
        table = pq.read_table(folder / f"{kind}.parquet")
        assert table.num_rows == len(records)
        expected = to_arrow(kind, ds)  # type: ignore[arg-type]
        assert table.replace_schema_metadata(None).equals(expected.replace_schema_metadata(None)), kind


def test_an_export_the_system_refuses_is_an_export_error_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "trade.json").mkdir()
    (tmp_path / "events.json").write_text("old", encoding="utf-8")
    with pytest.raises(ExportError) as info:
        export(tmp_path, "json")
    assert isinstance(info.value, OSError) and str(tmp_path / "trade.json") in str(info.value)
    assert (tmp_path / "events.json").read_text(encoding="utf-8") == "old"  # nothing half written
    done = run("-m", "belatam", "export", str(tmp_path), "--format", "json")
    assert done.returncode == 4 and "trade.json" in done.stderr


# -- keys and lists ------------------------------------------------------------------------


def edited(tmp_path: Path, name: str, change: Any) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in PACKAGED.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    records = json.loads((folder / name).read_text(encoding="utf-8"))
    change(records)
    (folder / name).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return folder


def test_every_form_a_look_up_tries_finds_one_record(tmp_path: Path) -> None:
    def alias(records: list[dict[str, Any]]) -> None:
        next(r for r in records if r["code"] == "CU")["aliases"] = ["76"]  # "76" is also Brazil's "076"

    with pytest.raises(DataError, match=r"countries\.json, record CU, field 'aliases'.*'076'.*BR"):
        belatam.load(edited(tmp_path, "countries.json", alias))
    assert belatam.country("76") == belatam.country("076") == belatam.country("BR")


def test_a_citation_twice_in_one_record_is_refused(tmp_path: Path) -> None:
    def twice(records: list[dict[str, Any]]) -> None:
        records[0]["sources"].insert(1, records[0]["sources"][0])

    with pytest.raises(DataError, match=r"events\.json, record .*, field 'sources\[1\]'.*twice"):
        belatam.load(edited(tmp_path, "events.json", twice))


# -- shared answers are values --------------------------------------------------------


def test_an_answer_cannot_be_changed_by_its_caller() -> None:
    answer = belatam.missions()
    for name, value in (("as_of", datetime.date(1999, 1, 1)), ("unknown", ()), ("record_type", None)):
        with pytest.raises(AttributeError, match="read-only"):
            setattr(answer, name, value)
    with pytest.raises(AttributeError, match="read-only"):
        del answer.as_of
    assert belatam.missions().as_of == belatam.REFERENCE_DATE and belatam.missions() == answer


# -- arguments ------------------------------------------------------------------------


def test_a_0_d_array_is_one_value() -> None:
    assert belatam.events(year=numpy.array(2018)) == belatam.events(year=2018)
    assert belatam.events(year=numpy.int64(2018)) == belatam.events(year=2018)
    assert belatam.missions(kind=numpy.array("embassy")) == belatam.missions(kind="embassy")
    with pytest.raises(belatam.InvalidTypeError, match="year"):
        belatam.events(year=numpy.array(2018.5))


# -- the shell -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [{"LC_ALL": "POSIX", "PYTHONUTF8": "0"}, {"PYTHONIOENCODING": "ascii:surrogateescape"}],
    ids=["posix", "ascii"],
)
def test_any_locale_prints_something_readable(env: dict[str, str]) -> None:
    done = run("-m", "belatam", "country", "BY", env=env)
    assert done.returncode == 0, done.stderr
    assert "Belarus" in done.stdout and "\\u" in done.stdout  # Cyrillic names escaped, never dropped


def test_control_characters_from_the_data_are_shown_not_acted_on(tmp_path: Path) -> None:
    def hostile(records: list[dict[str, Any]]) -> None:
        records[0]["title"] = "Latin\x1b]0;pwned\x07 America\nsecond line"

    folder = edited(tmp_path, "sources.json", hostile)
    out, err = _io()
    assert main(["sources", "--data", str(folder)], out=out, err=err) == 0
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]0;pwned\\x07" in shown
    assert all(line.count("  ") for line in shown.splitlines()[2:])  # every row is one line
    text = belatam.load(folder).cite("src-mfa-2019")
    assert len(text.splitlines()) == 1 and "second line" in text


def _io() -> tuple[Any, Any]:
    import io

    return io.StringIO(), io.StringIO()
