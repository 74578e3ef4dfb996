"""Linking a council tax account: the bill's details, the same answer for a
missing account and a wrong detail, attempts limited, every link audited,
each jointly liable person alone, unlinking."""
import statistics
import time

import pytest

from chalicelib.handlers.revenues import limits
from support.revenues_support import (ANN, BILLS, BRIAN, CAROL, DEV, EVE, JOINT, NEW_BUILD, OLD_HOME, SAM, SHARED,
                                     link, linked)
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)


@pytest.fixture
def resident(people, civica, council_morning):
    return people


def test_a_resident_links_with_the_details_on_their_bill_and_sees_only_their_own_links(client, resident):
    carol, other = resident(), resident()
    made = linked(client, carol, BILLS[CAROL])
    assert made["reference"] == BILLS[CAROL]["reference"]
    assert client.get("/v1/me/council-tax", carol.auth).json_body["links"] == [made]
    assert client.get("/v1/me/council-tax", other.auth).json_body["links"] == []
    assert client.get(f"/v1/me/council-tax/{made['id']}", other.auth).status_code == 404


def test_linking_the_same_account_again_is_the_same_link(client, resident):
    dev = resident()
    first = linked(client, dev, BILLS[DEV])
    again = link(client, dev, BILLS[DEV])
    assert (again.status_code, again.json_body) == (200, first)


def test_a_mistyped_reference_is_refused_at_once_without_asking_the_back_office(client, resident, civica):
    answer = link(client, resident(), {**BILLS[CAROL], "reference": "500234547"})  # two digits swapped
    assert answer.status_code == 422  # of the document's shape; its check digit is the rule in words
    assert [f["field"] for f in answer.json_body["error"]["fields"]] == ["reference"]
    assert civica.calls == []


def test_fewer_than_two_checks_are_refused_before_the_back_office(client, resident, civica):
    answer = link(client, resident(), {"reference": JOINT, "name": "Ann Hartley", "postcode": "YO1 7HH"})
    assert answer.status_code == 422 and civica.calls == []


def test_each_jointly_liable_person_links_alone_as_themselves(client, resident, deps):
    ann, brian = resident(), resident()
    for person, who in ((ann, ANN), (brian, BRIAN)):
        made = linked(client, person, BILLS[who])
        assert deps.revenue_links.link(person.user.id, made["id"]).person_ref == who
    assert sorted(k.person_ref for k in deps.revenue_links.links_of_account(JOINT)) == [ANN, BRIAN]


def test_the_fifth_jointly_liable_person_of_a_shared_house_links_as_themselves(client, resident, deps):
    sam = resident()
    made = linked(client, sam, BILLS[SAM])
    assert made["reference"] == SHARED
    assert deps.revenue_links.link(sam.user.id, made["id"]).person_ref == SAM


def test_a_joint_payers_phone_does_not_link_the_other_person(client, resident):
    # Brian's phone digits with Ann's name: every check must belong to the person named.
    answer = link(client, resident(), {"reference": JOINT, "name": "Ann Hartley", "phone_last3": "871",
                                       "postcode": "YO1 7HH"})
    assert answer.status_code == 422


def test_a_new_build_without_a_band_can_be_linked(client, resident):
    eve = resident()
    made = linked(client, eve, BILLS[EVE])
    view = client.get(f"/v1/me/council-tax/{made['id']}", eve.auth).json_body
    assert view["property"]["band"] is None and view["reference"] == NEW_BUILD


def test_an_unknown_account_and_a_wrong_check_answer_alike(client, resident, civica, monkeypatch):
    """The same answer after the same work (back-office calls and DynamoDB
    operations, exactly), so the time differs by no more than its own noise."""
    from chalicelib.storage import metering
    asked = []  # every DynamoDB operation, whichever meter counts it (the middleware has its own)
    recorded = metering.Meter.record
    monkeypatch.setattr(metering.Meter, "record", lambda self, operation, *rest: (
        asked.append(operation), recorded(self, operation, *rest)))
    monkeypatch.setattr(limits, "PER_CLIENT", (1000, limits.PER_CLIENT[1]))
    monkeypatch.setattr(limits, "PER_REFERENCE", (1000, limits.PER_REFERENCE[1]))
    monkeypatch.setattr(limits, "PER_USER", (1000, limits.PER_USER[1]))
    guesser = resident()
    tries = {"wrong": {**BILLS[ANN], "online_key": "HRT4-7QMD"},
             "unknown": {**BILLS[ANN], "reference": "500000018"}}  # a valid check digit, no such account
    answers, work, times = {}, {}, {"wrong": [], "unknown": []}
    for _ in range(15):
        for kind, body in tries.items():
            civica.calls.clear()
            asked.clear()
            started = time.perf_counter()
            answer = link(client, guesser, body)
            times[kind].append(time.perf_counter() - started)
            answers[kind] = (answer.status_code, answer.body)
            work[kind] = (list(civica.calls), list(asked))
    assert answers["wrong"] == answers["unknown"] and answers["wrong"][0] == 422
    assert work["wrong"] == work["unknown"] and len(work["wrong"][0]) == 4 and len(work["wrong"][1]) >= 5
    wrong, missing = statistics.median(times["wrong"]), statistics.median(times["unknown"])
    quartiles = statistics.quantiles(times["wrong"] + times["unknown"], n=4)
    assert abs(wrong - missing) <= quartiles[2] - quartiles[0], (wrong, missing, quartiles)


def test_an_unknown_reference_answered_in_an_odd_shape_is_the_same_422_as_a_wrong_check(client, resident, civica):
    civica.odd_unknowns = True  # cocrmper answers neither SetPerson nor an error code
    guesser = resident()
    wrong = link(client, guesser, {**BILLS[ANN], "online_key": "HRT4-7QMD"})
    wrong_calls = list(civica.calls)
    civica.calls.clear()
    unknown = link(client, guesser, {**BILLS[ANN], "reference": "500000018"})
    assert (unknown.status_code, unknown.body) == (wrong.status_code, wrong.body) and wrong.status_code == 422
    assert civica.calls == wrong_calls == ["crmlogin", "cocrmper", "ctxdet", "ctxprop"]


def guessed_references(count):
    """Valid-looking references (right check digit), as a guesser would make them."""
    from chalicelib.handlers.revenues.references import check_digit
    found, n = [], 0
    while len(found) < count:
        first = f"5{n:07d}"
        if check_digit(first) is not None:
            found.append(f"{first}{check_digit(first)}")
        n += 1
    return found


def test_a_thousand_guesses_from_one_client_get_nowhere(client, resident, civica):
    guesser = resident()
    statuses = [link(client, guesser, {**BILLS[ANN], "reference": reference}).status_code
                for reference in guessed_references(1000)]
    allowed = limits.PER_CLIENT[0]
    assert statuses[:allowed] == [422] * allowed
    assert statuses[allowed:] == [429] * (1000 - allowed)
    assert civica.calls.count("crmlogin") == allowed  # the rest never reached the back office


def test_the_right_details_are_refused_too_once_the_reference_has_been_guessed_at(client, resident, monkeypatch):
    monkeypatch.setattr(limits, "PER_CLIENT", (1000, limits.PER_CLIENT[1]))
    for n in range(limits.PER_REFERENCE[0]):
        assert link(client, resident(), {**BILLS[DEV], "online_key": f"X{n}"}).status_code == 422
    assert link(client, resident(), BILLS[DEV]).status_code == 429


def test_unlinking_removes_the_link_and_both_are_audited(client, resident, deps):
    dev = resident()
    made = linked(client, dev, BILLS[DEV])
    assert client.raw.http.delete(f"/v1/me/council-tax/{made['id']}", headers=dev.auth).status_code == 204
    assert client.get("/v1/me/council-tax", dev.auth).json_body["links"] == []
    audit = deps.revenue_links.audit(BILLS[DEV]["reference"])
    assert [(a["action"], a["user_id"]) for a in audit] == [("linked", dev.user.id), ("unlinked", dev.user.id)]


def test_a_back_office_that_is_down_while_linking_is_a_503_with_retry_after(client, resident, civica):
    civica.down = True
    answer = link(client, resident(), BILLS[CAROL])
    assert answer.status_code == 503 and answer.headers["Retry-After"]
    assert answer.json_body["error"]["code"] == "back_office_unavailable"


def test_the_export_holds_my_links_and_erasing_me_removes_them_and_their_copies(client, resident, deps):
    carol = resident()
    made = linked(client, carol, BILLS[CAROL])
    client.get(f"/v1/me/council-tax/{made['id']}", carol.auth)
    assert client.get("/v1/me/export", carol.auth).json_body["council_tax_links"] == [made]
    assert client.raw.http.delete("/v1/me", headers=carol.auth).status_code == 204
    assert deps.revenue_links.links(carol.user.id) == [] and deps.revenue_links.cached(made["id"]) is None
    assert [a["action"] for a in deps.revenue_links.audit(BILLS[CAROL]["reference"])] == ["linked", "unlinked"]


def test_the_export_holds_every_copy_kept_with_rent_and_erasing_me_leaves_no_copy_anywhere(client, resident, deps):
    """Dev's two accounts (his home and the one he moved from), each viewed: two kept copies, each with his
    rent and benefit claim; the export shows both, and erasing him leaves none in the views table."""
    from chalicelib.storage.revenues.revenues import RevenueViewModel
    dev = resident()
    mine = [linked(client, dev, BILLS[DEV]),
            linked(client, dev, {"reference": OLD_HOME, "name": "Dev Patel", "online_key": "PTL1-6MVA",
                                 "phone_last3": "315"})]
    for made in mine:
        assert client.get(f"/v1/me/council-tax/{made['id']}", dev.auth).status_code == 200
    copies = client.get("/v1/me/export", dev.auth).json_body["council_tax_copies"]
    assert sorted(c["link_id"] for c in copies) == sorted(m["id"] for m in mine)
    assert all(c["account"]["rent_accounts"][0]["reference"] == "R0448105" for c in copies)
    assert all(c["account"]["benefit_claims"][0]["number"] == "HB40721" for c in copies)
    assert client.raw.http.delete("/v1/me", headers=dev.auth).status_code == 204
    kept = {row.link_id for row in RevenueViewModel.scan(consistent_read=True)}  # a test may scan
    assert kept.isdisjoint(m["id"] for m in mine)


def test_four_presses_of_link_at_once_make_one_link_and_one_audit_entry(client, resident, deps):
    from support.racing import at_once
    dev = resident()
    answers = at_once(lambda _: link(client, dev, BILLS[DEV]), range(4))
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 201]
    assert len({a.json_body["id"] for a in answers}) == 1
    assert len(deps.revenue_links.links(dev.user.id)) == 1
    assert [a["action"] for a in deps.revenue_links.audit(BILLS[DEV]["reference"])] == ["linked"]
