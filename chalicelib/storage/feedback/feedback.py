"""Feedback and the figures of channel shift (issue 72; docs/decisions/feedback.md).

Table `figures`: one item per council, month and service (the council's
partition, `month#service` its sort key), whose numbers are only ever changed
by DynamoDB's atomic ADD: starts and finishes by channel, answers by channel
and rating, and the contacts a council enters. A year of a council's figures
is one Query of its partition, whatever the number of transactions.

Table `feedback-answers`: one item per transaction asked (its key the hash of
the transaction's feedback token), written with its counts in one
transaction: a changed answer takes its old rating's count back in the same
write, so the counts are always the answers'. The `service` index lists a
service's answers newest first for its officers.
"""
from pynamodb.attributes import JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, wire_key, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists
from ..data_map import Holds, Retention, holds_nothing

FIGURES = "figures"  # the one partition of a council's figures


class FigureModel(Stored):
    class Meta:
        table_name = table("figures")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(contacts_phone="how many phone calls a service took in a month: a count")

    partition = CouncilKey(hash_key=True)  # FIGURES
    month_service = UnicodeAttribute(range_key=True)  # "2026-11#bills"; a week's answers "w#bills#2026-W48"
    # Each count its own top-level number: DynamoDB's ADD changes top-level attributes only.
    started_online = NumberAttribute(null=True)
    finished_online = NumberAttribute(null=True)
    finished_assisted = NumberAttribute(null=True)
    contacts_phone = NumberAttribute(null=True)  # entered by the council, per month
    contacts_face_to_face = NumberAttribute(null=True)
    contacts_version = NumberAttribute(null=True)  # the entered contacts' own version (storage/feedback/contacts.py): no count
    answers_online_1 = NumberAttribute(null=True)  # very dissatisfied
    answers_online_2 = NumberAttribute(null=True)
    answers_online_3 = NumberAttribute(null=True)
    answers_online_4 = NumberAttribute(null=True)
    answers_online_5 = NumberAttribute(null=True)  # very satisfied
    answers_assisted_1 = NumberAttribute(null=True)
    answers_assisted_2 = NumberAttribute(null=True)
    answers_assisted_3 = NumberAttribute(null=True)
    answers_assisted_4 = NumberAttribute(null=True)
    answers_assisted_5 = NumberAttribute(null=True)
    compliments = NumberAttribute(null=True)  # compliments the front door took for the service's team


class ServiceIndex(GlobalSecondaryIndex):
    """A service's answers, newest first (its officers' list to read and tag)."""
    class Meta:
        index_name = "service"
        projection = AllProjection()

    service = CouncilKey(hash_key=True)
    answered_at = UTCDateTimeAttribute(range_key=True)


class AnswerModel(Stored):
    class Meta:
        table_name = table("feedback-answers")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"improve": "free_text", "reply": "contact", "token_hash": "identifier"}, whose="resident",
        part="feedback", basis="public_task", recipients=("mailer",),
        purpose="How satisfied a resident was with a service and what they would improve",
        retention=Retention(after="created", months=24, then="anonymise", source="project",
                            note="the counts stay; the words go after two years"))

    token_hash = CouncilKey(hash_key=True)  # a comment's or compliment's: the hash of an id of its own
    service = CouncilKey()
    kind = UnicodeAttribute(null=True)  # comment, compliment (the front door's, no transaction); none: an answer
    channel = UnicodeAttribute()  # online, assisted
    month = UnicodeAttribute()  # the month its transaction's counts are in ("2026-11")
    week = UnicodeAttribute(null=True)  # the ISO week it was first answered in ("2026-W48"): the desk's chart
    rating = NumberAttribute(null=True)  # 1 very dissatisfied .. 5 very satisfied; a comment's may be none
    improve = UnicodeAttribute(null=True)  # "How could we improve this service?", as written
    flagged = ListAttribute(of=UnicodeAttribute, null=True)  # kinds of personal detail found in it
    reply = JSONAttribute(null=True)  # {email} only when the resident asked for a reply
    tags = ListAttribute(of=UnicodeAttribute, null=True)  # the service's officers' own
    answered_at = UTCDateTimeAttribute()
    changeable_until = UTCDateTimeAttribute()
    version = NumberAttribute(default=1)

    service_index = ServiceIndex()


COUNTS = tuple(name for name, attribute in FigureModel.get_attributes().items()
               if isinstance(attribute, NumberAttribute) and name != "contacts_version")


def counts_of(item):
    """{name: int} of a figures item's counts (0 where none was added)."""
    return {name: int(getattr(item, name) or 0) for name in COUNTS}


class FigureStore:
    def __init__(self):
        bind()

    def add(self, month, service, counts):
        """Add each of `counts` ({name: n}) to the month's figures of `service`, atomically."""
        _figure_update(month, service, counts).update(actions=_adds(counts))

    def fill(self, months):
        """Write months' figures ({(month, service): {name: n}}) as new items, 25 to a call: the
        demo's year for a council that has none (doorstep_cli/demo_figures.py). It writes over what is
        there, so only months nothing counts into any more: the caller adds the current ones."""
        with FigureModel.batch_write() as batch:
            for (month, service), counts in months.items():
                batch.save(FigureModel(partition=FIGURES, month_service=f"{month}#{service}", **_known(counts)))

    def add_once(self, marker, month, service, counts):
        """As add, once for `marker` (a transaction's keyed hash, never its reference): False when it was
        counted before (a retried effect, a replayed request), in the same transaction as its mark."""
        mark = FigureModel(partition=FIGURES, month_service=f"once#{marker}")
        try:
            with writes(["mark", "figures"], exists={"mark"}):
                with transaction() as t:
                    t.save(mark, condition=FigureModel.month_service.does_not_exist())
                    count_in(t, month, service, counts)
        except AlreadyExists:
            return False
        return True

    def year(self, first_month, last_month):
        """{(month, service): {name: n}} from `first_month` to `last_month` ("2026-04".."2027-03"): one Query."""
        rows = FigureModel.query(FIGURES, FigureModel.month_service.between(first_month, f"{last_month}#~"))
        return {tuple(r.month_service.split("#", 1)): counts_of(r) for r in rows}

    def weeks(self, service, first_week, last_week):
        """{week: {name: n}}: the answers' counts of `service` week by week ("2026-W40".."2026-W48"), one Query."""
        rows = FigureModel.query(FIGURES, FigureModel.month_service.between(_week_key(service, first_week),
                                                                            _week_key(service, last_week)))
        return {r.month_service.rsplit("#", 1)[1]: counts_of(r) for r in rows}

    def answer(self, token_hash):
        return get_or_none(AnswerModel, token_hash, consistent_read=True)

    def record_answer(self, answer, before=None):
        """Write `answer` (a dict of AnswerModel's fields) with its count; `before`, the answer it
        replaces (its rating's count taken back in the same write). AlreadyExists when another
        answer was written first (a retry or a race: the caller reads it and decides)."""
        item = AnswerModel(**answer)
        counts = {_answer_count(answer["channel"], answer["rating"]): 1}
        if before is not None:
            key = _answer_count(before.channel, int(before.rating))
            counts[key] = counts.get(key, 0) - 1
            item.version = int(before.version) + 1
            condition = AnswerModel.version == int(before.version)
        else:
            condition = AnswerModel.token_hash.does_not_exist()
        counts = {k: n for k, n in counts.items() if n}
        with writes(["answer", "figures"], exists={"answer"}):
            with transaction() as t:
                t.save(item, condition=condition)
                if counts:
                    t.update(_figure_update(answer["month"], answer["service"], counts), actions=_adds(counts))
                    if answer.get("week"):
                        t.update(FigureModel(partition=FIGURES, month_service=_week_key(answer["service"],
                                                                                        answer["week"])),
                                 actions=_adds(counts))
        return item

    def record_comment(self, comment, idempotency=None, event=None, counts=None):
        """Write a comment or compliment (a dict of AnswerModel's fields) with its key's record, its event
        (a compliment's: its team is told) and its counts, one transaction: AlreadyExists when its key's
        record is live (a retry or a twin: the caller answers what that one made)."""
        from ..reports.report_store import EventModel, _claim_key, event_model
        item = AnswerModel(**comment)
        parts = ["comment"]
        with writes(parts, exists={"comment", "idempotency", "event"}), transaction() as t:
            t.save(item, condition=AnswerModel.token_hash.does_not_exist())
            if counts:
                parts.append("figures")
                t.update(_figure_update(comment["month"], comment["service"], counts), actions=_adds(counts))
            if event is not None:
                parts.append("event")
                t.save(event_model(event), condition=EventModel.id.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
        return item

    def answers(self, service, limit=50, before=None, after=None):
        """A service's answers, newest first, at most `limit`: answered before `before` (a datetime), or
        from right after `after`, the (answered_at, token_hash) of the last one a page showed (answers of
        one moment are all kept: the page goes on from that very answer)."""
        condition = AnswerModel.answered_at < before if before is not None else None
        start = None
        if after is not None:
            moment, token_hash = after
            start = wire_key(AnswerModel, token_hash=token_hash, service=service, answered_at=moment)
        return list(AnswerModel.service_index.query(service, condition, scan_index_forward=False, limit=limit,
                                                    page_size=limit, last_evaluated_key=start))

    def tag(self, token_hash, tags, version):
        item = AnswerModel(token_hash=token_hash)
        with writes(["answer"]):
            item.update(actions=[AnswerModel.tags.set(tags), AnswerModel.version.add(1)],
                        condition=AnswerModel.version == version)


def _week_key(service, week):
    return f"w#{service}#{week}"


def _answer_count(channel, rating):
    return f"answers_{channel}_{int(rating)}"


def count_in(t, month, service, counts):
    """Add `counts` to the month's figures of `service` inside another store's transaction `t`: a
    transaction counted in its own write, which the write's own conditions make happen once."""
    t.update(_figure_update(month, service, counts), actions=_adds(counts))


def _figure_update(month, service, counts=None):
    return FigureModel(partition=FIGURES, month_service=f"{month}#{service}")


def _known(counts):
    unknown = set(counts) - set(COUNTS)
    if unknown:
        raise ValueError(f"not a count of the figures: {sorted(unknown)}")
    return counts


def _adds(counts):
    return [getattr(FigureModel, name).add(n) for name, n in _known(counts).items()]


__all__ = ["AlreadyExists", "AnswerModel", "ChangeModel", "ChangeStore", "COUNTS", "FigureModel", "FigureStore", "FIGURES",
           "count_in", "counts_of"]


class ChangeModel(Stored):
    """"You said, we did": what an officer says changed because of a service's comments, published on its page.
    Keyed by its words' digest within the service, so the same words sent twice are one change."""
    class Meta:
        table_name = table("feedback-changes")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(published_by="the officer who published it: the council's audit, never shown")

    service = CouncilKey(hash_key=True)
    change_id = UnicodeAttribute(range_key=True)
    you_said = UnicodeAttribute()
    we_did = UnicodeAttribute()
    published_at = UTCDateTimeAttribute()
    published_by = UnicodeAttribute()  # kept for the council's audit; never in the public view


class ChangeStore:
    def __init__(self):
        bind()

    def publish(self, change):
        """(the change as stored, created): the same words published before are that change."""
        item = ChangeModel(**change)
        try:
            with writes(["change"], exists={"change"}):
                item.save(condition=ChangeModel.change_id.does_not_exist())
        except AlreadyExists:
            return get_or_none(ChangeModel, change["service"], range_key=change["change_id"], consistent_read=True), False
        return item, True

    def of_service(self, service):
        """A service's changes, newest first (tens at most: one Query of them all)."""
        return sorted(ChangeModel.query(service), key=lambda c: c.published_at, reverse=True)
