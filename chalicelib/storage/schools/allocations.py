"""Allocation runs and the one release per round (handlers/schools/allocating.py, releasing.py):
one partition per round, which no parent route reads before the round's release.

- `run#<run>`: a run as made: its recorded draw (the seed), who ran it and when, its counts.
- `offer#<run>#<application>`: what the run offers that application (the school, which preference,
  or allocated), and the schools whose waiting lists it is on, each with its place key.
- `wait#<run>#<school>#<key>#<application>`: a waiting list's entry; `key` is the school's criteria
  order (rule, distance, draw), so a Query reads a list in order and a place on it is a count of the
  keys before it, wherever a child joins.
- `told#<run>#<application>#<channel>`: a text or push of the offer claimed before it is sent, so an
  effect run again sends none twice (deleted again when the channel refused it, to be tried again).
- `reoffer#<application>#<school>`: a place declined (or given up) at the school, offered to this
  child from the school's waiting list in its criteria order, with its own answer-by date; put in one
  transaction with the deletion of the child's entry on that list, so two places freed at once go to
  two children, never one twice.
- `pending#<accept by>#<application>#<school>`: a waiting list's offer not answered yet, sorted by its
  last day, so the quarter-hourly schedule reads only the offers whose day has gone (`lapsing`); put
  with the offer, taken away by its answer or its lapse in the same transaction.
- `given#<event>`: the place a lapsed offer freed, given on down its list once however often the
  lapse's effect runs (put in the transaction that offers it).
- `schedule`: the run an officer chose to be released on offer day (the schedule releases it then).
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
        not_personal={"round_key": "a round's name: entry year and phase",
                      "answer": "accept or decline, and when: a parent's answer to a waiting list's offer"},
        retention=Retention(after="created", months=24, source="project",
                            note="as the applications: the year applied for and its appeals"))

    round_key = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    data = JSONAttribute()
    answer = JSONAttribute(null=True)  # reoffer rows: the parent's answer, set once
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

    def on_list(self, round_id, run_id, school_id, key, app_id):
        return get_or_none(AllocationModel, round_id, range_key=f"wait#{run_id}#{school_id}#{key}#{app_id}",
                           consistent_read=True) is not None

    def waiting_list(self, round_id, run_id, school_id):
        """The school's list in order: [(key, application id)]."""
        prefix = f"wait#{run_id}#{school_id}#"
        return [tuple(r.sk[len(prefix):].rsplit("#", 1)) for r in AllocationModel.query(
            round_id, AllocationModel.sk.startswith(prefix), consistent_read=True)]

    def release(self, round_id):
        row = get_or_none(AllocationModel, round_id, range_key="release", consistent_read=True)
        return None if row is None else {**row.data, "created_at": row.created_at}

    def claim_told(self, round_id, run_id, app_id, channel, now):
        """True when this channel's message of the offer is ours to send now (nobody claimed it before)."""
        from ..errors import AlreadyExists
        try:
            with writes(["told"], exists={"told"}):
                AllocationModel(round_id, f"told#{run_id}#{app_id}#{channel}", data={}, created_at=now).save(
                    condition=AllocationModel.sk.does_not_exist())
        except AlreadyExists:
            return False
        return True

    def unclaim_told(self, round_id, run_id, app_id, channel):
        AllocationModel(round_id, f"told#{run_id}#{app_id}#{channel}").delete()

    def add_events(self, events):
        """Events of their own (the release's pages): put as they are, so a page put again is the same row."""
        from ..reports.report_store import event_model
        return batch_save(type(event_model(events[0])), [event_model(e) for e in events]) if events else 0

    def add_reoffer(self, round_id, run_id, school_id, key, app_id, offer, event, now, freed_by=None):
        """The waiting list's next child offered the place: True, or False when another freed place took
        this child first (their entry gone, or the offer there already). `freed_by`: the lapse whose place
        this is, given once (`given#`); `given` says whether it was given already."""
        from ..errors import AlreadyExists, EditConflict
        from ..reports.report_store import event_model
        wait = AllocationModel(round_id, f"wait#{run_id}#{school_id}#{key}#{app_id}")
        pending = {"run_id": run_id, "school_id": school_id, "application": app_id}
        try:
            with writes(["reoffer", "wait", "event"], exists={"reoffer"}), transaction() as t:
                t.save(AllocationModel(round_id, f"reoffer#{app_id}#{school_id}", data=offer, created_at=now),
                       condition=AllocationModel.sk.does_not_exist())
                t.save(AllocationModel(round_id, _pending(offer["accept_by"], app_id, school_id), data=pending,
                                       created_at=now))
                t.delete(wait, condition=AllocationModel.sk.exists())
                if freed_by:
                    t.save(AllocationModel(round_id, f"given#{freed_by}", data={"to": app_id}, created_at=now),
                           condition=AllocationModel.sk.does_not_exist())
                t.save(event_model(event))
        except (AlreadyExists, EditConflict):
            return False
        return True

    def given(self, round_id, freed_by):
        """Whether the place a lapse freed has been offered on already."""
        return get_or_none(AllocationModel, round_id, range_key=f"given#{freed_by}", consistent_read=True) is not None

    def lapsing(self, round_id, last_day):
        """Waiting lists' offers unanswered whose answer-by day is `last_day` or before: [(accept by,
        application, school, run)], read from their own sorted rows (never the round's other rows)."""
        rows = AllocationModel.query(round_id, AllocationModel.sk.between("pending#", f"pending#{last_day}~"),
                                     consistent_read=True)
        return [(r.sk.split("#")[1], r.data["application"], r.data["school_id"], r.data["run_id"]) for r in rows]

    def lapse(self, round_id, app_id, school_id, accept_by, event, now):
        """An offer from a waiting list not answered by its day: marked lapsed with its event, once (False
        when the parent's answer came first)."""
        from ..errors import EditConflict
        from ..reports.report_store import event_model
        row = AllocationModel(round_id, f"reoffer#{app_id}#{school_id}")
        try:
            with writes(["reoffer", "event"]), transaction() as t:
                t.update(row, actions=[AllocationModel.answer.set({"answer": "lapsed", "at": now.isoformat()})],
                         condition=AllocationModel.sk.exists() & AllocationModel.answer.does_not_exist())
                t.delete(AllocationModel(round_id, _pending(accept_by, app_id, school_id)))
                t.save(event_model(event))
        except EditConflict:
            return False
        return True

    def reoffers(self, round_id, app_id):
        """The places offered to the application from waiting lists, oldest first."""
        return [{**r.data, "at": r.created_at, "answer": r.answer} for r in AllocationModel.query(
            round_id, AllocationModel.sk.startswith(f"reoffer#{app_id}#"), consistent_read=True)]

    def answer_reoffer(self, round_id, app_id, school_id, answer, accept_by):
        """The parent's answer to a waiting list's offer, once (EditConflict when answered already), and
        the offer off the lapsing rows."""
        row = AllocationModel(round_id, f"reoffer#{app_id}#{school_id}")
        with writes(["reoffer"]), transaction() as t:
            t.update(row, actions=[AllocationModel.answer.set(answer)],
                     condition=AllocationModel.sk.exists() & AllocationModel.answer.does_not_exist())
            t.delete(AllocationModel(round_id, _pending(accept_by, app_id, school_id)))

    def leave_lists(self, round_id, run_id, entries):
        """The child off these waiting lists ([(school, key, application)]): they hold a place they prefer."""
        with AllocationModel.batch_write() as batch:
            for school_id, key, app_id in entries:
                batch.delete(AllocationModel(round_id, f"wait#{run_id}#{school_id}#{key}#{app_id}"))

    def schedule(self, round_id, chosen, now):
        """The run to release on offer day (choosing again replaces it: nothing is released yet)."""
        AllocationModel(round_id, "schedule", data=chosen, created_at=now).save()

    def scheduled(self, round_id):
        row = get_or_none(AllocationModel, round_id, range_key="schedule", consistent_read=True)
        return None if row is None else {**row.data, "at": row.created_at}

    def add_release(self, round_id, release, event, now):
        """The round's one release and its event (AlreadyExists("release") when there is one)."""
        from ..reports.report_store import event_model
        with writes(["release", "event"], exists={"release"}), transaction() as t:
            t.save(AllocationModel(round_id, "release", data=release, created_at=now),
                   condition=AllocationModel.sk.does_not_exist())
            t.save(event_model(event))


def _pending(accept_by, app_id, school_id):
    return f"pending#{accept_by}#{app_id}#{school_id}"
