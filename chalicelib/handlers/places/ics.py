"""The few pieces of iCalendar (RFC 5545) the bin-day feed writes: content
lines, TEXT escaping, folding, DATE and UTC DATE-TIME values, and a VTIMEZONE
taken from the zone database.

Written here rather than with the icalendar package, whose import (about
110 ms with dateutil and its zone handling) was most of the feed's cold start;
tests/bins/ parse every feed with icalendar, which stays a test dependency.
"""
from datetime import datetime, timedelta, timezone

FOLD_AT = 75  # octets per line, CRLF excluded (RFC 5545 3.1)


def text(value):
    """A TEXT value: backslash, semicolon, comma and newlines escaped (3.3.11)."""
    return (str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def plain(value):
    """A value of a property that is not TEXT to parsers (NAME and the X-WR- names,
    as icalendar reads them): only line breaks escaped, so nothing starts a line."""
    return str(value).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def day(value):
    return value.strftime("%Y%m%d")


def utc(moment):
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _local(moment):
    return moment.strftime("%Y%m%dT%H%M%S")


def _offset(delta):
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def fold(line):
    """One content line, folded after 75 octets without splitting a UTF-8 character."""
    raw = line.encode("utf-8")
    out, start, limit = [], 0, FOLD_AT
    while len(raw) - start > limit:
        end = start + limit
        while end > start and (raw[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        out.append(raw[start:end])
        start, limit = end, FOLD_AT - 1  # continuation lines begin with one space
    out.append(raw[start:])
    return b"\r\n ".join(out) + b"\r\n"


def lines(content):
    """[(name, value)] (value already formatted) as the calendar's bytes."""
    return b"".join(fold(f"{name}:{value}") for name, value in content)


def vtimezone(tzid, first, last):
    """[(name, value)] of a VTIMEZONE for `tzid` valid from `first` to `last`
    (dates): its offset on `first`, then each change of offset in between as
    DAYLIGHT or STANDARD onsets, DTSTART in the local time before the change
    (3.6.5), later ones of the same kind as RDATEs."""
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(tzid)
    start = datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
    stop = datetime(last.year, last.month, last.day, tzinfo=timezone.utc)
    changes, moment = [], start
    while moment < stop:  # a day at a time, then the hour: zone changes fall on hour boundaries
        following = moment + timedelta(days=1)
        if following.astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset():
            hour = moment
            while (hour + timedelta(hours=1)).astimezone(zone).utcoffset() == moment.astimezone(zone).utcoffset():
                hour += timedelta(hours=1)
            before, after = hour.astimezone(zone), (hour + timedelta(hours=1)).astimezone(zone)
            changes.append((before.utcoffset(), after.utcoffset(), after.tzname(), bool(after.dst()),
                            hour + timedelta(hours=1) + before.utcoffset()))
        moment = following
    first_local = start.astimezone(zone)
    kinds = [(first_local.utcoffset(), first_local.utcoffset(), first_local.tzname(), bool(first_local.dst()),
              datetime(first.year, first.month, first.day))]
    out = [("BEGIN", "VTIMEZONE"), ("TZID", tzid)]
    groups = {}
    for change in changes:
        groups.setdefault(change[:4], []).append(change[4].replace(tzinfo=None))
    for offset_from, offset_to, name, dst, onset in kinds:
        out += _component(dst, name, offset_from, offset_to, [onset])
    for (offset_from, offset_to, name, dst), onsets in groups.items():
        out += _component(dst, name, offset_from, offset_to, onsets)
    return out + [("END", "VTIMEZONE")]


def _component(dst, name, offset_from, offset_to, onsets):
    kind = "DAYLIGHT" if dst else "STANDARD"
    return ([("BEGIN", kind), ("DTSTART", _local(onsets[0]))]
            + [("RDATE", _local(onset)) for onset in onsets[1:]]
            + [("TZNAME", text(name)), ("TZOFFSETFROM", _offset(offset_from)),
               ("TZOFFSETTO", _offset(offset_to)), ("END", kind)])

