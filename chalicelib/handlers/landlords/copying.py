"""The landlord's claims copy, refreshed in the background.

A request that finds the copy old (or none) never writes the index itself:
2,000 claims are 8,000 rows. It writes one `landlord_claims_old` event, once
per landlord and fresh_s window (its id names both, a conditional write), and
the copy is written by that event's effect (`on_old`), from the stream alone
(the request does not make a first try). Meanwhile an old copy answers, with
its age; with no copy yet the request answers from the back office's list in
memory (claims.py), and costs two DynamoDB calls, not 8,000 writes.

A refresh writes only the claims whose digest changed, then the "claims"
marker (the digests every request checks, so a row not the marker's is never
shown), then sweeps: the rows of a claim gone, or a term it has lost (a
surname or address since changed), are deleted, read from the old "ref" rows
of the claims that changed only."""
import json
import logging

from ... import ids
from ...config import landlords as settings
from ..revenues import backoffice

KIND = "landlord_claims_old"
log = logging.getLogger("doorstep.landlords")


def body_of(claim):
    return {"claim_ref": claim.claim_ref, "tenant": claim.tenant, "address": claim.address,
            "postcode": claim.postcode, "status": claim.status, "suspended_reason": claim.suspended_reason,
            "weekly": claim.weekly, "next_payment_date": claim.next_payment_date,
            "next_payment_amount": claim.next_payment_amount,
            "overpayments": [{"amount": o.amount, "recovered_on": o.recovered_on, "dispute_by": o.dispute_by}
                             for o in claim.overpayments]}


def digest(body):
    return ids.digest(json.dumps(body, sort_keys=True))[:16]


def street_of(address):
    """"Flat 3, 104 Heworth Green, York" -> "heworth green": the words after the house number."""
    part = address.split(",")[-2] if address.count(",") >= 1 else address
    return " ".join(w for w in part.lower().split() if not any(c.isdigit() for c in w))


def terms(body):
    return [("ref", body["claim_ref"]), ("surname", body["tenant"].split()[-1].casefold()),
            ("postcode", body["postcode"].replace(" ", "")), ("street", street_of(body["address"]))]


def ask(deps, creditor, now):
    """The refresh asked for, once per window (one conditional PutItem)."""
    from ..shared.events import new_event
    window = int(now.timestamp() // max(1, settings()["fresh_s"]))
    deps.landlords.ask_copy(new_event(deps, KIND, now, event_id=f"llcopy-{creditor}-{window}",
                                      creditor_ref=creditor))


def on_old(deps, event, key):
    """The effect: the copy written again from the back office. A back office away is no failure to retry
    and give up on (its nightly window would log one every night): the old copy keeps answering, with its
    age, and the next request in a later window asks again."""
    from ..revenues.port import BackOfficeError
    creditor = (event.payload or {}).get("creditor_ref")
    if not creditor:
        return
    try:
        refresh(deps, creditor)
    except BackOfficeError as e:
        log.info("landlord %s's claims copy not refreshed: the back office is away (%s)", creditor, e)


def refresh(deps, creditor):
    """{"written": rows, "swept": rows} of one refresh."""
    now = deps.clock()
    kept = deps.landlords.copy(creditor, "claims")
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return {"written": 0, "swept": 0}  # a twin event's effect did it
    with backoffice.configured(deps).landlord_session(creditor) as session:
        bodies = [body_of(claim) for claim in session.claims()]
    before = kept[0] if kept is not None else {}
    digests = {body["claim_ref"]: digest(body) for body in bodies}
    changed = [{**body, "digest": digests[body["claim_ref"]]} for body in bodies
               if before.get(body["claim_ref"]) != digests[body["claim_ref"]]]
    old = deps.landlords.claims(creditor, [ref for ref, d in before.items() if digests.get(ref) != d])
    written = deps.landlords.keep_claims(
        creditor, [(kind, value, body) for body in changed for kind, value in terms(body)], now)
    deps.landlords.keep(creditor, "claims", digests, now)
    now_terms = {body["claim_ref"]: set(terms(body)) for body in changed}
    gone = [f"{kind}:{value}#{body['claim_ref']}" for body in old for kind, value in terms(body)
            if (kind, value) not in now_terms.get(body["claim_ref"], set())]
    return {"written": written, "swept": deps.landlords.drop_claims(creditor, gone)}
