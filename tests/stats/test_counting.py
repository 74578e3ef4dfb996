"""How one event moves the figures: whole days to fix against a category's
target, what counts and what does not, and events that come without the
facts newer events carry."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from conftest import pothole

# Twelve days ago: events keep for 30 days (their TTL), and DynamoDB Local
# deletes expired ones as AWS does, so the story must be recent; its changes
# (up to ten days on) are all in the past.
T0 = (datetime.now(timezone.utc) - timedelta(days=12)).replace(hour=9, minute=0, second=0, microsecond=0)


def at(deps, moment):
    return replace(deps, clock=lambda: moment)


def report(deps, when=T0, **overrides):
    from chalicelib.handlers.reports.create import create_report
    view, _ = create_report(at(deps, when), pothole(**overrides))
    return view["id"]


def change(deps, report_id, state, when):
    from chalicelib.handlers.reports.changes import change_state
    change_state(at(deps, when), report_id, state)


def count_all(deps, *report_ids):
    """The reports' events, counted as the stream's handler would (oldest first)."""
    from chalicelib.handlers.stats.counting import count_event
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.reports.reports import EventModel
    events = sorted((event_from_image(e.serialize()) for e in EventModel.scan() if e.report_id in report_ids),
                    key=lambda e: e.created_at)
    return [count_event(deps, e) for e in events]


def stats(client):
    response = client.get("/v1/stats")
    assert response.status_code == 200
    return response.json_body


def category(figures, code):
    return next(c for c in figures["categories"] if c["service_code"] == code)


def test_a_fix_at_exactly_the_target_is_within_it_and_a_second_later_is_not(client, deps):
    target = 3  # litter's, in the categories' data
    on_time, late = (report(deps, service_code="litter", fields={}) for _ in range(2))
    change(deps, on_time, "fixed", T0 + timedelta(days=target))
    change(deps, late, "fixed", T0 + timedelta(days=target, seconds=1))
    count_all(deps, on_time, late)
    litter = category(stats(client), "litter")
    assert litter["target_days"] == target
    assert litter["days_to_fix"] == {"fixes": 2, "median": 3, "p90": 4}
    assert litter["within_target"] == {"fixes": 2, "within": 1, "share": 0.5}


def test_moves_between_open_states_and_public_updates_count_nothing(client, deps):
    from chalicelib.handlers.reports.changes import change_state
    rid = report(deps)
    change(deps, rid, "investigating", T0 + timedelta(hours=1))
    change_state(at(deps, T0 + timedelta(hours=2)), rid, "investigating", "Booked for Tuesday.")
    assert count_all(deps, rid) == [True, False, False]
    assert stats(client)["totals"] == {"received": 1, "closed": 0, "fixed": 0, "reopened": 0, "open": 1,
                                       "days_to_fix": {"fixes": 0, "median": None, "p90": None}}


def test_closing_reopening_and_fixing_again_counts_each_move_and_both_fixes(client, deps):
    rid = report(deps)
    for state, days in (("fixed", 1), ("open", 2), ("fixed", 9), ("closed", 10)):
        change(deps, rid, state, T0 + timedelta(days=days))
    count_all(deps, rid)
    figures = stats(client)
    moves = {k: figures["totals"][k] for k in ("received", "closed", "fixed", "reopened", "open")}
    assert moves == {"received": 1, "closed": 2, "fixed": 2, "reopened": 1, "open": 0}, moves
    assert category(figures, "pothole")["days_to_fix"] == {"fixes": 2, "median": 1, "p90": 9}, figures
    assert figures["months"][0]["month"] == T0.strftime("%Y-%m")
    assert [sum(m[k] for m in figures["months"]) for k in ("received", "closed", "fixed")] == [1, 2, 2], figures


def test_the_stream_handler_queues_a_batchs_alerts_then_counts_it_once(client, deps):
    from chalicelib.handlers.stream import on_stream
    from chalicelib.handlers.alerts.worker import InlineQueue
    from chalicelib.storage.reports.reports import EventModel
    report(deps)
    (event,) = EventModel.scan()
    records = [{"eventName": "INSERT", "dynamodb": {"NewImage": event.serialize()}}]
    jobs = InlineQueue()
    on_stream(records, lambda: deps, jobs)
    on_stream(records, lambda: deps, jobs)  # delivered again
    assert jobs  # the alert jobs went on the queue as well
    assert stats(client)["totals"]["received"] == 1
    assert stats(client)["channels"] == [{"channel": "api", "received": 1, "share": 1.0}]


def test_an_event_written_before_events_carried_facts_is_counted_from_its_report(client, deps):
    from chalicelib.handlers.stats.counting import count_event
    from chalicelib.storage.records import Event
    rid = report(deps, source="app")
    old = Event(id="old-event-1", kind="report_state_changed", report_id=rid, created_at=T0 + timedelta(days=2),
                payload={"state": "fixed", "service_code": "pothole", "previous_state": "open"})
    assert count_event(deps, old) is True
    assert count_event(deps, old) is False  # once
    pothole_figures = category(stats(client), "pothole")
    assert (pothole_figures["fixed"], pothole_figures["days_to_fix"]["median"]) == (1, 2)


def test_a_busy_table_is_tried_again_then_fails_the_batch_for_the_stream_to_redeliver(deps):
    from chalicelib.handlers.stats.counting import count_event
    from chalicelib.storage.errors import Throttled
    from chalicelib.storage.records import Event
    tries = []

    class Busy:
        def count(self, *args):
            tries.append(args[0])
            raise Throttled("TransactWriteItems")
    event = Event(id="e1", kind="report_created", report_id="DS-AAAAAA", created_at=T0,
                  payload={"state": "open", "service_code": "pothole", "reported_at": T0.isoformat(),
                           "channel": "web", "lon": None, "lat": None})
    with pytest.raises(Throttled):
        count_event(replace(deps, stats=Busy()), event, sleep=lambda s: None)
    assert tries == ["e1"] * 3


def test_a_stream_batch_is_counted_in_one_transaction_and_a_batch_partly_counted_before_counts_the_rest_once(
        client, deps, monkeypatch):
    # The stream's handler counts a batch of up to 50 events: one transaction each kept a fresh
    # stack's start-up batches (the demo's reports) busy for seconds while a resident's report
    # waited its turn in the stream behind them.
    from pynamodb.connection import Connection
    from chalicelib.handlers.stats.counting import count_event, count_events
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.reports.reports import EventModel
    ids = [report(deps, when=T0 + timedelta(minutes=n)) for n in range(12)]
    events = sorted((event_from_image(e.serialize()) for e in EventModel.scan() if e.report_id in ids),
                    key=lambda e: e.created_at)
    transactions = []
    write = Connection.transact_write_items
    monkeypatch.setattr(Connection, "transact_write_items",
                        lambda self, *a, **k: transactions.append(1) or write(self, *a, **k))
    assert [count_event(deps, e) for e in events[:3]] == [True] * 3  # a batch cut short, then delivered again
    transactions.clear()
    assert count_events(deps, events) == 9
    assert count_events(deps, events[3:]) == 0
    assert stats(client)["totals"]["received"] == 12
    fresh = [report(deps, when=T0 + timedelta(hours=1, minutes=n)) for n in range(10)]
    batch = sorted((event_from_image(e.serialize()) for e in EventModel.scan() if e.report_id in fresh),
                   key=lambda e: e.created_at)
    transactions.clear()
    assert count_events(deps, batch) == 10 and len(transactions) == 1
    assert stats(client)["totals"]["received"] == 22
