"""The scheduled sync: the committee system read into our own tables, asking
only what can have changed (cadence.py), and writing only what did (each
answer's hash against the one kept: there are no validators).

A committee system that is slow, down or behind a firewall's challenge page
stops the run's questions at its first such answer (nothing is gained by
asking again within the run); a malformed answer or a list page of another
shape leaves that one thing's last copy. Either way the last copies stand,
and the run's health is kept for staff (GET /v1/staff/meetings/health).
Residents' reads never wait on any of this: they read what it wrote.

A run is `run(deps)`: the Chalice schedule `sync_meetings` (app.py) and, on
one machine, doorstep_cli/local/schedules.py call it."""
from dataclasses import asdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from ...config import democracy as settings
from ...stamps import stamp
from . import agendas, backoffice, cadence
from ...storage.errors import EditConflict
from .port import DemocracyError

LONDON = ZoneInfo("Europe/London")
STOPPING = ("unreachable", "blocked")  # the system itself is not answering: ask it nothing more this run
SEARCH_TEXT = 160  # characters of an item's decision kept for search


class Run:
    def __init__(self, deps, system):
        self.deps, self.system, self.store = deps, system, deps.democracy
        self.now = deps.clock()
        self.today = self.now.astimezone(LONDON).date()
        self.config = settings()
        kept = self.store.document("health")
        self.health = kept[0] if kept else {}
        self.stopped, self.calls_before = None, system.calls
        self.changed, self.checked, self._wards, self._topics = [], 0, None, None
        self._papers = {}  # sizes kept this run: an agenda saved again after a staff edit asks for none twice

    def ask(self, source, question, refusal_stops=True):
        """The answer, or None (the failure kept in the source's health).
        `refusal_stops=False`: an error status answered to this one question
        (Modern.gov's 500 for a meeting it no longer has) is the question's
        failure, not the system's: the run goes on."""
        if self.stopped:
            return None
        entry = self.health.setdefault(source, {})
        try:
            answer = question()
        except DemocracyError as e:
            entry.update(failed_at=stamp(self.now), kind=e.kind, detail=e.detail[:200], answered=e.answered,
                         failures=(entry.get("failures") or 0) + 1)
            if e.kind in STOPPING and (refusal_stops or e.answered != "http_status"):
                self.stopped = e.kind
            return None
        entry.update(ok_at=stamp(self.now), kind=None, detail=None, answered=None, failures=0)
        return answer

    def ward_names(self):
        if self._wards is None:
            self._wards = [w.name for w in self.deps.wards.all()] if self.deps.wards is not None else []
        return self._wards

    def topics(self):
        if self._topics is None:
            from .topics import current
            self._topics = current(self.store)[0]
        return self._topics

    def keep_paper(self, paper_id):
        """A paper's PDF fetched once and kept in S3: its size, or None."""
        if paper_id in self._papers:
            return self._papers[paper_id]
        pdf = self.ask("papers", lambda: self.system.paper(paper_id))
        if pdf is None:
            return None
        self.deps.blobs.write(agendas.paper_key(paper_id), pdf, "application/pdf")
        self._papers[paper_id] = len(pdf)
        return len(pdf)

    def forget_paper(self, paper_id):
        self.deps.blobs.delete(agendas.paper_key(paper_id))

    # -- the steps ------------------------------------------------------------
    def committees(self):
        kept = self.store.document("committees")
        if kept and not cadence.due(kept[2], cadence.COMMITTEES_EVERY, self.now):
            return kept[0]
        found = self.ask("committees", self.system.committees)
        if found is None:
            return kept[0] if kept else []
        body = [asdict(c) for c in found]
        self._keep("committees", body, kept)
        return body

    def meetings(self, committees):
        from .port import Committee
        listed = {}
        lists_due = cadence.due(_moment(self.health.get("meetings", {}).get("listed_at")), cadence.LISTS_EVERY,
                                self.now)
        start = (self.today - timedelta(days=self.config["back_days"])).isoformat()
        end = (self.today + timedelta(days=self.config["ahead_days"])).isoformat()
        for committee in (c for c in committees if c["current"] and lists_due):
            found = self.ask("meetings", lambda: self.system.meetings(Committee(**committee), start, end))
            listed.update({m.id: {**asdict(m), "list_hash": agendas.answer_hash(asdict(m))} for m in found or ()})
        if lists_due and not self.stopped:
            self.health.setdefault("meetings", {})["listed_at"] = stamp(self.now)
        live_from = (self.today - timedelta(days=self.config["back_days"])).isoformat()
        live_to = (self.today + timedelta(days=cadence.LIVE_AHEAD)).isoformat()
        known = {m["id"]: m for m in self.store.between(live_from, live_to, limit=500)}
        known.update(self.store.summaries([i for i in listed if i not in known]))
        for meeting_id, row in listed.items():
            stored = known.get(meeting_id)
            if stored is not None and stored.get("list_hash") == row["list_hash"]:
                continue  # as it was listed before
            if stored is not None or row["cancelled"]:
                self._save_listed(stored, row)  # moved, renamed or cancelled: the list says so
            known[meeting_id] = {**(stored or {}), **row, "checked_at": None}  # its agenda asked for again
        for meeting_id, summary in known.items():
            if cadence.agenda_due(summary, self.today, self.now):
                self._agenda(meeting_id, summary)

    def _save_listed(self, stored, row):
        full = self.store.meeting(row["id"]) or {"items": [], "location": ""}
        updated = {**full, **{k: row[k] for k in ("id", "committee_id", "committee_title", "date", "time", "cancelled",
                                                  "list_hash")}}
        try:
            self.store.save_meeting(updated, agendas.events(self, stored, updated))
        except EditConflict:
            return  # staff retagged it this moment: its list_hash is not kept, so the next run saves it
        self.changed.append(row["id"])

    def _agenda(self, meeting_id, summary):
        meeting = self.ask("agendas", lambda: self.system.meeting(meeting_id), refusal_stops=False)
        if meeting is None:
            if not self.stopped:  # refused this meeting alone (deleted there): asked again at its cadence
                self.store.checked(meeting_id, self.now)
            return
        self.checked += 1
        if summary.get("answer_hash") == agendas.answer_hash(asdict(meeting)):
            self.store.checked(meeting_id, self.now)
            return
        stored = self.store.meeting(meeting_id) if summary.get("answer_hash") else None
        row, events, _ = agendas.made(self, summary, stored or summary, meeting)
        try:
            self.store.save_meeting(row, events)
        except EditConflict:
            # Staff's tags moved on since our read (or were never read: a first copy or papers
            # still missing): made again over the row as it is, so no edit is undone.
            stored = self.store.meeting(meeting_id, consistent=True)
            row, events, _ = agendas.made(self, summary, stored or summary, meeting)
            try:
                self.store.save_meeting(row, events)
            except EditConflict:
                return  # edited again this instant: its hash is not kept, so the next run copies it
        self.changed.append(meeting_id)
        from .search import index_meeting
        index_meeting(self.store, row, SEARCH_TEXT)

    def pages(self):
        entry = self.health.get("forward_plan", {})
        if cadence.due(_moment(entry.get("asked_at")), cadence.PAGES_EVERY, self.now):
            listing = self.ask("forward_plan", self.system.forthcoming)
            if listing is not None:
                self._listing("forward_plan", listing, [self._placed(p) for p in listing.rows])
            self._asked("forward_plan")
        entry = self.health.get("decisions", {})
        if cadence.due(_moment(entry.get("asked_at")), cadence.PAGES_EVERY, self.now):
            start = (self.today - timedelta(days=cadence.DECISIONS_BACK_DAYS)).isoformat()
            listing = self.ask("decisions", lambda: self.system.decisions(start, self.today.isoformat()))
            if listing is not None:
                kept = self.store.document("decisions")
                merged = {d["id"]: d for d in (kept[0] if kept else [])}
                merged.update({d.id: asdict(d) for d in listing.rows})
                oldest = (self.today - timedelta(days=365)).isoformat()
                rows = sorted((d for d in merged.values() if d["decided"] >= oldest),
                              key=lambda d: (d["decided"], d["id"]), reverse=True)[:1000]
                self._listing("decisions", listing, rows, kept)
            self._asked("decisions")

    def _asked(self, name):
        """A page that answered, even in a shape we refuse, is asked again at its hour, not every run
        (one not reached because the system is down is asked as soon as it is back)."""
        if not self.stopped:
            self.health.setdefault(name, {})["asked_at"] = stamp(self.now)

    def _placed(self, planned):
        """A forthcoming decision with its topics, and the wards its title names beside those the plan gives."""
        from .tagging import tags
        found = tags(planned.title, self.ward_names(), self.topics())
        return {**asdict(planned), "wards": sorted({*planned.wards, *found["wards"]}), "topics": found["topics"]}

    def _listing(self, name, listing, rows, kept=None):
        entry = self.health.setdefault(name, {})
        entry.update(asked_at=stamp(self.now), skipped=listing.skipped)
        self._keep(name, rows, kept if kept is not None else self.store.document(name))

    def _keep(self, name, body, kept):
        digest = agendas.answer_hash(body)
        if kept and kept[1] == digest:
            self.store.document_checked(name, self.now)
        else:
            self.store.keep_document(name, body, digest, self.now)
            self.changed.append(name)

    def finish(self):
        self.health["last_run"] = {"at": stamp(self.now), "calls": self.system.calls - self.calls_before, "changed": len(self.changed),
                                   "agendas_checked": self.checked, "stopped": self.stopped}
        self.store.keep_document("health", self.health, None, self.now)
        return dict(self.health["last_run"], changed_ids=self.changed)


def _moment(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def run(deps):
    """One sync; its report ({"configured": False} when no committee system is)."""
    system = backoffice.configured(deps)
    if system is None:
        return {"configured": False}
    sync = Run(deps, system)
    sync.meetings(sync.committees())
    sync.pages()
    return sync.finish()
