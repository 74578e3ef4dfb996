"""The claims paid to a landlord: found by surname, address, postcode or
claim reference, and one claim with what a person affected may see.

The back office's list is copied when older than fresh_s into one item per
claim and search term (storage/landlords.py), each with the claim's digest;
the "claims" marker (one item, about 40 KB for 2,000 claims) holds every
current claim's digest, so a refresh writes only the claims that changed,
and a row whose digest is not the marker's (a claim no longer paid to the
landlord, or a surname or address since changed) is never shown. A search is one index Query;
a claim is one GetItem under the landlord's own key, so another landlord's
claim is not found whatever its reference. What a claim shows is
landlord_port.PaidClaim's: never the claimant's other benefits, income or
household."""
import json
import re

from ... import ids
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
    """(digests, as_of, stale): {claim_ref: digest} of the copy searched, refreshed first when old; the
    last copy while the back office is away. Only claims whose digest changed are written again."""
    creditor, now = org["creditor_ref"], deps.clock()
    kept = deps.landlords.copy(creditor, "claims")
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return kept[0], kept[1], False
    try:
        with backoffice.configured(deps).landlord_session(creditor) as session:
            bodies = [_body(claim) for claim in session.claims()]
    except BackOfficeError:
        if kept is None:
            raise backoffice.unavailable(now) from None
        return kept[0], kept[1], True
    before = kept[0] if kept is not None else {}
    digests = {body["claim_ref"]: ids.digest(json.dumps(body, sort_keys=True))[:16] for body in bodies}
    changed = [{**body, "digest": digests[body["claim_ref"]]} for body in bodies
               if before.get(body["claim_ref"]) != digests[body["claim_ref"]]]
    deps.landlords.keep_claims(creditor, [(kind, value, body) for body in changed for kind, value in terms(body)], now)
    deps.landlords.keep(creditor, "claims", digests, now)
    return digests, now, False


def current(digests, body):
    """The claim as the copy has it now, or None (no longer paid to the landlord, or a term it has lost)."""
    if digests.get(body["claim_ref"]) != body.get("digest"):
        return None
    return {k: v for k, v in body.items() if k != "digest"}


def search(deps, org, q):
    text = (q or "").strip()
    if not limits.SEARCH_MIN <= len(text) <= limits.SEARCH_MAX:
        raise ValidationFailed([("q", wording.SEARCH)])
    digests, as_of, stale = fresh(deps, org)
    upper = text.upper()
    if CLAIM.match(upper):
        kind, value = "ref", upper
    elif POSTCODE.match(upper):
        kind, value = "postcode", upper.replace(" ", "")
    elif any(c.isdigit() for c in text) or " " in text:
        kind, value = "street", street_of(text + ",")
    else:
        kind, value = "surname", text.casefold()
    found = [shown for shown in (current(digests, body) for body, _ in deps.landlords.find(
        org["creditor_ref"], kind, value, limits.SEARCH_LIMIT + 1)) if shown is not None]
    return {"claims": [_summary(b) for b in found[:limits.SEARCH_LIMIT]], "more": len(found) > limits.SEARCH_LIMIT,
            "fetched_at": stamp(as_of), "stale": stale}


def _summary(body):
    return {k: body[k] for k in ("claim_ref", "tenant", "address", "postcode", "status", "next_payment_date")}


def one(deps, org, claim_ref):
    if not CLAIM.match(claim_ref or ""):
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    digests, as_of, stale = fresh(deps, org)
    kept = deps.landlords.claim(org["creditor_ref"], claim_ref)
    shown = current(digests, kept[0]) if kept is not None else None
    if shown is None:
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    return {**shown, "fetched_at": stamp(as_of), "stale": stale}
