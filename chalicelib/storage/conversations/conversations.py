"""Live chat: conversations, their messages, and the parties to them.

- `conversations`: one item per conversation. While it waits for an officer it
  carries `queue_pk` ("waiting") and `queue_sk` ("{waiting since}#{id}"): the
  sparse `queue` index holds exactly the waiting ones, oldest first, so the
  staff queue reads what it shows. While an officer has it, `officer_pk` puts
  it in the sparse `officer` index (their desk). `user` lists a resident's.
- `conversation-messages`: one item per message, keyed by conversation and a
  sequence number (1, 2, 3...): "the messages after cursor N" is one Query.
  A message is written in one transaction with the conversation's `last_seq`
  (conditioned on the value read) and its Idempotency-Key record, so two
  messages never share a number and a retried one is stored once.
- `conversation-parties`: one item per officer ("officer#{id}": how many
  conversations they have now) and per blocked resident ("resident#{party}":
  the reason). Taking adds one to the officer's count under the condition
  that it is below their maximum, in the same transaction as the
  conversation's change from waiting to taken: the database decides who gets
  it, never a read followed by a write.
- `conversation-links`: what staff search by, one item per (key, conversation):
  "email#{sha256}" and "phone#{sha256}" of the contact the resident gave (or
  their account's), written with the conversation, and "report#{id}" for each
  report made from it or linked to it, written with the link. A search is one
  Query of the key's partition and a BatchGetItem of what it found: it reads
  what it returns. (A GSI on the conversation would hold one value per item;
  a conversation has several reports.)

Every conversation is on the retention sweep's due index (storage/due.py) from its last word: `retain`
("chats") and `retain_from` are set in the write that creates it (its start), moved on by each message's
(in the message's transaction) and by the one that closes it. Nothing is written to a closed
conversation (a message's write is conditioned on it being open), so its closure is its last word; a
conversation never closed is due from its last message (docs/decisions/retention.md).
"""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute,
                                 UTCDateTimeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import EditConflict
from ..records import ChatMessage, Conversation
from ..data_map import KEPT_AS_A_CHAT, Holds, Retention
from ..due import due_index, moment

WAITING = "waiting"
CHATS = "chats"  # the closed conversations' partition of their due index


class QueueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "queue"
        projection = AllProjection()

    queue_pk = CouncilKey(hash_key=True)
    queue_sk = UnicodeAttribute(range_key=True)


class OfficerIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "officer"
        projection = AllProjection()

    officer_pk = CouncilKey(hash_key=True)
    updated_at = UTCDateTimeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class ConversationModel(Stored):
    class Meta:
        table_name = table("conversations")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"contact": "contact", "user_id": "identifier", "context": "free_text", "officer_name": "name",
                "token_hash": "credentials", "officer": "identifier", "party": "identifier", "hold": "free_text"},
        whose="resident", part="chat", basis="public_task", recipients=("mailer",),
        purpose="A live chat between a resident and an officer", retention=KEPT_AS_A_CHAT)

    id = CouncilKey(hash_key=True)
    state = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    user_id = CouncilKey(null=True)
    token_hash = UnicodeAttribute(null=True)
    contact = JSONAttribute(null=True)
    context = JSONAttribute(null=True)
    party = UnicodeAttribute(null=True)
    officer = UnicodeAttribute(null=True)
    officer_name = UnicodeAttribute(null=True)
    waiting_since = UTCDateTimeAttribute(null=True)
    last_seq = NumberAttribute(default=0)
    last_staff_seq = NumberAttribute(default=0)
    report_ids = ListAttribute(of=UnicodeAttribute, null=True)
    rating = NumberAttribute(null=True)
    closed_at = UTCDateTimeAttribute(null=True)
    closed_by = UnicodeAttribute(null=True)
    resident_seen_at = UTCDateTimeAttribute(null=True)
    offered_at = UTCDateTimeAttribute(null=True)
    choice = UnicodeAttribute(null=True)
    chosen_at = UTCDateTimeAttribute(null=True)
    queue_pk = CouncilKey(null=True)
    queue_sk = UnicodeAttribute(null=True)
    officer_pk = CouncilKey(null=True)
    retain = CouncilKey(null=True)  # CHATS once closed: the due index (storage/due.py)
    retain_from = UnicodeAttribute(null=True)  # the closing moment, as the index sorts it
    hold = JSONAttribute(null=True)  # a legal hold ({reason, by, at}): `retain` HELD while it lasts
    # Set, on condition of no hold, before an erasure deletes anything; a hold is refused once it is (erasing).
    erasing = BooleanAttribute(null=True)
    queue_index = QueueIndex()
    officer_index = OfficerIndex()
    user_index = UserIndex()
    retention_index = due_index()


class MessageModel(Stored):
    class Meta:
        table_name = table("conversation-messages")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"text": "free_text", "author": "identifier", "author_name": "name", "photos": "photo"},
        whose="resident", part="chat", basis="public_task", purpose="What was said in a live chat",
        retention=KEPT_AS_A_CHAT)

    conversation_id = CouncilKey(hash_key=True)
    seq = NumberAttribute(range_key=True)
    author = UnicodeAttribute()
    text = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    author_name = UnicodeAttribute(null=True)
    photos = JSONAttribute(null=True)
    template_id = UnicodeAttribute(null=True)


class PartyModel(Stored):
    class Meta:
        table_name = table("conversation-parties")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"party": "identifier", "reason": "free_text", "by": "identifier"}, whose="resident", part="chat",
        basis="legitimate_interests", purpose="A resident blocked from chat and why; an officer's load",
        retention=Retention(after="created", months=12, source="project", note="a block lapses after a year"))

    party = CouncilKey(hash_key=True)  # "officer#{user id}" or "resident#{party}"
    taken = NumberAttribute(null=True)  # an officer's conversations now
    waited_s = NumberAttribute(null=True)  # "waits#{hour}": seconds the conversations taken in that hour waited
    answered = NumberAttribute(null=True)  # ... and how many they were
    reason = UnicodeAttribute(null=True)  # a resident's block
    by = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute(null=True)


class LinkModel(Stored):
    class Meta:
        table_name = table("conversation-links")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"lookup": "identifier"}, whose="resident", part="chat", basis="public_task", copy_of="conversations",
        purpose="Finding a resident's chats by the digest of their email or phone", retention=KEPT_AS_A_CHAT)

    lookup = CouncilKey(hash_key=True)  # "email#{sha256}", "phone#{sha256}" or "report#{report id}"
    conversation_id = UnicodeAttribute(range_key=True)
    created_at = UTCDateTimeAttribute()


def contact_keys(contact):
    """The search keys of a resident's e-mail and phone (normalised, hashed: the table holds no contact)."""
    from ... import ids, validation
    keys = []
    if contact.get("email"):
        keys.append("email#" + ids.digest(contact["email"].strip().lower()))
    if contact.get("phone"):
        keys.append("phone#" + ids.digest(validation.e164(contact["phone"]) or contact["phone"]))
    return keys


def _waits_key(moment):
    return f"waits#{moment:%Y-%m-%dT%H}"  # one item per hour (UTC): the rolling figure reads two


class OfficerFull(EditConflict):
    """The officer has as many conversations as they may at once."""


def _conversation(model):
    return record_of(Conversation, model)


def _queue_keys(conversation):
    waiting = conversation.state == WAITING
    return {"queue_pk": WAITING if waiting else None,
            "queue_sk": f"{conversation.waiting_since.isoformat()}#{conversation.id}" if waiting else None,
            "officer_pk": conversation.officer if conversation.state == "taken" else None}


class ConversationStore:
    def __init__(self):
        bind()

    def create(self, conversation, idempotency=None):
        """Store a new conversation (and its Idempotency-Key's record); AlreadyExists
        ("idempotency") when that key was claimed meanwhile."""
        from ..reports.report_store import _claim_key
        parts = ["conversation"]
        with writes(parts, exists={"conversation", "idempotency"}), transaction() as t:
            t.save(model_of(ConversationModel, conversation, **_queue_keys(conversation), retain=CHATS,
                            retain_from=moment(conversation.created_at)),
                   condition=ConversationModel.id.does_not_exist())
            for key in contact_keys(conversation.contact):
                t.save(LinkModel(key, conversation.id, created_at=conversation.created_at))
                parts.append("link")
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def get(self, conversation_id):
        return _conversation(get_or_none(ConversationModel, conversation_id, consistent_read=True))

    def add_message(self, conversation, message, idempotency=None, event=None, changes=None):
        """Store `message` as number conversation.last_seq + 1. EditConflict when
        another message took that number first (read the conversation again and
        retry) or the conversation closed meanwhile; AlreadyExists("idempotency")
        when the request's key was claimed meanwhile. event: what the message
        promises (the resident told of an officer's answer), in the same transaction.
        changes: {attribute: value} set on the conversation in that transaction
        (the resident's choice, said by the message that confirms it)."""
        from ..reports.report_store import _claim_key
        parts = ["message"]
        staff = message.author == "staff"
        partition, as_held = _due_partition(conversation)
        actions = [ConversationModel.last_seq.set(message.seq), ConversationModel.updated_at.set(message.created_at),
                   ConversationModel.retain.set(partition), ConversationModel.retain_from.set(moment(message.created_at))]
        if staff:
            actions.append(ConversationModel.last_staff_seq.set(message.seq))
        actions += [getattr(ConversationModel, name).set(value) for name, value in (changes or {}).items()]
        with writes(parts, exists={"idempotency"}), transaction() as t:
            t.save(model_of(MessageModel, message), condition=MessageModel.seq.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            if event is not None:  # a put: sent before the update, as `parts` lists it
                from ..reports.report_store import event_model
                t.save(event_model(event))
                parts.append("event")
            t.update(ConversationModel(conversation.id), actions=actions,
                     condition=(ConversationModel.last_seq == conversation.last_seq)
                     & (ConversationModel.state != "closed") & as_held)
            parts.append("conversation")

    def message(self, conversation_id, seq):
        return record_of(ChatMessage, get_or_none(MessageModel, conversation_id, range_key=seq, consistent_read=True))

    def messages(self, conversation_id, after=0, limit=100):
        """The messages numbered above `after`, oldest first: one Query."""
        return [record_of(ChatMessage, m) for m in MessageModel.query(
            conversation_id, MessageModel.seq > after, limit=limit, page_size=limit, consistent_read=True)]

    def queue(self, limit=50):
        """The waiting conversations, longest waiting first: one Query of the
        sparse queue index, reading about what it returns."""
        return [_conversation(m) for m in ConversationModel.queue_index.query(
            WAITING, limit=limit, page_size=limit)]

    def of_officer(self, officer_id, limit=50):
        return [_conversation(m) for m in ConversationModel.officer_index.query(
            officer_id, scan_index_forward=False, limit=limit, page_size=limit)]

    def of_user(self, user_id, limit=200):
        return [_conversation(m) for m in ConversationModel.user_index.query(
            user_id, scan_index_forward=False, limit=limit, page_size=limit)]

    def officer_load(self, officer_id):
        found = get_or_none(PartyModel, f"officer#{officer_id}", consistent_read=True)
        return int(found.taken or 0) if found else 0

    def take(self, conversation_id, officer_id, officer_name, most, now, waited_s=None):
        """waiting -> taken by this officer, and one more on their count, in one
        transaction. EditConflict("conversation") when it is not waiting
        (someone took it first); OfficerFull when they have `most` already.
        waited_s: how long it waited, added to this hour's figure (recent_waits)."""
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.update(ConversationModel(conversation_id), actions=[
                    ConversationModel.state.set("taken"), ConversationModel.officer.set(officer_id),
                    ConversationModel.officer_name.set(officer_name), ConversationModel.officer_pk.set(officer_id),
                    ConversationModel.updated_at.set(now), ConversationModel.queue_pk.remove(),
                    ConversationModel.queue_sk.remove(), ConversationModel.waiting_since.remove()],
                    condition=ConversationModel.state == WAITING)
                parts.append("conversation")
                self._count(t, officer_id, 1, most)
                parts.append("officer")
                if waited_s is not None:
                    t.update(PartyModel(_waits_key(now)), actions=[
                        PartyModel.waited_s.add(int(waited_s)), PartyModel.answered.add(1)])
                    parts.append("waits")
        except EditConflict as e:
            if e.args and e.args[0] == "officer":
                raise OfficerFull("officer") from e
            raise

    def place(self, conversation, limit=50):
        """How many wait ahead of it, plus one: one Query of the queue index
        up to its own key, counting (it reads those ahead, at most `limit`)."""
        ahead = ConversationModel.queue_index.count(
            WAITING, ConversationModel.queue_sk < _queue_keys(conversation)["queue_sk"], limit=limit)
        return ahead + 1

    def recent_waits(self, now):
        """(seconds waited in all, conversations answered) over this hour and
        the one before: two small items, kept by take()."""
        from datetime import timedelta
        waited = answered = 0
        for found in PartyModel.batch_get([_waits_key(now), _waits_key(now - timedelta(hours=1))]):
            waited += int(found.waited_s or 0)
            answered += int(found.answered or 0)
        return waited, answered

    def offered(self, conversation_id, now):
        """The first time the waiting resident was offered another way: kept once."""
        try:
            with writes(["conversation"]):
                ConversationModel(conversation_id).update(
                    actions=[ConversationModel.offered_at.set(now)],
                    condition=ConversationModel.offered_at.does_not_exist() & (ConversationModel.state == WAITING))
        except EditConflict:
            return False
        return True

    def hand_over(self, conversation_id, from_id, to_id, to_name, most, now):
        """taken by one officer -> taken by another; the counts move with it.
        EditConflict("conversation") when `from_id` no longer has it; OfficerFull
        when the colleague has `most` already."""
        parts = []
        try:
            with writes(parts), transaction() as t:
                t.update(ConversationModel(conversation_id), actions=[
                    ConversationModel.officer.set(to_id), ConversationModel.officer_name.set(to_name),
                    ConversationModel.officer_pk.set(to_id), ConversationModel.updated_at.set(now)],
                    condition=(ConversationModel.state == "taken") & (ConversationModel.officer == from_id))
                parts.append("conversation")
                self._count(t, to_id, 1, most)
                parts.append("officer")
                self._count(t, from_id, -1)
                parts.append("from")
        except EditConflict as e:
            if e.args and e.args[0] == "officer":
                raise OfficerFull("officer") from e
            raise

    def close(self, conversation, by, now, if_silent=False):
        """-> closed; its officer's count down by one. EditConflict when it was
        closed (or changed hands) meanwhile, or, `if_silent`, when a message was
        added since it was read (the sweep closing one idle since `now`)."""
        parts = []
        condition = ConversationModel.state == conversation.state
        if conversation.officer:
            condition &= ConversationModel.officer == conversation.officer
        if if_silent:
            condition &= ConversationModel.last_seq == conversation.last_seq
        partition, as_held = _due_partition(conversation)
        condition &= as_held
        with writes(parts), transaction() as t:
            t.update(ConversationModel(conversation.id), actions=[
                ConversationModel.state.set("closed"), ConversationModel.closed_at.set(now),
                ConversationModel.closed_by.set(by), ConversationModel.updated_at.set(now),
                ConversationModel.queue_pk.remove(), ConversationModel.queue_sk.remove(),
                ConversationModel.officer_pk.remove(), ConversationModel.retain.set(partition),
                ConversationModel.retain_from.set(moment(now))], condition=condition)
            parts.append("conversation")
            if conversation.state == "taken" and conversation.officer:
                self._count(t, conversation.officer, -1)
                parts.append("officer")

    def rate(self, conversation_id, rating):
        """The resident's one answer; False when it was not closed or was rated already."""
        try:
            with writes(["conversation"]):
                ConversationModel(conversation_id).update(
                    actions=[ConversationModel.rating.set(rating)],
                    condition=(ConversationModel.state == "closed") & ConversationModel.rating.does_not_exist())
        except EditConflict:
            return False
        return True

    def link_report(self, conversation_id, report_id, now):
        """Add a report made from it or linked to it (once each)."""
        found = self.get(conversation_id)
        if found is None or report_id in found.report_ids:
            return
        with writes(["conversation", "link"]), transaction() as t:
            t.update(ConversationModel(conversation_id), actions=[
                ConversationModel.report_ids.set(ConversationModel.report_ids.append([report_id])
                                                 if found.report_ids else [report_id]),
                ConversationModel.updated_at.set(now)], condition=ConversationModel.id.exists())
            t.save(LinkModel(f"report#{report_id}", conversation_id, created_at=now))

    def search(self, key, limit=50):
        """The conversations filed under a search key, newest first: one Query
        of its partition and one BatchGetItem."""
        found = [m.conversation_id for m in LinkModel.query(key, limit=limit, page_size=limit)]
        if not found:
            return []
        return sorted((_conversation(m) for m in ConversationModel.batch_get(found)),
                      key=lambda c: c.created_at, reverse=True)

    def seen_by_resident(self, conversation_id, now):
        ConversationModel(conversation_id).update(actions=[ConversationModel.resident_seen_at.set(now)],
                                                  condition=ConversationModel.id.exists())

    def blocked(self, party):
        """(reason, by, at) of a resident's block, or None."""
        found = get_or_none(PartyModel, f"resident#{party}", consistent_read=True) if party else None
        return (found.reason, found.by, found.at) if found else None

    def block(self, party, reason, by, by_email, conversation_id, now):
        """Block a resident, with the audit entry saying who and why (read with
        AuditStore.entries(conversation id)), in one transaction."""
        from ..staff.audit import audit_model
        from ..records import AuditEntry
        entry = AuditEntry(report_id=conversation_id, seq=int(now.timestamp() * 1000), action="block_resident",
                           by_user_id=by, by_email=by_email, created_at=now,
                           changes={"blocked": {"before": None, "after": reason}})
        with writes(["block", "audit"]), transaction() as t:
            t.save(PartyModel(f"resident#{party}", reason=reason, by=by, at=now))
            t.save(audit_model(entry))

    def due(self, before, limit, start=None, held=False):
        """A page of conversations closed before `before`, oldest first: [(id, closed at)], cursor (held:
        those on a legal hold, whenever closed). One Query of the due index (the retention sweep's)."""
        from ..due import due_or_held
        return due_or_held(ConversationModel.retention_index, CHATS, before, limit, start, held)

    def hold(self, conversation_id, held):
        """A chat off the sweep until released (storage/due.hold); False once its erasure has begun."""
        from ..due import hold
        return hold(ConversationModel, conversation_id, CHATS, held, also=ConversationModel.erasing.does_not_exist())

    def begin_erasing(self, conversation_id):
        """The chat marked as being erased, on condition that no legal hold is on it: from then on a hold is
        refused (`hold`), so a hold placed between an erasure's read and its deletes is either in time to
        keep the chat (this is False) or refused. True: erase it; False: held, or gone already."""
        try:
            with writes(["conversation"]):
                ConversationModel(conversation_id).update(
                    actions=[ConversationModel.erasing.set(True)],
                    condition=ConversationModel.id.exists() & ConversationModel.hold.does_not_exist())
        except EditConflict:
            return False
        return True

    def release(self, conversation_id, line):
        from ..due import release
        return release(ConversationModel, conversation_id, CHATS, line)

    def due_count(self, before):
        from ..due import count
        return count(ConversationModel.retention_index, CHATS, before)

    def add_due_keys(self):
        """Put every conversation written before its due keys on the due index: a closed one from its
        closing moment, an open one from its last message (its start when it has none). One pass over
        the table, every council's; CLI only (`doorstep tables`). How many it put."""
        from ... import tenancy
        from ..offboarding.paging import call
        changed, start = 0, None
        names = {"#r": "retain", "#i": "id", "#s": "state", "#c": "closed_at", "#u": "updated_at",
                 "#n": "last_seq", "#m": "created_at"}
        while True:
            page = call("Scan", TableName=ConversationModel.Meta.table_name, FilterExpression="attribute_not_exists(#r)",
                        ProjectionExpression="#i, #s, #c, #u, #n, #m", ExpressionAttributeNames=names,
                        **({"ExclusiveStartKey": start} if start else {}))
            for item in page.get("Items", []):  # CLI only
                council, _, conversation_id = item["id"]["S"].partition(tenancy.SEPARATOR)
                with tenancy.acting_for(council):
                    changed += self._put_due(conversation_id, item)
            start = page.get("LastEvaluatedKey")
            if not start:
                return changed

    def _put_due(self, conversation_id, item):
        """One conversation from before its due keys put on the index (1), unless they were written since (0)."""
        def at(name):
            return ConversationModel.closed_at.deserialize(item[name]["S"]) if name in item else None
        if item["state"]["S"] == "closed":
            since = at("closed_at") or at("updated_at")
        else:
            said = int(item.get("last_seq", {}).get("N", "0"))
            last = self.message(conversation_id, said) if said else None
            since = last.created_at if last is not None else at("created_at")
        try:
            with writes(["conversation"]):
                ConversationModel(conversation_id).update(
                    actions=[ConversationModel.retain.set(CHATS), ConversationModel.retain_from.set(moment(since))],
                    condition=ConversationModel.id.exists() & ConversationModel.retain.does_not_exist())
        except EditConflict:
            return 0  # a message or its closing put it there meanwhile, from a later word (or it was erased)
        return 1

    def photos_of(self, conversation_id):
        """Every photo its messages hold ({"name"...}): what must go from the bucket before they do."""
        return [p for m in MessageModel.query(conversation_id, attributes_to_get=["photos"]) for p in m.photos or []]

    def erase(self, conversation):
        """The conversation, its messages and the links staff found it by, the conversation itself last:
        stopped part way, it is still there (and on the due index) for whoever erases it again. Its photos
        are the bucket's: handlers/conversations/erasing.erase marks it (`begin_erasing`, on condition of no
        legal hold, so none can be placed after) and deletes them first, then calls this."""
        with MessageModel.batch_write() as batch:
            for m in MessageModel.query(conversation.id, attributes_to_get=["conversation_id", "seq"]):
                batch.delete(m)
        from ...faults import boundary
        boundary("conversations.messages_deleted")
        with LinkModel.batch_write() as batch:  # what staff found it by goes with it
            for key in contact_keys(conversation.contact) + [f"report#{r}" for r in conversation.report_ids]:
                batch.delete(LinkModel(key, conversation.id))
        if conversation.state == "taken" and conversation.officer:
            try:
                self.close(conversation, "erased", conversation.updated_at)
            except EditConflict:
                pass
        ConversationModel(conversation.id).delete()

    @staticmethod
    def _count(t, officer_id, step, most=None):
        item = PartyModel(f"officer#{officer_id}")
        if most is None:
            t.update(item, actions=[PartyModel.taken.add(step)])
        else:
            t.update(item, actions=[PartyModel.taken.add(step)],
                     condition=PartyModel.taken.does_not_exist() | (PartyModel.taken < most))


def _due_partition(conversation):
    """(the due index's partition a word or a closing keeps it on, the condition that it is still so): a chat
    on a legal hold stays held, its clock moved on beneath the hold, and one held or released meanwhile makes
    the write an EditConflict, read again, rather than a hold undone by a message."""
    from ..due import HELD
    if conversation.hold:
        return HELD, ConversationModel.hold.exists()
    return CHATS, ConversationModel.hold.does_not_exist()
