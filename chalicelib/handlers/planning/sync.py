"""The scheduled sync: the planning register read into our own table, asking
only for the weekly lists that can hold something new and the applications
those lists show new or changed.

A week's list (validated or decided, per ward where configured) is asked
until it has been read once after its week ended; then never again. This
week's lists are asked at most every LIST_EVERY. An application a list shows
is asked for (its summary and dates tabs) only when we hold no copy, or the
list's status differs from our copy's, or a decided list shows it and our
copy has no decision. A register that is down, blocked, asleep (its overnight
window) or past this run's request budget stops the run: the last copies
stand, with their age. A page of a shape we do not read, or an application
without a value every application has (its status, reference...), is a
warning kept for staff (GET /v1/staff/planning/health), never data: our last
copy stands, and that list is asked again next run. Residents' reads never
wait on any of this.

`run(deps)`: the Chalice schedule `sync_planning` (app.py) and, on one
machine, doorstep_cli/local/schedules.py call it."""
import hashlib
import json
from dataclasses import asdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ...stamps import stamp
from . import backoffice, ids
from .settings import planning as settings
from .placing import Placer
from .port import DECIDED, VALIDATED, PlanningError, lacking

LONDON = ZoneInfo("Europe/London")
LIST_EVERY = timedelta(hours=6)
STOPPING = ("unreachable", "blocked", "asleep", "budget")
KEEP_WARNINGS = 20


def digest(application):
    return hashlib.sha256(json.dumps(asdict(application), sort_keys=True).encode()).hexdigest()[:32]


def mondays(today, weeks):
    """This week's Monday and the `weeks - 1` before it, oldest first (YYYY-MM-DD)."""
    this = today - timedelta(days=today.weekday())
    return [(this - timedelta(weeks=n)).isoformat() for n in range(weeks - 1, -1, -1)]


class Run:
    def __init__(self, deps, register):
        self.deps, self.register, self.store = deps, register, deps.planning
        self.now = deps.clock()
        self.today = self.now.astimezone(LONDON).date()
        self.config = backoffice.options(deps) or settings()  # a register given (deps) with the environment's options
        self.health = self.store.state("health")[0] or {}
        self.lists = self.store.state("lists")[0] or {}
        self.placer = Placer(deps.addresses)
        self.stopped, self.calls_before = None, register.calls
        self.counts = {"lists": 0, "fetched": 0, "new": 0, "changed": 0, "unplaced": 0, "skipped_rows": 0}
        self.warnings = []

    def _warn(self, what, error):
        warning = {"what": what, "kind": error.kind, "detail": error.detail[:200], "at": stamp(self.now)}
        self.warnings.append({**warning, "missing": error.missing} if error.missing else warning)

    def due(self, name, monday):
        """Whether the list `name` (of the week beginning `monday`) can hold something we have not read."""
        read = self.lists.get(name)
        if read is None:
            return True
        week_end = datetime.fromisoformat(monday).replace(tzinfo=LONDON) + timedelta(days=7)
        read_at = datetime.fromisoformat(read.replace("Z", "+00:00"))
        if read_at >= week_end:
            return False  # read after its week ended: complete
        return self.now - read_at >= LIST_EVERY or self.now >= week_end

    def weeks(self):
        for monday in mondays(self.today, self.config["weeks"]):
            for kind in (VALIDATED, DECIDED):
                for ward in self.config["wards"] or [""]:
                    name = f"{kind}#{monday}#{ward}"
                    if self.stopped:
                        return
                    if self.due(name, monday):
                        self.week(name, monday, kind, ward)

    def week(self, name, monday, kind, ward):
        try:
            listed, skipped = self.register.weekly_list(monday, kind, ward)
        except PlanningError as e:
            return self._failed(name, e)
        self.counts["lists"] += 1
        self.counts["skipped_rows"] += skipped
        if skipped:
            self._warn(name, PlanningError("changed", f"{skipped} rows of the list could not be read"))
        kept = self.store.many([ids.of(row.reference) for row in listed])
        complete = True
        for row in listed:
            ours = kept.get(ids.of(row.reference))
            if ours is not None and (ours["status"] == row.status or not row.status) and \
                    (kind != DECIDED or ours["decision"]):
                continue  # as we hold it
            if not self.application(row, ours):
                complete = False
                if self.stopped:
                    return
        if complete and not skipped:
            self.lists[name] = stamp(self.now)

    def application(self, listed, ours):
        try:
            found = self.register.application(listed.key, with_type=ours is None or not ours["app_type"])
            incomplete = lacking(asdict(found))  # whichever register: such a copy is never kept
            if incomplete:
                raise incomplete
        except PlanningError as e:
            self._failed(f"application {listed.reference}", e)
            return False
        self.counts["fetched"] += 1
        answer = digest(found)
        if ours is not None and ours.get("digest") == answer:
            return True
        row = {**asdict(found), "id": ids.of(found.reference), "digest": answer, "seen_at": stamp(self.now),
               "changed_at": stamp(self.now)}
        if not row["app_type"] and ours is not None:
            row["app_type"] = ours["app_type"]  # not asked again: an application's type does not change
        if row["lat"] is None or row["lon"] is None:
            row["lat"], row["lon"] = self.placer.place(found.address)
        if row["lat"] is None:
            self.counts["unplaced"] += 1
        self.store.save(row, self.events(row, ours))
        self.counts["changed" if ours is not None else "new"] += 1
        return True

    def events(self, row, ours):
        """The changes residents are told of (notices.py), once each: none on a register's first sync
        (what was there before Doorstep read it is not news), nor for an application not on the map."""
        from ..shared.events import new_event
        from .notices import APPEALED, DECIDED, NEW, WITHDRAWN, event_id
        if not self.health.get("last_complete_at") or row["lat"] is None:
            return []
        kinds = []
        if ours is None:
            kinds.append(NEW)
        withdrawn = "withdrawn" in f"{row['status']} {row['decision']}".lower()
        if (ours is None or not ours["decision"]) and row["decision"]:
            kinds.append(WITHDRAWN if withdrawn else DECIDED)
        if (ours is None or not ours["appeal_status"]) and row["appeal_status"]:
            kinds.append(APPEALED)
        return [new_event(self.deps, kind, self.now, event_id=event_id(row["id"], kind), application_id=row["id"],
                          reference=row["reference"], lon=row["lon"], lat=row["lat"]) for kind in kinds]

    def _failed(self, what, error):
        self._warn(what, error)
        if error.kind in STOPPING:
            self.stopped = error.kind

    def finish(self):
        calls = self.register.calls - self.calls_before
        last = {"at": stamp(self.now), "calls": calls, "stopped": self.stopped,
                "waited_s": round(getattr(getattr(self.register, "gate", None), "waited_s", 0.0), 1), **self.counts}
        health = {**self.health, "last_run": last,
                  "warnings": (self.warnings + self.health.get("warnings", []))[:KEEP_WARNINGS]}
        if not self.stopped:
            health["last_complete_at"] = stamp(self.now)
        oldest = mondays(self.today, self.config["weeks"])[0]  # weeks no run asks again are forgotten
        self.lists = {name: at for name, at in self.lists.items() if name.split("#")[1] >= oldest}
        self.store.keep_state("lists", self.lists, stamp(self.now))
        self.store.keep_state("health", health, stamp(self.now))
        return {"configured": True, **last, "warnings": self.warnings}


def run(deps, clock=None, sleep=None):
    """One sync; its report ({"configured": False} when no register is)."""
    register = backoffice.configured(deps, clock=clock or deps.clock, sleep=sleep)
    if register is None:
        return {"configured": False}
    sync = Run(deps, register)
    sync.weeks()
    return sync.finish()
