"""The desk's answers an officer acts on: a block names the calendar and the
times it blocked, a phone call-back is never marked arrived, and the
questions carry the officer's own words beside the resident's."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.catalogue import services
from chalicelib.handlers.appointments.desk import block, book_for_caller, mark
from chalicelib.handlers.appointments.setup import problems_of
from support.appointments_support import TUESDAY_8AM, book, hold, resident
from tests.appointments.test_officer_desk import officer


def test_a_block_names_its_calendar_and_the_times_it_blocked(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, "2026-12-23T10:30:00Z").id)
    done = block(officer(demo), {"calendar_id": "west-offices-housing-1", "from": "2026-12-23T09:00:00Z",
                                 "to": "2026-12-23T12:00:00Z"})
    assert done["calendar_name"] == "Housing options desk 1"
    assert done["blocked_starts"] == ["2026-12-23T09:00:00Z", "2026-12-23T09:45:00Z", "2026-12-23T11:15:00Z"]


def test_a_phone_call_back_is_marked_seen_or_missed_never_arrived(demo):
    desk = officer(demo)
    made, _ = book_for_caller(desk, {"service_id": "council-tax-call-back", "start": "2026-12-22T11:00:00Z",
                                     "name": "Cal Caller", "phone": "07700 900333"}, "caller-key-0002")
    with pytest.raises(ApiError) as walked_in:
        mark(desk, made["id"], {"status": "arrived"})
    assert (walked_in.value.status, walked_in.value.code) == (422, "not_in_person")
    assert mark(desk, made["id"], {"status": "seen"})["status"] == "seen"


def test_each_question_has_the_officers_words_beside_the_residents(demo):
    [account] = next(s for s in services(demo)["services"] if s["id"] == "council-tax-call-back")["questions"]
    assert account["label"].startswith("Your council tax account number")
    assert account["staff_label"] == "Their council tax account number, if they know it"
    listed = services(demo)["services"]
    assert all(q.get("staff_label") and not q["staff_label"].startswith(("Your", "Do you", "What would you"))
               for s in listed for q in s["questions"])


def test_a_setup_whose_staff_label_is_not_text_is_refused():
    import json
    from doorstep_cli.appointments import DEMO
    document = json.loads(DEMO.read_text())
    document["services"][0]["questions"][0]["staff_label"] = {"en": "words"}
    assert [f for f, _ in problems_of(document)] == ["services[0].questions[0].staff_label"]
