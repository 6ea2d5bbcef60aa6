"""The query helpers on the data shipped in the wheel.

Nothing is read at import. The first call makes the packaged `Dataset`
(once, under a lock); each record type is read the first time a query needs
it. Every helper here is made from the `Dataset` method of the same name by
``_packaged``: it has the method's signature, docstring and static type, and
asks the packaged data set. A call that does not fit its signature (a wrong
keyword, a key given as a keyword, too many arguments) raises `belatam.CallError`
naming ``belatam.<name>``, the keywords it takes and the nearest to a wrong
one; it is worked out only once the call has failed, so a call that fits
pays nothing for it. (The `Dataset` methods keep Python's own `TypeError`:
a checking wrapper would double the cost of their quickest look-ups.)
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from belatam.arguments import misfit
from belatam.errors import InvalidTypeError, quote
from belatam.query.dataset import Dataset, call_error

if TYPE_CHECKING:
    import os

QUERIES: tuple[str, ...] = tuple(
    name for name, member in vars(Dataset).items() if getattr(member, "__belatam__", None) is not None
)
"""The `Dataset` methods marked as queries (`belatam.query.dataset.query`): each is a helper here."""

__all__ = ["dataset", "load", *QUERIES]  # the helpers (QUERIES, from_json and given_or_packaged serve the package)

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_data: Dataset | None = None


def _fitting(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, whose calls that do not fit its signature raise `belatam.CallError` naming ``belatam.<name>``."""

    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except TypeError:
            problem = misfit(f"belatam.{function.__name__}", inspect.signature(function), args, kwargs)
            if problem is None:
                raise
            raise problem from None

    return functools.wraps(function)(checked)


def _packaged_data() -> Dataset:
    """The packaged data set, made on first use (under a lock, once)."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                from belatam.read.loader import packaged

                _data = Dataset._lazy(packaged())
    return _data


@_fitting
def dataset() -> Dataset:
    """The packaged data set (made on first use; every helper of `belatam` asks it)."""
    return _data if _data is not None else _packaged_data()


def given_or_packaged(data: object) -> Dataset:
    """``data`` when it is a `Dataset`, the packaged data set when it is None; else a `TypeError`."""
    if data is None:
        return _packaged_data()
    if not isinstance(data, Dataset):
        raise InvalidTypeError(f"data must be a belatam.Dataset or None, not {type(data).__name__}: {quote(data)}")
    return data


@_fitting
def load(path: str | os.PathLike[str]) -> Dataset:
    """A `Dataset` read from a folder of data files shaped like the packaged ones.

    Each ``<kind>.json`` holds a JSON list of records of its type; a file that
    is absent counts as empty, but the folder must hold at least one of them.
    Anything malformed, unknown or inconsistent raises `DataError` naming the
    file, the record and the field; a folder that does not exist is a
    `MissingFolderError` (a `FileNotFoundError`) naming it.
    """
    from belatam.read.loader import load as read_folder

    return Dataset._lazy(read_folder(path).__getitem__)


def from_json(files: Mapping[str, Any]) -> Dataset:
    """A checked `Dataset` from parsed JSON, ``{kind: list of records}`` (a kind left out is empty)."""
    from belatam.read.loader import from_json as read_json

    return Dataset._lazy(read_json(files).__getitem__)


def _packaged(method: Callable[Concatenate[Dataset, P], R]) -> Callable[P, R]:
    """The helper that calls ``method`` on the packaged data set, with the method's signature and docstring."""

    def helper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(_data if _data is not None else _packaged_data(), *args, **kwargs)
        except TypeError:  # a wrong keyword or too many arguments: said of belatam.<name>, with what it takes
            problem = call_error(f"belatam.{method.__name__}", method, args, kwargs)
            if problem is None:
                raise
            raise problem from None

    functools.update_wrapper(helper, method, assigned=("__name__", "__qualname__", "__doc__"), updated=())
    helper.__qualname__ = helper.__name__
    helper.__module__ = "belatam"
    signature = inspect.signature(method)
    helper.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    return helper


for _name in QUERIES:
    globals()[_name] = _packaged(getattr(Dataset, _name))
del _name
