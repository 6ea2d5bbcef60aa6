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
    """``{name: (module, attribute)}`` from ``__init__.pyi``, read with `ast`.

    ``from MODULE import NAME as NAME`` names MODULE's NAME (``from belatam import plots as
    plots`` a submodule: attribute None); ``NAME = _data.NAME`` the query helper NAME of
    `belatam.query.packaged`. The table is built whole and then published in one assignment,
    so a thread never sees it half filled.
    """
    global _names
    found = _names
    if found is None:
        import ast

        spec = __spec__
        assert spec is not None and spec.loader is not None and spec.submodule_search_locations
        folder = next(iter(spec.submodule_search_locations))
        stub = spec.loader.get_data(_os.path.join(folder, "__init__.pyi")).decode()  # type: ignore[attr-defined]
        found = {}
        for node in ast.parse(stub).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if alias.asname == alias.name:
                        where = f"{node.module}.{alias.name}"
                        found[alias.name] = (where, None) if node.module == __name__ else (node.module, alias.name)
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id == "_data"
            ):
                found[node.targets[0].id] = (f"{__name__}.query.packaged", node.value.attr)
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
