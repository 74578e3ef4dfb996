"""A form's own response templates, as data with the form (`templates` in its
definition: id, title, text with the inbox's placeholders, the state it
answers, auto). A form's case is answered with these and no other: a street
report's "Inspection booked" has nothing to say to a grant enquiry. Staff's
inspect asks for them through reports' hook (reports/hooks.py), since staff
sits below forms; the version read is the one the case was sent on."""
from datetime import datetime, timezone

from ...storage.records import ResponseTemplate

_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)  # a form's template has no time of its own: its form's version


def templates(deps, report):
    return [as_template(t) for t in definition_of(deps, report).get("templates") or ()]


def definition_of(deps, report):
    """The definition of the version the case's form was sent on (the latest once it was deleted)."""
    from .case_desk import latest_definition
    from .cases import sent_with_definition
    fields = report.fields or {}
    _, definition = sent_with_definition(deps, fields.get("form_reference"))
    return definition or latest_definition(deps, fields.get("form")) or {}


def as_template(given):
    return ResponseTemplate(id=given["id"], title=given["title"], text=given["text"], state=given.get("state"),
                            auto=bool(given.get("auto")), created_at=_EPOCH, updated_at=_EPOCH)
