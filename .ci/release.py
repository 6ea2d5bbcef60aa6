#!/usr/bin/env python3
"""Cut a release's data fingerprint, which `belatam.changes` compares against.

    python .ci/release.py cut              # the version in pyproject.toml, from the packaged data
    python .ci/release.py fingerprint 0.2.0 --commit b021b67   # an earlier release, from git

``cut`` refuses a development version (``0.3.1.dev0``) and a version the
changelog has no section for, then writes ``belatam/data/releases/<version>.json.gz``
and lists it in ``index.json``. ``fingerprint --commit`` reads the data files
of that commit with git, as they were released. Run from the repository's root
with the development environment's Python (belatam importable).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import tomllib

from belatam.data import DATA_VERSION
from belatam.model import KINDS
from belatam.read.releases import fingerprint

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "belatam" / "data" / "releases"


def write(version: str, data_version: str, tables: dict[str, list[object]]) -> Path:
    FOLDER.mkdir(exist_ok=True)
    path = FOLDER / f"{version}.json.gz"
    body = {"release": version, "data_version": data_version, "records": fingerprint(tables)}  # type: ignore[arg-type]
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    path.write_bytes(gzip.compress(text.encode(), 9, mtime=0))  # the same data gives the same bytes
    index = FOLDER / "index.json"
    known = set(json.loads(index.read_text("utf-8"))) if index.exists() else set()
    ordered = sorted(known | {version}, key=lambda v: tuple(int(p) for p in v.split(".")))
    index.write_text(json.dumps(ordered) + "\n", "utf-8")
    return path


def cut() -> Path:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit(f"release.py: {version} is not a release version (major.minor.patch); set it in pyproject.toml")
    if f"## [{version}]" not in (ROOT / "CHANGELOG.md").read_text("utf-8"):
        sys.exit(f"release.py: CHANGELOG.md has no section '## [{version}]'; move Unreleased there first")
    tables = {kind: json.loads((ROOT / "belatam" / "data" / f"{kind}.json").read_text("utf-8")) for kind in KINDS}
    return write(version, DATA_VERSION, tables)


def from_commit(version: str, commit: str) -> Path:
    def show(path: str) -> str | None:
        run = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True)
        return run.stdout if run.returncode == 0 else None

    tables = {kind: json.loads(text) for kind in KINDS if (text := show(f"belatam/data/{kind}.json")) is not None}
    init = show("belatam/data/__init__.py") or ""
    found = re.search(r'DATA_VERSION(?:: str)? = "([^"]+)"', init)
    return write(version, found.group(1) if found else "", tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("cut", help="fingerprint the packaged data as the release in pyproject.toml")
    earlier = commands.add_parser("fingerprint", help="fingerprint an earlier release's data from git")
    earlier.add_argument("version")
    earlier.add_argument("--commit", required=True)
    args = parser.parse_args()
    path = cut() if args.command == "cut" else from_commit(args.version, args.commit)
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
