"""Calls that do not fit a helper's signature: a `CallError` naming ``belatam.<name>``, with what it takes.

The helpers are read from `belatam.query.packaged.__all__` and their signatures, so a
new helper or keyword is checked without editing a list here.
"""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import belatam
import belatam.query.packaged
from belatam.errors import BelatamError, CallError, InvalidTypeError, UnknownKeyError


def keywords(name: str) -> list[str]:
    parameters = inspect.signature(getattr(belatam, name)).parameters.values()
    return [p.name for p in parameters if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]


def keys(name: str) -> list[Any]:
    """Arguments for a helper's required positional parameters (so that only the keyword is wrong)."""
    parameters = inspect.signature(getattr(belatam, name)).parameters.values()
    return ["x" for p in parameters if p.kind is p.POSITIONAL_ONLY and p.default is p.empty]


HELPERS = sorted(name for name in belatam.query.packaged.__all__ if keywords(name))
"""Every helper that takes keywords."""


def refused(call: Callable[[], object]) -> CallError:
    with pytest.raises(CallError) as info:
        call()
    return info.value


def test_some_helpers_take_keywords() -> None:
    assert {"missions", "events", "trade", "load", "search"} <= set(HELPERS)


@pytest.mark.parametrize("name", HELPERS)
def test_a_wrong_keyword_names_the_helper_and_its_keywords(name: str) -> None:
    helper = getattr(belatam, name)
    error = refused(lambda: helper(*keys(name), no_such_keyword=1))
    assert isinstance(error, BelatamError) and isinstance(error, TypeError) and isinstance(error, InvalidTypeError)
    message = str(error)
    assert message.startswith(f"belatam.{name} takes no keyword no_such_keyword")
    assert error.function == f"belatam.{name}" and list(error.keywords) == keywords(name)
    assert all(keyword in message for keyword in keywords(name))
    assert "Dataset" not in message and "()" not in message


@pytest.mark.parametrize("name", HELPERS)
def test_a_near_miss_is_suggested(name: str) -> None:
    helper = getattr(belatam, name)
    for keyword in keywords(name):
        typo = keyword + keyword[-1]  # a letter too many: "yearr"
        error = refused(lambda typo=typo: helper(*keys(name), **{typo: 1}))
        assert keyword in error.suggestions, (typo, error)
        assert f"did you mean {keyword}" in str(error) or f"or {keyword}?" in str(error)


def test_suggestions() -> None:
    error = refused(lambda: belatam.events(contry="CO"))
    assert error.suggestions == ("country",) and "did you mean country?" in str(error)
    error = refused(lambda: belatam.missions(country="CO"))  # no spelling is near: the filters taking a state
    assert str(error).startswith("belatam.missions takes no keyword country; did you mean sending or receiving?")
    error = refused(lambda: belatam.missions(color="red"))  # nothing near: the keywords, listed
    assert error.suggestions == () and "sending, receiving, kind" in str(error)


def test_a_key_given_as_a_keyword_is_shown_positionally() -> None:
    error = refused(lambda: belatam.trade(year=2018))  # type: ignore[call-arg]
    assert "belatam.trade(2018)" in str(error) and "positionally" in str(error)
    error = refused(lambda: belatam.trade(year=2018, partner="VE"))  # type: ignore[call-arg]
    assert "belatam.trade(2018, partner='VE')" in str(error)
    error = refused(lambda: belatam.country(key="CU"))  # type: ignore[call-arg]
    assert "belatam.country('CU')" in str(error)


def test_too_many_or_too_few_arguments() -> None:
    error = refused(lambda: belatam.missions("BY"))  # type: ignore[misc]
    assert str(error).startswith("belatam.missions takes no positional arguments ('BY' given")
    error = refused(lambda: belatam.country("CU", "VE"))  # type: ignore[call-arg]
    assert str(error).startswith("belatam.country takes 1 positional argument")
    error = refused(lambda: belatam.search())  # type: ignore[call-arg]
    assert str(error) == "belatam.search needs text: belatam.search(text)"


def test_the_error_survives_pickling() -> None:
    error = refused(lambda: belatam.missions(country="CO"))
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and copy.suggestions == error.suggestions and copy.function == error.function


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda data: data.events(country="Colombai"), UnknownKeyError),
        (lambda data: data.events(year="2018"), InvalidTypeError),
        (lambda data: data.missions(as_of=3.5), InvalidTypeError),
        (lambda data: data.cite(42), InvalidTypeError),
        (lambda data: data.trade(2017), UnknownKeyError),
    ],
)
def test_the_normal_path_keeps_the_librarys_own_errors(
    call: Callable[[Any], object], error: type[Exception], data: belatam.Dataset
) -> None:
    """A call that fits, with a bad value: the same error as the method's, not a CallError."""
    with pytest.raises(error) as by_method:
        call(data)
    with pytest.raises(error) as by_helper:
        call(belatam)
    assert not isinstance(by_helper.value, CallError)
    assert str(by_helper.value) == str(by_method.value)
