"""Counting report events into the performance figures, from the events
stream (handlers/stream.on_stream hands each batch here before dispatch).

Each event counts alone: its payload carries the category, state change,
reported time, channel and point, so events count right in whatever order
the stream's shards deliver them. The counts and a marker for the event are
one transaction, so a batch delivered twice counts once.

What is counted, into the rows "total", the category's, the ward's and the
month's (Europe/London) the change happened in:
- received: a report was made (and, on "total", channel_<how> it came);
- closed: it left the open states; reopened: it came back to them (so open
  now = received - closed + reopened);
- fixed: it was marked fixed (from any other state), and on "total" and the
  category, fix_days_<n>: whole days (rounded up) from report to fix. A
  report fixed, reopened and fixed again counts both fixes.
- answers, rating_<1..5> and not_fixed: a reporter answered "has it been
  fixed?" (handlers/questionnaires), on "total" and the category only.
"""
import math
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from ... import states
from ...stamps import london_today
from ...storage.errors import AlreadyExists, Throttled
from ..shared import events

COUNTED = ("report_created", "report_state_changed", "questionnaire_answered")
ANSWERED = "questionnaire_answered"
FIXED = "fixed"
DAY_SECONDS = 86400
ATTEMPTS = 3  # another shard's transaction on the same rows: a moment later it goes through
TRANSACTION_ITEMS = 100  # DynamoDB's most items in one TransactWriteItems


@dataclass
class Facts:
    service_code: str
    reported_at: datetime
    channel: str
    lon: float | None = None
    lat: float | None = None


def count_stream(records, deps_factory, sleep=time.sleep):
    """Count every report event inserted in a stream batch (a Chalice
    DynamoDBEvent or plain stream record dicts); returns how many counted
    now. An exception fails the batch, and the stream delivers it again."""
    counted = [event for event in events.inserted(records) if event.kind in COUNTED]
    return count_events(deps_factory(), counted, sleep) if counted else 0


def count_events(deps, news, sleep=time.sleep):
    """Count the report events among `news` (events already read from a
    batch); returns how many counted now. One transaction for as many as it
    holds (TRANSACTION_ITEMS: each event's marker and the rows they move,
    summed): a batch of 50 was 50 transactions, seconds of a fresh stack's
    stream spent on the demo's reports while a resident's waited behind them.
    A batch counted in part before (the stream delivers again what a failed
    handler left) is counted one event at a time: each counts once."""
    prepared = [(event.id, *counted) for event in news if event.kind in COUNTED
                for counted in [_changes(deps, event)] if counted is not None]
    total = 0
    for chunk in _chunks(prepared):
        try:
            _tried(lambda: deps.stats.count_many(chunk, deps.clock()), sleep)
            total += len(chunk)
        except AlreadyExists:
            total += sum(_tried(lambda: deps.stats.count(event_id, changes, deps.clock(), labels), sleep)
                         for event_id, changes, labels in chunk)
    return total


def count_event(deps, event, sleep=time.sleep):
    """Count one event; False when it changes no figure or counted before."""
    counted = _changes(deps, event)
    if counted is None:
        return False
    changes, labels = counted
    return _tried(lambda: deps.stats.count(event.id, changes, deps.clock(), labels), sleep)


def _changes(deps, event):
    """(changes, labels) the event makes, or None when it moves no figure."""
    facts = facts_of(deps, event)
    if facts is None:
        return None
    ward = None
    if facts.lon is not None and deps.wards is not None:
        ward = deps.wards.at_point(float(facts.lon), float(facts.lat))
    changes = changes_for(event.kind, event.payload or {}, facts, event.created_at, ward.id if ward else None)
    if not changes:
        return None
    return changes, ({f"ward#{ward.id}": ward.name} if ward else None)


def _chunks(prepared):
    """The events in runs whose markers and distinct rows fit one transaction."""
    chunk, rows = [], set()
    for entry in prepared:
        more = rows | set(entry[1])
        if chunk and len(chunk) + 1 + len(more) > TRANSACTION_ITEMS:
            yield chunk
            chunk, more = [], set(entry[1])
        chunk.append(entry)
        rows = more
    if chunk:
        yield chunk


def _tried(write, sleep):
    for attempt in range(ATTEMPTS):
        try:
            return write()
        except Throttled:
            if attempt == ATTEMPTS - 1:
                raise
            sleep(0.1 * 2 ** attempt)


def facts_of(deps, event):
    """What the figures count an event by: from its payload, or (an event
    written before payloads carried them) from the report itself."""
    payload = event.payload or {}
    if payload.get("reported_at"):
        return Facts(payload["service_code"], aware(datetime.fromisoformat(payload["reported_at"])),
                     payload.get("channel") or "api", payload.get("lon"), payload.get("lat"))
    report = deps.reports.get(event.report_id) if event.report_id else None
    if report is None:
        return None
    return Facts(payload.get("service_code") or report.service_code, aware(report.created_at),
                 getattr(report, "channel", None) or report.source, report.lon, report.lat)


def changes_for(kind, payload, facts, at, ward_id):
    """{row key: {counter: amount}} that an event adds."""
    if kind == ANSWERED:
        return answer_changes(payload, facts)
    counters = {}
    if kind == "report_created":
        counters["received"] = 1
    elif kind == "report_state_changed":
        before, after = payload.get("previous_state"), payload.get("state")
        if states.is_open(before) and not states.is_open(after):
            counters["closed"] = 1
        elif not states.is_open(before) and states.is_open(after):
            counters["reopened"] = 1
        if after == FIXED and before != FIXED:
            counters["fixed"] = 1
    if not counters:
        return {}
    rows = ["total", f"category#{facts.service_code}", f"month#{london_today(at):%Y-%m}"]
    if ward_id:
        rows.append(f"ward#{ward_id}")
    changes = {row: dict(counters) for row in rows}
    if "received" in counters:
        changes["total"][f"channel_{facts.channel}"] = 1
    if "fixed" in counters:
        bucket = f"fix_days_{days_between(facts.reported_at, at)}"
        for row in rows[:2]:
            changes[row][bucket] = 1
    return changes


def answer_changes(payload, facts):
    rating = payload.get("rating")
    if not isinstance(rating, int) or isinstance(rating, bool):
        return {}
    counters = {"answers": 1, f"rating_{rating}": 1, **({} if payload.get("fixed") else {"not_fixed": 1})}
    return {row: dict(counters) for row in ("total", f"category#{facts.service_code}")}


def days_between(start, end):
    """Whole days, rounded up: fixed within N days means this is at most N."""
    return max(0, math.ceil((aware(end) - aware(start)).total_seconds() / DAY_SECONDS))


def aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # the app's clocks are UTC
