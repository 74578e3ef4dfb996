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
write (storage/effects.py) before it runs, and settled after. It runs from
the events stream (handlers/stream.on_stream: in AWS the dispatch_events
Lambda, on one machine doorstep_cli/local/stream_reader.py), and, as its first
try, from the request that wrote the event (`first_try`), so what the caller
sees next (a confirmed booking on the return page) is as before. A process
that dies anywhere after the commit leaves the event: the stream carries the
effect out, or finishes it.

Where a process can die (the kill matrix's step boundaries):
  1. after the change's transaction, before `first_try` (nothing claimed);
  2. inside `carry_out`, after `EffectStore.claim`, before or inside the
     effect's function (a claim left `claimed`: taken again once STALE_CLAIM
     has passed);
  3. after the effect's function, before `EffectStore.settle` (the effect
     runs again after STALE_CLAIM: each effect is written to be run again,
     its own writes conditional, its messages keyed by `message_key`).
A batch with an effect busy elsewhere or failed (and not yet given up) raises
Unfinished: the stream hands the batch again (with backoff), and what is done
is skipped by its claim. After ATTEMPTS failed tries an effect is given up:
its row says `failed` with the error, and it is logged at ERROR on
"doorstep.effects" ("effect given up"), one line each, for a metric filter to
count and staff to read.

An effect is `function(deps, event, key)`; `key` is the (event, effect)'s own
id, the Message-ID / Idempotency-Key of anything it sends, so a resend after
a crash is recognisably the same message.
"""
import importlib
import logging
from datetime import timedelta

log = logging.getLogger("doorstep.effects")

STALE_CLAIM = timedelta(minutes=5)  # longer than any effect takes (a provider's calls time out in 10 s)
ATTEMPTS = 5  # failed tries before an effect is given up (its row kept as the dead letter)
KEEP = timedelta(days=30)  # a claim outlives any redelivery of its event (streams keep 24 h)
DONE, ALREADY, BUSY, RETRY, FAILED = "done", "already", "busy", "retry", "failed"

_REGISTERED = {}  # event kind -> {effect name: "module:function"}


def register(kind, name, target):
    """`target` ("package.module:function") is an effect of every `kind` event."""
    _REGISTERED.setdefault(kind, {})[name] = target


def effects_of(kind):
    return dict(_REGISTERED.get(kind, {}))


def message_key(event_id, name):
    """The Message-ID / Idempotency-Key of what one effect of one event sends."""
    return f"{event_id}.{name}"


class Unfinished(Exception):
    """Effects of a batch are neither done nor given up: hand the batch again."""


def carry_out(deps, event):
    """Each registered effect of `event`, claimed once: {name: outcome}."""
    return {name: _once(deps, event, name, target) for name, target in effects_of(event.kind).items()}


def on_events(deps, events):
    """The stream's part: every effect of every event in the batch; raises
    Unfinished (after trying them all) when one must be tried again."""
    waiting = [f"{e.id}/{name}" for e in events for name, outcome in carry_out(deps, e).items()
               if outcome in (BUSY, RETRY)]
    if waiting:
        raise Unfinished(f"effects to try again: {', '.join(waiting)}")
    return len(events)


def first_try(deps, events):
    """The request's part, once its transaction has committed: the same
    claimed run the stream makes, never raising (the change is stored; the
    stream finishes what this leaves)."""
    for event in events:
        if event is None:
            continue
        try:
            carry_out(deps, event)
        except Exception:  # noqa: BLE001 (the claim store itself failing: the stream tries again)
            log.exception("event %s: effects left to the stream", event.id)


def _once(deps, event, name, target):
    now = deps.clock()
    attempts = deps.effects.claim(event.id, name, now, now - STALE_CLAIM, now + KEEP)
    if attempts is None:
        status, _ = deps.effects.status(event.id, name)
        return BUSY if status == "claimed" else ALREADY
    module, _, function = target.partition(":")
    try:
        getattr(importlib.import_module(module), function)(deps, event, message_key(event.id, name))
    except Exception as e:  # noqa: BLE001 (any failure: counted, tried again, given up at last)
        tries = attempts + 1
        if tries >= ATTEMPTS:
            log.error("effect given up: %s of %s event %s after %s tries: %r", name, event.kind, event.id, tries, e,
                      exc_info=True)
            deps.effects.settle(event.id, name, FAILED, tries, repr(e))
            return FAILED
        log.warning("effect %s of event %s failed (try %s): %r", name, event.id, tries, e, exc_info=True)
        deps.effects.settle(event.id, name, RETRY, tries, repr(e))
        return RETRY
    deps.effects.settle(event.id, name, DONE, attempts + 1)
    return DONE
