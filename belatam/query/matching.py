"""Ranking records against a text: what `belatam.search` and the "did you mean" of a failed look-up share.

Every text is folded (``belatam.text.fold``: no case, accents, punctuation or
invisible characters), and a Cyrillic one is also spelt in Latin letters
(`romanize`), so ``"Лукашенко"`` meets ``"Lukashenko"`` and ``"Kolumbien"``
comes within two letters of Russian's ``"Колумбия"``. A record's texts come in
two weights: its *names* (names in any language, aliases, codes, ids) and its
*texts* (titles, summaries, statements, descriptions). A match is scored, best
first (the first number for a name, the second for a text):

- whole (100): the text is a name, folded, or the record's id;
- start (90): a name starts with the text, in whole words;
- phrase (85, 50): the text stands in a name or a text, in whole words;
- words (70, 40): every word of the text is a word of one of them;
- near (60, 30, less 8 a typo): every word is within `allowed` typos of a
  word, or starts one (an unfinished word counts as a typo); or, among names,
  the whole text is, spaces aside.

A word of up to three letters must match exactly, one of four or five may
have one typo (a letter left out, added, changed or two swapped), a longer
one two: "Aruba" is no near miss for "Cuba". Nothing here is imported until a
search or a failed look-up needs it, and it needs nothing outside the
standard library.

    >>> index = Index([("CU", ["Cuba", "Куба"], []), ("CO", ["Colombia", "Колумбия"], [])])
    >>> [key for key, _ in index.rank("kolumbien")]
    ['CO']
    >>> index.rank("Aruba")
    []
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from belatam.text import fold

__all__ = ["NEAR", "Index", "allowed", "distance", "keys", "romanize"]

NEAR = 60
"""The score of a near match without typos: names that score at least ``NEAR - 8 * 2`` are
close enough to suggest in an error."""

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_ROMAN = str.maketrans(_CYRILLIC)


def romanize(folded: str) -> str:
    """A folded text with Cyrillic letters spelt in Latin ones (Belarusian and Russian alike).

    >>> romanize(fold("Мікалай Аўсянка")), romanize(fold("Лукашэнка"))
    ('mikalai ausyanka', 'lukashenka')
    """
    return folded.translate(_ROMAN)


def keys(text: str) -> tuple[str, ...]:
    """The folded forms a text is matched by: folded, and romanized where that differs."""
    folded = fold(text)
    roman = romanize(folded)
    return (folded,) if roman == folded else (folded, roman)


def allowed(word: str) -> int:
    """How many typos a word of the query may have: none up to three letters, one up to five, else two."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def distance(a: str, b: str, limit: int) -> int:
    """The number of edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``; ``limit + 1`` past it.

    >>> distance("lukaschenko", "lukashenko", 2), distance("aruba", "cuba", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


class _Entry:
    __slots__ = ("compact", "ids", "key", "name_words", "names", "text_words", "texts")

    def __init__(self, key: Hashable, names: Iterable[str], texts: Iterable[str], ids: Iterable[str] = ()) -> None:
        self.key = key
        self.ids = frozenset(fold(i) for i in ids)
        self.names = tuple(dict.fromkeys(k for name in names for k in keys(name) if k))
        self.texts = tuple(dict.fromkeys(k for text in texts for k in keys(text) if k))
        self.name_words = frozenset(w for name in self.names for w in name.split())
        self.compact = tuple(dict.fromkeys(name.replace(" ", "") for name in self.names))
        self.text_words = frozenset(w for text in self.texts for w in text.split())


def _near_whole(query: str, compact: Sequence[str]) -> int:
    """The near score of the query against whole names, spaces aside ("org-acz" is one typo from "org-acs")."""
    whole = query.replace(" ", "")
    limit = allowed(whole)
    typos = min(
        (distance(whole, name, limit) for name in compact if abs(len(name) - len(whole)) <= limit), default=None
    )
    return 0 if typos is None or typos > limit else max(1, NEAR - 8 * typos)


class Index:
    """Records (any hashable ``key``) with their names and texts, ranked against a query by ``rank``.

    Built from ``(key, names, texts)`` triples, or ``(key, names, texts, ids)``, in the order that
    breaks ties; an id (``evt-2018-11-shestakov-panama``) matches whole, like a name, and its
    words count as a text's.
    """

    __slots__ = ("_entries", "_near", "_near_size", "_vocabulary")

    MAX_WORDS = 16
    """A query of more words is matched whole or word for word, never as a near miss: no name has as many."""
    MAX_CACHED = 1 << 16
    """The near-miss cache holds at most this many characters of words (and of what they are close to)."""

    def __init__(self, items: Iterable[tuple[Any, ...]]) -> None:
        self._entries = [_Entry(*item) for item in items]
        self._near: dict[tuple[str, bool], dict[str, int]] = {}
        self._near_size = 0
        self._vocabulary: dict[bool, list[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _words(self, names: bool) -> list[str]:
        """Every indexed word of names (or of texts), by length: built once."""
        found = self._vocabulary.get(names)
        if found is None:
            found = self._vocabulary[names] = sorted(
                {w for e in self._entries for w in (e.name_words if names else e.text_words)}, key=len
            )
        return found

    def _close(self, word: str, names: bool) -> dict[str, int]:
        """The indexed words within ``allowed(word)`` typos of ``word``, or that it starts, with their typos."""
        cached = self._near.get((word, names))
        if cached is not None:
            return cached
        limit = allowed(word)
        vocabulary = self._words(names)
        found: dict[str, int] = {}
        start = bisect.bisect_left(vocabulary, len(word) - limit, key=len)  # shorter words are too far
        for other in vocabulary[start:]:
            if len(word) >= (3 if names else 4) and other.startswith(word) and other != word:
                found[other] = 1  # an unfinished word counts as one typo
            elif limit and len(other) <= len(word) + limit:
                typos = distance(word, other, limit)
                if typos <= limit:
                    found[other] = min(found.get(other, typos), typos)
        size = len(word) + sum(len(w) for w in found)
        if self._near_size + size > self.MAX_CACHED:  # bounded by size, not only by count
            self._near.clear()
            self._near_size = 0
        if size <= self.MAX_CACHED // 16:  # a very long word is not worth keeping
            self._near[(word, names)] = found
            self._near_size += size
        return found

    def _near_score(self, words: Sequence[str], own: frozenset[str], names: bool) -> int:
        """The near score of a record's words (0: some word of the query has no match)."""
        if len(words) > self.MAX_WORDS:
            return 0
        typos = 0
        for word in words:
            if word in own:
                continue
            close = self._close(word, names)
            best = min((close[w] for w in own if w in close), default=None)
            if best is None:
                return 0
            typos += best
        return max(1, (NEAR if names else 30) - 8 * typos)

    def _score(self, entry: _Entry, queries: Sequence[str]) -> int:
        """How well one of the query's forms matches a record (0: not at all)."""
        best = 0
        for query in queries:
            if query in entry.ids:
                return 100
            padded = f" {query} "
            words = query.split()
            for name in entry.names:
                if name == query:
                    return 100
                if f" {name} ".startswith(padded):
                    best = max(best, 90)
                elif padded in f" {name} ":
                    best = max(best, 85)
            if best < 70 and all(w in entry.name_words for w in words):
                best = 70
            if best < 50 and any(padded in f" {text} " for text in entry.texts):
                best = 50
            if best < 40 and all(w in entry.text_words for w in words):
                best = 40
            if best < NEAR:
                best = max(best, self._near_score(words, entry.name_words, True), _near_whole(query, entry.compact))
            if best < 30:
                best = max(best, self._near_score(words, entry.text_words, False))
        return best

    def rank(self, text: str | tuple[str, ...], *, at_least: int = 1) -> list[tuple[Hashable, int]]:
        """``(key, score)`` of every record that matches ``text`` with at least ``at_least``, best first.

        ``text`` may be given as its `keys` already, so that one long query is folded once for many indexes.
        """
        queries = keys(text) if isinstance(text, str) else text
        if not queries or not queries[0]:
            return []
        scored = [(entry.key, self._score(entry, queries), position) for position, entry in enumerate(self._entries)]
        return [(key, score) for key, score, _ in sorted(scored, key=lambda s: (-s[1], s[2])) if score >= at_least]
