"""What hire's reads ask DynamoDB, counted at PynamoDB's one call site
(storage/metering.py): a place's free hours over four weeks is the places'
item and one Query of the hours taken; a block's check is the places' item
and one BatchGetItem of its hours, whether 10 weeks or 40, and neither grows
with other places' bookings."""
from support.hire_support import HALL, NOW, at, book, resident, tuesdays
from support.pay_support import pay  # noqa: F401


def cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter.operations


def test_free_times_over_four_weeks_and_a_block_s_check_read_a_fixed_handful(deps, pay, capsys):
    from chalicelib.handlers.hire.times import check, free
    for n in range(3):  # other hirers' bookings, at this place and another
        book(at(deps, NOW, resident()), tuesdays(weeks=4, first=f"2027-11-2{4 + n}", hours=1, start="10:00"))
        book(at(deps, NOW, resident()), {**tuesdays(weeks=4, first=f"2027-11-2{4 + n}"), "place": "tang-hall-room-1"})
    now = at(deps, NOW)
    measured = {
        "free hours, 4 weeks": cost(lambda: free(now, HALL, {"days": 28})),
        "block check, 10 weeks": cost(lambda: check(now, HALL, tuesdays(weeks=10))),
        "block check, 40 weeks": cost(lambda: check(now, HALL, tuesdays(weeks=40, hours=2))),
    }
    assert measured["free hours, 4 weeks"] == ["GetItem", "Query"]
    assert measured["block check, 10 weeks"] == ["GetItem", "BatchGetItem"]
    assert measured["block check, 40 weeks"] == ["GetItem", "BatchGetItem"]  # 80 hours: one batch of 100 keys
    with capsys.disabled():
        print("\nDynamoDB calls per hire read (the places' item, then the hours):")
        for what, operations in measured.items():
            print(f"  {what}: {len(operations)} ({', '.join(operations)})")
