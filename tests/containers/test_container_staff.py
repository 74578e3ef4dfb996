"""Staff and container requests: the requests by status and depot, a
caller's request cancelled with a reason, and each depot's stock restocked
or written off with If-Match, audited, never counted twice; an empty depot
says so before any payment, for staff as for residents."""
from chalicelib.handlers.containers import routes  # noqa: F401  (registers the payment hook and effects)
from support.containers_support import ask, stocked_home
from support.pay_support import pay  # noqa: F401
from support.racing import at_once

STOCK = "/v1/staff/waste/containers/stock/main"


def restock(client, officer, add, version, container="recycling-box", reason="Delivery from the supplier"):
    return client.post(f"{STOCK}/{container}", {"add": add, "reason": reason},
                       {**officer.auth, "If-Match": f'"{version}"'})


def box(client, officer):
    return next(c for c in client.get(STOCK, officer.auth).json_body["containers"] if c["container"] == "recycling-box")


def test_staff_list_requests_by_status_and_depot_newest_first(client, deps, people):
    stocked_home(deps)
    officer, resident = people("staff"), people()
    first = ask(client, resident, reason="damaged_by_crew").json_body
    second = ask(client, resident, container="refuse-bin", reason="damaged_by_crew").json_body
    listed = client.get("/v1/staff/waste/containers/requests?status=confirmed&depot=main", officer.auth)
    assert listed.status_code == 200, listed.body
    assert [r["id"] for r in listed.json_body["requests"]] == [second["id"], first["id"]]
    assert client.get("/v1/staff/waste/containers/requests?status=held", officer.auth).json_body["requests"] == []
    elsewhere = client.get("/v1/staff/waste/containers/requests?depot=north", officer.auth)
    assert elsewhere.status_code == 404 and elsewhere.json_body["error"]["code"] == "depot_not_found"
    bad = client.get("/v1/staff/waste/containers/requests?status=lost&limit=0", officer.auth)
    assert bad.status_code == 400 and {f["field"] for f in bad.json_body["error"]["fields"]} == {"status", "limit"}
    assert client.get("/v1/staff/waste/containers/requests", resident.auth).status_code == 403


def test_a_restock_is_counted_once_however_often_it_is_sent_and_audited(client, deps, people):
    stocked_home(deps, count=0)
    officer = people("staff")
    before = box(client, officer)
    assert (before["count"], before["version"], before["audit"]) == (0, 0, [])
    answers = at_once(lambda n: restock(client, officer, 40, 0), range(5))  # a retried press, on a barrier
    assert sorted(a.status_code for a in answers) == [200] + [409] * 4
    stale = next(a for a in answers if a.status_code == 409)
    assert stale.json_body["error"]["code"] == "edit_conflict" and stale.json_body["current"]["count"] == 40
    after = box(client, officer)
    assert (after["count"], after["version"]) == (40, 1)
    [entry] = after["audit"]
    assert entry["by"] == officer.user.email and entry["add"] == 40 and entry["seen"] == 0
    assert entry["reason"] == "Delivery from the supplier"
    written_off = restock(client, officer, -3, 1, reason="Cracked in the yard")
    assert written_off.status_code == 200 and written_off.json_body["count"] == 37
    assert written_off.headers["ETag"] == '"2"'
    assert [a["add"] for a in box(client, officer)["audit"]] == [-3, 40]  # newest first


def test_a_stock_change_needs_if_match_a_reason_and_never_goes_below_nothing(client, deps, people):
    stocked_home(deps, count=0)
    officer, resident = people("staff"), people()
    no_match = client.post(f"{STOCK}/recycling-box", {"add": 5, "reason": "x"}, officer.auth)
    assert no_match.status_code == 428
    for body, field in (({"add": 5}, "reason"), ({"add": True, "reason": "x"}, "add"),
                        ({"add": 5, "reason": "x", "colour": "red"}, "colour"), ({"add": 5, "reason": "  "}, "reason")):
        answer = client.post(f"{STOCK}/recycling-box", body, {**officer.auth, "If-Match": '"0"'})
        assert answer.status_code == 400 and field in [f["field"] for f in answer.json_body["error"]["fields"]], body
    for add, code in ((0, "nothing_to_change"), (-1, "not_enough_stock")):  # rules the document says in words
        refused = restock(client, officer, add, 0)
        assert refused.status_code == 422 and refused.json_body["error"]["code"] == code
    assert restock(client, officer, 5, 0, container="golden-bin").json_body["error"]["code"] == "container_not_found"
    assert restock(client, resident, 5, 0).status_code == 403
    assert box(client, officer)["count"] == 0


def test_an_empty_depot_is_said_before_staff_take_a_paid_request_and_a_restock_lets_them(client, deps, people, pay):
    stocked_home(deps, count=0)
    officer = people("staff")
    body = {"uprn": "990000000501", "container": "recycling-box", "reason": "missing", "payment": "card"}
    refused = client.post("/v1/staff/waste/containers/requests", body, officer.auth)
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "out_of_stock"
    assert len(pay.payments) == 0  # the provider was never asked
    assert restock(client, officer, 10, 0).status_code == 200
    taken = client.post("/v1/staff/waste/containers/requests", body, officer.auth)
    assert taken.status_code == 201 and taken.json_body["payment"]["next_url"]
    assert box(client, officer)["count"] == 9


def test_staff_cancel_a_caller_s_request_with_their_reason_kept(client, deps, people):
    stocked_home(deps)
    officer = people("staff")
    taken = client.post("/v1/staff/waste/containers/requests",
                        {"uprn": "990000000501", "container": "refuse-bin", "reason": "missing", "payment": "waived",
                         "waive_reason": "Hardship"}, officer.auth).json_body
    answer = client.post(f"/v1/waste/containers/requests/{taken['id']}/cancel", {"reason": "Caller found the bin"},
                         officer.auth)
    assert answer.status_code == 200 and answer.json_body["status"] == "cancelled"
    assert answer.json_body["cancelled_by"]["reason"] == "Caller found the bin"
    listed = client.get("/v1/staff/waste/containers/requests?status=cancelled", officer.auth).json_body["requests"]
    assert [r["id"] for r in listed] == [taken["id"]]


def test_a_caller_s_card_payment_brings_the_officer_back_to_the_request_on_the_desk(client, deps, people, pay):
    from chalicelib.handlers.containers.settling import page
    stocked_home(deps)
    officer, resident = people("staff"), people()
    body = {"uprn": "990000000501", "container": "recycling-box", "reason": "missing", "payment": "card"}
    taken = client.post("/v1/staff/waste/containers/requests", body, officer.auth)
    assert taken.status_code == 201, taken.body
    own = ask(client, resident, container="refuse-bin").json_body
    assert own["status"] == "held"
    payment_of = deps.payments.get
    assert page(deps, payment_of(taken.json_body["payment"]["id"])) == f"/staff/containers/{taken.json_body['id']}"
    assert page(deps, payment_of(own["payment"]["id"])) == f"/containers/{own['id']}"  # a resident: their own


def test_staff_read_a_request_with_its_delivery_job_and_residents_only_its_reference(client, deps, people):
    stocked_home(deps)
    officer, resident = people("staff"), people()
    made = ask(client, resident, reason="damaged_by_crew").json_body  # free: confirmed, its job made at once
    assert made["status"] == "confirmed" and made["job_id"] == made["id"]
    listed = client.get("/v1/staff/waste/containers/requests", officer.auth).json_body["requests"]
    assert [r["job_id"] for r in listed] == [made["id"]]  # each row links to its job
    seen = client.get(f"/v1/waste/containers/requests/{made['id']}",
                      {**officer.auth, "Access-Reason": "Crew asked when it is due"})
    assert seen.status_code == 200, seen.body
    job = seen.json_body["job"]
    assert job["id"] == made["id"] and job["team"] == "waste" and job["due"] == made["delivery_date"]
    assert job["status"] == deps.jobs.get(made["id"]).status
    assert "job" not in client.get(f"/v1/waste/containers/requests/{made['id']}", resident.auth).json_body


def test_a_depot_has_a_name_and_shows_its_count_s_last_change_whatever_made_it(client, deps, people):
    stocked_home(deps, count=24)
    officer, resident = people("staff"), people()
    stock = client.get(STOCK, officer.auth).json_body
    assert stock["depot_names"] == {"main": "Hazel Court depot"}
    assert box(client, officer)["moved"]["what"] == "counted" and box(client, officer)["audit"] == []
    made = ask(client, resident, reason="damaged_by_crew").json_body
    shelf = box(client, officer)
    assert shelf["count"] == 23 and shelf["audit"] == []  # no staff change, yet the count moved: said so
    assert {k: shelf["moved"][k] for k in ("what", "add", "request")} == {"what": "ordered", "add": -1,
                                                                          "request": made["id"]}
    client.post(f"/v1/waste/containers/requests/{made['id']}/cancel", {}, resident.auth)
    assert {k: box(client, officer)["moved"][k] for k in ("what", "add")} == {"what": "cancelled", "add": 1}
    assert restock(client, officer, 6, 0).status_code == 200
    assert {k: box(client, officer)["moved"][k] for k in ("what", "add", "by")} == {
        "what": "staff", "add": 6, "by": officer.user.email}
    listed = client.get("/v1/staff/waste/containers/requests", officer.auth).json_body
    assert listed["depot_names"] == {"main": "Hazel Court depot"}
