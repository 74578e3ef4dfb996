"""Responses to consultations: one item per response.

Table `consultation-responses`: partition = the consultation's id, sort =
"u#<user id>" for a signed-in resident (so one response each is the key
itself: a second is a conditional put that fails, never a read first) or
"a#<response id>" for an anonymous one. The item holds the answers by
question id (as the forms engine checked them), the pages taken, the postcode
given and the ward the gazetteer puts it in, flags for the analyst
("likely_duplicate"), and `seq`, bumped by every change (the ETag a change
names with If-Match).

Written in one transaction with the consultation's counters (storage/
consultations.py): the response, its ward's ADD (and the old ward's
subtraction when a change moves it), the total's ADD for a new one, an
anonymous response's fingerprint row, and a condition that the consultation
has not closed by the moment of writing.

Index `by_user` (sparse: signed-in responses): partition = user id, sort =
consultation id: the resident's export and erasure read theirs only.
Index `expiring`: partition = the month its retention ends, sort =
"<delete_at>#<consultation>#<key>": the nightly sweep reads what is due.
"""
from dataclasses import field
from datetime import datetime

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, transaction, writes
from ..council_key import CouncilKey
from .consultations import (ConsultationModel, count_update, fingerprint_row, iso, still_open, total_update)
from ..errors import AlreadyExists, EditConflict
from ..record_class import record
from ..data_map import Holds, Retention


@record
class ConsultationResponse:
    consultation_id: str
    key: str  # u#<user id> or a#<response id>
    id: str  # the response's reference, shown to the respondent and in the exports
    answers: dict = field(default_factory=dict)
    taken: list = field(default_factory=list)
    postcode: str | None = None
    ward: str | None = None
    user_id: str | None = None
    follow_email: str | None = None  # signed in: the account's verified address when sent (told of the results)
    flags: list = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    delete_at: datetime | None = None
    seq: int = 0


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    consultation_id = UnicodeAttribute(range_key=True)


class ExpiringIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "expiring"
        projection = AllProjection()

    expiring_month = CouncilKey(hash_key=True)
    expiring_sk = UnicodeAttribute(range_key=True)


class ResponseModel(Stored):
    class Meta:
        table_name = table("consultation-responses")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"answers": "free_text", "postcode": "address", "user_id": "identifier", "follow_email": "contact"},
        whose="resident", part="consultations", basis="public_task", recipients=("mailer",),
        purpose="A response to a consultation, counted by ward",
        retention=Retention(after="closed", then="delete", source="council",
                            note="each consultation's retention_days, 365 by default"))

    consultation_id = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)
    id = UnicodeAttribute()
    answers = JSONAttribute(null=True)
    taken = JSONAttribute(null=True)
    postcode = UnicodeAttribute(null=True)
    ward = UnicodeAttribute(null=True)
    user_id = CouncilKey(null=True)
    follow_email = UnicodeAttribute(null=True)
    flags = JSONAttribute(null=True)
    created_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    delete_at = UTCDateTimeAttribute(null=True)
    seq = NumberAttribute(default=0)
    expiring_month = CouncilKey(null=True)
    expiring_sk = UnicodeAttribute(null=True)

    user_index = UserIndex()
    expiring_index = ExpiringIndex()


def _model(r):
    ending = r.delete_at is not None
    return model_of(ResponseModel, r, expiring_month=f"{r.delete_at:%Y-%m}" if ending else None,
                    expiring_sk=f"{iso(r.delete_at)}#{r.consultation_id}#{r.key}" if ending else None)


def _record(model):
    if model is None:
        return None
    found = record_of(ConsultationResponse, model)
    found.seq = int(found.seq or 0)
    return found


class ResponseStore:
    def __init__(self):
        bind()

    def get(self, consultation_id, key):
        return _record(get_or_none(ResponseModel, consultation_id, range_key=key, consistent_read=True))

    def write(self, response, open_until, before=None, fingerprint=None, idempotency=None, finished=None):
        """The response written with its counts, if the consultation is still
        open at `open_until`'s condition (EditConflict("closed") otherwise).
        New (before None: AlreadyExists("response") when the key is taken) or
        replacing `before` as read (EditConflict("response") when it changed since).
        fingerprint: an anonymous response's answers' digest: AlreadyExists("fingerprint")
        when an earlier response had the same (the caller flags it and writes again without).
        idempotency: an Idempotency-Key's record (AlreadyExists("idempotency") when taken).
        finished: (month, service) a new response is counted in for the council's figures, in this write."""
        from ..reports.report_store import _claim_key
        response.seq = (before.seq if before else 0) + 1
        parts = ["open", "response"]
        taken = {"fingerprint", "idempotency", *(("response",) if before is None else ())}
        with writes(parts, exists=taken), transaction() as t:
            model, key, sk, condition = still_open(response.consultation_id, open_until)
            t.condition_check(model, key, range_key=sk, condition=condition)
            t.save(_model(response), condition=ResponseModel.key.does_not_exist() if before is None
                   else ResponseModel.seq == before.seq)
            if fingerprint is not None:
                parts.append("fingerprint")
                t.save(fingerprint_row(response.consultation_id, fingerprint, response.id),
                       condition=ConsultationModel.sk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            for row, actions in self._counts(response, before):
                parts.append("count")
                t.update(row, actions=actions)
            if finished is not None and before is None:
                from ..feedback.feedback import count_in
                parts.append("figures")
                count_in(t, *finished, {"finished_online": 1})
        return response

    @staticmethod
    def _counts(response, before):
        cid, ward = response.consultation_id, response.ward
        if before is None:
            return [count_update(cid, ward, 1), total_update(cid, 1)]
        if before.ward == ward:
            return []
        return [count_update(cid, before.ward, -1), count_update(cid, ward, 1)]

    def page(self, consultation_id, cursor=None, limit=200):
        """One page of a consultation's responses: ([response], next cursor or None)."""
        results = ResponseModel.query(consultation_id, limit=limit, page_size=limit, last_evaluated_key=start_key(ResponseModel, cursor))
        items = [_record(m) for m in results]
        return items, page_key(ResponseModel, results.last_evaluated_key) if len(items) == limit else None

    def of_user(self, user_id):
        """A resident's responses (one per consultation): one Query."""
        return [_record(m) for m in ResponseModel.user_index.query(user_id)]

    def expiring(self, month, until, limit):
        results = ResponseModel.expiring_index.query(
            month, ResponseModel.expiring_sk <= f"{iso(until)}#~", limit=limit, page_size=limit)
        return [_record(m) for m in results]

    def delete(self, response, counted=True):
        """Gone with its count (erasure: the figures drop it), or, past its retention
        (counted False), the answers alone go and the counts stay as published."""
        from pynamodb.exceptions import DeleteError
        try:
            with writes(["response"]), transaction() as t:
                t.delete(ResponseModel(response.consultation_id, response.key),
                         condition=ResponseModel.seq == response.seq)
                if counted:
                    for row, actions in (count_update(response.consultation_id, response.ward, -1),
                                         total_update(response.consultation_id, -1)):
                        t.update(row, actions=actions)
            return True
        except (EditConflict, DeleteError):
            return False


__all__ = ["AlreadyExists", "ConsultationResponse", "EditConflict", "ResponseStore"]
