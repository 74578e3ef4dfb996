"""Through the residents' routes an officer gets what their roles allow and nothing else, as on the desks:
a container request opens to its resident and the containers desk's officers, a hall booking to its hirer
and the halls desk's; an officer of another desk is told what any other resident is (404) and changes
nothing. An officer who opens one says why (the Access-Reason header), and the reading is audited."""
from urllib.parse import quote

from chalicelib.auth.principal import Principal
from chalicelib.handlers.containers import routes as container_routes  # noqa: F401  (payment hook, effects)
from chalicelib.handlers.hire import routes as hire_routes  # noqa: F401
from support.containers_support import ask, stocked_home
from support.hire_support import NOW, at, book, pay_for, tuesdays
from support.pay_support import pay  # noqa: F401  (the local provider)

WHY = {"Access-Reason": "Caller asked where their box is"}


def test_a_revenues_officer_can_neither_read_nor_cancel_a_residents_container_request(client, deps, people):
    stocked_home(deps)
    resident, revenues = people(), people("staff", roles=["revenues"])
    made = ask(client, resident, reason="damaged_by_crew").json_body
    path = f"/v1/waste/containers/requests/{made['id']}"

    read = client.get(path, {**revenues.auth, **WHY})
    assert (read.status_code, read.json_body["error"]["code"]) == (404, "request_not_found")
    assert made["address"] not in read.body.decode()
    cancelled = client.post(f"{path}/cancel", {"reason": "Caller changed their mind"}, {**revenues.auth, **WHY})
    assert (cancelled.status_code, cancelled.json_body["error"]["code"]) == (404, "request_not_found")
    assert deps.containers.get(made["id"]).status == "confirmed"
    assert deps.audit.entries(made["id"]) == []


def test_a_customer_services_officer_cannot_read_a_hall_booking_and_a_halls_officer_can(client, deps, people, pay):
    hirer = people()
    who = Principal(user_id=hirer.user.id, role="resident", email=hirer.user.email)
    made = book(at(deps, NOW, who), tuesdays(weeks=2))
    pay_for(at(deps, NOW, who), made)
    path = f"/v1/hire/bookings/{made['id']}"
    front_desk, halls = people("staff", roles=["customer_services"]), people("staff", roles=["halls"])

    refused = client.get(path, {**front_desk.auth, **WHY})
    assert (refused.status_code, refused.json_body["error"]["code"]) == (404, "booking_not_found")
    assert "Tang Hall Chess Club" not in refused.body.decode()
    opened = client.get(path, {**halls.auth, **WHY})
    assert opened.status_code == 200, opened.body
    assert opened.json_body["hirer_name"] == "Tang Hall Chess Club"
    assert client.get(path, hirer.auth).status_code == 200  # its hirer, who needs no reason


def test_an_officer_of_the_desk_says_why_before_a_request_opens_and_the_reading_is_audited(client, deps, people):
    stocked_home(deps)
    resident, officer = people(), people("staff", roles=["street_scene"], email="sam.streets@council.example")
    made = ask(client, resident, reason="damaged_by_crew").json_body
    path = f"/v1/waste/containers/requests/{made['id']}"

    unsaid = client.get(path, officer.auth)
    assert unsaid.status_code == 400, unsaid.body
    assert unsaid.json_body["error"]["fields"] == [
        {"field": "Access-Reason", "message": "Say why you are opening it, in 5 characters or more: it is kept "
                                             "in the audit."}]
    assert deps.audit.entries(made["id"]) == []

    said = "Caller’s box was crushed – on the phone now"  # typed as people type: curly quote, en dash
    opened = client.get(path, {**officer.auth, "Access-Reason": quote(said)})
    assert opened.status_code == 200, opened.body
    assert opened.json_body["address"] == made["address"]
    [entry] = deps.audit.entries(made["id"])
    assert (entry.action, entry.by_email, entry.reason) == ("read", "sam.streets@council.example", said)
    assert client.get(path, resident.auth).status_code == 200
    assert len(deps.audit.entries(made["id"])) == 1  # its own resident's reading is theirs, not audited


def test_the_reporters_contact_at_the_desk_needs_a_reason_and_its_reading_is_in_the_reports_audit(client, people):
    from conftest import pothole
    made = client.post("/v1/reports", pothole()).json_body
    officer = people("staff", roles=["street_scene"], email="sam.streets@council.example")
    path = f"/v1/staff/reports/{made['id']}"
    withheld = client.get(path, officer.auth)
    assert withheld.status_code == 200, withheld.body
    assert withheld.json_body["contact"] is None and withheld.json_body["contact_withheld"] is True
    assert "ada@example.org" not in withheld.body.decode()
    shown = client.get(path, {**officer.auth, "Access-Reason": "Ringing Ada back about the cones"})
    assert shown.json_body["contact"]["email"] == "ada@example.org" and shown.json_body["contact_withheld"] is False
    [entry] = client.get(f"{path}/audit", officer.auth).json_body["entries"]
    assert (entry["action"], entry["by"], entry["reason"], entry["changes"]) == (
        "read", "sam.streets@council.example", "Ringing Ada back about the cones",
        {"read": {"before": None, "after": "The reporter's contact details"}})
