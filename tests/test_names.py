"""Names in the languages of the relationship: CLDR's and the official ones, and the look-ups they feed.

The country names are checked against babel (CLDR) and pycountry (iso-codes)
themselves, so a refresh that forgot to rerun ``.ci/update_names.py`` fails here.
"""

from __future__ import annotations

import gettext
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import babel
import pycountry
import pytest

import belatam
from belatam import AmbiguousKeyError, Country, InvalidTypeError, InvalidValueError, Name, UnknownKeyError
from belatam.text import fold

REPOSITORY = Path(__file__).resolve().parents[1]
"""The checkout, or the folder CI copies the tests and ``.ci/update_names.py`` into."""
EVERY = (*belatam.countries(), belatam.country("BY"))


def update_script() -> ModuleType:
    """``.ci/update_names.py``, the script that writes the names (beside the tests, in a checkout and in CI)."""
    spec = importlib.util.spec_from_file_location("update_names", REPOSITORY / ".ci" / "update_names.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_languages_are_those_of_the_relationship() -> None:
    assert belatam.LANGUAGES == ("be", "ru", "en", "es", "pt", "fr", "nl")


@pytest.mark.parametrize("lang", belatam.LANGUAGES)
def test_every_cldr_name_finds_its_country(lang: str) -> None:
    for country in EVERY:
        cldr = babel.Locale(lang).territories[country.code]
        assert belatam.country(cldr) == country, (lang, cldr)
        held = [n for n in country.names if n.lang == lang and not n.official and not n.translated]
        assert [n.text for n in held] == [cldr]
        assert held[0].source == "src-cldr-49"
        if lang != "en":
            assert country.name_in(lang) == cldr


def test_the_cldr_version_is_a_source() -> None:
    cldr = belatam.source("src-cldr-49")
    assert f"version {babel.core.get_cldr_version()}" in cldr.title
    assert cldr.consulted is not None


def test_official_names_are_iso_codes_and_find_their_country() -> None:
    """ISO 3166-1's English official names, iso-codes' translations of them (marked as such), and where a
    cited page shows the form a state uses itself, that form instead (the translation still finds it)."""
    own = update_script().OWN
    counted = 0
    for country in EVERY:
        entry = pycountry.countries.get(alpha_2=country.code)
        english = getattr(entry, "official_name", None)
        official = {n.lang: n for n in country.names if n.official}
        if english is None:
            assert not official, country.code
            continue
        assert country.name_in("en", official=True) == english
        for lang in belatam.LANGUAGES:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
            translated = english if lang == "en" else catalog.gettext(english)
            if lang != "en" and translated == english:
                assert lang not in official
                continue
            if (country.code, lang) in own:
                text, source = own[(country.code, lang)]
                assert (official[lang].text, official[lang].source, official[lang].translated) == (text, source, False)
                assert country.name_in(lang, official=True) == text
            else:
                assert official[lang].text == translated
                assert official[lang].translated is (lang != "en")  # iso-codes' translators, not a page in use
            assert belatam.country(translated) == country
            counted += 1
    assert counted > 100


def test_belarus_official_names_are_the_forms_it_uses() -> None:
    belarus = belatam.country("BY")
    assert belarus.name_in("es", official=True) == "República de Belarús"  # as the UN and Belarus use it
    assert belarus.name_in("pt", official=True) == "República de Belarus"  # as Brazil's foreign ministry does
    assert belatam.country("República de Bielorrusia") == belarus  # iso-codes' translation still finds it
    assert not any(n.official for n in belarus.names if n.text == "República de Bielorrusia")


def test_the_packaged_names_are_what_the_script_writes() -> None:
    script = update_script()
    installed = Path(belatam.__file__).parent / "data" / "countries.json"  # the wheel's, where CI tests one
    packaged = json.loads(installed.read_text(encoding="utf-8"))
    assert script.rewrite(packaged) == packaged  # running it again changes nothing
    assert script.LANGUAGES == belatam.LANGUAGES


def test_every_name_cites_a_source_the_record_cites() -> None:
    holders = [*EVERY, *belatam.people(), *belatam.organizations()]
    for record in holders:
        cited = {ref.source for ref in record.sources}
        for name in record.names:
            assert name.source in cited, (record, name)
            assert name.lang in belatam.LANGUAGES


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("Bielorrusia", "BY"),
        ("Беларусь", "BY"),
        ("Бразілія", "BR"),
        ("Sao Cristovao e Nevis", "KN"),
        ("Republica Dominicana", "DO"),
        ("Saint Vincent", "VC"),
        ("Antigua", "AG"),
        ("76", "BR"),
        ("032", "AR"),
        ("Q155", "BR"),
        ("St. Kitts & Nevis", "KN"),
        ("République dominicaine", "DO"),
        ("Republiek Belarus", "BY"),
        ("Estado Plurinacional da Bolívia", "BO"),
    ],
)
def test_the_keys_a_new_user_tries(key: str, code: str) -> None:
    assert belatam.country(key).code == code


@pytest.mark.parametrize(
    "key",
    [
        "Bra\u0301zil",  # a combining accent
        "\u200fBrazil\u200e",  # right-to-left and left-to-right marks
        "Bra\u200bzil",  # a zero-width space
        "\ufeffBrazil",  # a byte-order mark
        "Bra\u200dzil",  # a zero-width joiner
        "\u202bБразілія\u202c",  # an embedding and its end
    ],
)
def test_invisible_and_combining_characters_fold_away(key: str) -> None:
    assert belatam.country(key).code == "BR"
    assert fold(key) in {"brazil", "бразілія"}


def test_a_decomposed_cyrillic_letter_folds_as_the_composed_one() -> None:
    composed = "Мікалай Аўсянка"
    decomposed = composed.replace("ў", "у\u0306").replace("й", "и\u0306")
    assert belatam.person(decomposed) == belatam.person(composed)


def test_a_near_miss_is_suggested_and_a_wide_gap_is_not() -> None:
    with pytest.raises(UnknownKeyError, match=r"did you mean 'Colombia' \(CO\)\?"):
        belatam.country("Kolumbien")
    with pytest.raises(UnknownKeyError) as info:
        belatam.country("Aruba")
    assert "did you mean" not in str(info.value)
    assert "not one of the 33 states" in str(info.value)
    with pytest.raises(UnknownKeyError, match="Alexander Lukashenko"):
        belatam.person("Lukaschenka")  # "Lukaschenko" is a spelling a cited page uses: it finds him


def test_part_of_several_names_is_ambiguous() -> None:
    with pytest.raises(AmbiguousKeyError) as info:
        belatam.country("Saint")
    assert set(info.value.matches) == {"KN", "LC", "VC"}
    with pytest.raises(UnknownKeyError):
        belatam.country("of")  # too short to be part of a name


@pytest.mark.parametrize(
    "key", ["lukashenko", "Lukashenka", "LUKASHENKO", "Александр Лукашенко", "Alyaksandr Lukashenka"]
)
def test_a_person_by_surname_in_any_common_spelling(key: str) -> None:
    assert belatam.person(key).id == "per-lukashenko"


def test_names_in_other_scripts_from_cited_sources() -> None:
    auseyanka = belatam.person("Мікалай Аўсянка")
    assert auseyanka.id == "per-auseyanka"
    assert auseyanka.name_in("be") == "Мікалай Аўсянка"
    assert auseyanka.name_in("ru") == "Николай Овсянко"
    assert belatam.person("Ovsyanko") == auseyanka
    assert belatam.person("Яўген Шастакоў").id == "per-shestakov"
    assert belatam.organization("Тихоокеанский альянс").id == "org-pacific-alliance"
    sputnik = belatam.source("src-sputnik-colombia-2021")
    assert sputnik.language == "be" and auseyanka.names[0].source == sputnik.id


def test_name_in() -> None:
    brazil = belatam.country("BR")
    assert brazil.name_in("be") == "Бразілія"
    assert brazil.name_in("en") == brazil.name == "Brazil"
    assert brazil.name_in(" PT-br ") == brazil.name_in("pt_BR") == "Brasil"  # a region falls back to its language
    assert brazil.name_in("pt", official=True) == "República Federativa do Brasil"
    assert brazil.languages() == ("be", "en", "es", "fr", "nl", "pt", "ru")


def test_name_in_a_language_not_held_lists_the_languages_held() -> None:
    with pytest.raises(UnknownKeyError) as info:
        belatam.country("BR").name_in("de")
    assert isinstance(info.value, LookupError)
    assert "lang='de'" in str(info.value) and "be, en, es, fr, nl, pt, ru" in str(info.value)
    with pytest.raises(LookupError, match="has a name in en"):
        belatam.person("per-makei").name_in("be")
    with pytest.raises(LookupError, match="official name in no language"):
        belatam.country("JM").name_in("en", official=True)


@pytest.mark.parametrize(("lang", "error"), [(None, InvalidTypeError), (7, InvalidTypeError), ("", InvalidValueError)])
def test_name_in_refuses_what_is_no_language(lang: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="lang"):
        belatam.country("BR").name_in(lang)  # type: ignore[arg-type]


def test_name_in_official_must_be_a_bool() -> None:
    with pytest.raises(InvalidTypeError, match="official"):
        belatam.country("BR").name_in("en", official="yes")  # type: ignore[arg-type]


def test_a_name_is_checked_when_built() -> None:
    with pytest.raises(InvalidValueError, match="lang"):
        Name(text="Brasil", lang="Portuguese")
    with pytest.raises(InvalidValueError, match="text"):
        Name(text=" ", lang="pt")
    assert str(Name(text="Brasil", lang="pt")) == "Brasil (pt)"


def test_two_records_may_not_share_a_name() -> None:
    cuba = belatam.country("CU")
    other = Country(
        code="ZZ",
        alpha3="ZZZ",
        numeric="999",
        name="Nowhere",
        names=[Name(text="Куба", lang="ru")],
        sources=cuba.sources,
    )
    with pytest.raises(belatam.DataError, match="also finds"):
        belatam.Dataset(sources=belatam.sources(), countries=[cuba, other])


def test_wikidata_ids_on_every_record_the_external_facts_name() -> None:
    assert all(c.wikidata for c in EVERY)
    assert len({c.wikidata for c in EVERY}) == 34
    assert belatam.country("BY").wikidata == "Q184" and belatam.country("BR").wikidata == "Q155"
    people = {p.id: p.wikidata for p in belatam.people()}
    assert people["per-lukashenko"] == "Q2866" and people["per-shestakov"] is None  # none was found for him
    assert sum(1 for q in people.values() if q) == 8
    organizations = {o.id: o.wikidata for o in belatam.organizations() if o.wikidata}
    assert organizations["org-pacific-alliance"] == "Q7122288" and len(organizations) == 6
    identifiers = {"src-rigour-territories", "src-country-codes", "src-supraverden", "src-name-suggestion-index"}
    for record in [*EVERY, *belatam.people(), *belatam.organizations()]:
        if record.wikidata:
            cited = {ref.source for ref in record.sources}
            assert cited & identifiers or any(s.startswith("src-everypolitician-") for s in cited), record


def test_a_record_is_found_by_its_wikidata_id() -> None:
    assert belatam.person("Q2866").id == "per-lukashenko"
    assert belatam.organization("Q4173083").id == "org-eaeu"
    with pytest.raises(InvalidValueError, match="Wikidata"):
        Country(code="ZZ", alpha3="ZZZ", numeric="999", name="Nowhere", wikidata="155")


@pytest.mark.parametrize("key", ["Belorussia", "Byelorussia", "Белоруссия", "Weißrussland", "belorussia"])
def test_belarus_is_found_by_its_other_names(key: str) -> None:
    assert belatam.country(key).code == "BY"
    assert belatam.search(key, limit=1)[0] == belatam.country("BY")


@pytest.mark.parametrize(
    ("key", "person"),
    [
        ("Andreev", "per-andreyev"),
        ("Andrejew", "per-andreyev"),  # BelTA's German service
        ("Андрэеў", "per-andreyev"),  # Pozirk, in Belarusian
        ("Аляксандр Лукашэнка", "per-lukashenko"),
        ("Владимир Макей", "per-makei"),  # Izvestia
        ("Nikolai Owsjanko", "per-auseyanka"),
        ("Мігель Дыяс-Канель", "per-diaz-canel"),
    ],
)
def test_people_are_found_by_the_spellings_of_the_pages(key: str, person: str) -> None:
    found = belatam.person(key)
    assert found.id == person
    written = [n for n in found.names if n.text == key]
    if written:  # a spelling in Belarusian or Russian: a name, with the page that writes it so
        (name,) = written
        assert name.lang in ("be", "ru") and name.source in {r.source for r in found.sources}
