"""What hire's reads ask DynamoDB, counted at PynamoDB's one call site
(storage/metering.py): a place's free hours over four weeks is the places'
item and one Query of the hours taken; a block's check is the places' item
and one BatchGetItem of its hours, whether 10 weeks or 40, and neither grows
with other places' bookings; staff's week adds one BatchGetItem of the
bookings it names. Read capacity is counted as DynamoDB bills it (a
strongly consistent read 1 unit per 4 KB, rounded up per call for a
Query and per item for a GetItem or each key of a BatchGetItem, an
eventually consistent one half that), from the items each call returned."""
import math
from contextlib import contextmanager

from support.hire_support import HALL, NOW, at, book, resident, tuesdays
from support.pay_support import pay  # noqa: F401


# Half a unit for each hour asked, found or not; a closed Tuesday's hours are not asked (the
# bank holiday of 28 December 2027, in ten weeks or forty from 23 November).
UNITS_10 = 9 * 2 * 0.5
UNITS_40 = 39 * 2 * 0.5


def item_bytes(item):
    """An item's size as DynamoDB counts it: each attribute's name and value."""
    def value(v):
        kind, inner = next(iter(v.items()))
        if kind == "S":
            return len(inner.encode())
        if kind == "N":
            return len(inner.lstrip("-").replace(".", "")) // 2 + 1
        if kind in ("BOOL", "NULL"):
            return 1
        if kind == "M":
            return 3 + sum(len(k.encode()) + value(x) for k, x in inner.items())
        if kind == "L":
            return 3 + sum(value(x) + 1 for x in inner)
        return len(inner)
    return sum(len(name.encode()) + value(v) for name, v in item.items())


def read_units(operation, kwargs, result):
    if operation == "GetItem":
        unit = 1 if kwargs.get("ConsistentRead") else 0.5
        return unit * max(1, math.ceil(item_bytes(result.get("Item") or {}) / 4096))
    if operation == "Query":
        unit = 1 if kwargs.get("ConsistentRead") else 0.5
        return unit * max(1, math.ceil(sum(item_bytes(i) for i in result.get("Items", [])) / 4096))
    if operation == "BatchGetItem":  # each key read as a GetItem would be, found or not
        asked = kwargs["RequestItems"].values()
        return sum((1 if a.get("ConsistentRead") else 0.5) * len(a["Keys"]) for a in asked)
    return 0


@contextmanager
def counted():
    """(operations, items read, read units) of the calls made inside."""
    from chalicelib.storage import metering
    units = []
    original = metering.Meter.record

    def record(self, operation, kwargs, result, seconds):
        units.append(read_units(operation, kwargs, result))
        original(self, operation, kwargs, result, seconds)
    metering.Meter.record = record
    try:
        with metering.metered() as meter:
            figures = {}
            yield figures
        figures.update(operations=meter.operations, items=meter.items, units=sum(units))
    finally:
        metering.Meter.record = original


def measure(call):
    with counted() as figures:
        call()
    return figures


def busy_evenings(deps, weeks):
    """Every open hour of the hall taken for `weeks` weeks from the Saturday pinned (staff's blocks,
    as any hour taken: the Query reads each one in its window)."""
    from datetime import timedelta
    from chalicelib.handlers.hire.places import current, open_hours, place_or_404
    hall = place_or_404(deps, HALL, current(deps))
    starts = [s for n in range(7 * weeks) for s in open_hours(hall, NOW.date() + timedelta(days=n), deps.calendar)]
    for at_ in range(0, len(starts), 90):
        deps.hire.block(HALL, f"block:{at_}:Busy", starts[at_:at_ + 90], NOW)
    return len(starts)


def report(capsys, title, measured):
    with capsys.disabled():
        print(f"\n{title}")
        for what, f in measured.items():
            print(f"  {what}: {len(f['operations'])} calls ({', '.join(f['operations'])}), {f['items']} items, "
                  f"{f['units']:g} read units")


def test_free_times_over_four_weeks_and_a_block_s_check_read_a_fixed_handful(deps, pay, capsys):
    from chalicelib.handlers.hire.staff import calendar
    from chalicelib.handlers.hire.times import check, free
    for n in range(3):  # other hirers' bookings, at this place and another
        book(at(deps, NOW, resident()), tuesdays(weeks=4, first=f"2027-11-2{4 + n}", hours=1, start="10:00"))
        book(at(deps, NOW, resident()), {**tuesdays(weeks=4, first=f"2027-11-2{4 + n}"), "place": "tang-hall-room-1"})
    now, officer = at(deps, NOW), at(deps, NOW, resident(role="staff"))
    measured = {
        "free hours, 4 weeks": measure(lambda: free(now, HALL, {"days": 28})),
        "block check, 10 weeks": measure(lambda: check(now, HALL, tuesdays(weeks=10))),
        "block check, 40 weeks": measure(lambda: check(now, HALL, tuesdays(weeks=40, hours=2))),
        "staff's week": measure(lambda: calendar(officer, HALL, {"from": "2027-11-22", "days": 7})),
    }
    assert measured["free hours, 4 weeks"]["operations"] == ["GetItem", "Query"]
    assert measured["block check, 10 weeks"]["operations"] == ["GetItem", "BatchGetItem"]
    assert measured["block check, 40 weeks"]["operations"] == ["GetItem", "BatchGetItem"]  # 80 keys: one batch
    assert measured["staff's week"]["operations"] == ["GetItem", "Query", "BatchGetItem"]
    # A block's check is billed by the keys it asks (half a unit each), not by what it finds.
    assert measured["block check, 10 weeks"]["units"] == 1 + UNITS_10
    assert measured["block check, 40 weeks"]["units"] == 1 + UNITS_40
    assert measured["free hours, 4 weeks"]["units"] == 2  # the places' item, and 3 hours taken in one 4 KB
    report(capsys, "DynamoDB reads per hire read, a quiet hall (three others' mornings):", measured)


def test_a_busy_hall_s_four_weeks_cost_what_is_taken_in_them_and_its_block_check_the_same_as_a_quiet_one(
        deps, capsys):
    from chalicelib.handlers.hire.times import check, free
    taken = busy_evenings(deps, weeks=40)
    now = at(deps, NOW)
    measured = {
        "free hours, 4 weeks": measure(lambda: free(now, HALL, {"days": 28})),
        "block check, 10 weeks": measure(lambda: check(now, HALL, tuesdays(weeks=10))),
        "block check, 40 weeks": measure(lambda: check(now, HALL, tuesdays(weeks=40, hours=2))),
    }
    assert measured["free hours, 4 weeks"]["operations"] == ["GetItem", "Query"]
    assert measured["free hours, 4 weeks"]["items"] == 13 * 24  # every hour of 24 open days, read once
    assert measured["block check, 10 weeks"]["units"] == 1 + UNITS_10  # the same keys asked: the same bill
    assert measured["block check, 40 weeks"]["units"] == 1 + UNITS_40
    report(capsys, f"DynamoDB reads per hire read, a busy hall (every open hour taken, {taken} in 40 weeks):",
           measured)
