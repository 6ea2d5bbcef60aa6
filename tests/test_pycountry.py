"""The states' ISO 3166-1 codes and names against pycountry (needs the test-extras).

Codes must match exactly. Names may be spelled differently (pycountry follows
ISO's "Bolivia, Plurinational State of", the data the UN's "Bolivia
(Plurinational State of)"): a pycountry name that is not our name or one of
our aliases goes into a printed report (``pytest -rP`` shows it) instead of
failing the test.
"""

from __future__ import annotations

from typing import Any

import pycountry
import pytest

import belatam
from belatam import Country
from belatam.arguments import fold

STATES = belatam.countries()
EVERY = (*STATES, belatam.country("BY"))


def record(code: str) -> Any:
    found = pycountry.countries.get(alpha_2=code)
    assert found is not None, f"{code} is not an ISO 3166-1 alpha-2 code known to pycountry"
    return found


def pycountry_names(country: Country) -> list[str]:
    entry = record(country.code)
    names = [getattr(entry, attr, None) for attr in ("name", "official_name", "common_name")]
    return list(dict.fromkeys(n for n in names if n))


def name_report() -> list[tuple[str, str, str]]:
    """(code, pycountry name, how it differs) for each pycountry name we do not spell the same way."""
    report = []
    for country in STATES:
        ours = {country.name, *country.aliases}
        for name in pycountry_names(country):
            if name in ours:
                continue
            if fold(name) in {fold(n) for n in ours}:
                how = "same words, other punctuation or case (belatam.country finds it)"
            else:
                how = "not a name or alias in the data"
            report.append((country.code, name, how))
    return report


def test_the_33_states() -> None:
    assert len(STATES) == 33
    assert len({c.code for c in STATES}) == 33


@pytest.mark.parametrize("country", EVERY, ids=[c.code for c in EVERY])
def test_codes_match_pycountry_exactly(country: Country) -> None:
    entry = record(country.code)
    assert (country.code, country.alpha3, country.numeric) == (entry.alpha_2, entry.alpha_3, entry.numeric)


def test_names_against_pycountry_are_reported_not_failed() -> None:
    report = name_report()
    reported = {(code, name) for code, name, _ in report}
    for country in STATES:
        ours = {country.name, *country.aliases}
        for name in pycountry_names(country):
            assert name in ours or (country.code, name) in reported
    unmatched = [c.code for c in STATES if c.name not in pycountry_names(c)]
    print(f"\npycountry names spelled otherwise in belatam ({len(report)}):")
    for code, name, how in report:
        print(f"  {code}  {name!r}: {how}")
    print(f"states whose belatam name is none of pycountry's names: {unmatched or 'none'}")
