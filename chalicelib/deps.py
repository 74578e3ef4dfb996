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
    from .storage.account_store import AccountStore
    from .storage.grants import GrantStore
    from .storage.addresses import AddressStore
    from .storage.alerts import AlertStore
    from .storage.audit import AuditStore
    from .storage.bins import BinRoundStore
    from .storage.blobs import BlobStore
    from .storage.broadcasts import BroadcastStore
    from .storage.counters import CounterStore
    from .storage.due_rules import DueRuleStore
    from .storage.facilities import FacilityStore
    from .storage.inbox_store import InboxStore
    from .storage.jobs import JobStore
    from .storage.report_store import ReportStore
    from .storage.response_templates import ResponseTemplateStore
    from .storage.services import ServiceStore
    from .storage.teams import TeamStore
    from .storage.wards import WardStore
    from .storage.stats import StatsStore
    from .storage.questionnaires import QuestionnaireStore
    from .storage.contacts import ContactStore
    from .storage.feedback import ChangeStore, FigureStore
    from .storage.payments import PaymentStore
    from .storage.bulky import BulkyStore
    from .storage.garden import GardenStore
    from .storage.containers import ContainerStore
    from .storage.hire import HireStore
    from .storage.missed_bins import MissedBinStore
    from .storage.bodies import BodyStore
    from .storage.sends import SendStore
    from .storage.conversations import ConversationStore
    from .storage.sockets import SocketStore
    from .storage.petitions import PetitionStore
    from .storage.democracy import DemocracyStore, ToldStore
    from .storage.planning import PlanningStore
    from .storage.participation import ParticipationStore
    from .storage.participation_questions import QuestionStore
    from .storage.participation_webcasts import WebcastStore
    from .storage.participation_live import LiveQuestionStore
    from .storage.supporters import SupporterStore
    from .storage.effects import EffectStore
    from .storage.forms import FormStore
    from .storage.form_submissions import SubmissionStore
    from .storage.consultations import ConsultationStore
    from .storage.consultation_responses import ResponseStore
    from .storage.revenues import RevenueStore
    from .storage.revenue_requests import RevenueRequestStore
    from .storage.landlords import LandlordStore
    from .storage.appointments import AppointmentStore
    from .storage.appointment_waiting import WaitingStore
    from .storage.bills import BillStore
    from .storage.outbox import OutboxStore
    from .storage.repairs import RepairStore
    from .storage.reports_elsewhere import ElsewhereStore
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
    reports: ReportStore = _store("report_store", "ReportStore")
    # Reports made here and held by another council of the deployment, by their reference (reports/across.py).
    elsewhere: ElsewhereStore = _store("reports_elsewhere", "ElsewhereStore")
    services: ServiceStore = _store("services", "ServiceStore")
    blobs: BlobStore = _store("blobs", "BlobStore")
    council: Council = _Lazy(_council)  # the council the work is for (tenancy.current()), as its settings say
    area: Area = _Lazy(_area)  # the council's boundary: its settings' area (councils/areas.py)
    calendar: Calendar = _Lazy(_calendar)  # its working days: its division's bank holidays and its own (workdays.py)
    accounts: AccountStore | None = _store("account_store", "AccountStore")
    grants: GrantStore | None = _store("grants", "GrantStore")  # what makes a person an officer at this council
    addresses: AddressStore | None = _store("addresses", "AddressStore")
    facilities: FacilityStore | None = _store("facilities", "FacilityStore")
    stats: StatsStore = _store("stats", "StatsStore")  # performance counters
    questionnaires: QuestionnaireStore = _store("questionnaires", "QuestionnaireStore")  # "has it been fixed?"
    feedback: FigureStore = _store("feedback", "FigureStore")  # answers and the figures of channel shift
    changes: ChangeStore = _store("feedback", "ChangeStore")  # "you said, we did", per service
    contacts: ContactStore = _store("contacts", "ContactStore")  # phone and face-to-face contacts a council enters
    wards: WardStore | None = _store("wards", "WardStore")
    bin_rounds: BinRoundStore | None = _store("bins", "BinRoundStore")
    alerts: AlertStore | None = _store("alerts", "AlertStore")
    broadcasts: BroadcastStore | None = _store("broadcasts", "BroadcastStore")
    counters: CounterStore | None = _store("counters", "CounterStore")  # rate limits and sign-in throttling
    # Staff triage: the inbox, the audit, response templates, crews' teams, due-date rules.
    inbox: InboxStore | None = _store("inbox_store", "InboxStore")
    audit: AuditStore | None = _store("audit", "AuditStore")
    templates: ResponseTemplateStore | None = _store("response_templates", "ResponseTemplateStore")
    teams: TeamStore | None = _store("teams", "TeamStore")
    due_rules: DueRuleStore | None = _store("due_rules", "DueRuleStore")
    jobs: JobStore | None = _store("jobs", "JobStore")  # street crews' jobs
    bodies: BodyStore = _store("bodies", "BodyStore")  # who acts on reports where
    sends: SendStore = _store("sends", "SendStore")  # reports on their way to those bodies
    payments: PaymentStore | None = _store("payments", "PaymentStore")  # card payments (handlers/payments)
    bulky: BulkyStore | None = _store("bulky", "BulkyStore")  # bulky waste: the catalogue, slots and bookings
    garden: GardenStore | None = _store("garden", "GardenStore")  # garden waste subscriptions
    containers: ContainerStore | None = _store("containers", "ContainerStore")  # bins and boxes ordered, depots' stock
    hire: HireStore | None = _store("hire", "HireStore")  # halls, rooms and pitches: places, hours taken, bookings
    missed_bins: MissedBinStore | None = _store("missed_bins", "MissedBinStore")  # which report each missed collection became
    conversations: ConversationStore = _store("conversations", "ConversationStore")  # live chat with staff
    sockets: SocketStore = _store("sockets", "SocketStore")  # live chat's open WebSocket connections
    petitions: PetitionStore | None = _store("petitions", "PetitionStore")  # e-petitions, their signatures and counts by ward
    democracy: DemocracyStore | None = _store("democracy", "DemocracyStore")  # our copy of the committee system
    planning: PlanningStore | None = _store("planning", "PlanningStore")  # our copy of the planning register
    told: ToldStore | None = _store("democracy", "ToldStore")  # meetings each resident was told of, and why (private)
    participation: ParticipationStore | None = _store("participation", "ParticipationStore")  # speaking at meetings
    questions: QuestionStore | None = _store("participation_questions", "QuestionStore")  # written questions to members
    webcasts: WebcastStore | None = _store("participation_webcasts", "WebcastStore")  # meetings' webcast chapters
    live_questions: LiveQuestionStore | None = _store("participation_live", "LiveQuestionStore")  # sent during webcasts
    supporters: SupporterStore | None = _store("supporters", "SupporterStore")  # "me too"s on reports
    effects: EffectStore = _store("effects", "EffectStore")  # each event's effects, claimed once (shared/effects.py)
    forms: FormStore | None = _store("forms", "FormStore")  # form definitions, versioned, and the one published
    form_submissions: SubmissionStore | None = _store("form_submissions", "SubmissionStore")  # forms completed
    consultations: ConsultationStore | None = _store("consultations", "ConsultationStore")  # consultations, their counts
    consultation_responses: ResponseStore | None = _store("consultation_responses", "ResponseStore")  # their responses
    outbox: OutboxStore | None = _store("outbox", "OutboxStore")  # messages kept and queued (a form's webhook posts)
    revenue_links: RevenueStore | None = _store("revenues", "RevenueStore")  # council tax links, audit, cached views
    revenue_requests: RevenueRequestStore | None = _store("revenue_requests", "RevenueRequestStore")  # residents' council tax requests
    landlords: LandlordStore | None = _store("landlords", "LandlordStore")  # landlord organisations, copies, claims
    appointments: AppointmentStore | None = _store("appointments", "AppointmentStore")  # services, calendars, seats, bookings
    waiting: WaitingStore | None = _store("appointment_waiting", "WaitingStore")  # residents waiting for an earlier time
    bills: BillStore | None = _store("bills", "BillStore")  # bills paid by reference, their postings, staff links
    repairs: RepairStore | None = _store("repairs", "RepairStore")  # repairs to council homes
    communal: object | None = _store("repair_communal", "CommunalStore")  # a block's shared repairs, its "me too"s
    moves: object | None = _store("moves", "MoveStore")  # residents' moves home and what each changed
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
