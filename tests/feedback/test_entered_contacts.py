"""Phone and face-to-face contacts the council enters per service and month (issue 72, item 4): they count
towards take-up alone. Entered by the officers the service's desk opens to (or an administrator), set to a
value with the version read (If-Match), so the same month sent again never doubles; each change audited."""
from datetime import datetime, timezone

import pytest
import time_machine

from support.councils_support import put

NOW = datetime(2026, 11, 27, 11, 0, tzinfo=timezone.utc)
OCTOBER = "/v1/staff/figures/halls/contacts/2026-10"


@pytest.fixture
def halls(people):
    with time_machine.travel(NOW, tick=True):
        return people("staff", roles=["halls"], email="halls@york.example.gov.uk")


def _put(client, who, body, version, path=OCTOBER):
    with time_machine.travel(NOW, tick=True):
        return put(client, path, body, {**who.auth, "If-Match": f'"{version}"'})


def _october(client):
    return client.get("/v1/figures?year=2026").json_body["services"]["halls"][6]


def test_a_months_contacts_are_set_not_added_so_sending_them_again_does_not_double(client, deps, halls):
    deps.feedback.add("2026-10", "halls", {"finished_online": 60, "started_online": 80})
    first = _put(client, halls, {"phone": 30, "face_to_face": 10}, 0)
    assert first.status_code == 200, first.json_body
    assert first.headers["ETag"] == '"1"'
    assert first.json_body == {"service": "halls", "month": "2026-10", "phone": 30, "face_to_face": 10, "version": 1}
    again = _put(client, halls, {"phone": 30, "face_to_face": 10}, 0)  # a retry of the same month
    assert again.status_code == 200 and again.json_body["version"] == 1
    october = _october(client)
    assert (october["counts"]["phone"], october["counts"]["face_to_face"], october["transactions"]) == (30, 10, 100)
    assert october["digital_take_up"] == 60.0 and october["completion_rate"] == 75.0  # starts are online alone

    stale = _put(client, halls, {"phone": 45, "face_to_face": 10}, 0)
    assert stale.status_code == 409 and stale.json_body["current"]["phone"] == 30
    changed = _put(client, halls, {"phone": 45, "face_to_face": 10}, 1)
    assert changed.status_code == 200 and changed.json_body["version"] == 2
    assert _october(client)["counts"]["phone"] == 45
    trail = deps.audit.entries("contacts#halls#2026-10")
    assert [(e.by_email, e.changes) for e in trail] == [
        ("halls@york.example.gov.uk", {"phone": [0, 30], "face_to_face": [0, 10]}),
        ("halls@york.example.gov.uk", {"phone": [30, 45]})]
    with time_machine.travel(NOW, tick=True):
        year = client.get("/v1/staff/figures/halls/contacts?year=2026", halls.auth)
    assert year.status_code == 200
    assert year.json_body["months"][6] == {"month": "2026-10", "phone": 45, "face_to_face": 10, "version": 2}
    assert year.json_body["months"][0] == {"month": "2026-04", "phone": 0, "face_to_face": 0, "version": 0}


def test_only_the_services_desk_and_administrators_enter_its_contacts(client, people, halls):
    with time_machine.travel(NOW, tick=True):
        bills = people("staff", roles=["revenues"])
        admin = people("admin")
        resident = people("resident")
    assert _put(client, bills, {"phone": 1, "face_to_face": 0}, 0).status_code == 403
    assert _put(client, resident, {"phone": 1, "face_to_face": 0}, 0).status_code == 403
    assert _put(client, admin, {"phone": 1, "face_to_face": 0}, 0).status_code == 200
    assert _put(client, halls, {"phone": 2, "face_to_face": 0}, 1).status_code == 200


@pytest.mark.parametrize("path, body, field", [
    (OCTOBER, {"phone": -1, "face_to_face": 0}, "phone"),
    (OCTOBER, {"phone": 1.5, "face_to_face": 0}, "phone"),
    (OCTOBER, {"phone": "12", "face_to_face": 0}, "phone"),
    (OCTOBER, {"phone": True, "face_to_face": 0}, "phone"),
    (OCTOBER, {"phone": 12}, "face_to_face"),
    (OCTOBER, {"phone": 12, "face_to_face": 1, "post": 3}, "post"),
    (OCTOBER, [12, 1], "body"),
])
def test_counts_that_are_not_whole_numbers_are_refused_at_their_field(client, halls, path, body, field):
    refused = _put(client, halls, body, 0, path)
    assert refused.status_code == 400, refused.json_body
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == [field]


def test_a_year_of_contacts_asked_for_as_no_whole_number_is_refused_naming_the_field(client, halls):
    with time_machine.travel(NOW, tick=True):
        half = client.get("/v1/staff/figures/halls/contacts?year=2026.5", halls.auth)
    assert half.status_code == 400 and [f["field"] for f in half.json_body["error"]["fields"]] == ["year"]


def test_a_month_not_yet_begun_is_refused_as_having_no_contacts_yet(client, halls):
    refused = _put(client, halls, {"phone": 1, "face_to_face": 1}, 0, "/v1/staff/figures/halls/contacts/2026-12")
    assert refused.status_code == 422
    assert refused.json_body["error"]["fields"][0]["field"] == "month"
    assert _put(client, halls, {"phone": 1, "face_to_face": 1}, 0,
                "/v1/staff/figures/halls/contacts/2026-11").status_code == 200  # the month begun counts so far


def test_an_unknown_service_or_month_is_not_found_and_a_change_needs_the_version_read(client, halls):
    with time_machine.travel(NOW, tick=True):
        assert put(client, OCTOBER, {"phone": 1, "face_to_face": 1}, halls.auth).status_code == 428
    assert _put(client, halls, {"phone": 1, "face_to_face": 1}, 0,
                "/v1/staff/figures/ferries/contacts/2026-10").status_code == 404
    assert _put(client, halls, {"phone": 1, "face_to_face": 1}, 0,
                "/v1/staff/figures/halls/contacts/2026-13").status_code == 404


def test_two_officers_changing_a_month_from_the_same_version_at_once_change_it_once(client, deps, people, halls):
    from support.racing import at_once
    assert _put(client, halls, {"phone": 20, "face_to_face": 10}, 0).status_code == 200
    with time_machine.travel(NOW, tick=True):
        other = people("staff", roles=["halls"])
    answers = at_once(lambda racer: _put(client, racer[0], {"phone": racer[1], "face_to_face": 10}, 1),
                      [(halls, 35), (other, 60)])
    assert sorted(a.status_code for a in answers) == [200, 409]
    won = next(a for a in answers if a.status_code == 200).json_body["phone"]
    assert _october(client)["counts"]["phone"] == won
    assert [e.changes for e in deps.audit.entries("contacts#halls#2026-10")][1:] == [{"phone": [20, won]}]


def test_a_services_year_of_contacts_reads_its_own_twelve_months_not_every_services(deps):
    from chalicelib.handlers.feedback.figures import months_of
    from chalicelib.storage import metering
    for service in ("halls", "bills", "bulky", "reports"):
        for month in months_of(2026):
            deps.feedback.add(month, service, {"finished_online": 3})
    with metering.metered() as cost:
        entered = deps.contacts.year(months_of(2026), "halls")
    assert len(entered) == 12 and cost.items <= 12  # a Query of the year read all four services' 48
