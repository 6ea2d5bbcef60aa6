"""The optional dependencies (extras) and the error that names them.

The core needs only attrs and cattrs. pandas, pyarrow and matplotlib are
imported by the functions that need them, when they are called; a missing one
is an `ImportError` that names the package and the belatam extra that
installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["install_hint", "require"]


def install_hint(package: str, extra: str) -> str:
    """How to install an optional dependency, as the error message says it."""
    return (
        f"this needs {package}, which belatam does not install by default; it comes with belatam's "
        f"{extra!r} extra: pip install {package}, or from a checkout pip install '.[{extra}]'"
    )


def require(module: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise an `ImportError` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(install_hint(module.partition(".")[0], extra)) from exc
