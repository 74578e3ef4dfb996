"""Each run of the retention sweep's report (docs/decisions/retention.md): a council's one partition,
newest first, each run's counts by kind and what it did, and for a dry run what would go. The
council's administrator reads them (handlers/retention/admin.py); each goes after RUNS_KEPT."""
from dataclasses import field
from datetime import datetime, timedelta

from pynamodb.attributes import BooleanAttribute, JSONAttribute, TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention
from ..record_class import record

KIND = "runs"  # the one partition of a council's runs
RUNS_KEPT = timedelta(days=730)


@record
class SweepRun:
    id: str  # "<started at, UTC>#<opaque>": newest last in the partition
    dry: bool
    by: str  # "schedule", or the administrator who asked for a dry run
    started_at: datetime
    finished_at: datetime | None = None
    counts: dict = field(default_factory=dict)  # {kind: {what happened: n}}
    listed: dict = field(default_factory=dict)  # a dry run's {kind: [{id, since, until}]}, at most LISTED each
    more: dict = field(default_factory=dict)  # {kind: true} where more were due than listed or done


class SweepRunModel(Stored):
    class Meta:
        table_name = table("retention-runs")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"listed": "identifier", "by": "contact"}, whose="resident", part="running", basis="public_task",
        purpose="What each run of the retention sweep removed or would remove, by kind and count, for the "
                "council's administrator",
        retention=Retention(after="created", months=24, then="delete", source="ttl"))

    kind = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)
    dry = BooleanAttribute()
    by = UnicodeAttribute()
    started_at = UTCDateTimeAttribute()
    finished_at = UTCDateTimeAttribute(null=True)
    counts = JSONAttribute(default=dict)
    listed = JSONAttribute(default=dict)
    more = JSONAttribute(default=dict)
    expires = TTLAttribute()


class SweepRunStore:
    def __init__(self):
        bind()

    def put(self, run, idempotency=None):
        """The run's report, with the Idempotency-Key's record of the request that asked for it (a dry
        run): AlreadyExists("idempotency") when a twin with the key wrote first."""
        model = model_of(SweepRunModel, run, kind=KIND, expires=run.started_at + RUNS_KEPT)
        if idempotency is None:
            model.save()
            return
        from ..reports.report_store import _claim_key
        parts = ["run"]
        with writes(parts, exists={"idempotency"}), transaction() as t:
            t.save(model)
            _claim_key(t, parts, idempotency)

    def get(self, run_id):
        return record_of(SweepRun, get_or_none(SweepRunModel, KIND, range_key=run_id, consistent_read=True))

    def page(self, limit, cursor=None):
        """([SweepRun], cursor of the page after or None): newest first, one Query."""
        found = SweepRunModel.query(KIND, scan_index_forward=False, limit=limit, page_size=limit,
                                    last_evaluated_key=start_key(SweepRunModel, cursor))
        runs = [record_of(SweepRun, m) for m in found]
        return runs, page_key(SweepRunModel, found.last_evaluated_key) if len(runs) == limit else None

    def latest(self):
        runs, _ = self.page(1)
        return runs[0] if runs else None
