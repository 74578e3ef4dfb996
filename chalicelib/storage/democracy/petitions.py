"""E-petitions: the petitions, their signatures and their counts by ward.

Table `petitions`: one item per petition. Its counts (`signatures`,
`sponsors`) are changed only by DynamoDB's atomic ADD, so any number of
confirmations at once add up exactly and a page reads the count with one
GetItem. `version` is bumped by staff edits alone (their If-Match); counting
never conflicts with an edit. Index `by_state`: partition = state, sort =
"<closes_at or created_at>#id", so the open list is one range and the
petitions due to close are the range before now. Index `by_response`
(sparse): the petitions the council has answered, newest first.

Table `petition-signatures`: partition = petition id, sort = the signer's
key (a digest of the canonical e-mail and the name), so "one signature per
person and e-mail per petition" is a conditional put, never a read first.
A signature is counted when its confirmation moves it pending -> validated
(a conditional update: a second confirmation changes nothing) and then ADDs
one to the petition and to its ward's counter.

Followers (who are told without signing) are items of the same table
under sort keys "~follower#<digest of the canonical e-mail>": one per
canonical e-mail per petition, never counted. Signer keys are hex digests, so
signatures are the keys before "~" and followers the keys from it: each is one
key range and neither ever reads the other.

Table `petition-wards`: partition = petition id, sort = ward name: the
count by ward, one Query for the page and the CSV.
"""
from dataclasses import field
from datetime import datetime

from pynamodb.attributes import (BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute,
                                 UnicodeSetAttribute, UTCDateTimeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, transaction, writes
from ..council_key import CouncilKey
from ..record_class import record
from ..errors import AlreadyExists, EditConflict
from ..data_map import NONE, Holds, Retention

PAGE_MAX = 50


@record
class Petition:
    id: str
    state: str  # pending (gathering sponsors), sponsored (awaiting moderation), open, rejected, closed
    action: str
    background: str
    details: str = ""
    creator_id: str = ""
    sponsor_token: str = ""  # the sponsors' link token: shown to the creator and staff only
    lat: float | None = None
    lon: float | None = None
    ward: str | None = None
    signatures: int = 0
    sponsors: int = 0
    created_at: datetime | None = None
    opened_at: datetime | None = None
    closes_at: datetime | None = None
    closed_at: datetime | None = None
    moderation: dict = field(default_factory=dict)  # {reason, note, by, at} of a publication or rejection
    response: dict | None = None  # {text, at, by}
    debate: dict | None = None  # {date, note, at, by}
    response_at: datetime | None = None
    version: int = 0


@record
class Signature:
    petition_id: str
    key: str  # digest of canonical e-mail + name: one signature per person and e-mail
    name: str
    email: str
    domain: str  # the canonical e-mail's domain, for invalidation by domain
    postcode: str
    ward: str | None
    client: str
    state: str  # pending, validated, invalidated
    suspect: bool = False  # over a client's rate: kept, never counted
    sponsor: bool = False
    confirm_hash: str | None = None
    created_at: datetime | None = None
    sent_at: datetime | None = None  # the latest confirmation message
    confirmed_at: datetime | None = None
    invalidated_at: datetime | None = None
    told: set = field(default_factory=set)  # notices sent to this signer (before notices were queued)
    user_id: str | None = None  # the signed-in account that signed (or follows) with its own verified e-mail

    @property
    def counted(self):
        return self.state == "validated" and not self.suspect


class StateIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_state"
        projection = AllProjection()

    state = CouncilKey(hash_key=True)
    state_sk = UnicodeAttribute(range_key=True)


class ResponseIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_response"
        projection = AllProjection()

    responded = CouncilKey(hash_key=True)
    response_sk = UnicodeAttribute(range_key=True)


class PetitionModel(Stored):
    class Meta:
        table_name = table("petitions")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"creator_id": "identifier", "sponsor_token": "credentials", "lat": "location", "lon": "location",
                "details": "free_text", "background": "free_text", "moderation": "free_text"},
        whose="signer", part="petitions", basis="public_task", recipients=("public", "mailer"),
        not_personal={"response": "the council's published answer"},
        purpose="A petition to the council: its words published, its creator known to the council",
        retention=Retention(after="closed", months=72, then="anonymise", source="project",
                            note="the petition stays published; its creator is removed"))

    id = CouncilKey(hash_key=True)
    state = CouncilKey()
    state_sk = UnicodeAttribute()
    action = UnicodeAttribute()
    background = UnicodeAttribute()
    details = UnicodeAttribute(null=True)
    creator_id = UnicodeAttribute()
    sponsor_token = UnicodeAttribute()
    search = UnicodeAttribute(null=True)  # action and background in lower case, for ?q=
    lat = NumberAttribute(null=True)
    lon = NumberAttribute(null=True)
    ward = UnicodeAttribute(null=True)
    signatures = NumberAttribute(default=0)
    sponsors = NumberAttribute(default=0)
    created_at = UTCDateTimeAttribute()
    opened_at = UTCDateTimeAttribute(null=True)
    closes_at = UTCDateTimeAttribute(null=True)
    closed_at = UTCDateTimeAttribute(null=True)
    moderation = JSONAttribute(null=True)
    response = JSONAttribute(null=True)
    debate = JSONAttribute(null=True)
    response_at = UTCDateTimeAttribute(null=True)
    responded = CouncilKey(null=True)  # "yes" once answered: ResponseIndex's partition
    response_sk = UnicodeAttribute(null=True)
    version = NumberAttribute(default=0)  # staff edits only (If-Match); counts never touch it

    state_index = StateIndex()
    response_index = ResponseIndex()


class SignatureModel(Stored):
    class Meta:
        table_name = table("petition-signatures")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"email": "contact", "name": "name", "postcode": "address", "user_id": "identifier",
                "domain": "contact", "client": "device", "key": "identifier", "confirm_hash": "credentials"},
        whose="signer", part="petitions", basis="public_task", recipients=("mailer",),
        purpose="A signature, confirmed by email and counted by ward; names are never published",
        retention=Retention(after="closed", months=12, then="delete", source="project",
                            note="a year after the petition closes, for a challenge to its count"))

    petition_id = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)
    name = UnicodeAttribute()
    email = UnicodeAttribute()
    domain = UnicodeAttribute()
    postcode = UnicodeAttribute()
    ward = UnicodeAttribute(null=True)
    client = UnicodeAttribute()
    state = UnicodeAttribute()
    suspect = BooleanAttribute(default=False)
    sponsor = BooleanAttribute(default=False)
    confirm_hash = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    sent_at = UTCDateTimeAttribute(null=True)
    confirmed_at = UTCDateTimeAttribute(null=True)
    invalidated_at = UTCDateTimeAttribute(null=True)
    told = UnicodeSetAttribute(null=True)
    user_id = UnicodeAttribute(null=True)


class WardCountModel(Stored):
    class Meta:
        table_name = table("petition-wards")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    petition_id = CouncilKey(hash_key=True)
    ward = UnicodeAttribute(range_key=True)
    count = NumberAttribute(default=0)


FOLLOWER = "~follower#"  # followers' sort keys; signers' are hex digests, all before "~"
NO_WARD = "(no ward)"  # signers whose postcode the gazetteer does not place in a ward


def state_sk(petition):
    when = petition.closes_at if petition.state in ("open", "closed") and petition.closes_at else petition.created_at
    return f"{when.strftime('%Y-%m-%dT%H:%M:%S')}#{petition.id}"


def _petition_model(petition):
    response = petition.response_at
    return model_of(PetitionModel, petition, state_sk=state_sk(petition),
                    search=f"{petition.action}\n{petition.background}".lower(),
                    responded="yes" if response else None,
                    response_sk=f"{response.strftime('%Y-%m-%dT%H:%M:%S')}#{petition.id}" if response else None)


def _signature(model):
    found = record_of(Signature, model)
    if found is not None:
        found.told = set(found.told or ())
    return found


class PetitionStore:
    def __init__(self):
        bind()

    # Petitions

    def get(self, petition_id):
        return record_of(Petition, get_or_none(PetitionModel, petition_id, consistent_read=True))

    def create(self, petition, idempotency=None):
        """Put a new petition (AlreadyExists("id") when the id is taken,
        AlreadyExists("idempotency") when the key is), with the request's
        Idempotency-Key record in the same transaction."""
        from ..reports.report_store import _claim_key
        parts = ["id"]
        with writes(parts, exists={"id", "idempotency"}), transaction() as t:
            t.save(_petition_model(petition), condition=PetitionModel.id.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def save(self, petition, expected_version, audit=None, event=None):
        """A staff change (or a state change the domain decided): written only
        if the stored version is still `expected_version` (EditConflict
        otherwise), with its audit entry and its event (signers to tell,
        alerts to fire) in the same transaction. The counts are left as
        stored: they are only ever ADDed to."""
        from ..staff.audit import AuditModel, audit_model
        petition.version = expected_version + 1
        model = _petition_model(petition)
        parts = ["petition"]
        with writes(parts), transaction() as t:
            t.update(model, actions=[
                *(getattr(PetitionModel, name).set(getattr(model, name))
                  for name in ("state", "state_sk", "moderation", "response", "debate", "response_at", "responded",
                               "response_sk", "opened_at", "closes_at", "closed_at", "version")
                  if getattr(model, name) is not None)],
                condition=PetitionModel.version == expected_version)
            if audit is not None:
                parts.append("audit")
                t.save(audit_model(audit), condition=AuditModel.seq.does_not_exist())
            if event is not None:
                from ..reports.report_store import event_model
                parts.append("event")
                t.save(event_model(event))
        return petition

    def move(self, petition_id, from_state, petition, event=None):
        """Change state from `from_state` only (False when it had already
        moved): a petition reaching its sponsors, or its closing day, is moved
        by whichever request sees it first, once, with its event if any."""
        from ..reports.report_store import event_model
        model = _petition_model(petition)
        try:
            with writes(["petition", "event"]), transaction() as t:
                t.update(PetitionModel(petition_id),
                         actions=[PetitionModel.state.set(model.state), PetitionModel.state_sk.set(model.state_sk),
                                  *([PetitionModel.closed_at.set(model.closed_at)] if model.closed_at else [])],
                         condition=PetitionModel.state == from_state)
                if event is not None:
                    t.save(event_model(event))
        except EditConflict:
            return False
        return True

    def in_state(self, state, cursor=None, limit=20, newest_first=True, before=None, after=None, words=None):
        """One page of petitions in a state: ([Petition], next cursor or None).
        `before`/`after`: only those whose sort key (closes_at or created_at,
        as "YYYY-MM-DDTHH:MM:SS") is earlier/later; `words`: whose action or
        background holds them (a filter: the page then reads more than it returns)."""
        condition = PetitionModel.state_sk < before if before else (PetitionModel.state_sk > after if after else None)
        return self._page(PetitionModel.state_index, state, condition, cursor, limit, newest_first, words)

    def responded(self, cursor=None, limit=20, words=None):
        return self._page(PetitionModel.response_index, "yes", None, cursor, limit, True, words)

    def _page(self, index, partition, condition, cursor, limit, newest_first, words=None):
        limit = max(1, min(limit, PAGE_MAX))
        found = PetitionModel.search.contains(words.lower()) if words else None
        results = index.query(partition, condition, filter_condition=found, scan_index_forward=not newest_first,
                              limit=limit, page_size=limit, last_evaluated_key=start_key(PetitionModel, cursor))
        items = [record_of(Petition, m) for m in results]
        return items, page_key(PetitionModel, results.last_evaluated_key) if len(items) == limit else None

    def add_counts(self, petition_id, signatures=0, sponsors=0):
        """ADD to the petition's counts; returns (signatures, sponsors) after."""
        actions = []
        if signatures:
            actions.append(PetitionModel.signatures.add(signatures))
        if sponsors:
            actions.append(PetitionModel.sponsors.add(sponsors))
        model = PetitionModel(petition_id)
        model.update(actions=actions, condition=PetitionModel.id.exists())
        return int(model.signatures or 0), int(model.sponsors or 0)

    def add_ward(self, petition_id, ward, amount):
        WardCountModel(petition_id, ward or NO_WARD).update(actions=[WardCountModel.count.add(amount)])

    def wards(self, petition_id):
        """{ward name: count} of one petition: one Query (a council has tens of wards)."""
        return {m.ward: int(m.count) for m in WardCountModel.query(petition_id, consistent_read=True)}

    # Signatures

    def signature(self, petition_id, key):
        return _signature(get_or_none(SignatureModel, petition_id, range_key=key, consistent_read=True))

    def add_signature(self, signature):
        """Put a new signature; AlreadyExists when this person and e-mail has signed."""
        with writes(["signature"], exists={"signature"}):
            model_of(SignatureModel, signature).save(condition=SignatureModel.key.does_not_exist())

    def resend(self, signature, confirm_hash, now, sent_before):
        """Take the right to send a pending signature's confirmation again: True
        for the one caller that finds it last sent before `sent_before`."""
        try:
            with writes(["signature"]):
                SignatureModel(signature.petition_id, signature.key).update(
                    actions=[SignatureModel.sent_at.set(now), SignatureModel.confirm_hash.set(confirm_hash)],
                    condition=(SignatureModel.state == "pending") & (SignatureModel.sent_at < sent_before))
        except EditConflict:
            return False
        return True

    def confirm(self, signature, confirm_hash, now):
        """pending -> validated, once: True for the one confirmation that moved it."""
        try:
            with writes(["signature"]):
                SignatureModel(signature.petition_id, signature.key).update(
                    actions=[SignatureModel.state.set("validated"), SignatureModel.confirmed_at.set(now)],
                    condition=(SignatureModel.state == "pending") & (SignatureModel.confirm_hash == confirm_hash))
        except EditConflict:
            return False
        return True

    def invalidate(self, signature, now):
        """(pending or validated) -> invalidated, once: True for the one call that moved it."""
        try:
            with writes(["signature"]):
                SignatureModel(signature.petition_id, signature.key).update(
                    actions=[SignatureModel.state.set("invalidated"), SignatureModel.invalidated_at.set(now)],
                    condition=SignatureModel.state == signature.state)
        except EditConflict:
            return False
        return True

    def signatures(self, petition_id, cursor=None, page_size=200):
        """One page of a petition's signatures in key order: ([Signature], next cursor).
        Staff tools and notices only: its cost follows the petition's signatures."""
        results = SignatureModel.query(petition_id, SignatureModel.key < "~", page_size=page_size, limit=page_size,
                                       last_evaluated_key=start_key(SignatureModel, cursor), consistent_read=True)
        items = [_signature(m) for m in results]
        return items, page_key(SignatureModel, results.last_evaluated_key) if len(items) == page_size else None

    def page(self, petition_id, followers, after, limit):
        """(rows, next): at most `limit` signatures (or followers) of a
        petition with keys after `after` (None: from the first), in key
        order, and the key to read on from (None when no more can follow).
        One Query: a notice's page job reads one of these."""
        if followers:
            condition = SignatureModel.key > after if after else SignatureModel.key.startswith(FOLLOWER)
        else:
            condition = SignatureModel.key.between(after + "0", "~") if after else SignatureModel.key < "~"
        result = SignatureModel.query(petition_id, condition, limit=limit, page_size=limit, consistent_read=True)
        rows = [_signature(m) for m in result]
        if followers:
            rows = [r for r in rows if r.key.startswith(FOLLOWER)]
        more = len(rows) == limit and result.last_evaluated_key is not None
        return rows, rows[-1].key if more else None

    # Followers: Signature records with a FOLLOWER key, an empty name and postcode,
    # state pending -> following -> stopped; resend and page serve them too.

    def followers(self, petition_id, cursor=None, page_size=200):
        """One page of a petition's followers (any state): ([Signature], next cursor)."""
        results = SignatureModel.query(petition_id, SignatureModel.key.startswith(FOLLOWER), page_size=page_size,
                                       limit=page_size, last_evaluated_key=start_key(SignatureModel, cursor), consistent_read=True)
        items = [_signature(m) for m in results]
        return items, page_key(SignatureModel, results.last_evaluated_key) if len(items) == page_size else None

    def follow_state(self, follower, from_state, to_state, now):
        """Move a follower from `from_state` only: True for the one call that moved it."""
        try:
            with writes(["signature"]):
                SignatureModel(follower.petition_id, follower.key).update(
                    actions=[SignatureModel.state.set(to_state), SignatureModel.confirmed_at.set(now)],
                    condition=SignatureModel.state == from_state)
        except EditConflict:
            return False
        return True


__all__ = ["FOLLOWER", "AlreadyExists", "EditConflict", "NO_WARD", "Petition", "PetitionStore", "Signature"]
