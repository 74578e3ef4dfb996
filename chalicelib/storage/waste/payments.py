"""Payments, one item each, keyed by Doorstep's payment id.

An unfinished payment carries `queue` = "open": the sparse `open` index lists
exactly those, by creation time, for the reconciliation job. The provider's
state is written as read; a late read of an unfinished state never overwrites
a finished one (webhooks and returns arrive in any order).

A finished payment is on the retention sweep's due index (storage/due.py) from the moment it first
finished (`retain` "payments", `retain_from`), set in the write that records that state, and never moved
by a later read of it (if_not_exists). Anonymised, it moves to the index's RETAINED partition, which no
sweep reads, so a late read of its state cannot put it back on the sweep's.
"""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute,
                                 UTCDateTimeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..records import Payment
from ..data_map import KEPT_AS_A_PAYMENT, Holds, holds_nothing
from ..due import due_index, moment

OPEN = "open"  # unfinished, or finished and its purpose not yet told
PAYMENTS = "payments"  # finished payments' partition of their due index
RETAINED = "retained"  # anonymised ones': read by no sweep


class OpenIndex(GlobalSecondaryIndex):
    """Unfinished payments by when they were made (sparse: finished ones lack `queue`)."""
    class Meta:
        index_name = "open"
        projection = AllProjection()

    queue = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class PaymentModel(Stored):
    class Meta:
        table_name = table("payments")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "user_id": "identifier", "card_brand": "payment", "amount": "payment",
                "description": "payment", "reference": "payment", "provider_id": "payment", "hold": "free_text"},
        whose="resident", part="payments", basis="contract", recipients=("payments",),
        not_personal={"message": "the provider's words for a failure"},
        purpose="A payment taken through the payment provider, its state and refunds (never a card number)",
        retention=KEPT_AS_A_PAYMENT)

    id = CouncilKey(hash_key=True)
    purpose = UnicodeAttribute()
    subject_id = UnicodeAttribute()
    amount = NumberAttribute()
    reference = UnicodeAttribute()
    description = UnicodeAttribute()
    return_secret_hash = UnicodeAttribute()
    status = UnicodeAttribute()
    finished = BooleanAttribute(default=False)
    queue = CouncilKey(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    user_id = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    provider_id = UnicodeAttribute(null=True)
    next_url = UnicodeAttribute(null=True)
    code = UnicodeAttribute(null=True)
    message = UnicodeAttribute(null=True)
    refunded = NumberAttribute(default=0)
    refunds = JSONAttribute(null=True)
    settled_status = UnicodeAttribute(null=True)
    card_brand = UnicodeAttribute(null=True)  # as the provider says once paid (finance's cash files)
    asking = JSONAttribute(null=True)  # {by, since, token, open}: the one refund being asked of the provider
    asking_token = UnicodeAttribute(null=True)  # the asking's own, what the conditional writes compare
    retain = CouncilKey(null=True)  # PAYMENTS once finished, RETAINED once anonymised (storage/due.py)
    retain_from = UnicodeAttribute(null=True)  # the moment it first finished, as the index sorts it
    retained_at = UTCDateTimeAttribute(null=True)
    hold = JSONAttribute(null=True)  # a legal hold ({reason, by, at}): `retain` HELD while it lasts

    open_index = OpenIndex()
    retention_index = due_index()


def _record(model):
    record = record_of(Payment, model)
    if record is not None:
        record.amount, record.refunded = int(record.amount), int(record.refunded or 0)
        record.refunds = record.refunds or []
    return record


class LedgerModel(Stored):
    """Money that moved, by the council's calendar day: a payment that succeeded,
    a refund the provider took. Finance's daily CSV is one day's partition."""
    class Meta:
        table_name = table("payment-ledger")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing()

    day = CouncilKey(hash_key=True)  # "YYYY-MM-DD", Europe/London
    entry = UnicodeAttribute(range_key=True)  # "{kind}#{payment or refund id}": written once
    row = JSONAttribute()  # {at, kind, payment_id, provider_id, refund_id, reference, purpose, amount, by, reason}


class PaymentStore:
    def __init__(self):
        bind()

    def get(self, payment_id):
        return _record(get_or_none(PaymentModel, payment_id, consistent_read=True))

    def create(self, payment):
        with writes(["payment"], exists={"payment"}):
            model_of(PaymentModel, payment, queue=OPEN).save(condition=PaymentModel.id.does_not_exist())

    def started(self, payment_id, provider_id, next_url, status, now):
        """The provider made it: its id and the page the payer goes to."""
        with writes(["payment"]):
            PaymentModel(payment_id).update(
                actions=[PaymentModel.provider_id.set(provider_id), PaymentModel.next_url.set(next_url),
                         PaymentModel.status.set(status), PaymentModel.updated_at.set(now)],
                condition=PaymentModel.id.exists() & (PaymentModel.provider_id.does_not_exist()
                                                      | (PaymentModel.provider_id == provider_id)))

    def record_state(self, payment_id, status, finished, code, message, now, event=None, card_brand=None):
        """Copy the provider's state. False when it would move a finished
        payment back to unfinished (a stale read losing a race): ignored.
        event: what a finished state promises (`payment_finished`, its id
        the payment's and the status's), written with the state unless a
        check before wrote it already."""
        actions = [PaymentModel.status.set(status), PaymentModel.finished.set(finished),
                   PaymentModel.updated_at.set(now)]
        actions += [PaymentModel.code.set(code)] if code else [PaymentModel.code.remove()]
        actions += [PaymentModel.message.set(message)] if message else [PaymentModel.message.remove()]
        actions += [PaymentModel.card_brand.set(card_brand)] if card_brand else []
        if finished:  # it stays in the open index until its purpose is told (mark_settled)
            # ...and is on the due index from its first finishing, however often it is read after
            actions += [PaymentModel.retain.set(PaymentModel.retain | PAYMENTS),
                        PaymentModel.retain_from.set(PaymentModel.retain_from | moment(now))]
            condition = PaymentModel.id.exists()
        else:
            condition = PaymentModel.id.exists() & (PaymentModel.finished == False)  # noqa: E712
        if finished and event is not None:
            from ..reports.report_store import EventModel, event_model
            try:
                # Parts as sent: PynamoDB sends a transaction's puts before its updates.
                with writes(["event", "payment"], exists={"event"}), transaction() as t:
                    t.save(event_model(event), condition=EventModel.id.does_not_exist())
                    t.update(PaymentModel(payment_id), actions=actions, condition=condition)
                return True
            except AlreadyExists:
                pass  # a check before wrote this status's event: the state alone
            except EditConflict:
                return False
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(actions=actions, condition=condition)
        except EditConflict:
            return False
        return True

    def mark_settled(self, payment_id, status):
        """The purpose was told of this finished status; False if told already."""
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(
                    actions=[PaymentModel.settled_status.set(status), PaymentModel.queue.remove()],
                    condition=PaymentModel.id.exists() & (PaymentModel.settled_status.does_not_exist()
                                                          | (PaymentModel.settled_status != status)))
        except EditConflict:
            return False
        return True

    def add_refund(self, payment_id, refund, refunded_before, event=None):
        """Record a refund the provider accepted, with the event that tells of it
        (`payment_refunded`: a reversal posted) in one transaction; EditConflict
        when another was recorded meanwhile, AlreadyExists("event") when this one was."""
        actions = [PaymentModel.refunds.set(self._refunds(payment_id) + [refund]),
                   PaymentModel.refunded.set(refunded_before + int(refund["amount"]))]
        if event is None:
            with writes(["payment"]):
                PaymentModel(payment_id).update(actions=actions, condition=PaymentModel.refunded == refunded_before)
            return
        from ..reports.report_store import EventModel, event_model
        with writes(["event", "payment"], exists={"event"}), transaction() as t:
            t.save(event_model(event), condition=EventModel.id.does_not_exist())
            t.update(PaymentModel(payment_id), actions=actions, condition=PaymentModel.refunded == refunded_before)

    def take_asking(self, payment_id, asking, held_token):
        """The payment's one place for asking the provider for a refund taken
        for `asking` ({by, since, token}) if it is as read: free when
        `held_token` is None, else still that asking's. False when another
        took it meanwhile."""
        held = PaymentModel.asking_token.does_not_exist() if held_token is None else \
            PaymentModel.asking_token == held_token
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(
                    actions=[PaymentModel.asking.set(asking), PaymentModel.asking_token.set(asking["token"])],
                    condition=PaymentModel.id.exists() & held)
        except EditConflict:
            return False
        return True

    def let_go_asking(self, payment_id, token):
        """The place given back by the asking holding it (False: taken over, as stale, meanwhile)."""
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(
                    actions=[PaymentModel.asking.remove(), PaymentModel.asking_token.remove()],
                    condition=PaymentModel.asking_token == token)
        except EditConflict:
            return False
        return True

    def open_asking(self, payment_id, token):
        """The place, still held by the asking with `token`, marked open: its
        holder is no longer asking (False: taken over meanwhile)."""
        found = self.get(payment_id)
        if found is None or (found.asking or {}).get("token") != token:
            return False
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(actions=[PaymentModel.asking.set({**found.asking, "open": True})],
                                                condition=PaymentModel.asking_token == token)
        except EditConflict:
            return False
        return True

    def _refunds(self, payment_id):
        found = self.get(payment_id)
        return list(found.refunds) if found else []

    def ledger_add(self, day, kind, entry_id, row):
        """Write a ledger row once; False when it was there already."""
        try:
            with writes(["ledger"], exists={"ledger"}):
                LedgerModel(day=day, entry=f"{kind}#{entry_id}", row=row).save(
                    condition=LedgerModel.entry.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def ledger_day(self, day):
        """One day's rows, in the order they happened."""
        rows = [m.row for m in LedgerModel.query(day, consistent_read=True)]
        return sorted(rows, key=lambda r: (r.get("at") or "", r.get("kind") or ""))

    def due(self, before, limit, start=None, held=False):
        """A page of payments finished before `before`, oldest first: [(id, finished at)], cursor (held:
        those on a legal hold, whenever finished). One Query of the due index (the retention sweep's)."""
        from ..due import due_or_held
        return due_or_held(PaymentModel.retention_index, PAYMENTS, before, limit, start, held)

    def hold(self, payment_id, held):
        """A finished payment off the sweep until released (storage/due.hold); a later read of its state
        keeps it held (its keys are if_not_exists)."""
        from ..due import hold
        return hold(PaymentModel, payment_id, PAYMENTS, held)

    def release(self, payment_id, line):
        from ..due import release
        return release(PaymentModel, payment_id, PAYMENTS, line)

    def due_count(self, before):
        from ..due import count
        return count(PaymentModel.retention_index, PAYMENTS, before)

    def anonymise(self, payment_id, before, now):
        """The payer taken off a payment finished before `before` (their e-mail and account), and the
        payment off the sweep's partition, in one conditioned write: amounts, references, refunds and the
        ledger as they were. False when it is not due (anonymised already, or gone)."""
        try:
            with writes(["payment"]):
                PaymentModel(payment_id).update(
                    actions=[PaymentModel.email.remove(), PaymentModel.user_id.remove(),
                             PaymentModel.retain.set(RETAINED), PaymentModel.retained_at.set(now)],
                    condition=(PaymentModel.retain == PAYMENTS) & (PaymentModel.retain_from < moment(before)))
        except EditConflict:
            return False
        return True

    def add_due_keys(self):
        """Put every finished payment from before the due index on it, from its last change (the closest
        the payment remembers to its finishing). One pass over the table; CLI only (`doorstep tables`,
        when it adds the index). How many it put."""
        changed = 0
        unindexed = PaymentModel.retain.does_not_exist() & (PaymentModel.finished == True)  # noqa: E712
        for item in PaymentModel.scan(filter_condition=unindexed):  # CLI only
            item.update(actions=[PaymentModel.retain.set(PaymentModel.retain | PAYMENTS),
                                 PaymentModel.retain_from.set(moment(item.updated_at or item.created_at))])
            changed += 1
        return changed

    def open_between(self, oldest, newest, limit=100):
        """Unfinished payments made between `oldest` and `newest`, oldest first."""
        return [_record(m) for m in PaymentModel.open_index.query(
            OPEN, PaymentModel.created_at.between(oldest, newest), limit=limit, page_size=limit)]


