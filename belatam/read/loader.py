"""Reading data files into checked tables of records: a folder of them, or the ones shipped in the package.

A folder is read whole: every file decoded (`belatam.read.codec`) and the data
set checked (`belatam.read.integrity`) before `load` returns, so a broken folder
never half-loads. What a folder may hold is treated as hostile: a file that
is a folder, a FIFO, a device, a dangling link or a loop of links, one too
big or unreadable; JSON with a key twice in one object, ``NaN``, nesting
deep enough to exhaust the stack, a number of thousands of digits, or text
that is not Unicode (an unpaired surrogate). Each of them is a `DataError`
naming the file (and the record and field where there is one); nothing is
left open or half-read.

The packaged files are read through the package's module loader, one record
type at a time as queries first need it; they are checked whole by the test
suite, not at run time.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from belatam.errors import DataError, InvalidTypeError, InvalidValueError, MissingFolderError, quote
from belatam.model import KINDS, Kind, record_type
from belatam.model.schema import describe
from belatam.read.codec import Shared, decode

__all__ = [
    "EXPORT_DESCRIPTOR",
    "MAX_FILE_BYTES",
    "from_json",
    "load",
    "packaged",
    "read_file",
    "read_json",
    "schema_file",
]

EXPORT_DESCRIPTOR = "belatam-export.json"
"""The file an export writes beside its data files to say what it holds: format, versions, files.

`load` accepts it in a folder (it reads the data files, not this one)."""


def schema_file(kind: Kind) -> str:
    """The name of a record type's JSON Schema file beside its data file: ``events.schema.json``.

    `load` accepts these in a folder, one per record type and no other.
    """
    return f"{kind}.schema.json"


def _companions() -> frozenset[str]:
    """The JSON files an export writes beside the data files, which `load` accepts and does not read."""
    return frozenset({EXPORT_DESCRIPTOR, *(schema_file(kind) for kind in KINDS)})


MAX_FILE_BYTES = 1 << 30
"""The largest data file `load` reads (1 GiB): a link to ``/dev/zero`` or a runaway file is refused, not read."""

_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")
"""A surrogate escaped in JSON (``\\ud800``), or encoded in the bytes, which ``json`` decodes leniently."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (``json`` would keep the last silently)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"the key {quote(twice)} appears twice in one object")
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def read_json(file: str, text: bytes) -> Any:
    """Parsed JSON, or a `DataError` naming the file.

    Duplicate keys, ``NaN``/``Infinity``, invalid UTF-8, too deep nesting and
    huge numbers are refused; so is text with an unpaired surrogate
    (``"\\ud800"``), which no export could write.
    """
    try:
        parsed = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError:
        raise DataError(file, None, None, "not valid JSON: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(file, None, None, f"not valid JSON: {quote(str(exc), 200)[1:-1]}") from None
    if _SURROGATE.search(text):
        _refuse_surrogates(file, parsed)
    return parsed


def _surrogate_paths(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            yield path
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _surrogate_paths(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _surrogate_paths(key, path)
            yield from _surrogate_paths(item, f"{path}.{key}" if path else str(key))


def _refuse_surrogates(file: str, parsed: Any) -> None:
    kind = file.removesuffix(".json")
    schema = describe(record_type(kind)) if kind in KINDS else None
    records = parsed if isinstance(parsed, list) else [parsed]
    for position, item in enumerate(records):
        for path in _surrogate_paths(item, ""):
            label = f"#{position}"
            if schema is not None and schema.identity is not None and isinstance(item, dict):
                value = item.get(schema.identity.name)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and not _has_surrogate(value):
                    label = str(value)
            raise DataError(file, label, path or None, "text with an unpaired surrogate is not Unicode text")


def _has_surrogate(value: object) -> bool:
    return isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value)


def read_file(path: str, file: str, what: str = "a data file") -> bytes:
    """The bytes of a regular file of at most `MAX_FILE_BYTES`, or a `DataError` saying what it is instead.

    ``file`` is how errors name it; ``what`` what it should have been (for the message on a folder).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DataError(file, None, None, "is a link to nothing (a dangling symbolic link)") from None
    except OSError as exc:
        problem = "is a loop of symbolic links" if exc.errno == errno.ELOOP else f"cannot be looked at: {exc.strerror}"
        raise DataError(file, None, None, problem) from None
    _regular(file, info, what)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise DataError(file, None, None, f"cannot be read: {exc.strerror}") from None
    try:
        _regular(file, os.fstat(descriptor), what)  # the file opened is the file looked at
        chunks, size = [], 0
        while chunk := os.read(descriptor, 1 << 20):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise DataError(file, None, None, f"is larger than {MAX_FILE_BYTES} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise DataError(file, None, None, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(descriptor)


def _regular(file: str, info: os.stat_result, what: str = "a data file") -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DataError(file, None, None, f"is a folder; {what} must be a file")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(file, None, None, "is not a regular file (a FIFO, a device or a socket); it is not read")
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(file, None, None, f"is larger than {MAX_FILE_BYTES} bytes")


def load(path: str | os.PathLike[str]) -> dict[Kind, tuple[Any, ...]]:
    """Read a folder holding data files (``countries.json``, ``events.json`` ...) as checked tables of records.

    Each file holds a JSON list of records of its type; a file that is absent
    counts as empty, but the folder must hold at least one of them, and no
    other ``.json`` file than those ``export(path, "json")`` writes beside
    them (`EXPORT_DESCRIPTOR` and the JSON Schemas, named by `schema_file`),
    which are not read. The folder is read whole and checked before this
    returns: anything malformed, unknown, inconsistent or hostile raises one
    `DataError` naming the file (by its path in the folder given), the record
    and the field (a folder that
    cannot be read, or holds none of the data files, is named instead), and
    a folder that does not exist is a `MissingFolderError` (a
    `FileNotFoundError`) naming it. Every error is a `BelatamError`.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path must be a str or Path to a folder, not {type(path).__name__}: {quote(path)}")
    if isinstance(path, str) and not path.strip():
        raise InvalidValueError(f"path={path!r} is empty; give the folder that holds the data files")
    try:
        folder = os.fspath(path)
        is_folder = os.path.isdir(folder)
    except (OSError, ValueError, TypeError):  # a name the OS cannot even look up (too long, NUL, bytes)
        is_folder = False
    if not is_folder:
        raise MissingFolderError(f"path={quote(str(path), 1000)}: no such folder of belatam data files")
    try:
        names = set(os.listdir(folder))
    except OSError as exc:
        raise DataError(str(folder), None, None, f"cannot be read: {exc.strerror}") from None
    companions = _companions()
    unknown = sorted(
        n for n in names if n.endswith(".json") and n.removesuffix(".json") not in KINDS and n not in companions
    )
    if unknown:
        raise DataError(
            unknown[0],
            None,
            None,
            f"not a data file; the data files are {', '.join(KINDS)} (.json), beside which a folder may hold "
            f"what an export writes: {EXPORT_DESCRIPTOR} and a <kind>.schema.json per record type",
            folder=folder,
        )
    present = [kind for kind in KINDS if f"{kind}.json" in names]
    if not present:
        raise DataError(
            str(folder), None, None, f"holds none of the data files ({', '.join(f'{k}.json' for k in KINDS)})"
        )
    try:
        return from_json(
            {
                kind: read_json(f"{kind}.json", read_file(os.path.join(folder, f"{kind}.json"), f"{kind}.json"))
                for kind in present
            }
        )
    except DataError as exc:  # named by the file alone: say which folder it is in
        if exc.folder is not None:
            raise
        raise DataError(exc.file, exc.record, exc.field, exc.problem, folder=folder) from None


def from_json(files: Mapping[str, Any]) -> dict[Kind, tuple[Any, ...]]:
    """Checked tables of records from parsed JSON, ``{kind: list of records}`` (a kind left out is empty)."""
    unknown = sorted(set(files) - set(KINDS))
    if unknown:
        raise DataError(f"{unknown[0]}.json", None, None, f"not a data file; the data files are {', '.join(KINDS)}")
    tables: dict[Kind, tuple[Any, ...]] = {}
    shared = Shared()
    for kind in KINDS:
        tables[kind] = tuple(decode(kind, files.get(kind, []), f"{kind}.json", shared))
    from belatam.read.integrity import check

    check(tables)
    return tables


def packaged() -> Callable[[Kind], list[Any]]:
    """The reader of the data shipped inside the package (`belatam.data.read`): one record type per call.

    Its files and records were checked whole by the test suite (by `read_json` and the integrity
    checks, as `load` checks a folder), so they are parsed as plain JSON, without the refusals of
    hostile input that cost every first query; a `belatam.Dataset` calls it on first use of each type.
    """
    from belatam.data import read as shipped

    shared = Shared(checked=True)

    def read(kind: Kind) -> list[Any]:
        file = f"{kind}.json"
        return decode(kind, json.loads(shipped(file)), file, shared)

    return read
