"""A maintenance block closed by mistake is removed by staff: its hours are
free again at once (the free hours and a booking see them straight away),
who closed it and who opened it again are kept on the block, removing it
twice answers the same, and a block that is not one is a 404."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from support.hire_support import HALL, NOW, at, book, resident, tuesdays
from support.pay_support import pay  # noqa: F401

EVENING = {"date": "2027-11-23", "start": "18:00", "hours": 2, "reason": "Roof leak: contractor's ladder"}


def officer(deps, n=None):
    return at(deps, NOW, resident(n, role="staff"))


def free_at(deps, day, time):
    from chalicelib.handlers.hire.times import free
    days = {d["date"]: d for d in free(at(deps, NOW), HALL, {"from": day, "days": 1})["days"]}
    return next(h["free"] for h in days[day]["hours"] if h["start"].endswith(f"T{int(time[:2]):02d}:00:00Z"))


def test_a_block_removed_frees_its_hours_at_once_and_a_resident_can_book_them(deps, pay):
    from chalicelib.handlers.hire.staff import block, calendar, unblock
    closed = block(officer(deps, 1), HALL, EVENING)
    assert not free_at(deps, "2027-11-23", "18:00")
    with pytest.raises(ApiError) as refused:
        book(at(deps, NOW), tuesdays(weeks=1))
    assert refused.value.code == "session_unavailable"
    shown = calendar(officer(deps), HALL, {"from": "2027-11-23", "days": 1})["calendar"][0]["hours"]
    assert {h["block"] for h in shown if h["state"] == "blocked"} == {closed["id"]}  # what the button names
    gone = unblock(officer(deps, 2), HALL, closed["id"])
    assert gone["hours"] == closed["hours"] and gone["reason"] == EVENING["reason"]
    assert (gone["by"], gone["removed_by"]) == ("hirer1@example.org", "hirer2@example.org")  # both kept
    assert free_at(deps, "2027-11-23", "18:00") and free_at(deps, "2027-11-23", "19:00")
    assert book(at(deps, NOW), tuesdays(weeks=1))["status"] == "held"


def test_removing_a_block_twice_answers_the_same_and_changes_nothing_the_second_time(deps, pay):
    from chalicelib.handlers.hire.staff import block, unblock
    closed = block(officer(deps, 3), HALL, EVENING)
    first = unblock(officer(deps, 4), HALL, closed["id"])
    booked = book(at(deps, NOW), tuesdays(weeks=1))  # someone takes the freed evening meanwhile
    again = unblock(officer(deps, 5), HALL, closed["id"])
    assert again == first  # the first removal stands, named as it was
    assert deps.hire.taken_at(HALL, closed["hours"]) == {
        start: ("held", booked["id"], deps.hire.get(booked["id"]).hold_until) for start in closed["hours"]}


def test_two_officers_removing_one_block_at_once_both_get_the_one_removal(deps):
    from chalicelib.handlers.hire.staff import block, unblock
    from support.racing import at_once
    closed = block(officer(deps, 6), HALL, EVENING)
    answers = at_once(lambda n: unblock(officer(deps, 10 + n), HALL, closed["id"]), range(2))
    assert answers[0] == answers[1] and answers[0]["removed_by"] in ("hirer10@example.org", "hirer11@example.org")
    assert deps.hire.taken_at(HALL, closed["hours"]) == {}


def test_a_block_that_is_not_one_is_a_404_and_only_staff_may_remove_one(client, deps, people):
    from chalicelib.handlers.hire.staff import block
    closed = block(officer(deps), HALL, EVENING)
    staff, someone = people("staff"), people()
    path = f"/v1/staff/hire/places/{HALL}/blocks"
    assert client.raw.http.delete(f"{path}/{closed['id']}", headers=someone.auth).status_code == 403
    for wrong, code in (("00000000", "block_not_found"), ("not-a-block", "not_found"),
                        (closed["hours"][0].replace(":", ""), "not_found")):  # not a block id's form: at the edge
        answer = client.raw.http.delete(f"{path}/{wrong}", headers=staff.auth)
        assert answer.status_code == 404 and answer.json_body["error"]["code"] == code, wrong
    other = "tang-hall-room-1"
    assert client.raw.http.delete(f"/v1/staff/hire/places/{other}/blocks/{closed['id']}",
                                  headers=staff.auth).status_code == 404  # another place's block is not this one's
    assert client.raw.http.delete(f"{path}/{closed['id']}", headers=staff.auth).status_code == 200
    assert client.raw.http.delete(f"{path}/{closed['id']}", headers=staff.auth).status_code == 200


def test_removing_a_block_reads_its_own_item_never_the_place_s_hours(deps):
    from test_hire_read_costs import busy_evenings, measure
    from chalicelib.handlers.hire.staff import block, unblock
    busy_evenings(deps, weeks=4)  # every open hour of four weeks taken: none of them is read
    closed = block(officer(deps), HALL, {**EVENING, "date": "2028-01-04"})
    figures = measure(lambda: unblock(officer(deps), HALL, closed["id"]))
    assert figures["operations"][:2] == ["GetItem", "GetItem"], figures  # the places' item, the block's
    assert "Query" not in figures["operations"] and figures["items"] == 1, figures
