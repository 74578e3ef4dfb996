"""Telling us a business is starting: checked against the council's data
(its address base, its activities), then kept with its `business_started`
event and the Idempotency-Key's record in one transaction. What it offers
follows from that event (following.py), once."""
import re
from datetime import date, timedelta

from ... import ids
from ...errors import Unacceptable
from ...stamps import london_today
from ...validation import Problems
from . import limits, planning_rule, wording

KIND = "business_started"
FIELDS = {"uprn", "activity", "starts", "ratepayer", "trading_name", "last_use", "other_premises_rv"}


def new_id():
    return ids.new_reference("BZ-")


def activities_of(council):
    """{activity: [licence type ids]} the council offers (its settings' business.activities)."""
    return dict(((council.document or {}).get("business") or {}).get("activities") or {})


def make(deps, body, idempotency_key):
    """POST /v1/me/businesses: (view, created)."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    from ..shared.idempotency import Claim
    from ...storage.errors import AlreadyExists
    from .view import one
    user_id = deps.principal.user_id
    claim = Claim(deps, idempotency_key, f"{user_id}#business", body,
                  lambda record: one(deps, record.resource_id), wording.KEY_USED)
    earlier = claim.earlier()
    if earlier is not None:
        return earlier, False
    now = deps.clock()
    start = checked(deps, body, london_today(now))
    start.update(user_id=user_id, id=new_id(), created_at=now, email=deps.principal.email)
    event = new_event(deps, KIND, now, event_id=limits.event_id(start["id"]), user_id=user_id, start_id=start["id"])
    try:
        deps.businesses.create(start, event, claim.record(start["id"], now, limits.IDEMPOTENCY_HOURS))
    except AlreadyExists:
        return claim.twin(), False
    first_try(deps, [event])
    return one(deps, start["id"]), True


def checked(deps, body, today):
    """The business as kept, or 400 (the request breaks its description) / 422 (a rule, in words)."""
    problems = Problems()
    if not isinstance(body, dict):
        body = {}
        problems.add("body", wording.NOT_ASKED)
    for name in sorted(set(body) - FIELDS):
        problems.add(name, wording.NOT_ASKED)
    uprn = body.get("uprn")
    if not (isinstance(uprn, str) and re.fullmatch(limits.UPRN_PATTERN, uprn)):
        problems.add("uprn", wording.NOT_A_UPRN)
    known = activities_of(deps.council)
    activity, last_use = body.get("activity"), body.get("last_use")
    if not isinstance(activity, str) or activity not in planning_rule.activities():
        problems.add("activity", wording.ACTIVITY.format(known=", ".join(known or planning_rule.activities())))
    elif activity not in known:
        problems.rule("activity", wording.ACTIVITY.format(known=", ".join(known) or "none here"))
    if last_use is not None and last_use not in planning_rule.activities():
        problems.add("last_use", wording.LAST_USE.format(known=", ".join(planning_rule.activities())))
    starts = _day(body.get("starts"), problems)
    payer = _ratepayer(body.get("ratepayer"), problems)
    trading = body.get("trading_name")
    if trading is not None and not (isinstance(trading, str) and 0 < len(trading.strip()) <= limits.NAME_MAX):
        problems.add("trading_name", wording.TRADING_NAME)
    others = body.get("other_premises_rv", [])
    if not (isinstance(others, list) and len(others) <= limits.OTHERS_MAX and all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v <= limits.RV_MAX for v in others)):
        problems.add("other_premises_rv", wording.OTHERS)
    problems.raise_if_any()
    _day_rules(starts, today, problems)
    premises = deps.addresses.get(uprn)
    if premises is None:
        problems.rule("uprn", wording.NOT_HERE)
    problems.raise_if_any()
    return {"uprn": premises.uprn, "address": premises.text, "postcode": premises.postcode, "activity": activity,
            "last_use": last_use, "starts": starts.isoformat(), "ratepayer": payer,
            "trading_name": trading.strip() if trading else None, "other_premises_rv": others,
            "jurisdiction": deps.council.jurisdiction}


def _day(value, problems):
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    problems.add("starts", wording.DATE)
    return None


def _ratepayer(payer, problems):
    if not isinstance(payer, dict) or set(payer) - {"name", "kind", "company_number"} \
            or not isinstance(payer.get("name"), str) or not 0 < len(payer["name"].strip()) <= limits.NAME_MAX \
            or payer.get("kind") not in ("person", "company"):
        problems.add("ratepayer", wording.RATEPAYER)
        return None
    number = payer.get("company_number")
    if number is not None and not (isinstance(number, str) and re.fullmatch(limits.COMPANY_NUMBER, number)):
        problems.add("ratepayer.company_number", wording.COMPANY_NUMBER)
    elif payer["kind"] == "company" and not number:
        problems.rule("ratepayer.company_number", wording.COMPANY_NEEDS_NUMBER)
    return {"name": payer["name"].strip(), "kind": payer["kind"],
            **({"company_number": number} if payer["kind"] == "company" and number else {})}


def _day_rules(when, today, problems):
    last, first = today + timedelta(days=limits.AHEAD_DAYS), today - timedelta(days=limits.BACK_DAYS)
    if when > last:
        words = wording.too_far_ahead(when - timedelta(days=limits.AHEAD_DAYS))
        raise Unacceptable(words, code="start_too_far_ahead", fields=[{"field": "starts", "message": words}])
    if when < first:
        problems.rule("starts", wording.too_long_ago(first))
