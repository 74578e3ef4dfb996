"""Repairs to council homes: one table, `repairs`, one item per repair.

The `home` index lists a home's repairs, newest first (the tenant's list and
the home's history: one Query); the `user` index a tenant's own, newest first. The sparse `board` index holds open repairs
only, by the soonest moment one of their clocks is at risk: staff's board
reads the repairs at risk, due or late, never the open ones still on time. Every change after the report names the
`seq` it read (`changed`): two changes racing (a booking pressed twice, a
move and a cancel) make one, the other an EditConflict. A report is stored
with its Idempotency-Key and its event in one transaction, so its effects
(the order at the contractor's scheduler) follow from it once.

A closed repair (done, or cancelled) is on the retention sweep's due index (storage/due.py) from the
moment it closed: `closed_at`, stamped by the write that closes it (every write saves the repair whole,
through `_model`), cleared when a tenant reopens it, so whichever path closes it puts it on the index in
that write. One on a legal hold sits in the index's held partition; one the sweep anonymised is on it no
more, whatever is saved of it after.
"""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute,
                                 UTCDateTimeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..errors import AlreadyExists, EditConflict
from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..records import Repair
from .repair_communal import put_communal
from ..data_map import KEPT_AS_A_REPAIR, Holds
from ..due import due_index

REPAIRS = "repairs"  # closed repairs' partition of their due index
CLOSED = ("done", "cancelled")


class HomeIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "home"
        projection = AllProjection()

    home = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class BoardIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "board"
        projection = AllProjection()

    board = CouncilKey(hash_key=True)
    at_risk_at = UTCDateTimeAttribute(range_key=True)


class RemindIndex(GlobalSecondaryIndex):
    """Booked appointments whose day-before text is still to come, by the appointment's day (sparse)."""
    class Meta:
        index_name = "remind"
        projection = AllProjection()

    remind_day = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)


class RepairModel(Stored):
    class Meta:
        table_name = table("repairs")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"contact": "contact", "access": "needs", "user_id": "identifier", "description": "free_text",
                "summary": "free_text", "photos": "photo", "address": "address", "location": "free_text",
                "home": "address", "damp_mould": "needs",
                "priority_reason": "free_text", "done_what": "free_text",
                "hold": "free_text"},
        whose="tenant", part="repairs", basis="contract", recipients=("repairs", "mailer", "sms"),
        purpose="A repair to a council home: what, where, access, and the clocks the law sets",
        retention=KEPT_AS_A_REPAIR)

    id = CouncilKey(hash_key=True)
    home = CouncilKey()
    address = UnicodeAttribute()
    user_id = CouncilKey()
    location = UnicodeAttribute()
    problem = UnicodeAttribute()
    issue = UnicodeAttribute()
    repair = UnicodeAttribute()
    code = UnicodeAttribute()
    trade = UnicodeAttribute()
    priority = UnicodeAttribute()
    aware_at = UTCDateTimeAttribute()
    description = UnicodeAttribute(null=True)
    access = JSONAttribute(null=True)
    contact = JSONAttribute(null=True)
    photos = ListAttribute(null=True)
    right_to_repair_days = NumberAttribute(null=True)
    damp_mould = BooleanAttribute(null=True)
    status = UnicodeAttribute()
    order = JSONAttribute(null=True)
    appointment = JSONAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    seq = NumberAttribute(default=0)
    investigated_at = UTCDateTimeAttribute(null=True)
    summary = UnicodeAttribute(null=True)
    summary_at = UTCDateTimeAttribute(null=True)
    second_contractor_at = UTCDateTimeAttribute(null=True)
    done_at = UTCDateTimeAttribute(null=True)
    done_what = UnicodeAttribute(null=True)
    compensation = NumberAttribute(null=True)
    board = CouncilKey(null=True)
    at_risk_at = UTCDateTimeAttribute(null=True)
    team = UnicodeAttribute(null=True)
    job_id = UnicodeAttribute(null=True)
    parent_id = UnicodeAttribute(null=True)
    priority_reason = UnicodeAttribute(null=True)
    on_way_at = UTCDateTimeAttribute(null=True)
    no_access_at = UTCDateTimeAttribute(null=True)
    reminded_for = UnicodeAttribute(null=True)
    reopened_at = UTCDateTimeAttribute(null=True)
    remind_day = CouncilKey(null=True)  # a booked appointment's day until its reminder: the sparse index
    block = UnicodeAttribute(null=True)  # a shared part of this block: its row in repair_communal follows it
    # Retention: records_repairs.Repair says what each holds; the due index's keys are `_model`'s.
    closed_at = UTCDateTimeAttribute(null=True)
    hold = JSONAttribute(null=True)
    retained = JSONAttribute(null=True)
    retaining = UTCDateTimeAttribute(null=True)  # the sweep began: its first write, before anything goes
    retain = CouncilKey(null=True)
    retain_from = UnicodeAttribute(null=True)

    home_index = HomeIndex()
    user_index = UserIndex()
    board_index = BoardIndex()
    remind_index = RemindIndex()
    retention_index = due_index()


M = RepairModel


def _model(repair):
    """The stored repair with its reminder key: a booked appointment not yet reminded, by its London day."""
    day = (repair.appointment or {}).get("day") if repair.status == "booked" else None
    if (repair.appointment or {}).get("state") != "booked" or day == repair.reminded_for:
        day = None
    return model_of(M, repair, remind_day=day, **retention_keys(repair))


def retention_keys(repair):
    """The due index's keys. A closed repair is due from when it closed: `closed_at`, stamped when it is
    first saved done or cancelled (done: its `done_at`; cancelled: that change's `updated_at`) and cleared
    when it is open again (reopened, or a cancel the scheduler could not take back)."""
    from ..due import keys
    if repair.status not in CLOSED:
        repair.closed_at = None
    elif repair.closed_at is None:
        repair.closed_at = repair.done_at or repair.updated_at or repair.created_at
    return keys(REPAIRS, repair, repair.closed_at)


class RepairStore:
    def __init__(self):
        bind()

    def create(self, repair, idempotency=None, event=None):
        """The repair, its Idempotency-Key and its event in one transaction:
        AlreadyExists("idempotency") when a twin with the key came first."""
        from ..waste.bulky import _put_event
        from ..reports.report_store import _claim_key
        parts = ["repair"]
        with writes(parts, exists={"repair", "idempotency"}), transaction() as t:
            t.save(_model(repair), condition=M.id.does_not_exist())
            if repair.block:
                put_communal(t, parts, repair, first=True)
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            _put_event(t, parts, event)

    def get(self, repair_id):
        return record_of(Repair, get_or_none(M, repair_id))

    def of_home(self, home, limit=50):
        """A home's repairs, newest first: one Query of the home index."""
        return [record_of(Repair, item) for item in
                M.home_index.query(home, scan_index_forward=False, limit=limit)]

    def of_user(self, user_id, limit=50):
        """The repairs a tenant reported, newest first: one Query of the user index."""
        return [record_of(Repair, item) for item in
                M.user_index.query(user_id, scan_index_forward=False, limit=limit)]

    def at_risk(self, now, limit=500):
        """Open repairs one of whose clocks is at risk, due or late at `now`,
        soonest first: one Query of the sparse board index, reading those
        only, however many repairs are open and on time."""
        return [record_of(Repair, item) for item in
                M.board_index.query("open", M.at_risk_at <= now, limit=limit)]

    def changed(self, repair, expected_seq, event=None, audit=None, jobs=(), also=()):
        """The repair saved whole if its seq is still `expected_seq` (its own
        raised by one), with the change's event, its audit entry (the staff
        audit, keyed by the repair's new seq), its crew jobs and any other
        repair made with it (a follow-on): EditConflict("repair") otherwise."""
        from ..staff.audit import AuditModel, audit_model
        from ..waste.bulky import _put_event
        from ..crews.jobs import put_job, settle_job
        repair.seq = expected_seq + 1
        parts, saved = ["repair"] + ["follow_on"] * len(also), []
        with writes(parts, exists={"follow_on"}), transaction() as t:
            t.save(_model(repair), condition=M.seq == expected_seq)
            for other in also:
                t.save(_model(other), condition=M.id.does_not_exist())
            if repair.block:
                put_communal(t, parts, repair)
            if audit is not None:
                t.save(audit_model(audit), condition=AuditModel.seq.does_not_exist())
                parts.append("audit")
            for job in jobs:
                saved.append((job, put_job(t, parts, job)))
            _put_event(t, parts, event)
        for job, kept in saved:
            settle_job(job, kept)
        return repair

    def to_remind(self, day, limit=200):
        """Booked repairs on `day` (YYYY-MM-DD) whose reminder is still to come: one Query of the sparse index."""
        return [record_of(Repair, item) for item in M.remind_index.query(day, limit=limit)]

    def ask(self, repair_id, closed_at, now):
        """"How did it go?" claimed once for a done repair, in the questionnaires'
        table (answered as theirs are): the row's status, "new" when this call
        made it; "sending" left by a sender that died, which the caller sends again."""
        from ..crews.questionnaires import QuestionnaireModel as Q
        try:
            with writes(["questionnaire"], exists={"questionnaire"}):
                Q(repair_id, status="sending", closed_at=closed_at, closed_state="done", sent_at=now,
                  channels=["sms"]).save(condition=Q.report_id.does_not_exist())
            return "new"
        except AlreadyExists:
            found = Q.get(repair_id, consistent_read=True)
            return found.status

    def asked(self, repair_id):
        from ..crews.questionnaires import QuestionnaireModel as Q
        try:
            with writes(["questionnaire"]):
                Q(repair_id).update(actions=[Q.status.set("sent")], condition=Q.status == "sending")
        except EditConflict:
            pass  # answered already

    def due(self, before, limit, start=None, held=False):
        """A page of repairs due for the retention sweep, oldest first: [(id, closed at)], cursor. Those
        closed before `before` (held: those on a legal hold, whenever closed). One Query of the due index."""
        from ..due import due_or_held
        return due_or_held(M.retention_index, REPAIRS, before, limit, start, held)

    def due_count(self, before):
        from ..due import count
        return count(M.retention_index, REPAIRS, before)

    def add_due_keys(self):
        """Put every closed repair from before the due index on it, from when it was done (a cancelled one:
        its last change, the closest it remembers). CLI only (`doorstep tables`, when it adds the index)."""
        from ..due import add_keys
        return add_keys(M, Repair, retention_keys, M.status.is_in(*CLOSED))

    def begin_retaining(self, repair, now):
        """The sweep's first write, before it deletes anything of the repair: `retaining` stamped, on condition
        of the seq it read and of no legal hold, the seq raised, so a hold saved from an earlier read is
        refused and reads it again (handlers/retention/holds.py then refuses it: 409). False: changed or held
        since the read (kept, for the next run)."""
        try:
            with writes(["repair"]):
                M(repair.id).update(actions=[M.retaining.set(now), M.seq.add(1)],
                                    condition=(M.seq == repair.seq) & M.hold.does_not_exist())
        except EditConflict:
            return False
        repair.seq, repair.retaining = int(repair.seq or 0) + 1, now
        return True

    def forget_user(self, user_id):
        """Erasure: each of their repairs kept for the home's history and the law's clocks, no longer
        theirs: no contact, no access notes, and its user key an opaque one of its own (off their index).
        One on a legal hold (a disrepair claim: UK GDPR Art. 17(3)(e)) stays as it is: the ids of those
        kept. The write is conditioned on no hold and raises the seq, so a hold saved from an earlier read
        meets an EditConflict and reads the repair again, rather than putting the tenant back."""
        kept = []
        for repair in self.of_user(user_id, limit=10_000):
            try:
                with writes(["repair"]):
                    M(repair.id).update(actions=[M.user_id.set(f"erased#{repair.id}"), M.contact.remove(),
                                                 M.access.remove(), M.seq.add(1)],
                                        condition=M.id.exists() & M.hold.does_not_exist())
            except EditConflict:
                kept.append(repair.id)
                continue
            if repair.block:
                from .repair_communal import CommunalStore
                CommunalStore().forget_reporter(repair.id)
        return kept
