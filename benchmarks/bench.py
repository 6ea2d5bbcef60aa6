"""Measure belatam against its floor and its peers, in one run.

    bash benchmarks/run            # builds a fresh environment, then runs this

Cold start: each command runs as a fresh process, rounds interleaved so that
every command sees the same machine; the median of each is reported as a
ratio to ``python -c "import attrs, cattrs"``. Then warm latency of every
helper, and for synthetic data sets of 1k to 300k events: load time per
record, retained bytes per record, peak RSS and the cost of filtered queries
against the size of their answers. Writes docs/_static/benchmarks.md and
docs/_static/benchmark-curve.png (when matplotlib is installed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "_static"

FLOOR = """
import attrs, json, belatam.data as d, os
@attrs.frozen
class R:
    id: str
    kind: str
folder = d.__path__[0]
names = [n for n in sorted(os.listdir(folder)) if n.endswith(".json")]
raw = [json.loads(open(os.path.join(folder, n), "rb").read()) for n in names]
rows = [r for f in raw for r in f][:300]
records = [R(id=str(r.get('id', r.get('code', ''))), kind=str(r.get('kind', ''))) for r in rows]
[r for r in records if r.kind == 'strategic']
"""

COLD = {
    "baseline: import attrs, cattrs": "import attrs, cattrs",
    "import attrs": "import attrs",
    "floor: attrs + JSON + 300 records + query": FLOOR,
    "pycountry: import + get(alpha_2='AR')": "import pycountry; pycountry.countries.get(alpha_2='AR')",
    "import belatam": "import belatam",
    "import belatam + partners(strategic=True)": "import belatam; belatam.partners(strategic=True)",
}

WARM = [
    'belatam.country("AR")',
    'belatam.country("argentina")',
    "belatam.trade(2018)",
    'belatam.event("evt-2012-06-lukashenko-cuba")',
    'belatam.person("per-makei")',
    'belatam.organization("org-acs")',
    "belatam.countries()",
    'belatam.countries(relations=True, subregion="Caribbean")',
    "belatam.partners(strategic=True)",
    "belatam.partnerships(strategic=True)",
    'belatam.missions(sending="BY", kind="embassy")',
    'belatam.agreements(country="CO", year=2018)',
    'belatam.events(country="CO", year=2018, kind="visit")',
    'belatam.events(person="per-shestakov")',
    'belatam.people(country="CU")',
    'belatam.organizations(kind="joint_venture", country="VE")',
    'belatam.memberships(organization="org-acs", role="observer")',
    'belatam.statements(country="CU", topic="relations")',
    "belatam.sources()",
]

SCALE_CHILD = """
import gc, json, resource, sys, time, timeit, tracemalloc
import belatam
folder = sys.argv[1]
belatam.load(folder)  # warm the imports and caches once
loads = []
for _ in range(3 if len(open(folder + "/events.json", "rb").read()) < 50_000_000 else 1):
    t = time.perf_counter()
    ds = belatam.load(folder)
    loads.append(time.perf_counter() - t)
    del ds
load = min(loads)
gc.collect()
tracemalloc.start()
ds = belatam.load(folder)
gc.collect()
retained = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
records = sum(ds.counts().values())
queries = {}
for label, kwargs in [("country", {"country": "AR"}), ("country+year", {"country": "AR", "year": 2005}),
                      ("country+year+kind", {"country": "AR", "year": 2005, "kind": "forum"}),
                      ("person", {"person": "per-1"})]:
    n = len(ds.events(**kwargs))
    per = min(timeit.repeat(lambda: ds.events(**kwargs), number=20, repeat=5)) / 20
    queries[label] = {"results": n, "seconds": per}
print(json.dumps({"events": ds.counts()["events"], "records": records, "load": load, "retained": retained,
                  "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "queries": queries}))
"""


LONG_CHILD = """
import gc, json, random, sys, time, tracemalloc
import belatam
random.seed(1)
def typos(word):
    letters = list(word)
    for _ in range(2):
        letters[random.randrange(len(letters))] = random.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(letters)
def miss(call):
    try:
        call()
    except LookupError:
        pass
cases = {  # each takes a seed, so the measured call meets no cache the timed one filled
    "country('AR')": lambda seed: belatam.country("AR"),
    "country(1 MB of one letter)": lambda seed: miss(lambda: belatam.country("xy"[seed] * 1_000_000)),
    "country(4,200 two-typo words)": lambda seed: miss(
        lambda: belatam.country(" ".join(typos("republica") for _ in range(4200)))
    ),
    "search(5,000 two-typo words)": lambda seed: belatam.search(" ".join(typos("republica") for _ in range(5000))),
    "search(a 500 KB word)": lambda seed: belatam.search("ab"[seed] * 500_000),
}
belatam.country("AR"); belatam.search("Cuba")  # the tables and indexes built
out = {}
for name, call in cases.items():
    start = time.perf_counter()
    call(0)
    seconds = time.perf_counter() - start  # timed without tracemalloc, which slows every line
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    call(1)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    out[name] = {"seconds": seconds, "retained": kept}
print(json.dumps(out))
"""


def long_inputs() -> dict[str, dict[str, float]]:
    """Time and memory kept alive by long, hostile inputs, each in a fresh process after one warm-up."""
    done = subprocess.run([sys.executable, "-c", LONG_CHILD], check=True, capture_output=True, text=True)
    found: dict[str, dict[str, float]] = json.loads(done.stdout)
    return found


def cold(rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(rounds):
        for name, code in COLD.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def warm() -> dict[str, float]:
    import belatam

    belatam.dataset()
    out = {}
    for stmt in WARM:
        number = 2000
        best = min(timeit.repeat(stmt, globals={"belatam": belatam}, number=number, repeat=5))
        out[stmt] = best / number
    return out


def scale(sizes: list[int]) -> list[dict[str, object]]:
    sys.path.insert(0, str(HERE))
    from generate import generate

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            generate(n, folder)
            done = subprocess.run(
                [sys.executable, "-c", SCALE_CHILD, str(folder)], check=True, capture_output=True, text=True
            )
            rows.append(json.loads(done.stdout))
            print(f"  {n:>7} events: {rows[-1]['load'] / rows[-1]['records'] * 1e6:.2f} us/record", flush=True)
    return rows


def report(
    cold_t: dict[str, float],
    warm_t: dict[str, float],
    rows: list[dict[str, object]],
    long_t: dict[str, dict[str, float]] | None = None,
) -> str:
    base = cold_t["baseline: import attrs, cattrs"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, belatam installed from its wheel.",
        "",
        "| cold process (median) | ms | ratio to `import attrs, cattrs` |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {t * 1000:.1f} | {t / base:.2f} |" for name, t in cold_t.items()]
    lines += ["", "| warm call | µs |", "|---|---:|"]
    lines += [f"| `{stmt}` | {t * 1e6:.2f} |" for stmt, t in warm_t.items()]
    lines += [
        "",
        "| events | records | load µs/record | retained bytes/record | peak RSS MB | "
        "`events(country=)` results / µs | `country+year` results / µs | `country+year+kind` results / µs |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        q = r["queries"]
        assert isinstance(q, dict)
        cells = [
            f"{q[k]['results']} / {q[k]['seconds'] * 1e6:.0f}" for k in ("country", "country+year", "country+year+kind")
        ]
        records = int(r["records"])  # type: ignore[call-overload]
        lines.append(
            f"| {r['events']} | {records} | {float(r['load']) / records * 1e6:.2f} | "  # type: ignore[arg-type]
            f"{int(r['retained']) / records:.0f} | {int(r['peak_rss_kb']) / 1024:.0f} | " + " | ".join(cells) + " |"  # type: ignore[call-overload]
        )
    if long_t:
        plain = long_t["country('AR')"]
        lines += ["", "| long input | ms | ratio to `country('AR')` | bytes kept alive |", "|---|---:|---:|---:|"]
        lines += [
            f"| `{name}` | {t['seconds'] * 1000:.1f} | {t['seconds'] / plain['seconds']:.0f} | {t['retained']:.0f} |"
            for name, t in long_t.items()
        ]
    return "\n".join(lines) + "\n"


def plot(rows: list[dict[str, object]], path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    events = [r["events"] for r in rows]
    left.plot(events, [float(r["load"]) / int(r["records"]) * 1e6 for r in rows], "o-")  # type: ignore[arg-type, call-overload]
    left.set(xscale="log", xlabel="events in the data set", ylabel="load, µs per record", title="Loading")
    for key in ("country", "country+year", "country+year+kind"):
        right.plot(
            [r["queries"][key]["results"] for r in rows],  # type: ignore[index]
            [r["queries"][key]["seconds"] * 1e6 for r in rows],  # type: ignore[index]
            "o-",
            label=f"events({key})",
        )
    right.set(xscale="log", yscale="log", xlabel="results returned", ylabel="µs per query", title="Filtered queries")
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="cold-start rounds (default 21)")
    parser.add_argument("--sizes", default="1000,10000,100000,300000", help="event counts of the synthetic sets")
    args = parser.parse_args()
    print("cold starts ...", flush=True)
    cold_t = cold(args.rounds)
    print("warm calls ...", flush=True)
    warm_t = warm()
    print("scale ...", flush=True)
    rows = scale([int(s) for s in args.sizes.split(",")])
    print("long inputs ...", flush=True)
    long_t = long_inputs()
    text = report(cold_t, warm_t, rows, long_t)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "benchmarks.md").write_text(text, encoding="utf-8")
    plotted = plot(rows, OUT / "benchmark-curve.png")
    print(text)
    print(f"written: {OUT / 'benchmarks.md'}" + (f", {OUT / 'benchmark-curve.png'}" if plotted else ""))


if __name__ == "__main__":
    main()
