"""The landlord's claims copy: written by its own event's effect, never by
the request that finds it old; a refresh writes only the claims that
changed, and sweeps the rows of a claim no longer paid to the landlord or a
term it lost (a surname since changed)."""
from datetime import datetime, timedelta, timezone

from chalicelib.handlers.landlords import copying, listing, searching as claims
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
    from chalicelib.storage.revenues.landlord_copies import LandlordClaimModel
    return sorted(r.key for r in LandlordClaimModel.query(creditor))


def test_the_request_writes_no_index_the_event_does_and_a_refresh_sweeps_a_gone_claims_rows(deps):
    now = [START]
    deps.clock = lambda: now[0]
    deps.revenues = Office([claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Barker"), claim("HB60003", "Cy Clarke")])
    # No copy yet: the back office's list answers in memory; the request wrote no row, and asked once.
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "Barker")["claims"]] == ["HB60002"]
    claims.search(deps, ORG, "Clarke")
    assert rows("CR100999") == []
    # a claim's reference, the two words of its name, the seven of its address and postcode
    assert copying.refresh(deps, "CR100999") == {"written": 30, "swept": 0}
    # Two hours on: Bo Barker married (now Bo Moss), Cy Clarke's claim is no longer paid to this landlord.
    now[0] = START + timedelta(hours=2)
    deps.revenues.paid = [claim("HB60001", "Ann Ahmed"), claim("HB60002", "Bo Moss")]
    old = claims.search(deps, ORG, "Barker")  # the old copy answers, with its age, until the effect runs
    assert old["stale"] and [c["claim_ref"] for c in old["claims"]] == ["HB60002"]
    # Bo Moss's ten rows; Bo Barker's two name rows and Cy Clarke's ten swept
    assert copying.refresh(deps, "CR100999") == {"written": 10, "swept": 12}
    assert claims.search(deps, ORG, "Barker")["claims"] == [] and claims.search(deps, ORG, "Clarke")["claims"] == []
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "moss")["claims"]] == ["HB60002"]
    assert not any("clarke" in key or "barker" in key or "HB60003" in key for key in rows("CR100999"))


def test_a_copy_kept_before_words_were_searched_is_written_anew_and_its_old_rows_go(deps):
    from chalicelib.storage.revenues.landlord_copies import LandlordClaimModel
    deps.clock = lambda: START
    deps.revenues = Office([claim("HB60001", "Ann Ahmed")])
    body = {**listing.body_of(claim("HB60001", "Ann Ahmed")), "digest": "0123456789abcdef"}
    for key in ("ref:HB60001#HB60001", "surname:ahmed#HB60001", "postcode:YO104AA#HB60001",
                "street:fishergate#HB60001"):  # the rows and marker of a copy made before
        LandlordClaimModel(creditor_ref="CR100999", key=key, claim_ref="HB60001", body=body, fetched_at=START).save()
    deps.landlords.keep("CR100999", "claims", {"HB60001": "0123456789abcdef"}, START)
    assert copying.refresh(deps, "CR100999") == {"written": 10, "swept": 3}
    assert not any(key.startswith(("surname:", "postcode:", "street:")) for key in rows("CR100999"))
    assert deps.landlords.copy("CR100999", "claims") is None
    assert [c["claim_ref"] for c in claims.search(deps, ORG, "Ann Ahmed")["claims"]] == ["HB60001"]


def test_a_copy_refreshed_from_a_list_fetched_before_the_back_office_stopped_is_as_old_as_that_list(deps):
    from chalicelib.config import landlords as settings
    from chalicelib.handlers.landlords.claims import one
    from chalicelib.handlers.revenues.port import BackOfficeError
    now = [START]
    deps.clock = lambda: now[0]
    deps.revenues = Office([claim("HB60001", "Ann Ahmed")])
    assert claims.search(deps, ORG, "Ahmed")["fetched_at"] == "2026-11-24T10:00:00Z"  # the list, kept

    class Stopped(Office):
        def landlord_session(self, creditor_ref):
            raise BackOfficeError("unreachable", "stopped")
    deps.revenues = Stopped([])  # stopped at 10:00:18; the refresh's effect runs at 10:00:55, from the list kept
    now[0] = START + timedelta(seconds=55)
    copying.refresh(deps, "CR100999")
    found = claims.search(deps, ORG, "Ahmed")
    assert (found["fetched_at"], found["stale"]) == ("2026-11-24T10:00:00Z", False)
    # Just past fresh_s from what the back office last said (not from the refresh): old, and said so.
    now[0] = START + timedelta(seconds=settings()["fresh_s"] + 1)
    for answer in (claims.search(deps, ORG, "Ahmed"), one(deps, ORG, "HB60001")):
        assert (answer["fetched_at"], answer["stale"]) == ("2026-11-24T10:00:00Z", True)
