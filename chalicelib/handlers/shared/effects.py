"""Effects follow from the change's own event (DESIGN; docs/architecture.md,
"An event's path"). A change writes, in its one transaction, the event that
says what happened; everything it promises beyond its own rows (a message, a
hand-on to another capability, a refund) is an effect of that event kind,
registered here by the capability that carries it out, by name:

    effects.register("job_ended", "waste.not_collected",
                     "chalicelib.handlers.waste.not_collected:on_job_ended")

so a lower capability (crews, payments) never imports the one above it
(tests/architecture), and the module is imported on first need.

Each effect is claimed once per (event id, effect name) with a conditional
write (storage/effects.py) before it runs, and settled after. It runs, as
its first try, in the request that wrote the event (`first_try`), so what the
caller sees next (a confirmed booking on the return page) is as before; and
from the events stream: handlers/stream.on_stream (the dispatch_events Lambda;
on one machine doorstep_cli/local/stream_reader.py) queues one job per
(event, effect) on the alert queue (`jobs_of`), and the alert worker (the
deliver_alerts Lambda; on one machine doorstep_cli/local/queue_worker.py)
runs each (`run_job`): the dispatcher still only queues, the worker sends.
A process that dies anywhere after the commit leaves the event, so the
worker carries the effect out, or finishes it.

Where a process can die (the kill matrix's step boundaries, by function):
  1. after the change's transaction commits, before `first_try` (the crew's
     update in crews/field_updates.post_update, the payment's state in
     payments/core.check, the message in conversations/chat.post, a booking's
     change in waste/changes.change, its cancellation in waste/cancel_refunds.cancel_paid, a reminder's step in
     waste/settling.send_reminders or waste/garden.send_reminders, a refund
     settled in waste/settling.refund, a form sent in forms/sending.submit): nothing
     is claimed; the stream's job carries the effect out;
  2. in handlers/stream.on_stream, before or after its queue.send: the
     stream hands the batch again and the jobs are queued again (a job run
     twice finds its claim);
  3. in `_once`, after `EffectStore.claim`, before or inside the effect's
     function (waste/not_collected.on_job_ended, payments/core.on_finished,
     conversations/notices.on_notice, conversations/live.on_message,
     waste/receipts.on_receipt, waste/change_refunds.on_change_refund and
     waste/cancel_refunds.on_cancel_refund (which the request never tries:
     the stream alone), forms/cases.on_submitted,
     forms/copies.on_submitted, forms/handing_on.on_submitted):
     a claim left `claimed` and no longer renewed, taken again once STALE_CLAIM has
     passed (the queue brings the job back within batching.EFFECT_VISIBILITY_S, a
     minute: the worker keeps it hidden only while it renews the claim);
  4. after the effect's function, before `EffectStore.settle`: as 3; each
     effect is written to be run again, its own writes conditional, its
     messages keyed (the outbox's id, `message_key`).
A job whose effect is busy elsewhere or failed (and not yet given up) is
reported back to the queue (partial batch failure) and comes again: one busy within
a minute, one failed after the queue's visibility timeout; what is done is skipped
by its claim. After ATTEMPTS failed tries an effect is given up: its row says
`failed` with the error, and it is logged at ERROR on "doorstep.effects"
("effect given up"), one line each, for a metric filter to count; a job the
worker keeps failing goes to the queue's dead-letter queue (alarmed) after
its MAX_RECEIVES. A try that fails on its job's last receive is given up
too, whatever tries are left: the queue brings that job no more (receives
spent finding the effect busy, or by a runner that died, count there and
not here), and an effect left `retry` would be "under way" to its resident
for a day with nothing to make it.

An effect is `function(deps, event, key)`; `key` is the (event, effect)'s own
id, the Message-ID / Idempotency-Key of anything it sends, so a resend after
a crash is recognisably the same message.
"""
import importlib
import logging
from datetime import timedelta

from ...leases import LEASE, RENEW_S as LEASE_RENEW_S, renewed

log = logging.getLogger("doorstep.effects")

# A runner renews its claim every RENEW_S while the effect runs (`_renewed`), so a claim not
# renewed for STALE_CLAIM is a dead runner's: taken again within a minute of a crash, never
# while its runner lives (it would have to stall for three renewals in a row).
STALE_CLAIM = LEASE
RENEW_S = LEASE_RENEW_S
ATTEMPTS = 5  # failed tries before an effect is given up (its row kept as the dead letter)
# The words of its one ERROR line, which the template's metric filters count and alarm on (infra/template/alarms.py).
GIVEN_UP = "effect given up"
KEEP = timedelta(days=30)  # a claim outlives any redelivery of its event (streams keep 24 h)
# An effect not done a day after its event is not "under way" to a resident: the stream has let its event go
# (24 h) and what is left is a dead letter for staff, not a page to read again.
UNDER_WAY_FOR = timedelta(days=1)
DONE, ALREADY, BUSY, RETRY, FAILED = "done", "already", "busy", "retry", "failed"
UNDER_WAY, MADE, HELD_UP = "under_way", "made", "held_up"  # an effect's `progress`, as a page shows it

_REGISTERED = {}  # event kind -> {effect name: "module:function"}


def register(kind, name, target):
    """`target` ("package.module:function") is an effect of every `kind` event."""
    _REGISTERED.setdefault(kind, {})[name] = target


def effects_of(kind):
    return dict(_REGISTERED.get(kind, {}))


def message_key(event_id, name):
    """The Message-ID / Idempotency-Key of what one effect of one event sends."""
    return f"{event_id}.{name}"


def progress(deps, event_id, name, since):
    """How one effect of an event made at `since` stands, for a page showing what it makes: UNDER_WAY (not
    yet claimed, claimed, or to be tried again: the page reads it again), MADE, or HELD_UP (given up after
    ATTEMPTS tries: the dead letter, logged and alarmed for the operators); one consistent GetItem. None a day after the event,
    nothing read: its claim may be gone (KEEP's TTL), and the parts stand as they are."""
    if deps.clock() - since > UNDER_WAY_FOR:
        return None
    status, _ = deps.effects.status(event_id, name)
    return MADE if status == DONE else HELD_UP if status == FAILED else UNDER_WAY


def made_so_far(deps, event_id, name, since):
    """A page's `under_way` and `held_up`, from the effect's `progress`."""
    found = progress(deps, event_id, name, since)
    return {"under_way": found == UNDER_WAY, "held_up": found == HELD_UP}


def again(deps, event_id, name):
    """`doorstep effects again`: a given-up effect of a kept event (or one whose job went to the queue's dead
    letters) run once more, as the worker runs it, once its cause is mended: its claim reopened with its tries
    counted afresh. Its outcome (DONE; FAILED: given up again, and listed, as no queue brings it again; BUSY:
    another runner took it meanwhile), or why not: "no_event", "no_effect", "not_given_up"."""
    event = deps.effects.event(event_id)
    if event is None:
        return "no_event"  # never made here, or past the events' 30 days
    target = effects_of(event.kind).get(name)
    if target is None:
        return "no_effect"
    if not deps.effects.reopen(event_id, name, deps.clock() - STALE_CLAIM):
        return "not_given_up"
    return _once(deps, event, name, target, last=True)


def carry_out(deps, event):
    """Each registered effect of `event`, claimed once: {name: outcome}."""
    return {name: _once(deps, event, name, target) for name, target in effects_of(event.kind).items()}


def jobs_of(events):
    """The stream's part: one queue job per (event, registered effect)."""
    return [{"effect": name, "event": {"id": e.id, "kind": e.kind, "report_id": e.report_id,
                                       "payload": e.payload or {},
                                       "at": e.created_at.isoformat() if e.created_at else None}}
            for e in events for name in effects_of(e.kind)]


def run_job(deps, body, keep_alive=None, last=False):
    """The worker's part: one job's effect, claimed once. Returns
    (outcome, finished): not finished (busy elsewhere, or failed and to be
    tried again) sends the job back to the queue. `keep_alive()`, called with
    each renewal of the claim, keeps the job hidden on the queue only while
    this runner lives (alerts/worker.py). `last`: the queue's last receive of
    the job, so a failed try is given up."""
    from datetime import datetime
    from ...storage.records import Event
    e, name = body["event"], body["effect"]
    event = Event(id=e["id"], kind=e["kind"], report_id=e.get("report_id"), payload=e.get("payload") or {},
                  created_at=datetime.fromisoformat(e["at"]) if e.get("at") else None)
    target = effects_of(event.kind).get(name)
    if target is None:  # a process that did not wire the capabilities (app.py): back to the queue, then its DLQ
        log.error("effect job for %s of %s event %s: no such effect registered", name, event.kind, event.id)
        return FAILED, False
    outcome = _once(deps, event, name, target, keep_alive, last)
    return outcome, outcome not in (BUSY, RETRY)


def first_try(deps, events):
    """The request's part, once its transaction has committed: the same
    claimed run the stream makes, never raising (the change is stored; the
    stream finishes what this leaves)."""
    from ...faults import boundary
    boundary("event.committed")
    for event in events:
        if event is None:
            continue
        try:
            carry_out(deps, event)
        except Exception:  # noqa: BLE001 (the claim store itself failing: the stream tries again)
            log.exception("event %s: effects left to the stream", event.id)


def _once(deps, event, name, target, keep_alive=None, last=False):
    now = deps.clock()
    attempts = deps.effects.claim(event.id, name, now, now - STALE_CLAIM, now + KEEP)
    if attempts is None:
        status, _ = deps.effects.status(event.id, name)
        return BUSY if status == "claimed" else ALREADY
    from ...faults import boundary
    boundary("effect.claimed")
    module, _, function = target.partition(":")
    try:
        with _renewed(deps, event.id, name, now, keep_alive):
            getattr(importlib.import_module(module), function)(deps, event, message_key(event.id, name))
    except Exception as e:  # noqa: BLE001 (any failure: counted, tried again, given up at last)
        tries = attempts + 1
        if tries >= ATTEMPTS or last:
            log.error(GIVEN_UP + ": %s of %s event %s after %s tries: %r", name, event.kind, event.id, tries, e,
                      exc_info=True)
            deps.effects.settle(event.id, name, FAILED, tries, repr(e))
            return FAILED
        log.warning("effect %s of event %s failed (try %s): %r", name, event.id, tries, e, exc_info=True)
        deps.effects.settle(event.id, name, RETRY, tries, repr(e))
        return RETRY
    boundary("effect.carried_out")
    deps.effects.settle(event.id, name, DONE, attempts + 1)
    return DONE


def _renewed(deps, event_id, name, held_since, keep_alive):
    """The claim renewed every RENEW_S while the block runs (shared/leases.py);
    most effects end long before the first renewal."""
    held = [held_since]

    def renew():
        now = deps.clock()
        if not deps.effects.renew(event_id, name, held[0], now):
            return False
        held[0] = now
        if keep_alive is not None:
            keep_alive()
        return True
    return renewed(renew, f"effect {name} of event {event_id}", RENEW_S)
