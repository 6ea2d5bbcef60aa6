"""Belarus's relations with Latin America and the Caribbean, as typed, sourced data.

    >>> import belatam
    >>> [c.name for c in belatam.partners(strategic=True)]
    ['Cuba', 'Venezuela']
    >>> belatam.trade(2018).exports
    Decimal('853800000')

Every record cites the paragraph of its source; see `sources` and
`verify_source`.

The public names are listed once, in ``__init__.pyi`` beside this file: type
checkers read their types there, and `__getattr__` below imports each one's
module on first use, so ``import belatam`` reads no data and defines no class.
"""

import os as _os

_names: dict[str, tuple[str, str | None]] | None = None


def _public() -> dict[str, tuple[str, str | None]]:
    """``{name: (module, attribute)}`` from the ``from MODULE import NAME as NAME`` lines of ``__init__.pyi``.

    ``from belatam import plots as plots`` names a submodule (attribute None). The table is
    built whole and then published in one assignment, so a thread never sees it half filled.
    """
    global _names
    found = _names
    if found is None:
        spec = __spec__
        assert spec is not None and spec.loader is not None and spec.submodule_search_locations
        folder = next(iter(spec.submodule_search_locations))
        stub = spec.loader.get_data(_os.path.join(folder, "__init__.pyi")).decode()  # type: ignore[attr-defined]
        found = {}
        for line in stub.splitlines():
            words = line.split()
            if len(words) == 6 and words[0] == "from" and words[2] == "import" and words[3] == words[5]:
                name = words[3]
                found[name] = (f"{__name__}.{name}", None) if words[1] == __name__ else (words[1], name)
        _names = found
    return found


def __getattr__(name: str) -> object:
    """Import a public name's module on first use and keep the name here.

    ``__version__`` comes from the installed metadata, as attrs serves it.
    """
    if name == "__version__":
        from importlib.metadata import version

        return version(__name__)
    if name == "__all__":
        return sorted(_public())
    where = _public().get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = where
    imported = importlib.import_module(module)
    value = imported if attribute is None else getattr(imported, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_public(), "__version__"})
