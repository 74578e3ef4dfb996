"""The business case's figures, per council, service and month (issue 72, item 4), from the counts
kept as transactions happen (storage/feedback/feedback.py: a year is one Query). Each figure is published
with its definition (wording.DEFINITIONS). Only what people said is withheld when few said it
(wording.SMALL_NUMBERS, after the ONS's and the ICO's guidance): satisfaction from fewer than
SMALLEST_SHOWN answers could tell what one person answered. A count of transactions, contacts or
starts says what the council did, about nobody, so every count is published with the figures made
from it, and no published figure is made from the answers of a withheld month."""
from .counting import month_of
from .services import SERVICES

SMALLEST_SHOWN = 10  # answers: as consultations' wards, and the ONS's and the ICO's guidance
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
            "services": {s: [month_figures(counts.get((m, s), {}), costs, m) for m in months] for s in services},
            "summary": summary([counts.get((m, s), {}) for m in months for s in services], costs),
            # the year's trend: each month with every service added, as the year so far is
            "summary_by_month": [{"month": m, **summary([counts.get((m, s), {}) for s in services], costs)}
                                 for m in months]}


def summary(cells, costs):
    """The year so far in a few numbers, every service's months added (or one month's, every service added).
    Completion adds the months that counted starts (one without would read as finished without being started);
    satisfaction adds only the months whose own is published, so nothing withheld is in it: beside the published
    months, a share of every answer would give the withheld ones away. With answers counted and none of them
    published, satisfaction is withheld (`withheld` names it), not missing."""
    shown = [(c, month_figures(c, costs, None)) for c in cells]
    online = sum(m["counts"]["online"] for _, m in shown)
    started = [(m["counts"]["online"], m["counts"]["started_online"])
               for _, m in shown if m["completion_rate"] is not None]
    told = [_answers(c) for c, m in shown if m["satisfaction"] is not None]
    heard = sum(sum(answers) for answers in told)
    return {"transactions": sum(m["transactions"] for _, m in shown),
            "digital_take_up": _share(online, sum(m["transactions"] for _, m in shown)),
            "completion_rate": _share(sum(n for n, _ in started), sum(n for _, n in started)),
            "satisfaction": _share(sum(answers[3] + answers[4] for answers in told), heard), "answers": heard,
            "saving_pence": sum(m["saving_pence"] for _, m in shown),
            "withheld": ["satisfaction"] if not heard and any(m["counts"]["answers"] for _, m in shown) else []}


def _answers(c):
    """A month's answers by rating, 1 to 5, both channels together."""
    return [sum(c.get(f"answers_{channel}_{r}", 0) for channel in ("online", "assisted")) for r in range(1, 6)]


def month_figures(c, costs, month):
    """One service's month: its counts and the figures made from them, satisfaction withheld under SMALLEST_SHOWN
    answers (`withheld` names it, so a reader tells it from a month with nothing to divide)."""
    online, assisted = c.get("finished_online", 0), c.get("finished_assisted", 0)
    phone, face = c.get("contacts_phone", 0), c.get("contacts_face_to_face", 0)
    started = c.get("started_online", 0)
    answers = _answers(c)
    heard = sum(answers)
    transactions = online + assisted + phone + face
    cost = online * costs["online"] + assisted * costs["assisted"] + phone * costs["phone"] + face * costs["face_to_face"]
    # Had every online transaction been done as the council's assisted contacts are, what would it have cost?
    saving = online * (costs["assisted"] - costs["online"])
    told = heard >= SMALLEST_SHOWN
    return {
        "month": month,
        "counts": {"online": online, "assisted": assisted, "phone": phone, "face_to_face": face,
                   "started_online": started, "answers": heard, "compliments": c.get("compliments", 0)},
        "transactions": transactions,
        "digital_take_up": _share(online, transactions),
        "completion_rate": _share(online, started),
        "satisfaction": _share(answers[3] + answers[4], heard) if told else None,
        "cost_per_transaction_pence": round(cost / transactions) if transactions else None,
        "saving_pence": saving,
        "withheld": [] if told or not heard else ["satisfaction"],
    }


def _share(part, whole):
    """A percentage to one decimal place; None with nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None
