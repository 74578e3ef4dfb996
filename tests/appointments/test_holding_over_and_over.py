"""Abuse: one resident holding times and letting them go over and over is
throttled (429 in the one error shape, with Retry-After); the time they
hold last stays theirs, and another resident still holds at once."""
import time_machine

from support.appointments_support import TUESDAY_8AM, load_demo


def test_a_resident_holding_and_letting_go_over_and_over_meets_429_and_keeps_the_last(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada, bob = people("resident"), people("resident")
        slots = client.get("/v1/appointments/services/housing-options/slots?days=7").json_body["slots"]
        held = [client.post("/v1/appointments/holds", {"service_id": "housing-options", "start": s["start"],
                                                       "calendar_id": s["calendar_id"]}, ada.auth)
                for s in slots[:11]]
        assert [h.status_code for h in held] == [201] * 10 + [429]
        refused = held[-1]
        assert refused.json_body["error"]["code"] == "too_many_requests"
        assert "appointment holds" in refused.json_body["error"]["message"]
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        last = client.get(f"/v1/appointments/{held[9].json_body['id']}", ada.auth).json_body
        assert last["status"] == "held"  # the refused hold let nothing go
        assert client.post("/v1/appointments/holds", {"service_id": "housing-options", "start": slots[10]["start"],
                                                      "calendar_id": slots[10]["calendar_id"]},
                           bob.auth).status_code == 201
    with time_machine.travel(TUESDAY_8AM.replace(minute=1, second=1), tick=False):
        again = client.post("/v1/appointments/holds", {"service_id": "housing-options", "start": slots[11]["start"],
                                                       "calendar_id": slots[11]["calendar_id"]}, ada.auth)
        assert again.status_code == 201  # a minute on, a resident choosing slowly holds again
