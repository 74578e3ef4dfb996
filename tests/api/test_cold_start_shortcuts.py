"""Shortcuts taken so a cold start imports less give the same answers as the long way."""
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from chalicelib.api.open311_formats import NOT_XML
from chalicelib.stamps import london_today


def test_london_today_matches_the_zone_rules_every_hour_across_both_clock_changes():
    london = ZoneInfo("Europe/London")
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for hour in range(0, 366 * 24, 1):
        now = start + timedelta(hours=hour, minutes=59)
        assert london_today(now) == now.astimezone(london).date(), now


def test_london_today_of_a_naive_moment_reads_it_as_utc():
    assert str(london_today(datetime(2026, 7, 1, 23, 30))) == "2026-07-02"
    assert str(london_today(datetime(2026, 12, 1, 23, 30))) == "2026-12-01"


def test_the_xml_filter_removes_exactly_what_xml_1_0_cannot_hold():
    allowed = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    edges = [0, 8, 9, 10, 11, 12, 13, 14, 0x1f, 0x20, 0x7f, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xfffe,
             0xffff, 0x10000, 0x10ffff]
    for code in edges + list(range(0, 0x110000, 97)):
        ch = chr(code)
        assert bool(NOT_XML.match(ch)) != bool(allowed.match(ch)), hex(code)
