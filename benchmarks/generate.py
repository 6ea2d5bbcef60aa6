"""Write a synthetic data set of the packaged schema with N events.

    python benchmarks/generate.py 100000 /tmp/belatam-100k

The 34 real countries are kept; sources, people and organisations scale with
the events (one person and one organisation per 10 events, one source per
100), and every reference points at a record that exists, so `belatam.load`
accepts the folder. The generator is seeded: the same N gives the same files.
"""

from __future__ import annotations

import json
import random
import sys
from importlib.resources import files
from pathlib import Path

KINDS = ["visit", "meeting", "consultations", "commission_meeting", "forum", "signing"]


def generate(events: int, out: Path, seed: int = 2019) -> dict[str, int]:
    rng = random.Random(seed)
    packaged = files("belatam") / "data"
    countries = json.loads((packaged / "countries.json").read_bytes())
    region = [c["code"] for c in countries if c["code"] != "BY"]
    n_sources, n_people, n_orgs = max(1, events // 100), max(1, events // 10), max(1, events // 10)
    sources = [{"id": f"src-{i}", "title": f"Page {i}", "publisher": "Synthetic"} for i in range(n_sources)]
    for c in countries:
        c["sources"] = [{"source": "src-0", "paragraph": 1}]
        for name in c.get("names", ()):  # the real names, cited to a synthetic source
            name["source"] = "src-0"

    def refs() -> list[dict[str, object]]:
        return [{"source": f"src-{rng.randrange(n_sources)}", "paragraph": rng.randint(1, 40)}]

    people = [
        {
            "id": f"per-{i}",
            "name": f"Person {i}",
            "roles": [{"title": "Minister", "country": rng.choice(region)}],
            "sources": refs(),
        }
        for i in range(n_people)
    ]
    organizations = [
        {
            "id": f"org-{i}",
            "name": f"Organisation {i}",
            "kind": "enterprise",
            "country": rng.choice(region),
            "sources": refs(),
        }
        for i in range(n_orgs)
    ]

    def date() -> str | None:
        year = rng.randint(1992, 2019)
        roll = rng.random()
        if roll < 0.05:
            return None
        if roll < 0.25:
            return str(year)
        if roll < 0.8:
            return f"{year}-{rng.randint(1, 12):02d}"
        if roll < 0.95:
            return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return f"{year}/{year + rng.randint(0, 2)}"

    event_list = []
    for i in range(events):
        record: dict[str, object] = {
            "id": f"evt-{i}",
            "kind": rng.choice(KINDS),
            "date": date(),
            "summary": f"Synthetic event number {i}.",
            "countries": rng.sample(region, rng.randint(1, 2)),
            "participants": [f"per-{i}" for i in rng.sample(range(n_people), min(n_people, rng.randint(0, 2)))],
            "organizations": [f"org-{i}" for i in rng.sample(range(n_orgs), min(n_orgs, rng.randint(0, 1)))],
            "sources": refs(),
        }
        if record["date"] is None:
            record["not_after"] = "2019-12"
        event_list.append(record)
    out.mkdir(parents=True, exist_ok=True)
    written = {
        "sources": sources,
        "countries": countries,
        "people": people,
        "organizations": organizations,
        "events": event_list,
    }
    for name, records in written.items():
        (out / f"{name}.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return {name: len(records) for name, records in written.items()}


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
