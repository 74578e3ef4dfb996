"""The claims paid to a landlord: found by surname, address, postcode or
claim reference, and one claim with what a person affected may see.

The back office's list is copied (in the background, copying.py) into one
item per claim and search term (storage/landlords.py), each with the claim's
digest; the "claims" marker (one item, about 40 KB for 2,000 claims) holds
every current claim's digest, and a row whose digest is not the marker's (a
claim no longer paid to the landlord, or a surname or address since changed)
is never shown. A search is one index Query;
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
from .copying import ask, body_of, digest, street_of, terms

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
CLAIM = re.compile(limits.CLAIM_PATTERN)


class Listed:
    """The back office's list in memory, for a request that found no copy yet (the background writes it)."""
    def __init__(self, bodies):
        self.bodies = {b["claim_ref"]: {**b, "digest": digest(b)} for b in bodies}
        self.digests = {ref: b["digest"] for ref, b in self.bodies.items()}

    def find(self, creditor, kind, value, limit):
        return [(b, None) for ref, b in sorted(self.bodies.items()) if (kind, value) in terms(b)][:limit]

    def claim(self, creditor, claim_ref):
        return (self.bodies[claim_ref], None) if claim_ref in self.bodies else None


def fresh(deps, org):
    """(digests, as_of, stale, source): the copy searched (source: the store, or the back office's list in
    memory when there is no copy yet). An old copy answers as it is (stale) and its refresh is asked for
    once (copying.py): a request never writes the index itself."""
    creditor, now = org["creditor_ref"], deps.clock()
    kept = deps.landlords.copy(creditor, "claims")
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return kept[0], kept[1], False, deps.landlords
    if kept is not None:
        ask(deps, creditor, now)
        return kept[0], kept[1], True, deps.landlords
    try:
        with backoffice.configured(deps).landlord_session(creditor) as session:
            listed = Listed([body_of(claim) for claim in session.claims()])
    except BackOfficeError as e:
        raise backoffice.unavailable(now, wording, e) from None
    ask(deps, creditor, now)
    return listed.digests, now, False, listed


def current(digests, body):
    """The claim as the copy has it now, or None (no longer paid to the landlord, or a term it has lost)."""
    if digests.get(body["claim_ref"]) != body.get("digest"):
        return None
    return {k: v for k, v in body.items() if k != "digest"}


def search(deps, org, q):
    text = (q or "").strip()
    if not limits.SEARCH_MIN <= len(text) <= limits.SEARCH_MAX:
        raise ValidationFailed([("q", wording.SEARCH)])
    digests, as_of, stale, source = fresh(deps, org)
    upper = text.upper()
    if CLAIM.match(upper):
        kind, value = "ref", upper
    elif POSTCODE.match(upper):
        kind, value = "postcode", upper.replace(" ", "")
    elif any(c.isdigit() for c in text) or " " in text:
        kind, value = "street", street_of(text + ",")
    else:
        kind, value = "surname", text.casefold()
    found = [shown for shown in (current(digests, body) for body, _ in source.find(
        org["creditor_ref"], kind, value, limits.SEARCH_LIMIT + 1)) if shown is not None]
    return {"claims": [_summary(b) for b in found[:limits.SEARCH_LIMIT]], "more": len(found) > limits.SEARCH_LIMIT,
            "fetched_at": stamp(as_of), "stale": stale}


def _summary(body):
    return {k: body[k] for k in ("claim_ref", "tenant", "address", "postcode", "status", "next_payment_date")}


def one(deps, org, claim_ref):
    if not CLAIM.match(claim_ref or ""):
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    digests, as_of, stale, source = fresh(deps, org)
    kept = source.claim(org["creditor_ref"], claim_ref)
    shown = current(digests, kept[0]) if kept is not None else None
    if shown is None:
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    return {**shown, "fetched_at": stamp(as_of), "stale": stale}
