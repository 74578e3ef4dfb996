"""The resident's choice for what a business was offered: trade waste bins
from the council's price list, asked for by one conditional write (two taps
ask once), priced in pence from the list; the containers desk lists it."""
from ...errors import Conflict, NotFound
from ...validation import Problems
from . import wording
from .prices import most_bins, price_list
from .view import mine_or_404, one


def choose(deps, start_id, name, body):
    start = mine_or_404(deps, start_id)
    part = deps.businesses.part(start["user_id"], start_id, name) if name == "trade_waste" else None
    if part is None:
        raise NotFound(wording.NO_PART, code="part_not_found")
    from ...councils.services import NotOffered, offered
    if not offered(deps.council.document)["trade_waste"]:
        raise NotOffered(wording.NOT_OFFERED)
    prices = {c["id"]: c for c in price_list(deps)}
    bins = _bins(body, prices, most_bins(deps))
    if part["state"] == "requested" and [(b["container"], b["count"]) for b in part.get("bins", [])] == \
            [(b["container"], b["count"]) for b in bins]:
        return one(deps, start_id)  # the same again: no change
    if part["state"] != "offered":
        raise Conflict(wording.CHOSEN_ALREADY, code="chosen_already")
    weekly = sum(b["count"] * prices[b["container"]]["price"] for b in bins)  # one collection a week, pence
    data = {"first": part.get("first"), "bins": bins, "weekly": weekly, "address": start["address"],
            "trading_name": start.get("trading_name"), "starts": start["starts"]}
    if not deps.businesses.settle_part(start["user_id"], start_id, "trade_waste", ("offered",), "requested", data,
                                       deps.clock(), trade=True):
        again = deps.businesses.part(start["user_id"], start_id, "trade_waste")
        if again and again.get("bins") == bins:
            return one(deps, start_id)  # a twin tap asked the same first
        raise Conflict(wording.CHOSEN_ALREADY, code="chosen_already")
    return one(deps, start_id)


def _bins(body, prices, most):
    problems = Problems()
    wanted = body.get("bins") if isinstance(body, dict) else None
    if set(body or {}) - {"choice", "bins"} or (body or {}).get("choice") != "request" \
            or not isinstance(wanted, list) or not wanted:
        problems.add("bins", wording.BINS.format(most=most))
        problems.raise_if_any()
    out = []
    for i, b in enumerate(wanted):
        if not isinstance(b, dict) or set(b) != {"container", "count"} or not isinstance(b["count"], int) \
                or isinstance(b["count"], bool) or b["count"] < 1:
            problems.add(f"bins[{i}]", wording.BINS.format(most=most))
        elif b["container"] not in prices:
            problems.rule(f"bins[{i}].container", wording.BINS.format(most=most))
        else:
            out.append({"container": b["container"], "count": b["count"], "name": prices[b["container"]]["name"]})
    if sum(b["count"] for b in out) > most or len({b["container"] for b in out}) != len(out):
        problems.rule("bins", wording.BINS.format(most=most))
    problems.raise_if_any()
    return out
