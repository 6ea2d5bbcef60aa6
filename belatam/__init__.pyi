"""The public names of `belatam`: the one list, read by type checkers and by `belatam/__init__.py`.

Each line ``from MODULE import NAME as NAME`` makes ``belatam.NAME`` that object, and each
``NAME = _data.NAME`` the query helper of that name, typed as the `Dataset` method. ``.ci/stub.py``
writes the record types and the helpers here from the registry (`belatam.model.KINDS` and the
`Dataset` methods marked as queries), then reads these lines (with `ast`) into the table of
``__init__.py``, which imports a name's module on first use: importing belatam stays cheap while
type checkers see every name with its real type (as SPEC 1 and lazy_loader do).
"""

# ruff: noqa: E402  (the generated part, below the hand-kept names, imports after a statement)

__version__: str

from belatam import plots as plots
from belatam.data import DATA_VERSION as DATA_VERSION
from belatam.data import REFERENCE_DATE as REFERENCE_DATE
from belatam.dates import PartialDate as PartialDate
from belatam.dates import Period as Period
from belatam.errors import AmbiguousKeyError as AmbiguousKeyError
from belatam.errors import BelatamError as BelatamError
from belatam.errors import CallError as CallError
from belatam.errors import DataError as DataError
from belatam.errors import ExportError as ExportError
from belatam.errors import InvalidTypeError as InvalidTypeError
from belatam.errors import InvalidValueError as InvalidValueError
from belatam.errors import MissingFileError as MissingFileError
from belatam.errors import MissingFolderError as MissingFolderError
from belatam.errors import UnknownKeyError as UnknownKeyError
from belatam.errors import UnknownReleaseError as UnknownReleaseError
from belatam.exports import export as export
from belatam.exports.arrow import to_arrow as to_arrow
from belatam.exports.arrow import write_parquet as write_parquet
from belatam.exports.frames import to_frame as to_frame
from belatam.model import Kind as Kind
from belatam.model.countries import HOME as HOME
from belatam.model.names import LANGUAGES as LANGUAGES
from belatam.model.names import Name as Name
from belatam.model.record import Record as Record
from belatam.model.record import SourceRef as SourceRef
from belatam.model.schema import by_date as by_date
from belatam.provenance import VerificationReport as VerificationReport
from belatam.provenance import verify_source as verify_source
from belatam.query.dataset import Dataset as Dataset
from belatam.query.packaged import dataset as dataset
from belatam.query.packaged import load as load
from belatam.read.releases import Change as Change
from belatam.read.releases import ChangeKind as ChangeKind

# -- the record types and the query helpers: written by .ci/stub.py, checked by tests/test_registry.py --
_data: Dataset

from belatam.model.accreditations import Accreditation as Accreditation
from belatam.model.agreements import Agreement as Agreement
from belatam.model.agreements import AgreementKind as AgreementKind
from belatam.model.countries import Country as Country
from belatam.model.events import Event as Event
from belatam.model.events import EventKind as EventKind
from belatam.model.events import VisitKind as VisitKind
from belatam.model.memberships import Membership as Membership
from belatam.model.memberships import MembershipRole as MembershipRole
from belatam.model.missions import Mission as Mission
from belatam.model.missions import MissionKind as MissionKind
from belatam.model.organizations import Organization as Organization
from belatam.model.organizations import OrganizationKind as OrganizationKind
from belatam.model.partnerships import Partnership as Partnership
from belatam.model.partnerships import PartnershipKind as PartnershipKind
from belatam.model.people import Office as Office
from belatam.model.people import Person as Person
from belatam.model.people import Role as Role
from belatam.model.postings import Posting as Posting
from belatam.model.sources import Source as Source
from belatam.model.statements import Statement as Statement
from belatam.model.statements import Topic as Topic
from belatam.model.trade import TradeFigures as TradeFigures
from belatam.model.trade import TradeKind as TradeKind

accreditations = _data.accreditations
agreement = _data.agreement
agreements = _data.agreements
changes = _data.changes
cite = _data.cite
countries = _data.countries
country = _data.country
event = _data.event
events = _data.events
heads = _data.heads
memberships = _data.memberships
missions = _data.missions
organization = _data.organization
organizations = _data.organizations
partners = _data.partners
partnerships = _data.partnerships
people = _data.people
person = _data.person
record = _data.record
roles = _data.roles
search = _data.search
source = _data.source
sources = _data.sources
statements = _data.statements
trade = _data.trade
trade_figures = _data.trade_figures
# -- end of the generated part --
