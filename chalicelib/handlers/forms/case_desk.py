"""A form's case as an officer works it at the desk: the form it came from,
its reference, the answers sent laid out question by question (a choice in the
words the resident read, each file named with its size, to be opened through
case_files.py), the fee paid, the form's own team and its own templates;
read by an officer who says why, each reading in the case's audit.
The report holds the answers as words too (its description), but a page that
reads the case from here never shows that paragraph.

After the form's retention the submission is deleted and the case redacted:
the view then says so and keeps the form's title, team and templates."""
from ...stamps import stamp
from . import wording
from .case_files import form_case
from .cases import in_words, labelled
from .routing import page_of


def case_view(deps, report_id):
    """The case for an officer whose scope covers it, once they have said why (the reading audited)."""
    from ..shared.reading import audited
    report, submission, definition = form_case(deps, report_id)
    audited(deps, report.id, wording.READ_ANSWERS, after=report.version)
    fields = report.fields or {}
    if definition is None:
        definition = latest_definition(deps, fields.get("form")) or {}
    receiving = definition.get("receiving") or {}
    out = {"report_id": report.id, "form_id": fields.get("form"), "reference": fields.get("form_reference"),
           "title": definition.get("title"), "team": receiving.get("team"),
           "templates": [template_view(t) for t in definition.get("templates") or ()],
           "deleted": submission is None, "pages": []}
    if submission is None:
        return out
    out.update(version=submission.form_version, submitted_at=stamp(submission.submitted_at),
               paid=_paid(submission.paid), pages=[_page(page_of(definition, page_id), submission.answers)
                                                  for page_id in submission.taken if page_of(definition, page_id)])
    return out


def latest_definition(deps, form_id):
    head = deps.forms.head(form_id) if form_id else None
    return deps.forms.definition(form_id, head.latest) if head is not None else None


def template_view(template):
    return {"id": template["id"], "title": template["title"], "text": template["text"],
            "state": template.get("state"), "auto": bool(template.get("auto"))}


def _paid(paid):
    if not paid:
        return None
    return {"amount": paid["amount"], "description": paid["description"], "payment_id": paid["payment_id"]}


def _page(page, answers):
    return {"id": page["id"], "title": page.get("title"),
            "questions": [_question(q, answers.get(q["id"])) for q in page["questions"]]}


def _question(q, value):
    out = {"id": q["id"], "label": q["label"], "type": q["type"]}
    if q["type"] == "file":
        out["files"] = [{"id": f["upload_id"], "name": f.get("name"), "content_type": f["content_type"],
                         "size": f["size"]} for f in value or () if isinstance(f, dict) and "upload_id" in f]
        out["answer"] = None if out["files"] else in_words(None)
    elif q["type"] == "name" and isinstance(value, dict):  # "Ada Lovelace", not "Ada, Lovelace"
        out["answer"] = " ".join(v for v in value.values() if v)
    else:
        out["answer"] = in_words(labelled(q, value))
    return out
