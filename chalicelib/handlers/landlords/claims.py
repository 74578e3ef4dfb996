"""The claims paid to a landlord: the copy a search reads (searching.py),
and one claim with what a person affected may see.

The back office's list is copied (in the background, copying.py) into one
item per claim and search term (storage/revenues/landlord_copies.py), each with the
claim's digest; the marker (one item, about 40 KB for 2,000 claims) holds
every current claim's digest, and a row whose digest is not the marker's (a
claim no longer paid to the landlord, or a name or address since changed)
is never shown. A claim is one GetItem under the landlord's own key, so
another landlord's claim is not found whatever its reference. What a claim
shows is landlord_port.PaidClaim's: never the claimant's other benefits,
income or household."""
from datetime import timedelta

from ...config import landlords as settings
from ...errors import NotFound
from ...stamps import stamp
from ..revenues import backoffice
from ..revenues.port import BackOfficeError
from . import phrases, wording
from .copying import MARKER, ask, digest
from .listing import the_list


class Listed:
    """The back office's list in memory, for a request that found no copy yet (the background writes it):
    read as the copy's rows would be, so a search answers the same, page for page."""
    def __init__(self, bodies):
        self.bodies = {b["claim_ref"]: {**b, "digest": digest(b)} for b in bodies}
        self.digests = {ref: b["digest"] for ref, b in self.bodies.items()}
        self.keys = sorted(phrases.row_key(kind, value, ref) for ref, b in self.bodies.items()
                           for kind, value in phrases.terms(b))

    def rows(self, creditor, prefix, after, page_size):
        """(key, claim) of the keys beginning with `prefix`, in key order, after the key `after`."""
        import bisect
        at = bisect.bisect_right(self.keys, after) if after else bisect.bisect_left(self.keys, prefix)
        for key in self.keys[at:]:
            if not key.startswith(prefix):
                return
            yield key, self.bodies[key.rsplit("#", 1)[1]]

    def claim(self, creditor, claim_ref):
        return (self.bodies[claim_ref], None) if claim_ref in self.bodies else None


def fresh(deps, org):
    """(digests, as_of, stale, source): the copy searched (source: the store, or the back office's list in
    memory when there is no copy yet, asked for by one process at a time: listing.py). An old copy answers as
    it is (stale) and its refresh is asked for once (copying.py): a request never writes the index itself."""
    creditor, now = org["creditor_ref"], deps.clock()
    kept = deps.landlords.copy(creditor, MARKER)
    if kept is not None and (now - kept[1]).total_seconds() < settings()["fresh_s"]:
        return kept[0], kept[1], False, deps.landlords
    if kept is not None:
        ask(deps, creditor, now)
        return kept[0], kept[1], True, deps.landlords
    try:
        bodies, fetched_at = the_list(deps, creditor, now - timedelta(seconds=settings()["fresh_s"]))
    except BackOfficeError as e:
        raise backoffice.unavailable(now, wording, e) from None
    ask(deps, creditor, now)
    listed = Listed(bodies)
    return listed.digests, fetched_at, False, listed


def current(digests, body):
    """The claim as the copy has it now, or None (no longer paid to the landlord, or a term it has lost)."""
    if digests.get(body["claim_ref"]) != body.get("digest"):
        return None
    return {k: v for k, v in body.items() if k != "digest"}


def one(deps, org, claim_ref):
    if not phrases.CLAIM.match(claim_ref or ""):
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    digests, as_of, stale, source = fresh(deps, org)
    kept = source.claim(org["creditor_ref"], claim_ref)
    shown = current(digests, kept[0]) if kept is not None else None
    if shown is None:
        raise NotFound(wording.NO_CLAIM, code="claim_not_found")
    return {**shown, "fetched_at": stamp(as_of), "stale": stale}
