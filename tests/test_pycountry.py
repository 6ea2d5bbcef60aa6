"""The states' ISO 3166-1 codes and names against pycountry (needs the test-extras).

Codes must match exactly. Names may be spelled differently (pycountry follows
ISO's "Bolivia, Plurinational State of", the data the UN's "Bolivia
(Plurinational State of)"): a pycountry name that is not our name or one of
our aliases goes into a printed report (``pytest -rP`` shows it) instead of
failing the test.
"""

from __future__ import annotations

from typing import Any

import attrs
import pycountry
import pytest

import belatam
from belatam import Country

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


def test_the_33_states() -> None:
    assert len(STATES) == 33
    assert len({c.code for c in STATES}) == 33


@pytest.mark.parametrize("country", EVERY, ids=[c.code for c in EVERY])
def test_codes_match_pycountry_exactly(country: Country) -> None:
    entry = record(country.code)
    assert (country.code, country.alpha3, country.numeric) == (entry.alpha_2, entry.alpha_3, entry.numeric)


NOT_FOUND: set[tuple[str, str]] = set()
"""pycountry names the data does not hold as a name, an official name or an alias: none, since the
official names came in (ISO 3166-1's, through iso-codes, as pycountry has them)."""


@pytest.mark.parametrize("country", STATES, ids=[c.code for c in STATES])
def test_pycountry_names_find_the_state(country: Country) -> None:
    """Each of pycountry's names finds its state through `belatam.country`, but the known exceptions."""
    for name in pycountry_names(country):
        if (country.code, name) in NOT_FOUND:
            with pytest.raises(LookupError):
                belatam.country(name)  # an exception that starts to resolve must leave the list
        else:
            assert belatam.country(name) == country, name


@pytest.mark.parametrize("country", EVERY, ids=lambda c: c.code)
def test_pycountry_attribute_names_read_the_one_stored_field(country: Country) -> None:
    """``alpha_2``, ``alpha_3``, ``common_name`` and ``official_name`` work as pycountry users write them."""
    entry = record(country.code)
    assert country.alpha_2 == country.code == entry.alpha_2
    assert country.alpha_3 == country.alpha3 == entry.alpha_3
    assert country.common_name == country.name
    official = [n for n in country.names if n.lang == "en" and n.official]
    assert country.official_name == (official[0].text if official else None)
    for attribute in ("alpha_2", "alpha_3", "common_name", "official_name"):
        with pytest.raises(AttributeError):  # read-only views: nothing is stored twice
            setattr(country, attribute, "x")
        assert attribute not in {f.name for f in attrs.fields(Country)}


def test_official_names_where_iso_gives_them() -> None:
    assert belatam.country("VE").official_name == "Bolivarian Republic of Venezuela"
    assert belatam.country("MX").official_name == "United Mexican States"
    assert belatam.country("JM").official_name is None  # ISO 3166-1 gives Jamaica none


@pytest.mark.parametrize("key", ["United States", "Estados Unidos", "United", "Aruba", "Puerto Rico"])
def test_a_state_outside_the_region_is_said_to_be_one(key: str) -> None:
    """No suggestion across a wide gap: sharing a word with "United Mexican States" is not a near miss."""
    with pytest.raises(LookupError) as info:
        belatam.country(key)
    message = str(info.value)
    assert "did you mean" not in message
    assert "not one of the 33 states" in message


@pytest.mark.parametrize(
    ("key", "code"),
    [("Colombai", "CO"), ("Kolumbien", "CO"), ("Republic of Colombai", "CO"), ("Venezeula", "VE"), ("Brasill", "BR")],
)
def test_a_typo_is_still_suggested(key: str, code: str) -> None:
    with pytest.raises(LookupError, match=rf"did you mean .*\({code}\)"):
        belatam.country(key)
