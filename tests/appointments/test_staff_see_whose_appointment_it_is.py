"""The officer's day names each resident (their account's name when the
booking form gave none) and, for a call, the number to call; a caller by
phone cannot book a call with no number. What anyone holding a message's
link sees never says whose it is."""
import json

import time_machine

from chalicelib.auth.principal import Principal
from chalicelib.handlers.appointments.desk import day_list
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, load_demo
from support.officers import all_roles

WEDNESDAY_MORNING, WEDNESDAY_CALL = "2026-12-23T10:30:00Z", "2026-12-23T11:00:00Z"


def booked(client, person, service_id, start, **body):
    held = client.post("/v1/appointments/holds", {"service_id": service_id, "start": start}, person.auth)
    assert held.status_code == 201, held.json_body
    return client.post(f"/v1/appointments/{held.json_body['id']}/book", body, person.auth)


def test_the_day_list_names_each_resident_and_the_number_to_call_for_a_call_back(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada, bob = people("resident", name="Ada Lovelace"), people("resident", name="Bob Caller")
        officer = people("staff")
        made = booked(client, ada, "housing-options", WEDNESDAY_MORNING, answers={"reason": "I want to move"})
        assert made.status_code == 201, made.json_body
        no_number = booked(client, bob, "council-tax-call-back", WEDNESDAY_CALL)
        assert no_number.status_code == 400
        assert no_number.json_body["error"]["fields"] == [
            {"field": "phone", "message": "Enter the mobile number we should call you on."}]
        call = booked(client, bob, "council-tax-call-back", WEDNESDAY_CALL, phone="07700 900456")
        assert call.status_code == 201, call.json_body
        day = client.get("/v1/staff/appointments/day?date=2026-12-23", officer.auth)
        assert day.status_code == 200
        assert [(a["start"], a["name"], a["mode"], a["phone"]) for a in day.json_body["appointments"]] == [
            (WEDNESDAY_MORNING, "Ada Lovelace", "in_person", None),
            (WEDNESDAY_CALL, "Bob Caller", "phone", "+447700900456")]
        assert client.get("/v1/staff/appointments/day?date=2026-12-23", ada.auth).status_code == 403
        desk = deps.replace(principal=Principal(user_id=officer.user.id, role="staff", roles=all_roles()))
        with metered() as cost:
            listed = day_list(desk, {"date": "2026-12-23"})["appointments"]
        # The setup's Query (9 rows) and one page of by_day (the day's 2): the names ride on the rows.
        assert (len(listed), cost.calls, cost.queries, cost.items) == (2, 2, 2, 9 + 2)
        print(f"\nThe day list with names: {cost.calls} calls, {cost.items} items read for 2 appointments")


def test_a_message_link_shows_the_appointment_but_never_whose_it_is(client, deps, people, monkeypatch):
    monkeypatch.setenv("DOORSTEP_BODY_LINK_SECRET", "appointment-links-" + "k" * 32)  # the client runs as "dev"
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada = people("resident", name="Ada Lovelace")
        made = booked(client, ada, "council-tax-call-back", WEDNESDAY_CALL, phone="07700 900456",
                      answers={"account": "12345678"})
        assert made.status_code == 201, made.json_body
        mine = client.get("/v1/me/appointments", ada.auth)
        assert mine.status_code == 200, mine.json_body
        links = mine.json_body["appointments"][0]["links"]
        move_token, cancel_token = links["move"].split("move=")[1], links["cancel"].split("cancel=")[1]
        private = ("Ada Lovelace", "900456", ada.user.email, "12345678")
        answers = [client.get(f"/v1/appointments/manage?move={move_token}"),
                   client.post("/v1/appointments/move", {"token": move_token, "start": "2026-12-23T11:15:00Z"})]
        cancel_token = client.get("/v1/me/appointments", ada.auth).json_body["appointments"][0]["links"][
            "cancel"].split("cancel=")[1]
        answers.append(client.post("/v1/appointments/cancel", {"token": cancel_token}))
        for answer in answers:
            assert answer.status_code == 200, answer.json_body
            shown = json.dumps(answer.json_body)
            assert not [p for p in private if p in shown], shown
        assert answers[1].json_body["start"] == "2026-12-23T11:15:00Z" and answers[2].json_body["status"] == "cancelled"
