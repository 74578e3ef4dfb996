"""Allocation runs and the one release per round (handlers/schools/allocating.py, releasing.py):
one partition per round, which no parent route reads before the round's release.

- `run#<run>`: a run as made: its recorded draw (the seed), who ran it and when, its counts.
- `offer#<run>#<application>`: what the run offers that application (the school, which preference,
  or allocated), and the schools whose waiting lists it is on, each with its place key.
- `wait#<run>#<school>#<key>#<application>`: a waiting list's entry; `key` is the school's criteria
  order (rule, distance, draw), so a Query reads a list in order and a place on it is a count of the
  keys before it, wherever a child joins.
- `release`: the round's one release (the run released, when, by whom), put with its event in one
  conditional transaction: a second or raced release fails, whatever is retried."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, batch_save, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention


class AllocationModel(Stored):
    class Meta:
        table_name = table("school-allocations")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"data": "identifier"}, whose="resident", part="schools", basis="public_task",
        purpose="Which school each application is offered and the waiting lists it is on, by application "
                "and parent account, kept with the run that decided it",
        not_personal={"round_key": "a round's name: entry year and phase"},
        retention=Retention(after="created", months=24, source="project",
                            note="as the applications: the year applied for and its appeals"))

    round_key = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    data = JSONAttribute()
    created_at = UTCDateTimeAttribute()


class AllocationStore:
    def save_run(self, round_id, run, offers, waits, now):
        """A run's rows: its record, each offer and each waiting list entry (25 to a batch).
        `offers`: {application id: offer}; `waits`: [(school id, key, application id)]."""
        rows = [AllocationModel(round_id, f"run#{run['id']}", data=run, created_at=now)]
        rows += [AllocationModel(round_id, f"offer#{run['id']}#{app_id}", data=offer, created_at=now)
                 for app_id, offer in offers.items()]
        rows += [AllocationModel(round_id, f"wait#{run['id']}#{school}#{key}#{app_id}", data={}, created_at=now)
                 for school, key, app_id in waits]
        return batch_save(AllocationModel, rows)

    def run(self, round_id, run_id):
        row = get_or_none(AllocationModel, round_id, range_key=f"run#{run_id}", consistent_read=True)
        return None if row is None else {**row.data, "created_at": row.created_at}

    def runs(self, round_id):
        return [{**r.data, "created_at": r.created_at} for r in AllocationModel.query(
            round_id, AllocationModel.sk.startswith("run#"), consistent_read=True)]

    def offer(self, round_id, run_id, app_id):
        row = get_or_none(AllocationModel, round_id, range_key=f"offer#{run_id}#{app_id}", consistent_read=True)
        return None if row is None else row.data

    def offers(self, round_id, run_id, page_size=500):
        """(application id, offer) of every offer of the run, page by page."""
        last = None
        prefix = f"offer#{run_id}#"
        while True:
            rows = AllocationModel.query(round_id, AllocationModel.sk.startswith(prefix), page_size=page_size,
                                         last_evaluated_key=last, consistent_read=True)
            for row in rows:
                yield row.sk[len(prefix):], row.data
            last = rows.last_evaluated_key
            if not last:
                return

    def place_on_list(self, round_id, run_id, school_id, key):
        """1 for the first: the entries of the school's list whose keys come before `key`, plus one."""
        prefix = f"wait#{run_id}#{school_id}#"
        return 1 + AllocationModel.count(round_id, AllocationModel.sk.between(prefix, f"{prefix}{key}#"),
                                         consistent_read=True)

    def waiting_list(self, round_id, run_id, school_id):
        """The school's list in order: [(key, application id)]."""
        prefix = f"wait#{run_id}#{school_id}#"
        return [tuple(r.sk[len(prefix):].rsplit("#", 1)) for r in AllocationModel.query(
            round_id, AllocationModel.sk.startswith(prefix), consistent_read=True)]

    def release(self, round_id):
        row = get_or_none(AllocationModel, round_id, range_key="release", consistent_read=True)
        return None if row is None else {**row.data, "created_at": row.created_at}

    def add_release(self, round_id, release, event, now):
        """The round's one release and its event (AlreadyExists("release") when there is one)."""
        from ..reports.report_store import event_model
        with writes(["release", "event"], exists={"release"}), transaction() as t:
            t.save(AllocationModel(round_id, "release", data=release, created_at=now),
                   condition=AllocationModel.sk.does_not_exist())
            t.save(event_model(event))
