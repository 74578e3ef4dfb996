"""What the resident sees of a business starting up: every part with its
state in words in one place. One GetItem and one Query of its parts (and,
for a business rates part waiting on the back office, one try again)."""
from ...errors import NotFound
from ...stamps import stamp
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
    start = mine_or_404(deps, start_id)
    return shown(deps, start, brought_up_to_date(deps, start, deps.businesses.parts(start["user_id"], start_id)))


def mine(deps):
    return {"businesses": [brief(s) for s in deps.businesses.of_user(deps.principal.user_id)]}


def brief(start):
    return {"id": start["id"], "address": start["address"], "activity": start["activity"],
            "starts": start["starts"], "trading_name": start.get("trading_name"),
            "created_at": stamp(start["created_at"])}


def shown(deps, start, parts):
    parts = sorted(parts, key=lambda p: (ORDER.index(p["name"].split(":")[0]), p["name"]))
    return {**brief(start), "uprn": start["uprn"], "last_use": start.get("last_use"),
            "ratepayer": start.get("ratepayer"), "parts": [part_view(deps, start, p) for p in parts]}


def _pounds(pence):
    return None if pence is None else f"{pence // 100:,}.{pence % 100:02d}"


def part_view(deps, start, part):
    kind = part["name"].split(":")[0]
    facts = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at", "version",
                                                          "user_id", "start_id", "tried_at")}
    words = wording.PARTS.get((kind, part["state"]))
    values = dict(facts)
    if kind == "business_rates" and part["state"] == "sent":
        from .rates import estimate
        found = estimate(start, part)
        facts["estimate"] = found
        values.update(starts=_day(start["starts"]), rateable_value_text=f"{int(part['rateable_value']):,}")
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
    if kind == "licence":
        facts["link"] = "/licensing"  # the licensing service's (issue 81) screens, once merged
    return {"name": part["name"], "kind": kind, "state": part["state"], "facts": facts,
            "text": filled(words, values), "choices": ["request"] if (kind, part["state"]) == ("trade_waste",
                                                                                             "offered") else [],
            "version": part["version"], "updated_at": stamp(part.get("updated_at"))}


def _trade_waste(deps, part, facts, values):
    from .prices import price_list
    if part["state"] == "offered":
        facts["prices"] = [{**c, "price_text": _pounds(c["price"])} for c in price_list(deps)]
        first = part.get("first")
        values["days"] = f" Collections would be on {first['weekday']}s, the first on {_day(first['date'])}." \
            if first else ""
    if part["state"] == "requested":
        values.update(bins_text=", ".join(f"{b['count']} x {b['name']}" for b in part.get("bins", [])),
                      weekly_text=_pounds(part.get("weekly")))


def _day(iso):
    from datetime import date
    return f"{date.fromisoformat(iso):%A %-d %B %Y}"


