"""Writing files into an output folder: whole or not at all, never through a link."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from belatam.errors import ExportError, InvalidTypeError, InvalidValueError, quote

__all__ = ["dumps", "folder_for", "write_files"]


def folder_for(directory: object) -> Path:
    """An output folder given as a str or path-like, else a clear error."""
    if not isinstance(directory, (str, os.PathLike)):
        raise InvalidTypeError(
            f"directory must be a str or Path of a folder, not {type(directory).__name__}: {quote(directory)}"
        )
    if isinstance(directory, str) and not directory.strip():
        raise InvalidValueError(f"directory={directory!r} is empty; give the folder to write into")
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InvalidValueError(f"directory={quote(str(directory))} is a file, not a folder")
    return folder


def dumps(value: Any) -> str:
    """JSON as the package writes it: UTF-8 text, one space of indent, a final newline."""
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


def write_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write ``{name: content}`` into ``folder`` (made if missing); returns the paths, in order.

    Every file is first written in full to a new temporary file in the folder;
    only when all are written are they renamed over the old ones. So a failure
    while writing (a full disk, a folder where a file should be) leaves the old
    files as they were, and a symbolic link in the folder is replaced by the
    file, never written through to where it points.
    """
    try:
        return _write(folder, files)
    except OSError as exc:
        if isinstance(exc, ExportError):
            raise
        path = exc.filename if isinstance(exc.filename, str) else str(folder)
        raise ExportError(path, exc.strerror or str(exc)) from None


def _write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / name for name in files]
    for path in targets:
        if path.is_dir() and not path.is_symlink():
            raise ExportError(str(path), "is a folder, where the export writes a file; nothing was written")
    staged: list[str] = []
    try:
        for path, content in zip(targets, files.values(), strict=True):
            temporary = str(folder / f".{path.name}.{secrets.token_hex(8)}.tmp")
            # O_EXCL: a new file, never one a link points to; mode 0o666 less the umask, as for any new file
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            staged.append(temporary)
            with os.fdopen(descriptor, "wb") as file:
                file.write(content)
        for temporary, path in zip(staged, targets, strict=True):
            os.replace(temporary, path)
    finally:
        for temporary in staged:
            if os.path.lexists(temporary):
                os.unlink(temporary)
    return targets
