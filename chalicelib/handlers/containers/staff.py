"""Staff's side of container requests: the requests by status and depot,
and each depot's stock, counted and changed (a restock, or a write-off)
with If-Match on the stock item's version and kept in its audit with who,
when, why, before and after. Taking a request for a caller is assisted.py;
cancelling one for a caller, cancelling.py (its `cancelled_by` names the officer)."""
from ... import validation
from ...errors import NotFound, Stale, Unacceptable
from ...stamps import stamp
from ...storage.errors import EditConflict
from ..petitions.drafting import decode_cursor, encode_cursor
from .catalogue import current
from .limits import LIST_MAX, REASON_MAX, STOCK_AUDIT_SHOWN, STOCK_CHANGE_MAX
from .requesting import view
from .wording import (ADD_AT_MOST, ADD_NOT_ZERO, ADD_OUT_OF_RANGE, CHANGE_OF_NOTHING, LIMIT_OUT_OF_RANGE,
                      NOT_LIST_FILTER, NOT_STOCK_CHANGE_FIELD, NO_DEPOT, NO_SUCH_CONTAINER, STATUS_NOT_ONE_OF,
                      WRITE_OFF_AT_MOST)

STATUSES = ("held", "confirmed", "released", "cancelled", "delivered", "not_delivered")


def depots(settings):
    return sorted({settings["depot"], *(settings.get("depots") or {}).values()})


def depot_names(settings):
    """{depot id: the name people know it by} (a depot the settings do not name keeps its id)."""
    names = settings.get("depot_names") or {}
    return {d: names.get(d, d) for d in depots(settings)}


def _depot(settings, depot):
    if depot not in depots(settings):
        raise NotFound(NO_DEPOT.format(depot=depot, depots=", ".join(depots(settings))), code="depot_not_found")
    return depot


def listing(deps, query):
    """GET /v1/staff/waste/containers/requests?status=&depot=&limit=&cursor=: one page, newest first."""
    problems = validation.Problems()
    for key in query:
        if key not in ("status", "depot", "limit", "cursor"):
            problems.add(key, NOT_LIST_FILTER)
    status = query.get("status") or "confirmed"
    if status not in STATUSES:
        problems.add("status", STATUS_NOT_ONE_OF.format(choices=", ".join(STATUSES)))
    limit = validation.page_limit(query, problems, 50, LIST_MAX, LIMIT_OUT_OF_RANGE.format(most=LIST_MAX))
    problems.raise_if_any()
    depot, settings = query.get("depot"), current(deps)
    if depot:
        _depot(settings, depot)
    found, last = deps.containers.listing(status, depot, limit, decode_cursor(query.get("cursor")))
    return {"status": status, "depot": depot, "depots": depots(settings), "depot_names": depot_names(settings),
            "requests": [view(r) for r in found],
            "next": encode_cursor(last)}


def _item(container, depot, count, version, audit, moved=None):
    return {"depot": depot, "container": container["id"], "name": container["name"], "count": count,
            "version": version, "audit": audit[-STOCK_AUDIT_SHOWN:][::-1],  # newest first
            "moved": moved}  # the count's last change of any kind (an order, a cancellation, staff's)


def stock(deps, depot):
    """GET /v1/staff/waste/containers/stock/{depot}: each container on the council's list, counted (one BatchGetItem)."""
    settings = current(deps)
    _depot(settings, depot)
    found = deps.containers.stock_items(depot, [c["id"] for c in settings["containers"]])
    return {"depot": depot, "depots": depots(settings), "depot_names": depot_names(settings),
            "containers": [_item(c, depot, *found[c["id"]]) for c in settings["containers"]]}


def change(deps, depot, container_id, body, if_match):
    """POST /v1/staff/waste/containers/stock/{depot}/{container} {add, reason}
    with If-Match: the count moved by `add` (a delivery to the depot, or less
    than 0 a write-off), never below 0, audited. (item, etag)."""
    settings = current(deps)
    _depot(settings, depot)
    container = next((c for c in settings["containers"] if c["id"] == container_id), None)
    if container is None:
        raise NotFound(NO_SUCH_CONTAINER, code="container_not_found")
    from ..shared.versions import expected_version
    version = expected_version(if_match, "GET /v1/staff/waste/containers/stock/{depot}")
    problems = validation.Problems()
    body = body if isinstance(body, dict) else {}
    for key in body:
        if key not in ("add", "reason"):
            problems.add(key, NOT_STOCK_CHANGE_FIELD)
    add = body.get("add")
    if isinstance(add, bool) or not isinstance(add, int) or abs(add) > STOCK_CHANGE_MAX:
        problems.add("add", ADD_OUT_OF_RANGE.format(most=STOCK_CHANGE_MAX))
    reason = validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX, required=True)
    problems.raise_if_any()
    if add == 0:  # the document says so in words: a rule (422), not a malformed request
        raise Unacceptable(CHANGE_OF_NOTHING, code="nothing_to_change",
                           fields=[{"field": "add", "message": ADD_NOT_ZERO}])
    count, now_version, audit, moved = deps.containers.stock_items(depot, [container_id])[container_id]
    if now_version != version:
        _stale(container, depot, count, now_version, audit, moved)
    officer, now = deps.principal, deps.clock()
    # `seen`: the count the officer was shown (orders may take one meanwhile; they do not move the version)
    entry = {"at": stamp(now), "by": officer.email or officer.user_id, "by_user_id": officer.user_id, "add": add,
             "seen": count, "reason": reason}
    if count + add < 0:
        raise Unacceptable(WRITE_OFF_AT_MOST.format(count=count), code="not_enough_stock",
                           fields=[{"field": "add", "message": ADD_AT_MOST.format(count=count)}])
    try:
        count, version = deps.containers.change_stock(depot, container_id, add, version, entry, audit)
    except EditConflict:  # another officer's change, or orders took the last ones, meanwhile
        _stale(container, depot, *deps.containers.stock_items(depot, [container_id])[container_id])
    moved = {"at": entry["at"], "what": "staff", "add": add, "by": entry["by"]}
    return _item(container, depot, count, version, audit + [entry], moved), f'"{version}"'


def _stale(container, depot, count, version, audit, moved):
    raise Stale(_item(container, depot, count, version, audit, moved), f'"{version}"')
