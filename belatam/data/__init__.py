"""The packaged data: one JSON file per record type, read by `belatam.loader`."""

DATA_VERSION: str = "2026-11-29"
"""When the packaged data last changed (beside ``belatam.__version__``, as tzdata's ``IANA_VERSION``).

The data describes the situation at the primary source's date, between June 2018
and 9 December 2019; see ``belatam.source("src-mfa-2019").date``.
"""
