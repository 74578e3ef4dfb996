"""When the sync asks the committee system again, and for what: only what can
have changed, since every question costs a council's server a page.

- Committees: once a day. Each committee's meetings (GetMeetings over the
  window, BACK_DAYS to AHEAD_DAYS; wide ranges time out): hourly, to find
  new, moved and cancelled meetings.
- An agenda (GetMeeting) while it can still change: every AGENDA_EVERY from
  LIVE_AHEAD days before the meeting (agendas are out 5 working days before,
  supplements follow) to LIVE_AFTER days after it (decisions are out within
  days); then daily until its minutes are out, within the window. A meeting
  further ahead is read once when first seen; a cancelled one never again.
- The forward plan and decisions made (list pages): hourly.
"""
from datetime import date, timedelta

RUN_EVERY = timedelta(minutes=15)  # app.py's schedule: staff are told the next try comes by then
COMMITTEES_EVERY = timedelta(hours=24)
LISTS_EVERY = timedelta(hours=1)
AGENDA_EVERY = timedelta(minutes=30)
QUIET_EVERY = timedelta(hours=24)
PAGES_EVERY = timedelta(hours=1)
LIVE_AHEAD, LIVE_AFTER = 10, 14
DECISIONS_BACK_DAYS = 30  # the decisions page is asked for a month (wide ranges time out)


def due(checked_at, every, now):
    return checked_at is None or now - checked_at >= every


def agenda_every(meeting, today):
    """How often this meeting's agenda is asked for again; None: never again."""
    if meeting.get("cancelled"):
        return None
    day = date.fromisoformat(meeting["date"])
    if today - timedelta(days=LIVE_AFTER) <= day <= today + timedelta(days=LIVE_AHEAD):
        return AGENDA_EVERY
    if day < today and not meeting.get("minutes_published"):
        return QUIET_EVERY
    return None


def agenda_due(meeting, today, now):
    if meeting.get("cancelled"):
        return False  # the list says so; its agenda will not change
    if meeting.get("checked_at") is None:
        return True
    every = agenda_every(meeting, today)
    return every is not None and due(meeting["checked_at"], every, now)
