"""A form's case as its resident sees it from the link in a message about it
(alerts/form_case_links.py): the form, its FM- reference, the state, when it
was sent and last changed, and the council's latest public words. Never the
answers, the contact or the case's DS- reference's own page: the token is
the only credential, and it shows what the message carrying it says."""
from ... import states, visibility
from ...errors import NotFound
from ...stamps import stamp
from . import wording


def show(deps, token):
    from ..alerts.form_case_links import read
    named = read(token)
    report = deps.reports.get(named[0]) if named else None
    if report is None or visibility.form_reference(report) != named[1]:
        raise NotFound(wording.CASE_LINK_NOT_VALID, code="link_not_valid")
    return {"reference": named[1], "form": visibility.form_title(report), "state": report.state,
            "status": states.LABELS.get(report.state, report.state), "closed": not states.is_open(report.state),
            "sent_at": stamp(report.created_at), "updated_at": stamp(report.updated_at),
            "update": report.status_notes}
