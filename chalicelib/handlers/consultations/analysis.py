"""What staff see of the responses: live counts by ward (the counters the
responses ADD to: one Query, never the responses themselves), and the
responses as two CSV files for analysis, joined by the response's reference:
`responses.csv` (the answers that say what people think, the ward, flags)
and `respondents.csv` (the answers that say who they are or where they live:
names, e-mails, phones, addresses, properties, points, and the postcode),
downloaded by an officer who says why, each download in the audit.

Free text is kept whole: newlines, commas and quotes survive through the csv
module's quoting, nothing is cut; a cell a spreadsheet would run as a formula
starts with an apostrophe (CSV injection), as forms' export does."""

from ...stamps import stamp
from .definition import form_of
from .managing import get_or_404
from .responding import PERSONAL_TYPES
from .timing import status

ROWS_MAX = 50_000  # one download; a consultation's responses are read a page (200) at a time


def counts(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    by_ward, total = deps.consultations.counts(consultation_id)
    return {"id": consultation_id, "status": status(consultation, deps.clock()), "total": total,
            "wards": [{"ward": ward, "responses": n} for ward, n in sorted(by_ward.items()) if n > 0],
            "counted_at": stamp(deps.clock())}


def questions(consultation, personal):
    """[(question id, label)] in the form's order: the personal ones, or the others."""
    found = []
    for page in form_of(consultation.doc)["pages"]:
        for q in page["questions"]:
            if _is_personal(q) == personal:
                found.append((q["id"], q["label"]))
    return found


def _is_personal(question):
    return question["type"] in PERSONAL_TYPES or (question["type"] == "date"
                                                  and question.get("input") == "date_of_birth")


def responses_csv(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    columns = questions(consultation, personal=False)
    head = ["response", "sent_at", "changed_at", "ward", "signed_in", "flags", *(label for _, label in columns)]
    return _write(deps, consultation_id, head, lambda r: [
        r.id, stamp(r.created_at), stamp(r.updated_at), r.ward, "yes" if r.user_id else "no", "; ".join(r.flags),
        *(_cell(r.answers.get(qid)) for qid, _ in columns)])


def respondents_csv(deps, consultation_id):
    consultation = get_or_404(deps, consultation_id)
    _audited(deps, consultation)  # personal details read by staff: who, when, why, before they are read
    columns = questions(consultation, personal=True)
    head = ["response", "postcode", *(label for _, label in columns)]
    return _write(deps, consultation_id, head, lambda r: [
        r.id, r.postcode or "", *(_cell(r.answers.get(qid)) for qid, _ in columns)])


def _audited(deps, consultation):
    """A line in the consultation's staff audit (the audit table, under its id), with why, numbered after
    its version as every reading of a thing with changes is (shared/reading.py): never overwritten."""
    from ..shared.reading import audited
    audited(deps, consultation.id, f"{consultation.id}-respondents.csv", after=consultation.version,
            action="respondents_downloaded", name="respondents_csv")


def _write(deps, consultation_id, head, row_of):
    from ..shared.csv_pages import paged
    return paged(head, lambda cursor: deps.consultation_responses.page(consultation_id, cursor), row_of, ROWS_MAX)


def _cell(value):
    from ..forms.cases import in_words
    if value is None:
        return ""
    from ..shared.csv_pages import safe
    return safe(in_words(value))
