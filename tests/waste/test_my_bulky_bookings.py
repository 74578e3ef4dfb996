"""My Account lists a resident's own bulky bookings, newest first, with what
the screen needs to link each to its change screen (a change waiting for its
payment shown without reading the payment): one Query, whatever others hold."""
import uuid

from support.pay_support import confirmed_booking, pay  # noqa: F401


def test_a_resident_sees_their_own_bookings_and_a_change_waiting_for_payment(client, deps, people, pay):
    from chalicelib.storage.metering import metered
    made, resident = confirmed_booking(client, deps, people)
    other, _ = confirmed_booking(client, deps, people)
    assert client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"items": ["sofa", "fridge"]},
                       {**resident.auth, "Idempotency-Key": str(uuid.uuid4())}).status_code == 200
    from chalicelib.handlers.waste.bookings import mine as listed
    with metered() as meter:
        listed(deps, resident.user.id)
    answer = client.get("/v1/me/bulky-bookings", resident.auth)
    assert answer.status_code == 200
    (mine,) = answer.json_body["bookings"]
    assert (mine["id"], mine["status"], mine["pending_change"]["difference_text"]) == (made["id"], "confirmed",
                                                                                      "£10.00")
    assert other["id"] not in answer.body.decode()
    assert meter.operations == ["Query"]
    assert client.get("/v1/me/bulky-bookings").status_code == 401
