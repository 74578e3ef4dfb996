"""What follows a business told: the effect of its `business_started` event
(shared/effects.py), claimed once per event, first tried by the request that
made it, then by the alert queue's worker until it is done.

Each step keeps one part row (storage/business/starts.py), written once by a
conditional put, so a run again finds it and writes nothing twice; the
business rates occupation goes under the business's own id as its request
key, so a resend is answered with the same reference."""
from datetime import date


def on_start(deps, event, key):
    payload = event.payload or {}
    start = deps.businesses.get(payload.get("user_id"), payload.get("start_id"))
    if start is None:
        return
    for step in (business_rates, trade_waste, licences, planning):
        step(deps, start)


def _add(deps, start, name, state, data):
    return deps.businesses.add_part(start["user_id"], start["id"], name, state, data, deps.clock())


def business_rates(deps, start):
    """The premises' rateable value from the back office, and the business as
    its ratepayer from the start day; the back office away: `waiting`, sent
    again when the page is read (view.py)."""
    if deps.businesses.part(start["user_id"], start["id"], "business_rates") is None:
        from .rates import attempt
        state, data = attempt(deps, start)
        _add(deps, start, "business_rates", state, data)


def trade_waste(deps, start):
    """Offered with the council's price list and the premises' day, where it
    offers trade waste; who does, where it names them."""
    from ...councils.services import offered
    document = deps.council.document or {}
    if not offered(document)["trade_waste"]:
        where = (document.get("instead") or {}).get("trade_waste")
        _add(deps, start, "trade_waste", "elsewhere" if where else "not_offered", {"instead": where} if where else {})
        return
    prices = ((document.get("business") or {}).get("trade_waste") or {})
    if not prices.get("containers"):
        _add(deps, start, "trade_waste", "not_offered", {})
        return
    _add(deps, start, "trade_waste", "offered", {"first": _first_day(deps, start, prices.get("days_from"))})


def _first_day(deps, start, stream):
    """The premises' first collection of `stream` on or after the start day
    ({date, weekday}), from the council's rounds data; None without one."""
    if not stream:
        return None
    from ... import bindays
    from ..places.bins import rounds_for
    found = deps.addresses.get(start["uprn"])
    for name, model in rounds_for(deps, found) if found else []:
        if name == stream:
            first = bindays.collections(model.to_round(), date.fromisoformat(start["starts"]), count=1)
            return first[0].view() if first else None
    return None


def licences(deps, start):
    """Each licence type the activity may need (licences.py)."""
    from .licences import licences_for
    for licence in licences_for(deps, start["activity"]):
        _add(deps, start, f"licence:{licence['id']}", "needed", licence)


def planning(deps, start):
    from .planning_rule import change
    found = change(start["jurisdiction"], start.get("last_use"), start["activity"])
    _add(deps, start, "planning", found["state"], {k: v for k, v in found.items() if k != "state"})
