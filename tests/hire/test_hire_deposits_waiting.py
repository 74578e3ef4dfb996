"""The desk's list of deposits waiting for the officer's check: confirmed
bookings whose sessions have all ended with the deposit still held, the
longest waiting first, each linking to its check. It is one Query of a
sparse index the bookings enter when confirmed and leave when checked, so
it reads what it lists and nothing of the bookings still to come."""
from datetime import datetime

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.hire_support import LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401

LATER = datetime(2027, 12, 1, 9, tzinfo=LONDON)  # a Wednesday: the Tuesdays of 23 and 30 November have ended


def paid(deps, body):
    who = resident()
    made = book(at(deps, NOW, who), body)
    assert pay_for(at(deps, NOW, who), made).status == "confirmed"
    return made, who


def waiting(deps, moment=LATER):
    from chalicelib.handlers.hire.staff import deposits_waiting
    return deposits_waiting(at(deps, moment, resident(role="staff")))["bookings"]


def test_ended_bookings_with_their_deposit_held_are_listed_longest_waiting_first_and_leave_once_checked(deps, pay):
    from chalicelib.handlers.hire.cancelling import cancel_session, return_deposit
    from chalicelib.handlers.hire.staff import take
    later, _ = paid(deps, tuesdays(weeks=1, first="2027-11-30"))
    first, _ = paid(deps, tuesdays(weeks=1, first="2027-11-23", hirer_name="Yoga for All"))
    mornings, club = paid(deps, tuesdays(weeks=3, first="2027-11-23", start="10:00", hours=1))
    ahead, _ = paid(deps, tuesdays(weeks=1, first="2027-12-14"))  # not ended yet
    book(at(deps, NOW), tuesdays(weeks=1, first="2027-11-25"))  # held, never paid: no deposit taken
    take(at(deps, NOW, resident(role="staff")), {**tuesdays(weeks=1, first="2027-11-26"), "payment": "waived",
                                                 "waive_reason": "Polling station"}, None)  # no deposit
    assert [b["id"] for b in waiting(deps)] == [first["id"], later["id"]]  # the mornings run to 7 December
    cancel_session(at(deps, NOW, club), mornings["id"], "2027-12-07")  # their last now 30 November, 11:00
    listed = waiting(deps)
    assert [b["id"] for b in listed] == [first["id"], mornings["id"], later["id"]]
    assert listed[0] == {"id": first["id"], "place": "tang-hall-main-hall",
                         "place_name": "Tang Hall Community Centre: main hall", "hirer_name": "Yoga for All",
                         "hirer_type": "community", "deposit": 10000, "ended": "2027-11-23T20:00:00Z"}
    return_deposit(at(deps, LATER, resident(role="staff")), first["id"], {"returned": 10000, "reason": "Clean"})
    assert [b["id"] for b in waiting(deps)] == [mornings["id"], later["id"]]
    assert ahead["id"] in [b["id"] for b in waiting(deps, datetime(2027, 12, 14, 20, 0, 1, tzinfo=LONDON))]


def test_the_list_reads_one_query_of_what_it_lists_however_many_bookings_are_still_to_come(deps, pay, capsys):
    from test_hire_read_costs import measure, report
    from chalicelib.handlers.hire.staff import deposits_waiting
    ended, _ = paid(deps, tuesdays(weeks=1, first="2027-11-23"))
    for n in range(6):  # six more paid, every one still to come
        paid(deps, tuesdays(weeks=1, first="2027-12-14", start=f"{10 + n:02d}:00", hours=1))
    officer = at(deps, LATER, resident(role="staff"))
    figures = measure(lambda: deposits_waiting(officer))
    assert figures["operations"] == ["GetItem", "Query"]  # the places' item, the sparse index
    assert figures["items"] == 1 and figures["units"] <= 1.5, figures  # the one ended; none of the six
    report(capsys, "DynamoDB reads of the desk's deposits to check (1 ended, 6 to come):",
           {"deposits waiting": figures})
    assert [b["id"] for b in deposits_waiting(officer)["bookings"]] == [ended["id"]]
