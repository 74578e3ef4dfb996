"""What the resident sees of a business starting up: every part with its
state in words in one place. One GetItem and one Query of its parts (and,
for a business rates part waiting on the back office, one try again); with
licences, one GetItem of the council's licence types and one Query of the
resident's own licence cases, whatever the number of licences); one GetItem
more for whether its parts are still being made."""
from ...errors import NotFound
from ...stamps import stamp
from ..shared.clock import date_words
from ..shared.filling import filled
from . import limits, wording

ORDER = limits.ORDER


def mine_or_404(deps, start_id):
    found = deps.businesses.get(deps.principal.user_id, start_id) if start_id else None
    if found is None:
        raise NotFound(wording.NO_START, code="business_not_found")
    return found


def one(deps, start_id):
    from .rates import brought_up_to_date
    from ..shared.effects import made_so_far
    start = mine_or_404(deps, start_id)
    return {**shown(deps, start, brought_up_to_date(deps, start, deps.businesses.parts(start["user_id"], start_id))),
            **made_so_far(deps, limits.event_id(start["id"]), limits.FOLLOW, start["created_at"])}


def mine(deps):
    return {"businesses": [brief(s) for s in deps.businesses.of_user(deps.principal.user_id)]}


def brief(start):
    return {"id": start["id"], "address": start["address"], "activity": start["activity"],
            "starts": start["starts"], "trading_name": start.get("trading_name"),
            "created_at": stamp(start["created_at"])}


def shown(deps, start, parts):
    parts = sorted(parts, key=lambda p: (ORDER.index(p["name"].split(":")[0]), p["name"]))
    licensing = _licensing(deps, start) if any(p["name"].startswith("licence:") for p in parts) else None
    return {**brief(start), "uprn": start["uprn"], "last_use": start.get("last_use"),
            "ratepayer": start.get("ratepayer"), "parts": [part_view(deps, start, p, licensing) for p in parts]}


def _licensing(deps, start):
    """(the council's licence types, {type id: the resident's case for these premises}): two reads."""
    from ..licensing import catalogue
    from .licences import cases_by_type
    return catalogue.of_council(deps), cases_by_type(deps, start)


def _pounds(pence):
    return None if pence is None else f"{pence // 100:,}.{pence % 100:02d}"


def part_view(deps, start, part, licensing=None):
    kind = part["name"].split(":")[0]
    facts = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at", "version",
                                                          "user_id", "start_id", "tried_at")}
    words = wording.PARTS.get((kind, part["state"]))
    values = dict(facts)
    if kind == "business_rates" and part["state"] == "sent":
        from .rates import estimate
        found = estimate(start, part)
        facts["estimate"] = found
        values.update(starts=date_words(start["starts"]), rateable_value_text=f"{int(part['rateable_value']):,}")
        if found is not None:
            scheme = (found["scheme"] or {}).get("name", "")
            relief = wording.RELIEF[found["why"]] if found["rates"] is not None else wording.RELIEF["no_rule"]
            words = words + " " + relief
            values.update(scheme=scheme, percent=found["percent"], rates_text=_pounds(found["rates"]),
                          relief_text=_pounds(found["relief"]), to_pay_text=_pounds(found["to_pay"]))
    if kind == "trade_waste":
        _trade_waste(deps, part, facts, values)
    if kind == "trade_waste" and part["state"] == "elsewhere":
        values["name"] = (part.get("instead") or {}).get("name", "")
    if kind == "planning":
        values.update(from_use=wording.USES.get(start.get("last_use") or "", ""),
                      to_use=wording.USES.get(start["activity"], start["activity"]))
        facts["link"] = "/planning"
    state = part["state"]
    if kind == "licence":
        state, words = _licence(deps, start, part, licensing, facts, values)
    return {"name": part["name"], "kind": kind, "state": state, "facts": facts,
            "text": filled(words, values), "choices": ["request"] if (kind, part["state"]) == ("trade_waste",
                                                                                             "offered") else [],
            "version": part["version"], "updated_at": stamp(part.get("updated_at"))}


def _licence(deps, start, part, licensing, facts, values):
    """(state, words): not applied (with the link to apply), applied (the case's reference and state) or
    granted, from the resident's own case for these premises and this licence type."""
    from ..licensing import catalogue
    from .licences import apply_link, stage
    types, cases = licensing or ([], {})
    found = catalogue.find(types, part["id"])
    case = cases.get(part["id"])
    state, how = stage(case)
    values["licence_name"] = facts["licence_name"] = found["name"] if found else part.get("licence_name", part["id"])
    if case is not None:
        facts["case"] = {"id": case.id, "state": case.state}
        values.update(reference=case.id, case_state=wording.CASE_STATES.get(how, how))
        facts["link"] = f"/licensing/cases/{case.id}"
    if found is not None and state in ("not_applied", "ended"):
        facts["link"] = apply_link(deps, start, part["id"])  # to apply (again)
    return state, wording.PARTS[("licence", state)]


def _trade_waste(deps, part, facts, values):
    from .prices import price_list
    if part["state"] == "offered":
        facts["prices"] = [{**c, "price_text": _pounds(c["price"])} for c in price_list(deps)]
        first = part.get("first")
        values["days"] = f" Collections would be on {first['weekday']}s, the first on {date_words(first['date'])}." \
            if first else ""
    if part["state"] == "requested":
        values.update(bins_text=", ".join(f"{b['count']} x {b['name']}" for b in part.get("bins", [])),
                      weekly_text=_pounds(part.get("weekly")))




