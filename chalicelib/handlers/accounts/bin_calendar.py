"""The resident's own bin-day calendar, which follows them (issue 73).

A calendar app subscribed to a place's feed (`/v1/places/{uprn}/bins.ics`)
keeps that place: after a move it listed the old street's collections for a
year. The address the app offers a signed-in resident for their own home is
theirs instead (`/v1/feeds/my-bins/{token}/bins.ics`): read any day, it lists
the collections of the home the account says they live in on each day. A move
told ahead (the account's `moving_to`, handlers/moving) gives the old home's
collections up to the day before the move date and the new home's from it;
leaving the area, the old home's up to the day before and then one last
event on the move date saying why, and nothing after. The place's own feed is
unchanged for whoever lives there.

A calendar app holds no session, so the address is the key: the account's id
and its calendar epoch, signed (shared/signed_links.py) under a label of its
own. It is shown in My Account whenever asked for, stays the same until the
resident stops it (the epoch raised: the old address answers 404 at once, as
an erased account's does), and names no address: passed on, it tells nobody
where the resident lives, before a move or after. It names the council whose address made
it: the account is the deployment's, its homes a council's, and opened at another
council's address it answers 404 (an address given before councils were named in it is
the default council's, as a job that names none is: tenancy.of_job)."""
from datetime import date, datetime, time, timezone

from ... import tenancy
from ...errors import NotFound
from ...stamps import london_today
from ..shared.signed_links import seal, unseal
from . import wording

LABEL = b"bins-calendar"
TOKEN_MAX = 200
CACHE_CONTROL = "private, max-age=3600"  # the resident's alone; a calendar app polls it daily


def address_of(deps, user):
    """The resident's own calendar address, as My Account gives it."""
    token = seal(LABEL, [user.id, str(user.bins_calendar_epoch or 0), tenancy.current()])
    return f"{deps.base_url}/v1/feeds/my-bins/{token}/bins.ics"


def stop(deps):
    """The address given so far answers 404 from now on; My Account gives the next one."""
    user = deps.accounts.user(deps.principal.user_id)
    user.bins_calendar_epoch = (user.bins_calendar_epoch or 0) + 1
    deps.accounts.save_user(user)


def feed(deps, token, if_none_match=None):
    """(status, body, headers) of the calendar `token` opens: 404 for any other token."""
    from ..places import bins, calendar, ics
    fields = unseal(token, LABEL, TOKEN_MAX)
    fields = fields + [tenancy.default()] if fields and len(fields) == 2 else fields
    ours = fields and len(fields) == 3 and fields[2] == tenancy.current()
    user = deps.accounts.user(fields[0]) if ours else None
    if user is None or fields[1] != str(user.bins_calendar_epoch or 0):
        raise NotFound(wording.NO_BIN_CALENDAR, code="calendar_not_found")
    today = london_today(deps.clock())
    content, rounds = calendar.head(wording.MY_BINS_NAME, wording.MY_BINS_ABOUT, f"{user.id}-bins@doorstep", today), []
    for uprn, first, until in homes(user, today):
        address = deps.addresses.get(uprn)
        if address is not None:
            found = bins.rounds_for(deps, address)
            content += calendar.collections(address, found, first, until)
            rounds += [model for _, model in found]
    left = leaving_day(user)
    if left is not None:
        # Stamped with its own day, so the feed (and its ETag) stays the same from one read to the next.
        stamp = ics.utc(datetime.combine(left, time(), timezone.utc))
        content += calendar.event(f"{user.id}-bins-end-{left.isoformat()}@doorstep", stamp, left,
                                  wording.MY_BINS_ENDED, wording.MY_BINS_ENDED_WHY.format(
                                      area=deps.area.name, day=f"{left:%A %-d %B %Y}"))
    body = calendar.finish(content).decode("utf-8")
    return calendar.answer(body, if_none_match, CACHE_CONTROL, rounds)


def homes(user, today):
    """[(uprn, first day, day after the last)]: where the account says the resident lives, from today
    for the feed's year; a move told ahead splits it on the move date."""
    from ..places.calendar import HORIZON
    end, moving = today + HORIZON, user.moving_to or {}
    if not moving.get("from"):
        return [(user.uprn, today, end)] if user.uprn else []
    switch = date.fromisoformat(moving["from"])
    if switch <= today:  # the account's address is the new home's already (accounts/me.living_at)
        return [(moving["uprn"], today, end)] if moving.get("uprn") else []
    before = [(user.uprn, today, switch)] if user.uprn else []
    return before + ([(moving["uprn"], switch, end)] if moving.get("uprn") else [])


def leaving_day(user):
    """The move date of a move out of the area the account holds, or None."""
    moving = user.moving_to or {}
    return date.fromisoformat(moving["from"]) if moving.get("from") and not moving.get("uprn") else None

