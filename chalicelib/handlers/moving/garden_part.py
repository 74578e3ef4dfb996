"""A move's garden waste: each of the resident's active terms at the old
home moves to the new home when a garden round serves it (the same term,
paid by the same payment, from the move date), or ends the day before the
move and is refunded for the whole months left, by the subscription's terms
(decisions: a term's price over its months, each whole month from the move
date to the term's end, in pence, rounded down).

Once, whatever runs twice: the move is one conditional transaction (the old
term's end as the condition); a refund's figures are stored on its part
(`refunding`) before the provider is asked, and the part is settled after;
refund_parts sends the refundable figure, so an attempt after one that
worked is refused by the provider, never paid."""
from datetime import date, timedelta

from ..waste.garden import rules
from ..waste.refund_parts import refund_parts


def garden(deps, move):
    uid = move["user_id"]
    if not move.get("from_uprn"):
        return
    on = date.fromisoformat(move["date"])
    last_day = (on - timedelta(days=1)).isoformat()
    for sub in deps.garden.of_user(uid):
        if sub.user_id != uid or sub.uprn != move["from_uprn"] or sub.status != "active":
            continue
        name = f"garden:{sub.uprn}.{sub.start}"
        part = deps.moves.part(uid, move["id"], name)
        stopped_here = sub.end == last_day and sub.reason in ("moved", "moved_away")  # by a run that died
        if part is None and sub.end < move["date"] and not stopped_here:
            continue  # ends before the move: nothing to move
        if part is None:
            _begin(deps, move, sub, name, on, last_day)
            part = deps.moves.part(uid, move["id"], name)
        if part is not None and part["state"] in ("refunding", "ended"):
            deps.garden.end_early(sub.uprn, sub.start, part["end"], last_day)  # again: no change when done
        if part is not None and part["state"] == "refunding":
            _refund(deps, move, name, part)


def _begin(deps, move, sub, name, on, last_day):
    uid, now = move["user_id"], deps.clock()
    settings, _ = rules(deps)
    new_round = _garden_round(deps, move.get("to_uprn"))
    if new_round is not None:
        from dataclasses import replace
        start = max(on.isoformat(), sub.start)
        end = sub.end if sub.reason != "moved" else deps.garden.get(move["to_uprn"], start).end
        remind_on = (date.fromisoformat(end) - timedelta(days=settings["renewal_opens_days"])).isoformat()
        moved = replace(sub, uprn=move["to_uprn"], start=start, end=end, address=move["to_address"],
                        round_id=new_round, remind="opening", remind_on=remind_on, reason=f"moved from {sub.uprn}")
        deps.garden.move_term(sub, moved, last_day)  # False: a run that died moved it already
        deps.moves.add_part(uid, move["id"], name, "moved",
                            {"date": start, "round": new_round, "end": end, "to": f"{moved.uprn}.{start}"}, now)
        return
    if sub.reason == "moved_away":
        return  # ended by a run that died before its part: cannot be (the part is written first)
    months = months_left(on, date.fromisoformat(sub.end))
    term_months = max(1, round(settings["term_days"] * 12 / 365))
    amount = sub.amount * min(months, term_months) // term_months
    payment = deps.payments.get(sub.payment_id) if sub.payment_id else None
    available = (payment.amount - payment.refunded) if payment and payment.status == "success" else 0
    amount = min(amount, available)
    figures = {"last_day": last_day, "months": months, "end": sub.end}
    if amount <= 0:
        deps.moves.add_part(uid, move["id"], name, "ended", figures, now)
        deps.garden.end_early(sub.uprn, sub.start, sub.end, last_day)
        return
    # The figures first (the part is the refund's record), then the term ended, then the refund.
    deps.moves.add_part(uid, move["id"], name, "refunding", {**figures, "amount": amount, "parts": [
        {"payment_id": payment.id, "amount": amount, "refund_amount_available": available, "status": "due"}]}, now)
    deps.garden.end_early(sub.uprn, sub.start, sub.end, last_day)


def _refund(deps, move, name, part):
    done = refund_parts(deps, part["parts"], f"move {move['id']}", "moved away", "move_refund.made")
    data = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at")}
    data.update(parts=done, amount=sum(p["amount"] for p in done))
    deps.moves.settle_part(move["user_id"], move["id"], name, ("refunding",), "refunded", data, deps.clock())


def months_left(on, end):
    """Whole months from the move date to the term's last day: a month counts
    when all of it is left (1 March to 28 February: 12)."""
    months = 0
    while _add_months(on, months + 1) - timedelta(days=1) <= end:
        months += 1
    return months


def _add_months(day, n):
    import calendar
    month = day.month - 1 + n
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _garden_round(deps, uprn):
    """The garden round serving the new home, or None (none there, or leaving)."""
    from ..places.bins import rounds_for
    found = deps.addresses.get(uprn) if uprn else None
    garden_round = dict(rounds_for(deps, found)).get("garden") if found else None
    return garden_round.id if garden_round else None
