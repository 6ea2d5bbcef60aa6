"""Belarus's relations with Latin America and the Caribbean, as typed, sourced data.

    >>> import belatam
    >>> [c.name for c in belatam.partners(strategic=True)]
    ['Cuba', 'Venezuela']
    >>> belatam.trade(2018).exports
    Decimal('853800000')

Every record cites the paragraph of its source; see `sources` and
`verify_source`.

The public names are listed once, in ``__init__.pyi`` beside this file: type
checkers read their types there; ``.ci/stub.py`` reads it (with `ast`) into the
table below, and `__getattr__` imports each name's module on first use, so
``import belatam`` reads no data and defines no class.
"""

# -- the public names: written by .ci/stub.py from __init__.pyi, checked by tests/test_registry.py --
_NAMES: dict[str, tuple[str, str | None]] = {
    "Accreditation": ("belatam.model.accreditations", "Accreditation"),
    "Agreement": ("belatam.model.agreements", "Agreement"),
    "AgreementKind": ("belatam.model.agreements", "AgreementKind"),
    "AmbiguousKeyError": ("belatam.errors", "AmbiguousKeyError"),
    "BelatamError": ("belatam.errors", "BelatamError"),
    "CallError": ("belatam.errors", "CallError"),
    "Change": ("belatam.read.releases", "Change"),
    "ChangeKind": ("belatam.read.releases", "ChangeKind"),
    "Country": ("belatam.model.countries", "Country"),
    "DATA_VERSION": ("belatam.data", "DATA_VERSION"),
    "DataError": ("belatam.errors", "DataError"),
    "Dataset": ("belatam.query.dataset", "Dataset"),
    "Event": ("belatam.model.events", "Event"),
    "EventKind": ("belatam.model.events", "EventKind"),
    "ExportError": ("belatam.errors", "ExportError"),
    "HOME": ("belatam.model.countries", "HOME"),
    "InvalidTypeError": ("belatam.errors", "InvalidTypeError"),
    "InvalidValueError": ("belatam.errors", "InvalidValueError"),
    "Kind": ("belatam.model", "Kind"),
    "LANGUAGES": ("belatam.model.names", "LANGUAGES"),
    "Membership": ("belatam.model.memberships", "Membership"),
    "MembershipRole": ("belatam.model.memberships", "MembershipRole"),
    "MissingFileError": ("belatam.errors", "MissingFileError"),
    "MissingFolderError": ("belatam.errors", "MissingFolderError"),
    "Mission": ("belatam.model.missions", "Mission"),
    "MissionKind": ("belatam.model.missions", "MissionKind"),
    "Name": ("belatam.model.names", "Name"),
    "Office": ("belatam.model.people", "Office"),
    "Organization": ("belatam.model.organizations", "Organization"),
    "OrganizationKind": ("belatam.model.organizations", "OrganizationKind"),
    "PartialDate": ("belatam.dates", "PartialDate"),
    "Partnership": ("belatam.model.partnerships", "Partnership"),
    "PartnershipKind": ("belatam.model.partnerships", "PartnershipKind"),
    "Period": ("belatam.dates", "Period"),
    "Person": ("belatam.model.people", "Person"),
    "Posting": ("belatam.model.postings", "Posting"),
    "REFERENCE_DATE": ("belatam.data", "REFERENCE_DATE"),
    "Record": ("belatam.model.record", "Record"),
    "Role": ("belatam.model.people", "Role"),
    "Source": ("belatam.model.sources", "Source"),
    "SourceRef": ("belatam.model.record", "SourceRef"),
    "Statement": ("belatam.model.statements", "Statement"),
    "Topic": ("belatam.model.statements", "Topic"),
    "TradeFigures": ("belatam.model.trade", "TradeFigures"),
    "TradeKind": ("belatam.model.trade", "TradeKind"),
    "UnknownKeyError": ("belatam.errors", "UnknownKeyError"),
    "UnknownReleaseError": ("belatam.errors", "UnknownReleaseError"),
    "VerificationReport": ("belatam.provenance", "VerificationReport"),
    "VisitKind": ("belatam.model.events", "VisitKind"),
    "accreditations": ("belatam.query.packaged", "accreditations"),
    "agreement": ("belatam.query.packaged", "agreement"),
    "agreements": ("belatam.query.packaged", "agreements"),
    "by_date": ("belatam.model.schema", "by_date"),
    "changes": ("belatam.query.packaged", "changes"),
    "cite": ("belatam.query.packaged", "cite"),
    "countries": ("belatam.query.packaged", "countries"),
    "country": ("belatam.query.packaged", "country"),
    "dataset": ("belatam.query.packaged", "dataset"),
    "event": ("belatam.query.packaged", "event"),
    "events": ("belatam.query.packaged", "events"),
    "export": ("belatam.exports", "export"),
    "heads": ("belatam.query.packaged", "heads"),
    "load": ("belatam.query.packaged", "load"),
    "memberships": ("belatam.query.packaged", "memberships"),
    "missions": ("belatam.query.packaged", "missions"),
    "organization": ("belatam.query.packaged", "organization"),
    "organizations": ("belatam.query.packaged", "organizations"),
    "partners": ("belatam.query.packaged", "partners"),
    "partnerships": ("belatam.query.packaged", "partnerships"),
    "people": ("belatam.query.packaged", "people"),
    "person": ("belatam.query.packaged", "person"),
    "plots": ("belatam.plots", None),
    "record": ("belatam.query.packaged", "record"),
    "roles": ("belatam.query.packaged", "roles"),
    "search": ("belatam.query.packaged", "search"),
    "source": ("belatam.query.packaged", "source"),
    "sources": ("belatam.query.packaged", "sources"),
    "statements": ("belatam.query.packaged", "statements"),
    "to_arrow": ("belatam.exports.arrow", "to_arrow"),
    "to_frame": ("belatam.exports.frames", "to_frame"),
    "trade": ("belatam.query.packaged", "trade"),
    "trade_figures": ("belatam.query.packaged", "trade_figures"),
    "verify_source": ("belatam.provenance", "verify_source"),
    "write_parquet": ("belatam.exports.arrow", "write_parquet"),
}
# -- end of the generated part --
"""``{name: (module, attribute)}`` for every public name of ``__init__.pyi``: ``from MODULE import
NAME as NAME`` names MODULE's NAME (a submodule, attribute None, for ``from belatam import plots as
plots``), and ``NAME = _data.NAME`` the query helper NAME of `belatam.query.packaged`."""


def __getattr__(name: str) -> object:
    """Import a public name's module on first use and keep the name here.

    ``__version__`` comes from the installed metadata, as attrs serves it.
    """
    if name == "__version__":
        from importlib.metadata import version

        return version(__name__)
    if name == "__all__":
        return sorted(_NAMES)
    where = _NAMES.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = where
    imported = importlib.import_module(module)
    value = imported if attribute is None else getattr(imported, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES, "__version__"})
