"""The business case's figures, per council, service and month (issue 72, item 4), from the counts
kept as transactions happen (storage/feedback.py: a year is one Query). Each figure is published
with its definition (wording.DEFINITIONS), and small numbers are withheld: a count under
SMALLEST_SHOWN could point at a household, and a figure made from a withheld count is withheld
with it, so nothing published lets a withheld count be worked out."""
from .counting import month_of
from .services import SERVICES

SMALLEST_SHOWN = 10  # as consultations' wards
# What a transaction costs by channel, in pence: the council's own (settings `channel_costs`), else the
# figures North Lanarkshire's business case used (Socitm): face to face £10.53, phone £3.39, online £0.08.
# A transaction an officer does for a resident is costed as a phone call unless the council says otherwise.
CASE_COSTS = {"face_to_face": 1053, "phone": 339, "online": 8, "assisted": 339}


def costs_of(council):
    own = (council.document or {}).get("channel_costs") or {}
    costs = {**CASE_COSTS, **own}
    if "assisted" not in own and "phone" in own:
        costs["assisted"] = own["phone"]
    return costs


def months_of(year):
    """The council's year: April to the March after (its budget's, and its business case's)."""
    return [f"{year}-{m:02d}" for m in range(4, 13)] + [f"{year + 1}-{m:02d}" for m in range(1, 4)]


def year_of(deps, year):
    """{costs, months: [...], services: {service: [month's figures]}} for the council's year `year`, to
    this month: a month not yet begun has no figures, and noughts for it would read as a month of none."""
    now = month_of(deps.clock())
    months = [m for m in months_of(year) if m <= now]
    counts = deps.feedback.year(months[0], months[-1]) if months else {}
    costs = costs_of(deps.council)
    services = sorted({service for _, service in counts} & set(SERVICES))
    return {"year": year, "months": months, "costs_pence": costs,
            "services": {s: [month_figures(counts.get((m, s), {}), costs, m) for m in months] for s in services}}


def month_figures(c, costs, month):
    """One service's month: its counts (withheld under SMALLEST_SHOWN) and the figures made from them."""
    online, assisted = c.get("finished_online", 0), c.get("finished_assisted", 0)
    phone, face = c.get("contacts_phone", 0), c.get("contacts_face_to_face", 0)
    started = c.get("started_online", 0)
    answers = [sum(c.get(f"answers_{channel}_{r}", 0) for channel in ("online", "assisted")) for r in range(1, 6)]
    shown = {name: _shown(n) for name, n in (("online", online), ("assisted", assisted), ("phone", phone),
                                             ("face_to_face", face), ("started_online", started),
                                             ("answers", sum(answers)),
                                             ("compliments", c.get("compliments", 0)))}
    every = (online, assisted, phone, face)
    contacts = sum(every)
    complete = all(n == 0 or n >= SMALLEST_SHOWN for n in every)  # a total beside a withheld part gives it away
    cost = online * costs["online"] + assisted * costs["assisted"] + phone * costs["phone"] + face * costs["face_to_face"]
    # Had every online transaction been done as the council's assisted contacts are, what would it have cost?
    saving = online * (costs["assisted"] - costs["online"])
    return {
        "month": month, "counts": shown,
        "transactions": contacts if complete and (contacts == 0 or contacts >= SMALLEST_SHOWN) else None,
        "digital_take_up": _share(online, contacts) if complete and contacts >= SMALLEST_SHOWN else None,
        "completion_rate": (_share(online, started) if shown["online"] is not None and shown["started_online"]
                            is not None and started else None),
        "satisfaction": _share(answers[3] + answers[4], sum(answers)) if shown["answers"] else None,
        "cost_per_transaction_pence": (round(cost / contacts) if complete and contacts >= SMALLEST_SHOWN else None),
        "saving_pence": saving if shown["online"] is not None else None,
    }


def _shown(n):
    return n if n == 0 or n >= SMALLEST_SHOWN else None


def _share(part, whole):
    """A percentage to one decimal place; None with nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None
