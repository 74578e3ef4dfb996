"""The claims paid to a landlord: found by surname, address, postcode or
claim reference, and one claim with what a person affected may see.

The back office's list is copied when older than fresh_s into one item per
claim and search term (storage/landlords.py), stamped with the copy's time;
the "claims" marker holds the copy's time, and a row older than it (a claim
no longer paid to the landlord) is never shown. A search is one index Query;
a claim is one GetItem under the landlord's own key, so another landlord's
claim is not found whatever its reference. What a claim shows is
landlord_port.PaidClaim's: never the claimant's other benefits, income or
household."""
import re

from ...config import landlords as settings
from ...errors import NotFound, ValidationFailed
from ...stamps import stamp
from ..revenues import backoffice
from ..revenues.port import BackOfficeError
from . import limits, wording

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
CLAIM = re.compile(limits.CLAIM_PATTERN)


def _body(claim):
    return {"claim_ref": claim.claim_ref, "tenant": claim.tenant, "address": claim.address,
            "postcode": claim.postcode, "status": claim.status, "suspended_reason": claim.suspended_reason,
            "weekly": claim.weekly, "next_payment_date": claim.next_payment_date,
            "next_payment_amount": claim.next_payment_amount,
            "overpayments": [{"amount": o.amount, "recovered_on": o.recovered_on, "dispute_by": o.dispute_by}
                             for o in claim.overpayments]}


def street_of(address):
    """"Flat 3, 104 Heworth Green, York" -> "heworth green": the words after the house number."""
    part = address.split(",")[-2] if address.count(",") >= 1 else address
    return " ".join(w for w in part.lower().split() if not any(c.isdigit() for c in w))


def terms(body):
    return [("ref", body["claim_ref"]), ("surname", body["tenant"].split()[-1].casefold()),
            ("postcode", body["postcode"].replace(" ", "")), ("street", street_of(body["address"]))]


def fresh(deps, org):
    """The time of the copy searched (refreshed first when old); the last copy while the back office is away."""
    creditor, now = org["creditor_ref"], deps.clock()
    kept = deps.landlords.copy(creditor, "claims")
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return kept[1], False
    try:
        with backoffice.configured(deps).landlord_session(creditor) as session:
            bodies = [_body(claim) for claim in session.claims()]
    except BackOfficeError:
        if kept is None:
            raise backoffice.unavailable(now) from None
        return kept[1], True
    deps.landlords.keep_claims(creditor, [(kind, value, body) for body in bodies for kind, value in terms(body)], now)
    deps.landlords.keep(creditor, "claims", {"count": len(bodies)}, now)
    return now, False


def search(deps, org, q):
    text = (q or "").strip()
    if not limits.SEARCH_MIN <= len(text) <= limits.SEARCH_MAX:
        raise ValidationFailed([("q", wording.SEARCH)])
    as_of, stale = fresh(deps, org)
    upper = text.upper()
    if CLAIM.match(upper):
        kind, value = "ref", upper
    elif POSTCODE.match(upper):
        kind, value = "postcode", upper.replace(" ", "")
    elif any(c.isdigit() for c in text) or " " in text:
        kind, value = "street", street_of(text + ",")
    else:
        kind, value = "surname", text.casefold()
    found = [body for body, at in deps.landlords.find(org["creditor_ref"], kind, value, limits.SEARCH_LIMIT + 1)
             if at >= as_of]
    return {"claims": [_summary(b) for b in found[:limits.SEARCH_LIMIT]], "more": len(found) > limits.SEARCH_LIMIT,
            "fetched_at": stamp(as_of), "stale": stale}


def _summary(body):
    return {k: body[k] for k in ("claim_ref", "tenant", "address", "postcode", "status", "next_payment_date")}


def one(deps, org, claim_ref):
    if not CLAIM.match(claim_ref or ""):
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    as_of, stale = fresh(deps, org)
    kept = deps.landlords.claim(org["creditor_ref"], claim_ref)
    if kept is None or kept[1] < as_of:
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    return {**kept[0], "fetched_at": stamp(as_of), "stale": stale}
