"""Names in the languages of the relationship, each tagged with its language and its source.

A `Name` is a nested record (like `SourceRef`): a country's, a person's or an
organisation's ``names`` hold them, and every one is a look-up key, folded
like any other (``country("Бразілія")`` is Brazil). `Named` gives the records
that hold names their `~Named.name_in`.

    >>> Name(text="Бразілія", lang="be", source="src-cldr")
    Name(text='Бразілія', lang='be', official=False, source='src-cldr')
    >>> str(Name(text="República Federativa do Brasil", lang="pt", official=True))
    'República Federativa do Brasil (pt, official)'
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from belatam.errors import InvalidTypeError, InvalidValueError, UnknownKeyError, quote
from belatam.model.record import Record, matches, nonempty
from belatam.model.schema import info, records_of

__all__ = ["LANGUAGES", "Name", "Named", "names_of"]

LANGUAGES: tuple[str, ...] = ("be", "ru", "en", "es", "pt", "fr", "nl")
"""The languages of the relationship (ISO 639-1): Belarusian, Russian, and the official
languages of the 33 states (English, Spanish, Portuguese, French, Dutch)."""


@attrs.frozen(kw_only=True, repr=False)  # the repr is Record's
class Name(Record):
    """A name in one language: its text, the language, whether it is the official (long) form, and its source.

    ``translated`` marks a translation of the official name that no page shows
    in use (iso-codes' translations of ISO 3166-1's English names). ``str()``
    gives ``text (lang)``, with ``, official`` for an official name.
    """

    text: str = attrs.field(
        validator=nonempty,
        metadata=info("The name as written in that language.", lookup=True, term="rdfs:label", language="lang"),
    )
    lang: str = attrs.field(
        validator=matches("[a-z]{2,3}", "an ISO 639-1 language code such as 'be'"),
        metadata=info("Language of the name, an ISO 639-1 code: be, ru, en, es, pt, fr or nl."),
    )
    official: bool = attrs.field(
        default=False, metadata=info("Whether it is the official (long) name, such as 'Republic of Cuba'.")
    )
    translated: bool = attrs.field(
        default=False,
        repr=False,
        metadata=info(
            "Whether it is a translation of the official name by the source's translators (iso-codes' "
            "community translations of ISO 3166-1), not a form the state or the UN is shown to use."
        ),
    )
    source: str | None = attrs.field(
        default=None, metadata=info("The id of the source that gives the name.", refers="sources", term="dct:source")
    )

    def __str__(self) -> str:
        return f"{self.text} ({self.lang}{', official' if self.official else ''})"


def names_of(values: Iterable[Name]) -> tuple[Name, ...]:
    """The ``names`` field of a record: `Name` records, from any iterable."""
    return records_of(values)


class Named:
    """What records with ``names`` share: their name in a language (`name_in`)."""

    __slots__ = ()

    name: str
    names: tuple[Name, ...]

    def languages(self, *, official: bool = False) -> tuple[str, ...]:
        """The languages this record has a name in (official ones only with ``official=True``), sorted."""
        held = {n.lang for n in self.names if n.official is official}
        if not official:
            held.add("en")  # ``name`` is the English name
        return tuple(sorted(held))

    def name_in(self, lang: str, *, official: bool = False) -> str:
        """The record's name in the language ``lang`` (an ISO 639-1 code such as ``"be"``).

        English is ``name``; other languages come from ``names`` (for a state,
        CLDR's name). ``official=True`` gives the official (long) name instead,
        where a source gives one. A language tag with a region (``"pt-BR"``)
        falls back to its language. A language the record has no name in is a
        `LookupError` that lists the languages it has.

        >>> import belatam
        >>> belatam.country("BR").name_in("be")
        'Бразілія'
        >>> belatam.country("BR").name_in("pt", official=True)
        'República Federativa do Brasil'
        """
        if not isinstance(lang, str):
            raise InvalidTypeError(
                f"lang must be a language code such as 'be', not {type(lang).__name__}: {quote(lang)}"
            )
        if type(official) is not bool:
            raise InvalidTypeError(f"official must be True or False, not {type(official).__name__}: {quote(official)}")
        tag = lang.strip().lower().replace("_", "-")
        if not tag:
            raise InvalidValueError(f"lang={quote(lang)} is empty; give a language code such as 'be' or 'es'")
        primary = tag.split("-")[0]
        if primary == "en" and not official:
            return self.name
        found = [n for n in self.names if n.lang == primary and n.official is official]
        for name in sorted(found, key=lambda n: n.translated):  # a form shown in use before a translation
            return name.text
        held = self.languages(official=official)
        what = "an official name" if official else "a name"
        raise UnknownKeyError(
            "lang",
            lang,
            held,
            hint=f"{self.name} has {what} in {', '.join(held) or 'no language'}"
            + ("" if official else f" (the data's languages: {', '.join(LANGUAGES)})"),
        )
