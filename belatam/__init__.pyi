"""The public names of `belatam`: the one list, read by type checkers and by `belatam/__init__.py`.

Each line ``from MODULE import NAME as NAME`` makes ``belatam.NAME`` that object; at run time
``__init__.py`` reads these lines and imports MODULE on first use of NAME, so importing belatam
stays cheap while type checkers see every name with its real type (as SPEC 1 and lazy_loader do).
"""

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
from belatam.model.accreditations import Accreditation as Accreditation
from belatam.model.agreements import Agreement as Agreement
from belatam.model.agreements import AgreementKind as AgreementKind
from belatam.model.countries import HOME as HOME
from belatam.model.countries import Country as Country
from belatam.model.events import Event as Event
from belatam.model.events import EventKind as EventKind
from belatam.model.events import VisitKind as VisitKind
from belatam.model.memberships import Membership as Membership
from belatam.model.memberships import MembershipRole as MembershipRole
from belatam.model.missions import Mission as Mission
from belatam.model.missions import MissionKind as MissionKind
from belatam.model.names import LANGUAGES as LANGUAGES
from belatam.model.names import Name as Name
from belatam.model.organizations import Organization as Organization
from belatam.model.organizations import OrganizationKind as OrganizationKind
from belatam.model.partnerships import Partnership as Partnership
from belatam.model.partnerships import PartnershipKind as PartnershipKind
from belatam.model.people import Office as Office
from belatam.model.people import Person as Person
from belatam.model.people import Role as Role
from belatam.model.postings import Posting as Posting
from belatam.model.record import Record as Record
from belatam.model.record import SourceRef as SourceRef
from belatam.model.schema import by_date as by_date
from belatam.model.sources import Source as Source
from belatam.model.statements import Statement as Statement
from belatam.model.statements import Topic as Topic
from belatam.model.trade import TradeFigures as TradeFigures
from belatam.model.trade import TradeKind as TradeKind
from belatam.provenance import VerificationReport as VerificationReport
from belatam.provenance import verify_source as verify_source
from belatam.query.dataset import Dataset as Dataset
from belatam.query.packaged import accreditations as accreditations
from belatam.query.packaged import agreement as agreement
from belatam.query.packaged import agreements as agreements
from belatam.query.packaged import changes as changes
from belatam.query.packaged import cite as cite
from belatam.query.packaged import countries as countries
from belatam.query.packaged import country as country
from belatam.query.packaged import dataset as dataset
from belatam.query.packaged import event as event
from belatam.query.packaged import events as events
from belatam.query.packaged import heads as heads
from belatam.query.packaged import load as load
from belatam.query.packaged import memberships as memberships
from belatam.query.packaged import missions as missions
from belatam.query.packaged import organization as organization
from belatam.query.packaged import organizations as organizations
from belatam.query.packaged import partners as partners
from belatam.query.packaged import partnerships as partnerships
from belatam.query.packaged import people as people
from belatam.query.packaged import person as person
from belatam.query.packaged import record as record
from belatam.query.packaged import roles as roles
from belatam.query.packaged import search as search
from belatam.query.packaged import source as source
from belatam.query.packaged import sources as sources
from belatam.query.packaged import statements as statements
from belatam.query.packaged import trade as trade
from belatam.query.packaged import trade_figures as trade_figures
from belatam.read.releases import Change as Change
from belatam.read.releases import ChangeKind as ChangeKind
