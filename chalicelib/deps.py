"""What domain code needs from the outside world, built once per request.

Handlers take a Deps and nothing global, so a test or the CLI runs them with
stores, a clock and id makers of its own (dataclasses.replace(deps, ...)).
The stores' types are named for readers and type checkers only: importing
them here would load every store (and PynamoDB) for every route.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from . import ids
from .config import Settings, settings

if TYPE_CHECKING:
    from .auth.principal import Principal
    from .geo.polygon import Area
    from .storage.account_store import AccountStore
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
    from .storage.payments import PaymentStore
    from .storage.bulky import BulkyStore
    from .storage.garden import GardenStore
    from .storage.missed_bins import MissedBinStore
    from .storage.bodies import BodyStore
    from .storage.sends import SendStore
    from .storage.petitions import PetitionStore

_areas = {}


def _stats_store():
    from .storage.stats import StatsStore
    return StatsStore()


def _body_store():
    from .storage.bodies import BodyStore
    return BodyStore()


def _send_store():
    from .storage.sends import SendStore
    return SendStore()


def _questionnaire_store():
    from .storage.questionnaires import QuestionnaireStore
    return QuestionnaireStore()


@dataclass
class Deps:
    reports: ReportStore
    services: ServiceStore
    blobs: BlobStore
    area: Area  # the council's boundary
    accounts: AccountStore | None = None
    addresses: AddressStore | None = None
    facilities: FacilityStore | None = None
    stats: StatsStore = field(default_factory=_stats_store)  # performance counters; every Deps has them
    questionnaires: QuestionnaireStore = field(default_factory=_questionnaire_store)  # "has it been fixed?"
    bodies: BodyStore = field(default_factory=_body_store)  # who acts on reports where
    sends: SendStore = field(default_factory=_send_store)  # reports on their way to those bodies
    wards: WardStore | None = None
    bin_rounds: BinRoundStore | None = None
    alerts: AlertStore | None = None
    broadcasts: BroadcastStore | None = None
    counters: CounterStore | None = None  # rate limits and sign-in throttling
    # Staff triage: the inbox, the audit, response templates, crews' teams, due-date rules.
    inbox: InboxStore | None = None
    audit: AuditStore | None = None
    templates: ResponseTemplateStore | None = None
    teams: TeamStore | None = None
    due_rules: DueRuleStore | None = None
    jobs: JobStore | None = None  # street crews' jobs
    payments: PaymentStore | None = None  # card payments (handlers/payments)
    bulky: BulkyStore | None = None  # bulky waste: the catalogue, slots and bookings
    garden: GardenStore | None = None  # garden waste subscriptions
    missed_bins: MissedBinStore | None = None  # which report each missed collection became
    petitions: PetitionStore | None = None  # e-petitions, their signatures and counts by ward
    payment_provider: object | None = None  # a PaymentProvider; None: the one configuration names
    principal: Principal | None = None  # who is calling (None: anonymous)
    base_url: str = ""  # where links point: config.links_base, never the request's Host
    client: str | None = None  # the API caller's address, for per-client limits (None: not the API)
    clock: Callable[[], datetime] = ids.utc_now
    new_report_id: Callable[[], str] = ids.new_report_id
    new_token: Callable[[], str] = ids.new_token
    new_opaque_id: Callable[[], str] = ids.new_opaque_id
    settings: Settings = field(default_factory=settings)


def service_area(path):
    """The council's boundary, loaded once per process per file."""
    if path not in _areas:
        from .geo.polygon import load_area
        _areas[path] = load_area(path)
    return _areas[path]


def default_deps(base_url=None, principal=None, client=None):
    from .storage.account_store import AccountStore
    from .storage.addresses import AddressStore
    from .storage.alerts import AlertStore
    from .storage.bins import BinRoundStore
    from .storage.blobs import BlobStore
    from .storage.broadcasts import BroadcastStore
    from .storage.counters import CounterStore
    from .storage.facilities import FacilityStore
    from .storage.report_store import ReportStore
    from .storage.services import ServiceStore
    from .storage.wards import WardStore
    from .config import links_base
    from .storage.audit import AuditStore
    from .storage.due_rules import DueRuleStore
    from .storage.inbox_store import InboxStore
    from .storage.response_templates import ResponseTemplateStore
    from .storage.teams import TeamStore
    from .storage.jobs import JobStore
    from .storage.payments import PaymentStore
    from .storage.bulky import BulkyStore
    from .storage.garden import GardenStore
    from .storage.missed_bins import MissedBinStore
    from .storage.petitions import PetitionStore
    s = settings()
    return Deps(reports=ReportStore(), services=ServiceStore(), blobs=BlobStore(),
                area=service_area(s.service_area_file), accounts=AccountStore(), addresses=AddressStore(),
                facilities=FacilityStore(), wards=WardStore(), bin_rounds=BinRoundStore(), alerts=AlertStore(),
                broadcasts=BroadcastStore(), counters=CounterStore(), inbox=InboxStore(), audit=AuditStore(),
                templates=ResponseTemplateStore(), teams=TeamStore(), due_rules=DueRuleStore(),
                jobs=JobStore(), payments=PaymentStore(), bulky=BulkyStore(), garden=GardenStore(),
                missed_bins=MissedBinStore(), petitions=PetitionStore(), principal=principal,
                base_url=links_base(s) if base_url is None else base_url,
                client=client, settings=s)
