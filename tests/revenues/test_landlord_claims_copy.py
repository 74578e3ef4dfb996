"""The landlord's claims copy: a refresh writes only the claims that changed,
and a claim no longer paid to the landlord (or a surname since changed) is
not found by its old terms, though its old rows are still in the table."""
from datetime import datetime, timedelta, timezone

from chalicelib.handlers.landlords import claims
from chalicelib.handlers.revenues.landlord_port import PaidClaim

ORG = {"creditor_ref": "CR100999"}
START = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)


class Office:
    """A back office whose landlord's claims the test sets."""
    calls = 0

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


def test_a_refresh_writes_only_the_changed_claims_and_forgets_those_no_longer_paid(deps, monkeypatch):
    now = [START]
    deps.clock = lambda: now[0]
    deps.revenues = Office([claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Barker"), claim("HB60003", "Cy Clarke")])
    written = []
    keep = deps.landlords.keep_claims
    monkeypatch.setattr(deps.landlords, "keep_claims", lambda c, rows, now: written.append(len(rows)) or keep(c, rows, now))
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "Barker")["claims"]] == ["HB60002"]
    # Two hours on: Bo Barker married (now Bo Moss), Cy Clarke's claim is no longer paid to this landlord.
    now[0] = START + timedelta(hours=2)
    deps.revenues.paid = [claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Moss")]
    found = claims.search(deps, ORG, "Barker")["claims"]
    assert found == [] and written == [12, 4]  # four terms a claim; the second refresh wrote one claim
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "moss")["claims"]] == ["HB60002"]
    assert claims.search(deps, ORG, "Clarke")["claims"] == []
