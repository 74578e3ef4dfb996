"""Who an event reaches, as the fan-out needs it: the index keys to read,
the exact check each row must pass, and the message each alert gets. Built
for report events by dispatch.py and for broadcasts by broadcast_dispatch.py;
a capability above alerts builds its own events' audiences and registers
the module that does (`register`, as reports/hooks.py does for reports):
e-petitions' notices to their signers (petitions/notices.py).
"""
import importlib
from dataclasses import dataclass, field
from typing import Callable

_BUILDERS = {}  # event kind prefix -> module name with audience(deps, event)


def register(kind_prefix, module):
    """Events whose kind starts with `kind_prefix` get their Audience from
    `module`.audience(deps, event). Registered when the capability's route
    table is wired (the Lambdas' module, app.py, wires them all)."""
    _BUILDERS[kind_prefix] = module


def registered(kind):
    """The registered builder's audience function for this kind, or None."""
    for prefix, module in _BUILDERS.items():
        if kind.startswith(prefix):
            return importlib.import_module(module).audience
    return None


@dataclass
class Audience:
    """Who an event reaches: rows under the index keys `keys()` names that
    pass `check`, told `message_for(alert)`; `after_page(outcomes)` records
    what a page did. Keys are found only when asked: a worker has its key."""
    keys: Callable
    check: Callable
    message_for: Callable
    after_page: Callable = field(default=lambda outcomes: None)
    # Whether this alert may hear of it at all, decided when it is delivered:
    # a report made private since someone followed it is told to its reporter only.
    hears: Callable = field(default=lambda alert: True)
    # An audience that is not alert index rows (a petition's signers) reads
    # its own pages: read_page(job body) -> (recipients, next job body or
    # None). Recipients look like alerts: id, channels, pending, created_at.
    # It may answer None for a key of the alert index, read as usual (an
    # agenda's audience reads a petition's signers and index keys both).
    read_page: Callable | None = None
    # Who a delivery claim is for, from (channel, address): by default the
    # address itself; a petition's notices fold e-mail addresses to their
    # canonical form so a signer who also follows is told once.
    identity: Callable | None = None


def alerts_under(deps, keys, check, hears=lambda alert: True):
    """Every alert (with channels, in id order) under `keys` whose rows pass
    `check`, read at once: for previews, tests and the cost benchmark; the
    fan-out itself reads page by page."""
    found = {row.alert_id for key in keys for row in deps.alerts.rows(key) if check(row)}
    return sorted((a for a in deps.alerts.get_many(sorted(found)) if a.channels and hears(a)), key=lambda a: a.id)


def point_check(lon, lat):
    """Rows of circles must hold the point; other rows (a report, a ward, a
    category) match by their key alone."""
    from ...geo.distance import haversine_m

    def check(row):
        return row.radius_m is None or haversine_m(
            float(row.lon), float(row.lat), lon, lat) <= float(row.radius_m)
    return check
