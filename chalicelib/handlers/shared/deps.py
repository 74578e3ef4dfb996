"""What domain code needs from the outside world, built once per request."""
from dataclasses import dataclass, field
from typing import Callable

from ... import ids
from ...config import settings

_areas = {}


@dataclass
class Deps:
    reports: object
    services: object
    blobs: object
    area: object
    accounts: object = None
    addresses: object = None
    facilities: object = None
    wards: object = None
    bin_rounds: object = None
    alerts: object = None
    broadcasts: object = None
    principal: object = None  # who is calling (None: anonymous)
    base_url: str = ""
    clock: Callable = ids.utc_now
    new_report_id: Callable = ids.new_report_id
    new_token: Callable = ids.new_token
    new_opaque_id: Callable = ids.new_opaque_id
    settings: object = field(default_factory=settings)


def service_area(path):
    """The council's boundary, loaded once per process per file."""
    if path not in _areas:
        from ...geo.polygon import load_area
        _areas[path] = load_area(path)
    return _areas[path]


def default_deps(base_url="", principal=None):
    from ...storage.account_store import AccountStore
    from ...storage.addresses import AddressStore
    from ...storage.alerts import AlertStore
    from ...storage.bins import BinRoundStore
    from ...storage.broadcasts import BroadcastStore
    from ...storage.blobs import BlobStore
    from ...storage.facilities import FacilityStore
    from ...storage.report_store import ReportStore
    from ...storage.services import ServiceStore
    from ...storage.wards import WardStore
    s = settings()
    return Deps(reports=ReportStore(), services=ServiceStore(), blobs=BlobStore(),
                area=service_area(s.service_area_file), accounts=AccountStore(), addresses=AddressStore(),
                facilities=FacilityStore(), wards=WardStore(), bin_rounds=BinRoundStore(), alerts=AlertStore(),
                broadcasts=BroadcastStore(),
                principal=principal, base_url=base_url, settings=s)
