"""Reading data files into a `Dataset`: a folder of them, or the ones shipped in the package.

A folder is read whole: every file decoded (`belatam.codec`) and the data
set checked (`belatam.integrity`) before `load` returns, so a broken folder
never half-loads. The packaged files are read through the package's module
loader, one record type at a time as queries first need it; they are checked
whole by the test suite, not at run time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from belatam.codec import Shared, decode
from belatam.errors import DataError, InvalidTypeError, InvalidValueError, quote
from belatam.model import KINDS, Kind
from belatam.queries import Dataset

if TYPE_CHECKING:
    pass

__all__ = ["from_json", "load", "load_packaged", "read_json"]


def read_json(file: str, text: bytes) -> Any:
    """Parsed JSON, or a `DataError` naming the file."""
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise DataError(file, None, None, f"not valid JSON: {exc}") from None


def load(path: str | os.PathLike[str]) -> Dataset:
    """Read a folder holding data files (``countries.json``, ``events.json`` ...) as a `Dataset`.

    Each file holds a JSON list of records of its type; a file that is absent
    counts as empty, but the folder must hold at least one of them. Anything
    malformed, unknown or inconsistent raises `DataError` naming the file,
    the record and the field; a folder that does not exist is a
    `FileNotFoundError` (and a `BelatamError`) naming it.
    """
    from pathlib import Path

    from belatam.errors import MissingFolderError

    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path must be a str or Path to a folder, not {type(path).__name__}: {quote(path)}")
    if isinstance(path, str) and not path.strip():
        raise InvalidValueError(f"path={path!r} is empty; give the folder that holds the data files")
    folder = Path(path)
    try:
        is_folder = folder.is_dir()
    except (OSError, ValueError):  # a name the OS cannot even look up (too long, NUL, ...)
        is_folder = False
    if not is_folder:
        raise MissingFolderError(f"path={quote(str(path), 1000)}: no such folder of belatam data files")
    names = {p.name for p in folder.iterdir()}
    unknown = sorted(n for n in names if n.endswith(".json") and n.removesuffix(".json") not in KINDS)
    if unknown:
        raise DataError(unknown[0], None, None, f"not a data file; the data files are {', '.join(KINDS)} (.json)")
    present = [kind for kind in KINDS if f"{kind}.json" in names]
    if not present:
        raise DataError(
            str(folder), None, None, f"holds none of the data files ({', '.join(f'{k}.json' for k in KINDS)})"
        )
    return from_json({kind: read_json(f"{kind}.json", (folder / f"{kind}.json").read_bytes()) for kind in present})


def from_json(files: Mapping[str, Any]) -> Dataset:
    """A checked `Dataset` from parsed JSON, ``{kind: list of records}`` (a kind left out is empty)."""
    unknown = sorted(set(files) - set(KINDS))
    if unknown:
        raise DataError(f"{unknown[0]}.json", None, None, f"not a data file; the data files are {', '.join(KINDS)}")
    tables: dict[Kind, tuple[Any, ...]] = {}
    shared = Shared()
    for kind in KINDS:
        tables[kind] = tuple(decode(kind, files.get(kind, []), f"{kind}.json", shared))
    from belatam.integrity import check

    check(tables)
    return Dataset._lazy(tables.__getitem__)


def load_packaged() -> Dataset:
    """The data shipped inside the package, each record type read on first use.

    ``__spec__.loader.get_data`` reads package files wherever the package
    lives (a folder or a zip) and, unlike importlib.resources, imports nothing.
    """
    import belatam.data as package

    spec = package.__spec__
    assert spec is not None and spec.loader is not None and spec.submodule_search_locations
    get_data = spec.loader.get_data  # type: ignore[attr-defined]
    folder = next(iter(spec.submodule_search_locations))

    shared = Shared()

    def read(kind: Kind) -> list[Any]:
        file = f"{kind}.json"
        return decode(kind, read_json(file, get_data(os.path.join(folder, file))), file, shared)

    return Dataset._lazy(read)
