"""GET /v1/places/{uprn}/bins.ics: a property's bin days as an iCalendar
(RFC 5545) feed that phones subscribe to.

All-day events for the coming year. Each event's UID names the property, the
stream and the *scheduled* date, so when the council later moves a collection
(a bank holiday) a subscribed calendar updates that event instead of showing
two. The body depends only on the rounds and today's date, so its hash is a
strong ETag: a calendar app polling daily gets 304 until something changes.
"""
import hashlib
from datetime import timedelta
from email.utils import format_datetime

from ... import bindays
from ...storage import metering
from . import bins, ics
from . import wording as W

HORIZON = timedelta(days=366)
CONTENT_TYPE = "text/calendar; charset=utf-8"
DISPOSITION = 'attachment; filename="bin-days.ics"'
# Calendar apps poll subscriptions; a day is what REFRESH-INTERVAL asks for,
# and shared caches may keep the feed for six hours.
CACHE_CONTROL = "public, max-age=21600"
_zones = {}  # year -> VTIMEZONE (building one walks the zone's transitions)


def calendar(deps, uprn, if_none_match=None):
    """(status, body, headers): 200 with the feed, or 304 when `if_none_match` holds its ETag."""
    metering.expose()
    address = bins.address_or_404(deps, uprn)
    rounds = bins.rounds_for(deps, address)
    body = render(address, rounds, bins.today(deps)).decode("utf-8")
    return answer(body, if_none_match, CACHE_CONTROL, [model for _, model in rounds])


def answer(body, if_none_match, cache_control, rounds=()):
    """(status, body, headers) for a feed's text: its hash a strong ETag, 304 when the caller has it."""
    etag = '"' + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32] + '"'
    headers = {"Cache-Control": cache_control, "ETag": etag}
    if rounds:
        headers["Last-Modified"] = format_datetime(max(m.updated_at for m in rounds), usegmt=True)
    if _matches(if_none_match, etag):
        return 304, "", headers
    # A file to save and open (a phone's browser then hands it to the calendar);
    # calendar apps subscribed to the feed read it the same way.
    return 200, body, {"Content-Type": CONTENT_TYPE, "Content-Disposition": DISPOSITION, **headers}


def render(address, rounds, today):
    """The VCALENDAR as bytes, for (stream, BinRound) pairs, from `today` for HORIZON."""
    name = W.BIN_CALENDAR_NAME.format(address=address.text)
    about = W.BIN_CALENDAR_ABOUT.format(address=address.text)
    return finish(head(name, about, f"{address.uprn}-bins@doorstep", today)
                  + collections(address, rounds, today, today + HORIZON))


def head(name, about, uid, today):
    """[(name, value)]: the calendar's own lines, its name and the time zone."""
    return [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Doorstep//Bin days//EN"),
            ("METHOD", "PUBLISH"), ("NAME", ics.plain(name)), ("X-WR-CALNAME", ics.plain(name)),
            ("DESCRIPTION", ics.text(about)), ("X-WR-CALDESC", ics.plain(about)), ("UID", ics.text(uid)),
            # RFC 7986 requires VALUE=DURATION on REFRESH-INTERVAL; X-PUBLISHED-TTL is Outlook's.
            ("REFRESH-INTERVAL;VALUE=DURATION", "P1D"), ("X-PUBLISHED-TTL", "P1D"),
            ("X-WR-TIMEZONE", bindays.TIMEZONE)] + _zone(today.year)


def collections(address, rounds, first, until):
    """[(name, value)]: an all-day event per collection at `address` from `first` to before `until`."""
    content = []
    for stream, model in rounds:
        stamp = ics.utc(model.updated_at)
        for c in bindays.collections(model.to_round(), first, until=until):
            scheduled = c.moved_from or c.date
            uid = f"{address.uprn}-{stream}-{scheduled.isoformat()}@doorstep"
            content += event(uid, stamp, c.date, W.BIN_COLLECTION.format(label=bins.LABELS[stream]), _describe(c))
    return content


def event(uid, stamp, day, summary, description):
    """[(name, value)]: one all-day event, shown free (it takes no time)."""
    return [("BEGIN", "VEVENT"), ("UID", ics.text(uid)), ("DTSTAMP", stamp), ("DTSTART;VALUE=DATE", ics.day(day)),
            ("DTEND;VALUE=DATE", ics.day(day + timedelta(days=1))), ("SUMMARY", ics.text(summary)),
            ("DESCRIPTION", ics.text(description)), ("TRANSP", "TRANSPARENT"), ("END", "VEVENT")]


def finish(content):
    return ics.lines(content + [("END", "VCALENDAR")])


def _describe(collection):
    if collection.moved_from is None:
        return W.BIN_PUT_OUT
    return W.BIN_MOVED_PUT_OUT.format(moved_from=collection.moved_from, date=collection.date)


def _zone(year):
    """Europe/London's VTIMEZONE covering the feed's years (all-day events need
    none, but clients that add a reminder at a time of day use it)."""
    if year not in _zones:
        from datetime import date
        _zones[year] = ics.vtimezone(bindays.TIMEZONE, date(year, 1, 1), date(year + 2, 1, 1))
    return _zones[year]


def _matches(header, etag):
    """If-None-Match holds this ETag (weak comparison, as RFC 9110 asks for GET), or is *."""
    if not header:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
