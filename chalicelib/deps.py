"""What domain code needs from the outside world, built once per request.

Handlers take a Deps and nothing global, so a test or the CLI runs them with
stores, a clock and id makers of its own (deps.replace(...)), or Deps(...).
The stores' types are named for readers and type checkers only: importing
them here would load every store (and PynamoDB) for every route; each store
is imported and built when a handler first reads it.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from . import ids
from .config import Settings, settings

if TYPE_CHECKING:
    from .auth.principal import Principal
    from .geo.polygon import Area
    from .storage.accounts.account_store import AccountStore
    from .storage.accounts.grants import GrantStore
    from .storage.places.addresses import AddressStore
    from .storage.alerts.alerts import AlertStore
    from .storage.staff.audit import AuditStore
    from .storage.places.bins import BinRoundStore
    from .storage.blobs import BlobStore
    from .storage.alerts.broadcasts import BroadcastStore
    from .storage.counters import CounterStore
    from .storage.staff.due_rules import DueRuleStore
    from .storage.places.facilities import FacilityStore
    from .storage.staff.inbox_store import InboxStore
    from .storage.crews.jobs import JobStore
    from .storage.reports.report_store import ReportStore
    from .storage.staff.response_templates import ResponseTemplateStore
    from .storage.reports.services import ServiceStore
    from .storage.staff.teams import TeamStore
    from .storage.places.wards import WardStore
    from .storage.reports.stats import StatsStore
    from .storage.crews.questionnaires import QuestionnaireStore
    from .storage.feedback.contacts import ContactStore
    from .storage.feedback.feedback import ChangeStore, FigureStore
    from .storage.waste.payments import PaymentStore
    from .storage.waste.bulky import BulkyStore
    from .storage.waste.garden import GardenStore
    from .storage.waste.containers import ContainerStore
    from .storage.hire.hire import HireStore
    from .storage.waste.missed_bins import MissedBinStore
    from .storage.bodies.bodies import BodyStore
    from .storage.bodies.sends import SendStore
    from .storage.conversations.conversations import ConversationStore
    from .storage.conversations.sockets import SocketStore
    from .storage.democracy.petitions import PetitionStore
    from .storage.democracy.democracy import DemocracyStore, ToldStore
    from .storage.planning.planning import PlanningStore
    from .storage.democracy.participation import ParticipationStore
    from .storage.democracy.participation_questions import QuestionStore
    from .storage.democracy.participation_webcasts import WebcastStore
    from .storage.democracy.participation_live import LiveQuestionStore
    from .storage.reports.supporters import SupporterStore
    from .storage.effects import EffectStore
    from .storage.forms.forms import FormStore
    from .storage.forms.form_submissions import SubmissionStore
    from .storage.forms.consultations import ConsultationStore
    from .storage.forms.consultation_responses import ResponseStore
    from .storage.revenues.revenues import RevenueStore
    from .storage.revenues.revenue_requests import RevenueRequestStore
    from .storage.revenues.landlords import LandlordStore
    from .storage.appointments.appointments import AppointmentStore
    from .storage.appointments.appointment_waiting import WaitingStore
    from .storage.revenues.bills import BillStore
    from .storage.outbox import OutboxStore
    from .storage.repairs.repairs import RepairStore
    from .storage.reports.reports_elsewhere import ElsewhereStore
    from .councils.council import Council
    from .workdays import Calendar

_UNBUILT = object()


class _Lazy:
    """A Deps field built on first read: a route imports and builds only the
    stores it touches (each store module loads its PynamoDB models), so a cold
    start pays for one route's storage, not all of it. A value given to Deps(),
    None included, is kept as given."""

    def __init__(self, build):
        self.build = build

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, deps, owner=None):
        if deps is None:
            return _UNBUILT  # the dataclass's default for the field
        value = deps.__dict__.get(self.name, _UNBUILT)
        if value is _UNBUILT:
            value = deps.__dict__[self.name] = self.build(deps)
        return value

    def __set__(self, deps, value):
        deps.__dict__[self.name] = value


def _store(module, name):
    def build(deps):
        from importlib import import_module
        return getattr(import_module(f"{__package__}.storage.{module}"), name)()
    return _Lazy(build)


def _council(deps):
    from . import tenancy
    from .councils.council import council
    return council(tenancy.current())


def _area(deps):
    from .councils.areas import area_of
    return area_of(deps.council, deps.settings.service_area_file)


def _calendar(deps):
    from .workdays import calendar_for
    return calendar_for(deps.council)


# No generated __repr__ (it would build every store to show it), __eq__ (two
# Deps are never compared) or __init__ (forty parameters to compile on every
# cold start, when a request names three): a quicker first request.
@dataclass(repr=False, eq=False, init=False)
class Deps:
    reports: ReportStore = _store("reports.report_store", "ReportStore")
    # Reports made here and held by another council of the deployment, by their reference (reports/across.py).
    elsewhere: ElsewhereStore = _store("reports.reports_elsewhere", "ElsewhereStore")
    services: ServiceStore = _store("reports.services", "ServiceStore")
    blobs: BlobStore = _store("blobs", "BlobStore")
    council: Council = _Lazy(_council)  # the council the work is for (tenancy.current()), as its settings say
    area: Area = _Lazy(_area)  # the council's boundary: its settings' area (councils/areas.py)
    calendar: Calendar = _Lazy(_calendar)  # its working days: its division's bank holidays and its own (workdays.py)
    accounts: AccountStore | None = _store("accounts.account_store", "AccountStore")
    grants: GrantStore | None = _store("accounts.grants", "GrantStore")  # what makes a person an officer at this council
    presence: object | None = _store("accounts.presence", "PresenceStore")  # when each person last used their account here
    addresses: AddressStore | None = _store("places.addresses", "AddressStore")
    facilities: FacilityStore | None = _store("places.facilities", "FacilityStore")
    stats: StatsStore = _store("reports.stats", "StatsStore")  # performance counters
    questionnaires: QuestionnaireStore = _store("crews.questionnaires", "QuestionnaireStore")  # "has it been fixed?"
    feedback: FigureStore = _store("feedback.feedback", "FigureStore")  # answers and the figures of channel shift
    changes: ChangeStore = _store("feedback.feedback", "ChangeStore")  # "you said, we did", per service
    contacts: ContactStore = _store("feedback.contacts", "ContactStore")  # phone and face-to-face contacts a council enters
    wards: WardStore | None = _store("places.wards", "WardStore")
    bin_rounds: BinRoundStore | None = _store("places.bins", "BinRoundStore")
    alerts: AlertStore | None = _store("alerts.alerts", "AlertStore")
    broadcasts: BroadcastStore | None = _store("alerts.broadcasts", "BroadcastStore")
    counters: CounterStore | None = _store("counters", "CounterStore")  # rate limits and sign-in throttling
    # Staff triage: the inbox, the audit, response templates, crews' teams, due-date rules.
    inbox: InboxStore | None = _store("staff.inbox_store", "InboxStore")
    audit: AuditStore | None = _store("staff.audit", "AuditStore")
    templates: ResponseTemplateStore | None = _store("staff.response_templates", "ResponseTemplateStore")
    teams: TeamStore | None = _store("staff.teams", "TeamStore")
    due_rules: DueRuleStore | None = _store("staff.due_rules", "DueRuleStore")
    jobs: JobStore | None = _store("crews.jobs", "JobStore")  # street crews' jobs
    bodies: BodyStore = _store("bodies.bodies", "BodyStore")  # who acts on reports where
    sends: SendStore = _store("bodies.sends", "SendStore")  # reports on their way to those bodies
    payments: PaymentStore | None = _store("waste.payments", "PaymentStore")  # card payments (handlers/payments)
    bulky: BulkyStore | None = _store("waste.bulky", "BulkyStore")  # bulky waste: the catalogue, slots and bookings
    garden: GardenStore | None = _store("waste.garden", "GardenStore")  # garden waste subscriptions
    containers: ContainerStore | None = _store("waste.containers", "ContainerStore")  # bins and boxes ordered, depots' stock
    hire: HireStore | None = _store("hire.hire", "HireStore")  # halls, rooms and pitches: places, hours taken, bookings
    missed_bins: MissedBinStore | None = _store("waste.missed_bins", "MissedBinStore")  # which report each missed collection became
    conversations: ConversationStore = _store("conversations.conversations", "ConversationStore")  # live chat with staff
    sockets: SocketStore = _store("conversations.sockets", "SocketStore")  # live chat's open WebSocket connections
    petitions: PetitionStore | None = _store("democracy.petitions", "PetitionStore")  # e-petitions, their signatures and counts by ward
    democracy: DemocracyStore | None = _store("democracy.democracy", "DemocracyStore")  # our copy of the committee system
    planning: PlanningStore | None = _store("planning.planning", "PlanningStore")  # our copy of the planning register
    told: ToldStore | None = _store("democracy.democracy", "ToldStore")  # meetings each resident was told of, and why (private)
    participation: ParticipationStore | None = _store("democracy.participation", "ParticipationStore")  # speaking at meetings
    questions: QuestionStore | None = _store("democracy.participation_questions", "QuestionStore")  # written questions to members
    webcasts: WebcastStore | None = _store("democracy.participation_webcasts", "WebcastStore")  # meetings' webcast chapters
    live_questions: LiveQuestionStore | None = _store("democracy.participation_live", "LiveQuestionStore")  # sent during webcasts
    supporters: SupporterStore | None = _store("reports.supporters", "SupporterStore")  # "me too"s on reports
    effects: EffectStore = _store("effects", "EffectStore")  # each event's effects, claimed once (shared/effects.py)
    forms: FormStore | None = _store("forms.forms", "FormStore")  # form definitions, versioned, and the one published
    form_submissions: SubmissionStore | None = _store("forms.form_submissions", "SubmissionStore")  # forms completed
    consultations: ConsultationStore | None = _store("forms.consultations", "ConsultationStore")  # consultations, their counts
    consultation_responses: ResponseStore | None = _store("forms.consultation_responses", "ResponseStore")  # their responses
    outbox: OutboxStore | None = _store("outbox", "OutboxStore")  # messages kept and queued (a form's webhook posts)
    revenue_links: RevenueStore | None = _store("revenues.revenues", "RevenueStore")  # council tax links, audit, cached views
    revenue_requests: RevenueRequestStore | None = _store("revenues.revenue_requests", "RevenueRequestStore")  # residents' council tax requests
    landlords: LandlordStore | None = _store("revenues.landlords", "LandlordStore")  # landlord organisations, copies, claims
    appointments: AppointmentStore | None = _store("appointments.appointments", "AppointmentStore")  # services, calendars, seats, bookings
    waiting: WaitingStore | None = _store("appointments.appointment_waiting", "WaitingStore")  # residents waiting for an earlier time
    bills: BillStore | None = _store("revenues.bills", "BillStore")  # bills paid by reference, their postings, staff links
    repairs: RepairStore | None = _store("repairs.repairs", "RepairStore")  # repairs to council homes
    licensing: object | None = _store("licensing.licensing", "LicensingStore")  # licence types, cases, representations
    communal: object | None = _store("repairs.repair_communal", "CommunalStore")  # a block's shared repairs, its "me too"s
    moves: object | None = _store("revenues.moves", "MoveStore")  # residents' moves home and what each changed
    schools: object | None = _store("schools.schools", "SchoolStore")  # the council's schools as data
    school_applications: object | None = _store("schools.applications", "ApplicationStore")  # parents' applications
    allocations: object | None = _store("schools.allocations", "AllocationStore")  # runs, offers, the release
    businesses: object | None = _store("business.starts", "BusinessStore")  # businesses starting up, what each was offered
    directory: object | None = _store("directory.store", "DirectoryStore")  # the council's SCIM users, groups, log
    sweeps: object | None = _store("retention.runs", "SweepRunStore")  # the retention sweep's reports of its runs
    payment_provider: object | None = None  # a PaymentProvider; None: the one configuration names
    revenues: object | None = None  # the Revenues back office (handlers/revenues/port.py); None: configuration's
    committee_system: object | None = None  # the Democracy port (handlers/democracy/port.py); None: configuration's
    planning_register: object | None = None  # the Planning port (handlers/planning/port.py); None: configuration's
    scheduler: object | None = None  # the contractor's Scheduler (handlers/repairs/scheduler.py); None: configuration's
    principal: Principal | None = None  # who is calling (None: anonymous)
    base_url: str = ""  # where links point: config.links_base, never the request's Host
    client: str | None = None  # the API caller's address, for per-client limits (None: not the API)
    reason: str | None = None  # why an officer opens a person's data (the Access-Reason header), kept in the audit
    readings: set = _Lazy(lambda deps: set())  # what this request's officer read already: audited once
    # Read from the class when not given (no generated __init__ copies them
    # in), so not to be bound as methods.
    clock: Callable[[], datetime] = staticmethod(ids.utc_now)
    new_report_id: Callable[[], str] = staticmethod(ids.new_report_id)
    new_token: Callable[[], str] = staticmethod(ids.new_token)
    new_opaque_id: Callable[[], str] = staticmethod(ids.new_opaque_id)
    settings: Settings = _Lazy(lambda deps: settings())

    def __init__(self, **given):
        """Deps(field=value, ...): what is not given keeps its default (a
        store: built when first read)."""
        for name, value in given.items():
            if name not in self.__dataclass_fields__:
                raise TypeError(f"Deps has no field {name!r}")
            setattr(self, name, value)

    def for_council(self):
        """A copy for the council worked for now (inside tenancy.acting_for): its own
        settings record, area and calendar, built again when read; the stores (which key every
        read and write by the council worked for), the clock, the caller and where
        links point, as they are."""
        copied = copy.copy(self)
        copied.__dict__.pop("council", None)
        copied.__dict__.pop("area", None)
        copied.__dict__.pop("calendar", None)
        return copied

    def replace(self, **changes):
        """dataclasses.replace, except that stores not built yet stay unbuilt
        (dataclasses.replace reads, and so builds, every field)."""
        copied = copy.copy(self)
        for name, value in changes.items():
            if name not in self.__dataclass_fields__:
                raise TypeError(f"Deps has no field {name!r}")
            setattr(copied, name, value)
        return copied


def service_area(path):
    """A boundary file (DOORSTEP_SERVICE_AREA), loaded once per process per file: the area
    of a council with none in its settings (councils/areas.py)."""
    from .councils.areas import from_file
    return from_file(path)


def default_deps(base_url=None, principal=None, client=None, reason=None):
    """The real stores, each built when a handler first reads it."""
    from .config import links_base
    s = settings()
    deps = Deps(principal=principal, client=client, settings=s, reason=reason)
    deps.base_url = links_base(s, deps.council) if base_url is None else base_url
    return deps
