"""Write the names of the 34 states into ``belatam/data/countries.json``.

Run from a checkout with the ``test`` extra installed (babel and pycountry are
build and test dependencies, never run-time ones)::

    python .ci/update_names.py

Each state gets, in every language of the relationship (`LANGUAGES`):

- its name from CLDR, read through babel (``Locale(lang).territories``),
  citing the CLDR `Source` (``src-cldr-49``: change its id and title when
  babel brings a new CLDR version);
- its official (long) name where ISO 3166-1, as the iso-codes project keeps
  it with its translations (shipped in pycountry), gives one, citing
  ``src-iso-codes``; the translations (every language but English) are
  marked ``translated``: iso-codes' translators wrote them, no page shows
  them in use;
- where a cited page gives the form a state uses itself (`OWN`), that form
  as the official name, and iso-codes' translation kept as a name that finds
  the state, not as an official one (Belarus is "República de Belarús" in
  Spanish, not "República de Bielorrusia").

The script replaces each record's ``names`` and nothing else, so running it
twice changes nothing; ``tests/test_names.py`` checks that the packaged file
holds what it would write.
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path
from typing import Any

import babel
import pycountry

REPOSITORY = Path(__file__).resolve().parent.parent
COUNTRIES = REPOSITORY / "belatam" / "data" / "countries.json"
LANGUAGES = ("be", "ru", "en", "es", "pt", "fr", "nl")
CLDR = "src-cldr-49"
ISO = "src-iso-codes"
OWN: dict[tuple[str, str], tuple[str, str]] = {
    ("BY", "es"): ("República de Belarús", "src-equilibrium-argentina"),
    ("BY", "pt"): ("República de Belarus", "src-mre-brazil"),
}
"""(state, language): the official name a cited page shows in use, and that page's source id."""


def cldr_names(code: str) -> list[dict[str, Any]]:
    """The CLDR name of the territory ``code`` in each language."""
    return [{"text": babel.Locale(lang).territories[code], "lang": lang, "source": CLDR} for lang in LANGUAGES]


def official_names(code: str) -> list[dict[str, Any]]:
    """The ISO 3166-1 official name of ``code`` in each language that iso-codes translates it into."""
    record = pycountry.countries.get(alpha_2=code)
    english = getattr(record, "official_name", None) if record is not None else None
    if not english:
        return []
    found = []
    for lang in LANGUAGES:
        if lang == "en":
            text = english
        else:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            text = catalog.gettext(english)
            if text == english:  # no translation: gettext hands back the English
                continue
        name: dict[str, Any] = {"text": text, "lang": lang, "official": True, "source": ISO}
        if lang != "en":
            name["translated"] = True
        own = OWN.get((code, lang))
        if own is not None:
            found.append({"text": own[0], "lang": lang, "official": True, "source": own[1]})
            name.pop("official")  # not the state's own form: a name that finds it, no more
        found.append(name)
    return found


def names(code: str) -> list[dict[str, Any]]:
    """Every name of the state ``code``: CLDR's first, then the official ones, each in language order."""
    return cldr_names(code) + official_names(code)


def rewrite(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with ``names`` set (placed after ``aliases``, or after ``name``)."""
    out = []
    for record in records:
        fresh: dict[str, Any] = {}
        after = "aliases" if "aliases" in record else "name"
        for key, value in record.items():
            if key == "names":
                continue
            fresh[key] = value
            if key == after:
                fresh["names"] = names(record["code"])
        out.append(fresh)
    return out


def dumps(value: Any) -> str:
    """JSON as the package writes it (see ``belatam.exports.writing.dumps``)."""
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    records = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    COUNTRIES.write_text(dumps(rewrite(records)), encoding="utf-8")
    print(f"{COUNTRIES}: names of {len(records)} states from CLDR {babel.core.get_cldr_version()} and iso-codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
