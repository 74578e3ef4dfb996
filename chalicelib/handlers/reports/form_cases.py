"""What no one may do to a form's case, whichever screen or route asks
(forms/cases.py opens them). A form sent is its resident's own business:
nothing of it is made public (not its privacy, not its words through
moderation, not its category to a public one), and it is worked at a desk,
not in the street: no crew instructions, no crew job, no place on a map,
no hand-on to another body, no street report it duplicates. Checked on the
server, so a page that offered one of these could not do it either."""
from ... import visibility
from ...errors import Conflict
from . import wording


def is_form_case(report):
    return bool(visibility.form_reference(report))


FORM_FIELDS = ("form", "form_reference", "payment_id", "redacted_at")  # forms/cases.py, forms/case_retention.py


def kept_fields(report):
    """What makes a case its form's (and private for good): kept through a change of category, which
    drops the answers the new category does not ask."""
    fields = report.fields or {}
    return {k: fields[k] for k in FORM_FIELDS if k in fields} if is_form_case(report) else {}


def refuse_public(report, field):
    """409 form_case_private: a form's case is not made public in any way."""
    if is_form_case(report):
        raise Conflict(wording.FORM_CASE_PRIVATE, code="form_case_private",
                       fields=[{"field": field, "message": wording.FORM_CASE_PRIVATE}])


def refuse_street(report, field):
    """409 not_for_a_form_case: a street report's control asked of a form's case."""
    if is_form_case(report):
        raise Conflict(wording.NOT_FOR_A_FORM_CASE, code="not_for_a_form_case",
                       fields=[{"field": field, "message": wording.NOT_FOR_A_FORM_CASE}])


def check_change(deps, report, form):
    """A staff change (staff/inspect.py's form) to a form's case: every field it may not carry refused."""
    if not is_form_case(report):
        return
    if form.get("private") is False:
        refuse_public(report, "private")
    if "service_code" in form:
        service = deps.services.get(form["service_code"]) or {}
        if not service.get("private"):
            refuse_public(report, "service_code")
    for field in ("instructions", "lat", "lon", "duplicate_of"):
        if form.get(field) is not None:
            refuse_street(report, field)
    if form.get("status") == "duplicate":
        refuse_street(report, "status")
