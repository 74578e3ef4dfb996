"""Street-crew jobs and the per-cell counts of each team's open jobs.

Two indexes serve a crew's phone, each read a page at a time so a list costs
what it returns however many jobs a team has:
- `near`: partition "{team}#{cell5}", sort "{geohash9}#{job id}", for open
  located jobs only; "jobs near me" searches it as "nearest" searches
  facilities, led by the counts below so it never reads an empty cell;
- `by_due`: partition = the team, sort "{due}#{job id}" (no due date sorts
  last), for open jobs only.
A closed job drops both keys: the indexes hold exactly the work still to do.

The counts (table `job-cells`, one item per team and cell) are moved in the
same transaction as the job, so they are exact, and a search can prove it
has found the nearest jobs.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute, \
    VersionAttribute
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection

from ...geo import cells
from ..binding import Stored, bind, get_or_none, model_of, page_key, record_of, start_key, table
from ..council_key import CouncilKey
from ..records import Job
from ..data_map import KEPT_AS_A_REPORT, NONE, Holds

# What a line of a crew's list shows; updates and instructions stay out.
LIST_ATTRIBUTES = ["report_id", "team", "status", "service_code", "summary", "lon", "lat", "geohash", "priority",
                   "due", "assigned_at", "updated_at"]
NO_DUE = "~"  # sorts after every date


class NearIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "near"
        projection = IncludeProjection(LIST_ATTRIBUTES)

    near_pk = CouncilKey(hash_key=True)
    near_sk = UnicodeAttribute(range_key=True)


class DueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_due"
        projection = IncludeProjection(LIST_ATTRIBUTES)

    due_pk = CouncilKey(hash_key=True)
    due_sk = UnicodeAttribute(range_key=True)


class JobModel(Stored):
    class Meta:
        table_name = table("jobs")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"summary": "free_text", "instructions": "free_text", "details": "free_text", "updates": "free_text",
                "reason": "free_text", "lat": "location", "lon": "location", "assigned_by": "identifier"},
        whose="resident", part="reports", basis="public_task", recipients=("crews",),
        purpose="A street crew's job made from a report: where, what, and what the crew did", copy_of="reports",
        retention=KEPT_AS_A_REPORT)

    id = CouncilKey(hash_key=True)
    report_id = UnicodeAttribute()
    team = UnicodeAttribute()
    service_code = UnicodeAttribute()
    status = UnicodeAttribute()
    summary = UnicodeAttribute(default="")
    lon = NumberAttribute(null=True)
    lat = NumberAttribute(null=True)
    geohash = UnicodeAttribute(null=True)
    priority = UnicodeAttribute(default="normal")
    due = UnicodeAttribute(null=True)
    instructions = UnicodeAttribute(null=True)
    assigned_at = UTCDateTimeAttribute(null=True)
    assigned_by = UnicodeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    closed_at = UTCDateTimeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    updates = JSONAttribute(default=list)
    details = JSONAttribute(null=True)
    counted = UnicodeAttribute(null=True)
    near_pk = CouncilKey(null=True)
    near_sk = UnicodeAttribute(null=True)
    due_pk = CouncilKey(null=True)
    due_sk = UnicodeAttribute(null=True)
    version = VersionAttribute()

    near_index = NearIndex()
    due_index = DueIndex()


class JobCellModel(Stored):
    """How many open located jobs a team has in one precision-5 cell."""
    class Meta:
        table_name = table("job-cells")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    team = CouncilKey(hash_key=True)
    cell = UnicodeAttribute(range_key=True)
    count = NumberAttribute(default=0)


def _counted_in(job):
    """"{team}#{cell5}" of the count an open located job is in; None otherwise."""
    if not job.open or job.lon is None:
        return None
    return f"{job.team}#{cells.encode(float(job.lon), float(job.lat))[:cells.PARTITION_PRECISION]}"


def job_model(job):
    """The stored form of a job: its values, its index keys while open, and
    the count it is in (filled in on the record too: geohash)."""
    job.geohash = cells.encode(float(job.lon), float(job.lat)) if job.lon is not None else None
    keys = {"near_pk": None, "near_sk": None, "due_pk": None, "due_sk": None}
    if job.open:
        keys.update(due_pk=job.team, due_sk=f"{job.due or NO_DUE}#{job.id}")
        if job.geohash:
            keys.update(near_pk=f"{job.team}#{job.geohash[:cells.PARTITION_PRECISION]}",
                        near_sk=f"{job.geohash}#{job.id}")
    return model_of(JobModel, job, **keys, counted=_counted_in(job))


def put_job(t, parts, job):
    """Put `job` into transaction `t` (its version refuses a stale copy), with
    its cell counts moved; returns what `settle_job` needs once it commits."""
    model = job_model(job)
    t.save(model)
    parts.append("job")
    if job.counted != model.counted:
        for key, step in ((job.counted, -1), (model.counted, 1)):
            if key:
                team, cell = key.rsplit("#", 1)
                t.update(JobCellModel(team, cell), actions=[JobCellModel.count.add(step)])
                parts.append("job-cells")
    return model, model.counted


def settle_job(job, saved):
    model, counted = saved
    job.version, job.counted = model.version, counted


class JobStore:
    def __init__(self):
        bind()

    def get(self, job_id):
        return record_of(Job, get_or_none(JobModel, job_id, consistent_read=True))

    def type_cells(self, team):
        """(open located jobs, {cell5: count}) of a team: one Query of a few
        dozen items (the cells a council's team works in)."""
        by_cell = {c.cell: int(c.count) for c in JobCellModel.query(team) if c.count and int(c.count) > 0}
        return sum(by_cell.values()), by_cell

    def query_range(self, team, partition, lo, hi, limit, start=None):
        """A team's open jobs in one geohash range of one precision-5 cell:
        (jobs with their list attributes, resume key or None)."""
        results = JobModel.near_index.query(
            f"{team}#{partition}", JobModel.near_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start_key(JobModel, start))
        return [record_of(Job, j) for j in results], page_key(JobModel, results.last_evaluated_key)

    def load(self, jobs):
        """Write new jobs in bulk, outside transactions (benchmarks, imports):
        batches of 25, then each touched cell's count once. Returns how many."""
        added, count = {}, 0
        with JobModel.batch_write() as batch:
            for job in jobs:
                model = job_model(job)
                batch.save(model)
                if model.counted:
                    added[model.counted] = added.get(model.counted, 0) + 1
                count += 1
        for key, n in added.items():
            team, cell = key.rsplit("#", 1)
            JobCellModel(team, cell).update(actions=[JobCellModel.count.add(n)])
        return count

    def by_due(self, team, limit, start=None):
        """A team's open jobs, soonest due first (none due last): (jobs, resume key or None)."""
        results = JobModel.due_index.query(team, limit=limit, page_size=limit, last_evaluated_key=start_key(JobModel, start))
        return [record_of(Job, j) for j in results], page_key(JobModel, results.last_evaluated_key)
