"""Parents' applications for school places (handlers/schools/): one partition per parent.

- `app#<id>`: the application: the child (name, date of birth), the home (its UPRN and point), the
  round, the ranked preferences with their evidence, and, once offers are out, the parent's answer
  and appeals. Its `version` is its ETag: a change names it (If-Match) and raises it.
- `audit#<id>#<at>#<key>`: an admissions officer's read, with who and why.
- `start#<id>`: the event "My child is starting school" as told (the child, the home, the school year)
  and what followed from it (the awards the benefits back office showed), kept with its event.

The round's index (`by_round`) lists a round's applications for the allocation, which reads each
once, page by page; `by_id` finds one for the admissions desk. Nothing of an offer is kept here
before its release: offers live in the run's own partition (allocations.py), which no parent route
reads until the release row says so."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class ByRoundIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_round"
        projection = AllProjection()

    round_key = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


class ByIdIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_id"
        projection = AllProjection()

    app_id = CouncilKey(hash_key=True)


class ApplicationModel(Stored):
    class Meta:
        table_name = table("school-applications")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "child": "name", "home": "address", "data": "free_text", "phone": "contact",
                "push": "device"},
        whose="resident", part="schools", basis="public_task", recipients=("mailer", "sms", "push"),
        purpose="A parent's application for a school place for their child, its preferences and evidence, "
                "the offer's answer and any appeal",
        retention=Retention(after="created", months=24, source="project",
                            note="the school year applied for and the first term's waiting lists, with "
                                 "appeals heard after it"))

    user_id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    app_id = CouncilKey(null=True)  # application rows only (by_id)
    round_key = CouncilKey(null=True)  # application rows only (by_round)
    version = NumberAttribute(default=1)
    child = JSONAttribute(null=True)
    home = JSONAttribute(null=True)
    phone = UnicodeAttribute(null=True)  # the offer texted here (E.164)
    push = JSONAttribute(null=True)  # the browser's push subscription the offer is pushed to
    data = JSONAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    by_round = ByRoundIndex()
    by_id = ByIdIndex()


def _app(row):
    if row is None:
        return None
    return {**row.data, "id": row.app_id, "user_id": row.user_id, "round": row.round_key, "child": row.child,
            "home": row.home, "version": int(row.version), "created_at": row.created_at,
            "updated_at": row.updated_at, "tell": {"sms": row.phone, "push": row.push}}


def _row(app):
    data = {k: v for k, v in app.items()
            if k not in ("id", "user_id", "round", "child", "home", "version", "created_at", "updated_at", "tell")}
    tell = app.get("tell") or {}
    return ApplicationModel(app["user_id"], f"app#{app['id']}", app_id=app["id"], round_key=app["round"],
                            version=app["version"], child=app["child"], home=app["home"], data=data,
                            phone=tell.get("sms"), push=tell.get("push"),
                            created_at=app["created_at"], updated_at=app.get("updated_at"))


def _start(row):
    return {**row.data, "id": row.sk.split("#", 1)[1], "user_id": row.user_id, "child": row.child, "home": row.home,
            "version": int(row.version), "created_at": row.created_at, "updated_at": row.updated_at}


def _start_row(told):
    data = {k: v for k, v in told.items()
            if k not in ("id", "user_id", "child", "home", "version", "created_at", "updated_at")}
    return ApplicationModel(told["user_id"], f"start#{told['id']}", version=told["version"], child=told["child"],
                            home=told["home"], data=data, created_at=told["created_at"],
                            updated_at=told.get("updated_at"))


class ApplicationStore:
    def create(self, app, idempotency=None):
        """The application and its key's record, one transaction (AlreadyExists("idempotency") when a
        twin took the key first)."""
        from ..reports.report_store import _claim_key
        parts = ["application"]
        with writes(parts, exists={"application", "idempotency"}), transaction() as t:
            t.save(_row({**app, "version": 1}), condition=ApplicationModel.sk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def replace(self, app, expected_version, now):
        """The application as changed, if it is still at `expected_version` (EditConflict otherwise)."""
        row = _row({**app, "version": expected_version + 1, "updated_at": now})
        with writes(["application"]):
            row.save(condition=ApplicationModel.sk.exists() & (ApplicationModel.version == expected_version))
        return {**app, "version": expected_version + 1, "updated_at": now}

    def get(self, user_id, app_id):
        return _app(get_or_none(ApplicationModel, user_id, range_key=f"app#{app_id}", consistent_read=True))

    def find(self, app_id):
        """An application by its id alone (the admissions desk): one Query of by_id."""
        rows = list(ApplicationModel.by_id.query(app_id, limit=1))
        return _app(rows[0]) if rows else None

    def of_user(self, user_id, limit=20):
        return [_app(r) for r in ApplicationModel.query(user_id, ApplicationModel.sk.startswith("app#"),
                                                         scan_index_forward=False, limit=limit,
                                                         consistent_read=True)]

    def of_round(self, round_id, page_size=500):
        """Every application of the round, each read once: the index's pages in key order."""
        last = None
        while True:
            rows = ApplicationModel.by_round.query(round_id, page_size=page_size, last_evaluated_key=last)
            for row in rows:
                yield _app(row)
            last = rows.last_evaluated_key
            if not last:
                return

    def create_start(self, told, event, idempotency=None):
        """The telling, its event and its key's record, one transaction (AlreadyExists("idempotency") when a
        twin took the key first)."""
        from ..reports.report_store import _claim_key, event_model
        parts = ["start", "event"]
        with writes(parts, exists={"start", "idempotency"}), transaction() as t:
            t.save(_start_row({**told, "version": 1}), condition=ApplicationModel.sk.does_not_exist())
            t.save(event_model(event))
            if idempotency is not None:
                _claim_key(t, parts, idempotency)

    def start(self, user_id, start_id):
        row = get_or_none(ApplicationModel, user_id, range_key=f"start#{start_id}", consistent_read=True)
        return None if row is None else _start(row)

    def starts(self, user_id, limit=20):
        return [_start(r) for r in ApplicationModel.query(user_id, ApplicationModel.sk.startswith("start#"),
                                                          scan_index_forward=False, limit=limit,
                                                          consistent_read=True)]

    def replace_start(self, told, expected_version, now):
        """The telling as changed (its awards), if still at `expected_version` (EditConflict otherwise)."""
        with writes(["start"]):
            _start_row({**told, "version": expected_version + 1, "updated_at": now}).save(
                condition=ApplicationModel.sk.exists() & (ApplicationModel.version == expected_version))

    def add_audit(self, user_id, app_id, entry, now, key):
        ApplicationModel(user_id, f"audit#{app_id}#{now.isoformat()}#{key}", data=entry, created_at=now).save()

    def audit(self, user_id, app_id):
        return [{**r.data, "at": r.created_at} for r in ApplicationModel.query(
            user_id, ApplicationModel.sk.startswith(f"audit#{app_id}#"), consistent_read=True)]

    def everything_of(self, user_id):
        """Export: the parent's applications and officers' reads of them, plain."""
        return [{"row": r.sk, "child": r.child, "home": r.home, **r.data, "at": r.created_at.isoformat()}
                for r in ApplicationModel.query(user_id, consistent_read=True)]

    def erase_user(self, user_id):
        with ApplicationModel.batch_write() as batch:
            for row in ApplicationModel.query(user_id, attributes_to_get=["user_id", "sk"]):
                batch.delete(row)

