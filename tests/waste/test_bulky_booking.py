"""Bulky collections: what can be collected and for how much (integer pence,
a minimum charge), which days a property is offered (its round's days in the
window, before each cut-off, with places left), and a booking made once
however often it is sent."""
import dataclasses
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from chalicelib.handlers.waste.dates import cut_off
from support.bins_support import HOME
from support.pay_support import home_with_round, pay  # noqa: F401

LONDON = ZoneInfo("Europe/London")

CATALOGUE = {"items": [{"id": "sofa", "name": "Sofa", "price": 1500}, {"id": "chair", "name": "Chair", "price": 400}],
             "minimum_charge": 2000, "max_items": 3, "capacity_per_day": 2, "window_days": 28}


def booking_body(day, items=("sofa",), **extra):
    from support.bins_support import HOME
    return {"uprn": HOME, "date": day, "items": list(items), **extra}


def offered(client, uprn):
    answer = client.get(f"/v1/places/{uprn}/bulky/dates")
    assert answer.status_code == 200, answer.body
    return answer.json_body["dates"]


def test_anyone_reads_the_catalogue_with_prices_in_whole_pence(client):
    answer = client.get("/v1/waste/bulky/items")
    body = answer.json_body
    assert answer.status_code == 200 and answer.headers["ETag"] == '"0"'
    assert body["currency"] == "GBP" and body["max_items"] == 5 and body["minimum_charge"] == 2500
    assert all(isinstance(i["price"], int) for i in body["items"])


def test_an_administrator_replaces_the_catalogue_naming_the_version_they_read(client, people):
    admin, staff = people("admin"), people("staff")
    assert client.raw.http.request("PUT", "/v1/waste/bulky/items", body=str.encode(__import__("json").dumps(
        CATALOGUE)), headers={**staff.auth, "Content-Type": "application/json", "If-Match": '"0"'}).status_code == 403
    saved = put(client, admin, CATALOGUE, '"0"')
    assert saved.status_code == 200 and saved.headers["ETag"] == '"1"'
    assert client.get("/v1/waste/bulky/items").json_body["items"] == CATALOGUE["items"]
    stale = put(client, admin, {**CATALOGUE, "max_items": 4}, '"0"')
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    assert stale.json_body["current"]["version"] == 1
    assert put(client, admin, CATALOGUE, None).status_code == 428


def put(client, person, body, if_match):
    import json
    headers = {**person.auth, "Content-Type": "application/json", **({"If-Match": if_match} if if_match else {})}
    return client.raw.http.request("PUT", "/v1/waste/bulky/items", body=json.dumps(body).encode(), headers=headers)


@pytest.mark.parametrize("price", [12.5, "1500", -1, True, None, 100_001])
def test_a_price_that_is_not_whole_pence_is_refused_by_field(client, people, price):
    bad = {**CATALOGUE, "items": [{"id": "sofa", "name": "Sofa", "price": price}]}
    answer = put(client, people("admin"), bad, '"0"')
    assert answer.status_code == 400
    assert [f["field"] for f in answer.json_body["error"]["fields"]] == ["items[0].price"]


def on_a_tuesday_round(deps):
    """The home on a Tuesday refuse round: in May 2026 its collections follow May Day
    (Monday 4) and the Spring bank holiday (Monday 25)."""
    from support.bins_support import HOME, store_home, store_rounds, weekly_round
    store_rounds(deps, weekly_round("REF-TUE", "refuse", 1))
    store_home(deps, {"refuse": "REF-TUE"})
    return HOME


def days_offered_at(deps, moment):
    from chalicelib.handlers.waste import dates
    offers = dates.offered(dataclasses.replace(deps, clock=lambda: moment), HOME)["dates"]
    assert all(o["places_left"] == 20 and o["weekday"] == "Tuesday" for o in offers)
    return [date.fromisoformat(o["date"]) for o in offers]


def test_the_days_offered_are_the_round_s_days_up_to_28_days_ahead_by_the_council_s_clock(deps):
    on_a_tuesday_round(deps)
    # Tuesday 5 May at noon: 2 June is 28 days ahead, the window's last day.
    assert days_offered_at(deps, datetime(2026, 5, 5, 12, tzinfo=LONDON)) == [
        date(2026, 5, 12), date(2026, 5, 19), date(2026, 5, 26), date(2026, 6, 2)]
    # The day before (May Day): 2 June is 29 days ahead, and 5 May's cut-off was Friday 1 May.
    assert days_offered_at(deps, datetime(2026, 5, 4, 12, tzinfo=LONDON)) == [
        date(2026, 5, 12), date(2026, 5, 19), date(2026, 5, 26)]


def test_a_day_s_cut_off_is_14_00_the_working_day_before_across_a_weekend_and_a_bank_holiday(deps, people):
    from chalicelib.handlers.waste import bookings
    on_a_tuesday_round(deps)
    after_the_holiday = date(2026, 5, 26)  # the Tuesday after the Spring bank holiday
    assert cut_off(after_the_holiday, deps.calendar) == datetime(2026, 5, 22, 14, tzinfo=LONDON)  # Friday, 14:00 BST
    assert after_the_holiday in days_offered_at(deps, datetime(2026, 5, 22, 13, 59, tzinfo=LONDON))
    for moment in (datetime(2026, 5, 22, 14, tzinfo=LONDON), datetime(2026, 5, 23, 9, tzinfo=LONDON),
                   datetime(2026, 5, 25, 9, tzinfo=LONDON), datetime(2026, 5, 26, 6, 59, tzinfo=LONDON)):
        assert after_the_holiday not in days_offered_at(deps, moment), moment
    too_late = dataclasses.replace(deps, clock=lambda: datetime(2026, 5, 22, 14, tzinfo=LONDON),
                                   principal=_principal(people()))
    with pytest.raises(Exception) as refused:
        bookings.create(too_late, booking_body(after_the_holiday.isoformat()), None)
    assert refused.value.code == "date_not_offered" and refused.value.status == 422


def test_a_day_past_its_cut_off_is_no_longer_offered_nor_bookable(client, deps, people):
    from chalicelib.handlers.waste import bookings, dates
    uprn = home_with_round(deps)
    first = date.fromisoformat(offered(client, uprn)[0]["date"])
    # 14:00 London on the working day before (a Friday, or earlier over a bank holiday).
    moment = cut_off(first, deps.calendar)
    assert moment.astimezone(__import__("zoneinfo").ZoneInfo("Europe/London")).hour == 14
    at_cut_off = dataclasses.replace(deps, clock=lambda: moment, principal=_principal(people()))
    assert first.isoformat() not in [d["date"] for d in dates.offered(at_cut_off, uprn)["dates"]]
    with pytest.raises(Exception) as refused:
        bookings.create(at_cut_off, booking_body(first.isoformat()), None)
    assert refused.value.code == "date_not_offered" and refused.value.status == 422


def _principal(person):
    from chalicelib.auth.principal import Principal
    return Principal(user_id=person.user.id, role="resident", email=person.user.email)


# More items than the council's catalogue takes, or one not on it: its rules, not the document's (422).
@pytest.mark.parametrize("body,field,status", [
    ({"items": []}, "items", 400), ({"items": ["sofa"] * 6}, "items", 422), ({"items": ["piano"]}, "items[0]", 422),
    ({"date": "next monday"}, "date", 400), ({"uprn": "12ab"}, "uprn", 400), ({"location": "x" * 201}, "location", 400),
    ({"price": 1}, "price", 400)])
def test_a_booking_with_bad_input_is_refused_by_field_never_a_500(client, deps, people, body, field, status):
    uprn = home_with_round(deps)
    answer = client.post("/v1/waste/bulky/bookings", {**booking_body(offered(client, uprn)[0]["date"]), **body},
                         people().auth)
    assert answer.status_code == status, answer.body
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]]


def test_an_empty_booking_is_told_every_missing_part_in_its_own_words(client, deps, people):
    uprn = home_with_round(deps)
    answer = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "items": [], "location": "x" * 201}, people().auth)
    assert answer.status_code == 400
    assert answer.json_body["error"]["fields"] == [
        {"field": "date", "message": "Choose a day for the collection"},
        {"field": "items", "message": "Choose between 1 and 5 items"},
        {"field": "location", "message": "Where you will leave the items must be 200 characters or fewer"}]


def test_a_day_that_is_not_the_round_s_is_refused(client, deps, people):
    uprn = home_with_round(deps)
    tuesday = date.fromisoformat(offered(client, uprn)[0]["date"]) + timedelta(days=1)
    answer = client.post("/v1/waste/bulky/bookings", booking_body(tuesday.isoformat()), people().auth)
    assert answer.status_code == 422 and answer.json_body["error"]["code"] == "date_not_offered"
    assert answer.json_body["error"]["fields"] == [
        {"field": "date", "message": "Choose one of the days offered for this address"}]


def test_the_price_is_the_items_sum_or_the_minimum_charge(client, deps, people, pay):
    uprn = home_with_round(deps, capacity=5)
    day = offered(client, uprn)[0]["date"]
    one = client.post("/v1/waste/bulky/bookings", booking_body(day, ["chair"]), people().auth).json_body
    three = client.post("/v1/waste/bulky/bookings", booking_body(day, ["sofa", "sofa", "fridge"]),
                        people().auth).json_body
    assert (one["amount"], three["amount"]) == (2500, 5000)
    assert [p["amount"] for p in pay.payments.values()] == [2500, 5000]


def test_the_same_booking_sent_again_with_its_idempotency_key_is_made_and_charged_once(client, deps, people, pay):
    uprn, resident = home_with_round(deps), people()
    day, key = offered(client, uprn)[0]["date"], str(uuid.uuid4())
    headers = {**resident.auth, "Idempotency-Key": key}
    first = client.post("/v1/waste/bulky/bookings", booking_body(day), headers)
    again = client.post("/v1/waste/bulky/bookings", booking_body(day), headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers["Idempotent-Replayed"] == "true" and again.json_body["id"] == first.json_body["id"]
    assert again.json_body["payment"]["next_url"] == first.json_body["payment"]["next_url"]
    assert len(pay.payments) == 1 and offered(client, uprn)[0]["places_left"] == 19
    other = client.post("/v1/waste/bulky/bookings", booking_body(day, ["chair"]), headers)
    assert other.status_code == 422 and other.json_body["error"]["code"] == "idempotency_key_reused"


def test_the_resident_who_asks_for_a_full_day_is_told_at_once(client, deps, people, pay):
    uprn = home_with_round(deps, capacity=2)
    day = offered(client, uprn)[0]["date"]
    made = [client.post("/v1/waste/bulky/bookings", booking_body(day), people().auth) for _ in range(3)]
    assert [m.status_code for m in made] == [201, 201, 409]
    assert made[2].json_body["error"]["code"] == "slot_full"
    assert offered(client, uprn)[0]["places_left"] == 0 and len(pay.payments) == 2


def test_a_booking_is_its_resident_s_and_the_bulky_desk_s_only(client, deps, people, pay):
    uprn, resident = home_with_round(deps), people()
    made = client.post("/v1/waste/bulky/bookings", booking_body(offered(client, uprn)[0]["date"]),
                       resident.auth).json_body
    path = f"/v1/waste/bulky/bookings/{made['id']}"
    assert client.get(path, resident.auth).status_code == 200
    why = {"Access-Reason": "Caller asked what is booked"}
    assert client.get(path, {**people("staff").auth, **why}).status_code == 200
    assert client.get(path, {**people("staff", roles=["halls"]).auth, **why}).status_code == 404
    other = client.get(path, people().auth)
    assert other.status_code == 404 and other.json_body["error"]["code"] == "booking_not_found"
    assert client.post(path + "/cancel", {}, people().auth).status_code == 404


def test_a_paid_booking_cannot_be_cancelled_after_its_cut_off(client, deps, people, pay):
    from chalicelib.handlers.waste import bookings
    uprn, resident = home_with_round(deps), people()
    made = client.post("/v1/waste/bulky/bookings", booking_body(offered(client, uprn)[0]["date"]),
                       resident.auth).json_body
    deps.bulky.confirm(made["id"], deps.clock())
    moment = cut_off(date.fromisoformat(made["date"]), deps.calendar)
    late = dataclasses.replace(deps, clock=lambda: moment, principal=_principal(resident))
    with pytest.raises(Exception) as refused:
        bookings.cancel(late, made["id"])
    assert (refused.value.status, refused.value.code) == (422, "past_cut_off")
    assert deps.bulky.get(made["id"]).status == "confirmed"


def test_a_resident_s_bookings_are_in_their_data_export_and_nobody_else_s(client, deps, people, pay):
    uprn, resident, other = home_with_round(deps), people(), people()
    made = client.post("/v1/waste/bulky/bookings", booking_body(offered(client, uprn)[0]["date"]),
                       resident.auth).json_body
    exported = client.get("/v1/me/export", resident.auth).json_body["bulky_bookings"]
    assert [(b["id"], b["amount"], b["status"]) for b in exported] == [(made["id"], 2500, "held")]
    assert client.get("/v1/me/export", other.auth).json_body["bulky_bookings"] == []
