"""Citations of sources: plain text, BibTeX and CSL-JSON, made from `belatam.Source` records.

`cite` takes the sources to cite, each with the paragraphs cited (none: the
document as a whole), and writes them in one of ``CITATION_FORMATS``:

- ``"text"``: a reference per line: publisher, title in quotes, date, URL,
  when it was consulted, the paragraphs;
- ``"bibtex"``: a ``@misc`` entry per source, keyed by its id, with the
  fields BibTeX and biblatex read (``author`` as a corporate name, ``title``,
  ``year`` and ``date`` (an open end left open), ``url`` and ``urldate``, ``language``, and the
  paragraphs in ``note``);
- ``"csl-json"``: a JSON list of CSL items (``webpage`` for a page with a
  URL, else ``book``), as Zotero, pandoc and citeproc read them.

`belatam.cite` is the way in: it finds the sources a record cites.

    >>> from belatam.model.sources import Source
    >>> page = Source(id="src-x", title="Latin America", publisher="MFA", url="http://x.by", date="2019")
    >>> print(cite([(page, (3, 19))], "text"))
    MFA. "Latin America". 2019. http://x.by. Paragraphs 3, 19.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from belatam.arguments import CITATION_FORMATS, CitationFormat

if TYPE_CHECKING:
    from belatam.dates import PartialDate
    from belatam.model.sources import Source

__all__ = ["CITATION_FORMATS", "CitationFormat", "Cited", "cite"]

Cited = Sequence[tuple["Source", tuple[int, ...]]]
"""Sources to cite, each with the paragraphs cited (empty: the whole document)."""

_LANGUAGES = {
    "be": "belarusian",
    "ru": "russian",
    "en": "english",
    "es": "spanish",
    "pt": "portuguese",
    "fr": "french",
    "nl": "dutch",
    "de": "german",
}
"""ISO 639-1 codes and the language names biblatex's ``language`` field takes."""


def _paragraphs(paragraphs: tuple[int, ...]) -> str:
    if not paragraphs:
        return ""
    return ("Paragraph " if len(paragraphs) == 1 else "Paragraphs ") + ", ".join(map(str, paragraphs))


def _one_line(text: str) -> str:
    """Text with its line breaks, tabs and other control characters as single spaces: a citation is one line."""
    return " ".join(
        "".join(" " if ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\u2028\u2029" else ch for ch in text).split()
    )


def _line(source: Source, paragraphs: tuple[int, ...]) -> str:
    parts = [_one_line(source.publisher).rstrip("."), f'"{_one_line(source.title)}"']
    if source.date is not None:
        parts.append(str(source.date))
    if source.url is not None:
        parts.append(source.url + (f" (consulted {source.consulted})" if source.consulted else ""))
    elif source.consulted is not None:
        parts.append(f"Consulted {source.consulted}")
    if paragraphs:
        parts.append(_paragraphs(paragraphs))
    return ". ".join(parts) + "."


_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _tex(text: str) -> str:
    """Text as a BibTeX value: TeX's special characters escaped, so braces always balance."""
    return "".join(_TEX.get(ch, ch) for ch in text)


def _url(url: str) -> str:
    """A URL as BibTeX's ``url`` field holds it: verbatim, but for the characters that would break the entry."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _years(source: Source) -> str | None:
    """The year (or ``start--end`` years) of a source's date, for BibTeX's ``year``."""
    date = source.date
    if date is None:
        return None
    bounds = [d.year for d in _ends(date) if d is not None]
    if not bounds:
        return None
    first, last = min(bounds), max(bounds)
    return str(first) if first == last else f"{first}--{last}"


def _ends(date: Any) -> tuple[PartialDate | None, PartialDate | None]:
    """The first and last date of a date or a period (an open end is None)."""
    start = getattr(date, "start", date)
    end = getattr(date, "end", date)
    return start, end


def _bibtex(source: Source, paragraphs: tuple[int, ...]) -> str:
    fields: list[tuple[str, str]] = [
        ("author", "{" + _tex(source.publisher) + "}"),
        ("title", "{" + _tex(source.title) + "}"),
    ]
    year = _years(source)
    if year is not None:
        fields += [("year", year), ("date", str(source.date).replace("..", ""))]
    if source.url is not None:
        fields.append(("url", _url(source.url)))
    if source.consulted is not None:
        fields.append(("urldate", str(source.consulted)))
    if source.language in _LANGUAGES:
        fields.append(("language", _LANGUAGES[source.language]))
    if paragraphs:
        fields.append(("note", _paragraphs(paragraphs)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{source.id},\n{body}\n}}"


def _parts(date: PartialDate) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


def _csl(source: Source, paragraphs: tuple[int, ...]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": source.id,
        "type": "webpage" if source.url is not None else "book",
        "title": source.title,
        "author": [{"literal": source.publisher}],
        "publisher": source.publisher,
    }
    if source.url is not None:
        item["URL"] = source.url
    if source.date is not None:
        start, end = _ends(source.date)
        if start is not None:  # CSL has no open start; an open end is a single date
            parts = [_parts(start)] + ([_parts(end)] if end is not None and end != start else [])
            item["issued"] = {"date-parts": parts}
    if source.consulted is not None:
        item["accessed"] = {"date-parts": [_parts(source.consulted)]}
    if source.language != "mul":
        item["language"] = source.language
    if paragraphs:
        item["note"] = _paragraphs(paragraphs)
    return item


def cite(cited: Cited, format: CitationFormat) -> str:
    """The sources ``cited`` (each with its paragraphs) as one citation in ``format``."""
    if format == "text":
        return "\n".join(_line(source, paragraphs) for source, paragraphs in cited)
    if format == "bibtex":
        return "\n\n".join(_bibtex(source, paragraphs) for source, paragraphs in cited)
    import json

    return json.dumps([_csl(source, paragraphs) for source, paragraphs in cited], indent=2, ensure_ascii=False)
