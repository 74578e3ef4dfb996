"""The landlord's claims copy, refreshed in the background.

A request that finds the copy old (or none) never writes the rows a search
reads itself: 2,000 claims are about 22,000 (a claim's reference, and each word
of its name and address, phrases.py). It writes one `landlord_claims_old` event, once
per landlord and fresh_s window (its id names both, a conditional write), and
the copy is written by that event's effect (`on_old`), from the stream alone
(the request does not make a first try). Meanwhile an old copy answers, with
its age; with no copy yet the request answers from the back office's list in
memory (claims.py), and costs a few DynamoDB calls, not 22,000 writes. The
list is asked for by one process at a time (listing.py): the requests that
find no copy and the effect that writes it share the one answer.

A refresh writes only the claims whose digest changed, then the marker (the
digests every request checks, so a row not the marker's is never shown),
then sweeps: the rows of a claim gone, or a term it has lost (a name or
address since changed), are deleted, read from the old "ref" rows of the
claims that changed only."""
import json
import logging

from ... import ids
from ...config import landlords as settings
from .listing import the_list
from .phrases import row_key, terms

KIND = "landlord_claims_old"
MARKER = "claim-digests"  # every current claim's digest
# The marker and row kinds of the copy before words were searched: found as no copy, and dropped once.
RETIRED = ("claims", ("surname:", "postcode:", "street:"))
log = logging.getLogger("doorstep.landlords")


def digest(body):
    return ids.digest(json.dumps(body, sort_keys=True))[:16]


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
    kept = deps.landlords.copy(creditor, MARKER)
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return {"written": 0, "swept": 0}  # a twin event's effect did it
    from datetime import timedelta
    # A copy is as old as the list it is written from (kept by a search, perhaps before the back office
    # stopped), not as the refresh: stamped with the refresh's time, it answered fresh for the list's age more.
    bodies, said_at = the_list(deps, creditor, now - timedelta(seconds=settings()["fresh_s"]))
    before = kept[0] if kept is not None else {}
    digests = {body["claim_ref"]: digest(body) for body in bodies}
    changed = [{**body, "digest": digests[body["claim_ref"]]} for body in bodies
               if before.get(body["claim_ref"]) != digests[body["claim_ref"]]]
    old = deps.landlords.claims(creditor, [ref for ref, d in before.items() if digests.get(ref) != d])
    written = deps.landlords.keep_claims(
        creditor, [(row_key(kind, value, body["claim_ref"]), body) for body in changed for kind, value in terms(body)],
        said_at)
    deps.landlords.keep(creditor, MARKER, digests, said_at)
    now_terms = {body["claim_ref"]: set(terms(body)) for body in changed}
    gone = [row_key(kind, value, body["claim_ref"]) for body in old for kind, value in terms(body)
            if (kind, value) not in now_terms.get(body["claim_ref"], set())]
    swept = deps.landlords.drop_claims(creditor, gone) + deps.landlords.drop_retired(creditor, *RETIRED)
    return {"written": written, "swept": swept}
