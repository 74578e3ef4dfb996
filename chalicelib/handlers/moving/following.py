"""What follows a move: the effect of its `move_made` event
(shared/effects.py), claimed once per event, first tried by the request that
made the move, then by the alert queue's worker until it is done.

Each step keeps one part row (storage/revenues/moves.py), written once by a
conditional put, and each step's own change is one that a run again
recognises: the council tax request under an id the move names, the garden
term moved by a conditional transaction, a refund's figures stored on its
part before the provider is asked (refund_parts.py: a second attempt is
refused, never paid), the saved address set to the same value. So a process
that dies between any two steps leaves the next run to finish, and nothing
happens twice. The e-mail goes last, under the move's own outbox id (one).

Only the resident's own things are read: their links, their subscriptions
and bookings (user indexes), filtered to the old home."""
from datetime import date

from ...stamps import london_today
from .garden_part import garden


def on_move(deps, event, key):
    payload = event.payload or {}
    move = deps.moves.get(payload.get("user_id"), payload.get("move_id"))
    if move is None:
        return
    from ..feedback.counting import finished, link
    from .view import SERVICE
    asked = finished(deps, SERVICE, move["id"], "online", move["created_at"])  # once, whatever runs this again
    for step in (council_tax, address, garden, offers):
        step(deps, move)
    from .telling import email
    email(deps, move, link(deps, asked))


def _has(deps, move, name):
    return deps.moves.part(move["user_id"], move["id"], name) is not None


def council_tax(deps, move):
    """The existing request kind, grown with what the move tells, through the
    revenues port (its own event sends it, once, and waits while the back
    office is away). The first linked account: a resident with several links
    (old and new homes) has the move sent on the first (decisions)."""
    if _has(deps, move, "council_tax"):
        return
    from ..revenues.requests import for_move, new_id
    links = deps.revenue_links.links(move["user_id"])
    now = deps.clock()
    if not links:
        deps.moves.add_part(move["user_id"], move["id"], "council_tax", "no_account", {}, now)
        return
    request_id = new_id(move["id"][3:])  # the move's own characters: one request per move
    details = {"move": move["move"], "date": move["date"], "move_ref": move["id"]}
    details.update({k: move[k] for k in ("people", "furnished", "tenure", "contact", "tenancy_end", "forwarding")
                    if move.get(k) is not None})
    if move.get("to_address"):
        details.update(address=move["to_address"], postcode=move.get("to_postcode"), uprn=move["to_uprn"])
    elif move.get("forwarding"):
        details["address"] = move["forwarding"]
    # Made as of the move's telling: its date was checked then, and a retry days later keeps that check.
    for_move(deps, move["user_id"], move.get("email"), links[0], details, request_id, move["created_at"])
    deps.moves.add_part(move["user_id"], move["id"], "council_tax", "sent",
                        {"request_id": request_id, "link_id": links[0].id}, now)


def address(deps, move):
    """The saved address ("my street") and, with it, the bin days and the bin
    calendar follow from the move date: the account's `moving_to` was written
    with the move (making.py; the worker never writes accounts); here the
    parts say so, the new street's days with them."""
    if _has(deps, move, "address"):
        return
    now = deps.clock()
    if move.get("to_uprn"):
        deps.moves.add_part(move["user_id"], move["id"], "bin_days", "moved",
                            {"date": move["date"], "days": _days(deps, move["to_uprn"], move["date"]),
                             "uprn": move["to_uprn"]}, now)
        deps.moves.add_part(move["user_id"], move["id"], "address", "moved",
                            {"date": move["date"], "address": move["to_address"], "uprn": move["to_uprn"]}, now)
    else:
        deps.moves.add_part(move["user_id"], move["id"], "bin_days", "stopped", {"date": move["date"]}, now)
        deps.moves.add_part(move["user_id"], move["id"], "address", "stopped", {"date": move["date"]}, now)


def _days(deps, uprn, on):
    """The new street's first collections from the move date, per stream:
    [{stream, label, date, weekday}] (what its reminders and calendar will say)."""
    from ... import bindays
    from ..places.bins import LABELS, rounds_for
    found = deps.addresses.get(uprn)
    out = []
    for stream, model in rounds_for(deps, found) if found else []:
        first = bindays.collections(model.to_round(), date.fromisoformat(on), count=1)
        if first:
            out.append({"stream": stream, "label": LABELS[stream], **first[0].view()})
    return out


def offers(deps, move):
    """The old home's open bulky collections and container requests, and the
    alerts on its street and ward, each offered to keep or cancel (move or
    stay): listed, never changed in silence (choices.py acts on the answer)."""
    if not move.get("from_uprn"):
        return
    uid, now = move["user_id"], deps.clock()
    today = london_today(now).isoformat()  # collections still to come
    for b in deps.bulky.of_user(uid):
        if b.user_id == uid and b.uprn == move["from_uprn"] and b.status in ("held", "confirmed") \
                and b.date >= today:
            deps.moves.add_part(uid, move["id"], f"bulky:{b.id}", "offered", {"date": b.date, "id": b.id}, now)
    for r in deps.containers.of_user(uid):
        if r.user_id == uid and r.uprn == move["from_uprn"] and r.status in ("held", "confirmed"):
            deps.moves.add_part(uid, move["id"], f"container:{r.id}", "offered",
                                {"container": r.name or r.container, "id": r.id}, now)
    from .alert_offers import offered
    for alert, about in offered(deps, move):
        deps.moves.add_part(uid, move["id"], f"alert:{alert.id}", "offered", {"about": about, "id": alert.id}, now)
