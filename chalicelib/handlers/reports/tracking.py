"""Tracking a report: the view its caller may see (public, or private for its
owner, staff in scope, or the holder of its tracking token) and its timeline."""
from ... import ids, visibility
from ...errors import ApiError, NotFound
from . import across, views
from .wording import NO_SUCH_REPORT, READ_PRIVATE_VIEW, READ_TIMELINE, TOKEN_DOES_NOT_OPEN


def get_report(deps, report_id, token=None):
    """The private view for its tracking token, its owner and staff in scope;
    the public view for everyone else."""
    report = find_report(deps, report_id, elsewhere=lambda holder: across.held_view(deps, report_id, holder, token))
    if isinstance(report, dict):
        return report  # held by another council of the deployment: as the caller may see it there
    service = deps.services.get(report.service_code) or {}
    sends = deps.sends.for_report(report.id)
    if opens_privately(deps, report, token, READ_PRIVATE_VIEW):
        return views.private_view(deps, report, service, sends=sends)
    _refuse_unless_public(report, report_id)
    return views.public_view(deps, report, service, sends)


def get_updates(deps, report_id, token=None):
    """The timeline. Of a report whose details are private (a private category,
    or one staff made private), the public sees when its status changed and
    nothing that was written or photographed: the one visibility rule, as the
    report's own public view applies it."""
    report = find_report(deps, report_id, elsewhere=lambda holder: across.held_updates(deps, report_id, holder, token))
    if isinstance(report, dict):
        return report
    private = opens_privately(deps, report, token, READ_TIMELINE)
    if not private:
        _refuse_unless_public(report, report_id)
    details = private or visibility.details_are_public(report, deps.services.get(report.service_code))
    return {"report_id": report.id,
            "updates": [views.update_view(u, deps, details, signed=private or None)
                        for u in deps.reports.updates(report.id)],
            "sent_to": [views.sent_view(s) for s in deps.sends.for_report(report.id) if s.state != "withdrawn"]}


def opens_privately(deps, report, token=None, what=READ_PRIVATE_VIEW):
    """Whether the caller sees everything: its tracking token (a wrong one is a
    403), its owner, or an officer of the reports desk in scope who says why
    (the reading of `what` audited); an officer who does not say sees what the
    public does, as on the map."""
    from ...auth.policy import can_see_private, owns
    from ..shared.reading import audited
    if token is not None:
        if not report.token_hash or not ids.constant_time_equal(report.token_hash, ids.digest(token)):
            raise ApiError(TOKEN_DOES_NOT_OPEN, status=403, code="invalid_token")
        return True
    if owns(deps.principal, report):
        return True
    if not can_see_private(deps.principal, report) or deps.reason is None:
        return False
    audited(deps, report.id, what, after=report.version)
    return True


def _refuse_unless_public(report, report_id):
    """A form's case is as unknown to the public as a reference never given."""
    if visibility.form_reference(report):
        raise NotFound(NO_SUCH_REPORT.format(report_id=report_id), code="report_not_found")


def find_report(deps, report_id, elsewhere=None):
    """The report with this reference (as clients spell it), or a 404. elsewhere: for a
    reference this council keeps a pointer under (made here, held by another council
    of the deployment), what elsewhere(holder) answers instead of the 404."""
    rid = ids.normalise_report_id(report_id or "")
    report = deps.reports.get(rid) if ids.is_report_id(rid) else None
    if report is None and elsewhere is not None and ids.is_report_id(rid):
        holder = deps.elsewhere.holder(rid)
        report = elsewhere(holder) if holder else None
    if report is None:
        raise NotFound(NO_SUCH_REPORT.format(report_id=report_id), code="report_not_found")
    return report
