"""Reading data files into a validated `Dataset`.

The lean decoder (`belatam.decode`) builds the records; if it refuses
anything, the cattrs converter (`belatam.convert`) reads the same JSON again
and raises a `DataError` naming the file, the record and the field. The
garbage collector is paused while a data set is built: its many small,
long-lived objects would otherwise trigger collections that find nothing.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from belatam.checks import FILES
from belatam.decode import Decoder, Invalid
from belatam.errors import DataError, InvalidTypeError, InvalidValueError
from belatam.queries import Dataset

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dataset_from_json", "load", "load_packaged"]


def dataset_from_json(files: Mapping[str, Any]) -> Dataset:
    """Build a `Dataset` from parsed JSON, ``{file stem: list of records}``."""
    unknown = sorted(set(files) - set(FILES))
    with _gc_paused():
        parts = None if unknown else _decode(files)
        if parts is None:  # refused: the reference path says exactly why
            from belatam.convert import structure_files

            parts = structure_files(files)
        return Dataset(**parts)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic collector: a bulk load makes only long-lived, acyclic objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _decode(files: Mapping[str, Any]) -> dict[str, list[Any]] | None:
    decoder = Decoder()
    parts: dict[str, list[Any]] = {}
    try:
        for name, cls in FILES.items():
            raw = files.get(name, [])
            if type(raw) is not list:
                return None
            parts[name] = decoder.records(cls, raw)
    except Invalid:
        return None
    return parts


def _read(name: str, text: bytes) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(f"{name}.json", None, None, f"not valid JSON: {exc}") from None


def load(path: str | Path) -> Dataset:
    """Read a folder holding the data files (``countries.json`` ...) as a `Dataset`.

    Files that are absent count as empty; anything malformed, unknown or
    inconsistent raises `DataError` with the file, record and field.
    """
    from pathlib import Path

    if not isinstance(path, (str, Path)):
        raise InvalidTypeError(f"path must be a str or Path to a folder, not {type(path).__name__}: {path!r}")
    if isinstance(path, str) and not path.strip():
        raise InvalidValueError(f"path={path!r} is empty; give the folder that holds the data files")
    folder = Path(path)
    try:
        is_folder = folder.is_dir()
    except OSError:  # a name the OS cannot even look up (too long, ...)
        is_folder = False
    if not is_folder:
        raise FileNotFoundError(f"path={str(path)!r}: no such folder of belatam data files")
    with _gc_paused():
        files = {p.stem: _read(p.stem, p.read_bytes()) for p in sorted(folder.glob("*.json"))}
        return dataset_from_json(files)


def load_packaged() -> Dataset:
    """Read the data shipped inside the package through its module loader.

    ``__spec__.loader.get_data`` reads package files wherever the package
    lives (a folder or a zip) and, unlike importlib.resources, imports nothing.
    """
    import belatam.data as package

    spec = package.__spec__
    assert spec is not None and spec.loader is not None and spec.submodule_search_locations
    get_data = spec.loader.get_data  # type: ignore[attr-defined]
    folder = next(iter(spec.submodule_search_locations))
    return dataset_from_json({name: _read(name, get_data(os.path.join(folder, f"{name}.json"))) for name in FILES})
