"""Spammers meet limits: a client making reports, uploads or alerts too
fast, or asking for mail and texts to many unproven addresses, gets 429 with
Retry-After; staff and Open311 partners are not held back."""
import http.client
import json
from datetime import datetime, timedelta, timezone

import pytest

from conftest import pothole
from support.served import served  # noqa: F401 (fixture)

BURST = 12


@pytest.fixture(autouse=True)
def bursts_within_one_minute(monkeypatch):
    """The service's clock starts each test 5 s into a minute and moves on a
    millisecond each time it is read, however slowly the machine runs: a burst
    that straddled two fixed windows would get two allowances (on a loaded
    machine 122 map reads took over a minute of real time)."""
    import itertools
    from chalicelib import ids
    start = datetime.now(timezone.utc).replace(second=5, microsecond=0)
    ticks = itertools.count()

    class Stepped(datetime):
        @classmethod
        def now(cls, tz=None):
            moment = start + timedelta(milliseconds=next(ticks))
            return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

    monkeypatch.setattr(ids, "datetime", Stepped)


def assert_too_many(response):
    assert response.status_code == 429, response.body
    assert response.json_body["error"]["code"] == "too_many_requests"
    assert 1 <= int(response.headers["Retry-After"]) <= 3600


def statuses(responses):
    return [r.status_code for r in responses]


def test_a_burst_of_anonymous_reports_meets_429_and_a_signed_in_neighbour_still_reports(client, people):
    made = [client.post("/v1/reports", pothole()) for _ in range(BURST)]
    assert statuses(made) == [201] * 10 + [429] * 2
    assert_too_many(made[-1])
    neighbour = people()  # the same address: a resident's allowance is their own
    assert client.post("/v1/reports", pothole(), neighbour.auth).status_code == 201


def test_a_signed_in_resident_has_the_same_limit_on_their_account(client, people):
    resident = people()
    made = [client.post("/v1/reports", pothole(), resident.auth) for _ in range(BURST)]
    assert statuses(made) == [201] * 10 + [429] * 2


def test_staff_and_open311_partners_are_not_limited_this_way(client, people, monkeypatch):
    from support.open311_support import API_KEY, graffiti, post_form
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)
    officer = people("staff")
    assert statuses(client.post("/v1/reports", pothole(), officer.auth) for _ in range(15)) == [201] * 15
    posted = [post_form(client, "/open311/v2/requests.json", graffiti(lat="53.96", long="-1.08"))
              for _ in range(15)]
    assert statuses(posted) == [200] * 15


def test_a_burst_of_photo_uploads_meets_429(client):
    asked = [client.post("/v1/uploads", {"content_type": "image/jpeg", "size": 1000}) for _ in range(32)]
    assert statuses(asked) == [201] * 30 + [429] * 2


def test_one_client_cannot_mail_many_unproven_addresses(client):
    from support.alert_support import area, outbox_to
    asked = [client.post("/v1/alerts", {**area(), "channels": ["email"], "email": f"victim{n}@example.org"})
             for n in range(8)]
    assert statuses(asked) == [201] * 5 + [429] * 3
    assert_too_many(asked[-1])
    assert sum(len(outbox_to(f"victim{n}@example.org")) for n in range(8)) == 5
    from chalicelib.storage.alerts.alerts import AlertModel
    assert AlertModel.count() == 5  # a refused request stores nothing


def test_one_client_cannot_text_many_unproven_numbers(client):
    from support.alert_support import area
    from chalicelib.storage.outbox import OutboxModel
    asked = [client.post("/v1/alerts", {**area(), "channels": ["sms"], "phone": f"07700 90045{n}"})
             for n in range(5)]
    assert statuses(asked) == [201] * 2 + [429] * 3
    assert [m.channel for m in OutboxModel.scan()] == ["sms", "sms"]


def test_registration_and_reset_mail_share_the_clients_allowance(client):
    answers = [client.post("/v1/auth/register", {"email": f"new{n}@example.org", "password": "correct horse battery",
                                                 "name": "New Resident"}) for n in range(4)]
    answers += [client.post("/v1/auth/password-reset", {"email": f"new{n}@example.org"}) for n in range(3)]
    assert statuses(answers) == [202] * 5 + [429] * 2


def test_texts_to_unproven_numbers_have_a_limit_for_everyone_together(client, people, monkeypatch):
    from support.alert_support import area
    monkeypatch.setenv("DOORSTEP_SMS_PER_HOUR", "3")
    residents = [people() for _ in range(4)]  # four clients, each well inside its own allowance
    asked = [client.post("/v1/alerts", {**area(), "channels": ["sms"], "phone": f"07700 90046{n}"}, r.auth)
             for n, r in enumerate(residents)]
    assert statuses(asked) == [201] * 3 + [429]
    assert "too many text messages" in asked[-1].json_body["error"]["message"]


def post_from(server, source, path, body):
    """POST from a given loopback address: every 127.x address reaches the server."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10, source_address=(source, 0))
    try:
        conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json",
                                                                    "X-Forwarded-For": "198.51.100.7"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_limits_count_each_address_apart_and_ignore_forwarded_headers(served):
    first = [post_from(served, "127.0.0.2", "/v1/reports", pothole()) for _ in range(BURST)]
    assert first == [201] * 10 + [429] * 2
    assert post_from(served, "127.0.0.3", "/v1/reports", pothole()) == 201


def test_a_script_asking_for_the_map_without_end_meets_429_and_a_resident_panning_does_not(client, people):
    bbox = "-1.10,53.95,-1.07,53.97"
    asked = [client.get(f"/v1/reports?bbox={bbox}") for _ in range(122)]
    assert statuses(asked) == [200] * 120 + [429] * 2
    assert_too_many(asked[-1])
    resident = people()  # the same address: a signed-in resident's allowance is their own
    assert client.get(f"/v1/reports?bbox={bbox}", resident.auth).status_code == 200
