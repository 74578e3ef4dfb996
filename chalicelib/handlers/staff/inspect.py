"""Inspect: a staff change to one report (PATCH /v1/staff/reports/{id}),
modelled on FixMyStreet's inspect form, with what that form lacks:

- the change names the version it was made to (If-Match): of two officers
  editing at once, the second is told (409, with the report as it is now)
  instead of silently overwriting the first;
- every field's before and after, internal ones included, goes to an audit
  entry written in the change's own transaction;
- internal fields (priority, notes, assignment, due date, privacy) change
  quietly: only a new state or a public update reaches the timeline, the
  reporter and the followers.
"""
from ... import validation
from ...auth.policy import Forbidden, staff_covers
from ...errors import ValidationFailed
from ...storage.errors import EditConflict, Throttled
from ...storage.records import ReportWrite
from ..bodies import routing
from ..crews import assigning as crew_jobs
from ..reports import form_cases
from ..reports.transition import audit_entry, transition
from ..shared import placement
from . import assignment, duplicates, templates
from ..shared.versions import expected_version
from .inspect_form import check_due, read_form
from .view import etag, managed_report, staff_view, stale
from .wording import (CATEGORY_NEEDS_PLACE, CHANGE_OUTSIDE_AREA, DUPLICATE_IN_OTHER_STATE, DUPLICATE_NAMES_NO_ORIGINAL,
                      LEAVING_DUPLICATE_WITHOUT_STATE, UNKNOWN_CATEGORY)

AUTHOR = "council"  # who a public update is from, as the public sees it


def inspect(deps, report_id, body, if_match):
    """(staff view, ETag) after the change."""
    expected = expected_version(if_match)
    form = read_form(body)
    report = managed_report(deps, report_id)
    if int(report.version or 0) != expected:
        raise stale(deps, report.id, report)
    form_cases.check_change(deps, report, form)  # a form's case: private, and no street work
    change = _Change(deps, report, form)
    writes = change.writes()
    if not writes:
        return staff_view(deps, report), etag(report)  # nothing differs: nothing is written
    if not staff_covers(deps.principal, report):  # its new category or ward, as the change leaves it
        raise Forbidden(CHANGE_OUTSIDE_AREA, code="outside_your_scope")
    try:
        deps.reports.apply(writes)
    except EditConflict:
        raise stale(deps, report.id)
    except Throttled:
        # Another transaction held the report: if it was a change that won, this one is stale.
        current = deps.reports.get(report.id)
        if current is not None and int(current.version or 0) != expected:
            raise stale(deps, current.id, current)
        raise
    if change.new_original is not None:
        duplicates.move_followers(deps, report, change.new_original)
    change.reroute()
    return staff_view(deps, report, None), etag(report)


def snapshot(report):
    """The report's values staff can change, by their API names."""
    return {
        "status": report.state, "priority": report.priority, "service_code": report.service_code,
        "fields": dict(report.fields or {}),
        "location": None if report.lon is None else {"lat": float(report.lat), "lon": float(report.lon)},
        "ward": report.ward, "private": bool(report.private), "due": report.due,
        "team": report.team, "instructions": (report.assignment or {}).get("instructions"),
        "duplicate_of": report.duplicate_of,
    }


class _Change:
    def __init__(self, deps, report, form):
        self.deps, self.report, self.form, self.now = deps, report, form, deps.clock()
        self.before = snapshot(report)
        self.assigned = dict(report.assignment) if report.assignment else None  # names the job it made
        self.new_original = None  # the report it now duplicates, once the change commits
        self.routed = self.chosen = None  # the bodies before and after, when the change moves it to others
        self.sends = []
        self.others = []  # ReportWrites of the originals that list it or no longer do

    def writes(self):
        """[ReportWrite] for the change: this report's, then any original's; [] if nothing differs."""
        deps, r, f = self.deps, self.report, self.form
        problems = validation.Problems()
        if "service_code" in f or "fields" in f:
            self._recategorise(problems)
        if "lat" in f:
            self._move(f["lat"], f["lon"])
        if "service_code" in f or "lat" in f:
            self._route(problems)
        for name in ("priority", "private"):
            if name in f:
                setattr(r, name, f[name])
        if f.get("due") is not None:
            check_due(f["due"], r, problems)
            r.due, r.due_source, r.due_rule = f["due"], "staff", None
        elif "due" in f or (r.due_source != "staff" and ("service_code" in f or "priority" in f)):
            r.due, r.due_rule = placement.stamp_due(deps, r)  # the rule again: category or priority changed
            r.due_source = "rule" if r.due else None
        problems.raise_if_any()
        assignment.assign(deps, r, "team" in f, f.get("team"), "instructions" in f, f.get("instructions"),
                          self.now)
        template = templates.usable(deps, f["template"], r) if "template" in f else None
        previous = r.state
        r.state = f.get("status") or (template.state if template and template.state else None) or r.state
        self._duplicate(previous)
        text, template = self._public_text(template, previous)
        after = snapshot(r)
        changes = {k: {"before": self.before[k], "after": after[k]} for k in after if after[k] != self.before[k]}
        if self.routed is not None:
            changes["sent_to"] = self.routed
        for name, value in (("internal_note", f.get("internal_note")), ("public_update", text),
                            ("template", template.id if template else None)):
            if value is not None:
                changes[name] = {"before": None, "after": value}
        if not changes:
            return []
        # A form's case is worked at a desk: its team is an office's, and no crew gets a job from it.
        jobs, notices = ([], []) if form_cases.is_form_case(r) else crew_jobs.sync(deps, r, self.assigned, self.now)
        return [transition(deps, r, self.now, action="inspect", changes=changes, state=r.state, text=text,
                           author=AUTHOR, previous_state=previous, jobs=jobs, notices=notices), *self.others]

    def _recategorise(self, problems):
        r, f = self.report, self.form
        code = f.get("service_code", r.service_code)
        service = self.deps.services.get(code)
        if service is None or not service.get("active", True):
            problems.add("service_code", UNKNOWN_CATEGORY)
            return
        if service.get("location", "required") == "required" and r.lon is None and "lat" not in f:
            problems.add("service_code", CATEGORY_NEEDS_PLACE)
        asked = {d["code"] for d in service.get("fields", [])}
        # Answers to questions the new category does not ask are dropped (the audit keeps them).
        answers = {**{k: v for k, v in (r.fields or {}).items() if k in asked}, **(f.get("fields") or {})}
        r.fields = {**validation.extra_fields(service.get("fields", []), answers, problems),
                    **form_cases.kept_fields(r)}  # a form's case stays its form's whatever its category
        r.service_code = code

    def _move(self, lat, lon):
        # Over the boundary is fine where another body holds the point (_route decides).
        r = self.report
        r.lon, r.lat = round(lon, 7), round(lat, 7)
        r.ward = placement.ward_at(self.deps, r)
        if not r.address:  # the words follow the pin; an address as placed stays the staff's to change
            r.near = placement.near_words(self.deps, r.lon, r.lat)

    def _route(self, problems):
        """A new category or place may belong to another body (FixMyStreet's
        2209): the bodies it goes to now, for the audit; reroute() writes
        their sends once the change commits."""
        r = self.report
        service = self.deps.services.get(r.service_code)
        if service is None or (r.lon is None and service.get("location", "required") == "required"):
            return  # _recategorise has said what is wrong
        chosen = routing.route(self.deps, service, r.lon, r.lat)
        self.sends = self.deps.sends.for_report(r.id)
        before = sorted(s.body_id for s in self.sends if s.state != "withdrawn")
        after = sorted(b.id for b in chosen)
        if before != after:
            self.routed, self.chosen = {"before": before, "after": after}, chosen

    def reroute(self):
        """After the change commits: sends for the bodies it goes to now (tried
        by the next sweep), and those to bodies it no longer goes to withdrawn,
        sent or not: the council has taken it back, and a body's link to
        answer it stops working (forwarding/officer_actions.py). A body it
        still goes to keeps its copy."""
        if self.routed is None:
            return
        from dataclasses import replace
        now, mine = self.now, {b.id for b in self.chosen}
        for send in self.sends:
            if send.body_id not in mine and (send.unsettled or send.state == "sent"):
                self.deps.sends.save(replace(send, state="withdrawn", next_try_at=None, claimed_until=None))
        have = {s.body_id: s for s in self.sends}
        for fresh in routing.initial_sends(self.report, self.chosen, now):
            old = have.get(fresh.body_id)
            if old is None or old.state == "withdrawn":
                self.deps.sends.save(replace(fresh, version=old.version if old else None))

    def _duplicate(self, previous):
        """Apply duplicate_of and the state together: a duplicate is in the
        state "duplicate", names its original, and is listed by it."""
        r, f = self.report, self.form
        named = f.get("duplicate_of") if "duplicate_of" in f else r.duplicate_of
        if "duplicate_of" in f and named is not None:
            if "status" not in f:
                r.state = duplicates.STATE
            original = duplicates.original_of(self.deps, r, named)
            named = original.id
        if r.state != duplicates.STATE:
            if "duplicate_of" in f and f["duplicate_of"] is not None:
                raise ValidationFailed([("status", DUPLICATE_IN_OTHER_STATE)])
            named = None  # out of "duplicate": no longer anyone's duplicate
        elif named is None:
            problem = LEAVING_DUPLICATE_WITHOUT_STATE if previous == duplicates.STATE else DUPLICATE_NAMES_NO_ORIGINAL
            raise ValidationFailed([("status" if previous == duplicates.STATE else "duplicate_of", problem)])
        if named == r.duplicate_of:
            return
        if r.duplicate_of:
            self._list(self.deps.reports.get(r.duplicate_of), r.id, False)
        if named:
            self.new_original = original
            self._list(original, r.id, True)
        r.duplicate_of = named

    def _list(self, original, duplicate_id, present):
        if original is None:
            return
        before = list(original.duplicates or [])
        original.duplicates = duplicates.listed(original, duplicate_id, present)
        changes = {"duplicates": {"before": before, "after": list(original.duplicates)}}
        self.others.append(ReportWrite(original, audit_entry(
            self.deps, original, "duplicate_added" if present else "duplicate_removed", self.now, changes),
            inbox=False))

    def _public_text(self, template, previous):
        """(text, template used): the officer's own public update, else the
        template's, else the automatic template of the state just set."""
        r = self.report
        if self.form.get("public_update"):
            return self.form["public_update"], None
        if template is None and r.state != previous:
            template = templates.automatic_for(self.deps, r)
        if template is None:
            return None, None
        return templates.render(template, r, self.deps.services.get(r.service_code)) or None, template
