"""Bin days as date arithmetic: no clock, no tables."""
from datetime import date, datetime, timezone

import pytest

from chalicelib.bindays import Round, check_round, collections
from chalicelib.stamps import london_today

FRIDAY_FORTNIGHTLY = Round("r-fri", "refuse", 4, 2, date(2026, 1, 9))  # Fri 9 Jan 2026, every 2 weeks


def dates(found):
    return [c.date for c in found]


def test_a_fortnightly_round_calls_every_other_week_on_its_weekday():
    found = collections(FRIDAY_FORTNIGHTLY, date(2026, 11, 23), count=4)
    assert dates(found) == [date(2026, 11, 27), date(2026, 12, 11), date(2026, 12, 25), date(2027, 1, 8)]
    assert all(d.weekday() == 4 for d in dates(found))


def test_today_counts_when_it_is_collection_day():
    assert dates(collections(FRIDAY_FORTNIGHTLY, date(2026, 11, 27), count=1)) == [date(2026, 11, 27)]


def test_a_bank_holiday_moves_the_collection_and_says_from_where():
    shifted = Round("r-fri", "refuse", 4, 2, date(2026, 1, 9), {date(2026, 12, 25): date(2026, 12, 27)})
    found = collections(shifted, date(2026, 12, 20), count=2)
    assert dates(found) == [date(2026, 12, 27), date(2027, 1, 8)]
    assert found[0].moved_from == date(2026, 12, 25)
    assert found[0].view() == {"date": "2026-12-27", "weekday": "Sunday", "moved_from": "2026-12-25"}


def test_a_cancelled_collection_is_left_out_and_the_count_still_filled():
    cancelled = Round("g", "garden", 4, 2, date(2026, 1, 9), {date(2026, 12, 25): None})
    assert dates(collections(cancelled, date(2026, 12, 20), count=2)) == [date(2027, 1, 8), date(2027, 1, 22)]


def test_a_collection_moved_earlier_than_today_is_past_even_if_its_usual_day_is_not():
    earlier = Round("r", "refuse", 4, 1, date(2026, 1, 9), {date(2026, 12, 25): date(2026, 12, 23)})
    assert dates(collections(earlier, date(2026, 12, 24), count=1)) == [date(2027, 1, 1)]


def test_a_round_with_an_end_date_stops_there():
    ending = Round("r", "food", 0, 1, date(2026, 11, 2), end=date(2026, 11, 16))
    assert dates(collections(ending, date(2026, 11, 1), count=5)) == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]


def test_until_gives_every_collection_before_it():
    weekly = Round("r", "food", 0, 1, date(2026, 11, 2))
    found = dates(collections(weekly, date(2026, 11, 23), until=date(2027, 11, 22)))
    assert len(found) == 52 and found[0] == date(2026, 11, 23) and found[-1] == date(2027, 11, 15)


def test_london_today_is_tomorrow_just_after_midnight_in_summer():
    # 23:30 UTC on 30 June is 00:30 BST on 1 July.
    assert london_today(datetime(2026, 6, 30, 23, 30, tzinfo=timezone.utc)) == date(2026, 7, 1)
    assert london_today(datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)) == date(2026, 12, 31)


def test_check_round_reads_the_import_shape():
    round_, reason = check_round({"id": "refuse-fri-a", "stream": "refuse", "weekday": "Friday",
                                  "every_weeks": 2, "start": "2026-01-09",
                                  "exceptions": {"2026-12-25": "2026-12-27", "2027-01-08": "cancelled"}})
    assert reason is None
    assert round_.weekday == 4 and round_.exceptions == {date(2026, 12, 25): date(2026, 12, 27),
                                                        date(2027, 1, 8): None}


@pytest.mark.parametrize("change, words", [
    ({"id": "has space"}, "id must be"),
    ({"stream": "compost"}, "stream must be"),
    ({"weekday": "fri"}, "weekday must be"),
    ({"every_weeks": 0}, "every_weeks"),
    ({"every_weeks": True}, "every_weeks"),
    ({"start": "2026-01-10"}, "is a saturday, not a friday"),
    ({"start": "2 Jan"}, "start must be a date"),
    ({"end": "2025-01-01"}, "end must be"),
    ({"exceptions": {"2026-12-24": "cancelled"}}, "not one of the round's collection dates"),
    ({"exceptions": {"2026-12-25": "2027-02-01"}}, "within 14 days"),
    ({"exceptions": ["2026-12-25"]}, "exceptions must map"),
])
def test_check_round_names_what_is_wrong(change, words):
    data = {"id": "refuse-fri-a", "stream": "refuse", "weekday": "friday", "every_weeks": 2,
            "start": "2026-01-09", **change}
    round_, reason = check_round(data)
    assert round_ is None and words in reason
