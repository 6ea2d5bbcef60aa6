"""Folding names for matching, and cutting text to a width.

`fold` is the one normalisation every look-up uses (a country's names, a
person's aliases, a search): no case, no accents, no punctuation, and none of
the invisible characters a copied name may carry. It is cached (bounded), so
a repeated look-up costs a dictionary hit.

    >>> fold("  Bolivia (Plurinational State of) ")
    'bolivia plurinational state of'
    >>> fold("Trinidad & Tobago") == fold("trinidad and tobago")
    True
    >>> fold("Rau\u0301l\u200b Castro") == fold("Raúl Castro")
    True
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold", "key_forms", "shorten"]

_NON_WORD = re.compile(r"[\W_]+")


SHORT = 256
"""Texts up to this length are folded once and remembered; longer ones (never a name) are folded each time,
so the cache stays small however long the texts asked about are."""


def fold(text: str) -> str:
    """``text`` without case, accents, punctuation or invisible characters, words single-spaced."""
    return _fold_short(text) if len(text) <= SHORT else _fold(text)


@functools.lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("&", " and "))
    kept = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return _NON_WORD.sub(" ", kept.casefold()).strip()


def key_forms(text: str) -> tuple[str, ...]:
    """The folded forms a look-up key is found by: folded, and, for a number of one or two digits, the
    three-digit code it also stands for (``"76"`` is ISO 3166-1 numeric ``"076"``)."""
    folded = fold(text)
    if folded.isascii() and folded.isdigit() and len(folded) < 3:
        return (folded, folded.zfill(3))
    return (folded,)


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, at a word where possible, ending in "…".

    >>> shorten("Official visit of President Lukashenko to Cuba.", 24)
    'Official visit of…'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
