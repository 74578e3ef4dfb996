"""A resident subscribes their phone's calendar to their bin days."""
from datetime import date, timedelta

import pytest

from support.bins_support import HOME, next_after, store_home, store_rounds, today, weekly_round

RECYCLING = weekly_round("recycling-thu", "recycling", 3, every_weeks=2)
GARDEN = weekly_round("garden-thu", "garden", 3, every_weeks=2)


@pytest.fixture
def moved(deps):
    """Recycling on Thursdays, one of them moved to the Friday; garden fortnightly too."""
    day = next_after(RECYCLING, today())
    store_rounds(deps, weekly_round("recycling-thu", "recycling", 3, 2, {day: day + timedelta(days=1)}), GARDEN)
    store_home(deps, {"recycling": "recycling-thu", "garden": "garden-thu"})
    return day


def parse(response):
    from icalendar import Calendar
    return Calendar.from_ical(response.body)


def events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_is_an_icalendar_of_all_day_collections_for_a_year(client, moved):
    response = client.get(f"/v1/places/{HOME}/bins.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    # Saved as a file by a phone's browser, which then hands it to the calendar.
    assert response.headers["Content-Disposition"] == 'attachment; filename="bin-days.ics"'
    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Bin days: 5 Walmgate, York"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/London"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    text = response.body.decode() if isinstance(response.body, bytes) else response.body
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in text and "X-PUBLISHED-TTL:P1D" in text
    found = events(calendar)
    starts = [e.decoded("DTSTART") for e in found.values()]
    assert all(type(d) is date for d in starts)  # VALUE=DATE: all-day
    assert all(e.decoded("DTEND") == e.decoded("DTSTART") + timedelta(days=1) for e in found.values())
    assert min(starts) >= today() and max(starts) > today() + timedelta(days=330)
    assert 50 <= len(found) <= 54  # two fortnightly streams for a year


def test_collections_fall_on_the_round_weekday_except_the_moved_one(client, moved):
    found = events(parse(client.get(f"/v1/places/{HOME}/bins.ics")))
    shifted = found[f"{HOME}-recycling-{moved.isoformat()}@doorstep"]
    assert shifted.decoded("DTSTART") == moved + timedelta(days=1)
    assert "Moved from" in str(shifted["DESCRIPTION"])
    others = [e for uid, e in found.items() if e is not shifted]
    assert {e.decoded("DTSTART").weekday() for e in others} == {3}  # Thursdays
    assert {str(e["SUMMARY"]) for e in found.values()} == {"Recycling collection", "Garden waste collection"}


def test_uids_and_etag_are_stable_across_requests_and_a_match_is_304(client, moved):
    first = client.get(f"/v1/places/{HOME}/bins.ics")
    second = client.get(f"/v1/places/{HOME}/bins.ics")
    assert set(events(parse(first))) == set(events(parse(second)))
    assert first.headers["ETag"] == second.headers["ETag"] and first.body == second.body
    assert "max-age" in first.headers["Cache-Control"] and "dynamodb;" in first.headers["Server-Timing"]
    assert first.headers["Last-Modified"] == "Sun, 01 Nov 2026 09:00:00 GMT"
    again = client.get(f"/v1/places/{HOME}/bins.ics", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.body
    assert again.headers["ETag"] == first.headers["ETag"]


def test_a_changed_round_changes_the_etag(client, deps, moved):
    before = client.get(f"/v1/places/{HOME}/bins.ics").headers["ETag"]
    store_rounds(deps, weekly_round("garden-thu", "garden", 3, every_weeks=2, exceptions={
        next_after(GARDEN, today()): None}))
    after = client.get(f"/v1/places/{HOME}/bins.ics", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["ETag"] != before


def test_an_unknown_home_has_no_calendar(client, storage):
    response = client.get("/v1/places/990000000999/bins.ics")
    assert response.status_code == 404 and response.json_body["error"]["code"] == "place_not_found"
