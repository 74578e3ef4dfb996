"""A reporter withdraws a photo of theirs (DELETE /v1/reports/{id}/photos/{name}),
with the tracking token or signed in as the report's owner (FixMyStreet's
2644: a reporter's own say over what the public sees of them).

The photo leaves every public output as a moderated one does, and is kept
for staff as the report's evidence, marked withdrawn by its reporter; the
public is not told "moderated by the council", since the council did not.
"""
from ...auth.policy import owns
from ...errors import ApiError, Conflict
from ...ids import constant_time_equal, digest
from ..opendata.export import rewrite_report
from ..reports.tracking import find_report
from ..reports.transition import transition
from . import hiding
from .wording import ONLY_REPORTER_WITHDRAWS, REPORT_CHANGED

BY_REPORTER = "withdrawn by its reporter"


def withdraw_photo(deps, report_id, name, token=None):
    report = find_report(deps, report_id)
    if not is_its_reporter(deps, report, token):
        raise ApiError(ONLY_REPORTER_WITHDRAWS, status=403, code="not_your_report")
    now = deps.clock()
    by = ("reporter", None) if deps.principal is None else (deps.principal.user_id, deps.principal.email)
    moved, again = hiding.hide(deps, report, [name], now, ("reporter", "reporter"), BY_REPORTER)
    write = None
    if moved:
        report.updated_at = now
        write = transition(deps, report, now, action="photo_withdrawn", by=by,
                           changes={"photos_hidden": {"before": None, "after": moved},
                                    "reason": {"before": None, "after": BY_REPORTER}})
    hiding.commit(deps, write, moved + again, lambda: Conflict(REPORT_CHANGED, code="edit_conflict"))
    if write is not None:
        rewrite_report(deps, report)


def is_its_reporter(deps, report, token):
    """Its tracking token, or signed in as its owner; staff are not its
    reporter here (they moderate instead, with a reason)."""
    if token is not None:
        return bool(report.token_hash) and constant_time_equal(report.token_hash, digest(token))
    return owns(deps.principal, report)
