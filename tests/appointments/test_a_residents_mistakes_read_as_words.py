"""What a resident booking on a phone is told when something is wrong reads
as the council would say it (GOV.UK's error words), never as a validator's."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.leaving import mine as leave
from support.appointments_support import TUESDAY_8AM, book, hold, resident


def refused(asked):
    with pytest.raises(ApiError) as caught:
        asked()
    return {f["field"]: f["message"] for f in caught.value.fields} or {"": caught.value.message}


def test_a_residents_mistakes_when_booking_are_said_in_words(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    assert refused(lambda: hold(ada, "2026-12-25T10:30:00Z")) == {  # Christmas Day
        "start": "That time cannot be booked now. Choose another time."}
    held = hold(ada, "2026-12-23T10:30:00Z")
    assert refused(lambda: book(ada, held.id, phone="call me")) == {
        "phone": "Enter a UK mobile number, like 07700 900123."}
    assert refused(lambda: book(ada, held.id, answers={"reason": "Something else", "needs": "x" * 301})) == {
        "answers.needs": "Your answer must be 300 characters or fewer."}
    assert refused(lambda: book(ada, held.id, phone=None, email="ada at home")) == {
        "email": "Enter an email address, like name@example.com."}
    assert refused(lambda: leave(ada, "housing-options")) == {
        "": "You are no longer on the waiting list for this service."}
