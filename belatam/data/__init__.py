"""The packaged data: one JSON file per record type, read by `belatam.read.loader`."""

from __future__ import annotations

DATA_VERSION: str = "2026-12-06"
"""When the packaged data last changed (beside ``belatam.__version__``, as tzdata's ``IANA_VERSION``).

Queries answer for `REFERENCE_DATE` unless asked ``as_of`` another day; the
primary source dates from between November 2018 and 9 December 2019 (see
``belatam.source("src-mfa-2019").date``).
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime


def read(*parts: str) -> bytes:
    """The bytes of a file shipped in this folder (``read("events.json")``, ``read("schema", name)``).

    ``__spec__.loader.get_data`` reads package files wherever the package
    lives (a folder or a zip) and, unlike importlib.resources, imports nothing.
    """
    import os

    spec = __spec__
    assert spec is not None and spec.loader is not None and spec.submodule_search_locations
    folder = next(iter(spec.submodule_search_locations))
    data: bytes = spec.loader.get_data(os.path.join(folder, *parts))  # type: ignore[attr-defined]
    return data


def __getattr__(name: str) -> object:
    """``REFERENCE_DATE`` is made on first use: importing datetime is not free."""
    if name == "REFERENCE_DATE":
        import datetime

        return datetime.date(2018, 12, 1)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


REFERENCE_DAY = (2018, 12, 1)
"""`REFERENCE_DATE` as (year, month, day), for code that compares days without datetime."""

REFERENCE_DATE: datetime.date
"""The day the data answers for when a query is given no ``as_of``: 1 December 2018.

The primary source (the ministry's overview) bears no date. Its `Source`
is dated ``2018-11/2019-12-09``: what it reports places it after the start of
November 2018, the month of the latest events it mentions (a visit to Panama,
the visa agreement with Colombia), and before 9 December 2019, when relations
with the Bahamas, still missing from it, began. (It also calls Belarus the
only Eurasian Economic Union member observing the Pacific Alliance, which
stopped being true in July 2019.) The data reads the page as describing the
first day by which everything it reports had happened, 1 December 2018:
relations with 31 of the 33 states, the 22 missions it lists. What the page
shows in force is ``seen`` from ``2018-11``, so in force on that day and not
known before it.
"""
