"""The bin-day feed is written without the icalendar package (its import was
most of the route's cold start); icalendar, the reference, reads it back as
the calendar the feed means."""
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from chalicelib import bindays
from chalicelib.handlers.places import calendar, ics

TODAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
ADDRESS = SimpleNamespace(uprn="990000000001",
                          text="Flat 2, Café Row; 5 Walmgate\\York, YO1 9TX — by the Bar Convent, over the road")


class Stored:
    def __init__(self, round_):
        self.round, self.updated_at = round_, STAMP

    def to_round(self):
        return self.round


@pytest.fixture
def feed():
    recycling = bindays.Round("recycling-thu", "recycling", 3, 2, date(2026, 1, 1),
                              {date(2026, 12, 31): date(2027, 1, 2), date(2027, 1, 14): None})
    refuse = bindays.Round("refuse-mon", "refuse", 0, 1, date(2026, 1, 5))
    rounds = [("recycling", Stored(recycling)), ("refuse", Stored(refuse))]
    return calendar.render(ADDRESS, rounds, TODAY), rounds


def test_icalendar_reads_the_feed_as_the_rounds_mean_it(feed):
    body, rounds = feed
    parsed = Calendar.from_ical(body)
    name = f"Bin days: {ADDRESS.text}"
    assert str(parsed["X-WR-CALNAME"]) == name and str(parsed["NAME"]) == name
    assert str(parsed["DESCRIPTION"]) == f"Bin collections at {ADDRESS.text}, from the council."
    assert (str(parsed["PRODID"]), str(parsed["VERSION"]), str(parsed["METHOD"])) == (
        "-//Doorstep//Bin days//EN", "2.0", "PUBLISH")
    assert parsed.decoded("REFRESH-INTERVAL") == timedelta(days=1)
    expected = {}
    for stream, stored in rounds:
        for c in bindays.collections(stored.to_round(), TODAY, until=TODAY + calendar.HORIZON):
            expected[f"{ADDRESS.uprn}-{stream}-{(c.moved_from or c.date).isoformat()}@doorstep"] = (
                c.date, c.date + timedelta(days=1), f"{calendar.bins.LABELS[stream]} collection",
                calendar._describe(c))
    found = {str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]), str(e["DESCRIPTION"]))
             for e in parsed.walk("VEVENT")}
    assert found == expected
    assert any("Moved from" in description for *_, description in found.values())
    assert {e.decoded("DTSTAMP") for e in parsed.walk("VEVENT")} == {STAMP}
    assert {str(e["TRANSP"]) for e in parsed.walk("VEVENT")} == {"TRANSPARENT"}


def test_the_time_zone_gives_london_s_offset_at_every_hour_around_each_change(feed):
    zone = Calendar.from_ical(feed[0]).walk("VTIMEZONE")[0].to_tz()
    london = ZoneInfo("Europe/London")
    for change in (datetime(2026, 3, 29, 1), datetime(2026, 10, 25, 1), datetime(2027, 3, 28, 1),
                   datetime(2027, 10, 31, 1), datetime(2027, 7, 1, 12), datetime(2026, 1, 1, 0)):
        for hours in range(-3, 4):
            moment = (change + timedelta(hours=hours)).replace(tzinfo=timezone.utc)
            assert moment.astimezone(zone).utcoffset() == moment.astimezone(london).utcoffset(), moment


def test_lines_are_crlf_and_folded_within_75_octets_without_splitting_a_character(feed):
    body = feed[0]
    assert body.endswith(b"END:VCALENDAR\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    rows = body.split(b"\r\n")[:-1]
    assert max(len(row) for row in rows) <= 75
    assert all(row.decode("utf-8") for row in rows)  # each physical line is whole UTF-8
    long = ics.fold("DESCRIPTION:" + "é" * 100)
    assert long.replace(b"\r\n ", b"").decode() == "DESCRIPTION:" + "é" * 100 + "\r\n"


def test_text_values_escape_what_rfc_5545_reserves_and_no_value_starts_a_line():
    assert ics.text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert "\n" not in ics.plain("5 Walmgate\r\nBEGIN:VEVENT\rx\ny")
