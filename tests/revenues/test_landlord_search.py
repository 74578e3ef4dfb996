"""A landlord finds a tenant's claim as the remittance prints it: the whole
address or any run of its words (the house number too), the postcode, the
tenant's full name or surname, and pages through every claim that matches
with a cursor, each page costing about what it shows. The same answers come
from the back office's list while the copy is being written and from the
copy's index once it is."""
import pytest

from conftest import Person
from doorstep_cli.local.civica_landlord_data import ASSOCIATION, claims_of
from support.effects_support import run_stream
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)
from test_landlords_portal import ASSOCIATION_PROOF, cost, landlord  # noqa: F401 (a fixture)

ELI_OAKES_AT_264 = "HB51973"  # "Flat 5, 264 Heworth Green, York", YO31 7TQ
# The copy of 2,000 claims took a third of each test to write: written once, by the first test that asks,
# and its tables put back for the others (on one worker, so it is written once a run).
pytestmark = pytest.mark.xdist_group("association_copy")
_COPIED = {}  # moto's tables once the copy was written, and the lead who registered the association


def paid(test):
    """The association's claims for which `test(claim)` holds, by reference (from the office's own data)."""
    return {c["claim_ref"] for c in claims_of(ASSOCIATION) if test(c)}


@pytest.fixture
def association(client, landlord, deps):
    lead = [landlord(ASSOCIATION_PROOF)]

    def search(q, cursor=None, ok=True):
        from urllib.parse import urlencode
        answer = client.get("/v1/me/landlord/claims?" + urlencode({"q": q, **({"cursor": cursor} if cursor else {})}),
                            lead[0].auth)
        assert answer.status_code == 200 or not ok, answer.body
        return answer

    def every(q):
        """Every claim found for `q`, page by page: (references in the order shown, pages' costs)."""
        refs, costs, cursor = [], [], None
        while True:
            page = search(q, cursor)
            refs += [c["claim_ref"] for c in page.json_body["claims"]]
            costs.append((len(page.json_body["claims"]), cost(page)))
            cursor = page.json_body["next_cursor"]
            assert page.json_body["more"] == (cursor is not None), (q, len(refs))
            if cursor is None:
                return refs, costs
    def copied():
        """The copy written: a first search asks for it, its event's effect writes it. Once per module: after
        that, the tables as they were then are put back, and their lead signs in again."""
        from support import moto_snapshot
        if _COPIED:
            from chalicelib.handlers.accounts import auth
            moto_snapshot.restore(_COPIED["tables"])
            lead[0] = Person(_COPIED["lead"], auth.start_session(deps, _COPIED["lead"], deps.clock()))
        else:
            search("HB50003")
            assert run_stream(deps, "landlord_claims_old") == []
            _COPIED.update(tables=moto_snapshot.taken(), lead=lead[0].user)
        assert deps.landlords.copy(ASSOCIATION, "claim-digests") is not None
    search.every, search.copied = every, copied
    return search


def test_a_claim_is_found_by_its_address_as_printed_by_any_part_of_it_and_by_the_tenants_full_name(
        association):
    at_264 = paid(lambda c: c["address"].endswith(", 264 Heworth Green, York"))
    eli_oakes = paid(lambda c: c["tenant"] == "Eli Oakes")
    assert len(at_264) == 6 and ELI_OAKES_AT_264 in eli_oakes and len(eli_oakes) == 4
    for source in ("the back office's list", "the copy's index"):
        if source == "the copy's index":
            association.copied()
        for q, expected in (("Flat 5, 264 Heworth Green, York", {ELI_OAKES_AT_264}),
                            ("Flat 5, 264 Heworth Green, York, YO31 7TQ", {ELI_OAKES_AT_264}),
                            ("flat 5 264 heworth green", {ELI_OAKES_AT_264}),
                            ("264 Heworth Green", at_264),
                            ("264 Heworth Green, York YO31 7TQ", at_264),
                            ("Eli Oakes", eli_oakes), ("eli  OAKES", eli_oakes),
                            ("HB51973", {ELI_OAKES_AT_264})):
            refs, _ = association.every(q)
            assert sorted(refs) == sorted(expected), (source, q)
        found = association("Flat 5, 264 Heworth Green, York").json_body
        assert found["claims"][0]["tenant"] == "Eli Oakes" and found["stale"] is False
        assert association("Flat 1, 264 Heworth Green").json_body["claims"][0]["claim_ref"] == "HB51969"
        assert association("Flat 12, 264 Heworth Green").json_body["claims"] == []  # number 264's 12th is Tang Hall Lane


def test_a_landlord_pages_through_every_claim_on_a_street_each_page_costing_what_it_shows(association):
    association.copied()
    street = paid(lambda c: "Heworth Green" in c["address"])
    assert len(street) == 252
    refs, costs = association.every("Heworth Green")
    assert len(refs) == len(set(refs)) and set(refs) == street  # every one, once, over six pages
    assert [shown for shown, _ in costs] == [50, 50, 50, 50, 50, 2]
    for shown, (queries, items) in costs:
        # the page and one more; the caller's session, user and membership, the organisation, the marker
        assert items <= shown + 1 + 5 and queries <= 3, costs


def test_a_tenant_named_green_on_heworth_green_is_listed_once_and_a_cursor_answers_only_its_own_search(
        association):
    association.copied()
    greens = paid(lambda c: c["tenant"].endswith(" Green") or "Heworth Green" in c["address"])
    both = paid(lambda c: c["tenant"].endswith(" Green") and "Heworth Green" in c["address"])
    assert both  # named Green and living on Heworth Green: found twice by a naive search
    refs, _ = association.every("green")
    assert len(refs) == len(set(refs)) and set(refs) == greens
    first = association("green").json_body
    assert first["claims"][0]["tenant"].endswith("Green")  # names first, then addresses
    for q, cursor in (("Heworth Green", first["next_cursor"]), ("green", "not-a-cursor"), ("green", "x" * 3000)):
        refused = association(q, cursor, ok=False)
        assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "cursor", q
