"""Which council a web address is, and each council's settings, kept in the
process between requests: a warm function finds the council of a request
with no DynamoDB read. Every change to any council raises one small row (the
councils' generation, storage/councils.py), and the process reads that row at
most every check_s() seconds (5 by default: one GetItem of a few bytes): when it
moved, everything kept is read again. So a council added, changed or given up,
by the operator's API or by the command on another machine, is served by every
warm function within those seconds (and at once on the function that made the
change); what is kept is read again every REFRESH_S whatever. Open311's
jurisdiction_id is found the same way (council_for_jurisdiction).

The deployment's own addresses (its DOORSTEP_PUBLIC_URL's host, localhost)
lead to its default council, with no read at all; any other address must be
one a council has, or the request is refused (421, no council here).

A council that has left the deployment (stopped, exported, deleted: docs/decisions/offboarding.md)
keeps its addresses, each marked on its own row, so a request there is refused (410, the service
has ended) by the same one read that finds the council; the addresses kept for schedules' turns
say the same, so work that reaches a council by another way (Open311's jurisdiction_id, an event,
a queued job, a schedule's turn) is refused or skipped too, and within the same seconds as any
other change (its leaving raises the generation)."""
import os
import threading
import time
from urllib.parse import urlsplit

from .. import tenancy
from ..errors import ApiError
from . import wording as words

REFRESH_S = 300.0
CHECK_S = 5.0  # DOORSTEP_COUNCILS_CHECK_S: how often a warm function asks whether any council changed
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "[::1]", "testserver"})

_lock = threading.Lock()
_kept = {"addresses": None, "addresses_at": 0.0, "jurisdictions": None, "jurisdictions_at": 0.0,
         "extents": None, "extents_at": 0.0, "councils": {}, "hosts": {}, "generation": None, "checked_at": None}
HOSTS_KEPT = 1024  # addresses kept one by one, known or not (a flood of made-up hosts is dropped, not hoarded)


class NoCouncilHere(ApiError):
    """A web address no council of the deployment has (RFC 9110's 421: this
    server does not answer for that authority)."""
    status = 421
    code = "no_council_here"

    def __init__(self):
        super().__init__(words.NO_COUNCIL_HERE)


class ServiceEnded(ApiError):
    """An address, or a council, whose service here has ended: the council has left the deployment
    (RFC 9110's 410: gone, and for good). Every route, sessions, keys and sign-ins alike."""
    status = 410
    code = "service_ended"

    def __init__(self, name=None):
        super().__init__(words.SERVICE_ENDED.format(name=name) if name else words.SERVICE_ENDED_UNNAMED)


def host_of(value):
    """A Host header or a domain name, lower case, without its port."""
    host = (value or "").strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def deployment_hosts():
    """The addresses that are the deployment's own: they lead to its default council."""
    public = urlsplit(os.environ.get("DOORSTEP_PUBLIC_URL") or "").hostname or ""
    return LOCAL_HOSTS | {public.lower()}


def check_s():
    return float(os.environ.get("DOORSTEP_COUNCILS_CHECK_S") or CHECK_S)


def _current(store, clock):
    """Forget what is kept when the councils' generation moved since it was last read, or was not
    known when it was kept (read at most every check_s())."""
    now = clock()
    with _lock:
        if _kept["checked_at"] is not None and 0 <= now - _kept["checked_at"] < check_s():
            return
        _kept["checked_at"] = now  # one caller reads it; the others keep what they have meanwhile
    generation = _store(store).generation()
    with _lock:
        if generation != _kept["generation"]:  # None: what is kept was read at a generation not known
            _forget_kept(None)
        _kept["generation"] = generation


def council_for_host(value, store=None, clock=time.monotonic):
    """The id of the council `value` (a Host header) is the address of."""
    host = host_of(value)
    if host in deployment_hosts():
        return tenancy.default()
    _current(store, clock)
    with _lock:
        kept = _kept["hosts"].get(host)
    if kept is None or not 0 <= clock() - kept[0] <= REFRESH_S:
        # One small row, whatever the number of councils: a cold function's first request reads the
        # same with 400 councils as with 4 (the whole partition of addresses is for schedules' turns).
        kept = (clock(), *_store(store).address(host))
        with _lock:
            if len(_kept["hosts"]) >= HOSTS_KEPT:
                _kept["hosts"].clear()
            _kept["hosts"][host] = kept
    if kept[1] is None:
        raise NoCouncilHere()
    if kept[2] is not None:  # the council has left: its address says so, whoever asks and with whatever token
        raise ServiceEnded(kept[2].get("name"))
    return kept[1]


def left(store=None, clock=time.monotonic):
    """The ids of the councils that have left the deployment (stopped or further), from the
    addresses kept: nothing read on a warm function, the addresses' one Query on a cold one."""
    _current(store, clock)
    return _address_book(store, clock)[1]


def ended(council_id, store=None, clock=time.monotonic):
    """Whether the council has left the deployment: nothing more is done or written for it."""
    return council_id in left(store, clock)


def refuse_if_ended(council_id, store=None):
    """410 service_ended for work reaching a council that has left by another way than its address."""
    if ended(council_id, store):
        found = settings_of(council_id, store)
        raise ServiceEnded(found[0].get("name") if found else None)


def council_for_jurisdiction(value, store=None, clock=time.monotonic):
    """The id of the council an Open311 jurisdiction_id names, in any case: its id, or
    the open311_jurisdiction its settings give (a domain, so never another's id); None
    when no council of the deployment has it. Every council has an address, so the
    addresses kept say which ids are councils'; a domain is looked for only then."""
    wanted = (value or "").strip().lower()
    _current(store, clock)
    if wanted == tenancy.default() or wanted in _address_book(store, clock)[0].values():
        return wanted
    return _kept_map("jurisdictions", lambda: _store(store).jurisdictions(), clock).get(wanted)


def _address_book(store, clock):
    """({host: council id}, frozenset of the councils that have left): CouncilStore.address_book, kept."""
    return _kept_map("addresses", lambda: _store(store).address_book(), clock)


def extents(store=None, clock=time.monotonic):
    """{council id: (w, s, e, n)}: the box each council's area fits in (councils/areas.py)."""
    _current(store, clock)
    return _kept_map("extents", lambda: _store(store).extents(), clock)


def _kept_map(name, read, clock):
    with _lock:
        if _kept[name] is None or clock() - _kept[f"{name}_at"] > REFRESH_S:
            _kept[name] = read()
            _kept[f"{name}_at"] = clock()
        return _kept[name]


def settings_of(council_id, store=None, clock=time.monotonic):
    """(settings document, version) of a council, or None when it has none stored."""
    _current(store, clock)
    with _lock:
        kept = _kept["councils"].get(council_id)
        if kept is not None and clock() - kept[0] <= REFRESH_S:
            return kept[1]
    found = _store(store).get(council_id)
    with _lock:
        _kept["councils"][council_id] = (clock(), found)
    return found


def councils(store=None, clock=time.monotonic):
    """Every council the deployment serves, the default first: what a schedule runs for. From the
    addresses kept (every council has one: its settings' schema says so), so a warm function reads
    nothing, and a cold one the addresses' small rows, never every council's settings document: with
    400 councils whose documents hold their areas, a Query of those is megabytes a run, and each of
    the schedules runs every minute."""
    _current(store, clock)
    addresses, gone = _address_book(store, clock)
    ids = sorted(set(addresses.values()) - gone)  # a council that has left: nothing runs for it
    return [tenancy.default()] + [c for c in ids if c != tenancy.default()]


def each_council(work, what="the run", store=None):
    """work() once for every council, working for each in turn ({council: its answer}):
    a schedule's run is every council's; one council's failure does not stop the others'."""
    import logging
    answers = {}
    for council in councils(store):
        with tenancy.acting_for(council):
            try:
                answers[council] = work()
            except Exception:  # noqa: BLE001 (as a failed run: logged, and the next run tries again)
                logging.getLogger("doorstep.councils").exception("%s: %s failed", council, what)
                answers[council] = None
    return answers


def forget(council_id=None):
    """Read again on next use: after this process changed a council (or in tests, all)."""
    with _lock:
        _forget_kept(council_id)


def _forget_kept(council_id):
    _kept["addresses"] = _kept["jurisdictions"] = _kept["extents"] = _kept["generation"] = None
    _kept["hosts"].clear()
    if council_id is None:
        _kept["councils"].clear()
    else:
        _kept["councils"].pop(council_id, None)


def _store(store):
    if store is not None:
        return store
    from ..storage.councils import CouncilStore
    return CouncilStore()
