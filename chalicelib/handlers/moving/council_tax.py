"""The council tax link during a move: what the back office says of the move
request once it has taken it (the old account closing from the move date, the
new home's account once opened), kept on the move's `council_tax` part as a
copy with the time it was read, as the revenues screens keep theirs: asked
again when older than revenues' fresh_s, and the last copy shown with its age
while the back office is away, never an error.

When the answer first names a new account, a `council_tax_new` part offers to
link it, once (a conditional put). Linking is one tap: the check is the back
office's own, the one linking makes (check_account), that the person already
proven on the old account is liable on the new one (the link stays the
resident's own choice, as now), and the link is made and audited as any."""
from ...config import revenues as revenue_settings
from ...errors import ApiError
from ...stamps import stamp
from ..revenues.port import BackOfficeError
from . import wording


def brought_up_to_date(deps, move, parts):
    """`parts`, with the council tax part's copy read again when it is not fresh."""
    part = next((p for p in parts if p["name"] == "council_tax" and p["state"] == "sent"), None)
    if part is None:
        return parts
    request = part["_request"] = deps.revenue_requests.get(move["user_id"], part["request_id"])  # read once
    if request is None or not request.get("reference"):
        return parts  # not taken yet: nothing to ask about
    now, copy = deps.clock(), part.get("back_office")
    if copy and (now - _moment(copy["read_at"])).total_seconds() < revenue_settings()["fresh_s"]:
        return parts
    try:
        from ..revenues import backoffice
        answer = backoffice.configured(deps).move_answer(request["person_ref"], request["account_ref"],
                                                        request["id"])
    except (BackOfficeError, ApiError):
        return parts  # away: the last copy stands, with its age
    copy = {"closing_from": answer.closing_from, "new_account_ref": answer.new_account_ref, "read_at": stamp(now)}
    data = {k: v for k, v in part.items() if k not in ("name", "state", "created_at", "updated_at", "_request")}
    data["back_office"] = copy
    deps.moves.settle_part(move["user_id"], move["id"], "council_tax", ("sent",), "sent", data, now)
    part.update(back_office=copy)
    if answer.new_account_ref and not any(p["name"] == "council_tax_new" for p in parts) \
            and answer.new_account_ref not in {link.account_ref for link in deps.revenue_links.links(move["user_id"])}:
        offer = {"reference": answer.new_account_ref, "link_id": part.get("link_id")}
        if deps.moves.add_part(move["user_id"], move["id"], "council_tax_new", "offered", offer, now):
            parts = [*parts, {"name": "council_tax_new", "state": "offered", **offer, "created_at": now,
                              "updated_at": now}]
    return parts


def copy_facts(part, now):
    """What the page says of the copy: the closing day, and its age (stale when older than fresh_s)."""
    copy = part.get("back_office")
    if not copy:
        return {}
    age = max(0, int((now - _moment(copy["read_at"])).total_seconds()))
    return {"closing_from": copy.get("closing_from"), "new_account_ref": copy.get("new_account_ref"),
            "read_at": copy["read_at"], "age_s": age, "stale": age >= revenue_settings()["fresh_s"]}


def link_new(deps, move, part):
    """The one tap: the new account linked for the person proven on the old one."""
    from ..revenues import backoffice
    from ..revenues.linking import made_link
    old = deps.revenue_links.link(move["user_id"], part.get("link_id") or "")
    if old is None:
        raise ApiError(wording.OLD_LINK_GONE, status=409, code="old_link_gone")
    try:
        account = backoffice.configured(deps).check_account(part["reference"])
    except BackOfficeError as e:
        raise backoffice.unavailable(deps.clock(), failure=e) from None
    person = next((p for p in (account.people if account else ()) if p.person_ref == old.person_ref), None)
    if person is None:
        raise ApiError(wording.NOT_ON_NEW_ACCOUNT, status=422, code="not_matched")
    made_link(deps, move["user_id"], part["reference"], person, deps.clock())


def estimate(council, move):
    """What the new home's council tax comes to from the move date to the end of that financial year,
    line by line by the council's jurisdiction's rules (a Scottish home's water and waste water too),
    each the year's charge counted day by day from the move: Doorstep's estimate, marked as one, since
    the bill is the back office's. None moving out, or for a home not banded or a council with no rules."""
    from datetime import date
    from ... import council_tax
    band = move.get("to_band")
    if move["move"] == "out" or not band:
        return None
    when = date.fromisoformat(move["date"])
    year = when.year if when.month >= 4 else when.year - 1
    lines = [{**line, "name": None, "estimate": True, "for_the_year": line["amount"],
              "amount": council_tax.part_of_year(line["amount"], when, year)}
             for line in council_tax.lines(council, band, year) if line["amount"] is not None]
    if not lines:
        return None
    return {"band": band, "from": move["date"], "year": year, "lines": lines,
            "total": sum(line["amount"] for line in lines)}


def _moment(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
