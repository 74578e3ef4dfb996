"""Staff take a bulky booking for a caller: by card, not present, through the
same provider (GOV.UK Pay's MOTO: the officer opens the card page), or with
the charge waived for a reason kept on the booking; never twice for one key."""
import uuid

from support.pay_support import SUCCESS, home_with_round, pay, pay_with  # noqa: F401


def take(client, officer, body, key=None):
    return client.post("/v1/staff/waste/bulky/bookings", body,
                       {**officer.auth, "Idempotency-Key": key or str(uuid.uuid4())})


def a_day(client, uprn):
    return client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]


def test_a_caller_s_card_is_keyed_in_on_the_provider_s_page_as_a_card_not_present_payment(
        client, deps, people, pay):
    uprn, officer = home_with_round(deps), people("staff", email="sam.staff@council.example")
    body = {"uprn": uprn, "date": a_day(client, uprn), "items": ["sofa", "fridge"], "payment": "card",
            "caller_email": "caller@example.org", "location": "Front garden"}
    key = str(uuid.uuid4())
    made = take(client, officer, body, key)
    assert made.status_code == 201, made.body
    booking = made.json_body
    assert booking["status"] == "held" and booking["taken_by"]["payment"] == "card"
    assert booking["taken_by"]["by"] == "sam.staff@council.example"
    assert take(client, officer, body, key).json_body["id"] == booking["id"]  # a retry: the same booking
    provider_payment = pay.payments[deps.payments.get(booking["payment"]["id"]).provider_id]
    assert provider_payment["moto"] is True and provider_payment["amount"] == 3500
    back = pay_with(booking["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    seen = client.get(f"/v1/waste/bulky/bookings/{booking['id']}",
                      {**officer.auth, "Access-Reason": "Caller paying on the phone"}).json_body
    assert seen["status"] == "confirmed" and seen["payment"]["status"] == "success"
    mail = deps.accounts.messages_to(["caller@example.org"])
    assert len(mail) == 1 and "Total paid: £35.00" in mail[0]["body"]
    assert client.get(f"/v1/waste/bulky/bookings/{booking['id']}", people().auth).status_code == 404


def test_a_waived_booking_is_confirmed_at_once_with_no_payment_and_its_reason_kept(client, deps, people, pay):
    uprn, officer = home_with_round(deps), people("staff")
    day = a_day(client, uprn)
    made = take(client, officer, {"uprn": uprn, "date": day, "items": ["sofa"], "payment": "waived",
                                  "reason": "Assisted collection: resident is housebound"})
    assert made.status_code == 201, made.body
    booking = made.json_body
    assert (booking["status"], booking["payment"]) == ("confirmed", None)
    assert booking["taken_by"]["reason"] == "Assisted collection: resident is housebound"
    assert booking["taken_by"]["by"] == officer.user.email and booking["taken_by"]["at"]
    assert pay.payments == {}  # the provider never heard of it
    assert deps.bulky.taken("REF-MON", [day]) == {day: 1}
    assert deps.bulky.get(booking["id"]).due == "remind"  # reminded and made a crew job like any other


def test_a_staff_booking_is_told_what_is_wrong_and_residents_may_not_take_one(client, deps, people, pay):
    uprn, officer = home_with_round(deps), people("staff")
    day = a_day(client, uprn)
    cases = [({"payment": "waived"}, "reason"), ({"payment": "card", "reason": "x"}, "reason"),
             ({"payment": "cash"}, "payment"), ({"payment": "card", "caller_email": "not an address"}, "caller_email"),
             ({"payment": "card", "colour": "red"}, "colour")]
    for extra, field in cases:
        answer = take(client, officer, {"uprn": uprn, "date": day, "items": ["sofa"], **extra})
        assert answer.status_code == 400, (extra, answer.body)
        assert field in [f["field"] for f in answer.json_body["error"]["fields"]], (extra, answer.body)
    resident = take(client, people(), {"uprn": uprn, "date": day, "items": ["sofa"], "payment": "waived",
                                       "reason": "Free please"})
    assert resident.status_code == 403
    assert deps.bulky.taken("REF-MON", [day]) == {day: 0}
