"""Taking part in meetings (handlers/participation): registrations to speak.
One table, `participation`, partition `pk`, sort `sk`:

  meeting#<id> / reg#<rid>              a registration to speak (its speaker's contact details
                                        kept here, never in a public answer)
  meeting#<id> / places                 places taken at the meeting (a counter)
  meeting#<id> / places#<item>          places taken on one item (a counter), where its rules cap it
  meeting#<id> / once#<item>#<user>     one person once per item
  meeting#<id> / q#<qid>                a written question (storage/democracy/participation_questions.py)
  meeting#<id> / webcast                its webcast's chapters (storage/democracy/participation_webcasts.py)
  meeting#<id> / live#<qid>             a question sent during the webcast (storage/democracy/participation_live.py)

A registration is one transaction: its row, its once row, the counters each
added to under the condition that it is below its cap, and its event; so of
any number racing for the last place the database decides, never a read
followed by a write. The speakers' list is one Query of the meeting's
partition (`reg#`). `by_owner` (sparse: registrations only) lists a
resident's own, for My Account and erasure."""
from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute, \
    UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention

FIELDS = ("id", "meeting_id", "item_id", "user_id", "name", "email", "phone", "mode", "needs", "side", "status",
          "reason", "late", "capped", "created_at", "decided_at", "meeting_ends", "committee_id")
LIVE = ("registered", "accepted")  # holding a place


class OwnerIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_owner"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


class ParticipationModel(Stored):
    class Meta:
        table_name = table("participation")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "phone": "contact", "name": "name", "user_id": "identifier",
                "question": "free_text", "answer": "free_text", "reason": "free_text", "needs": "needs",
                "chapters": "free_text", "name_public": "name"},
        whose="speaker", part="meetings", basis="public_task", recipients=("public", "mailer", "democracy"),
        purpose="A request to speak or a question at a public meeting; the name published only when they agree",
        retention=Retention(after="decided", months=12, then="anonymise", source="project",
                            note="the minutes keep what was said; a year after the meeting"))

    pk = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    taken = NumberAttribute(null=True)  # counters
    id = UnicodeAttribute(null=True)
    meeting_id = UnicodeAttribute(null=True)
    committee_id = UnicodeAttribute(null=True)
    item_id = UnicodeAttribute(null=True)
    user_id = CouncilKey(null=True)
    name = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    mode = UnicodeAttribute(null=True)  # in_person, remote
    needs = JSONAttribute(null=True)  # hearing_loop, interpreter, step_free
    side = UnicodeAttribute(null=True)  # for, against (planning), else absent
    status = UnicodeAttribute(null=True)  # registered, accepted, declined, withdrawn
    reason = UnicodeAttribute(null=True)  # a decline's or a late one's
    capped = BooleanAttribute(null=True)  # counted on its item's counter too (its rules cap the item)
    late = BooleanAttribute(null=True)  # added by staff past the deadline (the chair's discretion)
    created_at = UTCDateTimeAttribute(null=True)
    decided_at = UTCDateTimeAttribute(null=True)
    meeting_ends = UTCDateTimeAttribute(null=True)  # its withdraw link's end
    member = UnicodeAttribute(null=True)  # a written question's: the member it is put to
    question = UnicodeAttribute(null=True)
    answer = UnicodeAttribute(null=True)
    answered_at = UTCDateTimeAttribute(null=True)
    name_public = BooleanAttribute(null=True)  # the asker consents to their name being printed with it
    chapters = JSONAttribute(null=True)  # the webcast row's: [{item_id, at_s}]
    started_at = UTCDateTimeAttribute(null=True)  # the webcast row's: first marked live
    ward = UnicodeAttribute(null=True)  # a live question's: the asker's ward, by name (shown only by consent)
    decided_by = UnicodeAttribute(null=True)  # a live question's: the officer who last moderated it
    version = NumberAttribute(null=True)  # a registration's, for If-Match (set by hand: counters have none)
    by_owner = OwnerIndex()


def _pk(meeting_id):
    return f"meeting#{meeting_id}"


def _once(r):
    """The once row's key: the resident's, or a late one's own (staff added it for someone without an account)."""
    return f"once#{r['item_id']}#{r.get('user_id') or 'late-' + r['id']}"


def plain_row(row, fields, booleans=()):
    """A row as the handlers take it: its fields, `booleans` as True or False, its version."""
    found = {name: getattr(row, name, None) for name in fields}
    for name in booleans:
        found[name] = bool(found[name])
    found["version"] = int(row.version or 0)
    return found


class ResidentRows:
    """A resident's rows of one kind in meetings' partitions (`{PREFIX}<id>`):
    written questions, live questions. Made with the request's key claimed in
    the same transaction; read one by one, by meeting (one Query) or by
    owner (`by_owner`), and gone at erasure."""
    PREFIX, FIELDS, BOOLEANS = None, (), ()

    def __init__(self):
        bind()

    def _plain(self, row):
        return plain_row(row, self.FIELDS, self.BOOLEANS)

    def _create(self, made, idempotency=None, **extra):
        """AlreadyExists("idempotency"): the request's key was claimed meanwhile."""
        from ..reports.report_store import _claim_key
        row = ParticipationModel(_pk(made["meeting_id"]), f"{self.PREFIX}{made['id']}", version=1, **extra,
                                 **{k: v for k, v in made.items() if k in self.FIELDS and v is not None})
        parts = ["row"]
        with writes(parts, exists={"row", "idempotency"}), transaction() as t:
            t.save(row, condition=ParticipationModel.pk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
        return self._plain(row)

    def get(self, meeting_id, row_id):
        try:
            return self._plain(ParticipationModel.get(_pk(meeting_id), f"{self.PREFIX}{row_id}",
                                                      consistent_read=True))
        except ParticipationModel.DoesNotExist:
            return None

    def of_meeting(self, meeting_id):
        """A meeting's rows of this kind, first made first: one Query."""
        rows = ParticipationModel.query(_pk(meeting_id), ParticipationModel.sk.startswith(self.PREFIX),
                                        consistent_read=True)
        return sorted((self._plain(r) for r in rows), key=lambda q: (q["created_at"], q["id"]))

    def of_owner(self, user_id, limit=200):
        return [self._plain(r) for r in ParticipationModel.by_owner.query(
            user_id, ParticipationModel.sk.startswith(self.PREFIX), limit=limit)]

    def erase_owner(self, user_id):
        """A resident's rows of this kind gone (erasure): how many."""
        found = self.of_owner(user_id)
        for q in found:
            ParticipationModel(_pk(q["meeting_id"]), f"{self.PREFIX}{q['id']}").delete()
        return len(found)


def _plain(row):
    if row is None:
        return None
    found = {name: getattr(row, name, None) for name in FIELDS}
    found["needs"] = list(found["needs"] or [])
    found["late"], found["capped"] = bool(found["late"]), bool(found["capped"])
    found["version"] = int(row.version or 0)
    return found


class ParticipationStore:
    def __init__(self):
        bind()

    def register(self, registration, caps, event=None, idempotency=None, uncapped=False):
        """Take a place and store the registration, in one transaction. caps:
        {"meeting": n, "item": n or None}. EditConflict("meeting") or ("item"):
        that cap is reached; AlreadyExists("once"): this person has one on this
        item; ("idempotency"): the request's key was claimed meanwhile.
        uncapped: a late one the chair allows, counted but past the caps.
        Returns the registration as stored."""
        from ..reports.report_store import _claim_key, event_model
        M, pk, r = ParticipationModel, _pk(registration["meeting_id"]), registration
        row = M(pk, f"reg#{r['id']}", version=1, **{k: v for k, v in r.items() if k in FIELDS and v is not None})
        parts = ["registration", "once"]
        with writes(parts, exists={"registration", "once", "idempotency"}), transaction() as t:
            t.save(row, condition=M.pk.does_not_exist())
            t.save(M(pk, _once(r)), condition=M.pk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            if event is not None:
                t.save(event_model(event))
                parts.append("event")
            for part, sk, cap in (("meeting", "places", caps.get("meeting")),
                                  ("item", f"places#{r['item_id']}", caps.get("item"))):
                if cap is None and part == "item":
                    continue
                condition = None if uncapped else (M.taken.does_not_exist() | (M.taken < cap))
                t.update(M(pk, sk), actions=[M.taken.add(1)], condition=condition)
                parts.append(part)
        return _plain(row)

    def get(self, meeting_id, registration_id):
        try:
            return _plain(ParticipationModel.get(_pk(meeting_id), f"reg#{registration_id}", consistent_read=True))
        except ParticipationModel.DoesNotExist:
            return None

    def of_meeting(self, meeting_id):
        """Every registration of the meeting, first come first: one Query."""
        rows = ParticipationModel.query(_pk(meeting_id), ParticipationModel.sk.startswith("reg#"))
        return sorted((_plain(r) for r in rows), key=lambda r: (r["created_at"], r["id"]))

    def places(self, meeting_id):
        """{"meeting": taken, item_id: taken}: one Query of the counters."""
        rows = ParticipationModel.query(_pk(meeting_id), ParticipationModel.sk.startswith("places"))
        return {("meeting" if r.sk == "places" else r.sk.split("#", 1)[1]): int(r.taken or 0) for r in rows}

    def of_owner(self, user_id, limit=200):
        return [_plain(r) for r in ParticipationModel.by_owner.query(
            user_id, ParticipationModel.sk.startswith("reg#"), limit=limit)]

    def settle(self, registration, status, now, reason=None, expected=None, event=None, free_place=True,
               was=LIVE):
        """Its status changed under the condition that it still holds a place
        (and is at version `expected`, when given): a decline or withdrawal
        frees its place on the counters, one transaction with its event.
        EditConflict("registration") when it changed meanwhile."""
        from ..reports.report_store import event_model
        M, r = ParticipationModel, registration
        pk = _pk(r["meeting_id"])
        condition = M.status.is_in(*was)
        if expected is not None:
            condition &= M.version == expected
        actions = [M.status.set(status), M.decided_at.set(now), M.version.add(1)]
        if reason is not None:
            actions.append(M.reason.set(reason))
        parts = []
        with writes(parts), transaction() as t:
            if event is not None:
                t.save(event_model(event))
                parts.append("event")
            t.update(M(pk, f"reg#{r['id']}"), actions=actions, condition=condition)
            parts.append("registration")
            if free_place:
                t.update(M(pk, "places"), actions=[M.taken.add(-1)], condition=M.taken > 0)
                parts.append("meeting")
                if r["capped"]:
                    t.update(M(pk, f"places#{r['item_id']}"), actions=[M.taken.add(-1)], condition=M.taken > 0)
                    parts.append("item")
            if status == "withdrawn":  # they may register again while it is open
                t.delete(M(pk, _once(r)))
                parts.append("once")

    def erase_owner(self, user_id):
        """A resident's registrations gone (erasure); places they held freed. How many."""
        gone = 0
        for r in self.of_owner(user_id):
            pk = _pk(r["meeting_id"])
            with transaction() as t:
                t.delete(ParticipationModel(pk, f"reg#{r['id']}"))
                t.delete(ParticipationModel(pk, f"once#{r['item_id']}#{user_id}"))
                if r["status"] in LIVE:
                    for sk in ("places", *([f"places#{r['item_id']}"] if r["capped"] else [])):
                        t.update(ParticipationModel(pk, sk), actions=[ParticipationModel.taken.add(-1)])
            gone += 1
        return gone
