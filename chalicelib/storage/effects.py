"""The claims of events' effects (handlers/shared/effects.py): one row per
(event, effect), kept in the deliveries table beside the claims of alerts'
messages (same shape: an id, a status, attempts, when claimed), under ids
"{event_id}#effect#{name}" that no delivery id can take.

A row is `claimed` while one runner carries the effect out, then `done`,
`retry` (a try failed; the next run may take it at once) or `failed` (tried
ATTEMPTS times: the dead letter, logged and counted, never run again by
itself, and in the given_up index until the operator runs it again:
`doorstep effects given-up`, then `again`). A runner renews its claim while
it works (`renew`), so a claim left by a runner that died goes stale within
the short lease and is taken again.
"""
from .alerts.alerts import DeliveryModel, renew_claim
from .binding import bind, get_or_none, record_of, writes
from .errors import EditConflict


SEPARATOR = "#effect#"
GIVEN_UP = "effects"  # the given_up index's one partition of a council


def claim_id(event_id, name):
    return f"{event_id}{SEPARATOR}{name}"


class EffectStore:
    def __init__(self):
        bind()

    def claim(self, event_id, name, now, stale_before, expires):
        """Take the effect; its attempts so far, or None when it is done,
        dead, or being carried out by a runner whose claim is not stale."""
        row = DeliveryModel(claim_id(event_id, name))
        condition = DeliveryModel.id.does_not_exist() | (DeliveryModel.status == "retry") | (
            (DeliveryModel.status == "claimed") & (DeliveryModel.claimed_at < stale_before))
        try:
            with writes(["effect"]):
                row.update(actions=[DeliveryModel.status.set("claimed"), DeliveryModel.claimed_at.set(now),
                                    DeliveryModel.expires.set(expires)], condition=condition)
        except EditConflict:
            return None
        return int(row.attempts or 0)

    def renew(self, event_id, name, held_since, now):
        """The claim moved on to `now`, if it is still the one this runner took
        (claimed, at `held_since`): False when another runner has taken it since."""
        return renew_claim(claim_id(event_id, name), held_since, now, "effect")

    def status(self, event_id, name):
        """(status, attempts), or (None, 0) when never claimed."""
        row = get_or_none(DeliveryModel, claim_id(event_id, name), consistent_read=True)
        return (row.status, int(row.attempts or 0)) if row is not None else (None, 0)

    def reopen(self, event_id, name, stale_before):
        """A given-up effect (or one whose job the queue let go, its dead letter: left to be tried again, or
        claimed by a runner that died, its claim older than `stale_before`) claimable again with its tries
        counted afresh, an operator's retry once its cause is mended: False when it is none of these (done,
        running, or never claimed)."""
        try:
            with writes(["effect"]):
                DeliveryModel(claim_id(event_id, name)).update(
                    actions=[DeliveryModel.status.set("retry"), DeliveryModel.attempts.set(0),
                             DeliveryModel.given_up.remove()],
                    condition=DeliveryModel.status.is_in("failed", "retry") | (
                        (DeliveryModel.status == "claimed") & (DeliveryModel.claimed_at < stale_before)))
        except EditConflict:
            return False
        return True

    def event(self, event_id):
        """A kept event (the events table keeps them 30 days), or None."""
        from .records import Event
        from .reports.reports import EventModel
        return record_of(Event, get_or_none(EventModel, event_id, consistent_read=True))

    def given_up(self, limit):
        """The council's effects given up after their tries and not run again since, last tried first (their
        claims are kept 30 days): one Query of the given_up index."""
        rows = DeliveryModel.given_up_index.query(GIVEN_UP, scan_index_forward=False, limit=limit)
        return [dict(zip(("event", "effect"), row.id.split(SEPARATOR)), tried_at=row.claimed_at,
                     attempts=int(row.attempts or 0), note=row.note) for row in rows]

    def settle(self, event_id, name, status, attempts, note=None):
        """The try's outcome. A `done` row stays done: a runner whose claim went stale while it worked, and
        was taken over and carried out by another, cannot undo it; only a given-up row is listed."""
        actions = [DeliveryModel.status.set(status), DeliveryModel.attempts.set(attempts)]
        actions += [DeliveryModel.note.set(note[:500])] if note else []
        actions += [DeliveryModel.given_up.set(GIVEN_UP) if status == "failed" else DeliveryModel.given_up.remove()]
        try:
            with writes(["effect"]):
                DeliveryModel(claim_id(event_id, name)).update(actions=actions,
                                                               condition=~(DeliveryModel.status == "done"))
        except EditConflict:
            pass  # carried out by the runner that took it over
