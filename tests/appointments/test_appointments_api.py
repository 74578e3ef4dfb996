"""The booking journey over HTTP: services, free slots, a hold, the
questions answered, booked; the errors in the one shape."""
import time_machine

from support.appointments_support import TUESDAY_8AM, load_demo


def test_a_resident_books_a_housing_options_interview_over_http(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada = people("resident")
        services = client.get("/v1/appointments/services").json_body["services"]
        assert "housing-options" in [s["id"] for s in services]
        slots = client.get("/v1/appointments/services/housing-options/slots?days=7").json_body["slots"]
        first = slots[0]
        assert (first["start"], first["text"]) == ("2026-12-22T10:00:00Z", "Tuesday 22 December 2026 at 10am")
        held = client.post("/v1/appointments/holds", {"service_id": "housing-options", "start": first["start"]},
                           {**ada.auth, "Idempotency-Key": "hold-0000-0001"})
        assert held.status_code == 201 and held.json_body["status"] == "held", held.json_body
        appointment_id = held.json_body["id"]
        refused = client.post(f"/v1/appointments/{appointment_id}/book", {"answers": {}}, ada.auth)
        assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "answers.reason"
        booked = client.post(f"/v1/appointments/{appointment_id}/book",
                             {"answers": {"reason": "I may become homeless"}, "phone": "07700 900123"},
                             {**ada.auth, "Idempotency-Key": "book-0000-0001"})
        assert booked.status_code == 201 and booked.json_body["status"] == "booked", booked.json_body
        assert booked.json_body["place"].startswith("West Offices") and booked.json_body["mode"] == "in_person"
        other = people("resident")
        taken = client.post("/v1/appointments/holds", {"service_id": "housing-options", "start": first["start"]},
                            other.auth)
        assert taken.status_code == 409 and taken.json_body["error"]["code"] == "just_taken"
        assert len(taken.json_body["nearest"]) == 3
        assert client.get(f"/v1/appointments/{appointment_id}", other.auth).status_code == 404


def test_bad_slot_requests_get_the_one_error_shape(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada = people("resident")
        for body, status in (({"service_id": "housing-options", "start": "tomorrow"}, 400),
                             ({"service_id": "housing-options", "start": "2026-12-22T10:00:00"}, 400),
                             ({"service_id": "nothing-here", "start": "2026-12-22T10:00:00Z"}, 404),
                             ({"service_id": "housing-options", "start": "2026-12-25T10:00:00Z"}, 422)):
            answer = client.post("/v1/appointments/holds", body, ada.auth)
            assert answer.status_code == status and {"code", "message"} <= set(answer.json_body["error"])
        assert client.get("/v1/appointments/services/housing-options/slots?days=99").status_code == 400


def test_fields_of_the_wrong_type_are_refused_never_a_500(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada, officer = people("resident"), people("staff")
        odd = [["housing-options"], {"a": 1}, 7, None]
        for value in odd:
            for path, who, body in (
                    ("/v1/appointments/holds", ada, {"service_id": value, "start": value, "calendar_id": value}),
                    ("/v1/appointments/cancel", None, {"token": value}),
                    ("/v1/appointments/move", None, {"token": value, "start": value, "calendar_id": value}),
                    ("/v1/appointments/waiting-list", ada, {"service_id": value, "before": value,
                                                            "calendar_id": value, "phone": value}),
                    ("/v1/staff/appointments", officer, {"service_id": value, "start": value, "name": value,
                                                         "answers": value, "phone": value, "channel": value}),
                    ("/v1/staff/appointments/blocks", officer, {"calendar_id": value, "from": value, "to": value}),
                    ("/v1/staff/appointments/AP-23456789/mark", officer, {"status": value})):
                answer = client.post(path, body, who.auth if who else {})
                assert 400 <= answer.status_code < 500, (path, value, answer.status_code, answer.json_body)


def test_a_landline_for_the_waiting_lists_texts_breaks_the_mobile_rule_and_a_number_of_no_shape_the_document(
        client, deps, people):
    """The document gives a number's shape and says in words that it must be a UK mobile (the OpenAPI
    fuzzing met a number it called valid refused as malformed): a landline is a 422 naming the rule, a
    number of no shape a 400, as the document says."""
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada = people("resident")
        asked = {"service_id": "housing-options", "before": "2026-12-31T10:00:00Z"}
        landline = client.post("/v1/appointments/waiting-list", {**asked, "phone": "01904 551550"}, ada.auth)
        assert landline.status_code == 422, landline.json_body
        assert landline.json_body["error"]["fields"][0]["field"] == "phone"
        shapeless = client.post("/v1/appointments/waiting-list", {**asked, "phone": "call me"}, ada.auth)
        assert shapeless.status_code == 400 and shapeless.json_body["error"]["fields"][0]["field"] == "phone"
        mobile = client.post("/v1/appointments/waiting-list", {**asked, "phone": "07700 900123"}, ada.auth)
        assert mobile.status_code == 201, mobile.json_body


def test_a_note_on_a_block_is_refused_where_it_was_dropped_unread(client, deps, people):
    """The document took a block's `note`, and the desk neither kept nor showed it: an officer's words lost
    with a 200. A block takes no note now, and one sent is named."""
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        officer = people("staff")
        sent = client.post("/v1/staff/appointments/blocks", {
            "calendar_id": "west-offices-housing-1", "from": "2026-12-23T09:00:00Z", "to": "2026-12-23T12:00:00Z",
            "note": "Training morning"}, officer.auth)
    assert sent.status_code == 400, sent.json_body
    assert [f["field"] for f in sent.json_body["error"]["fields"]] == ["note"]
