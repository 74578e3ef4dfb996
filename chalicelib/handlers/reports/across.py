"""Reports that cross councils: one the point and category give to another
council of this deployment (a body sent by "council": the county's road in a
district's site), and one read at the address of a council that does not hold
it. The one place a report crosses: each crossing works inside
tenancy.acting_for(holder) with the holder's own Deps (Deps.for_council), so
storage reads and writes the holder's partitions and no other's.

The report is stored in its holder's partitions, where its staff, crews and
every desk work it as their own; the council it was made with (its `site`)
keeps a pointer under the same reference (storage/reports/reports_elsewhere.py), so the
resident tracks it at the address they used and My Account there lists it.
Read through a pointer, a report is as the public sees it, or private to its
tracking token and its owner: never to the reading council's staff, who have
no say over another council's report (FixMyStreet: "another council's report
answers 404" on the staff desks)."""
from contextlib import contextmanager

from ... import ids, tenancy
from ...errors import ApiError
from . import views
from .wording import TOKEN_DOES_NOT_OPEN

REPORT_LINK = "/?report={report_id}"  # the web app's page of a report


def receiving(bodies):
    """The council of the deployment a report routed to `bodies` is held by; None: this one."""
    return next((b.council for b in sorted(bodies, key=lambda b: b.id) if b.send_method == "council" and b.council),
                None)


@contextmanager
def working_for(deps, council_id):
    """deps itself for this council (None), or the Deps of `council_id`, working for it."""
    if council_id is None or council_id == tenancy.current():
        yield deps
        return
    with tenancy.acting_for(council_id):
        yield deps.for_council()


def council_link(deps, council_id, report_id):
    """{council, name, url}: a report at the address of the council `council_id`."""
    from ...config import links_base
    from ...councils.council import council
    there = council(council_id)
    return {"council": there.id, "name": there.name,
            "url": links_base(deps.settings, there) + REPORT_LINK.format(report_id=report_id)}


def site_of(report):
    """{council, name} of the council a report was made with, when not its holder's own site."""
    from ...councils.council import council
    if not getattr(report, "site", None):
        return None
    made = council(report.site)
    return {"council": made.id, "name": made.name}


def holder_of(deps, report_id):
    """The council of the deployment holding the report this council's reference names, or None."""
    rid = ids.normalise_report_id(report_id or "")
    return deps.elsewhere.holder(rid) if ids.is_report_id(rid) else None


def held_view(deps, report_id, holder, token=None, answered_with=None):
    """The report `holder` holds, as the caller at this council's address may see it."""
    rid = ids.normalise_report_id(report_id)
    link = council_link(deps, holder, rid)
    with working_for(deps, holder) as home:
        report = home.reports.get(rid)
        if report is None:
            return None
        service = home.services.get(report.service_code) or {}
        sends = home.sends.for_report(report.id)
        if _opens(deps, report, token or answered_with):
            view = views.private_view(home, report, service, tracking_token=answered_with, sends=sends)
        else:
            view = views.public_view(home, report, service, sends)
    return {**view, "held_by": link}


def held_updates(deps, report_id, holder, token=None):
    """The timeline of a report `holder` holds, as get_updates gives its own."""
    from ... import visibility
    rid = ids.normalise_report_id(report_id)
    with working_for(deps, holder) as home:
        report = home.reports.get(rid)
        if report is None:
            return None
        private = _opens(deps, report, token)
        details = private or visibility.details_are_public(report, home.services.get(report.service_code))
        return {"report_id": report.id,
                "updates": [views.update_view(u, home, details, signed=private or None)
                            for u in home.reports.updates(report.id)],
                "sent_to": [views.sent_view(s) for s in home.sends.for_report(report.id) if s.state != "withdrawn"],
                "held_by": council_link(deps, holder, report.id)}


def _opens(deps, report, token):
    """Private to its tracking token (a wrong one: 403) and to its owner; else public."""
    if token is not None:
        if not report.token_hash or not ids.constant_time_equal(report.token_hash, ids.digest(token)):
            raise ApiError(TOKEN_DOES_NOT_OPEN, status=403, code="invalid_token")
        return True
    caller = deps.principal
    return bool(caller and report.user_id and caller.user_id == report.user_id)


def held_for(deps, user_id, line):
    """A resident's reports made here and held by other councils of the deployment, each
    `line(deps, report, that council's category names)` with where it is held: one Query
    of the pointers, then one BatchGetItem per holding council."""
    lines = []
    for holder, report_ids in _held(deps, user_id):
        with working_for(deps, holder) as home:
            names = {s["service_code"]: s.get("name") for s in home.services.all()}
            found = home.reports.get_many(report_ids)
        lines += [{**line(deps, r, names), "held_by": council_link(deps, holder, r.id)} for r in found]
    return lines


def _held(deps, user_id):
    """{holder: [report ids]} of a resident's reports made here and held elsewhere."""
    by_holder = {}
    for report_id, holder in deps.elsewhere.of_user(user_id, limit=10_000):
        by_holder.setdefault(holder, []).append(report_id)
    return sorted(by_holder.items())


def held_export(deps, user_id):
    """Their reports made here and held elsewhere, each as its private view with its
    timeline, for the export of everything held about them (a subject access request)."""
    exported = []
    for holder, report_ids in _held(deps, user_id):
        with working_for(deps, holder) as home:
            for report in home.reports.get_many(report_ids):
                view = views.private_view(home, report, home.services.get(report.service_code))
                view["timeline"] = [views.update_view(u) for u in home.reports.updates(report.id)]
                exported.append({**view, "held_by": council_link(deps, holder, report.id)})
    return exported


def anonymise_held(deps, user_id):
    """An account erased here: its reports held elsewhere keep nothing that leads to it, but for those on
    a legal hold there: their ids, kept as they are."""
    kept = []
    for holder, report_ids in _held(deps, user_id):
        with working_for(deps, holder) as home:
            kept += [report_id for report_id in report_ids if not home.reports.anonymise(report_id)]
    return kept
