"""The landlord's claims copy: written by its own event's effect, never by
the request that finds it old; a refresh writes only the claims that
changed, and sweeps the rows of a claim no longer paid to the landlord or a
term it lost (a surname since changed)."""
from datetime import datetime, timedelta, timezone

from chalicelib.handlers.landlords import claims, copying
from chalicelib.handlers.revenues.landlord_port import PaidClaim

ORG = {"creditor_ref": "CR100999"}
START = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)


class Office:
    """A back office whose landlord's claims the test sets."""
    def __init__(self, paid):
        self.paid = paid

    def landlord_session(self, creditor_ref):
        office = self

        class Session:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def claims(self):
                return list(office.paid)
        return Session()


def claim(ref, tenant, postcode="YO10 4AA"):
    return PaidClaim(claim_ref=ref, tenant=tenant, address="Flat 1, 100 Fishergate, York", postcode=postcode,
                     status="live", weekly=9_000)


def rows(creditor):
    from chalicelib.storage.landlord_copies import LandlordClaimModel
    return sorted(r.key for r in LandlordClaimModel.query(creditor))


def test_the_request_writes_no_index_the_event_does_and_a_refresh_sweeps_a_gone_claims_rows(deps):
    now = [START]
    deps.clock = lambda: now[0]
    deps.revenues = Office([claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Barker"), claim("HB60003", "Cy Clarke")])
    # No copy yet: the back office's list answers in memory; the request wrote no row, and asked once.
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "Barker")["claims"]] == ["HB60002"]
    claims.search(deps, ORG, "Clarke")
    assert rows("CR100999") == []
    assert copying.refresh(deps, "CR100999") == {"written": 12, "swept": 0}  # four terms a claim
    # Two hours on: Bo Barker married (now Bo Moss), Cy Clarke's claim is no longer paid to this landlord.
    now[0] = START + timedelta(hours=2)
    deps.revenues.paid = [claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Moss")]
    old = claims.search(deps, ORG, "Barker")  # the old copy answers, with its age, until the effect runs
    assert old["stale"] and [c["claim_ref"] for c in old["claims"]] == ["HB60002"]
    assert copying.refresh(deps, "CR100999") == {"written": 4, "swept": 5}  # Barker's surname row, Clarke's 4
    assert claims.search(deps, ORG, "Barker")["claims"] == [] and claims.search(deps, ORG, "Clarke")["claims"] == []
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "moss")["claims"]] == ["HB60002"]
    assert not any("clarke" in key or "barker" in key or "HB60003" in key for key in rows("CR100999"))
