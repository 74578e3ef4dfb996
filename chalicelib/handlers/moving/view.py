"""What the resident sees of a move: each part with its state in words, and
what is left to do elsewhere (links from configuration: the register to vote
and other national services). One GetItem and one Query of its parts, plus
one GetItem of the council tax request for its back office reference; one
GetItem more for whether the move's changes are still being made."""
import json
import os
from pathlib import Path

from ...stamps import stamp
from . import wording

ELSEWHERE = Path(__file__).resolve().parents[2] / "data" / "moving_elsewhere.json"
ORDER = ("council_tax", "council_tax_new", "address", "bin_days", "garden", "bulky", "container", "alert")


SERVICE = "moving"  # the service a move told counts in (feedback/services.py)


def mine_or_404(deps, move_id):
    from ...errors import NotFound
    found = deps.moves.get(deps.principal.user_id, move_id) if move_id else None
    if found is None:
        raise NotFound(wording.NO_MOVE, code="move_not_found")
    return found


def one(deps, move_id):
    from ..feedback.counting import question
    from .council_tax import brought_up_to_date
    move = mine_or_404(deps, move_id)
    # Told: how did it go? (counted by its event's effect, following.py)
    from ..shared.effects import made_so_far
    from .limits import FOLLOW, event_id
    return {**shown(deps, move, brought_up_to_date(deps, move, deps.moves.parts(move["user_id"], move_id))),
            **made_so_far(deps, event_id(move["id"]), FOLLOW, move["created_at"]),
            "feedback": question(SERVICE, move["id"], "online", move["created_at"])}


def mine(deps):
    return {"moves": [brief(m) for m in deps.moves.of_user(deps.principal.user_id)]}


def brief(move):
    return {"id": move["id"], "move": move["move"], "date": move["date"], "from_address": move.get("from_address"),
            "to_address": move.get("to_address"), "created_at": stamp(move["created_at"])}


def sorted_parts(parts):
    return sorted(parts, key=lambda p: (ORDER.index(p["name"].split(":")[0]), p["name"]))


def shown(deps, move, parts, staff=False):
    from .council_tax import estimate
    parts = sorted_parts(parts)
    out = {**brief(move), "people": move.get("people") or [], "late": bool(move.get("late")),
           "tenure": move.get("tenure"), "forwarding": move.get("forwarding"),
           "parts": [part_view(deps, move, p) for p in parts],
           "elsewhere": elsewhere(move["move"]), "council_tax_estimate": estimate(deps.council, move)}
    if staff:
        out.update(contact=move.get("contact"), furnished=move.get("furnished"), email=move.get("email"),
                   late_note=wording.LATE_NOTE if move.get("late") else None, user_id=move["user_id"])
    return out


def part_view(deps, move, part):
    kind = part["name"].split(":")[0]
    facts = {k: v for k, v in part.items()
             if k not in ("name", "state", "created_at", "updated_at", "parts", "back_office", "version", "_request")}
    if kind == "council_tax" and part.get("request_id"):
        from .council_tax import copy_facts
        request = part["_request"] if "_request" in part else \
            deps.revenue_requests.get(move["user_id"], part["request_id"])
        facts.update(back_office_state=request["state"] if request else None,
                     back_office_reference=request.get("reference") if request else None,
                     **copy_facts(part, deps.clock()))
    if kind == "bin_days" and part.get("days") is not None:
        facts["days_text"] = ", ".join(f"{d['label']} from {for_people(d['date'])}" for d in part["days"])
    if kind == "garden" and part.get("amount") is not None:
        facts["amount_text"] = f"{part['amount'] // 100:,}.{part['amount'] % 100:02d}"
    words = wording.PARTS.get((kind, part["state"]))
    if (kind, part["state"], move["move"]) == ("alert", "offered", "out"):
        words = wording.ALERT_OFFERED_LEAVING
    if kind == "council_tax" and facts.get("closing_from"):
        words = words + wording.CLOSING
    if part.get("undone"):
        words = wording.UNDONE.format(reason=part["undone"]["reason"])
    return {"name": part["name"], "kind": kind, "state": part["state"], "facts": facts,
            "text": _say(words, facts), "choices": _choices(kind, part["state"], move["move"]),
            "updated_at": stamp(part.get("updated_at"))}


def _say(words, facts):
    from ..shared.filling import filled
    if not words:
        return None
    values = {**facts, "days": facts.get("days_text") or "", "amount": facts.get("amount_text") or ""}
    for key in ("date", "last_day", "end", "closing_from"):
        if isinstance(values.get(key), str) and len(values[key]) == 10:
            values[key] = for_people(values[key])
    return filled(words, values)


def for_people(iso):
    """2026-12-04 -> Friday 4 December 2026, as the e-mail and page say a day."""
    from datetime import date
    try:
        return f"{date.fromisoformat(iso):%A %-d %B %Y}"
    except ValueError:
        return iso


def _choices(kind, state, move_kind):
    from .limits import choices
    return list(choices(kind, move_kind)) if state == "offered" else []


def elsewhere(kind):
    path = os.environ.get("DOORSTEP_MOVING_ELSEWHERE") or ELSEWHERE
    links = json.loads(Path(path).read_text(encoding="utf-8"))["links"]
    return [{"text": link["text"], "url": link["url"]} for link in links if kind in link.get("moves", ())]
