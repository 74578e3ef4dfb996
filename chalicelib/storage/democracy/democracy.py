"""Our copy of the committee system (handlers/democracy): what residents read,
never the committee system itself.

A meeting is one item holding its whole agenda (items, papers with their
sizes, decisions, minutes as plain text), so a meeting page is one GetItem
whatever the agenda's size (an agenda of a hundred items is tens of KB,
far inside DynamoDB's 400 KB). Two indexes list meetings without their
agendas (an INCLUDE projection of the summary): `calendar` by year then
start, and `by_committee` by committee then start.

The rest is a handful of named documents, one item each (`democracy`
table): the committees, the forward plan, decisions made, the sync's
health, and a search list per month (each item's title and decision, short).
Each keeps the hash of the answer it came from: Modern.gov sends no ETag or
Last-Modified, so the sync compares hashes and writes only what changed."""
from pynamodb.attributes import BooleanAttribute, JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention, holds_nothing

SUMMARY = ["committee_id", "committee_title", "date", "time", "cancelled", "location", "agenda_published",
           "decisions_published", "minutes_published", "wards", "checked_at", "answer_hash", "list_hash"]


class CalendarIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "calendar"
        projection = IncludeProjection(SUMMARY)

    season = CouncilKey(hash_key=True)  # the meeting's year, "2026"
    starts = UnicodeAttribute(range_key=True)  # "2026-11-30T10:00#1402"


class ByCommitteeIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_committee"
        projection = IncludeProjection(SUMMARY)

    committee_id = CouncilKey(hash_key=True)
    starts = UnicodeAttribute(range_key=True)


class MeetingModel(Stored):
    class Meta:
        table_name = table("meetings")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(location="where a public meeting is held",
                              answer_hash="a digest of the committee system's answer")

    id = CouncilKey(hash_key=True)
    committee_id = CouncilKey()
    committee_title = UnicodeAttribute()
    date = UnicodeAttribute()
    time = UnicodeAttribute(default="")
    cancelled = BooleanAttribute(default=False)
    location = UnicodeAttribute(default="")
    agenda_published = BooleanAttribute(default=False)
    decisions_published = BooleanAttribute(default=False)
    minutes_published = BooleanAttribute(default=False)
    items = JSONAttribute(default=list)
    wards = JSONAttribute(default=list)  # ward names its items' words name
    season = CouncilKey()
    starts = UnicodeAttribute()
    checked_at = UTCDateTimeAttribute(null=True)  # when the committee system last answered for it
    answer_hash = UnicodeAttribute(null=True)  # of its GetMeeting answer as read
    list_hash = UnicodeAttribute(null=True)  # of its row in GetMeetings
    # Staff's corrections of items' tags ({item id: {"wards", "topics", "at"}}), kept across the sync's
    # copies, and their version (If-Match): the sync's writes are conditioned on it, so none undoes an edit.
    tag_edits = JSONAttribute(null=True)
    tags_version = NumberAttribute(null=True)
    calendar = CalendarIndex()
    by_committee = ByCommitteeIndex()


class DocumentModel(Stored):
    class Meta:
        table_name = table("democracy")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(name="the document's name (committees, forward plan)",
                              answer_hash="a digest of the committee system's answer",
                              body="the committee system's public documents as published")

    name = CouncilKey(hash_key=True)  # committees, forward_plan, decisions, health, search#2026-11
    body = JSONAttribute()
    answer_hash = UnicodeAttribute(null=True)
    checked_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(null=True)  # documents staff edit (topics): If-Match names it


def starts(meeting):
    return f"{meeting['date']}T{meeting.get('time') or '00:00'}#{meeting['id']}"


def _plain(row, summary_only=False):
    if row is None:
        return None
    names = ["id", *SUMMARY] if summary_only else list(MeetingModel.get_attributes())
    return {name: getattr(row, name, None) for name in names if name not in ("season", "starts")}


class DemocracyStore:
    def __init__(self):
        bind()

    # -- meetings -----------------------------------------------------------
    def meeting(self, meeting_id, consistent=False):
        """One meeting with its whole agenda: one GetItem."""
        return _plain(get_or_none(MeetingModel, meeting_id, consistent_read=consistent))

    def summaries(self, meeting_ids):
        """{id: summary} of these meetings: one BatchGetItem (the sync's comparison)."""
        if not meeting_ids:
            return {}
        return {row.id: _plain(row, True) for row in MeetingModel.batch_get(list(dict.fromkeys(meeting_ids)),
                                                                         attributes_to_get=["id", *SUMMARY])}

    def headings(self, meeting_ids):
        """{id: {committee_title, date, time, items}} of those of these meetings
        still in our copy (one deleted upstream is simply absent): one
        BatchGetItem for up to 100, however many rows name them. The items
        come whole (a JSON attribute cannot be projected into); the caller
        keeps their numbers and titles."""
        if not meeting_ids:
            return {}
        return {row.id: {"committee_title": row.committee_title, "date": row.date, "time": row.time or "",
                         "items": row.items or []}
                for row in MeetingModel.batch_get(list(dict.fromkeys(meeting_ids)),
                                                  attributes_to_get=["id", "committee_title", "date", "time",
                                                                     "items"])}

    def save_meeting(self, meeting, events=()):
        """The meeting (its whole agenda) and the events its change writes, one
        transaction; EditConflict when staff's tags moved on from the version
        `meeting` carries (its `tags_version`, none before any edit)."""
        from ..reports.report_store import event_model
        row = MeetingModel(**{k: v for k, v in meeting.items() if k in MeetingModel.get_attributes()},
                           season=meeting["date"][:4], starts=starts(meeting))
        version = int(meeting.get("tags_version") or 0)
        condition = (MeetingModel.tags_version.does_not_exist() | (MeetingModel.tags_version == 0)) if not version \
            else MeetingModel.tags_version == version
        with writes(["meeting", *["event"] * len(events)]), transaction() as t:
            t.save(row, condition=condition)
            for event in events:
                t.save(event_model(event))

    def retag(self, read, items, wards, edits, events=()):
        """Staff's corrected tags on the meeting as `read` (consistently): its
        items, wards and edits, the tags' version one on, and the events the
        correction writes (residents newly concerned by a published agenda's
        item), one transaction. EditConflict when another edit or a copy of
        the sync came between (its version or its `checked_at` moved): the
        caller reads again."""
        version = int(read.get("tags_version") or 0)
        condition = (MeetingModel.tags_version == version) if version else (
            MeetingModel.tags_version.does_not_exist() | (MeetingModel.tags_version == 0))
        checked = read.get("checked_at")
        condition &= (MeetingModel.checked_at == checked) if checked else MeetingModel.checked_at.does_not_exist()
        actions = [MeetingModel.items.set(items), MeetingModel.wards.set(wards), MeetingModel.tag_edits.set(edits),
                   MeetingModel.tags_version.set(version + 1)]
        if not events:
            with writes(parts=("meeting",)):
                MeetingModel(id=read["id"]).update(actions=actions, condition=MeetingModel.id.exists() & condition)
            return version + 1
        from ..reports.report_store import event_model
        with writes(["meeting", *["event"] * len(events)]), transaction() as t:
            t.update(MeetingModel(id=read["id"]), actions=actions, condition=MeetingModel.id.exists() & condition)
            for event in events:
                t.save(event_model(event))
        return version + 1

    def checked(self, meeting_id, when):
        """The committee system answered (nothing changed, or it refused this
        one meeting): its time alone; a meeting not in our copy stays out."""
        from pynamodb.exceptions import UpdateError
        from ..errors import CONDITION_FAILED
        try:
            MeetingModel(id=meeting_id).update(actions=[MeetingModel.checked_at.set(when)],
                                               condition=MeetingModel.id.exists())
        except UpdateError as e:
            if getattr(e, "cause_response_code", None) not in CONDITION_FAILED:
                raise

    def between(self, first_day, last_day, committee_id=None, newest_first=False, limit=50):
        """Summaries of meetings from `first_day` to `last_day` (YYYY-MM-DD), in
        time order: one Query of `by_committee`, or one of `calendar` per year spanned."""
        low, high = f"{first_day}T", f"{last_day}T~"
        if committee_id is not None:
            rows = MeetingModel.by_committee.query(committee_id, MeetingModel.starts.between(low, high),
                                                   scan_index_forward=not newest_first, limit=limit)
            return [_plain(r, True) for r in rows]
        years = range(int(first_day[:4]), int(last_day[:4]) + 1)
        found = []
        for year in (reversed(years) if newest_first else years):
            if len(found) >= limit:
                break
            found += [_plain(r, True) for r in MeetingModel.calendar.query(
                str(year), MeetingModel.starts.between(low, high), scan_index_forward=not newest_first,
                limit=limit - len(found))]
        return found

    # -- named documents ----------------------------------------------------
    def document(self, name):
        """(body, answer_hash, checked_at), or None: one GetItem."""
        row = get_or_none(DocumentModel, name)
        return (row.body, row.answer_hash, row.checked_at) if row is not None else None

    def documents(self, names):
        """{name: body} of those kept: one BatchGetItem (100 names at most)."""
        return {row.name: row.body for row in DocumentModel.batch_get(list(dict.fromkeys(names))[:100])}

    def keep_document(self, name, body, answer_hash, when):
        DocumentModel(name=name, body=body, answer_hash=answer_hash, checked_at=when).save()

    def versioned(self, name):
        """(body, version) of a document staff edit, or (None, 0) before any edit: one GetItem."""
        row = get_or_none(DocumentModel, name, consistent_read=True)
        return (row.body, int(row.version or 0)) if row is not None else (None, 0)

    def replace_versioned(self, name, body, version, when):
        """The document as edited from `version`; EditConflict when another
        edit came first (its version is no longer `version`)."""
        condition = DocumentModel.name.does_not_exist() if version == 0 else DocumentModel.version == version
        with writes(parts=("document",)):
            DocumentModel(name=name, body=body, checked_at=when, version=version + 1).save(condition=condition)
        return version + 1

    def document_checked(self, name, when):
        DocumentModel(name=name).update(actions=[DocumentModel.checked_at.set(when)],
                                        condition=DocumentModel.name.exists())


# -- what a resident was told of, and their "my meetings" calendar ------------
TOLD = "meeting#"  # a told-of row's key: "meeting#<meeting id>"
CALENDAR = "calendar"  # the key of a resident's calendar row, and of its token's row


class ToldModel(Stored):
    """Private to the resident (handlers/democracy/told.py): one row per
    meeting they were told of (owner: their user id, key: "meeting#<id>"),
    its items and why each concerned them; their calendar's token id
    (owner: user id, key: "calendar"); and the token's own row (owner:
    "calendar#<token id>", key: "calendar") holding whose it is and the
    digest of its secret, so a calendar link is one GetItem then one Query,
    and revoking deletes both rows. No public answer reads this table."""
    class Meta:
        table_name = table("meeting-told")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"owner": "identifier", "body": "free_text"}, whose="resident", part="meetings", basis="consent",
        purpose="Which meetings a resident was told of, and their calendar link",
        retention=Retention(after="created", months=12, source="project"))

    owner = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)
    body = JSONAttribute(default=dict)
    told_at = UTCDateTimeAttribute(null=True)


class ToldStore:
    def __init__(self):
        bind()

    def tell(self, user_id, meeting_id, body, when):
        """The resident was told of this meeting's items (`body`: the meeting's
        date, time, place, committee and items with their reasons); a repeat
        (a retried page) writes the same row again."""
        ToldModel(owner=user_id, key=TOLD + meeting_id, body=body, told_at=when).save()

    def told_of(self, user_id, meeting_id):
        """What they were told of this meeting (its body), or None: one GetItem."""
        row = get_or_none(ToldModel, user_id, range_key=TOLD + meeting_id, consistent_read=True)
        return row.body if row is not None else None

    def of_user(self, user_id, limit=500):
        """[(meeting id, body, told_at)] of the meetings they were told of, newest
        meeting id last: one Query (paginated), what it returns and no more."""
        rows = ToldModel.query(user_id, ToldModel.key.startswith(TOLD), limit=limit)
        return [(r.key[len(TOLD):], r.body, r.told_at) for r in rows]

    def calendar_of(self, user_id):
        """The id of the resident's calendar token, or None: one GetItem."""
        row = get_or_none(ToldModel, user_id, range_key=CALENDAR, consistent_read=True)
        return (row.body or {}).get("token_id") if row is not None else None

    def calendar_token(self, token_id):
        """(user id, secret digest) of a calendar token, or None: one GetItem."""
        row = get_or_none(ToldModel, f"{CALENDAR}#{token_id}", range_key=CALENDAR)
        return ((row.body or {}).get("user_id"), (row.body or {}).get("secret_hash")) if row is not None else None

    def replace_calendar(self, user_id, old_token_id, token_id, secret_hash, when):
        """A new calendar token, the old one (if any) gone with it: one transaction."""
        with writes(["calendar"]), transaction() as t:
            if old_token_id:
                t.delete(ToldModel(owner=f"{CALENDAR}#{old_token_id}", key=CALENDAR))
            if token_id:
                t.save(ToldModel(owner=user_id, key=CALENDAR, body={"token_id": token_id}, told_at=when))
                t.save(ToldModel(owner=f"{CALENDAR}#{token_id}", key=CALENDAR,
                                 body={"user_id": user_id, "secret_hash": secret_hash}, told_at=when))
            else:
                t.delete(ToldModel(owner=user_id, key=CALENDAR))

    def forget_user(self, user_id):
        """Erasure: every row of theirs and their calendar token's."""
        token_id = self.calendar_of(user_id)
        rows = list(ToldModel.query(user_id))
        if token_id:
            rows.append(ToldModel(owner=f"{CALENDAR}#{token_id}", key=CALENDAR))
        with ToldModel.batch_write() as batch:
            for row in rows:
                batch.delete(row)
